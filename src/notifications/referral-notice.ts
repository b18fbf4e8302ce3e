import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";
import type { MailMessage } from "./mailer.js";

/**
 * The notice a referral change sends: to the receiving partner when it is sent or withdrawn, to
 * the referring staff member when the partner responds. It names the reference number and the
 * service, and links to a page that needs login — nothing about the family.
 */
const STATUS_JA: Record<string, string> = {
  sent: "新しい紹介が届きました",
  accepted: "紹介が受け入れられました",
  declined: "紹介が辞退されました",
  in_progress: "支援が始まりました",
  completed: "支援が完了しました",
  not_completed: "支援が完了しませんでした",
  withdrawn: "紹介が取り下げられました",
};
const STATUS_EN: Record<string, string> = {
  sent: "New referral",
  accepted: "Referral accepted",
  declined: "Referral declined",
  in_progress: "Support started",
  completed: "Support completed",
  not_completed: "Support not completed",
  withdrawn: "Referral withdrawn",
};

export async function referralNotice(db: Kysely<Database>, referralId: string, publicUrl: string): Promise<MailMessage | undefined> {
  const r = await db
    .selectFrom("referral as r")
    .innerJoin("service as s", "s.id", "r.service_id")
    .select(["r.id", "r.reference", "r.status", "r.organization_id", "r.created_by", "s.name as service_name"])
    .where("r.id", "=", referralId)
    .executeTakeFirst();
  if (!r) return undefined;

  const toPartner = r.status === "sent" || r.status === "withdrawn";
  const recipients = toPartner
    ? await db.selectFrom("app_user").select("email").where("organization_id", "=", r.organization_id).where("role", "=", "partner").where("disabled_at", "is", null).execute()
    : r.created_by
      ? await db.selectFrom("app_user").select("email").where("id", "=", r.created_by).where("disabled_at", "is", null).execute()
      : [];
  if (recipients.length === 0) return undefined;

  const link = `${publicUrl.replace(/\/$/, "")}/${toPartner ? "partner" : "staff"}/referrals/${r.id}`;
  return {
    to: recipients.map((u) => u.email),
    subject: `[Tsunagu] ${STATUS_JA[r.status]} ${r.reference} / ${STATUS_EN[r.status]}`,
    text: [
      `${STATUS_JA[r.status]}（${r.reference}）`,
      `サービス: ${r.service_name}`,
      `詳しくはログインして確認してください: ${link}`,
      "",
      `${STATUS_EN[r.status]} (${r.reference}) for ${r.service_name}.`,
      `Sign in to see it: ${link}`,
    ].join("\n"),
  };
}
