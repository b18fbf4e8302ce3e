import { formatAgeRange, kindLabel, weekdayLabel } from "../family/format.js";
import { type Lang, Ruby, T, t, useLang } from "../i18n/i18n.js";
import { hrefWithLang } from "../ui/layout.js";
import { QrCode } from "../ui/qr-code.js";
import { ContactList, HoursList } from "../ui/service-facts.js";
import type { SheetService } from "./types.js";

/**
 * One recommended service on a 利用勧奨 sheet: what it is, when it is open, what it costs, who it
 * is for, how to reach it, and a QR code to its public listing. Catalog text stays as written
 * (Japanese); labels follow the sheet's language.
 */
export function SheetServiceCard({ service: s, n }: { service: SheetService; n: number }) {
  const lang = useLang();
  const listing = window.location.origin + hrefWithLang(s.listingPath, lang);
  const ages = formatAgeRange(s.ageMinMonths, s.ageMaxMonths, lang);
  return (
    <article class="sheet-service" aria-labelledby={`sheet-service-${n}`}>
      <div class="sheet-service-body">
        <h2 id={`sheet-service-${n}`}>
          <span class="sheet-number" aria-hidden="true">
            {n}
          </span>{" "}
          <ServiceName service={s} lang={lang} />
        </h2>
        <p class="sheet-kind">
          <Ruby text={kindLabel(s.kind, lang)} /> ・ {s.organization}
        </p>
        {s.description && <p>{s.description}</p>}
        <dl class="facts">
          <dt>
            <T k="hours" />
          </dt>
          <dd>
            <HoursList lines={s.schedule.map((row) => scheduleText(row, lang))} />
          </dd>
          <dt>
            <T k="cost" />
          </dt>
          <dd>
            <T k={s.cost.kind === "free" ? "free" : s.cost.kind === "sliding" ? "sheetCostSliding" : "paid"} />
            {s.cost.amountYen !== null && s.cost.kind !== "free" && <> {yen(s.cost.amountYen, lang)}</>}
            {s.cost.description && <span class="sheet-note"> {s.cost.description}</span>}
          </dd>
          {ages && (
            <>
              <dt>
                <T k="eligibility" />
              </dt>
              <dd>{ages}</dd>
            </>
          )}
          <dt>
            <T k="contact" />
          </dt>
          <dd>
            <ContactList phones={s.phone ? [{ number: s.phone }] : []} email={s.email} url={s.url} />
          </dd>
          {s.address && (
            <>
              <dt>
                <T k="access" />
              </dt>
              <dd>
                {s.postalCode && <>〒{s.postalCode} </>}
                {s.address}
                {s.transportation && <span class="sheet-note"> {s.transportation}</span>}
              </dd>
            </>
          )}
        </dl>
      </div>
      <figure class="sheet-qr">
        <QrCode value={listing} label={t(lang, "sheetQrLabel", { name: s.name })} size={104} />
        <figcaption>
          <T k="sheetQrHint" />
        </figcaption>
      </figure>
    </article>
  );
}

/** In やさしい日本語 the service's own reading goes over its name. */
function ServiceName({ service: s, lang }: { service: SheetService; lang: Lang }) {
  if (lang !== "easy" || !s.nameKana) return <>{s.name}</>;
  return (
    <ruby>
      {s.name}
      <rp>(</rp>
      <rt>{s.nameKana}</rt>
      <rp>)</rp>
    </ruby>
  );
}

/** 「月曜日・水曜日 10:00〜15:00」, with the schedule's own note; furigana markup in やさしい日本語. */
function scheduleText(row: SheetService["schedule"][number], lang: Lang): string {
  const days = row.days.map((d) => weekdayLabel(d, lang)).join(lang === "en" ? ", " : "・");
  const time = row.opensAt && row.closesAt ? ` ${row.opensAt.slice(0, 5)}${lang === "en" ? "–" : "〜"}${row.closesAt.slice(0, 5)}` : "";
  const note = row.description ? ` (${row.description})` : "";
  return `${days}${time}${note}`.trim();
}

const yen = (amount: number, lang: Lang) => (lang === "en" ? `¥${amount.toLocaleString("en")}` : `${amount.toLocaleString("ja")}円`);
