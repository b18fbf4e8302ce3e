import { T } from "../i18n/i18n.js";
import { SignedInShell } from "../ui/signed-in-shell.js";

/** The staff console (support plans, matches, referrals, review queue): its pages come next. */
export default function StaffShell() {
  return (
    <SignedInShell title="staffConsole" roles={["staff", "center_admin"]} nav={[{ path: "/staff", label: "staffConsole" }]}>
      {() => (
        <p>
          <T k="comingSoon" />
        </p>
      )}
    </SignedInShell>
  );
}
