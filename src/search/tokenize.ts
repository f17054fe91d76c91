/**
 * Chinese and English text → terms. Words come from jieba with a domain dictionary — the lexicon's
 * words (data/lexicon.yaml) and the department names — so 燃煤锅炉, 渣土运输车, 市生态环境局 stay
 * whole; character bigrams catch what the segmenter splits differently.
 */
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { departmentWords } from "../corpus/index.js";
import { activeLexicon } from "./vocabulary/lexicon.js";

let jieba: Jieba | undefined;

/** The segmenter, created once (loading the dictionary takes ~0.2 s). */
export function segmenter(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    const words = [...activeLexicon().words, ...departmentWords()].filter((w) => /[\u4e00-\u9fff]/.test(w));
    // Texts are lower-cased before segmenting, so the dictionary must be too (低VOCs → 低vocs).
    jieba.loadDict(Buffer.from(words.map((w) => `${w.toLowerCase()} 100000 n`).join("\n")));
  }
  return jieba;
}

/**
 * How common each of `words` is in general Chinese: its frequency in jieba's dictionary (absent for
 * words the dictionary lacks). Parsing the dictionary takes ~0.4 s, so this runs when the index is
 * built and the result is cached with it.
 */
export function generalFrequencies(words: Iterable<string>): Record<string, number> {
  return generalCounts(words).counts;
}

/** {@link generalFrequencies} and the dictionary's total count (to turn counts into rates). */
export function generalCounts(words: Iterable<string>): { counts: Record<string, number>; total: number } {
  const wanted = new Set(words);
  const counts: Record<string, number> = {};
  let total = 0;
  for (const line of Buffer.from(dict).toString("utf8").split("\n")) {
    const space = line.indexOf(" ");
    const word = line.slice(0, space);
    const count = Number.parseInt(line.slice(space + 1), 10);
    if (!Number.isFinite(count)) continue;
    total += count;
    if (wanted.has(word)) counts[word] = count;
  }
  return { counts, total };
}

/** Function words and question words that carry no topic. */
export const STOPWORDS = new Set(
  (
    "的 了 和 与 及 或 等 在 对 将 把 被 是 为 有 于 以 从 向 按 由 其 之 也 都 并 而 且 就 要 会 能 可 " +
    "吗 呢 吧 啊 呀 么 嘛 我 你 他 她 它 我们 你们 他们 这 那 这个 那个 哪 哪个 哪些 什么 怎么 怎样 如何 " +
    "多少 几 是否 是不是 有没有 需不需要 要不要 需要 请问 一下 一个 还 吧 呢 个 上 下 中 里 " +
    "没有 关于 有关 内容 方面 提到 说 讲 出自 哪条 哪一条 哪项 里面 具体 " +
    "a an the of to in on for and or is are was be do does did must should can could i my me we our you " +
    "your it its this that what which who whom how when where why with by at from as about any all there"
  ).split(/\s+/),
);

const CJK_RUN = /[\u4e00-\u9fff]+/g;
const LATIN = /[a-z][a-z0-9.+-]*[a-z0-9+]|[a-z]|\d+(?:\.\d+)?/g;

/** Lower-cased latin words and numbers of a text (VOCs → vocs, PM2.5 → pm2.5). */
export function latinWords(text: string): string[] {
  return (text.toLowerCase().match(LATIN) ?? []).filter((w) => !STOPWORDS.has(w));
}

/** Character n-grams of each CJK run. */
export function cjkNgrams(text: string, n: number): string[] {
  const out: string[] = [];
  for (const run of text.match(CJK_RUN) ?? []) {
    if (run.length < n) continue;
    for (let i = 0; i + n <= run.length; i++) out.push(run.slice(i, i + n));
  }
  return out;
}

/** Segmented words (search mode: long words also yield their parts), without stopwords or punctuation. */
export function words(text: string): string[] {
  return segmenter()
    .cutForSearch(text.toLowerCase(), true)
    .map((w) => w.trim())
    .filter((w) => w.length > 0 && !STOPWORDS.has(w) && /[\u4e00-\u9fffa-z0-9]/.test(w));
}

/** Terms for the lexical index: words, plus CJK bigrams marked so they never equal a word. */
export function lexicalTerms(written: string): string[] {
  // (The vector ranker reads the text as written: the abbreviation is the lexical index's reading.)
  const text = abbreviated(written);
  // Bigrams skip function words (关于, 没有 …) so "有没有关于臭氧" does not match every 关于印发.
  const content = segmenter()
    .cut(text.toLowerCase(), true)
    .map((w) => (STOPWORDS.has(w) ? " " : w))
    .join("");
  return [...words(text), ...cjkNgrams(content, 2).map((b) => `~${b}`)];
}

/**
 * A text with the genre's full names written as the abbreviations plans use for them (挥发性有机物 →
 * VOCs, data/lexicon.yaml): a plan defines the abbreviation once (挥发性有机物（VOCs）) and writes it
 * after, so a question in either form finds every item that says either.
 */
function abbreviated(text: string): string {
  let out = text;
  for (const [full, short] of activeLexicon().abbreviations) out = out.replaceAll(full, short);
  return out;
}
