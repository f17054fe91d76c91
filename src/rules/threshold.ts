/**
 * Thresholds and how a figure compares with one. A threshold is always read from its clause: the
 * item's parsed quantity (value, unit, comparator, word — src/corpus/quantities.ts), or for an
 * emission standard or a year, the clause's own words (国三及以下, 2030年之后). So the meaning of
 * 以上/以下/以内 (include the figure) and 超过/不满/以外 (exclude it) is defined once, by analogy with
 * 民法典 第1259条 and 刑法 第99条, and nothing here knows any plan's figures.
 */

import type { Comparator, Item } from "../corpus/index.js";
import { LEADING_COMPARATORS, TRAILING_COMPARATORS } from "../corpus/index.js";
import { measureOf } from "./entities.js";
import { findStandard, standardName } from "./numbers.js";
import type { Basis, Period } from "./question.js";
import type { Bi } from "./schema.js";
import type { Vocabulary } from "./vocabulary.js";

/** What a threshold measures: a figure in a unit, an emission-standard level, or a year. */
export type Scale = "number" | "standard" | "year";

/** A threshold taken from a clause. */
export interface Threshold {
  scale: Scale;
  value: number;
  comparator: Comparator;
  /** The comparator word as written (以上, 大于等于, 及以下, 之后). */
  word: string;
  /** Canonical unit (t/h, animal …); "" for standards and years. */
  unit: string;
  /** The unit as the plan writes it, and in English. */
  unitWords: Bi;
  /** For a standard: the scheme the clause uses (国 or 阶段). */
  scheme: "national" | "stage";
  /** What the clause says the figure measures (设计…年出栏量 → design, annual). */
  basis: Basis | null;
  period: Period | null;
  /** The reference as given in the rules file: verbatim in the item. */
  ref: string;
}

/** Time words of a year threshold: 之后 excludes the year itself (as 超过 excludes its figure). */
const YEAR_WORDS: Readonly<Record<string, Comparator>> = { 之后: "gt", 以后: "gt", 之前: "lt", 以前: "lt" };

/** The figure and comparator of a quantity's phrase: 全面淘汰8蒸吨/小时以下 → 8蒸吨/小时以下. */
const core = (phrase: string) => /[\d.]+[^\d]*$/.exec(phrase)?.[0] ?? phrase;

/**
 * The threshold a reference names in an item. `number`: the item's parsed quantity whose phrase ends
 * with the reference, else contains it, else whose figure the reference contains (100吨以下炼钢转炉)
 * — several that disagree are an error; `standard` / `year`: the
 * reference's own level or year and comparator word. Throws (with the reason) when the reference is
 * not verbatim in the item or names no threshold; the loader turns that into a warning.
 */
export function resolveThreshold(item: Item, ref: string, scale: Scale, v: Vocabulary): Threshold {
  if (!item.text.includes(ref)) throw new Error(`threshold «${ref}» is not in item ${item.id}`);
  const measure = measureOf(ref, v);
  const base = { scale, ref, basis: measure.basis, period: measure.period };
  if (scale === "number") {
    const tries = [
      (p: string) => p.endsWith(ref),
      (p: string) => p.includes(ref),
      (p: string) => ref.includes(core(p)),
    ];
    const found =
      tries.map((t) => item.quantities.filter((q) => t(q.phrase))).find((l) => l.length > 0) ?? [];
    const q = found[0];
    if (!q) throw new Error(`no parsed quantity of item ${item.id} has the phrase «${ref}»`);
    const same = (o: typeof q) => o.value === q.value && o.unit === q.unit && o.comparator === q.comparator;
    if (!found.every(same)) throw new Error(`«${ref}» names several quantities of item ${item.id}`);
    const unit = v.planUnits[q.unit];
    if (!unit) throw new Error(`the unit «${q.unit}» of «${ref}» is not in data/facts.yaml planUnits`);
    return {
      ...base,
      value: q.value * unit.factor,
      comparator: q.comparator,
      word: q.word,
      unit: unit.unit,
      unitWords: { zh: q.unit, en: unit.en },
      scheme: "national",
    };
  }
  const words = scale === "year" ? YEAR_WORDS : TRAILING_COMPARATORS;
  const word = Object.keys(words)
    .sort((a, b) => b.length - a.length)
    .find((w) => ref.includes(w));
  if (!word) throw new Error(`«${ref}» has no comparator word`);
  const comparator = words[word] as Comparator;
  const none = { zh: "", en: "" };
  if (scale === "year") {
    const year = /(\d{4})\s*年/.exec(ref);
    if (!year) throw new Error(`«${ref}» names no year`);
    return {
      ...base,
      value: Number(year[1]),
      comparator,
      word,
      unit: "",
      unitWords: none,
      scheme: "national",
    };
  }
  const standard = findStandard(ref, v);
  if (!standard) throw new Error(`«${ref}» names no emission standard`);
  const scheme = standard.scheme;
  return { ...base, value: standard.level, comparator, word, unit: "", unitWords: none, scheme };
}

