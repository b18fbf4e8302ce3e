import type { NewOrganization, NewService } from "../../src/catalog/writer.js";
import { CatalogGenerator, type KindPlan, type PlaceCatalog } from "../generator.js";
import type { Operator } from "../operators.js";
import type { Town } from "../place.js";
import { demoReviewer } from "./accounts.js";
import { type CuratedOrganization, NETWORK_ORG, PARTNER1_ORG, PARTNER2_ORG, PENDING_ORG } from "./partners.js";
import { KAWAGUCHI, TODA } from "./places.js";

/**
 * The demo catalog: generated services for 川口市 and 戸田市 plus a few curated ones that the
 * demo accounts and acceptance checks rely on (partner organizations, the 児童相談所, a narrow
 * temporary-care, items pending review and one rejected).
 */
export interface DemoCatalog {
  organizations: NewOrganization[];
  services: NewService[];
}

/** Generated services per kind, on top of the curated ones; ~4 of each public kind at least in each city. */
const KAWAGUCHI_PLAN: KindPlan = {
  "kodomo-shokudo": 16, "home-help": 8, daycare: 45, "temporary-care": 11, "short-stay": 4, "school-consult": 8,
  "kindergarten-support": 12, "after-school": 30, jidokan: 9, hiroba: 13, ibasho: 11, medical: 24,
  "perinatal-support": 8, "postpartum-care": 8, "disability-support": 20, "consult-point": 12,
};

const TODA_PLAN: KindPlan = {
  "kodomo-shokudo": 6, "home-help": 4, daycare: 18, "temporary-care": 5, "short-stay": 4, "school-consult": 4,
  "kindergarten-support": 5, "after-school": 12, jidokan: 4, hiroba: 5, ibasho: 4, medical: 9,
  "perinatal-support": 4, "postpartum-care": 4, "disability-support": 8, "consult-point": 4,
};

const PENDING = { status: "pending" } as const;

