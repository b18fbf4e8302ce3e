import type { Weekday } from "../../src/domain/schedule.js";
import { join, r } from "../reading.js";
import { SURNAMES } from "../vocabulary.js";
import { EVERY_DAY, MON_FRI, MON_SAT, type Variant, amount, capacity, slot, yen } from "./variant.js";

/** Health: clinics, pre- and postnatal support, postpartum care, support for children with disabilities. */

const INSURED = { kind: "fee", description: "健康保険が使えます。子ども医療費助成の対象です（受給資格証をお持ちください）。" } as const;

/** Mornings six days a week, afternoons on four: one weekday afternoon and Saturday afternoon off. */
function clinicHours(offAfternoon: Weekday) {
  const afternoons = MON_FRI.filter((d) => d !== offAfternoon);
  return [slot(MON_SAT, "09:00", "12:00"), slot(afternoons, "15:00", "18:00")];
}

export const medical: Variant[] = [
  {
    weight: 4,
    operators: [["medical", 1]],
    build: ({ rng, town, brand }) => {
      const off = rng.pick(["wed", "thu"] as const);
      return {
        name: rng.pick([
          join(town.name, r("こどもクリニック", "コドモクリニック")),
          join(brand, r("小児科", "ショウニカ")),
          join(rng.pick(SURNAMES), r("小児科医院", "ショウニカイイン")),
          join(rng.pick(SURNAMES), r("こどもクリニック", "コドモクリニック")),
        ]),
        description: rng.pick([
          `小児科・アレルギー科の診療所です。予防接種と乳幼児健診は予約制で、一般診療と時間を分けています（${off === "wed" ? "水" : "木"}曜午後休診）。`,
          "発熱のある方は隔離室で診察します。ウェブで順番を予約できます。夜間・休日は小児救急電話相談（#8000）もご利用ください。",
          "子どもの病気全般を診る小児科です。育児や発達の心配ごとの相談にも時間をとってお話を伺います。",
        ]),
        schedule: clinicHours(off),
        ageMinMonths: 0,
        ageMaxMonths: 179,
        cost: INSURED,
      };
    },
  },
  {
    weight: 1.5,
    operators: [["medical", 1]],
    build: ({ rng, brand }) => ({
      name: join(brand, r("レディースクリニック", "レディースクリニック")),
      description: "産婦人科の診療所です。妊婦健診（補助券が使えます）、出産、産後の母乳外来まで、助産師と一緒に支えます。",
      schedule: clinicHours(rng.pick(["wed", "thu"] as const)),
      acceptsPrenatal: true,
      acceptsPostnatal: true,
      cost: { kind: "fee", description: "健康保険が使えます。妊婦健診は公費補助の対象です。" },
    }),
  },
  {
    weight: 1.2,
    operators: [["medical", 1]],
    build: ({ rng, town, brand }) => ({
      name: rng.pick([join(town.name, r("こども歯科", "コドモシカ")), join(brand, r("キッズデンタル", "キッズデンタル"))]),
      description: "小児歯科の診療所です。フッ素塗布や歯みがき指導、歯科健診のあとの治療を行います。怖がる子どもにはゆっくり慣れてもらいます。",
      schedule: [slot(["mon", "tue", "thu", "fri"], "09:30", "13:00"), slot(["mon", "tue", "thu", "fri"], "14:30", "19:00"), slot(["sat"], "09:30", "13:00")],
      ageMinMonths: 0,
      ageMaxMonths: 215,
      cost: INSURED,
    }),
  },
  {
    weight: 0.4,
    operators: [["municipal", 1]],
    build: ({ place }) => ({
      name: join(place.municipal.name, r("立医療センター", "リツイリョウセンター"), " ", r("小児科", "ショウニカ")),
      description: "入院や専門的な治療が必要な子どもを診る地域の中核病院の小児科です。受診には原則としてかかりつけ医の紹介状が必要です。",
      schedule: [slot(MON_FRI, "08:30", "11:30", { description: "初診受付" })],
      ageMinMonths: 0,
      ageMaxMonths: 179,
      cost: { kind: "fee", description: "健康保険が使えます。紹介状がない場合は選定療養費がかかります。" },
    }),
  },
];

