import { cpus, loadavg } from "node:os";

/**
 * The benchmark report: each suite measures something and returns rows (a figure with its unit and,
 * where there is one, the target it is held to). `bench/run.ts` merges the rows of the suites it ran
 * into bench/results.json and rewrites the table in bench/README.md from it, so a partial run
 * (`--only search`) refreshes its own rows and keeps the others.
 */
export interface BenchRow {
  /** What was measured, e.g. "text query p50 (200k docs)". */
  metric: string;
  value: number;
  unit: string;
  /** Human-readable target, e.g. "< 2 ms". */
  target?: string;
  /** Whether the target is met (absent when there is no target). */
  met?: boolean;
  note?: string;
}

export interface BenchContext {
  /** Documents for catalog-sized suites (`--docs N`, default 200,000). */
  docs: number;
  /** PostgreSQL to measure against (DATABASE_URL, or the local server). */
  postgresUrl: string;
  log(message: string): void;
}

export interface BenchSuite {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}

export interface SuiteResult {
  suite: string;
  description: string;
  measuredAt: string;
  docs: number;
  machine: string;
  rows: BenchRow[];
}

/** Percentile of sorted samples (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function summarize(samplesMs: number[]) {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), n: sorted.length };
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** A row held to an upper bound: `met` says whether value ≤ limit. */
export function atMost(metric: string, value: number, unit: string, limit: number, note?: string): BenchRow {
  return { metric, value: round(value), unit, target: `≤ ${limit} ${unit}`, met: value <= limit, note };
}

export function atLeast(metric: string, value: number, unit: string, floor: number, note?: string): BenchRow {
  return { metric, value: round(value), unit, target: `≥ ${floor} ${unit}`, met: value >= floor, note };
}

export function measured(metric: string, value: number, unit: string, note?: string): BenchRow {
  return { metric, value: round(value), unit, note };
}

/** "load average 3.1 on 2 cores at the end of the run": the note for figures measured on a machine others share. */
export function machineLoad(when = "at the end of the run"): string {
  return `load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores ${when}`;
}
