/**
 * A synthetic policy corpus of any size, made from the real items: their sentences recombined, their
 * numbers varied, the responsible departments and the deadlines drawn afresh and written the way
 * the plans write them — `2025年6月底前,…`, `(市生态环境局牵头,市公安局配合)` — so the corpus parser's own
 * readers (parseDeadlines, parseResponsibility) read them back. Deterministic: item i depends only
 * on the seed and i, so items can be generated one at a time (a stream of 1M needs no array of 1M).
 */

import type { Item, Role } from "../corpus/index.js";
import { DEPARTMENTS, findBrackets, isoDate, parseDeadlines, parseResponsibility } from "../corpus/index.js";
import { mixSeed, mulberry32, pick, type Random, randInt, sample } from "./prng.js";

/** One generated item, with what its text says about departments and deadlines. */
export interface SyntheticItem {
  index: number;
  /** "S.I" like the real ids: section S = ⌊index / 12⌋ + 1, item I = index mod 12 + 1. */
  id: string;
  /** As printed: (三). */
  label: string;
  title: string;
  /** The whole item: label, title, sentences, responsibility parenthesis. */
  text: string;
  departments: Array<{ name: string; role: Role }>;
  deadlines: Array<{ text: string; date: string; approximate: boolean }>;
}

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"] as const;
/** Words a plan's titles start with; a title that does not already start with one may get one. */
const TITLE_PREFIXES = ["持续", "加快", "深入", "全面", "进一步", "扎实"] as const;
const YEARS = [2024, 2025, 2026, 2027, 2028, 2029, 2030] as const;

/** Numbers a text varies: not those glued to latin letters (PM2.5, VOCs) or inside another number. */
const NUMBER = /(?<![A-Za-z.\d])\d+(?:\.\d+)?(?![A-Za-z\d])/g;

/** The building blocks taken from the real corpus. */
export interface SentencePools {
  titles: string[];
  /** Sentences without deadline phrases and responsibility parentheses, each ending in 。 */
  sentences: string[];
  /** Canonical city departments (the names the parser canonicalises to themselves). */
  departments: string[];
}

/** Takes the real items apart into titles, clean sentences and department names. */
export function buildPools(items: readonly Item[]): SentencePools {
  const titles = [...new Set(items.map((i) => i.title))];
  const sentences = new Set<string>();
  for (const item of items) {
    let body = item.text.slice(item.text.indexOf(item.title) + item.title.length).replace(/^[。；;,，]/, "");
    // Responsibility parentheses out, from the end so earlier offsets stay valid.
    for (const b of findBrackets(body).reverse()) {
      if (parseResponsibility(b.inner)) body = body.slice(0, b.start) + body.slice(b.end);
    }
    // Deadline phrases out (with the comma after them); they are drawn afresh per item.
    for (const d of parseDeadlines(body, { heatingSeason: { month: 11, day: 15 } }))
      body = body.split(d.text).join("");
    for (const raw of body.split(/(?<=[。；;])/)) {
      const s = raw
        .trim()
        .replace(/^[,，、]+/, "")
        .replace(/[；;]$/, "。");
      if (s.length >= 8 && /[\u4e00-\u9fff]{4}/.test(s) && s.endsWith("。") && !/[年月]底前|采暖季前/.test(s))
        sentences.add(s);
    }
  }
  const departments = DEPARTMENTS.map((d) => d.name).filter((n) =>
    /^市.{1,12}(?:局|委|办|中心|公司)$/.test(n),
  );
  if (titles.length === 0 || sentences.size === 0 || departments.length < 4)
    throw new Error("buildPools: the corpus gives too little to recombine");
  return { titles, sentences: [...sentences], departments };
}

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A deadline phrase the plans use, and the date the parser should read from it. */
function drawDeadline(random: Random): SyntheticItem["deadlines"][number] {
  const y = pick(random, YEARS);
  const kind = randInt(random, 0, 3);
  if (kind === 0) return { text: `${y}年年底前`, date: isoDate(y, 12, 31), approximate: false };
  if (kind === 1) {
    const m = randInt(random, 1, 11);
    return { text: `${y}年${m}月底前`, date: isoDate(y, m, lastDay(y, m)), approximate: false };
  }
  if (kind === 2) return { text: `到${y}年`, date: isoDate(y, 12, 31), approximate: false };
  return { text: `${y}年采暖季前`, date: isoDate(y, 11, 15), approximate: true };
}

