import type { ServiceDraft } from "../src/catalog/draft.js";
import type { NewOrganization, NewService, Verification } from "../src/catalog/writer.js";
import { LANGUAGES } from "../src/domain/languages.js";
import { KIND_CODES, type KindCode } from "../src/domain/taxonomy.js";
import { stableId } from "./ids.js";
import { type OperatorType, VARIANTS, type Variant } from "./kinds/index.js";
import { type Operator, SERVICES_PER_OPERATOR, municipalOperator, newOperator, prefectureOperator } from "./operators.js";
import { type Place, type Town, siteNear, streetAddress, unassignedPhone } from "./place.js";
import { Random } from "./random.js";
import { join } from "./reading.js";
import { BRANDS, ORDINALS } from "./vocabulary.js";

/**
 * The catalog generator behind both the demo city and the synthetic nationwide catalog. It works
 * place by place, so a caller can insert each chunk and let it go (200,000 services never sit in
 * memory at once). Everything derives from `idPrefix`: the same prefix and the same places give
 * the same ids, names and numbers on every run; only timestamps follow `now`.
 */
export interface CatalogOptions {
  /** Seeds the PRNG and namespaces ids and provenance (`demo`, `synthetic:42`). */
  idPrefix: string;
  /** Verification and creation dates are set relative to it, so "stale" stays meaningful. */
  now: Date;
  /** Share of generated services left pending review (0 by default). */
  pendingShare?: number;
}

export interface CatalogChunk {
  organizations: NewOrganization[];
  services: NewService[];
}

/** How many services of each kind a place gets. */
export type KindPlan = Partial<Record<KindCode, number>>;

export interface ServiceRequest {
  kind: KindCode;
  /** Who runs it; otherwise chosen (and maybe founded) by the variant's operator weights. */
  operator?: Operator;
  town?: Town;
  /** Replaces fields of the generated draft (a curated name, an age range). */
  override?: Partial<ServiceDraft>;
  verification?: Verification;
}

const DAY_MS = 86_400_000;
/** A site is this much likelier to be run by an existing organization of the right type than by a new one. */
const REUSE_SHARE = 0.45;
const NAME_ATTEMPTS = 8;

export class CatalogGenerator {
  readonly options: Required<CatalogOptions>;
  /** Organizations already handed out in a chunk; the rest go out with their first service. */
  #emitted = new Set<string>();
  #shared = new Map<string, Operator>();

  constructor(options: CatalogOptions) {
    this.options = { pendingShare: 0, ...options };
  }

  place(place: Place): PlaceCatalog {
    return new PlaceCatalog(this, place);
  }

  /** The municipality as an operator, one per municipality (a designated city's wards share theirs). */
  municipalOperator(place: Place): Operator {
    return this.#sharedOperator(`municipal:${place.municipal.code}`, (id, rng) =>
      municipalOperator(id, place, rng, this.publishedSince(rng, 60, 540)),
    );
  }

  prefectureOperator(place: Place, serves = [place.code]): Operator {
    return this.#sharedOperator(`prefecture:${place.prefecture.code}`, (id, rng) =>
      prefectureOperator(id, place, rng, this.publishedSince(rng, 60, 540), serves),
    );
  }

  #sharedOperator(key: string, make: (id: string, rng: Random) => Operator): Operator {
    let op = this.#shared.get(key);
    if (!op) {
      op = make(stableId(this.options.idPrefix, key), new Random(`${this.options.idPrefix}:${key}`));
      this.#shared.set(key, op);
    }
    return op;
  }

  /** Marks an organization as handed out; true the first time. */
  claim(operator: Operator): boolean {
    if (this.#emitted.has(operator.id)) return false;
    this.#emitted.add(operator.id);
    return true;
  }

  daysAgo(days: number): Date {
    return new Date(this.options.now.getTime() - days * DAY_MS);
  }

  /** Published some time between `minDays` and `maxDays` ago. */
  publishedSince(rng: Random, minDays: number, maxDays: number): Verification {
    return { status: "published", verifiedAt: this.daysAgo(rng.int(minDays, maxDays)) };
  }
}

