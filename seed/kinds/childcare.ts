import { join, r } from "../reading.js";
import { EVERY_DAY, MON_FRI, MON_SAT, type Variant, amount, capacity, municipalOwned, slot, whenJa, yen } from "./variant.js";

/** Care while parents work or rest: daycare, temporary care, short stays, kindergartens, after-school clubs. */

const DAYCARE_FEES = {
  kind: "sliding",
  description: "保育料は世帯の住民税額に応じて決まります。3〜5歳児クラスは無償化の対象（給食費・行事費は実費）。",
} as const;

const daycareHours = (pick: number) =>
  [
    [slot(MON_FRI, "07:00", "19:00"), slot(["sat"], "07:00", "18:00")],
    [slot(MON_SAT, "07:00", "19:00")],
    [slot(MON_FRI, "07:15", "19:15"), slot(["sat"], "07:15", "18:15")],
    [slot(MON_FRI, "07:30", "18:30"), slot(["sat"], "07:30", "17:00")],
  ][pick % 4]!;

export const daycare: Variant[] = [
  {
    weight: 2,
    operators: [["municipal", 1]],
    build: ({ rng, place, town }) => {
      const schedule = daycareHours(rng.int(0, 3));
      const ageMinMonths = rng.pick([2, 6, 12]);
      return {
        name: join(municipalOwned(place), town.name, r("保育所", "ホイクショ")),
        description: rng.pick([
          `${place.municipal.name.ja}が運営する認可保育所です。${ageMinMonths >= 12 ? "1歳児" : `生後${ageMinMonths}か月`}から5歳児までをお預かりし、障害のある子どもの受け入れ（統合保育）も行っています。`,
          `公立の保育所として、園庭開放や育児相談など地域の子育て支援にも取り組んでいます。開所時間は${whenJa(schedule[0]!)}。`,
        ]),
        schedule,
        ageMinMonths,
        ageMaxMonths: 71,
        residenceRequired: true,
        cost: DAYCARE_FEES,
        ...capacity(rng, 60, 130),
        applicationProcess: `入所の申込みは${place.municipal.name.ja}の保育担当窓口で受け付けます（年度途中の入所は前月10日締切）。`,
      };
    },
  },
  {
    weight: 5,
    operators: [["social-welfare", 3], ["company", 1.5], ["school", 0.3]],
    build: ({ rng, place, town, brand }) => {
      const schedule = daycareHours(rng.int(0, 3));
      const cap = capacity(rng, 40, 120);
      const ageMinMonths = rng.pick([2, 3, 6]);
      return {
        name: rng.pick([
          join(town.name, r("保育園", "ホイクエン")),
          join(brand, r("保育園", "ホイクエン")),
          join(brand, r("保育園", "ホイクエン"), " ", town.name, r("園", "エン")),
        ]),
        description: rng.pick([
          `${town.name.ja}にある定員${cap.capacity}名の認可保育園です。延長保育は${schedule[0]!.closesAt}まで。季節の行事や地域の親子との交流を大切にしています。`,
          `生後${ageMinMonths}か月から就学前までの子どもをお預かりします。食物アレルギーには除去食で対応し、看護師が常勤しています。`,
          `園庭と畑のある保育園です。異年齢で過ごす時間を大切にしています。見学は平日10時から随時受け付けています。`,
        ]),
        schedule,
        ageMinMonths,
        ageMaxMonths: 71,
        residenceRequired: true,
        cost: DAYCARE_FEES,
        ...cap,
        applicationProcess: `入所の申込みは${place.municipal.name.ja}の保育担当窓口へ。見学は園に直接お電話ください。`,
      };
    },
  },
  {
    weight: 2,
    operators: [["company", 2], ["npo", 1]],
    build: ({ rng, town, brand }) => ({
      name: rng.pick([join(brand, r("小規模保育室", "ショウキボホイクシツ")), join(r("小規模保育園", "ショウキボホイクエン"), " ", brand, town.name)]),
      description: rng.pick([
        "0〜2歳児、定員19名以下の小規模保育です。家庭的な雰囲気の中で一人ひとりに目が届く保育をしています。",
        "少人数でゆったり過ごす0〜2歳児のための保育室です。3歳からは連携園へ優先的に入園できます。",
      ]),
      schedule: [slot(MON_FRI, "07:30", "18:30"), slot(["sat"], "07:30", "17:00")],
      ageMinMonths: rng.pick([2, 6]),
      ageMaxMonths: 35,
      residenceRequired: true,
      cost: DAYCARE_FEES,
      ...capacity(rng, 12, 19, 0.5),
    }),
  },
  {
    weight: 1.5,
    operators: [["school", 2], ["social-welfare", 1]],
    build: ({ rng, brand }) => ({
      name: rng.pick([join(r("認定こども園", "ニンテイコドモエン"), " ", brand, r("幼稚園", "ヨウチエン")), join(brand, r("こども園", "コドモエン"))]),
      description: rng.pick([
        "幼稚園と保育所の機能をあわせ持つ認定こども園です。保護者の就労にかかわらず3歳から利用でき、0〜2歳児は保育認定で入園できます。",
        "教育時間のあとの預かり保育も充実した認定こども園です。未就園児の親子向けの園庭開放も行っています。",
      ]),
      schedule: [slot(MON_FRI, "07:00", "19:00"), slot(["sat"], "07:30", "18:00")],
      ageMinMonths: 0,
      ageMaxMonths: 71,
      residenceRequired: true,
      otherKinds: rng.chance(0.5) ? ["kindergarten-support"] : undefined,
      cost: DAYCARE_FEES,
      ...capacity(rng, 90, 180),
    }),
  },
];

