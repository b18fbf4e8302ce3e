import type { Cost } from "../../catalog/draft.js";
import { parseYen, saysFree } from "../../domain/cost-text.js";
import type { Cells } from "./columns.js";

/**
 * What a row says a family pays. Unknown is not free: a row that says nothing gets the kind's
 * usual cost from the mapping table, or "ask them", so a 無料 filter never shows a guess.
 */
const ASK = "料金はお問い合わせください";

const SHOKUDO_FEES = [
  ["feeInfant", "幼児"],
  ["feeElementary", "小学生"],
  ["feeJunior", "中学生"],
  ["feeHigh", "高校生"],
  ["feeAdult", "大人"],
] as const;

/** むすびえ 参加費_幼児…参加費_大人: what a child pays decides; the amount is the highest child fee. */
export function shokudoCost(cells: Cells): Cost {
  const fees = SHOKUDO_FEES.map(([key, label]) => ({ label, yen: parseYen(cells[key]), child: key !== "feeAdult" }));
  const listed = fees.filter((f) => f.yen !== undefined).map((f) => `${f.label}${f.yen === 0 ? "無料" : `${f.yen}円`}`).join("・");
  const description = [listed, cells.feeNote].filter(Boolean).join("。").slice(0, 300) || undefined;
  const childFees = fees.filter((f) => f.child && f.yen !== undefined).map((f) => f.yen!);
  if (childFees.length) {
    const max = Math.max(...childFees);
    return max === 0 ? withDescription({ kind: "free" }, description) : withDescription({ kind: "fee", amountYen: max }, description);
  }
  if (saysFree(cells.feeNote)) return withDescription({ kind: "free" }, description);
  return { kind: "fee", description: description ?? ASK };
}

/** 子育て施設一覧: 子供預かり料金 when given, else the kind's usual cost, else "ask". */
export function facilityCost(cells: Cells, usual: Cost | undefined): Cost {
  const yen = parseYen(cells.childcareFee);
  const note = [cells.childcareFee && yen === undefined ? cells.childcareFee : "", cells.childcareFeeNote].filter(Boolean).join("。").slice(0, 300);
  if (yen !== undefined) return withDescription(yen === 0 ? { kind: "free" } : { kind: "fee", amountYen: yen }, note || undefined);
  if (usual) return withDescription(usual, note || usual.description);
  return { kind: "fee", description: note || ASK };
}

function withDescription(cost: Cost, description: string | undefined): Cost {
  return description ? { ...cost, description } : cost;
}
