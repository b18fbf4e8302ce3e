import { useState } from "preact/hooks";
import { REFERRAL_STATUSES, type ReferralStatus } from "../../../src/referrals/referral.js";
import { formatDate } from "../family/format.js";
import { T, t, useLang } from "../i18n/i18n.js";
import { Link, navigate, useLocation } from "../router.js";
import { useLangHref } from "../ui/layout.js";
import { useFetch } from "../ui/use-fetch.js";
import { listReferrals } from "./partner-api.js";
import { ReferralStatusTag, STATUS_LABELS } from "./referral-labels.js";

const PAGE_SIZE = 20;
/** Every state, withdrawn included: a partner keeps seeing a referral the center withdrew. */
const FILTERS = REFERRAL_STATUSES;

/**
 * The referrals addressed to the organization (`/partner/referrals`), newest first, filtered by
 * state through the URL (`?status=sent&page=2`) so a filtered view can be bookmarked.
 */
export function ReferralInbox() {
  const lang = useLang();
  const href = useLangHref();
  const loc = useLocation();
  const statusParam = loc.query.get("status");
  const status = FILTERS.includes(statusParam as ReferralStatus) ? (statusParam as ReferralStatus) : undefined;
  const page = Math.max(1, Number(loc.query.get("page")) || 1);
  const [choice, setChoice] = useState(status ?? "");
  const [list] = useFetch(`${status}:${page}`, (signal) => listReferrals({ status, page, size: PAGE_SIZE }, signal));
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;
  const pageHref = (p: number) => href(`/partner/referrals?${new URLSearchParams({ ...(status ? { status } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`);

  return (
    <>
      <h2 class="page-subtitle">
        <T k="referralsTitle" />
      </h2>
      <form
        class="filter-row"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(href(`/partner/referrals${choice ? `?status=${choice}` : ""}`));
        }}
      >
        <div class="field">
          <label for="ref-filter">
            <T k="refFilter" />
          </label>
          <select id="ref-filter" value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
            <option value="">{t(lang, "refFilterAll")}</option>
            {FILTERS.map((s) => (
              <option key={s} value={s}>
                {t(lang, STATUS_LABELS[s])}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button">
          <T k="refFilterApply" />
        </button>
      </form>
      {list.status === "loading" && (
        <p role="status">
          <T k="loading" />
        </p>
      )}
      {list.status === "error" && (
        <p class="notice notice-error" role="alert">
          <T k="loadError" />
        </p>
      )}
      {list.data && (
        <>
          <p role="status">
            <T k="refCount" params={{ n: list.data.total }} />
          </p>
          {list.data.items.length > 0 && (
            <ul class="record-list">
              {list.data.items.map((r) => (
                <li key={r.id} class="record-item">
                  <p class="record-name">
                    <Link href={href(`/partner/referrals/${r.id}`)}>
                      {r.serviceName} <span class="reference">{r.reference}</span>
                    </Link>
                  </p>
                  <p class="record-meta">
                    <ReferralStatusTag status={r.status} overdue={r.overdue} /> <T k="refFrom" params={{ center: r.center.name, date: formatDate(r.createdAt, lang) }} />
                  </p>
                </li>
              ))}
            </ul>
          )}
          {pages > 1 && (
            <nav class="pager" aria-label={t(lang, "pageOf", { page, pages })}>
              {page > 1 && (
                <Link href={pageHref(page - 1)} rel="prev">
                  <T k="prevPage" />
                </Link>
              )}
              <span>
                <T k="pageOf" params={{ page, pages }} />
              </span>
              {page < pages && (
                <Link href={pageHref(page + 1)} rel="next">
                  <T k="nextPage" />
                </Link>
              )}
            </nav>
          )}
        </>
      )}
    </>
  );
}
