import nodemailer from "nodemailer";
import type { Logger } from "../log.js";

/**
 * Where notifications go: SMTP when `SMTP_URL` is configured (nodemailer), otherwise the log, so
 * a demo or a test shows what would have been sent. Messages never carry personal data.
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

export function createMailer(options: { smtpUrl?: string; from: string; log: Logger }): Mailer {
  if (!options.smtpUrl) {
    return {
      kind: "log",
      async send(message) {
        options.log.info("notification (no SMTP configured)", { to: message.to, subject: message.subject, text: message.text });
      },
    };
  }
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    kind: "smtp",
    async send(message) {
      await transport.sendMail({ from: options.from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}