/** Whether `value` meets a threshold under the comparator. */
export function meets(value: number, threshold: number, comparator: Comparator): boolean {
  switch (comparator) {
    case "gte":
      return value >= threshold;
    case "gt":
      return value > threshold;
    case "lte":
      return value <= threshold;
    case "lt":
      return value < threshold;
    case "eq":
      return value === threshold;
  }
}

/** Whether the comparator's word includes the figure itself (以上 does, 超过 does not). */
const INCLUSIVE: Readonly<Record<Comparator, boolean>> = {
  gte: true,
  lte: true,
  eq: true,
  gt: false,
  lt: false,
};

/** The comparator in English words, for the threshold gloss. */
const GLOSS: Readonly<Record<Comparator, string>> = {
  gte: "or more",
  gt: "more than",
  lte: "or less",
  lt: "less than",
  eq: "exactly",
};

/** 150000 → 15万; 12 → 12; 0.25 → 0.25. */
export function fmtZh(n: number): string {
  if (n >= 1e4 && Math.round(n) % 100 === 0) return `${Number((n / 1e4).toFixed(4))}万`;
  return String(Number(n.toFixed(4)));
}

/** 150000 → 150,000. */
export function fmtEn(n: number): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: 4 });
}

/** A figure on a threshold's scale, in both languages: 15万羽 / 150,000 birds, 国三 / China III, 2030年 / 2030. */
export function formatFigure(value: number, t: Threshold, unit: Bi = t.unitWords): Bi {
  if (t.scale === "standard") return standardName(t.scheme, value);
  if (t.scale === "year") return { zh: `${value}年`, en: String(value) };
  return { zh: `${fmtZh(value)}${unit.zh}`, en: `${fmtEn(value)}${unit.en ? ` ${unit.en}` : ""}` };
}

/**
 * The comparison in words, called out on the threshold itself:
 * "15万羽 = 15万羽：“以上”含本数，…" / "150,000 birds = 150,000 birds: 以上 includes the figure
 * itself, so …"; elsewhere "9蒸吨/小时 > 8蒸吨/小时（“8蒸吨/小时以下”），…".
 */
export function compareText(value: number, t: Threshold, yes: Bi, no: Bi, unit: Bi = t.unitWords): Bi {
  const holds = meets(value, t.value, t.comparator);
  const v = formatFigure(value, t, unit);
  const th = formatFigure(t.value, t, unit);
  const then = holds ? yes : no;
  if (value === t.value) {
    const inc = INCLUSIVE[t.comparator];
    return {
      zh: `${v.zh} = ${th.zh}：“${t.word}”${inc ? "含本数" : "不含本数"}，${then.zh}`,
      en: `${v.en} = ${th.en}: ${t.word} ${inc ? "includes the figure itself" : "excludes the figure itself"}, ${then.en}`,
    };
  }
  const op = value > t.value ? ">" : "<";
  const leading = t.word in LEADING_COMPARATORS;
  const written = leading ? `${t.word}${th.zh}` : `${th.zh}${t.word}`;
  return {
    zh: `${v.zh} ${op} ${th.zh}（“${written}”），${then.zh}`,
    en: `${v.en} ${op} ${th.en} (threshold: ${t.word} (${GLOSS[t.comparator]}) ${th.en}), ${then.en}`,
  };
}
