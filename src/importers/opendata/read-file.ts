import { CsvError, parse } from "csv-parse/sync";
import { type Cells, type HeaderMap, mapHeader, rowCells } from "./columns.js";
import { type DecodedFile, UnreadableFileError, decodeCsvBytes } from "./decode.js";

/**
 * An open-data file as rows of cells by column key, each with the line it starts on (1 is the
 * header), so a rejected row can be found in an editor. Parsing is RFC 4180 by csv-parse:
 * quoted cells hold bare line feeds (川口市 has 57) and commas.
 */
export interface SourceRow {
  line: number;
  cells: Cells;
}

export interface OpenDataFile extends Omit<DecodedFile, "text"> {
  header: HeaderMap;
  rows: SourceRow[];
  /** Rows with no value in any cell (沖縄市 has 989 rows of bare commas): skipped, counted. */
  blankRows: number;
}

export function readOpenDataFile(bytes: Uint8Array): OpenDataFile {
  const { text, ...decoded } = decodeCsvBytes(bytes);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: decoded.delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as unknown as typeof records;
  } catch (err) {
    if (err instanceof CsvError) throw new UnreadableFileError(`the CSV is malformed: ${err.message}`);
    throw err;
  }
  const [first, ...data] = records;
  if (!first) throw new UnreadableFileError("the file is empty");
  const header = mapHeader(first.record);
  const rows: SourceRow[] = [];
  let blankRows = 0;
  let previousEnd = first.info.lines;
  for (const { record, info } of data) {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    if (record.every((cell) => !cell.replace(/[\s\u3000]+/g, ""))) {
      blankRows++;
      continue;
    }
    rows.push({ line, cells: rowCells(header, record) });
  }
  return { ...decoded, header, rows, blankRows };
}
