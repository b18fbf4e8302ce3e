import { Ruby, T } from "../i18n/i18n.js";

/**
 * What a service's facts list shows for its opening hours and its contact, shared by the family's
 * service detail and the 利用勧奨 sheet (each puts these inside its own `<dd>`).
 */

/** The opening hours, one line each (furigana markup in やさしい日本語), or "not known" when there are none. */
export function HoursList({ lines }: { lines: string[] }) {
  if (!lines.length) return <T k="hoursUnknown" />;
  return (
    <ul class="plain-list">
      {lines.map((text, i) => (
        <li key={i}>
          <Ruby text={text} />
        </li>
      ))}
    </ul>
  );
}

export interface ContactPhone {
  /** As written, shown to the reader. */
  number: string;
  /** What the `tel:` link dials; the number as written when left out. */
  dial?: string;
  extension?: string | null;
}

/** Phone numbers, e-mail and website as links; `newTab` opens the website in a tab of its own. */
export function ContactList({ phones, email, url, newTab = false }: { phones: ContactPhone[]; email?: string | null; url?: string | null; newTab?: boolean }) {
  return (
    <ul class="plain-list">
      {phones.map((p) => (
        <li key={p.number}>
          <T k="phone" />: <a href={`tel:${p.dial ?? p.number}`}>{p.number}</a>
          {p.extension ? ` (${p.extension})` : ""}
        </li>
      ))}
      {email && (
        <li>
          <T k="email" />: <a href={`mailto:${email}`}>{email}</a>
        </li>
      )}
      {url && (
        <li>
          <T k="website" />:{" "}
          <a href={url} {...(newTab ? { rel: "noopener noreferrer", target: "_blank" } : {})}>
            {url}
          </a>
        </li>
      )}
    </ul>
  );
}