export const temporaryCare: Variant[] = [
  {
    weight: 3,
    operators: [["social-welfare", 2], ["school", 0.5], ["company", 0.5]],
    build: ({ rng, brand }) => {
      const day = amount(rng, 2000, 2800, 100);
      return {
        name: join(brand, r("保育園", "ホイクエン"), " ", r("一時保育", "イチジホイク")),
        description: rng.pick([
          `保護者の通院や就労、リフレッシュなど理由を問わずお預かりします。1日${yen(day)}（半日${yen(Math.round(day / 200) * 100)}）、給食費は別途。`,
          "在園児と一緒に過ごす一時保育です。初回は面談とならし保育（1時間程度）があります。",
        ]),
        schedule: [slot(MON_FRI, "09:00", "17:00")],
        ageMinMonths: rng.pick([6, 12]),
        ageMaxMonths: 71,
        cost: { kind: "fee", amountYen: day, description: `1日${yen(day)}（半日利用あり）。給食費別途` },
        ...capacity(rng, 5, 10, 0.5),
        applicationProcess: "利用日の前月1日から電話で予約してください。",
      };
    },
  },
  {
    weight: 1,
    operators: [["municipal", 1]],
    build: ({ rng, place }) => {
      const hourly = amount(rng, 600, 900, 50);
      return {
        name: join(place.municipal.name, r("ファミリー・サポート・センター", "ファミリー・サポート・センター")),
        description: `子育ての手助けをしてほしい人と手助けしたい地域の人をつなぐ会員制の相互援助活動です。保育園の送迎や通院中の預かりに使えます（1時間${yen(hourly)}）。`,
        schedule: [slot(MON_FRI, "09:00", "17:00", { description: "事務局の受付時間（援助活動は早朝・夜間も相談可）" })],
        ageMinMonths: 3,
        ageMaxMonths: 143,
        residenceRequired: true,
        cost: { kind: "fee", amountYen: hourly, description: `1時間${yen(hourly)}（早朝・夜間・土日祝は100円増し）` },
        applicationProcess: "事前に会員登録（説明会への参加）が必要です。",
      };
    },
  },
  {
    weight: 1.5,
    operators: [["medical", 1]],
    build: ({ rng, brand, town }) => ({
      name: rng.pick([join(r("病児保育室", "ビョウジホイクシツ"), " ", brand), join(town.name, r("こどもクリニック", "コドモクリニック"), " ", r("病児保育室", "ビョウジホイクシツ"))]),
      description: "病気の回復期に至らず集団保育が難しいお子さんを、小児科に併設した保育室で看護師と保育士がお預かりします。",
      schedule: [slot(MON_FRI, "08:00", "18:00"), ...(rng.chance(0.5) ? [slot(["sat"], "08:00", "12:30")] : [])],
      ageMinMonths: 6,
      ageMaxMonths: 107,
      residenceRequired: true,
      cost: { kind: "fee", amountYen: 2000, description: "1日2,000円（生活保護世帯・住民税非課税世帯は減免）" },
      ...capacity(rng, 3, 6, 0.6),
      applicationProcess: "前日までに電話で予約し、当日の朝に医師の診察を受けてから利用します。",
      eligibilityDescription: "保護者が就労などで看護できない、市内在住・在勤のお子さん",
    }),
  },
  {
    weight: 2,
    operators: [["npo", 1.5], ["company", 1]],
    build: ({ rng, brand, town }) => {
      const hourly = amount(rng, 500, 900, 50);
      return {
        name: rng.pick([join(town.name, r("一時預かりルーム", "イチジアズカリルーム"), " ", brand), join(r("一時保育", "イチジホイク"), " ", brand)]),
        description: rng.pick([
          `1時間単位で利用できる一時預かり専用の保育室です。美容院や買い物などのリフレッシュにもどうぞ（1時間${yen(hourly)}）。`,
          "保育士が少人数でお預かりします。きょうだいの学校行事や、在宅で仕事をする日にも利用されています。",
        ]),
        schedule: [slot(MON_SAT, "09:00", "17:00")],
        ageMinMonths: 6,
        ageMaxMonths: 71,
        cost: { kind: "fee", amountYen: hourly, description: `1時間${yen(hourly)}。おやつ代込み` },
        ...capacity(rng, 8, 12, 0.5),
      };
    },
  },
];

