import type { Logger } from "../log.js";

/**
 * Where notifications go: SMTP when `SMTP_URL` is configured on Node (smtp-mailer.ts), otherwise
 * the log, so a demo, a test or a Worker shows what would have been sent. Messages never carry
 * personal data.
 */
export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
}

export interface Mailer {
  readonly kind: "smtp" | "log";
  send(message: MailMessage): Promise<void>;
}

/** Writes each notice to the log instead of sending it. */
export function logMailer(log: Logger): Mailer {
  return {
    kind: "log",
    async send(message) {
      log.info("notification (no SMTP configured)", { to: message.to, subject: message.subject, text: message.text });
    },
  };
}
