import { useEffect, useMemo, useRef } from "preact/hooks";
import { apiGet } from "../api/client.js";
import { formatDate } from "../family/format.js";
import { T, t, useLang } from "../i18n/i18n.js";
import { navigate, useLocation } from "../router.js";
import { Icon } from "../ui/icon.js";
import { Layout, hrefWithLang } from "../ui/layout.js";
import { useFetch } from "../ui/use-fetch.js";
import type { PointShape } from "./area-map.js";
import { AreaMapView } from "./area-map-view.js";
import { FetchStatus } from "./fetch-status.js";
import { SheetServiceCard } from "./sheet-service.js";
import { SHEET_LANG } from "./sheet-language.js";
import type { Sheet } from "./types.js";
import "./center-duties.css";

/**
 * A 利用勧奨 sheet at `/sheets/:token`, for the family: no sign-in, no cookies, nothing about
 * the family on it — only the services, the center that recommends them, a small map and a QR
 * code per service. Opens in the language it was made in; prints as a clean A4 handout.
 */
export default function SheetPage({ params }: { params: Record<string, string> }) {
  const lang = useLang();
  const loc = useLocation();
  const token = params.token ?? "";
  const [res] = useFetch(token, (signal) => apiGet<Sheet>(`/sheets/${encodeURIComponent(token)}`, {}, signal));
  const sheet = res.data;

  // A link without `?lang=` opens in the sheet's language, once; the language switch works as anywhere else.
  const applied = useRef(false);
  useEffect(() => {
    if (!sheet || applied.current) return;
    applied.current = true;
    const own = SHEET_LANG[sheet.language];
    if (!loc.query.has("lang") && own !== lang) navigate(hrefWithLang(loc.href, own), { replace: true });
  }, [sheet]);

  const points = useMemo<PointShape[]>(
    () => (sheet?.services ?? []).flatMap((s, i) => (s.lat !== null && s.lng !== null ? [{ lat: s.lat, lng: s.lng, label: `${i + 1}. ${s.name}`, badge: String(i + 1) }] : [])),
    [sheet],
  );

  return (
    <Layout title={t(lang, "sheetTitle")}>
      <div class="sheet">
        <h1 class="page-title">
          <T k="sheetTitle" />
        </h1>
        <FetchStatus state={res} notFound="sheetNotFound" />
        {sheet && (
          <>
            <p class="sheet-from">
              <T k="sheetFrom" params={{ center: sheet.center.name, date: formatDate(sheet.createdAt, lang) }} />
            </p>
            <p>
              <T k="sheetIntro" />
            </p>
            {lang !== "ja" && (
              <p class="sheet-note">
                <T k="dataInJapanese" />
              </p>
            )}
            <div class="sheet-actions">
              <button type="button" class="button button-small" onClick={() => window.print()}>
                <Icon name="print" />
                <T k="print" />
              </button>
            </div>
            {points.length > 0 && <AreaMapView label={t(lang, "sheetMapLabel")} points={points} maxZoom={14} class="sheet-map" />}
            {sheet.services.map((s, i) => (
              <SheetServiceCard key={s.id} service={s} n={i + 1} />
            ))}
            <p class="sheet-footer">
              <T k="sheetPrivacy" />{" "}
              <T k="sheetValidUntil" params={{ date: formatDate(sheet.expiresAt, lang) }} />
            </p>
            <p class="print-only sheet-emergency">
              <T k="emergency" />
            </p>
          </>
        )}
      </div>
    </Layout>
  );
}
