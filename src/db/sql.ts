/** Escapes `%`, `_` and `\` so user text inside a LIKE pattern matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** PostgreSQL's unique_violation (23505) on the named constraint: another transaction inserted the same key first. */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  const e = err as { code?: string; constraint?: string } | undefined;
  return e?.code === "23505" && e.constraint === constraint;
}
