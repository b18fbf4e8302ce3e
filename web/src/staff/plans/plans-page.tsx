import { formatDate, kindLabel } from "../../family/format.js";
import { Ruby, T, useLang } from "../../i18n/i18n.js";
import { Link, useLocation } from "../../router.js";
import { useLangHref } from "../../ui/layout.js";
import { useFetch } from "../../ui/use-fetch.js";
import { listPlans } from "../staff-api.js";
import { FetchStatus } from "../staff-ui.js";

const FILTERS = [
  { value: "open", label: "planStatusOpen" },
  { value: "closed", label: "planStatusClosed" },
  { value: "all", label: "filterAll" },
] as const;

/** The center's support plans (`GET /api/v1/plans`), most recently changed first, open ones by default. */
export function PlansPage() {
  const lang = useLang();
  const href = useLangHref();
  const filter = useLocation().query.get("status") ?? "open";
  const status = filter === "closed" ? "closed" : filter === "all" ? undefined : "open";
  const [plans] = useFetch(`plans-${filter}`, (signal) => listPlans(status, signal));
  return (
    <>
      <p>
        <Link class="button button-primary" href={href("/staff/plans/new")}>
          <T k="planNewTitle" />
        </Link>
      </p>
      <nav class="filter-links" aria-labelledby="plan-filter-label">
        <span id="plan-filter-label">
          <T k="filterShow" />
        </span>
        <ul>
          {FILTERS.map((f) => (
            <li key={f.value}>
              <Link href={href(`/staff/plans?status=${f.value}`)} aria-current={f.value === filter ? "page" : undefined}>
                <T k={f.label} />
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <FetchStatus state={plans} />
      {plans.data?.length === 0 && (
        <p>
          <T k="plansNone" />
        </p>
      )}
      {!!plans.data?.length && (
        <table class="data-table">
          <caption class="visually-hidden">
            <T k="plansTitle" />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <T k="planCaseRef" />
              </th>
              <th scope="col">
                <T k="planNeeds" />
              </th>
              <th scope="col">
                <T k="status" />
              </th>
              <th scope="col">
                <T k="updatedAt" />
              </th>
            </tr>
          </thead>
          <tbody>
            {plans.data.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <Link href={href(`/staff/plans/${p.id}`)}>{p.caseRef}</Link>
                </th>
                <td>
                  {p.needs.map((n) => (
                    <span class="tag" key={n.kind}>
                      <Ruby text={kindLabel(n.kind, lang)} />
                    </span>
                  ))}
                </td>
                <td>
                  <T k={p.status === "open" ? "planStatusOpen" : "planStatusClosed"} />
                </td>
                <td>{formatDate(p.updatedAt, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
