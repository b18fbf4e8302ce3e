import { kindLabel } from "../family/format.js";
import { Ruby, T, useLang } from "../i18n/i18n.js";
import { Link } from "../router.js";
import { useLangHref } from "../ui/layout.js";
import { useFetch } from "../ui/use-fetch.js";
import { getOrganization, listReferrals, listServices, serviceState } from "./partner-api.js";
import { StateTag } from "./state-tag.js";

/**
 * The portal's home (`/partner`): referrals waiting for an answer first (they have a deadline),
 * then the organization and its services with where each stands in the center's review.
 */
export function PortalHome({ organizationId }: { organizationId: string }) {
  const lang = useLang();
  const href = useLangHref();
  const [org] = useFetch(organizationId, (signal) => getOrganization(organizationId, signal));
  const [services] = useFetch(organizationId, (signal) => listServices(organizationId, signal));
  const [waiting] = useFetch("waiting", async (signal) => {
    const [all, overdue] = await Promise.all([listReferrals({ status: "sent", size: 1 }, signal), listReferrals({ status: "sent", overdue: true, size: 1 }, signal)]);
    return { total: all.total, overdue: overdue.total };
  });

  return (
    <>
      <section class="summary-card" aria-labelledby="home-referrals">
        <h2 id="home-referrals">
          <T k="referralsWaitingTitle" />
        </h2>
        {waiting.status === "loading" && (
          <p role="status">
            <T k="loading" />
          </p>
        )}
        {waiting.status === "error" && (
          <p class="notice notice-error">
            <T k="loadError" />
          </p>
        )}
        {waiting.data && (
          <>
            <p class="big-number">
              <T k="referralsWaitingCount" params={{ n: waiting.data.total }} />
            </p>
            {waiting.data.overdue > 0 && (
              <p class="notice notice-error">
                <T k="referralsOverdueCount" params={{ n: waiting.data.overdue }} />
              </p>
            )}
          </>
        )}
        <p>
          <Link href={href(waiting.data?.total ? "/partner/referrals?status=sent" : "/partner/referrals")}>
            <T k="referralsOpenInbox" />
          </Link>
        </p>
      </section>

      <section aria-labelledby="home-org">
        <h2 id="home-org">
          <T k="orgTitle" />
        </h2>
        {org.status === "error" && (
          <p class="notice notice-error">
            <T k="loadError" />
          </p>
        )}
        {org.data && (
          <>
            <p>
              <strong>{org.data.draft.name}</strong>{" "}
              <StateTag state={serviceState({ status: org.data.status, pendingRevisionId: org.data.revision?.status === "pending" ? org.data.revision.id : null })} />
            </p>
            {org.data.status === "rejected" && org.data.rejectionReason && (
              <p class="notice">
                <T k="svcRejectedReason" params={{ reason: org.data.rejectionReason }} />
              </p>
            )}
          </>
        )}
        <p>
          <Link href={href("/partner/organization")}>
            <T k="orgEdit" />
          </Link>
        </p>
      </section>

      <section aria-labelledby="home-services">
        <h2 id="home-services">
          <T k="servicesTitle" />
        </h2>
        <p>
          <Link class="button button-primary" href={href("/partner/services/new")}>
            <T k="svcAdd" />
          </Link>
        </p>
        {services.status === "loading" && (
          <p role="status">
            <T k="loading" />
          </p>
        )}
        {services.status === "error" && (
          <p class="notice notice-error">
            <T k="loadError" />
          </p>
        )}
        {services.data?.length === 0 && (
          <p>
            <T k="servicesNone" />
          </p>
        )}
        {!!services.data?.length && (
          <ul class="record-list">
            {services.data.map((s) => (
              <li key={s.id} class="record-item">
                <p class="record-name">
                  <Link href={href(`/partner/services/${s.id}`)}>{s.name}</Link>
                </p>
                <p class="record-meta">
                  <Ruby text={kindLabel(s.kind, lang)} /> <StateTag state={serviceState(s)} />
                  {s.stale && (
                    <span class="tag tag-warning">
                      <T k="stateStale" />
                    </span>
                  )}
                </p>
                {s.status === "rejected" && s.rejectionReason && (
                  <p class="hint">
                    <T k="svcRejectedReason" params={{ reason: s.rejectionReason }} />
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
