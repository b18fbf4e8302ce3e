import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { apiGet, toQuery } from "../api/client.js";
import type { SearchHit, SearchResponse } from "../api/types.js";
import { T, t, useLang } from "../i18n/i18n.js";
import { NearestPointCard } from "../center-duties/nearest-point-card.js";
import { FamilyMap } from "../map/family-map.js";
import { navigate, useLocation } from "../router.js";
import { Layout, hrefWithLang } from "../ui/layout.js";
import { Icon } from "../ui/icon.js";
import { QrCode } from "../ui/qr-code.js";
import { useFetch } from "../ui/use-fetch.js";
import { kindLabel } from "./format.js";
import { ResultsList } from "./results-list.js";
import { SearchForm } from "./search-form.js";
import { type FamilyState, PAGE_SIZE, parseState, searchParams, stateQuery } from "./search-state.js";
import { ServiceDetail } from "./service-detail.js";
import { ShareDialog } from "./share-dialog.js";

/**
 * The family map at `/`: search, filters, a list and a map kept in sync, and the detail of one
 * service. No sign-in, no cookies, no third-party requests; the whole state is in the URL.
 */
export function FamilyPage() {
  const lang = useLang();
  const loc = useLocation();
  const state = useMemo(() => parseState(loc.query), [loc.href]);
  const href = (s: FamilyState) => hrefWithLang("/" + toQuery(stateQuery(s)), lang);
  /** A new search: back to page 1, detail closed. */
  const change = (patch: Partial<FamilyState>) => navigate(href({ ...state, page: 1, service: undefined, location: undefined, ...patch }));

  const params = searchParams({ ...state, service: undefined, location: undefined });
  const [res, reload] = useFetch(toQuery(params), (signal) => apiGet<SearchResponse>("/search", params, signal));
  const hits = res.data?.hits ?? [];
  const total = res.data?.total ?? 0;

  const [view, setView] = useState<"list" | "map">("list");
  const [hover, setHover] = useState<string>();
  const [movedTo, setMovedTo] = useState<[number, number, number, number]>();
  const [picking, setPicking] = useState(false);
  const [locating, setLocating] = useState(false);
  const [geoError, setGeoError] = useState(false);
  const [sharing, setSharing] = useState(false);

  const mapEl = useRef<HTMLDivElement>(null);
  const map = useRef<FamilyMap | undefined>(undefined);
  const cancelPick = useRef<(() => void) | undefined>(undefined);
  const detailHref = (hit: SearchHit) => href({ ...state, service: hit.serviceId, location: hit.locationId });
  const selectedHit = state.service ? hits.find((h) => h.serviceId === state.service && (!state.location || h.locationId === state.location)) : undefined;

  useEffect(() => {
    map.current = new FamilyMap(mapEl.current!, t(lang, "mapLabel"), {
      onSelect: (hit) => navigate(detailHrefRef.current(hit)),
      onUserMove: (bbox) => setMovedTo(bbox),
    });
    return () => map.current?.destroy();
  }, []);
  // The map's callbacks outlive renders: read the latest href builder through a ref.
  const detailHrefRef = useRef(detailHref);
  detailHrefRef.current = detailHref;

  useEffect(() => {
    if (res.status !== "ok") return;
    map.current?.setHits(res.data.hits, { fit: !state.bbox && !state.service });
    setMovedTo(undefined);
  }, [res.status === "ok" ? res.data : undefined]);
  useEffect(() => map.current?.setSelected(hover ?? selectedHit?.id), [hover, selectedHit?.id, res.data]);
  useEffect(() => map.current?.setPoint(state.point, state.radius, t(lang, "chosenPoint")), [state.point?.lat, state.point?.lng, state.radius, lang]);
  useEffect(() => map.current?.invalidateSize(), [view]);
  useEffect(() => () => cancelPick.current?.(), []);

  const nearMe = () => {
    setGeoError(false);
    if (!navigator.geolocation) return setGeoError(true);
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        change({ point: { lat: pos.coords.latitude, lng: pos.coords.longitude }, sort: "distance", bbox: undefined });
      },
      () => {
        setLocating(false);
        setGeoError(true);
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
  };
  const pickOnMap = () => {
    cancelPick.current?.();
    if (picking) return setPicking(false);
    setGeoError(false);
    setPicking(true);
    setView("map");
    cancelPick.current = map.current?.pickPoint((point) => {
      setPicking(false);
      change({ point, sort: "distance", bbox: undefined });
    });
  };
  const showOnMap = () => {
    setView("map");
    if (selectedHit) map.current?.setSelected(selectedHit.id, { reveal: true });
  };

  const pages = Math.max(1, Math.ceil(total / (res.data?.size || PAGE_SIZE)));
  const pageUrl = window.location.origin + loc.href;

  return (
    <Layout title={t(lang, "tagline")} wide>
      <div class={`family${state.service ? " has-detail" : ""}`} data-view={view}>
        <div class="family-side">
          <div class="family-search">
            <h1 class="page-title">
              <T k="tagline" />
            </h1>
            <SearchForm
              state={state}
              onChange={change}
              onNearMe={nearMe}
              onPickOnMap={pickOnMap}
              picking={picking}
              locating={locating}
              geoError={geoError}
              kindCounts={res.data?.facets?.kind}
            />
          </div>
          <div class="view-toggle" role="group" aria-label={`${t(lang, "viewList")} / ${t(lang, "viewMap")}`}>
            <button type="button" class="button" aria-pressed={view === "list"} onClick={() => setView("list")}>
              <T k="viewList" />
            </button>
            <button type="button" class="button" aria-pressed={view === "map"} onClick={() => setView("map")}>
              <T k="viewMap" />
            </button>
          </div>
          <section class="list-pane" aria-labelledby={state.service ? undefined : "results-title"} aria-label={state.service ? t(lang, "details") : undefined}>
            {state.service ? (
              <ServiceDetail
                serviceId={state.service}
                locationId={state.location}
                backHref={href({ ...state, service: undefined, location: undefined })}
                onShowOnMap={showOnMap}
                onPlace={(place) => map.current?.showPlace(place)}
              />
            ) : (
              <>
                {state.point && <NearestPointCard point={state.point} serviceHref={(service, location) => href({ ...state, service, location })} />}
                <div class="results-head">
                  <h2 id="results-title" aria-live="polite">
                    {res.data ? <T k="resultsCount" params={{ n: total.toLocaleString(lang === "en" ? "en" : "ja") }} /> : <T k="results" />}
                  </h2>
                  <div class="results-actions">
                    <button type="button" class="button button-small" onClick={() => window.print()}>
                      <Icon name="print" />
                      <T k="print" />
                    </button>
                    <button type="button" class="button button-small" onClick={() => setSharing(true)}>
                      <Icon name="share" />
                      <T k="share" />
                    </button>
                  </div>
                </div>
                {res.data?.expansions.map((x) => (
                  <p class="expansion" key={x.phrase}>
                    <T k="expansion" params={{ phrase: x.phrase, kinds: x.kinds.map((k) => kindLabel(k, lang)).join(lang === "en" ? ", " : "・") }} />
                  </p>
                ))}
                <ResultsStatus state={state} status={res.status} total={total} onRetry={reload} onClearArea={() => change({ bbox: undefined })} />
                <ResultsList
                  hits={hits}
                  total={total}
                  page={state.page}
                  pages={pages}
                  selectedId={hover}
                  detailHref={detailHref}
                  pageHref={(page) => href({ ...state, page })}
                  onHover={setHover}
                />
              </>
            )}
          </section>
        </div>
        <div class="map-pane">
          <div ref={mapEl} class="map" />
          {picking && (
            <div class="map-hint" role="status">
              <T k="pickHint" />{" "}
              <button type="button" class="button button-small" onClick={pickOnMap}>
                <T k="cancel" />
              </button>
            </div>
          )}
          {movedTo && !picking && (
            <button type="button" class="button button-primary map-action" onClick={() => change({ bbox: movedTo })}>
              <T k="searchThisArea" />
            </button>
          )}
        </div>
        <div class="print-only print-share">
          <QrCode value={pageUrl} label={t(lang, "qrTitle")} size={120} />
          <p>
            <T k="qrHint" />
            <br />
            <span class="print-url">{pageUrl}</span>
          </p>
        </div>
      </div>
      <ShareDialog url={pageUrl} open={sharing} onClose={() => setSharing(false)} />
    </Layout>
  );
}

/** Loading, failure, nothing found, and the "map area only" note above the list. */
function ResultsStatus(props: { state: FamilyState; status: "loading" | "ok" | "error"; total: number; onRetry(): void; onClearArea(): void }) {
  return (
    <>
      {props.state.bbox && (
        <p class="notice">
          <T k="areaFilterOn" />{" "}
          <button type="button" class="button button-link" onClick={props.onClearArea}>
            <T k="clearArea" />
          </button>
        </p>
      )}
      {props.status === "loading" && (
        <p role="status" class="loading">
          <T k="loading" />
        </p>
      )}
      {props.status === "error" && (
        <p class="notice notice-error" role="alert">
          <T k="loadError" />{" "}
          <button type="button" class="button button-link" onClick={props.onRetry}>
            <T k="retry" />
          </button>
        </p>
      )}
      {props.status === "ok" && props.total === 0 && (
        <p class="notice">
          <T k="noResults" />
        </p>
      )}
    </>
  );
}
