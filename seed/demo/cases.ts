import type { Kysely } from "kysely";
import type { Database } from "../../src/db/database.js";
import type { PlanInput } from "../../src/plans/plan.js";
import { planInputSchema } from "../../src/plans/plan.js";
import { insertPlan } from "../../src/plans/repository.js";
import { TERMINAL, type ReferralStatus } from "../../src/referrals/referral.js";
import { insertEvent, insertReferral, nextReference } from "../../src/referrals/repository.js";
import { Random } from "../random.js";
import type { Place } from "../place.js";
import { DEMO_ACCOUNTS } from "./accounts.js";
import { demoCenter } from "./centers.js";
import { PARTNER1_ORG, PARTNER2_ORG } from "./partners.js";
import { DEMO_PLACES } from "./places.js";

/**
 * Fictional support plans for the demo centers, so the staff console, the referral board and the
 * gap analysis have something to show. Each follows a situation centers meet every week; case
 * references start with DEMO- and nothing in them describes a real family.
 */
interface Profile {
  weight: number;
  family: (rng: Random) => Omit<PlanInput["family"], "lat" | "lng">;
  needs: PlanInput["needs"];
  constraints?: PlanInput["constraints"];
}

const PROFILES: readonly Profile[] = [
  {
    weight: 3,
    family: (rng) => ({ children: [], pregnancyWeeks: rng.int(24, 36), languages: ["ja"], flags: {} }),
    needs: [{ kind: "perinatal-support", urgency: "normal", note: "初めての出産で、相談できる人が近くにいない" }, { kind: "postpartum-care", urgency: "normal" }],
  },
  {
    weight: 3,
    family: (rng) => ({ children: [{ ageMonths: rng.int(1, 5) }], languages: ["ja"], flags: {} }),
    needs: [{ kind: "postpartum-care", urgency: "high", note: "睡眠不足で休息が必要" }, { kind: "home-help", urgency: "normal" }],
  },
  {
    weight: 3,
    family: (rng) => ({ children: [{ ageMonths: rng.int(30, 48) }], languages: ["ja"], flags: {} }),
    needs: [{ kind: "temporary-care", urgency: "high", note: "保護者が夜間に勤務" }, { kind: "short-stay", urgency: "normal" }],
    constraints: { maxDistanceMeters: 3000 },
  },
  {
    weight: 2,
    family: (rng) => ({ children: [{ ageMonths: rng.int(110, 150) }], languages: ["ja"], flags: {} }),
    needs: [{ kind: "school-consult", urgency: "high", note: "2か月ほど登校していない" }, { kind: "ibasho", urgency: "normal" }],
  },
  {
    weight: 2,
    family: (rng) => ({ children: [{ ageMonths: rng.int(36, 60) }], languages: ["ja"], flags: { disabilityCertificate: true } }),
    needs: [{ kind: "disability-support", urgency: "normal", note: "ことばの発達について相談したい" }],
  },
  {
    weight: 3,
    family: (rng) => ({ children: [{ ageMonths: rng.int(84, 120) }, { ageMonths: rng.int(48, 72) }], languages: ["ja"], flags: { publicAssistance: true } }),
    needs: [{ kind: "kodomo-shokudo", urgency: "normal" }, { kind: "after-school", urgency: "normal" }],
    constraints: { maxCostYen: 300, days: ["mon", "tue", "wed", "thu", "fri"] },
  },
  {
    weight: 3,
    family: (rng) => ({ children: [{ ageMonths: rng.int(6, 24) }], languages: ["ja"], flags: {} }),
    needs: [{ kind: "hiroba", urgency: "normal", note: "転入したばかりで、近くに話せる人がいない" }, { kind: "consult-point", urgency: "low" }],
  },
  {
    weight: 2,
    family: (rng) => ({ children: [{ ageMonths: rng.int(12, 30) }], languages: [rng.pick(["vi", "zh", "tl", "ne"]), "ja"], flags: {} }),
    needs: [{ kind: "hiroba", urgency: "low", note: "日本語での子育て情報が少ない" }, { kind: "daycare", urgency: "normal" }],
  },
];

export interface DemoCase {
  centerId: string;
  createdBy: string;
  input: PlanInput;
}

const PLANS_PER_CENTER = 36;

export function buildDemoCases(): DemoCase[] {
  return DEMO_PLACES.flatMap((place) => casesFor(place));
}

function casesFor(place: Place): DemoCase[] {
  const rng = new Random(`demo-cases-${place.code}`);
  const center = demoCenter(place.code);
  const staff = DEMO_ACCOUNTS.filter((a) => a.centerId === center.id && a.role === "staff");
  return Array.from({ length: PLANS_PER_CENTER }, (_, i) => {
    const profile = rng.weighted(PROFILES.map((p) => [p, p.weight] as const));
    const town = rng.pick(place.towns);
    const input = planInputSchema.parse({
      caseRef: `DEMO-${place.code}-${String(i + 1).padStart(4, "0")}`,
      family: {
        ...profile.family(rng),
        // Rounded to about 100 m: a plan keeps an approximate location, never an address.
        lat: Math.round((town.lat + (rng.next() - 0.5) * 0.006) * 1000) / 1000,
        lng: Math.round((town.lng + (rng.next() - 0.5) * 0.006) * 1000) / 1000,
      },
      needs: profile.needs,
      constraints: profile.constraints ?? {},
    });
    return { centerId: center.id, createdBy: rng.pick(staff).id, input };
  });
}