/** One place's share of the catalog: its organizations, its services, and its PRNG. */
export class PlaceCatalog {
  readonly rng: Random;
  #operators: Operator[] = [];
  #usedBrands = new Set<string>();
  #usedNames = new Set<string>();
  #organizations: NewOrganization[] = [];
  #services: NewService[] = [];
  #serviceSeq = 0;
  #operatorSeq = 0;

  constructor(
    readonly generator: CatalogGenerator,
    readonly place: Place,
  ) {
    this.rng = new Random(`${generator.options.idPrefix}:${place.code}`);
  }

  /** Adds `plan[kind]` services of each kind, in taxonomy order so the draws are stable. */
  fill(plan: KindPlan): this {
    for (const kind of KIND_CODES) {
      for (let i = 0; i < (plan[kind] ?? 0); i++) this.add({ kind });
    }
    return this;
  }

  /**
   * A new organization for curated services (demo partners). It stays out of the pool generated
   * services draw from, so it runs exactly the services it is given.
   */
  operator(type: Exclude<OperatorType, "municipal" | "prefecture">, edit: (op: Operator) => void = () => {}): Operator {
    const op = this.#newOperator(type, this.rng.pick(this.place.towns), false);
    edit(op);
    this.#usedBrands.add(op.brand.ja);
    return op;
  }

