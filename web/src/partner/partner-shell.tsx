import { T } from "../i18n/i18n.js";
import { SignedInShell } from "../ui/signed-in-shell.js";

/** The partner portal (organization, services, referrals received): its pages come next. */
export default function PartnerShell() {
  return (
    <SignedInShell title="partnerPortalTitle" roles={["partner"]} nav={[{ path: "/partner", label: "partnerPortalTitle" }]}>
      {() => (
        <p>
          <T k="comingSoon" />
        </p>
      )}
    </SignedInShell>
  );
}
