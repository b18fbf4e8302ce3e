import type { ComponentChildren, RefObject } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { ApiError, apiGet } from "../api/client.js";
import type { HsdsService } from "../api/types.js";
import { type MessageKey } from "../i18n/messages.js";
import { Ruby, T, useLang } from "../i18n/i18n.js";
import { Link } from "../router.js";
import { ContactList, HoursList } from "../ui/service-facts.js";
import { useFetch } from "../ui/use-fetch.js";
import { formatAgeYears, formatDate, formatSchedule, kindLabel, languageLabel } from "./format.js";
import { ReportForm } from "./report-form.js";

export interface ServiceDetailProps {
  serviceId: string;
  locationId?: string;
  backHref: string;
  onShowOnMap(): void;
  /** The location shown, once loaded, for the map. */
  onPlace(place: { lat: number; lng: number; name: string } | undefined): void;
}

/** One service, as a family needs it: when, what it costs, who it is for, how to reach it. */
export function ServiceDetail(props: ServiceDetailProps) {
  const [res, reload] = useFetch(props.serviceId, (signal) => apiGet<HsdsService>(`/services/${encodeURIComponent(props.serviceId)}`, {}, signal));
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = res.status === "ok";
  useEffect(() => {
    if (!loaded) return;
    // Move focus to the heading so screen reader and keyboard users land on the new content.
    heading.current?.focus();
    const loc = siteOf(res.data, props.locationId)?.location;
    props.onPlace(loc?.latitude !== undefined && loc.longitude !== undefined ? { lat: loc.latitude, lng: loc.longitude, name: res.data.name } : undefined);
  }, [loaded, props.serviceId, props.locationId]);
  useEffect(() => () => props.onPlace(undefined), []);

  return (
    <article class="detail" aria-busy={res.status === "loading"}>
      <p class="detail-back">
        <Link href={props.backHref}>
          ← <T k="backToList" />
        </Link>
      </p>
      {res.status === "loading" && !res.data && (
        <p role="status">
          <T k="loading" />
        </p>
      )}
      {res.status === "error" &&
        (res.error instanceof ApiError && res.error.status === 404 ? (
          <p class="notice">
            <T k="serviceNotFound" />
          </p>
        ) : (
          <p class="notice notice-error" role="alert">
            <T k="loadError" />{" "}
            <button type="button" class="button button-link" onClick={reload}>
              <T k="retry" />
            </button>
          </p>
        ))}
      {res.status === "ok" && <DetailBody service={res.data} locationId={props.locationId} headingRef={heading} onShowOnMap={props.onShowOnMap} />}
    </article>
  );
}

function DetailBody({
  service: s,
  locationId,
  headingRef,
  onShowOnMap,
}: {
  service: HsdsService;
  locationId?: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onShowOnMap(): void;
}) {
  const lang = useLang();
  const site = siteOf(s, locationId);
  const loc = site?.location;
  const address = loc?.addresses[0];
  const kind = s.attributes.find((a) => a.taxonomy_term?.code)?.taxonomy_term?.code;
  const ages = formatAgeYears(s.minimum_age, s.maximum_age, lang);
  const phones = s.phones.length ? s.phones : (s.organization.phones ?? []);
  const free = s.cost_options.some((c) => c.amount === 0) && !s.cost_options.some((c) => (c.amount ?? 0) > 0);

  return (
    <>
      <header class="detail-header">
        {kind && (
          <p class="tag">
            <Ruby text={kindLabel(kind, lang)} />
          </p>
        )}
        <h2 ref={headingRef} tabIndex={-1}>
          {s.name}
        </h2>
        {s.alternate_name && <p class="detail-kana">{s.alternate_name}</p>}
        {lang !== "ja" && (
          <p class="detail-note">
            <T k="dataInJapanese" />
          </p>
        )}
      </header>
      {s.description && <p class="detail-description">{s.description}</p>}
      <dl class="facts">
        <Fact label="hours">
          <HoursList lines={s.schedules.map((sch) => formatSchedule(sch, lang))} />
        </Fact>
        <Fact label="cost">
          {free && (
            <span class="tag tag-free">
              <T k="free" />
            </span>
          )}{" "}
          {s.fees_description ?? s.cost_options.map((c) => c.amount_description ?? c.option).filter(Boolean).join(" / ")}
        </Fact>
        <Fact label="eligibility">
          {ages ?? <T k="anyone" />}
          {s.eligibility_description && <p>{s.eligibility_description}</p>}
        </Fact>
        {s.languages.length > 0 && (
          <Fact label="languages">
            {s.languages.map((l) => (l.code ? languageLabel(l.code, lang) : l.name)).join(lang === "en" ? ", " : "、")}
            {s.interpretation_services && <p>{s.interpretation_services}</p>}
          </Fact>
        )}
        <Fact label="contact">
          <ContactList phones={phones.map((p) => ({ number: p.number, dial: p.number.replace(/[^\d+]/g, ""), extension: p.extension }))} email={s.email} url={s.url} newTab />
        </Fact>
        {loc && (
          <Fact label="access">
            <address>
              {address?.postal_code && <>〒{address.postal_code} </>}
              {address && [address.state_province, address.city, address.address_1].filter(Boolean).join("")}
              {(address?.address_2 ?? loc.name) && (
                <>
                  <br />
                  {address?.address_2 ?? loc.name}
                </>
              )}
            </address>
            {loc.transportation && <p>{loc.transportation}</p>}
            {loc.latitude !== undefined && (
              <button type="button" class="button button-small" onClick={onShowOnMap}>
                <T k="showOnMap" />
              </button>
            )}
          </Fact>
        )}
        {s.application_process && <Fact label="howToApply">{s.application_process}</Fact>}
        {s.required_documents.length > 0 && (
          <Fact label="documents">
            <ul class="plain-list">
              {s.required_documents.map((d, i) => (
                <li key={i}>{d.document}</li>
              ))}
            </ul>
          </Fact>
        )}
        <Fact label="runBy">{s.organization.name}</Fact>
      </dl>
      {s.last_modified && (
        <p class="detail-updated">
          <T k="updated" params={{ date: formatDate(s.last_modified, lang) }} />
        </p>
      )}
      <ReportForm serviceId={s.id} />
    </>
  );
}

/** The service-at-location the family opened (a service can be offered at several places). */
function siteOf(s: HsdsService, locationId: string | undefined) {
  return s.service_at_locations.find((x) => x.location.id === locationId) ?? s.service_at_locations[0];
}

function Fact({ label, children }: { label: MessageKey; children: ComponentChildren }) {
  return (
    <div class="fact">
      <dt>
        <T k={label} />
      </dt>
      <dd>{children}</dd>
    </div>
  );
}
