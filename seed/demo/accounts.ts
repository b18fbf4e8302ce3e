import type { UserRole } from "../../src/db/database.js";
import { stableId } from "../ids.js";
import { demoCenter } from "./centers.js";
import { type CuratedOrganization, PARTNER1_ORG, PARTNER2_ORG } from "./partners.js";

/** Every demo account signs in with this (demo data only; real deployments create users with the CLI). */
export const DEMO_PASSWORD = "tsunagu-demo";

/** A demo login, as the server prints it at start and as `app_user` holds it. */
export interface DemoAccount {
  id: string;
  email: string;
  role: UserRole;
  displayName: string;
  profession?: string;
  centerId?: string;
  organizationId?: string;
  /** 「川口市こども家庭センター」 or the organization's name. */
  belongsTo: string;
}

type Spec = Pick<DemoAccount, "email" | "role" | "displayName" | "profession"> & { center?: string; organization?: CuratedOrganization };

/** The accounts of API.md's "Demo data" table, plus a few more staff so both halves of each center (母子保健 and 児童福祉) are present. */
const SPECS: readonly Spec[] = [
  { email: "staff1@example.jp", role: "staff", center: "112038", profession: "保健師", displayName: "川口 保健師（デモ）" },
  { email: "admin1@example.jp", role: "center_admin", center: "112038", profession: "統括支援員（社会福祉士）", displayName: "川口 統括支援員（デモ）" },
  { email: "shien1@example.jp", role: "staff", center: "112038", profession: "子ども家庭支援員", displayName: "川口 子ども家庭支援員（デモ）" },
  { email: "staff2@example.jp", role: "staff", center: "112241", profession: "子ども家庭支援員", displayName: "戸田 子ども家庭支援員（デモ）" },
  { email: "hoken2@example.jp", role: "staff", center: "112241", profession: "保健師", displayName: "戸田 保健師（デモ）" },
  { email: "admin2@example.jp", role: "center_admin", center: "112241", profession: "統括支援員（保健師）", displayName: "戸田 統括支援員（デモ）" },
  { email: "partner1@example.jp", role: "partner", organization: PARTNER1_ORG, displayName: "ひだまりネット 事務局（デモ）" },
  { email: "partner2@example.jp", role: "partner", organization: PARTNER2_ORG, displayName: "そよかぜ子育てネット 事務局（デモ）" },
];

export const DEMO_ACCOUNTS: readonly DemoAccount[] = SPECS.map(({ center, organization, ...spec }) => {
  const c = center ? demoCenter(center) : undefined;
  return {
    id: stableId("demo", "user", spec.email),
    ...spec,
    ...(c ? { centerId: c.id } : {}),
    ...(organization ? { organizationId: organization.id } : {}),
    belongsTo: c?.name ?? `${organization!.form}${organization!.name.ja}`,
  };
});

/** The staff member recorded as having verified a demo service of this municipality. */
export function demoReviewer(municipalityCode: string): DemoAccount {
  const center = demoCenter(municipalityCode);
  return DEMO_ACCOUNTS.find((a) => a.role === "staff" && a.centerId === center.id)!;
}
