import { useState } from "preact/hooks";
import { ApiError } from "../api/client.js";
import { T, t, useLang } from "../i18n/i18n.js";
import { Link, navigate, useLocation } from "../router.js";
import { Layout, useLangHref } from "../ui/layout.js";
import { homeOf, signIn } from "./session.js";

/** Sign-in for center staff and partner organizations (families never need one). */
export default function LoginPage() {
  const lang = useLang();
  const href = useLangHref();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const next = useLocation().query.get("next");

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const user = await signIn(email, password);
      // Only an in-app path: never a redirect to another site.
      navigate(href(next && /^\/(staff|partner)(\/|$)/.test(next) ? next : homeOf(user)));
    } catch (err) {
      setError(err instanceof ApiError && err.status < 500 ? t(lang, "loginFailed") : t(lang, "loadError"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Layout title={t(lang, "signIn")}>
      <div class="narrow">
        <h1 class="page-title">
          <T k="signIn" />
        </h1>
        {error && (
          <div class="notice notice-error" role="alert" tabIndex={-1}>
            {error}
          </div>
        )}
        <form onSubmit={submit} class="stack">
          <div class="field">
            <label for="email">
              <T k="email" />
            </label>
            <input id="email" type="email" autoComplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="password">
              <T k="password" />
            </label>
            <input id="password" type="password" autoComplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
          </div>
          <button type="submit" class="button button-primary" disabled={busy}>
            <T k="signIn" />
          </button>
        </form>
        <p class="after-form">
          <Link href={href("/partner/register")}>
            <T k="registerLink" />
          </Link>
        </p>
      </div>
    </Layout>
  );
}
