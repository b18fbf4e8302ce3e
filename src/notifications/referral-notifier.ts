import type { Kysely } from "kysely";
import type { Config } from "../config.js";
import type { Database } from "../db/database.js";
import type { Mailer } from "./mailer.js";
import { referralNotice } from "./referral-notice.js";

/** What the outbox worker calls for `referral.notify` rows: one notice per referral changed. */
export type ReferralNotifier = (referralIds: readonly string[]) => Promise<void>;

export function createReferralNotifier(db: Kysely<Database>, config: Config, mailer: Mailer): ReferralNotifier {
  const publicUrl = config.TSUNAGU_PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  return async (referralIds) => {
    for (const id of referralIds) {
      const notice = await referralNotice(db, id, publicUrl);
      if (notice) await mailer.send(notice);
    }
  };
}