export const perinatalSupport: Variant[] = [
  {
    weight: 2,
    operators: [["municipal", 1]],
    build: ({ rng, town }) => ({
      name: join(town.name, r("保健センター", "ホケンセンター"), " ", r("両親学級", "リョウシンガッキュウ")),
      description: "妊娠中のお母さんとパートナーのための教室です。沐浴の実習、妊娠中の食事、産後の生活について保健師・助産師・栄養士が話します。",
      schedule: [slot(["sat"], "09:30", "12:00", { weeksOfMonth: [rng.pick([1, 2, 3])] })],
      acceptsPrenatal: true,
      pregnancyMinWeeks: rng.pick([16, 20, 24]),
      residenceRequired: true,
      cost: { kind: "free" },
      ...capacity(rng, 15, 30, 0.5),
      applicationProcess: "電話かオンラインで予約してください（定員制）。",
    }),
  },
  {
    weight: 2,
    operators: [["npo", 2], ["general", 1.5]],
    build: ({ rng, brand }) => ({
      name: rng.pick([join(r("産前産後サポート", "サンゼンサンゴサポート"), " ", brand), join(r("マタニティ＆ベビーサロン", "マタニティアンドベビーサロン"), " ", brand)]),
      description: rng.pick([
        "妊娠中から産後1年までのお母さんが、同じ時期の仲間や子育て経験者と話せるサロンです。助産師が授乳や睡眠の相談にのります。",
        "出産を控えた方、産後まもない方の不安や孤立に寄り添います。電話相談と、家庭への訪問もしています。",
      ]),
      schedule: [slot(rng.pick([["tue", "fri"], ["wed"], ["mon", "thu"]] as const).slice(), "10:00", "15:00")],
      ageMinMonths: 0,
      ageMaxMonths: 12,
      acceptsPrenatal: true,
      acceptsPostnatal: true,
      ...(rng.chance(0.4) ? { pregnancyMinWeeks: 12 } : {}),
      cost: { kind: "free" },
    }),
  },
  {
    weight: 1,
    operators: [["general", 1], ["medical", 1]],
    build: ({ rng, brand }) => {
      const fee = amount(rng, 2000, 4000, 500);
      return {
        name: join(r("助産師相談室", "ジョサンシソウダンシツ"), " ", brand),
        description: `助産師が妊娠中の体の変化や出産準備、産後の母乳・育児の相談に個別に応じます（1回${yen(fee)}、オンライン相談もできます）。`,
        schedule: [slot(MON_SAT, "10:00", "16:00")],
        ageMinMonths: 0,
        ageMaxMonths: 12,
        acceptsPrenatal: true,
        acceptsPostnatal: true,
        cost: { kind: "fee", amountYen: fee, description: `1回${yen(fee)}（約60分）` },
      };
    },
  },
];

export const postpartumCare: Variant[] = [
  {
    weight: 2,
    operators: [["medical", 2], ["general", 1]],
    build: ({ rng, place, brand }) => {
      const night = amount(rng, 3000, 9000, 500);
      return {
        name: join(brand, rng.pick([r("産院", "サンイン"), r("助産院", "ジョサンイン")]), " ", r("産後ケア（宿泊型）", "サンゴケア（シュクハクガタ）")),
        description: `出産後のお母さんと赤ちゃんが泊まって休めます。助産師が授乳や沐浴を手伝い、夜間は赤ちゃんをお預かりします（1泊${yen(night)}、最長6泊）。`,
        schedule: [slot(EVERY_DAY, "00:00", "24:00", { description: "入所10時・退所10時" })],
        ageMinMonths: 0,
        ageMaxMonths: rng.pick([4, 12]),
        acceptsPostnatal: true,
        residenceRequired: true,
        cost: { kind: "sliding", amountYen: night, description: `1泊${yen(night)}。住民税非課税世帯・生活保護世帯は減免` },
        ...capacity(rng, 2, 6, 0.6),
        applicationProcess: `利用前に${place.municipal.name.ja}の子ども家庭センターへ申請してください。`,
      };
    },
  },
  {
    weight: 2,
    operators: [["general", 2], ["medical", 1]],
    build: ({ rng, place, brand }) => {
      const day = amount(rng, 1000, 3000, 500);
      return {
        name: join(brand, r("助産院", "ジョサンイン"), " ", r("産後ケア（日帰り型）", "サンゴケア（ヒガエリガタ）")),
        description: `日中に助産院で過ごし、昼食をとって休みながら授乳や育児の相談ができます（1回${yen(day)}）。上の子の同伴は要相談です。`,
        schedule: [slot(MON_FRI, "10:00", "17:00")],
        ageMinMonths: 0,
        ageMaxMonths: 12,
        acceptsPostnatal: true,
        residenceRequired: true,
        cost: { kind: "sliding", amountYen: day, description: `1回${yen(day)}。住民税非課税世帯は無料` },
        ...capacity(rng, 3, 5, 0.6),
        applicationProcess: `${place.municipal.name.ja}の子ども家庭センターへ申請後、直接予約してください。`,
      };
    },
  },
  {
    weight: 1.5,
    operators: [["general", 2], ["npo", 1]],
    build: ({ rng, brand }) => ({
      name: join(r("訪問型産後ケア", "ホウモンガタサンゴケア"), " ", brand),
      description: "助産師がご自宅を訪問し、お母さんの体調や授乳、赤ちゃんの体重の増え方を一緒に確認します。1回90分、最大3回です。",
      schedule: [slot(MON_SAT, "09:00", "17:00")],
      ageMinMonths: 0,
      ageMaxMonths: 12,
      acceptsPostnatal: true,
      residenceRequired: true,
      cost: { kind: "sliding", amountYen: amount(rng, 500, 2000, 500), description: "1回500〜2,000円（世帯の課税状況による）" },
    }),
  },
];