/** Referral histories for the demo board: one of each situation, addressed to the partner accounts' services. */
const REFERRAL_STORIES: readonly { daysAgo: number; path: { status: ReferralStatus; reason?: string; outcome?: string; note?: string }[] }[] = [
  { daysAgo: 1, path: [] },
  { daysAgo: 9, path: [] },
  { daysAgo: 6, path: [{ status: "accepted", note: "来週の食堂にご案内します" }] },
  { daysAgo: 14, path: [{ status: "accepted" }, { status: "in_progress", note: "週1回の訪問を開始" }] },
  { daysAgo: 30, path: [{ status: "accepted" }, { status: "in_progress" }, { status: "completed", outcome: "got_help" }] },
  { daysAgo: 20, path: [{ status: "declined", reason: "no_capacity", note: "今月は定員に達しています" }] },
  { daysAgo: 40, path: [{ status: "accepted" }, { status: "not_completed", outcome: "could_not_get_help", note: "連絡がつきませんでした" }] },
];

/** Inserts the demo plans and referrals (no audit rows: like the catalog, they are the starting state). */
export async function insertDemoCases(trx: Kysely<Database>, now: Date): Promise<{ plans: number; referrals: number }> {
  const cases = buildDemoCases();
  const planIds = new Map<string, { id: string; centerId: string; createdBy: string; kinds: string[] }>();
  for (const c of cases) {
    const id = await insertPlan(trx, c.centerId, c.input, c.createdBy);
    planIds.set(c.input.caseRef, { id, centerId: c.centerId, createdBy: c.createdBy, kinds: c.input.needs.map((n) => n.kind) });
  }

  const services = await trx
    .selectFrom("service")
    .select(["id", "kind", "organization_id"])
    .where("organization_id", "in", [PARTNER1_ORG.id, PARTNER2_ORG.id])
    .where("verification_status", "=", "published")
    .orderBy("name")
    .execute();
  const partnerOf = (orgId: string) => DEMO_ACCOUNTS.find((a) => a.organizationId === orgId)!;
  let referrals = 0;
  const perCenter = new Map<string, number>();
  const needs = [...planIds.values()].flatMap((plan) => plan.kinds.map((kind) => ({ plan, kind })));
  for (const { plan, kind } of needs) {
    const service = services.find((s) => s.kind === kind && demoCenterIdOf(s.organization_id) === plan.centerId);
    const told = perCenter.get(plan.centerId) ?? 0;
    const story = REFERRAL_STORIES[told];
    if (!service || !story) continue;
    perCenter.set(plan.centerId, told + 1);
    const sentAt = new Date(now.getTime() - story.daysAgo * 86_400_000);
    const id = await insertReferral(trx, {
      reference: await nextReference(trx, sentAt),
      center_id: plan.centerId,
      plan_id: plan.id,
      service_id: service.id,
      organization_id: service.organization_id,
      need_kind: service.kind,
      status: story.path.at(-1)?.status ?? "sent",
      contact_preference: "via_center",
      consent_given: true,
      consent_privacy_notice_shared: true,
      consent_share_contact: false,
      consent_wording_version: "demo",
      consent_recorded_at: sentAt,
      created_by: plan.createdBy,
      created_at: sentAt,
      updated_at: sentAt,
    });
    await insertEvent(trx, { referral_id: id, status: "sent", actor_user_id: plan.createdBy, actor_role: "staff", occurred_at: sentAt });
    let from: ReferralStatus = "sent";
    for (const [i, step] of story.path.entries()) {
      const at = new Date(sentAt.getTime() + (i + 1) * 86_400_000);
      const event = { referral_id: id, status: step.status, from_status: from, note: step.note ?? null, reason: step.reason ?? null, outcome: step.outcome ?? null };
      await insertEvent(trx, { ...event, actor_user_id: partnerOf(service.organization_id).id, actor_role: "partner", occurred_at: at });
      from = step.status;
    }
    if (story.path.length) {
      const last = new Date(sentAt.getTime() + story.path.length * 86_400_000);
      await trx.updateTable("referral").set({ responded_at: new Date(sentAt.getTime() + 86_400_000), updated_at: last, ...(TERMINAL.has(from) ? { closed_at: last } : {}) }).where("id", "=", id).execute();
    }
    referrals++;
  }
  return { plans: cases.length, referrals };
}

function demoCenterIdOf(organizationId: string): string {
  return demoCenter(organizationId === PARTNER1_ORG.id ? PARTNER1_ORG.municipalityCodes[0]! : PARTNER2_ORG.municipalityCodes[0]!).id;
}
