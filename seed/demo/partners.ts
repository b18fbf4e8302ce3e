import { stableId } from "../ids.js";
import { type Reading, r } from "../reading.js";

/** Curated organizations of the demo: the two partner accounts' and one that works in both cities. */
export interface CuratedOrganization {
  id: string;
  /** Legal form, written before the name and left out of the reading. */
  form: string;
  name: Reading;
  brand: Reading;
  slug: string;
  municipalityCodes: string[];
  description: string;
}

function curated(key: string, org: Omit<CuratedOrganization, "id">): CuratedOrganization {
  return { id: stableId("demo", "organization", key), ...org };
}

/** partner1@example.jp's: an NPO in 川口市 with a 子ども食堂 and a 訪問家事支援. */
export const PARTNER1_ORG = curated("partner1", {
  form: "NPO法人 ",
  name: r("ひだまりネット", "ヒダマリネット"),
  brand: r("ひだまり", "ヒダマリ"),
  slug: "hidamari-net",
  municipalityCodes: ["112038"],
  description: "川口市で子ども食堂と、産前産後の家庭へのヘルパー派遣を続けているNPO法人です。中国語・ベトナム語を話すスタッフがいます。",
});

/** partner2@example.jp's: serves 戸田市 only. */
export const PARTNER2_ORG = curated("partner2", {
  form: "一般社団法人 ",
  name: r("そよかぜ子育てネット", "ソヨカゼコソダテネット"),
  brand: r("そよかぜ", "ソヨカゼ"),
  slug: "soyokaze-kosodate",
  municipalityCodes: ["112241"],
  description: "戸田市で親子のひろばと子育て相談室を運営する一般社団法人です。保育士と助産師が中心になって活動しています。",
});

/** Runs 子ども食堂 on both banks of the city line: one organization, several places, two cities. */
export const NETWORK_ORG = curated("arakawa-network", {
  form: "NPO法人 ",
  name: r("あらかわ子ども食堂ネットワーク", "アラカワコドモショクドウネットワーク"),
  brand: r("あらかわ", "アラカワ"),
  slug: "arakawa-shokudo",
  municipalityCodes: ["112038", "112241"],
  description: "荒川沿いの川口市・戸田市で子ども食堂と居場所づくりをつなぐネットワークです。食材の寄付の受け付けと、新しく食堂を始める人の相談も行っています。",
});

/** A volunteer group that has just signed up: it and its first service await review. */
export const PENDING_ORG = curated("nishikawaguchi-circle", {
  form: "",
  name: r("西川口多文化子育てサークル", "ニシカワグチタブンカコソダテサークル"),
  brand: r("にしかわぐち", "ニシカワグチ"),
  slug: "nishikawaguchi-circle",
  municipalityCodes: ["112038"],
  description: "中国・ベトナム・日本出身の親たちが集まり、母語で子育ての情報を交換しているサークルです。",
});
