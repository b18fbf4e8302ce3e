import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ZodError } from "zod";
import {
  ConflictError,
  type FieldIssue,
  NotFoundError,
  TooManyRequestsError,
  UnauthenticatedError,
  UnavailableError,
  ValidationError,
} from "../domain/errors.js";
import type { AppEnv } from "./env.js";

/**
 * RFC 9457 problem details: the one shape every error leaves the API in. Use cases throw the
 * errors of `domain/errors.ts`; `handleError` translates them here, once.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: (FieldIssue & { in?: string })[];
  requestId?: string;
  /** RFC 9457 extension members. */
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export function problemResponse(c: Context<AppEnv>, status: number, fields: Partial<Problem> = {}): Response {
  const body: Problem = {
    type: fields.type ?? "about:blank",
    title: fields.title ?? TITLES[status] ?? "Error",
    status,
    ...fields,
    requestId: c.get("requestId"),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json; charset=utf-8" },
  });
}

/** zod issues → `{path, message}` with dotted paths (`location.lat`, `needs.0.kind`). */
export function zodFieldIssues(error: ZodError, where?: string): (FieldIssue & { in?: string })[] {
  return error.issues.flatMap((issue) => {
    const base = issue.path.map(String);
    // An unknown key is reported at the object; name the key itself so the caller sees which.
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: [...base, key].join("."), message: "is not a recognised field", in: where }));
    }
    return [{ path: base.join(".") || (where ?? ""), message: issue.message, in: where }];
  });
}

export function validationProblem(c: Context<AppEnv>, errors: (FieldIssue & { in?: string })[]): Response {
  return problemResponse(c, 400, {
    type: "urn:tsunagu:problem:validation-error",
    title: "Your request has invalid fields",
    detail: errors.map((e) => `${e.path}: ${e.message}`).join("; "),
    errors,
  });
}

/** `defaultHook` of every router: failed zod validation of params, query or body → 400. */
export function validationHook(result: { success: boolean; error?: ZodError; target: string }, c: Context<AppEnv>) {
  if (!result.success && result.error) {
    const where = result.target === "json" ? "body" : result.target === "param" ? "path" : result.target;
    return validationProblem(c, zodFieldIssues(result.error, where));
  }
}

export function handleError(err: Error, c: Context<AppEnv>): Response {
  if (err instanceof ValidationError) return validationProblem(c, err.issues);
  if (err instanceof NotFoundError) return problemResponse(c, 404, { detail: `${err.entity} not found` });
  if (err instanceof ConflictError) {
    return problemResponse(c, 409, { ...err.details, type: `urn:tsunagu:problem:${err.code ?? "conflict"}`, detail: err.message });
  }
  if (err instanceof UnauthenticatedError) return problemResponse(c, 401, { detail: err.message || "sign in first" });
  if (err instanceof UnavailableError) return unavailable(c, err);
  if (err instanceof TooManyRequestsError) {
    const res = problemResponse(c, 429, { type: "urn:tsunagu:problem:too-many-requests", detail: err.message });
    res.headers.set("retry-after", String(err.retryAfterSeconds));
    return res;
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    if (status >= 500) return internal(c, err);
    return problemResponse(c, status, { detail: err.message || undefined });
  }
  if (isDatabaseUnavailable(err)) return unavailable(c, err);
  return internal(c, err);
}

function unavailable(c: Context<AppEnv>, err: Error): Response {
  c.get("deps")?.log.warn("dependency unavailable", { requestId: c.get("requestId"), err });
  const res = problemResponse(c, 503, { detail: "A service Tsunagu depends on is unavailable; please retry shortly." });
  res.headers.set("retry-after", "5");
  return res;
}

/** A 5xx is always a bug: log it with the request id, and never send internals to the client. */
function internal(c: Context<AppEnv>, err: Error): Response {
  c.get("deps")?.log.error("unhandled error", { requestId: c.get("requestId"), path: c.req.path, err });
  return problemResponse(c, 500, { detail: "Something went wrong on our side. Quote the request id if you report it." });
}

const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "57P01", "57P03", "08006", "08001", "08003"]);

/** Connection failures from pg (network codes, or PostgreSQL's admin-shutdown / cannot-connect states). */
function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | undefined;
  if (e?.code && CONNECTION_CODES.has(e.code)) return true;
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(e?.message ?? "");
}
