import type { Lang } from "../i18n/i18n.js";
import type { SheetLanguage } from "./types.js";

/** The API's sheet languages as the web app's (`easy-ja` is `?lang=easy`). */
export const SHEET_LANG: Record<SheetLanguage, Lang> = { ja: "ja", "easy-ja": "easy", en: "en" };
