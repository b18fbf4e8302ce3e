/**
 * The resource kinds a こども家庭センター connects families to: the seed taxonomy named in the
 * Children and Families Agency's guideline (see shared/mission/DOMAIN.md). Each kind carries
 * labels in Japanese, English and やさしい日本語 (easy Japanese), and the synonyms families and staff
 * actually type. This table is the single source: the migration seeds `taxonomy_term` from it,
 * and search builds its synonym expansion from it.
 *
 * `easyJaRuby` marks furigana as `{漢字|かんじ}` so the web view can render `<ruby>`.
 */
export interface ResourceKind {
  code: string;
  ja: string;
  en: string;
  easyJa: string;
  easyJaRuby: string;
  descriptionJa: string;
  descriptionEn: string;
  synonyms: readonly string[];
  /** false for kinds that are referral partners only (児童相談所), never a public listing. */
  publicListing: boolean;
}

export const RESOURCE_KINDS = [
  {
    code: "kodomo-shokudo",
    ja: "子ども食堂",
    en: "Children's cafeteria",
    easyJa: "こども食堂（みんなで ごはんを 食べる ところ）",
    easyJaRuby: "こども{食堂|しょくどう}（みんなで ごはんを {食|た}べる ところ）",
    descriptionJa: "地域の子どもや親子が無料または低額で食事をとれる場所。",
    descriptionEn: "Free or low-cost community meals for children and families.",
    synonyms: ["こども食堂", "子供食堂", "こどもしょくどう", "地域食堂", "みんな食堂", "kodomo shokudo", "kids cafeteria", "community meal"],
    publicListing: true,
  },
  {
    code: "home-help",
    ja: "訪問家事支援",
    en: "Home-visit housework and childcare help",
    easyJa: "家に 来て 家事や 子どもの 世話を 手伝う サービス",
    easyJaRuby: "{家|いえ}に {来|き}て {家事|かじ}や {子|こ}どもの {世話|せわ}を {手伝|てつだ}う サービス",
    descriptionJa: "ヘルパーが家庭を訪問し、家事や育児を支援する（子育て世帯訪問支援事業など）。",
    descriptionEn: "A helper visits the home to help with housework and childcare.",
    synonyms: ["家事支援", "家事援助", "育児支援ヘルパー", "子育て世帯訪問支援", "養育支援訪問", "ホームヘルプ", "ヘルパー派遣", "home help", "housework help", "home visit"],
    publicListing: true,
  },
  {
    code: "daycare",
    ja: "保育所",
    en: "Daycare (nursery)",
    easyJa: "保育所（保育園）",
    easyJaRuby: "{保育所|ほいくしょ}（{保育園|ほいくえん}）",
    descriptionJa: "保護者が働いているときなどに子どもを預かって保育する施設（保育園・認定こども園・小規模保育など）。",
    descriptionEn: "Full-day care for young children while parents work (nurseries, certified centres, small-scale care).",
    synonyms: ["保育園", "保育所", "認可保育所", "認可保育園", "認定こども園", "小規模保育", "家庭的保育", "保育施設", "nursery", "day care", "daycare", "childcare"],
    publicListing: true,
  },
  {
    code: "temporary-care",
    ja: "一時預かり",
    en: "Temporary childcare",
    easyJa: "少しの 時間 子どもを 預ける ところ",
    easyJaRuby: "{少|すこ}しの {時間|じかん} {子|こ}どもを {預|あず}ける ところ",
    descriptionJa: "通院やリフレッシュなどのため、短時間・一時的に子どもを預かる。",
    descriptionEn: "Short, occasional childcare for appointments, work or a break.",
    synonyms: ["一時保育", "一時預かり保育", "一時預かり事業", "ファミリー・サポート・センター", "ファミサポ", "temporary childcare", "occasional care", "babysitting", "drop-off childcare"],
    publicListing: true,
  },
  {
    code: "short-stay",
    ja: "ショートステイ",
    en: "Short stay (respite)",
    easyJa: "ショートステイ（子どもが 何日か 泊まる）",
    easyJaRuby: "ショートステイ（{子|こ}どもが {何日|なんにち}か {泊|と}まる）",
    descriptionJa: "保護者の病気や育児疲れのとき、子どもを施設で短期間預かる（子育て短期支援事業・トワイライトステイ）。",
    descriptionEn: "Short overnight stays for children when a parent is ill or needs respite.",
    synonyms: ["子育て短期支援", "短期入所生活援助", "トワイライトステイ", "夜間養護", "レスパイト", "short stay", "respite care", "overnight care", "twilight stay"],
    publicListing: true,
  },
  {
    code: "school-consult",
    ja: "教育相談（不登校・いじめ）",
    en: "School counselling (absence, bullying)",
    easyJa: "学校の ことの 相談（学校に 行けない、いじめ）",
    easyJaRuby: "{学校|がっこう}の ことの {相談|そうだん}（{学校|がっこう}に {行|い}けない、いじめ）",
    descriptionJa: "教育委員会や学校による不登校・いじめなどの相談（教育支援センター、スクールカウンセラー）。",
    descriptionEn: "Counselling from the board of education and schools about school absence and bullying.",
    synonyms: ["教育相談", "不登校相談", "いじめ相談", "教育支援センター", "適応指導教室", "スクールカウンセラー", "スクールソーシャルワーカー", "教育委員会", "school counselling", "school refusal", "bullying"],
    publicListing: true,
  },
  {
    code: "kindergarten-support",
    ja: "幼稚園の子育て支援",
    en: "Kindergarten parenting support",
    easyJa: "幼稚園の 子育ての 手伝い",
    easyJaRuby: "{幼稚園|ようちえん}の {子育|こそだ}ての {手伝|てつだ}い",
    descriptionJa: "幼稚園が地域の親子に行う未就園児クラス・園庭開放・子育て相談など。",
    descriptionEn: "Kindergartens' open play, pre-school classes and advice for local families.",
    synonyms: ["幼稚園", "未就園児クラス", "園庭開放", "プレ保育", "預かり保育", "kindergarten", "preschool class"],
    publicListing: true,
  },
  {
    code: "after-school",
    ja: "放課後児童クラブ",
    en: "After-school club",
    easyJa: "学校の あとに 子どもが 過ごす ところ（学童）",
    easyJaRuby: "{学校|がっこう}の あとに {子|こ}どもが {過|す}ごす ところ（{学童|がくどう}）",
    descriptionJa: "保護者が働いている小学生が放課後を過ごす場所（学童保育）。",
    descriptionEn: "Care after school for primary-school children whose parents work.",
    synonyms: ["学童保育", "学童", "学童クラブ", "放課後児童健全育成事業", "放課後子ども教室", "after school club", "after-school care", "out of school care"],
    publicListing: true,
  },
  {
    code: "jidokan",
    ja: "児童館",
    en: "Children's hall",
    easyJa: "児童館（子どもが 自由に 遊べる ところ）",
    easyJaRuby: "{児童館|じどうかん}（{子|こ}どもが {自由|じゆう}に {遊|あそ}べる ところ）",
    descriptionJa: "0歳から18歳までの子どもが自由に遊び、過ごせる施設。",
    descriptionEn: "A free place for children up to 18 to play and spend time.",
    synonyms: ["児童センター", "児童厚生施設", "じどうかん", "children's hall", "children's centre", "play centre"],
    publicListing: true,
  },
  {
    code: "hiroba",
    ja: "子育てひろば（地域子育て支援拠点）",
    en: "Drop-in parenting space",
    easyJa: "親子で 遊んで 相談も できる ひろば",
    easyJaRuby: "{親子|おやこ}で {遊|あそ}んで {相談|そうだん}も できる ひろば",
    descriptionJa: "乳幼児と保護者が気軽に集い、交流や子育て相談ができる場所。",
    descriptionEn: "A drop-in space where parents and young children play, meet and get advice.",
    synonyms: ["子育てひろば", "地域子育て支援拠点", "子育て支援センター", "地域子育て支援センター", "つどいの広場", "親子ひろば", "子育てサロン", "drop-in", "playgroup", "parent and baby group"],
    publicListing: true,
  },
  {
    code: "ibasho",
    ja: "子どもの居場所",
    en: "Places for children besides home and school",
    easyJa: "家と 学校の ほかに 安心して いられる ところ",
    easyJaRuby: "{家|いえ}と {学校|がっこう}の ほかに {安心|あんしん}して いられる ところ",
    descriptionJa: "家庭や学校以外で子どもが安心して過ごせる場所（フリースペース、学習支援など）。",
    descriptionEn: "Safe places for children outside home and school (free spaces, study support).",
    synonyms: ["居場所", "こどもの居場所", "フリースペース", "フリースクール", "学習支援", "サードプレイス", "youth space", "safe place", "study support"],
    publicListing: true,
  },
  {
    code: "medical",
    ja: "医療機関",
    en: "Medical institution",
    easyJa: "病院",
    easyJaRuby: "{病院|びょういん}",
    descriptionJa: "小児科・産婦人科などの病院・診療所。",
    descriptionEn: "Hospitals and clinics such as paediatrics and obstetrics.",
    synonyms: ["病院", "診療所", "クリニック", "小児科", "産婦人科", "産科", "歯科", "医院", "clinic", "hospital", "pediatrician", "paediatrics", "doctor"],
    publicListing: true,
  },
  {
    code: "perinatal-support",
    ja: "産前産後サポート",
    en: "Pre- and postnatal support",
    easyJa: "赤ちゃんが 生まれる 前と あとの 手伝い",
    easyJaRuby: "{赤|あか}ちゃんが {生|う}まれる {前|まえ}と あとの {手伝|てつだ}い",
    descriptionJa: "妊娠中から出産後の母親の不安や孤立に寄り添う相談・交流（産前・産後サポート事業、両親学級）。",
    descriptionEn: "Support, advice and peer groups for parents during pregnancy and after birth.",
    synonyms: ["産前・産後サポート", "産前産後サポート事業", "妊産婦相談", "母親学級", "両親学級", "マタニティ", "助産師相談", "pregnancy support", "antenatal", "prenatal", "postnatal support"],
    publicListing: true,
  },
  {
    code: "postpartum-care",
    ja: "産後ケア",
    en: "Postpartum care",
    easyJa: "赤ちゃんを 産んだ あとの お母さんの 休みと ケア",
    easyJaRuby: "{赤|あか}ちゃんを {産|う}んだ あとの お{母|かあ}さんの {休|やす}みと ケア",
    descriptionJa: "出産後の母子に心身のケアや育児サポートを行う（宿泊型・デイサービス型・訪問型）。",
    descriptionEn: "Rest, care and feeding support for mothers and babies after birth (stay, day or home visit).",
    synonyms: ["産後ケア事業", "宿泊型産後ケア", "デイサービス型産後ケア", "訪問型産後ケア", "アウトリーチ型", "さんごけあ", "postpartum care", "postnatal care", "after birth care"],
    publicListing: true,
  },
  {
    code: "disability-support",
    ja: "障害児支援",
    en: "Support for children with disabilities",
    easyJa: "障害の ある 子どもの 手伝い",
    easyJaRuby: "{障害|しょうがい}の ある {子|こ}どもの {手伝|てつだ}い",
    descriptionJa: "児童発達支援・放課後等デイサービス・発達相談など、障害のある子どもと家族への支援。",
    descriptionEn: "Developmental support, after-school day services and advice for children with disabilities.",
    synonyms: ["児童発達支援", "放課後等デイサービス", "放デイ", "発達支援", "療育", "発達相談", "保育所等訪問支援", "disability support", "developmental support", "special needs", "SEND"],
    publicListing: true,
  },
  {
    code: "consult-point",
    ja: "地域子育て相談機関",
    en: "Neighbourhood parenting consultation point",
    easyJa: "近くで 子育ての 相談が できる ところ",
    easyJaRuby: "{近|ちか}くで {子育|こそだ}ての {相談|そうだん}が できる ところ",
    descriptionJa: "保育所や子育て支援拠点などに設けられた、身近な子育て相談の窓口。",
    descriptionEn: "A nearby place (often a nursery or drop-in centre) to ask about parenting.",
    synonyms: ["子育て相談", "子育て相談窓口", "相談窓口", "育児相談", "parenting advice", "consultation point", "family advice"],
    publicListing: true,
  },
  {
    code: "child-guidance",
    ja: "児童相談所",
    en: "Child guidance centre",
    easyJa: "児童相談所",
    easyJaRuby: "{児童相談所|じどうそうだんじょ}",
    descriptionJa: "子どもの虐待対応や一時保護を担う都道府県等の機関。センターとの連携先（一般公開の掲載はしない）。",
    descriptionEn: "The prefectural child-protection agency; a referral partner of the centre, not a public listing.",
    synonyms: ["児相", "一時保護", "child guidance centre", "child protection"],
    publicListing: false,
  },
] as const satisfies readonly ResourceKind[];

export type KindCode = (typeof RESOURCE_KINDS)[number]["code"];

export const KIND_CODES = RESOURCE_KINDS.map((k) => k.code) as [KindCode, ...KindCode[]];

export const PUBLIC_KIND_CODES: readonly KindCode[] = RESOURCE_KINDS.filter((k) => k.publicListing).map((k) => k.code);

const byCode = new Map<string, ResourceKind>(RESOURCE_KINDS.map((k) => [k.code, k]));

export function isKindCode(value: string): value is KindCode {
  return byCode.has(value);
}

export function findKind(code: string): ResourceKind | undefined {
  return byCode.get(code);
}

/** The name of Tsunagu's own HSDS taxonomy, under which every kind is a `taxonomy_term`. */
export const TAXONOMY = {
  name: "Tsunagu resource kinds",
  description: "こども家庭センターが家庭をつなぐ地域資源の種別 (resource kinds a children and family centre connects families to)",
  uri: "https://tsunagu.example.jp/taxonomy/resource-kinds",
  version: "1",
} as const;