  add(request: ServiceRequest): NewService {
    const { rng, place, generator } = this;
    const { idPrefix } = generator.options;
    const seq = this.#serviceSeq++;
    const { sketch, operator, town } = this.#sketch(request);

    operator.services++;
    if (generator.claim(operator)) {
      this.#organizations.push({ id: operator.id, draft: operator.draft, verification: operator.verification, provenance: { source: idPrefix, sourceId: operator.id } });
    }

    const { name, building, ...rest } = sketch;
    const site = siteNear(town, rng);
    const languages = this.#languages();
    const contactSlug = `${request.kind}-${place.code}-${seq}`;
    const draft: ServiceDraft = {
      ...rest,
      name: name.ja,
      nameKana: name.kana,
      kind: request.kind,
      status: "active",
      ...(rng.chance(0.7) ? { url: `https://${operator.slug}.example.jp/${request.kind}/${seq}` } : {}),
      ...(rng.chance(0.6) ? { email: `${contactSlug}@example.jp` } : {}),
      ...(rng.chance(0.95) ? { phone: unassignedPhone(place.phoneArea, rng) } : {}),
      location: {
        ...(building ? { name: building } : {}),
        address: streetAddress(place, town, rng, building),
        lat: site.lat,
        lng: site.lng,
        municipalityCode: place.code,
        transportation: town.station ? `${town.station}駅から徒歩${rng.int(3, 15)}分` : `最寄りのバス停から徒歩${rng.int(1, 8)}分`,
        coordSource: "source",
      },
      languages,
      ...(languages.length > 1 ? { interpretationServices: this.#interpretation(languages[1]!) } : {}),
      ...(rest.residenceRequired || operator.type === "municipal" ? { serviceAreaCodes: [place.code] } : {}),
      ...request.override,
    };

    const verification = request.verification ?? this.#verification();
    const createdAt =
      verification.status === "published" && verification.verifiedAt
        ? new Date(verification.verifiedAt.getTime() - rng.int(0, 60) * DAY_MS)
        : generator.daysAgo(rng.int(1, 20));
    const service: NewService = {
      id: stableId(idPrefix, "service", place.code, seq),
      locationId: stableId(idPrefix, "location", place.code, seq),
      organizationId: operator.id,
      draft,
      verification,
      provenance: { source: idPrefix, sourceId: `${place.code}-${seq}` },
      createdAt,
    };
    this.#services.push(service);
    return service;
  }

  /** Hands over what was generated since the last call, organizations first (services refer to them). */
  take(): CatalogChunk {
    const chunk = { organizations: this.#organizations, services: this.#services };
    this.#organizations = [];
    this.#services = [];
    return chunk;
  }

  /** Draws variant, operator and town until the name is new in this place (two 「栄町こども食堂」 would confuse). */
  #sketch(request: ServiceRequest) {
    const { rng, place } = this;
    const variants = VARIANTS[request.kind];
    for (let attempt = 0; ; attempt++) {
      const variant = request.operator ? this.#variantFor(variants, request.operator.type) : rng.weighted(variants.map((v) => [v, v.weight] as const));
      const type = request.operator?.type ?? rng.weighted(variant.operators);
      const town = request.town ?? rng.pick(place.towns);
      const operator = request.operator ?? this.#operatorFor(type, town);
      const sketch = variant.build({ rng, place, town, brand: operator.brand, operator: type });
      if (request.override?.name) sketch.name = { ja: request.override.name, kana: request.override.nameKana ?? sketch.name.kana };
      if (!this.#usedNames.has(sketch.name.ja) || attempt >= NAME_ATTEMPTS) {
        if (this.#usedNames.has(sketch.name.ja)) sketch.name = join(sketch.name, " ", ORDINALS[attempt % ORDINALS.length]!);
        this.#usedNames.add(sketch.name.ja);
        return { sketch, operator, town };
      }
    }
  }

  #variantFor(variants: readonly Variant[], type: OperatorType): Variant {
    const fitting = variants.filter((v) => v.operators.some(([t]) => t === type));
    const pool = fitting.length > 0 ? fitting : variants;
    return this.rng.weighted(pool.map((v) => [v, v.weight] as const));
  }

  #operatorFor(type: OperatorType, town: Town): Operator {
    if (type === "municipal") return this.generator.municipalOperator(this.place);
    if (type === "prefecture") return this.generator.prefectureOperator(this.place);
    const open = this.#operators.filter((op) => op.type === type && op.services < SERVICES_PER_OPERATOR[type]);
    if (open.length > 0 && this.rng.chance(REUSE_SHARE)) return this.rng.pick(open);
    return this.#newOperator(type, town);
  }

  #newOperator(type: Exclude<OperatorType, "municipal" | "prefecture">, town: Town, pooled = true): Operator {
    const { rng, place, generator } = this;
    const free = BRANDS.filter((b) => !this.#usedBrands.has(b.ja));
    const brand = rng.pick(free.length > 0 ? free : BRANDS);
    this.#usedBrands.add(brand.ja);
    const seq = this.#operatorSeq++;
    const op = newOperator({
      id: stableId(generator.options.idPrefix, "organization", place.code, seq),
      type,
      brand,
      slug: `o${place.code}-${seq}`,
      place,
      town,
      rng,
      verification: generator.publishedSince(rng, 30, 540),
    });
    if (pooled) this.#operators.push(op);
    return op;
  }

  /** Published over the last ~18 months; one in ten more than a year ago, so staleness checks have data. */
  #verification(): Verification {
    const { rng, generator } = this;
    if (rng.chance(generator.options.pendingShare)) return { status: "pending" };
    return rng.chance(0.1) ? generator.publishedSince(rng, 366, 540) : generator.publishedSince(rng, 3, 330);
  }

  #languages(): string[] {
    const { share, weights } = this.place.languages;
    if (!this.rng.chance(share)) return ["ja"];
    const first = this.rng.weighted(weights);
    const second = this.rng.chance(0.3) ? this.rng.weighted(weights) : first;
    return [...new Set(["ja", first, second])];
  }

  #interpretation(code: string): string {
    const language = LANGUAGES[code]?.ja ?? code;
    return this.rng.pick([
      `${language}を話すスタッフがいます。`,
      `${language}の通訳を手配できます（要予約）。`,
      `${language}のパンフレットがあります。タブレット通訳も使えます。`,
    ]);
  }
}
