import { apiGet, apiPost } from "../api/client.js";

/**
 * The signed-in user (`/api/v1/auth/*`, API.md). The browser's credential is the HttpOnly
 * session cookie the API sets at sign-in; the web app keeps no token and stores nothing.
 */
export interface SessionUser {
  id: string;
  role: "staff" | "center_admin" | "partner";
  centerId?: string;
  organizationId?: string;
  email: string;
  displayName: string;
}

export async function signIn(email: string, password: string): Promise<SessionUser> {
  const res = await apiPost<{ user: SessionUser }>("/auth/login", { email, password });
  return res.user;
}

/** The user of the session cookie; an ApiError 401 when there is none. */
export async function fetchCurrentUser(signal?: AbortSignal): Promise<SessionUser> {
  return (await apiGet<{ user: SessionUser }>("/auth/me", {}, signal)).user;
}

export async function signOut(): Promise<void> {
  await apiPost("/auth/logout", {}).catch(() => undefined);
}

/** Where a role starts after signing in. */
export const homeOf = (user: SessionUser) => (user.role === "partner" ? "/partner" : "/staff");