/** The same sentence with its figures changed: amounts scaled ×0.5–2, years redrawn. */
function varyNumbers(random: Random, sentence: string): string {
  return sentence.replace(NUMBER, (m) => {
    if (/^(?:19|20)\d\d$/.test(m)) return String(pick(random, YEARS));
    const factor = 0.5 + 1.5 * random();
    const dot = m.indexOf(".");
    if (dot >= 0) return (Number(m) * factor).toFixed(m.length - dot - 1);
    return String(Math.max(1, Math.round(Number(m) * factor)));
  });
}

/** The responsibility parenthesis in one of the forms the plans use. */
function drawResponsibility(
  random: Random,
  pools: SentencePools,
): {
  text: string;
  departments: SyntheticItem["departments"];
} {
  const names = sample(random, pools.departments, randInt(random, 1, 4));
  const [first, ...rest] = names as [string, ...string[]];
  const form = rest.length === 0 ? 0 : randInt(random, 0, 2);
  if (form === 0) {
    return {
      text: `(${names.join("、")}负责)`,
      departments: names.map((name) => ({ name, role: "responsible" })),
    };
  }
  if (form === 1) {
    return {
      text: `(${first}牵头,${rest.join("、")}配合)`,
      departments: [
        { name: first, role: "lead" },
        ...rest.map((name) => ({ name, role: "support" as const })),
      ],
    };
  }
  return {
    text: `(${names.join("、")}按职责分工负责)`,
    departments: names.map((name) => ({ name, role: "responsible" })),
  };
}

/** Generates items and queries of a synthetic corpus from the real one. */
export class SyntheticCorpus {
  constructor(
    readonly pools: SentencePools,
    readonly seed = 20240501,
  ) {}

  static fromItems(items: readonly Item[], seed?: number): SyntheticCorpus {
    return new SyntheticCorpus(buildPools(items), seed);
  }

  /** Item `index` (any non-negative integer); the same seed and index always give the same item. */
  item(index: number): SyntheticItem {
    const random = mulberry32(mixSeed(this.seed, index));
    const n = index % NUMERALS.length;
    const label = `(${NUMERALS[n]})`;
    let title = pick(random, this.pools.titles);
    if (random() < 0.3 && !TITLE_PREFIXES.some((p) => title.startsWith(p)))
      title = `${pick(random, TITLE_PREFIXES)}${title}`;
    const sentences = sample(random, this.pools.sentences, randInt(random, 2, 5)).map((s) =>
      varyNumbers(random, s),
    );
    const deadlines: SyntheticItem["deadlines"] = [];
    const wanted = random() < 0.7 ? randInt(random, 1, 2) : 0;
    for (let k = 0; k < wanted; k++) {
      const d = drawDeadline(random);
      if (deadlines.some((x) => x.text === d.text)) continue;
      const at = randInt(random, 0, sentences.length - 1);
      sentences[at] = `${d.text},${sentences[at]}`;
      deadlines.push(d);
    }
    // In order of appearance, as the parser reports them.
    const body = sentences.join("");
    deadlines.sort((a, b) => body.indexOf(`${a.text},`) - body.indexOf(`${b.text},`));
    const responsibility = drawResponsibility(random, this.pools);
    return {
      index,
      id: `${Math.floor(index / NUMERALS.length) + 1}.${n + 1}`,
      label,
      title,
      text: `${label}${title}。${body}${responsibility.text}`,
      departments: responsibility.departments,
      deadlines,
    };
  }

  /** A question-sized query made from item `index`: its title and one of its sentences. */
  query(index: number): string {
    const item = this.item(index);
    const random = mulberry32(mixSeed(this.seed ^ 0x5bd1e995, index));
    const sentences = item.text
      .slice(item.label.length + item.title.length + 1)
      .split(/(?<=。)/)
      .filter((s) => s.length > 4);
    const one = sentences.length > 0 ? pick(random, sentences).replace(/\([^)]*\)$/, "") : "";
    return `${item.title} ${one}`.trim();
  }
}
