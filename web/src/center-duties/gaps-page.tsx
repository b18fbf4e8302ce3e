import { useMemo } from "preact/hooks";
import { apiGet, toQuery } from "../api/client.js";
import { formatDistance, kindLabel } from "../family/format.js";
import { type Lang, Ruby, T, plain, t, useLang } from "../i18n/i18n.js";
import { navigate, useLocation } from "../router.js";
import { hrefWithLang } from "../ui/layout.js";
import { useFetch } from "../ui/use-fetch.js";
import type { AreaShape } from "./area-map.js";
import { AreaMapView } from "./area-map-view.js";
import { FetchStatus } from "./fetch-status.js";
import { ScrollRegion } from "./scroll-region.js";
import { StaffPage } from "./staff-page.js";
import type { GapsResponse } from "./types.js";

/**
 * 地域資源の開拓: where the center's plans find nothing eligible, per kind and per area, from
 * `GET /api/v1/gaps`. Filters live in the URL; counts resting on fewer than five plans arrive
 * withheld and are shown as such, never guessed.
 */
const CELL_SIZES = [250, 500, 1000, 2000, 3000, 5000] as const;

interface GapFilters {
  cellMeters: number;
  since?: string;
  kind?: string;
}

function parseFilters(q: URLSearchParams): GapFilters {
  const cell = Number(q.get("cell"));
  const since = q.get("since") ?? "";
  return {
    cellMeters: (CELL_SIZES as readonly number[]).includes(cell) ? cell : 1000,
    since: /^\d{4}-\d{2}-\d{2}$/.test(since) ? since : undefined,
    kind: q.get("kind") || undefined,
  };
}

const apiParams = (f: GapFilters) => ({ cellMeters: f.cellMeters, since: f.since });

export default function GapsPage() {
  return (
    <StaffPage>
      <Gaps />
    </StaffPage>
  );
}

