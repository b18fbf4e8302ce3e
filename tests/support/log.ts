import type { Logger } from "../../src/log.js";

/** A logger that keeps every line (to check what was logged, and that no secret ever is). */
export function capturingLogger(lines: string[]): Logger {
  const write = (level: string) => (msg: string, fields?: Record<string, unknown>) => void lines.push(JSON.stringify({ level, msg, ...fields }));
  const logger: Logger = { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error"), child: () => logger };
  return logger;
}
