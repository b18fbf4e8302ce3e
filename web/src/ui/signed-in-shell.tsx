import type { ComponentChildren } from "preact";
import { T, t, useLang } from "../i18n/i18n.js";
import type { MessageKey } from "../i18n/messages.js";
import { Link, navigate, useLocation } from "../router.js";
import { signOut } from "../staff/session.js";
import { Layout, useLangHref } from "./layout.js";

/** The frame of the staff console and the partner portal: a section nav and sign-out. */
export function SignedInShell(props: { title: MessageKey; nav: { path: string; label: MessageKey }[]; children: ComponentChildren }) {
  const lang = useLang();
  const href = useLangHref();
  const loc = useLocation();
  const nav = (
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
    <Layout title={t(lang, props.title)} nav={nav}>
      <h1 class="page-title">
        <T k={props.title} />
      </h1>
      {props.children}
    </Layout>
  );
}
