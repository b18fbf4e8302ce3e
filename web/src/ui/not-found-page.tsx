import { T, t, useLang } from "../i18n/i18n.js";
import { Link } from "../router.js";
import { Layout, useLangHref } from "./layout.js";

export function NotFoundPage() {
  const lang = useLang();
  const href = useLangHref();
  return (
    <Layout title={t(lang, "notFound")}>
      <h1 class="page-title">
        <T k="notFound" />
      </h1>
      <p>
        <Link href={href("/")}>
          <T k="home" />
        </Link>
      </p>
    </Layout>
  );
}
