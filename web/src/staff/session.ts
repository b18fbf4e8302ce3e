import { apiPost } from "../api/client.js";

/** `POST /api/v1/auth/login` (API.md): the API also sets the HttpOnly session cookie the pages rely on. */
export interface SessionUser {
  id: string;
  role: "staff" | "center_admin" | "partner";
  centerId?: string;
  organizationId?: string;
}

const KEY = "tsunagu.user";

/**
 * Who is signed in, for the signed-in shells' navigation only (the cookie is the credential;
 * this copy in sessionStorage ends with the tab and holds no token).
 */
export function currentUser(): SessionUser | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as SessionUser) : undefined;
  } catch {
    return undefined;
  }
}

export async function signIn(email: string, password: string): Promise<SessionUser> {
  const res = await apiPost<{ token: string; user: SessionUser }>("/auth/login", { email, password });
  sessionStorage.setItem(KEY, JSON.stringify(res.user));
  return res.user;
}

export async function signOut(): Promise<void> {
  sessionStorage.removeItem(KEY);
  await apiPost("/auth/logout", {}).catch(() => undefined);
}

/** Where a role starts after signing in. */
export const homeOf = (user: SessionUser) => (user.role === "partner" ? "/partner" : "/staff");
