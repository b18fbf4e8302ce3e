import nodemailer from "nodemailer";
import type { Logger } from "../log.js";
import { type Mailer, logMailer } from "./mailer.js";

/** SMTP through nodemailer when a URL is configured (Node only: it needs TCP sockets), else the log. */
export function createMailer(options: { smtpUrl?: string; from: string; log: Logger }): Mailer {
  if (!options.smtpUrl) return logMailer(options.log);
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    kind: "smtp",
    async send(message) {
      await transport.sendMail({ from: options.from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}
