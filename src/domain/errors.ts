/**
 * The few errors use cases throw. They know nothing about HTTP: `api/problem.ts`
 * translates them to problem+json once, at the edge.
 */
export interface FieldIssue {
  /** Path of the offending field, e.g. `location.lat` or `query.kind`. */
  path: string;
  message: string;
}

export class DomainError extends Error {}

/** The record does not exist, or it is not the caller's to see (ids leak nothing). */
export class NotFoundError extends DomainError {
  override name = "NotFoundError";
  constructor(readonly entity: string) {
    super(`${entity} not found`);
  }
}

/**
 * The request is well-formed but clashes with the record's current state. `code` names the kind
 * of clash for clients; `details` carries what helps the caller act (RFC 9457 extension members).
 */
export class ConflictError extends DomainError {
  override name = "ConflictError";
  constructor(
    message: string,
    readonly code?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export class ValidationError extends DomainError {
  override name = "ValidationError";
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join("; "));
  }
}

/** The caller is not signed in (or the session is no longer valid). */
export class UnauthenticatedError extends DomainError {
  override name = "UnauthenticatedError";
}

/** A dependency (database, search engine) cannot be reached; the request may be retried. */
export class UnavailableError extends DomainError {
  override name = "UnavailableError";
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
  }
}

/** Too many attempts from this account or address; the caller may retry after `retryAfterSeconds`. */
export class TooManyRequestsError extends DomainError {
  override name = "TooManyRequestsError";
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
