import { useMemo, useState } from "preact/hooks";
import { DEFAULT_COVERAGE_METERS, DESIGNATABLE_KINDS } from "../../../src/consultation-points/designatable.js";
import { ApiError, apiDelete, apiGet, apiPost } from "../api/client.js";
import type { SearchResponse } from "../api/types.js";
import { formatDate, formatDistance, kindLabel } from "../family/format.js";
import { Ruby, T, plain, t, useLang } from "../i18n/i18n.js";
import { useFetch } from "../ui/use-fetch.js";
import type { AreaShape, PointShape } from "./area-map.js";
import { AreaMapView } from "./area-map-view.js";
import { FetchStatus } from "./fetch-status.js";
import { ScrollRegion } from "./scroll-region.js";
import { cellName } from "./gaps-page.js";
import { StaffPage } from "./staff-page.js";
import type { ConsultationPoint, CoverageResponse } from "./types.js";

/**
 * 地域子育て相談機関 of the center: the designated points with the circle each covers, the
 * populated parts of the municipality that none covers (`GET …/coverage`), designating a place
 * found by search, and ending a designation. Every change is audited by the API.
 */
export default function ConsultationPointsPage() {
  return <StaffPage>{(user) => <ConsultationPoints centerId={user.centerId ?? ""} />}</StaffPage>;
}

