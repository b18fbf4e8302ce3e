import { join, r } from "../reading.js";
import { REGIONS } from "../vocabulary.js";
import { MON_FRI, type Variant, slot } from "./variant.js";

/** Services of the board of education and of the prefecture's child guidance centre. */

export const schoolConsult: Variant[] = [
  {
    weight: 2,
    operators: [["municipal", 1]],
    build: ({ rng, place, town }) => ({
      name: join(town.name, r("教育相談室", "キョウイクソウダンシツ")),
      description: rng.pick([
        `${place.municipal.name.ja}教育委員会の相談室です。不登校やいじめ、友だち関係、学習の悩みについて、子どもと保護者が臨床心理士に相談できます。`,
        "電話・来室・メールで相談できます。相談の内容は本人の同意なく学校に伝えることはありません。",
      ]),
      schedule: [slot(MON_FRI, "09:00", "17:00")],
      ageMinMonths: 72,
      ageMaxMonths: 179,
      residenceRequired: true,
      cost: { kind: "free" },
    }),
  },
  {
    weight: 2,
    operators: [["municipal", 1]],
    build: ({ rng, brand }) => ({
      name: join(r("教育支援センター", "キョウイクシエンセンター"), " ", brand, r("教室", "キョウシツ")),
      description: rng.pick([
        "学校に行きづらい小中学生が通う教室（適応指導教室）です。通った日は在籍校の出席として扱われます。",
        "少人数で学習や体験活動をしながら、学校への復帰や進路を一緒に考えます。見学は保護者と一緒にどうぞ。",
      ]),
      schedule: [slot(MON_FRI, "09:30", "14:30")],
      ageMinMonths: 72,
      ageMaxMonths: 179,
      residenceRequired: true,
      cost: { kind: "free" },
      applicationProcess: "在籍校または教育相談室を通じて申し込みます。",
    }),
  },
  {
    weight: 1,
    operators: [["municipal", 1]],
    build: ({ place }) => ({
      name: join(place.municipal.name, r("スクールソーシャルワーカー相談", "スクールソーシャルワーカーソウダン")),
      description: "家庭の事情や生活の困りごとが学校生活に影響しているとき、スクールソーシャルワーカーが福祉の制度や関係機関につなぎます。",
      schedule: [slot(MON_FRI, "08:30", "17:00")],
      ageMinMonths: 72,
      ageMaxMonths: 179,
      residenceRequired: true,
      cost: { kind: "free" },
      applicationProcess: "在籍校の先生か教育委員会へご相談ください。",
    }),
  },
  {
    weight: 1,
    operators: [["npo", 1]],
    build: ({ brand }) => ({
      name: join(r("不登校・いじめ相談", "フトウコウ・イジメソウダン"), " ", brand),
      description: "不登校やいじめに悩む子どもと保護者の相談にのるNPOの窓口です。月に一度、保護者の交流会も開いています。",
      schedule: [slot(["tue", "thu", "sat"], "13:00", "18:00")],
      ageMinMonths: 72,
      ageMaxMonths: 215,
      cost: { kind: "free" },
    }),
  },
];

/** A referral partner of the centre, never a public listing (its taxonomy entry says so). */
export const childGuidance: Variant[] = [
  {
    weight: 1,
    operators: [["prefecture", 1]],
    build: ({ rng, place }) => ({
      name: join(place.prefecture.name, rng.pick(REGIONS), r("児童相談所", "ジドウソウダンジョ")),
      description: "子どもの虐待への対応、一時保護、養護・障害・非行などの専門的な相談を担う県の機関です。こども家庭センターと連携して支援します。",
      schedule: [slot(MON_FRI, "08:30", "17:15", { description: "虐待の通告・相談は24時間（児童相談所虐待対応ダイヤル189）" })],
      ageMinMonths: 0,
      ageMaxMonths: 215,
      cost: { kind: "free" },
      applicationProcess: "こども家庭センターからの相談・送致のほか、直接の電話相談も受け付けます。",
    }),
  },
];
