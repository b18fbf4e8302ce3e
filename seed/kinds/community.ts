import type { ScheduleSlot } from "../../src/domain/schedule.js";
import { join, r } from "../reading.js";
import { VENUES } from "../vocabulary.js";
import { MON_FRI, MON_SAT, type Variant, amount, capacity, municipalOwned, slot, whenJa, yen } from "./variant.js";

/** Places in the neighbourhood: children's cafeterias, halls, drop-in spaces, youth spaces, advice points, home help. */

const shokudoTimes = (): ScheduleSlot[][] => [
  [slot(["sat"], "11:00", "14:00", { weeksOfMonth: [2, 4] })],
  [slot(["wed"], "17:00", "19:30")],
  [slot(["fri"], "17:30", "19:30", { weeksOfMonth: [1, 3] })],
  [slot(["sun"], "12:00", "14:00", { weeksOfMonth: [3] })],
  [slot(["tue", "thu"], "16:30", "19:00")],
  [slot(["sat"], "11:30", "13:30", { weeksOfMonth: [-1] })],
];

export const kodomoShokudo: Variant[] = [
  {
    weight: 1,
    operators: [["voluntary", 3], ["npo", 3], ["general", 1], ["social-welfare", 0.5]],
    build: ({ rng, town, brand }) => {
      const schedule = rng.pick(shokudoTimes());
      const adult = rng.pick([200, 300, 300, 500]);
      const venue = `${town.name.ja}${rng.pick(VENUES)}`;
      const when = whenJa(schedule[0]!);
      return {
        name: rng.pick([
          join(town.name, r("こども食堂", "コドモショクドウ")),
          join(town.name, r("子ども食堂", "コドモショクドウ")),
          join(r("こども食堂", "コドモショクドウ"), " ", brand),
          join(brand, r("食堂", "ショクドウ")),
          join(r("みんなの食堂", "ミンナノショクドウ"), " ", brand),
          join(brand, r("キッチン", "キッチン")),
        ]),
        description: rng.pick([
          `${when}に${venue}で開いている子ども食堂です。子どもは無料、大人は${yen(adult)}。どなたでも参加できます。`,
          `地域のボランティアが手作りのごはんを用意しています（${when}）。食事のあとは宿題を見てもらえる学習コーナーもあります。`,
          `${when}、みんなでごはんを食べる地域の食堂です。お弁当の持ち帰りとフードパントリー（食品の配布）も行っています。`,
          `ひとりで食べる子をなくしたいと始めた食堂です。親子での参加も歓迎します。アレルギーのある方は事前にご相談ください。`,
        ]),
        schedule,
        ageMinMonths: 0,
        ageMaxMonths: 215,
        cost: { kind: "free", description: `子どもは無料、大人は${yen(adult)}` },
        capacity: rng.int(3, 10) * 10,
        building: venue,
        applicationProcess: rng.chance(0.5) ? "予約は不要です。直接お越しください。" : "前日までにメールか電話で予約してください。",
      };
    },
  },
];

export const jidokan: Variant[] = [
  {
    weight: 1,
    operators: [["municipal", 3], ["social-welfare", 1]],
    build: ({ rng, place, town }) => {
      const schedule = rng.pick([
        [slot(["tue", "wed", "thu", "fri", "sat", "sun"], "09:00", "17:00", { description: "月曜・祝日の翌日は休館" })],
        [slot(MON_SAT, "09:30", "17:30")],
        [slot(MON_FRI, "10:00", "18:00"), slot(["sat", "sun"], "09:00", "17:00")],
      ]);
      return {
        name: rng.pick([join(municipalOwned(place), town.name, r("児童館", "ジドウカン")), join(town.name, r("児童センター", "ジドウセンター"))]),
        description: rng.pick([
          "0歳から18歳までの子どもが自由に遊べる施設です。乳幼児親子向けの「ひよこタイム」や工作・卓球の教室があります。",
          "遊戯室・図書室・工作室のある児童館です。中高生は夕方から音楽室や学習室も使えます。利用は無料です。",
          "季節のイベントや子ども向けの講座を開いています。子育て中の保護者の相談にも職員が応じます。",
        ]),
        schedule,
        ageMinMonths: 0,
        ageMaxMonths: 215,
        cost: { kind: "free" },
      };
    },
  },
];

