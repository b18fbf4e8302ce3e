import type { OrganizationDraft } from "../src/catalog/draft.js";
import type { Verification } from "../src/catalog/writer.js";
import type { OperatorType } from "./kinds/index.js";
import { type Place, type Town, unassignedPhone } from "./place.js";
import type { Random } from "./random.js";
import { type Reading, join, r, toHiragana } from "./reading.js";
import { SURNAMES } from "./vocabulary.js";

/**
 * The organizations that run services: the municipality itself, the prefecture (児童相談所), and
 * 社会福祉法人, NPO法人, 一般社団法人, 医療法人, 学校法人, 株式会社 and volunteer groups (任意団体).
 * Their readings leave out the legal form, as the 法人番号 register does (社会福祉法人さくら会 → サクラカイ).
 */
export interface Operator {
  id: string;
  type: OperatorType;
  /** Services of the organization are named after it (さくら保育園, さくら第二保育園). */
  brand: Reading;
  /** The hostname part of its web address and e-mail. */
  slug: string;
  draft: OrganizationDraft;
  verification: Verification;
  /** How many services it runs so far; the generator caps it per type. */
  services: number;
}

/** Most services one organization of a type runs in one place before the generator founds another. */
export const SERVICES_PER_OPERATOR: Record<OperatorType, number> = {
  municipal: Number.POSITIVE_INFINITY,
  prefecture: Number.POSITIVE_INFINITY,
  "social-welfare": 6,
  company: 6,
  npo: 4,
  general: 3,
  medical: 3,
  school: 3,
  voluntary: 2,
};

const LEGAL_STATUS: Record<OperatorType, string> = {
  municipal: "地方公共団体",
  prefecture: "地方公共団体",
  "social-welfare": "社会福祉法人",
  npo: "特定非営利活動法人",
  general: "一般社団法人",
  medical: "医療法人",
  school: "学校法人",
  voluntary: "任意団体",
  company: "株式会社",
};

interface Naming {
  /** Prefix written before the name (社会福祉法人); not part of the reading. */
  form: string;
  name: Reading;
  description: string;
}

function naming(type: Exclude<OperatorType, "municipal" | "prefecture">, brand: Reading, place: Place, town: Town, rng: Random): Naming {
  const soft = r(toHiragana(place.short.kana), place.short.kana);
  switch (type) {
    case "social-welfare":
      return {
        form: "社会福祉法人 ",
        name: join(brand, rng.pick([r("会", "カイ"), r("福祉会", "フクシカイ"), r("学園", "ガクエン")])),
        description: "保育所や児童福祉施設を運営する社会福祉法人です。地域の子育て家庭の相談にも応じています。",
      };
    case "npo":
      return {
        form: "NPO法人 ",
        name: rng.pick([
          join(brand, r("ネット", "ネット")),
          join(r("子育てサポート", "コソダテサポート"), brand),
          join(soft, r("子ども応援ネット", "コドモオウエンネット")),
          join(soft, brand, r("の会", "ノカイ")),
        ]),
        description: rng.pick([
          "子どもと子育て家庭を地域で支えるNPO法人です。ボランティアと専門職が一緒に活動しています。",
          "子どもの貧困や孤立の問題に取り組むNPO法人です。食事・学習・居場所の支援を続けています。",
        ]),
      };
    case "general":
      return {
        form: "一般社団法人 ",
        name: join(brand, rng.pick([r("ファミリーサポート", "ファミリーサポート"), r("ケア", "ケア"), r("子育てラボ", "コソダテラボ")])),
        description: "助産師・保育士などの専門職が設立した一般社団法人です。妊娠期から子育て期までの家庭を支えます。",
      };
    case "medical":
      return rng.chance(0.5)
        ? { form: "医療法人社団 ", name: join(brand, r("会", "カイ")), description: "小児科・産婦人科の診療所を運営する医療法人です。" }
        : { form: "医療法人 ", name: join(rng.pick(SURNAMES), r("会", "カイ")), description: "地域のかかりつけ医として子どもの診療を続けている医療法人です。" };
    case "school":
      return {
        form: "学校法人 ",
        name: join(rng.chance(0.6) ? brand : rng.pick(SURNAMES), r("学園", "ガクエン")),
        description: "幼稚園・認定こども園を運営する学校法人です。",
      };
    case "voluntary":
      return {
        form: "",
        name: rng.pick([join(town.name, r("子ども食堂の会", "コドモショクドウノカイ")), join(brand, r("の会", "ノカイ")), join(soft, r("子育て応援団", "コソダテオウエンダン"))]),
        description: "地域の有志が運営するボランティア団体です。町会や民生委員、近くの商店の協力を得て活動しています。",
      };
    case "company":
      return {
        form: "株式会社",
        name: join(brand, rng.pick([r("キッズ", "キッズ"), r("ケアサービス", "ケアサービス"), r("ファミリー", "ファミリー")])),
        description: "保育・学童・療育の事業を行う会社です。",
      };
  }
}

export interface NewOperatorInput {
  id: string;
  type: Exclude<OperatorType, "municipal" | "prefecture">;
  brand: Reading;
  slug: string;
  place: Place;
  town: Town;
  rng: Random;
  verification: Verification;
}

export function newOperator({ id, type, brand, slug, place, town, rng, verification }: NewOperatorInput): Operator {
  const { form, name, description } = naming(type, brand, place, town, rng);
  return {
    id,
    type,
    brand,
    slug,
    services: 0,
    verification,
    draft: {
      name: `${form}${name.ja}`,
      nameKana: name.kana,
      description,
      legalStatus: LEGAL_STATUS[type],
      email: `office@${slug}.example.jp`,
      website: `https://${slug}.example.jp/`,
      phone: unassignedPhone(place.phoneArea, rng),
      municipalityCodes: [place.code],
    },
  };
}

/** The city (or town, village, the designated city of a ward) as the operator of its own services. */
export function municipalOperator(id: string, place: Place, rng: Random, verification: Verification): Operator {
  const { name, short, serves, code } = place.municipal;
  const slug = `www.city-${code}`;
  return {
    id,
    type: "municipal",
    brand: short,
    slug,
    services: 0,
    verification,
    draft: {
      name: name.ja,
      nameKana: name.kana,
      description: `${name.ja}の子育て支援・母子保健・保育・教育の担当部署（こども家庭センター、保育課、教育委員会など）。`,
      legalStatus: LEGAL_STATUS.municipal,
      website: `https://${slug}.example.jp/`,
      phone: unassignedPhone(place.phoneArea, rng),
      municipalityCodes: serves,
    },
  };
}

export function prefectureOperator(id: string, place: Place, rng: Random, verification: Verification, serves: string[]): Operator {
  const { name, code } = place.prefecture;
  const slug = `www.pref-${String(code).padStart(2, "0")}`;
  return {
    id,
    type: "prefecture",
    brand: name,
    slug,
    services: 0,
    verification,
    draft: {
      name: name.ja,
      nameKana: name.kana,
      description: `${name.ja}の児童相談所など、市町村と連携して子どもを守る県の機関。`,
      legalStatus: LEGAL_STATUS.prefecture,
      website: `https://${slug}.example.jp/`,
      phone: unassignedPhone(place.phoneArea, rng),
      municipalityCodes: serves,
    },
  };
}
