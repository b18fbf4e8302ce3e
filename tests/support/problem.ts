import { expect } from "vitest";

/** Asserts an RFC 9457 problem+json response with the given status (and, if given, the field path named). */
export async function expectProblem(res: Response, status: number, fieldPath?: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const body = (await res.json()) as { status: number; title: string; type: string; errors?: { path: string }[] };
  expect(body.status).toBe(status);
  expect(body.title).toBeTruthy();
  expect(body.type).toBeTruthy();
  if (fieldPath !== undefined) {
    expect(body.errors?.map((e) => e.path)).toContain(fieldPath);
  }
  return body;
}
