import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";

/**
 * The HSDS JSON shapes `tsunagu import hsds` accepts, reduced to a list of service records
 * (each with its organization when that was the container): a service (`GET /services/{id}`),
 * an organization with `services` (`GET /organizations/{id}`), a page (`{contents: […]}`), an
 * array of services, or a folder written by `tsunagu export hsds` (its `services.json`).
 */
type Json = Record<string, any>;

export interface HsdsInputRecord {
  /** 1-based position of the record in its file, for the report. */
  position: number;
  record: Json;
  organization?: Json;
}

export interface HsdsInput {
  /** File(s) read, in words. */
  format: string;
  records: HsdsInputRecord[];
}

export class HsdsInputError extends Error {
  override name = "HsdsInputError";
}

export async function readHsdsInput(path: string): Promise<HsdsInput> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new HsdsInputError(`there is no file or folder ${path}`);
  const file = info.isDirectory() ? join(path, "services.json") : path;
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") throw new HsdsInputError(`${path} has no services.json (is it a \`tsunagu export hsds\` folder?)`);
    throw new HsdsInputError(`${file} is not JSON: ${(err as Error).message}`);
  }
  return { format: info.isDirectory() ? "HSDS 3 export folder (services.json)" : describe(json), records: records(json) };
}

function describe(json: unknown): string {
  if (Array.isArray(json)) return "HSDS 3 JSON array of services";
  const o = json as Json;
  if (Array.isArray(o?.contents)) return "HSDS 3 page of services";
  if (Array.isArray(o?.services)) return "HSDS 3 organization with services";
  return "HSDS 3 service";
}

function records(json: unknown): HsdsInputRecord[] {
  const list: Json[] = Array.isArray(json) ? json : Array.isArray((json as Json)?.contents) ? (json as Json).contents : [json];
  const out: HsdsInputRecord[] = [];
  list.forEach((item, i) => {
    if (!item || typeof item !== "object") throw new HsdsInputError(`record ${i + 1} is not a JSON object`);
    if (Array.isArray(item.services)) {
      const { services, ...organization } = item;
      for (const service of services as Json[]) out.push({ position: out.length + 1, record: service, organization });
    } else {
      out.push({ position: out.length + 1, record: item });
    }
  });
  return out;
}
