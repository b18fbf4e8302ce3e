/**
 * Freshness of published records: each carries when (and by whom) it was last verified, and is
 * due again after the cadence (default 12 months, `TSUNAGU_VERIFICATION_MONTHS`); past that it is
 * flagged stale for staff. AIRS-style directories re-verify about yearly (shared/research/peers.md).
 */
export function verificationDueAt(verifiedAt: Date | null, months: number): Date | null {
  if (!verifiedAt) return null;
  const due = new Date(verifiedAt);
  due.setUTCMonth(due.getUTCMonth() + months);
  return due;
}

/** Verified before this instant means stale now. */
export function staleBefore(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

/** Only published records go stale; one never verified is stale from the start. */
export function isStale(status: string, verifiedAt: Date | null, months: number, now: Date): boolean {
  if (status !== "published") return false;
  return !verifiedAt || verifiedAt < staleBefore(now, months);
}
