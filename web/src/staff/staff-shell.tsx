import { T } from "../i18n/i18n.js";
import type { MessageKey } from "../i18n/messages.js";
import { Link } from "../router.js";
import { useLangHref } from "../ui/layout.js";
import { SignedInShell } from "../ui/signed-in-shell.js";
import { ReviewQueuePage } from "./review-queue.js";

/** The staff console's sections, shared by the pages of other areas that live under /staff. */
export const STAFF_NAV: { path: string; label: MessageKey }[] = [
  { path: "/staff", label: "staffHome" },
  { path: "/staff/review", label: "reviewQueue" },
  { path: "/staff/gaps", label: "gapsTitle" },
  { path: "/staff/consultation-points", label: "cpTitle" },
];

/** The staff console. Its sections are sub-paths of /staff; support plans, matches and referrals come next. */
export default function StaffShell({ params }: { params: Record<string, string> }) {
  const href = useLangHref();
  const section = params.section;
  return (
    <SignedInShell
      title="staffConsole"
      roles={["staff", "center_admin"]}
      nav={STAFF_NAV}
    >
      {() =>
        section === "review" ? (
          <ReviewQueuePage />
        ) : (
          <ul>
            {STAFF_NAV.slice(1).map((item) => (
              <li key={item.path}>
                <Link href={href(item.path)}>
                  <T k={item.label} />
                </Link>
              </li>
            ))}
          </ul>
        )
      }
    </SignedInShell>
  );
}
