import type { KindCode } from "./taxonomy.js";

/**
 * Everyday words: what families type when they do not know the administrative name of what
 * they need. Each entry maps phrases in Japanese, やさしい日本語 and English to the resource
 * kinds that answer them. Search uses them as query expansion — services found only through
 * an everyday word rank below literal matches — and reports the expansion so the page can say
 * 「休みたい → 産後ケア・ショートステイ を表示しています」.
 *
 * Phrases are matched after folding (`domain/japanese.ts`), so kana/katakana, width and long
 * vowels do not matter; Japanese phrases match anywhere in the query (休みたいです), English
 * phrases match whole words. Keep phrases specific: a word that is also a kind's label or
 * synonym (産後ケア, nursery) is already found through the taxonomy and does not belong here.
 */
export interface EverydayWord {
  phrases: readonly string[];
  kinds: readonly KindCode[];
}

export const EVERYDAY_WORDS = [
  {
    phrases: ["ごはん", "ご飯", "夕ごはん", "晩ごはん", "夕食", "晩ご飯", "食事", "食べるところ", "おなかがすいた", "お腹が空いた", "お弁当",
      "meal", "meals", "free meal", "dinner", "food", "somewhere to eat"],
    kinds: ["kodomo-shokudo"],
  },
  {
    phrases: ["休みたい", "やすみたい", "休ませて", "休める", "ひとやすみ", "一休み", "休息", "疲れた", "つかれた", "眠れない", "ねむれない", "寝たい",
      "育児疲れ", "rest", "rest after birth", "tired", "exhausted", "need a break", "sleep"],
    kinds: ["postpartum-care", "short-stay"],
  },
  {
    phrases: ["預けたい", "あずけたい", "預ける", "あずける", "預かって", "あずかって", "見てほしい", "みてほしい", "子守", "ベビーシッター",
      "leave my child", "leave my baby", "someone to watch", "babysitter", "babysitting", "childminder"],
    kinds: ["temporary-care", "daycare"],
  },
  {
    phrases: ["学校に行けない", "学校へ行けない", "学校に行かない", "がっこうにいけない", "行きしぶり", "登校しぶり", "学校がつらい", "学校が嫌",
      "not going to school", "can't go to school", "cannot go to school", "bullied"],
    kinds: ["school-consult", "ibasho"],
  },
  {
    phrases: ["ことばが遅い", "言葉が遅い", "ことばがおそい", "言葉の遅れ", "ことばのおくれ", "発達が気になる", "落ち着きがない",
      "speech delay", "late talker", "autism", "adhd", "development"],
    kinds: ["disability-support"],
  },
  {
    phrases: ["料理", "ご飯を作って", "ごはんをつくって", "掃除", "洗濯", "家のこと", "手伝ってほしい",
      "someone to cook", "cooking", "cleaning", "housework", "help at home"],
    kinds: ["home-help"],
  },
  {
    phrases: ["妊娠", "にんしん", "妊婦", "赤ちゃんが生まれる", "出産", "しゅっさん", "pregnant", "pregnancy", "expecting a baby", "giving birth"],
    kinds: ["perinatal-support", "postpartum-care"],
  },
  {
    phrases: ["母乳", "授乳", "おっぱい", "ミルク", "breastfeeding", "breast feeding", "feeding"],
    kinds: ["postpartum-care", "perinatal-support"],
  },
  {
    phrases: ["遊び場", "あそびば", "遊ぶところ", "あそぶところ", "遊べる", "あそべる", "雨の日", "somewhere to play", "play", "playground"],
    kinds: ["jidokan", "hiroba"],
  },
  {
    phrases: ["話したい", "はなしたい", "相談したい", "そうだんしたい", "悩み", "なやみ", "不安", "ママ友", "パパ友", "友だち",
      "someone to talk to", "advice", "worried", "lonely"],
    kinds: ["consult-point", "hiroba"],
  },
  {
    phrases: ["勉強", "べんきょう", "宿題", "しゅくだい", "homework", "study", "tutoring"],
    kinds: ["ibasho", "after-school"],
  },
  {
    phrases: ["学校のあと", "がっこうのあと", "学校が終わったら", "after class"],
    kinds: ["after-school", "jidokan"],
  },
  {
    phrases: ["泊まり", "とまり", "お泊まり", "おとまり", "夜だけ", "夜間", "overnight", "stay overnight"],
    kinds: ["short-stay"],
  },
  {
    phrases: ["熱", "発熱", "病気", "びょうき", "けが", "具合が悪い", "sick", "fever", "illness"],
    kinds: ["medical", "temporary-care"],
  },
  {
    phrases: ["働きたい", "仕事", "しごと", "共働き", "working parent", "back to work"],
    kinds: ["daycare", "after-school"],
  },
  {
    phrases: ["入園前", "にゅうえんまえ", "はじめての集団", "preschool"],
    kinds: ["kindergarten-support"],
  },
] as const satisfies readonly EverydayWord[];
