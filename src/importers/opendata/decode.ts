import iconv from "iconv-lite";

/**
 * Bytes of a municipal CSV → text. Real files come as UTF-8 with or without a BOM, as
 * Shift_JIS (really Windows-31J/CP932, which Excel writes), and as UTF-16 with a BOM and tabs
 * (Excel's "Unicode text"); see shared/research/opendata.md §2. The encoding is sniffed, never
 * assumed, and the delimiter is read off the header line.
 */
export type SourceEncoding = "utf-8" | "utf-8-bom" | "cp932" | "utf-16le" | "utf-16be";

export interface DecodedFile {
  text: string;
  encoding: SourceEncoding;
  delimiter: "," | "\t";
}

export class UnreadableFileError extends Error {
  override name = "UnreadableFileError";
}

export function decodeCsvBytes(bytes: Uint8Array): DecodedFile {
  const { text, encoding } = decodeText(bytes);
  return { text, encoding, delimiter: sniffDelimiter(text) };
}

export const ENCODING_LABEL: Record<SourceEncoding, string> = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8 with BOM",
  cp932: "Shift_JIS (CP932)",
  "utf-16le": "UTF-16LE",
  "utf-16be": "UTF-16BE",
};

function decodeText(bytes: Uint8Array): { text: string; encoding: SourceEncoding } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0x50 && buf[1] === 0x4b) {
    throw new UnreadableFileError("the file is a zip archive (some portals name zips .csv): unzip it and import the CSV inside");
  }
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), "utf-16le"), encoding: "utf-16le" };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), "utf-16be"), encoding: "utf-16be" };
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: strictUtf8(buf.subarray(3)) ?? iconv.decode(buf.subarray(3), "utf-8"), encoding: "utf-8-bom" };
  }
  const utf8 = strictUtf8(buf);
  if (utf8 !== undefined) return { text: utf8, encoding: "utf-8" };
  // Not valid UTF-8: the other encoding Japanese spreadsheets write. A file that is neither
  // decodes to replacement characters, which the row checks then report.
  return { text: iconv.decode(buf, "cp932"), encoding: "cp932" };
}

function strictUtf8(buf: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    return undefined;
  }
}

/** Tabs or commas, whichever the header line has more of. */
function sniffDelimiter(text: string): "," | "\t" {
  const header = text.slice(0, Math.max(0, text.search(/\r?\n/)) || text.length);
  const tabs = header.split("\t").length - 1;
  const commas = header.split(",").length - 1;
  return tabs > commas ? "\t" : ",";
}
