/**
 * Quantitative thresholds and targets in plan text: 设计存栏量15万羽以上, 20蒸吨/小时以下,
 * 大于等于500个, 不低于0.5米/秒, 控制在2%以内.
 */
import type { Comparator, Quantity } from "./schema.js";

/** Comparator words written after the figure, with what they mean (以上 includes the figure). */
export const TRAILING_COMPARATORS: Readonly<Record<string, Comparator>> = {
  以上: "gte",
  及以上: "gte",
  以下: "lte",
  及以下: "lte",
  以内: "lte",
  范围内: "lte",
  内: "lte",
  以外: "gt",
};

/** Comparator words written before the figure. 不满/低于/超过 exclude the figure. */
export const LEADING_COMPARATORS: Readonly<Record<string, Comparator>> = {
  大于等于: "gte",
  不小于: "gte",
  不低于: "gte",
  不少于: "gte",
  至少: "gte",
  达到: "gte",
  小于等于: "lte",
  不大于: "lte",
  不高于: "lte",
  不超过: "lte",
  超过: "gt",
  大于: "gt",
  高于: "gt",
  不满: "lt",
  低于: "lt",
  小于: "lt",
  下降: "eq",
  增长: "eq",
};

// Units longest first so 蒸吨/小时 wins over 吨 and 标砖/年 over 标砖.
const UNITS = [
  "微克/立方米",
  "标砖/年",
  "蒸吨/小时",
  "个百分点",
  "立方米",
  "平方米",
  "米/秒",
  "千瓦",
  "公里",
  "人次",
  "标砖",
  "户",
  "头",
  "羽",
  "只",
  "吨",
  "个",
  "名",
  "位",
  "天",
  "%",
];

const alt = (words: Iterable<string>) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[/%]/g, "\\$&"))
    .join("|");

const QUANTITY = new RegExp(
  `(${alt(Object.keys(LEADING_COMPARATORS))})?(\\d+(?:\\.\\d+)?)(万|亿)?(${alt(UNITS)})?(${alt(Object.keys(TRAILING_COMPARATORS))})?`,
  "g",
);

const PHRASE_STOP = /[,，、。；;：:()（）〈〉]/;

/**
 * Every figure that carries a comparator or a unit. Years (2024年) and bare numbers are skipped.
 * `phrase` runs back to the previous punctuation mark so it keeps its subject (蛋鸡设计存栏量…).
 */
export function parseQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    const [whole, lead, digits, scale, unitWritten, trail] = m;
    if (!lead && !trail && !unitWritten) continue;
    if (/^年/.test(text.slice(m.index + whole.length))) continue; // a year, not a figure
    const multiplier = scale === "亿" ? 1e8 : scale === "万" ? 1e4 : 1;
    let start = m.index;
    while (start > 0 && !PHRASE_STOP.test(text[start - 1] as string)) start--;
    const word = lead ?? trail ?? "";
    out.push({
      value: Math.round(Number(digits) * multiplier * 1e6) / 1e6,
      unit: unitWritten ?? "",
      comparator: lead
        ? (LEADING_COMPARATORS[lead] as Comparator)
        : trail
          ? (TRAILING_COMPARATORS[trail] as Comparator)
          : "eq",
      word,
      phrase: text.slice(start, m.index + whole.length),
    });
  }
  return out;
}
