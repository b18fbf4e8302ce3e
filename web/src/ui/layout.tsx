import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import { LANGS, type Lang, T, htmlLang, t, useLang } from "../i18n/i18n.js";
import { Link, useLocation } from "../router.js";

const LANG_NAMES: Record<Lang, { label: string; html: string }> = {
  ja: { label: "日本語", html: "ja" },
  en: { label: "English", html: "en" },
  easy: { label: "やさしい にほんご", html: "ja" },
};

/** The same page in another language: only `lang` changes in the URL. */
export function hrefWithLang(href: string, lang: Lang): string {
  const url = new URL(href, window.location.origin);
  if (lang === "ja") url.searchParams.delete("lang");
  else url.searchParams.set("lang", lang);
  return url.pathname + url.search;
}

/** Keeps the current language on an in-app link. */
export function useLangHref(): (path: string) => string {
  const lang = useLang();
  return (path) => hrefWithLang(path, lang);
}

export function LanguageSwitch() {
  const lang = useLang();
  const loc = useLocation();
  return (
    <nav class="lang-switch" aria-label={t(lang, "languageSwitch")}>
      <ul>
        {LANGS.map((l) => (
          <li key={l}>
            <Link href={hrefWithLang(loc.href, l)} lang={LANG_NAMES[l].html} aria-current={l === lang ? "true" : undefined}>
              {LANG_NAMES[l].label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Header, main landmark and footer shared by every page; sets the document's language and title. */
export function Layout(props: { title: string; children: ComponentChildren; wide?: boolean; nav?: ComponentChildren; signedIn?: boolean }) {
  const lang = useLang();
  const href = useLangHref();
  useEffect(() => {
    document.documentElement.lang = htmlLang(lang);
    document.title = `${props.title} | ${t(lang, "appName")}`;
  }, [lang, props.title]);
  return (
    <div class={`page${props.wide ? " page-wide" : ""}`}>
      <a class="skip-link" href="#main">
        <T k="skipToContent" />
      </a>
      <header class="site-header">
        <Link class="brand" href={href("/")}>
          <span class="brand-mark" aria-hidden="true">
            ⌂
          </span>
          <span class="brand-name">
            <T k="appName" />
          </span>
        </Link>
        {props.nav}
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1}>
        {props.children}
      </main>
      <footer class="site-footer">
        <p>
          <T k="emergency" />
        </p>
        {!props.signedIn && (
          <p>
            <T k="privacyNote" />
          </p>
        )}
        <ul class="footer-links">
          <li>
            <Link href={href("/login")}>
              <T k="staffSignIn" />
            </Link>
          </li>
          <li>
            <Link href={href("/partner")}>
              <T k="partnerPortal" />
            </Link>
          </li>
          <li>
            <a href="/api/docs">API</a>
          </li>
        </ul>
      </footer>
    </div>
  );
}