export const hiroba: Variant[] = [
  {
    weight: 2,
    operators: [["municipal", 1]],
    build: ({ rng, town }) => ({
      name: join(town.name, r("子育て支援センター", "コソダテシエンセンター")),
      description: rng.pick([
        "乳幼児と保護者が自由に遊び、交流できる地域子育て支援拠点です。保育士に子育ての相談ができ、身体測定の日もあります。",
        "妊娠中の方も利用できる親子のひろばです。離乳食講座や、パパと一緒に参加できる週末のイベントもあります。",
      ]),
      schedule: [slot(MON_FRI, "09:30", "15:30")],
      ageMinMonths: 0,
      ageMaxMonths: 47,
      acceptsPrenatal: true,
      cost: { kind: "free" },
    }),
  },
  {
    weight: 2,
    operators: [["social-welfare", 1], ["npo", 1.5]],
    build: ({ rng, brand }) => {
      const schedule = rng.pick([[slot(MON_FRI, "09:30", "15:30")], [slot(MON_SAT, "10:00", "16:00")], [slot(["tue", "wed", "fri"], "10:00", "15:00")]]);
      return {
        name: rng.pick([
          join(r("つどいの広場", "ツドイノヒロバ"), " ", brand),
          join(r("親子ひろば", "オヤコヒロバ"), " ", brand),
          join(r("地域子育て支援センター", "チイキコソダテシエンセンター"), " ", brand),
        ]),
        description: rng.pick([
          `${whenJa(schedule[0]!)}に開いている親子のひろばです。おもちゃや絵本があり、予約なしで気軽に立ち寄れます。`,
          "同じくらいの月齢の親子と出会える場所です。子育て経験のあるスタッフが話を聞きます。ベビーマッサージの日もあります。",
        ]),
        schedule,
        ageMinMonths: 0,
        ageMaxMonths: 47,
        acceptsPrenatal: true,
        cost: { kind: "free" },
      };
    },
  },
  {
    weight: 1,
    operators: [["voluntary", 1]],
    build: ({ town }) => ({
      name: join(town.name, r("子育てサロン", "コソダテサロン")),
      description: "地域の民生委員・主任児童委員が開く子育てサロンです。手遊びや季節の行事を楽しみながら、ゆっくりおしゃべりできます。",
      schedule: [slot(["wed"], "10:00", "12:00", { weeksOfMonth: [1, 3] })],
      ageMinMonths: 0,
      ageMaxMonths: 35,
      acceptsPrenatal: true,
      cost: { kind: "free", description: "無料（行事によっては材料費100円）" },
      building: `${town.name.ja}集会所`,
    }),
  },
];

export const ibasho: Variant[] = [
  {
    weight: 2,
    operators: [["npo", 2], ["voluntary", 1.5], ["general", 0.5]],
    build: ({ rng, town, brand }) => ({
      name: rng.pick([join(r("子どもの居場所", "コドモノイバショ"), " ", brand), join(town.name, r("フリースペース", "フリースペース"))]),
      description: rng.pick([
        "学校や家以外でほっとできる子どもの居場所です。ゲームや読書、おしゃべりなど、何をして過ごしてもかまいません。",
        "小学生から高校生までが放課後に立ち寄れるフリースペースです。軽食があり、スタッフが宿題や悩みの相談にのります。",
      ]),
      schedule: [slot(rng.pick([["tue", "thu"], ["mon", "wed", "fri"], ["sat"]] as const).slice(), "15:00", "19:00")],
      ageMinMonths: 72,
      ageMaxMonths: 215,
      cost: { kind: "free" },
    }),
  },
  {
    weight: 1.5,
    operators: [["npo", 2], ["general", 1]],
    build: ({ rng, brand, place }) => ({
      name: join(r("学習支援教室", "ガクシュウシエンキョウシツ"), " ", brand),
      description: rng.pick([
        "大学生ボランティアが中学生の勉強を一対一で見る学習支援教室です。高校受験の相談もできます。",
        `ひとり親家庭や生活にお困りの家庭の小中学生を対象にした学習支援です（${place.municipal.name.ja}の委託事業）。`,
      ]),
      schedule: [slot([rng.pick(["wed", "thu", "sat"] as const)], "17:00", "20:00")],
      ageMinMonths: 120,
      ageMaxMonths: 191,
      residenceRequired: rng.chance(0.5),
      cost: { kind: "free" },
      ...capacity(rng, 10, 25, 0.5),
      eligibilityDescription: "ひとり親家庭・生活困窮世帯の小学5年生〜中学3年生を優先します",
    }),
  },
  {
    weight: 1,
    operators: [["npo", 1], ["general", 1]],
    build: ({ rng, brand }) => {
      const monthly = amount(rng, 20000, 40000, 1000);
      return {
        name: join(r("フリースクール", "フリースクール"), " ", brand),
        description: `学校に行きづらい子どもが、自分のペースで学び過ごせるフリースクールです。在籍校の出席扱いについても相談できます（月額${yen(monthly)}）。`,
        schedule: [slot(MON_FRI, "10:00", "16:00")],
        ageMinMonths: 72,
        ageMaxMonths: 179,
        otherKinds: ["school-consult"],
        cost: { kind: "fee", amountYen: monthly, description: `月額${yen(monthly)}（体験は無料）` },
        ...capacity(rng, 10, 20, 0.5),
      };
    },
  },
  {
    weight: 0.7,
    operators: [["npo", 1], ["social-welfare", 0.5]],
    build: ({ brand }) => ({
      name: join(r("中高生の居場所", "チュウコウセイノイバショ"), " ", brand),
      description: "中高生が夜まで過ごせる居場所です。バンド練習や料理、進路や家のことの相談もできます。",
      schedule: [slot(["mon", "wed", "fri"], "16:00", "21:00")],
      ageMinMonths: 144,
      ageMaxMonths: 215,
      cost: { kind: "free" },
    }),
  },
];

