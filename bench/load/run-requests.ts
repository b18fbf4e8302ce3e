import autocannon from "autocannon";
import { summarize } from "../harness.js";
import type { LoadRequest } from "./mix.js";

export interface LoadResult {
  requests: number;
  /** Socket errors, timeouts and answers with a status the request did not expect. */
  errors: number;
  /** `kind status` → count, for every answer that was not expected (and `socket errors`). */
  unexpected: Record<string, number>;
  /** Latency in ms (autocannon's histogram: whole milliseconds). */
  p50: number;
  p99: number;
  requestsPerSecond: number;
  durationSeconds: number;
  /** Per kind of request: how many, their latency p50 / p99 in ms (timed here, not by autocannon), and how many the search cache answered. */
  byKind: Record<string, { n: number; p50: number; p99: number; cacheHits: number }>;
  /** Answers with `X-Cache: hit` (repeated public searches answered from memory). */
  cacheHits: number;
}

/**
 * Sends each request of `requests` once, over `connections` keep-alive connections, with
 * autocannon in this process (the server runs in its own), and checks every status.
 */
export async function runRequests(url: string, requests: readonly LoadRequest[], connections: number): Promise<LoadResult> {
  let next = 0;
  const unexpected: Record<string, number> = {};
  const samples = new Map<string, number[]>();
  const hits = new Map<string, number>();
  // autocannon notices the last answer on its one-second tick, so its duration is rounded up to
  // whole seconds (+ 10 ms): throughput is timed here, from the start to the last answer.
  const started = performance.now();
  let lastAnswer = started;
  const result = await autocannon({
    url,
    connections,
    amount: requests.length,
    timeout: 30,
    requests: [
      {
        setupRequest: (req, context) => {
          const r = requests[next++ % requests.length]!;
          Object.assign(context, { current: r, sentAt: performance.now() });
          return { ...req, method: r.method, path: r.path, headers: { ...r.headers }, body: r.body };
        },
        onResponse: (status, _body, context, headers) => {
          const { current: r, sentAt } = context as { current?: LoadRequest; sentAt: number };
          lastAnswer = performance.now();
          if (!r) return;
          if (!samples.has(r.kind)) samples.set(r.kind, []);
          samples.get(r.kind)!.push(performance.now() - sentAt);
          if (headers?.["x-cache"] === "hit") hits.set(r.kind, (hits.get(r.kind) ?? 0) + 1);
          if (!r.expect.includes(status)) unexpected[`${r.kind} ${status}`] = (unexpected[`${r.kind} ${status}`] ?? 0) + 1;
        },
      },
    ],
  });
  if (result.errors) unexpected["socket errors and timeouts"] = result.errors;
  const completed = result["1xx"] + result["2xx"] + result["3xx"] + result["4xx"] + result["5xx"];
  const unanswered = requests.length - completed - result.errors;
  if (unanswered > 0) unexpected["never sent or answered"] = unanswered;
  return {
    requests: completed,
    errors: Object.values(unexpected).reduce((n, c) => n + c, 0),
    unexpected,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requestsPerSecond: completed / ((lastAnswer - started) / 1000),
    durationSeconds: (lastAnswer - started) / 1000,
    byKind: Object.fromEntries([...samples].map(([kind, ms]) => [kind, (({ n, p50, p99 }) => ({ n, p50, p99, cacheHits: hits.get(kind) ?? 0 }))(summarize(ms))])),
    cacheHits: [...hits.values()].reduce((n, c) => n + c, 0),
  };
}