function ConsultationPoints({ centerId }: { centerId: string }) {
  const lang = useLang();
  const [version, setVersion] = useState(0);
  const [points, reloadPoints] = useFetch(`points-${version}`, (signal) => apiGet<ConsultationPoint[]>("/consultation-points", {}, signal));
  const [coverage, reloadCoverage] = useFetch(`coverage-${version}`, (signal) => apiGet<CoverageResponse>("/consultation-points/coverage", {}, signal));
  const changed = () => setVersion((v) => v + 1);
  const mine = useMemo(() => (points.data ?? []).filter((p) => p.centerId === centerId), [points.data, centerId]);
  const shapes = useMemo<PointShape[]>(() => mine.map((p) => ({ lat: p.lat, lng: p.lng, radiusMeters: p.coverageRadiusMeters, label: p.name })), [mine]);
  const holes = useMemo<AreaShape[]>(
    () => (coverage.data?.uncovered ?? []).map((u) => ({ cell: u.cell, tone: u.places >= 5 ? "many" : "some", label: `${cellName(u.cell)} — ${t(lang, "cpPlacesInArea", { n: u.places })}` })),
    [coverage.data, lang],
  );

  return (
    <section aria-labelledby="cp-title" class="duties">
      <h2 id="cp-title">
        <T k="cpTitle" />
      </h2>
      <p>
        <T k="cpIntro" />
      </p>
      <FetchStatus state={points} onRetry={reloadPoints} />
      <FetchStatus state={coverage} onRetry={reloadCoverage} />
      {coverage.data && (
        <p class="notice">
          <T k="cpCoverageSummary" params={{ points: coverage.data.points, cells: coverage.data.cells, uncovered: coverage.data.uncovered.length }} />
        </p>
      )}
      <AreaMapView label={t(lang, "cpMapLabel")} points={shapes} areas={holes} />
      <ul class="map-legend">
        <li><span class="swatch tone-point" aria-hidden="true" /> <T k="cpLegendPoint" /></li>
        <li><span class="swatch tone-many" aria-hidden="true" /> <T k="cpLegendUncovered" /></li>
      </ul>

      <h3><T k="cpDesignated" /></h3>
      {points.data && <PointTable points={mine} onChanged={changed} />}

      <h3><T k="cpUncovered" /></h3>
      {coverage.data && (
        <ScrollRegion label={t(lang, "cpUncovered")}>
          <table class="data-table cp-uncovered">
            <thead>
              <tr>
                <th scope="col"><T k="gapsArea" /></th>
                <th scope="col"><T k="cpPlaces" /></th>
                <th scope="col"><T k="cpNearest" /></th>
              </tr>
            </thead>
            <tbody>
              {coverage.data.uncovered.map((u) => (
                <tr key={u.cell.id}>
                  <th scope="row">{cellName(u.cell)}</th>
                  <td class="num">{u.places}</td>
                  <td>{u.nearest ? `${u.nearest.name}（${formatDistance(u.nearest.distanceMeters)}）` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}

      <h3><T k="cpDesignate" /></h3>
      <DesignateForm municipality={mine[0]?.municipalityCode} onDone={changed} />
    </section>
  );
}

function PointTable({ points, onChanged }: { points: ConsultationPoint[]; onChanged(): void }) {
  const lang = useLang();
  const [error, setError] = useState<string>();
  const end = async (p: ConsultationPoint) => {
    setError(undefined);
    try {
      await apiDelete(`/consultation-points/${p.id}`);
      onChanged();
    } catch {
      setError(t(lang, "loadError"));
    }
  };
  if (points.length === 0) return <p><T k="cpNone" /></p>;
  return (
    <>
      {error && <p class="notice notice-error" role="alert">{error}</p>}
      <ScrollRegion label={t(lang, "cpDesignated")}>
        <table class="data-table cp-points">
          <thead>
            <tr>
              <th scope="col"><T k="cpPoint" /></th>
              <th scope="col"><T k="kinds" /></th>
              <th scope="col"><T k="access" /></th>
              <th scope="col"><T k="cpRadius" /></th>
              <th scope="col"><T k="cpSince" /></th>
              <td />
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  {p.name}
                  <br />
                  <span class="hint">{p.organizationName}</span>
                </th>
                <td><Ruby text={kindLabel(p.kind, lang)} /></td>
                <td>{p.address ?? "—"}</td>
                <td class="num">{formatDistance(p.coverageRadiusMeters)}</td>
                <td>{formatDate(p.designatedAt, lang)}</td>
                <td>
                  <button type="button" class="button button-small" onClick={() => end(p)} aria-label={`${t(lang, "cpEnd")}: ${p.name}`}>
                    <T k="cpEnd" />
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

/** Find a nursery, kindergarten, ひろば or 児童館 of the municipality and designate it. */
function DesignateForm({ municipality, onDone }: { municipality?: string; onDone(): void }) {
  const lang = useLang();
  const [kind, setKind] = useState<string>("hiroba");
  const [q, setQ] = useState("");
  const [found, setFound] = useState<SearchResponse["hits"]>();
  const [chosen, setChosen] = useState<string>();
  const [radius, setRadius] = useState(String(DEFAULT_COVERAGE_METERS));
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  const search = async (e: Event) => {
    e.preventDefault();
    setMessage(undefined);
    const res = await apiGet<SearchResponse>("/search", { q: q.trim() || undefined, kind: [kind], municipality, size: 20 }).catch(() => undefined);
    setFound(res?.hits ?? []);
    setChosen(undefined);
  };
  const designate = async (e: Event) => {
    e.preventDefault();
    const hit = found?.find((h) => h.id === chosen);
    if (!hit) return setMessage({ ok: false, text: t(lang, "cpChoosePlace") });
    try {
      await apiPost("/consultation-points", { serviceId: hit.serviceId, ...(hit.locationId ? { locationId: hit.locationId } : {}), coverageRadiusMeters: Number(radius) });
      setMessage({ ok: true, text: t(lang, "cpDesignatedDone", { name: hit.name }) });
      setFound(undefined);
      onDone();
    } catch (err) {
      const text =
        err instanceof ApiError && err.status === 409
          ? t(lang, "cpAlready")
          : err instanceof ApiError && err.problem.errors?.length
            ? err.problem.errors.map((x) => `${x.path}: ${x.message}`).join(" / ")
            : t(lang, "loadError");
      setMessage({ ok: false, text });
    }
  };

  return (
    <div class="designate">
      {message && (
        <p class={`notice ${message.ok ? "notice-success" : "notice-error"}`} role={message.ok ? "status" : "alert"}>
          {message.text}
        </p>
      )}
      <form class="filter-row" onSubmit={search}>
        <div class="field">
          <label for="cp-kind"><T k="kinds" /></label>
          <select id="cp-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
            {DESIGNATABLE_KINDS.map((k) => (
              <option key={k} value={k}>{plain(kindLabel(k, lang))}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="cp-q"><T k="searchLabel" /></label>
          <input id="cp-q" type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
        </div>
        <p class="filter-action">
          <button type="submit" class="button"><T k="searchButton" /></button>
        </p>
      </form>
      {found && (
        <form onSubmit={designate}>
          {found.length === 0 ? (
            <p><T k="noResults" /></p>
          ) : (
            <fieldset>
              <legend><T k="cpChoosePlace" /></legend>
              {found.map((h) => (
                <label class="check" key={h.id}>
                  <input type="radio" name="cp-place" value={h.id} checked={chosen === h.id} onChange={() => setChosen(h.id)} />
                  <span>
                    {h.name} <span class="hint">{h.address}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          )}
          <div class="field">
            <label for="cp-radius"><T k="cpRadiusMeters" /></label>
            <input id="cp-radius" type="text" inputMode="numeric" value={radius} onInput={(e) => setRadius(e.currentTarget.value)} />
          </div>
          <button type="submit" class="button button-primary"><T k="cpDesignateButton" /></button>
        </form>
      )}
    </div>
  );
}