const DISABILITY_FEES = { kind: "sliding", description: "原則1割負担（所得に応じた月額上限あり）。3〜5歳児は無償化の対象です。" } as const;

export const disabilitySupport: Variant[] = [
  {
    weight: 3,
    operators: [["social-welfare", 2], ["npo", 1.5], ["company", 2]],
    build: ({ rng, brand }) => ({
      name: rng.pick([join(r("児童発達支援", "ジドウハッタツシエン"), " ", brand), join(r("児童発達支援事業所", "ジドウハッタツシエンジギョウショ"), " ", brand)]),
      description: rng.pick([
        "発達に心配のある未就学の子どもが通う療育施設です。遊びや集団活動を通して、ことば・運動・生活の力を育てます。",
        "言語聴覚士・作業療法士による個別療育と、少人数の集団療育を組み合わせています。保育園との併用もできます。",
      ]),
      schedule: [slot(MON_FRI, "09:30", "16:00"), ...(rng.chance(0.4) ? [slot(["sat"], "09:30", "15:00")] : [])],
      ageMinMonths: rng.pick([0, 12, 24]),
      ageMaxMonths: 71,
      certificateRequired: true,
      cost: DISABILITY_FEES,
      ...capacity(rng, 10, 10, 0.5),
      applicationProcess: "通所受給者証の申請は市の障害福祉担当課へ。見学・体験は随時受け付けています。",
    }),
  },
  {
    weight: 3,
    operators: [["company", 2], ["npo", 1.5], ["social-welfare", 1]],
    build: ({ rng, brand, town }) => ({
      name: rng.pick([join(r("放課後等デイサービス", "ホウカゴトウデイサービス"), " ", brand), join(brand, r("放課後等デイサービス", "ホウカゴトウデイサービス"), " ", town.name)]),
      description: rng.pick([
        "障害のある小学生から高校生が、放課後や休日に通う施設です。学校へのお迎えと自宅への送りをしています。",
        "学習支援と運動プログラムに力を入れている放課後等デイサービスです。長期休暇中は朝から開所します。",
      ]),
      schedule: [slot(MON_FRI, "14:00", "18:00", { description: "下校時から" }), slot(["sat"], "10:00", "16:00")],
      ageMinMonths: 72,
      ageMaxMonths: 215,
      certificateRequired: true,
      cost: DISABILITY_FEES,
      ...capacity(rng, 10, 10, 0.5),
    }),
  },
  {
    weight: 1.5,
    operators: [["municipal", 2], ["social-welfare", 1]],
    build: ({ rng, place, brand, operator }) => ({
      name:
        operator === "municipal"
          ? join(place.municipal.name, r("こども発達相談センター", "コドモハッタツソウダンセンター"))
          : join(r("発達相談室", "ハッタツソウダンシツ"), " ", brand),
      description: rng.pick([
        "ことばの遅れや落ち着きのなさなど、子どもの発達について心理士や保健師に相談できます。受給者証や診断は必要ありません。",
        "発達が気になる段階から相談できる窓口です。必要に応じて医療機関や療育施設、保育園・学校と連携します。",
      ]),
      schedule: [slot(MON_FRI, "08:30", "17:15")],
      ageMinMonths: 0,
      ageMaxMonths: 215,
      certificateRequired: false,
      cost: { kind: "free" },
      applicationProcess: "電話で予約してください。",
    }),
  },
  {
    weight: 1,
    operators: [["social-welfare", 1], ["npo", 1]],
    build: ({ brand }) => ({
      name: join(r("保育所等訪問支援", "ホイクショトウホウモンシエン"), " ", brand),
      description: "専門職が子どもの通う保育園・幼稚園・学校を訪問し、集団生活に適応できるよう本人と先生を支援します。",
      schedule: [slot(MON_FRI, "09:00", "17:00")],
      ageMinMonths: 12,
      ageMaxMonths: 143,
      certificateRequired: true,
      cost: DISABILITY_FEES,
    }),
  },
];