export const consultPoint: Variant[] = [
  {
    weight: 1,
    operators: [["municipal", 1], ["social-welfare", 2], ["npo", 1]],
    build: ({ rng, place, town, brand }) => ({
      name: rng.pick([join(town.name, r("地域子育て相談窓口", "チイキコソダテソウダンマドグチ")), join(r("子育て相談室", "コソダテソウダンシツ"), " ", brand)]),
      description: rng.pick([
        `妊娠中から18歳までの子育ての悩みを、保育士や相談員が気軽に聞く身近な相談窓口です。必要に応じて${place.municipal.name.ja}の子ども家庭センターと連携します。`,
        "保育園に併設された地域子育て相談機関です。来所・電話・オンラインで相談でき、予約なしでも対応します。",
      ]),
      schedule: [slot(MON_FRI, "09:00", "17:00"), ...(rng.chance(0.3) ? [slot(["sat"], "09:00", "12:00")] : [])],
      ageMinMonths: 0,
      ageMaxMonths: 215,
      acceptsPrenatal: true,
      cost: { kind: "free" },
    }),
  },
];

export const homeHelp: Variant[] = [
  {
    weight: 3,
    operators: [["npo", 2], ["general", 1], ["company", 1.5], ["social-welfare", 1]],
    build: ({ rng, place, brand }) => {
      const hourly = amount(rng, 300, 1000, 100);
      return {
        name: rng.pick([
          join(r("子育て世帯訪問支援", "コソダテセタイホウモンシエン"), " ", brand),
          join(r("産前産後ヘルパー", "サンゼンサンゴヘルパー"), " ", brand),
          join(brand, r("家事・育児サポート", "カジ・イクジサポート")),
        ]),
        description: rng.pick([
          `ヘルパーがご自宅に伺い、食事づくりや掃除、沐浴や授乳の手伝いをします（${place.municipal.name.ja}の子育て世帯訪問支援事業）。`,
          "妊娠中や産後で体がつらい時期、上の子の世話や家事をお手伝いします。1回2時間まで、同じヘルパーが続けて伺います。",
          "家事や育児に不安を抱える家庭を訪問し、一緒に家事をしながら話を聞きます。外国出身の家庭への支援経験も豊富です。",
        ]),
        schedule: [slot(MON_SAT, "09:00", "18:00")],
        ageMinMonths: 0,
        ageMaxMonths: rng.pick([35, 143, 215]),
        acceptsPrenatal: true,
        acceptsPostnatal: true,
        residenceRequired: true,
        cost: { kind: "sliding", amountYen: hourly, description: `1時間${yen(hourly)}。住民税非課税世帯・生活保護世帯は無料` },
        applicationProcess: `${place.municipal.name.ja}の子ども家庭センターに申請し、利用が決まってから事業者と日程を調整します。`,
      };
    },
  },
  {
    weight: 0.7,
    operators: [["municipal", 1]],
    build: ({ place }) => ({
      name: join(place.municipal.name, r("養育支援訪問", "ヨウイクシエンホウモン")),
      description: "育児に強い不安や負担がある家庭を保健師・助産師・ヘルパーが訪問し、養育の相談と家事・育児の支援を行います。",
      schedule: [slot(MON_FRI, "08:30", "17:15")],
      ageMinMonths: 0,
      ageMaxMonths: 215,
      acceptsPrenatal: true,
      acceptsPostnatal: true,
      residenceRequired: true,
      cost: { kind: "free" },
      applicationProcess: "子ども家庭センターの支援計画に基づいて訪問します。",
    }),
  },
];
