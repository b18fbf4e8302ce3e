import { foldWithOrigins } from "../domain/japanese.js";
import type { HighlightRange, SearchHit } from "./port.js";
import type { SearchDocument } from "./document.js";

/**
 * Highlights: where the words that matched appear in a displayed field, as ranges of the
 * original text (folding may drop or merge characters; `foldWithOrigins` maps back). Shared by
 * both adapters so that they mark the same characters.
 */
export interface HighlightForm {
  /** Folded text to look for. */
  text: string;
  /** A Latin word: only where a word starts. */
  word: boolean;
}

export function highlightRanges(value: string, forms: readonly HighlightForm[]): HighlightRange[] {
  if (!value || forms.length === 0) return [];
  const { text, origins } = foldWithOrigins(value);
  const ranges: [number, number][] = [];
  for (const form of forms) {
    if (!form.text) continue;
    let at = text.indexOf(form.text);
    while (at !== -1) {
      const startsWord = at === 0 || !/[a-z0-9]/.test(text[at - 1]!);
      if (!form.word || startsWord) ranges.push([origins[at]!, origins[at + form.text.length]!]);
      at = text.indexOf(form.text, at + 1);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

export function highlightDocument(doc: SearchDocument, forms: readonly HighlightForm[]): SearchHit["highlights"] {
  const out: SearchHit["highlights"] = {};
  const name = highlightRanges(doc.name, forms);
  if (name.length) out.name = name;
  const nameKana = highlightRanges(doc.nameKana ?? "", forms);
  if (nameKana.length) out.nameKana = nameKana;
  const organization = highlightRanges(doc.organization.name, forms);
  if (organization.length) out.organization = organization;
  const address = highlightRanges(doc.address, forms);
  if (address.length) out.address = address;
  return out;
}
