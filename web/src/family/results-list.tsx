import type { SearchHit } from "../api/types.js";
import { Ruby, T, t, useLang } from "../i18n/i18n.js";
import { Link } from "../router.js";
import { formatAgeRange, formatDistance, kindLabel } from "./format.js";

export interface ResultsListProps {
  hits: SearchHit[];
  total: number;
  page: number;
  pages: number;
  selectedId?: string;
  /** The URL that opens a hit's detail view. */
  detailHref(hit: SearchHit): string;
  pageHref(page: number): string;
  onHover(id: string | undefined): void;
}

export function ResultsList(props: ResultsListProps) {
  const lang = useLang();
  return (
    <>
      <ol class="results" aria-label={t(lang, "results")}>
        {props.hits.map((hit) => (
          <ResultCard key={hit.id} hit={hit} href={props.detailHref(hit)} selected={hit.id === props.selectedId} onHover={props.onHover} />
        ))}
      </ol>
      {props.pages > 1 && (
        <nav class="pager" aria-label={t(lang, "pageOf", { page: props.page, pages: props.pages })}>
          {props.page > 1 ? (
            <Link href={props.pageHref(props.page - 1)} rel="prev">
              ← <T k="prevPage" />
            </Link>
          ) : (
            <span />
          )}
          <span>
            <T k="pageOf" params={{ page: props.page, pages: props.pages }} />
          </span>
          {props.page < props.pages ? (
            <Link href={props.pageHref(props.page + 1)} rel="next">
              <T k="nextPage" /> →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </>
  );
}

function ResultCard({ hit, href, selected, onHover }: { hit: SearchHit; href: string; selected: boolean; onHover(id?: string): void }) {
  const lang = useLang();
  const ages = formatAgeRange(hit.ageMinMonths, hit.ageMaxMonths, lang);
  return (
    <li
      class={`result${selected ? " is-selected" : ""}`}
      data-hit={hit.id}
      onMouseEnter={() => onHover(hit.id)}
      onMouseLeave={() => onHover(undefined)}
      onFocusIn={() => onHover(hit.id)}
      onFocusOut={() => onHover(undefined)}
    >
      <h3 class="result-name">
        <Link href={href}>
          {hit.name}
        </Link>
      </h3>
      <p class="result-kind">
        <span class="tag">
          <Ruby text={kindLabel(hit.kind, lang)} />
        </span>
        {hit.costFree === true && (
          <span class="tag tag-free">
            <T k="free" />
          </span>
        )}
        {hit.distanceMeters !== undefined && (
          <span class="result-distance">
            <T k="distanceAway" params={{ d: formatDistance(hit.distanceMeters) }} />
          </span>
        )}
      </p>
      <p class="result-meta">
        {hit.organization.name}
        <br />
        {hit.address}
        {ages && (
          <>
            <br />
            <T k="ageRange" params={{ range: ages }} />
          </>
        )}
      </p>
    </li>
  );
}
