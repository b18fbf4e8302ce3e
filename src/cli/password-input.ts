import { randomBytes } from "node:crypto";
import { CliError, EXIT } from "./context.js";

/**
 * How `tsunagu user add` gets a password without it ever appearing in a process list or shell
 * history: typed at a prompt without echo, piped on stdin (`--password-stdin`), or generated and
 * shown once (`--generate-password`).
 */
export async function readPasswordFromStdin(stdin: NodeJS.ReadStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk));
  const line = Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
  if (!line) throw new CliError("no password on stdin", EXIT.usage);
  return line;
}

/** Reads one line from the terminal without echoing it. */
export function promptHidden(question: string, stdin: NodeJS.ReadStream = process.stdin, out: NodeJS.WriteStream = process.stderr): Promise<string> {
  return new Promise((resolve, reject) => {
    out.write(question);
    let value = "";
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    const done = (fn: () => void) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      out.write("\n");
      fn();
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") return done(() => resolve(value));
        if (ch === "\u0003") return done(() => reject(new CliError("cancelled", EXIT.error)));
        if (ch === "\u007f" || ch === "\b") value = [...value].slice(0, -1).join("");
        else value += ch;
      }
    };
    stdin.on("data", onData);
  });
}

export async function promptNewPassword(): Promise<string> {
  if (!process.stdin.isTTY) throw new CliError("no terminal to ask for a password: use --password-stdin or --generate-password", EXIT.usage);
  const first = await promptHidden("Password: ");
  const second = await promptHidden("Repeat the password: ");
  if (first !== second) throw new CliError("the passwords differ", EXIT.usage);
  return first;
}

/** 20 characters from an unambiguous alphabet (no 0/O, 1/l/I): ~114 bits. */
export function generatePassword(): string {
  const alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return [...randomBytes(20)].map((b) => alphabet[b % alphabet.length]).join("");
}
