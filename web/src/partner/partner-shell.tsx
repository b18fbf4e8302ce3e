import { matchPath, useLocation } from "../router.js";
import { T } from "../i18n/i18n.js";
import { SignedInShell } from "../ui/signed-in-shell.js";
import { OrganizationForm } from "./organization-form.js";
import { PortalHome } from "./portal-home.js";
import { ReferralInbox } from "./referral-inbox.js";
import { ReferralPage } from "./referral-page.js";
import { ServiceFormPage } from "./service-form-page.js";
import "../styles/partner.css";

/**
 * The partner portal (`/partner/*`): the organization, its services and the referrals it
 * receives. One lazily loaded chunk; its pages are picked here from the path.
 */
export default function PartnerShell() {
  const { path } = useLocation();
  return (
    <SignedInShell
      title="partnerPortalTitle"
      roles={["partner"]}
      nav={[
        { path: "/partner", label: "partnerHome" },
        { path: "/partner/referrals", label: "referralsTitle" },
        { path: "/partner/organization", label: "orgTitle" },
      ]}
    >
      {(user) => {
        const org = user.organizationId;
        if (!org) {
          return (
            <p class="notice notice-error">
              <T k="loadError" />
            </p>
          );
        }
        const service = matchPath("/partner/services/:id", path);
        const referral = matchPath("/partner/referrals/:id", path);
        if (service) return service.id === "new" ? <ServiceFormPage key="new" organizationId={org} /> : <ServiceFormPage key={service.id} organizationId={org} serviceId={service.id} />;
        if (referral) return <ReferralPage id={referral.id!} />;
        if (matchPath("/partner/referrals", path)) return <ReferralInbox />;
        if (matchPath("/partner/organization", path)) return <OrganizationForm organizationId={org} />;
        if (matchPath("/partner", path)) return <PortalHome organizationId={org} />;
        return (
          <p class="notice">
            <T k="notFound" />
          </p>
        );
      }}
    </SignedInShell>
  );
}
