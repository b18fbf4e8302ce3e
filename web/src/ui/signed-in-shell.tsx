import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import { ApiError } from "../api/client.js";
import { T, t, useLang } from "../i18n/i18n.js";
import type { MessageKey } from "../i18n/messages.js";
import { Link, navigate, useLocation } from "../router.js";
import { type SessionUser, fetchCurrentUser, signOut } from "../staff/session.js";
import { Layout, useLangHref } from "./layout.js";
import { useFetch } from "./use-fetch.js";

/**
 * The frame of the staff console and the partner portal: checks the session (no session → the
 * sign-in page, coming back here afterwards), a section nav, the user's name and sign-out.
 */
export function SignedInShell(props: {
  title: MessageKey;
  /** The page within the area, when it has its own heading (the area's name otherwise). */
  pageTitle?: MessageKey;
  nav: { path: string; label: MessageKey }[];
  roles: SessionUser["role"][];
  children: (user: SessionUser) => ComponentChildren;
}) {
  const lang = useLang();
  const href = useLangHref();
  const loc = useLocation();
  const [me] = useFetch("me", (signal) => fetchCurrentUser(signal));
  const unauthenticated = me.status === "error" && me.error instanceof ApiError && me.error.status === 401;
  useEffect(() => {
    if (unauthenticated) navigate(href(`/login?next=${encodeURIComponent(loc.path)}`), { replace: true });
  }, [unauthenticated]);

  const user = me.status === "ok" ? me.data : undefined;
  const nav = user && (
    <nav class="section-nav" aria-label={t(lang, props.title)}>
      <ul>
        {props.nav.map((item) => (
          <li key={item.path}>
            <Link href={href(item.path)} aria-current={loc.path === item.path ? "page" : undefined}>
              <T k={item.label} />
            </Link>
          </li>
        ))}
        <li>
          <button
            type="button"
            class="button button-link"
            onClick={async () => {
              await signOut();
              navigate(href("/login"));
            }}
          >
            <T k="signOut" />
          </button>
        </li>
      </ul>
    </nav>
  );
  return (
    <Layout title={props.pageTitle ? `${t(lang, props.pageTitle)} – ${t(lang, props.title)}` : t(lang, props.title)} nav={nav} signedIn>
      <h1 class="page-title">
        <T k={props.pageTitle ?? props.title} />
      </h1>
      {me.status === "loading" && (
        <p role="status">
          <T k="loading" />
        </p>
      )}
      {me.status === "error" && !unauthenticated && (
        <p class="notice notice-error" role="alert">
          <T k="loadError" />
        </p>
      )}
      {user &&
        (props.roles.includes(user.role) ? (
          <>
            <p class="signed-in-as">
              <T k="signedInAs" params={{ name: user.displayName }} />
            </p>
            {props.children(user)}
          </>
        ) : (
          <p class="notice">
            <T k="wrongArea" />{" "}
            <Link href={href(user.role === "partner" ? "/partner" : "/staff")}>
              <T k={user.role === "partner" ? "partnerPortalTitle" : "staffConsole"} />
            </Link>
          </p>
        ))}
    </Layout>
  );
}
