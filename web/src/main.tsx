import { type ComponentType, render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { FamilyPage } from "./family/family-page.js";
import { LangContext, parseLang } from "./i18n/i18n.js";
import { matchPath, useLocation } from "./router.js";
import { NotFoundPage } from "./ui/not-found-page.js";
import "./styles/base.css";
import "./styles/family.css";
import "./styles/print.css";

type PageComponent = ComponentType<{ params: Record<string, string> }>;
type PageModule = { default: PageComponent };
type Route = { path: string } & ({ component: PageComponent } | { load: () => Promise<PageModule> });

/**
 * The routes of the one browser app. The family map is in the first bundle; the signed-in
 * areas load on demand so the public page stays small.
 */
const ROUTES: Route[] = [
  { path: "/", component: FamilyPage },
  { path: "/login", load: () => import("./staff/login-page.js") },
  { path: "/staff", load: () => import("./staff/staff-shell.js") },
  // The center's duties (web/src/center-duties/), before the console's own sections.
  { path: "/staff/gaps", load: () => import("./center-duties/gaps-page.js") },
  { path: "/staff/consultation-points", load: () => import("./center-duties/consultation-points-page.js") },
  { path: "/staff/plans/:id/summary", load: () => import("./center-duties/case-summary-page.js") },
  { path: "/staff/plans/:id/sheet", load: () => import("./center-duties/create-sheet-page.js") },
  { path: "/sheets/:token", load: () => import("./center-duties/sheet-page.js") },
  { path: "/staff/*", load: () => import("./staff/staff-shell.js") },
  { path: "/partner/register", load: () => import("./partner/register-page.js") },
  { path: "/partner", load: () => import("./partner/partner-shell.js") },
  { path: "/partner/*", load: () => import("./partner/partner-shell.js") },
];

function Lazy({ load, params }: { load: () => Promise<PageModule>; params: Record<string, string> }) {
  const [Page, setPage] = useState<PageComponent>();
  useEffect(() => {
    let live = true;
    void load().then((m) => live && setPage(() => m.default));
    return () => void (live = false);
  }, [load]);
  return Page ? <Page params={params} /> : null;
}

function App() {
  const loc = useLocation();
  const lang = parseLang(loc.query.get("lang"));
  let content = <NotFoundPage />;
  for (const route of ROUTES) {
    const params = matchPath(route.path, loc.path);
    if (!params) continue;
    content = "load" in route ? <Lazy load={route.load} params={params} /> : <route.component params={params} />;
    break;
  }
  return <LangContext.Provider value={lang}>{content}</LangContext.Provider>;
}

render(<App />, document.getElementById("app")!);
