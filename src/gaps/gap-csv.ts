import { stringify } from "csv-stringify/sync";
import type { GapReport } from "./gap-report.js";

/** The area table as CSV that opens in Excel (UTF-8 with BOM, CRLF); suppressed cells read 「5未満」. */
export function gapReportCsv(report: GapReport): string {
  const hidden = "5未満";
  const rows = report.byArea.map((a) => [a.kind, a.cell.id, a.cell.lat, a.cell.lng, a.plans ?? hidden, a.unmet ?? hidden]);
  return stringify([["種別 kind", "区画 cell", "緯度 lat", "経度 lng", "プラン数 plans", "未充足 unmet"], ...rows], { bom: true, record_delimiter: "windows" });
}
