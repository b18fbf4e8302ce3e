import "./zod-without-eval.js";
import type { ComponentType } from "preact";
import { T } from "../i18n/i18n.js";
import type { MessageKey } from "../i18n/messages.js";
import { Link, matchPath, useLocation } from "../router.js";
import { useLangHref } from "../ui/layout.js";
import { SignedInShell } from "../ui/signed-in-shell.js";
import { PlanFormPage } from "./plans/plan-form-page.js";
import { PlanPage } from "./plans/plan-page.js";
import { PlansPage } from "./plans/plans-page.js";
import { BoardPage } from "./referrals/board-page.js";
import { ReferralFlowPage } from "./referrals/referral-flow-page.js";
import { ReferralPage } from "./referrals/referral-page.js";
import { ReviewQueuePage } from "./review-queue.js";
import { STAFF_NAV } from "./staff-nav.js";
import "../styles/staff.css";

type SectionPage = ComponentType<{ params: Record<string, string> }>;

/** The console's pages under /staff, first match wins; `title` is the page's h1 (the console's name when absent). */
const SECTIONS: { path: string; page: SectionPage; title?: MessageKey }[] = [
  { path: "/staff/review", page: ReviewQueuePage },
  { path: "/staff/plans", page: PlansPage, title: "plansTitle" },
  { path: "/staff/plans/new", page: PlanFormPage, title: "planNewTitle" },
  { path: "/staff/plans/:id", page: PlanPage, title: "planTitle" },
  { path: "/staff/plans/:id/edit", page: PlanFormPage, title: "planEditTitle" },
  { path: "/staff/plans/:id/refer/:serviceId/:step", page: ReferralFlowPage, title: "referTitle" },
  { path: "/staff/referrals", page: BoardPage, title: "boardTitle" },
  { path: "/staff/referrals/:id", page: ReferralPage, title: "referralTitle" },
];

/** The staff console: one shell (session, nav) around the section the path names. */
export default function StaffShell() {
  const href = useLangHref();
  const path = useLocation().path;
  const found = SECTIONS.map((s) => ({ s, params: matchPath(s.path, path) })).find((m) => m.params);
  return (
    <SignedInShell title="staffConsole" pageTitle={found?.s.title} roles={["staff", "center_admin"]} nav={STAFF_NAV}>
      {() =>
        found ? (
          <found.s.page params={found.params!} />
        ) : (
          <ul class="staff-home">
            {STAFF_NAV.slice(1).map((n) => (
              <li key={n.path}>
                <Link href={href(n.path)}>
                  <T k={n.label} />
                </Link>
              </li>
            ))}
          </ul>
        )
      }
    </SignedInShell>
  );
}
