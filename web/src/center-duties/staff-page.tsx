import type { ComponentChildren } from "preact";
import type { SessionUser } from "../staff/session.js";
import { STAFF_NAV } from "../staff/staff-nav.js";
import { SignedInShell } from "../ui/signed-in-shell.js";
import "./center-duties.css";

/**
 * A page of the staff console that lives outside its section switch (a plan's sheet or summary,
 * the gap map): the same frame, nav and role check. Children render only once the session is
 * known to be staff of a center, so nothing is fetched before.
 */
export function StaffPage({ children }: { children: ComponentChildren | ((user: SessionUser) => ComponentChildren) }) {
  return (
    <SignedInShell title="staffConsole" roles={["staff", "center_admin"]} nav={STAFF_NAV}>
      {(user) => (typeof children === "function" ? children(user) : children)}
    </SignedInShell>
  );
}