export function buildDemoCatalog(now: Date): DemoCatalog {
  const generator = new CatalogGenerator({ idPrefix: "demo", now });
  const k = generator.place(KAWAGUCHI);
  const t = generator.place(TODA);

  const partner1 = curatedOperator(k, "npo", PARTNER1_ORG);
  k.add({ kind: "kodomo-shokudo", operator: partner1, town: townOf(k, "栄町"), override: { name: "ひだまり食堂", nameKana: "ヒダマリショクドウ", languages: ["ja", "zh", "vi"] } });
  k.add({ kind: "home-help", operator: partner1, town: townOf(k, "幸町"), override: { name: "産前産後ヘルパー ひだまり", nameKana: "サンゼンサンゴヘルパー ヒダマリ" } });
  k.add({ kind: "ibasho", operator: partner1, town: townOf(k, "並木"), override: { name: "ひだまり学習スペース", nameKana: "ヒダマリガクシュウスペース" }, verification: PENDING });

  const network = curatedOperator(k, "npo", NETWORK_ORG);
  k.add({ kind: "kodomo-shokudo", operator: network, town: townOf(k, "元郷"), override: { name: "もとごう子ども食堂", nameKana: "モトゴウコドモショクドウ" } });
  k.add({ kind: "kodomo-shokudo", operator: network, town: townOf(k, "南鳩ヶ谷"), override: { name: "はとがや みんなの食堂", nameKana: "ハトガヤ ミンナノショクドウ", languages: ["ja", "tr", "ku"] } });

  const prefecture = generator.prefectureOperator(KAWAGUCHI, [KAWAGUCHI.code, TODA.code]);
  k.add({ kind: "child-guidance", operator: prefecture, town: townOf(k, "芝下"), override: { name: "埼玉県南児童相談所", nameKana: "サイタマケンミナミジドウソウダンジョ" } });

  // Narrow on purpose: matching must exclude a 4-year-old from it.
  k.add({
    kind: "temporary-care",
    operator: k.operator("social-welfare"),
    town: townOf(k, "本町"),
    override: {
      name: "乳児一時預かり ひよこルーム",
      nameKana: "ニュウジイチジアズカリ ヒヨコルーム",
      description: "生後2か月から2歳までの乳児専用の一時預かり室です。保育士が一対一に近い体制でお預かりします。",
      ageMinMonths: 2,
      ageMaxMonths: 24,
    },
  });

  const circle = curatedOperator(k, "voluntary", PENDING_ORG, PENDING);
  k.add({
    kind: "hiroba",
    operator: circle,
    town: townOf(k, "西川口"),
    override: { name: "多文化親子サロン にしかわぐち", nameKana: "タブンカオヤコサロン ニシカワグチ", languages: ["ja", "zh", "vi"] },
    verification: PENDING,
  });

  k.add({
    kind: "temporary-care",
    operator: k.operator("company"),
    override: {
      name: "ベビーシッターマッチング ぽかぽか",
      nameKana: "ベビーシッターマッチング ポカポカ",
      description: "登録しているベビーシッターをアプリで探して予約できるサービスです。",
    },
    verification: {
      status: "rejected",
      rejectionReason: "個人のベビーシッターを紹介する仲介サービスで、認可外保育施設としての届出が確認できなかったため。",
    },
  });

  const partner2 = curatedOperator(t, "general", PARTNER2_ORG);
  t.add({ kind: "hiroba", operator: partner2, town: townOf(t, "上戸田"), override: { name: "親子ひろば そよかぜ", nameKana: "オヤコヒロバ ソヨカゼ" } });
  t.add({ kind: "consult-point", operator: partner2, town: townOf(t, "本町"), override: { name: "そよかぜ子育て相談室", nameKana: "ソヨカゼコソダテソウダンシツ" } });
  t.add({
    kind: "hiroba",
    operator: partner2,
    town: townOf(t, "新曽"),
    override: { name: "そよかぜ 多言語親子サロン", nameKana: "ソヨカゼ タゲンゴオヤコサロン", languages: ["ja", "vi", "tl"] },
    verification: PENDING,
  });

  t.add({ kind: "kodomo-shokudo", operator: network, town: townOf(t, "川岸"), override: { name: "かわぎし こども食堂", nameKana: "カワギシ コドモショクドウ" } });
  t.add({ kind: "kodomo-shokudo", operator: network, town: townOf(t, "美女木"), override: { name: "びじょぎ子ども食堂", nameKana: "ビジョギコドモショクドウ" } });
  t.add({ kind: "ibasho", operator: network, town: townOf(t, "下戸田"), override: { name: "しもとだ 子どもの居場所", nameKana: "シモトダ コドモノイバショ" } });
  t.add({ kind: "kodomo-shokudo", verification: PENDING });

  k.fill(KAWAGUCHI_PLAN);
  t.fill(TODA_PLAN);

  const chunks = [k.take(), t.take()];
  const services = chunks.flatMap((c) => c.services).map(withReviewer);
  return { organizations: chunks.flatMap((c) => c.organizations), services };
}

function curatedOperator(
  place: PlaceCatalog,
  type: "npo" | "general" | "voluntary",
  org: CuratedOrganization,
  verification?: Operator["verification"],
): Operator {
  return place.operator(type, (op) => {
    op.id = org.id;
    op.brand = org.brand;
    op.slug = org.slug;
    if (verification) op.verification = verification;
    op.draft = {
      ...op.draft,
      name: `${org.form}${org.name.ja}`,
      nameKana: org.name.kana,
      description: org.description,
      email: `office@${org.slug}.example.jp`,
      website: `https://${org.slug}.example.jp/`,
      municipalityCodes: org.municipalityCodes,
    };
  });
}

function townOf(place: PlaceCatalog, name: string): Town {
  const town = place.place.towns.find((t) => t.name.ja === name);
  if (!town) throw new Error(`no town ${name} in ${place.place.name.ja}`);
  return town;
}

/** Published demo services carry the staff member who verified them. */
function withReviewer(service: NewService): NewService {
  const code = service.draft.location.municipalityCode;
  if (service.verification.status !== "published" || !code) return service;
  return { ...service, verification: { ...service.verification, verifiedBy: demoReviewer(code).id } };
}