export const shortStay: Variant[] = [
  {
    weight: 3,
    operators: [["social-welfare", 1]],
    build: ({ rng, place, brand }) => {
      const night = amount(rng, 2000, 3500, 250);
      return {
        name: join(brand, r("学園", "ガクエン"), " ", r("ショートステイ", "ショートステイ")),
        description: "保護者の病気や出産、育児疲れなどで家庭での養育が一時的に難しいとき、児童養護施設で最長7日間お預かりします。",
        schedule: [slot(EVERY_DAY, "00:00", "24:00", { description: "入所・退所は原則10時" })],
        ageMinMonths: 24,
        ageMaxMonths: 215,
        residenceRequired: true,
        cost: { kind: "sliding", amountYen: night, description: `1泊2日${yen(night)}。住民税非課税世帯・生活保護世帯は減免` },
        ...capacity(rng, 2, 6, 0.6),
        applicationProcess: `${place.municipal.name.ja}の子ども家庭センターへ事前に相談・申請してください。`,
      };
    },
  },
  {
    weight: 1.5,
    operators: [["social-welfare", 1]],
    build: ({ rng, place, brand }) => ({
      name: join(brand, r("乳児院", "ニュウジイン"), " ", r("ショートステイ", "ショートステイ")),
      description: "乳児院の看護師・保育士が、乳幼児を短期間お預かりします。保護者の入院やレスパイトにご利用ください。",
      schedule: [slot(EVERY_DAY, "00:00", "24:00")],
      ageMinMonths: 0,
      ageMaxMonths: 35,
      residenceRequired: true,
      cost: { kind: "sliding", amountYen: 5350, description: "1泊2日5,350円（2歳未満）。住民税非課税世帯・生活保護世帯は減免" },
      ...capacity(rng, 2, 4, 0.6),
      applicationProcess: `${place.municipal.name.ja}の子ども家庭センターへ申請してください。`,
    }),
  },
  {
    weight: 1.5,
    operators: [["social-welfare", 1], ["npo", 1]],
    build: ({ rng, brand }) => ({
      name: join(r("トワイライトステイ", "トワイライトステイ"), " ", brand),
      description: "保護者の帰宅が夜間になるとき、夕食・入浴を含めて22時までお預かりします（子育て短期支援事業）。",
      schedule: [slot(MON_FRI, "17:00", "22:00")],
      ageMinMonths: 24,
      ageMaxMonths: 143,
      residenceRequired: true,
      cost: { kind: "sliding", amountYen: 1000, description: "1回1,000円（夕食代込み）。住民税非課税世帯は無料" },
      ...capacity(rng, 3, 8, 0.5),
    }),
  },
];

