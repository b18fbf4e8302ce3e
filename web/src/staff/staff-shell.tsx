import { T } from "../i18n/i18n.js";
import { Link } from "../router.js";
import { useLangHref } from "../ui/layout.js";
import { SignedInShell } from "../ui/signed-in-shell.js";
import { ReviewQueuePage } from "./review-queue.js";

/** The staff console. Its sections are sub-paths of /staff; support plans, matches and referrals come next. */
export default function StaffShell({ params }: { params: Record<string, string> }) {
  const href = useLangHref();
  const section = params.section;
  return (
    <SignedInShell
      title="staffConsole"
      roles={["staff", "center_admin"]}
      nav={[
        { path: "/staff", label: "staffHome" },
        { path: "/staff/review", label: "reviewQueue" },
      ]}
    >
      {() =>
        section === "review" ? (
          <ReviewQueuePage />
        ) : (
          <ul>
            <li>
              <Link href={href("/staff/review")}>
                <T k="reviewQueue" />
              </Link>
            </li>
          </ul>
        )
      }
    </SignedInShell>
  );
}
