/**
 * The one way the browser talks to the API: same origin, JSON, problem+json errors turned into
 * `ApiError`. Public pages send no credentials; signed-in pages rely on the session cookie the
 * API sets (HttpOnly, SameSite=Lax), so no token is kept in script-readable storage.
 */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: { path: string; message: string }[];
}

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

export type QueryValue = string | number | boolean | readonly string[] | undefined | null;

export function toQuery(params: Record<string, QueryValue>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === "" || v === false) continue;
    if (Array.isArray(v)) for (const item of v) q.append(k, item);
    else q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

async function send(method: string, path: string, body: unknown, signal?: AbortSignal, extraHeaders: Record<string, string> = {}): Promise<Response> {
  const res = await fetch(`/api/v1${path}`, {
    method,
    signal,
    credentials: "same-origin",
    headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }), ...extraHeaders },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) {
    const problem = (await res.json().catch(() => ({ status: res.status }))) as Problem;
    throw new ApiError(res.status, { ...problem, status: res.status });
  }
  return res;
}

async function request<T>(method: string, path: string, body: unknown, signal?: AbortSignal, extraHeaders?: Record<string, string>): Promise<T> {
  const res = await send(method, path, body, signal, extraHeaders);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const apiGet = <T>(path: string, params: Record<string, QueryValue> = {}, signal?: AbortSignal) =>
  request<T>("GET", path + toQuery(params), undefined, signal);

/** A list endpoint that states its full size in `X-Total-Count` (the items are one page of it). */
export async function apiGetPage<T>(path: string, params: Record<string, QueryValue> = {}, signal?: AbortSignal): Promise<{ items: T[]; total: number }> {
  const res = await send("GET", path + toQuery(params), undefined, signal);
  const items = (await res.json()) as T[];
  return { items, total: Number(res.headers.get("x-total-count") ?? items.length) };
}

export const apiPost = <T>(path: string, body: unknown, signal?: AbortSignal) => request<T>("POST", path, body, signal);

export const apiPatch = <T>(path: string, body: unknown, signal?: AbortSignal) => request<T>("PATCH", path, body, signal);

/** A write that needs a header of its own (Idempotency-Key). */
export const apiRequest = <T>(method: "POST" | "PATCH", path: string, body: unknown, headers: Record<string, string> = {}) =>
  request<T>(method, path, body, undefined, headers);

export const apiDelete = (path: string, signal?: AbortSignal) => request<void>("DELETE", path, undefined, signal);