export const kindergartenSupport: Variant[] = [
  {
    weight: 3,
    operators: [["school", 1]],
    build: ({ rng, brand }) => {
      const weekday = rng.pick(["tue", "wed", "thu"] as const);
      const schedule = [slot([weekday], "10:00", "11:30")];
      return {
        name: join(brand, r("幼稚園", "ヨウチエン"), " ", r("未就園児クラス", "ミシュウエンジクラス")),
        description: `2歳児の親子が${whenJa(schedule[0]!)}に集まって、リトミックや製作あそびをするクラスです。入園前に園の雰囲気を知ることができます。`,
        schedule,
        ageMinMonths: 24,
        ageMaxMonths: 47,
        cost: rng.chance(0.5) ? { kind: "free", description: "無料（要予約）" } : { kind: "fee", amountYen: 3000, description: "月額3,000円（教材費込み）" },
        ...capacity(rng, 15, 30, 0.3),
      };
    },
  },
  {
    weight: 2,
    operators: [["school", 1]],
    build: ({ rng, brand }) => ({
      name: join(brand, r("幼稚園", "ヨウチエン"), " ", r("園庭開放", "エンテイカイホウ")),
      description: rng.pick([
        "在園児が帰ったあとの園庭とお部屋を地域の親子に開放しています。先生に子育ての相談もできます。",
        "未就園児の親子が自由に遊べる園庭開放です。雨の日はホールを使います。予約は不要です。",
      ]),
      schedule: [slot(rng.pick([["mon", "wed", "fri"], ["wed"], ["tue", "thu"]] as const).slice(), "14:30", "16:00")],
      ageMinMonths: 0,
      ageMaxMonths: 71,
      cost: { kind: "free" },
    }),
  },
  {
    weight: 1.5,
    operators: [["school", 1]],
    build: ({ rng, brand }) => {
      const monthly = amount(rng, 5000, 9000, 500);
      return {
        name: join(brand, r("幼稚園", "ヨウチエン"), " ", r("プレ保育", "プレホイク")),
        description: `入園前の2歳児が週2回、保護者と離れて先生やお友だちと過ごすプレ保育です（月額${yen(monthly)}）。`,
        schedule: [slot(["tue", "thu"], "09:30", "12:00")],
        ageMinMonths: 30,
        ageMaxMonths: 47,
        cost: { kind: "fee", amountYen: monthly, description: `月額${yen(monthly)}` },
        ...capacity(rng, 12, 24, 0.4),
      };
    },
  },
  {
    weight: 0.5,
    operators: [["municipal", 1]],
    build: ({ place, town }) => ({
      name: join(municipalOwned(place), town.name, r("幼稚園", "ヨウチエン"), " ", r("子育て支援", "コソダテシエン")),
      description: "公立幼稚園の保育室を開放し、未就園の親子の遊び場と子育て相談の場にしています。",
      schedule: [slot(["wed"], "10:00", "11:30")],
      ageMinMonths: 12,
      ageMaxMonths: 47,
      cost: { kind: "free" },
    }),
  },
];

export const afterSchool: Variant[] = [
  {
    weight: 4,
    operators: [["municipal", 2], ["social-welfare", 1], ["npo", 1]],
    build: ({ rng, place, town }) => {
      const monthly = amount(rng, 5000, 10000, 500);
      return {
        name: join(town.name, r("小", "ショウ"), r("放課後児童クラブ", "ホウカゴジドウクラブ")),
        description: rng.pick([
          `保護者が働いている小学生が放課後を過ごす学童保育です。夏休みなど長期休暇中は朝8時から開室します（月額${yen(monthly)}、おやつ代別途）。`,
          `${town.name.ja}小学校の敷地内にある放課後児童クラブです。宿題の時間とおやつのあと、校庭や室内で遊んで過ごします。`,
        ]),
        schedule: [slot(MON_FRI, "13:00", "19:00", { description: "下校時から" }), slot(["sat"], "08:00", "19:00")],
        ageMinMonths: 72,
        ageMaxMonths: 143,
        residenceRequired: true,
        cost: { kind: "sliding", amountYen: monthly, description: `月額${yen(monthly)}（おやつ代別途）。ひとり親・非課税世帯・きょうだい減免あり` },
        ...capacity(rng, 40, 80, 0.4),
        applicationProcess: `${place.municipal.name.ja}の青少年対策担当課へ申請してください（4月入室は前年12月締切）。`,
      };
    },
  },
  {
    weight: 1.5,
    operators: [["company", 2], ["npo", 1]],
    build: ({ rng, brand, town }) => {
      const monthly = amount(rng, 25000, 45000, 1000);
      return {
        name: rng.pick([join(r("民間学童", "ミンカンガクドウ"), " ", brand, " ", town.name), join(brand, r("キッズクラブ", "キッズクラブ"))]),
        description: `学校までスタッフがお迎えに行く民間の学童保育です。英語や習いごとのプログラムがあり、20時まで延長できます（月額${yen(monthly)}〜）。`,
        schedule: [slot(MON_FRI, "13:00", "20:00", { description: "下校時から" }), slot(["sat"], "08:30", "19:00")],
        ageMinMonths: 72,
        ageMaxMonths: 143,
        cost: { kind: "fee", amountYen: monthly, description: `月額${yen(monthly)}から（週の利用日数による）` },
        ...capacity(rng, 20, 40, 0.5),
      };
    },
  },
];