function Gaps() {
  const lang = useLang();
  const loc = useLocation();
  const filters = parseFilters(loc.query);
  const set = (patch: Partial<GapFilters>) => {
    const f = { ...filters, ...patch };
    navigate(hrefWithLang(`/staff/gaps${toQuery({ cell: f.cellMeters === 1000 ? undefined : f.cellMeters, since: f.since, kind: f.kind })}`, lang), { replace: true });
  };
  const query = toQuery(apiParams(filters));
  const [res, reload] = useFetch(query, (signal) => apiGet<GapsResponse>("/gaps", apiParams(filters), signal));
  const report = res.data;
  const kinds = report ? [...new Set(report.byKind.map((k) => k.kind))] : [];
  const areas = useMemo(() => (report ? report.byArea.filter((a) => !filters.kind || a.kind === filters.kind) : []), [report, filters.kind]);
  const shapes = useMemo(() => areaShapes(areas, lang), [areas, lang]);

  return (
    <section aria-labelledby="gaps-title" class="duties">
      <h2 id="gaps-title">
        <T k="gapsTitle" />
      </h2>
      <p>
        <T k="gapsIntro" />
      </p>
      <form class="filter-row" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="gap-cell">
            <T k="gapsCellSize" />
          </label>
          <select id="gap-cell" value={filters.cellMeters} onChange={(e) => set({ cellMeters: Number(e.currentTarget.value) })}>
            {CELL_SIZES.map((m) => (
              <option key={m} value={m}>
                {formatDistance(m)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="gap-since">
            <T k="gapsSince" />
          </label>
          <input id="gap-since" type="date" value={filters.since ?? ""} onChange={(e) => set({ since: e.currentTarget.value || undefined })} />
        </div>
        <div class="field">
          <label for="gap-kind">
            <T k="kinds" />
          </label>
          <select id="gap-kind" value={filters.kind ?? ""} onChange={(e) => set({ kind: e.currentTarget.value || undefined })}>
            <option value="">{t(lang, "gapsAllKinds")}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {plain(kindLabel(k, lang))}
              </option>
            ))}
          </select>
        </div>
        <p class="filter-action">
          <a class="button" href={`/api/v1/gaps${toQuery({ ...apiParams(filters), format: "csv" })}`} download="tsunagu-gaps.csv">
            <T k="gapsCsv" />
          </a>
        </p>
      </form>
      <FetchStatus state={res} onRetry={reload} />
      {report && (
        <>
          <p class="notice" id="gaps-withheld-note">
            <T k="gapsWithheldNote" params={{ plans: report.plans, n: report.suppressBelow }} />
          </p>
          <h3>
            <T k="gapsByKind" />
          </h3>
          <KindTable report={report} />
          <h3>
            <T k="gapsByArea" />
          </h3>
          <AreaMapView label={t(lang, "gapsMapLabel")} areas={shapes} />
          <MapLegend />
          <AreaTable areas={areas} />
        </>
      )}
    </section>
  );
}

function Withheld() {
  return (
    <td class="withheld" aria-describedby="gaps-withheld-note">
      <T k="gapsWithheld" />
    </td>
  );
}

function KindTable({ report }: { report: GapsResponse }) {
  const lang = useLang();
  return (
    <ScrollRegion label={t(lang, "gapsByKind")}>
      <table class="data-table gaps-by-kind">
        <thead>
          <tr>
            <th scope="col"><T k="kinds" /></th>
            <th scope="col"><T k="gapsPlans" /></th>
            <th scope="col"><T k="gapsUnmet" /></th>
            <th scope="col"><T k="gapsFull" /></th>
            <th scope="col"><T k="gapsDeclined" /></th>
            <th scope="col"><T k="gapsJustOutOfReach" /></th>
          </tr>
        </thead>
        <tbody>
          {report.byKind.map((k) => (
            <tr key={k.kind} class={k.suppressed ? "is-withheld" : undefined}>
              <th scope="row">
                <Ruby text={kindLabel(k.kind, lang)} />
              </th>
              {k.suppressed ? (
                <>
                  <Withheld />
                  <Withheld />
                  <Withheld />
                  <Withheld />
                  <td />
                </>
              ) : (
                <>
                  <td class="num">{k.plans}</td>
                  <td class="num">{k.unmet}</td>
                  <td class="num">{k.capacityShortfall}</td>
                  <td class="num">{k.declinedNoCapacity}</td>
                  <td>
                    {k.nearestCandidates.map((c) => (
                      <span key={c.serviceId} class="candidate">
                        <T k="gapsCandidate" params={{ name: c.name, times: c.times, d: formatDistance(c.medianDistanceMeters), why: Object.keys(c.criteria).join("・") }} />
                      </span>
                    ))}
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function AreaTable({ areas }: { areas: GapsResponse["byArea"] }) {
  const lang = useLang();
  return (
    <ScrollRegion label={t(lang, "gapsByArea")}>
      <table class="data-table gaps-by-area">
        <thead>
          <tr>
            <th scope="col"><T k="gapsArea" /></th>
            <th scope="col"><T k="kinds" /></th>
            <th scope="col"><T k="gapsPlans" /></th>
            <th scope="col"><T k="gapsUnmet" /></th>
          </tr>
        </thead>
        <tbody>
          {areas.map((a) => (
            <tr key={`${a.cell.id}|${a.kind}`} class={a.suppressed ? "is-withheld" : undefined}>
              <th scope="row">{cellName(a.cell)}</th>
              <td>
                <Ruby text={kindLabel(a.kind, lang)} />
              </td>
              {a.suppressed ? (
                <>
                  <Withheld />
                  <Withheld />
                </>
              ) : (
                <>
                  <td class="num">{a.plans}</td>
                  <td class="num">{a.unmet}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function MapLegend() {
  return (
    <ul class="map-legend">
      <li><span class="swatch tone-many" aria-hidden="true" /> <T k="gapsLegendMany" /></li>
      <li><span class="swatch tone-some" aria-hidden="true" /> <T k="gapsLegendSome" /></li>
      <li><span class="swatch tone-zero" aria-hidden="true" /> <T k="gapsLegendZero" /></li>
      <li><span class="swatch tone-withheld" aria-hidden="true" /> <T k="gapsLegendWithheld" /></li>
    </ul>
  );
}

/** A cell by its centre: 「35.793, 139.746」 (the centre of a grid square, never a family's address). */
export const cellName = (cell: { lat: number; lng: number }) => `${cell.lat.toFixed(3)}, ${cell.lng.toFixed(3)}`;

/**
 * One shape per cell: unmet needs summed over the kinds shown (only counts the API gave — a
 * withheld count is never filled in), hatched grey when every count of the cell is withheld.
 */
function areaShapes(areas: GapsResponse["byArea"], lang: Lang): AreaShape[] {
  const cells = new Map<string, { cell: GapsResponse["byArea"][number]["cell"]; unmet: number; shown: number; withheld: number }>();
  for (const a of areas) {
    const c = cells.get(a.cell.id) ?? { cell: a.cell, unmet: 0, shown: 0, withheld: 0 };
    if (a.suppressed) c.withheld++;
    else {
      c.shown++;
      c.unmet += a.unmet ?? 0;
    }
    cells.set(a.cell.id, c);
  }
  return [...cells.values()].map((c) => ({
    cell: c.cell,
    tone: c.shown === 0 ? "withheld" : c.unmet === 0 ? "zero" : c.unmet < 3 ? "some" : "many",
    label: `${cellName(c.cell)} — ${t(lang, "gapsCellTooltip", { unmet: c.shown ? c.unmet : "–", withheld: c.withheld })}`,
  }));
}
