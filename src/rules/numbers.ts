/**
 * Figures in a question, whatever the numerals (15万, 十五万, 1.5万, 150,000, 150 thousand, 百分之八十),
 * with the unit written after them converted to a canonical unit; and emission standards (国四,
 * 第一阶段, China IV, Stage II) as levels. The unit words come from the vocabulary; the reading of
 * numerals is here.
 */
import ChineseNumber from "chinese-numbers-converter";
import type { Amount, Standard } from "./question.js";
import { type Vocabulary, vocabulary } from "./vocabulary.js";

const CN_DIGITS = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億兩";
const CN_SPAN = new RegExp(`[${CN_DIGITS}]+(?:点[零〇一二三四五六七八九]+[万亿]?)?`, "y");
const AR_SPAN =
  /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(多|余)?(?:-(?=(?:thousand|million)\b)|\s*)(万|亿|千|百|thousand|million|k(?![a-z]))?/iy;
const MULTIPLIER: Readonly<Record<string, number>> = {
  万: 1e4,
  亿: 1e8,
  千: 1e3,
  百: 100,
  thousand: 1e3,
  million: 1e6,
  k: 1e3,
};
const CN_DECIMAL_DIGITS = "零一二三四五六七八九";
const CLAUSE_MARKS = [",", "，", ";", "；", "。", "!", "?", "？", "、"];

/** The unit written right after a figure, with its factor and the length it takes. */
function unitAfter(rest: string, v: Vocabulary): { unit: string; factor: number; length: number } | null {
  // 20 吨, 20吨, a 20-ton boiler.
  const trimmed = rest.replace(/^(?:\s+|-(?=[a-z]))/i, "");
  const lead = rest.length - trimmed.length;
  const r = trimmed.replace(/^(?:多|余|来|左右)/, "");
  for (const u of v.units) {
    const m = u.re.exec(r);
    if (m) return { unit: u.unit, factor: u.factor, length: lead + m[0].length };
  }
  return null;
}

/**
 * The unit of a bare count (1200个, 六百来) from the thing its clause names just before it (密封点有1200个,
 * 密封点数了一下大概六百来个): people name what they count first and give the figure after.
 */
function countedBefore(work: string, at: number, v: Vocabulary): string | null {
  const from = Math.max(0, ...CLAUSE_MARKS.map((p) => work.lastIndexOf(p, at - 1) + 1));
  const before = work.slice(from, at).replace(/[数看查算]了?一下/g, "");
  return v.countedNouns.find((c) => c.re.test(before))?.unit ?? null;
}

/** A Chinese numeral span → number; 零点三 and 三点五万 included. */
export function chineseValue(span: string): number {
  const point = span.indexOf("点");
  if (point < 0) return new ChineseNumber(span).toInteger();
  let frac = span.slice(point + 1);
  let scale = 1;
  if (/[万萬]$/.test(frac)) scale = 1e4;
  else if (/[亿億]$/.test(frac)) scale = 1e8;
  if (scale !== 1) frac = frac.slice(0, -1);
  const intPart = span.slice(0, point);
  const whole = intPart ? new ChineseNumber(intPart).toInteger() : 0;
  const digits = [...frac].map((c) => CN_DECIMAL_DIGITS.indexOf(c.replace("〇", "零"))).join("");
  return Number(`${whole}.${digits}`) * scale;
}

/** The clause around [start, end): from the previous punctuation mark to the next. */
function clauseOf(text: string, start: number, end: number): string {
  const from = Math.max(0, ...CLAUSE_MARKS.map((p) => text.lastIndexOf(p, start - 1) + 1));
  const stops = CLAUSE_MARKS.map((p) => text.indexOf(p, end)).filter((x) => x >= 0);
  return text.slice(from, stops.length ? Math.min(...stops) : text.length);
}

/** A figure starting at `i` of `work`: its value (NaN for a span to skip) and where its numeral ends; null when none. */
function numeralAt(work: string, i: number, v: Vocabulary): { value: number; end: number } | null {
  const ch = work[i] as string;
  const before = work[i - 1] ?? "";
  if (/\d/.test(ch)) {
    if (/[\d.]/.test(before)) return null;
    AR_SPAN.lastIndex = i;
    const m = AR_SPAN.exec(work);
    if (!m) return null;
    // A pollutant's name (PM2.5, PM10, NO2, SO2, O3) is no figure.
    if (
      /(?:pm|no|so|co|nh|o)$/i.test(work.slice(Math.max(0, i - 2), i)) &&
      !/[a-z]{3}$/i.test(work.slice(0, i))
    )
      return { value: Number.NaN, end: i + (/^[\d.]+/.exec(work.slice(i))?.[0].length ?? 1) };
    const mult = m[3] ? (MULTIPLIER[m[3].toLowerCase()] ?? 1) : 1;
    const written = Number((m[1] as string).replace(/,/g, ""));
    // 20多万: between 20万 and 30万, read as the middle (as 二十多万 is).
    const tens = m[2] && Number.isInteger(written) && written >= 10 && written % 10 === 0;
    const more = tens ? 10 ** (/0+$/.exec(String(written))?.[0].length ?? 0) / 2 : 0;
    return { value: (written + more) * mult, end: i + m[0].length };
  }
  if (!CN_DIGITS.includes(ch) || /[国第哪a-z]/i.test(before)) return null;
  CN_SPAN.lastIndex = i;
  const span = CN_SPAN.exec(work)?.[0] ?? "";
  // A span that is not a figure is skipped whole (十四五 is not 十 and then 四五).
  const skip = { value: Number.NaN, end: i + Math.max(1, span.length) };
  if (!span || v.notFigures.test(work.slice(i)) || /^阶段/.test(work.slice(i + span.length))) return skip;
  const unit = unitAfter(work.slice(i + span.length), v);
  const meaningful = unit !== null || (/[万亿萬億]/.test(span) && span.length >= 2) || /[十百千]/.test(span);
  if (!meaningful || /^[万亿千百]/.test(span)) return skip;
  // 两三百, 三四十: a spoken range; its upper end is the figure (two or three hundred is no 2300).
  const range = /^[一二两三四五六七八九]([二三四五六七八九])([十百千万亿])$/.exec(span);
  if (range) return { value: chineseValue(`${range[1]}${range[2]}`), end: i + span.length };
  try {
    const value = chineseValue(span);
    // 十几吨, 二十多台, 一百多个: more than the round figure and less than the next; the middle is read
    // (so 十多吨 is above a 10-ton line and below a 20-ton one).
    const place = PLACE[span.at(-1) as string];
    const more = place ? /^[几多余]([万亿千萬億])?/.exec(work.slice(i + span.length)) : null;
    if (place && more) {
      const mult = more[1] ? (MULTIPLIER[more[1].replace("萬", "万").replace("億", "亿")] ?? 1) : 1;
      return { value: (value + place / 2) * mult, end: i + span.length + more[0].length };
    }
    return { value, end: i + span.length };
  } catch {
    return skip;
  }
}

/** English number words people write before a unit ("one acre", "two boilers") or of batches ("four batches a year"). */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
};
const NUMBER_WORD = new RegExp(`\\b(${Object.keys(NUMBER_WORDS).join("|")})\\b`, "gi");

/** English numbers spelled out in words of several kinds (two hundred thousand, one million, forty-five thousand). */
const SPELLED_UNITS: Readonly<Record<string, number>> = {
  ...NUMBER_WORDS,
  a: 1,
  thirteen: 13,
  fourteen: 14,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Readonly<Record<string, number>> = { hundred: 100, thousand: 1000, million: 1_000_000 };
const SPELLED = new RegExp(
  `\\b(?:${Object.keys(SPELLED_UNITS).join("|")})(?:[\\s-]+(?:and[\\s]+)?(?:${[...Object.keys(SPELLED_UNITS), ...Object.keys(SCALES)].join("|")}))*\\b`,
  "gi",
);

/** The value of a spelled-out English number (two hundred thousand → 200000), or null for one word alone. */
function spelledValue(phrase: string): number | null {
  const words = phrase
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((w) => w !== "and");
  // twenty-eight: a tens word and a unit, no scale.
  const [tens = 0, unit = 0] = words.map((w) => SPELLED_UNITS[w] ?? 0);
  const compound = words.length === 2 && tens >= 20 && tens % 10 === 0 && unit >= 1 && unit <= 9;
  if (words.length < 2 || !(compound || words.some((w) => w in SCALES))) return null;
  let total = 0;
  let current = 0;
  for (const w of words) {
    if (w === "hundred") current = (current || 1) * 100;
    else if (w in SCALES) {
      total += (current || 1) * (SCALES[w] as number);
      current = 0;
    } else current += SPELLED_UNITS[w] as number;
  }
  return total + current;
}

/** The place a numeral ends in (十 → 10): what 几 or 多 after it spans. */
const PLACE: Readonly<Record<string, number>> = {
  十: 10,
  百: 100,
  千: 1000,
  万: 1e4,
  拾: 10,
  佰: 100,
  仟: 1000,
  萬: 1e4,
};

/** Two lengths that make an area: 40 m by 60 m, 80米×70米, 长80米、宽70米. */
const BY_DIMENSIONS =
  /(\d+(?:\.\d+)?)\s*(?:m|米|metres?|meters?)\s*(?:by|x|×|\*|乘以?)\s*(\d+(?:\.\d+)?)\s*(?:m|米|metres?|meters?)(?![a-z²2])|长\s*(\d+(?:\.\d+)?)\s*米\s*[、，,]?\s*宽\s*(\d+(?:\.\d+)?)\s*米/gi;

/**
 * Every figure in a text with its unit. The numeral span is cut out before it is read, so
 * 二十万千瓦 is 200000 kW and not 201000; 千瓦/千米/千克 are read as units, never as digits; a year
 * (2024年) is not a figure; 百分之八十 is 80 %.
 */
export function findAmounts(text: string, v: Vocabulary = vocabulary()): Amount[] {
  const work = text
    .replace(/千瓦/g, "kW")
    // 5千米 is 5 km; in 两万五千米 the 千 belongs to the numeral (25,000 metres).
    .replace(/([零〇一二两三四五六七八九十百万亿\d.]*)千米/g, (m, n: string) =>
      /[万亿]/.test(n) ? m : `${n}km`,
    )
    .replace(/千克/g, "kg")
    // A site 40 m by 60 m, 长80米、宽70米: its area (the offsets kept).
    .replace(BY_DIMENSIONS, (m: string, a: string, b: string, c?: string, d?: string) =>
      `${Number(a ?? c) * Number(b ?? d)}m2`.padEnd(m.length),
    )
    // half a hectare: 0.5, the offsets kept.
    .replace(/\bhalf an?\s/gi, (m) => "0.5".padEnd(m.length))
    // two hundred thousand hens: a number spelled out in several words, as its digits (the offsets kept).
    .replace(SPELLED, (m: string) => {
      const value = spelledValue(m);
      return value === null ? m : String(value).padEnd(m.length);
    })
    // one acre, two boilers: an English number word before a unit, as its digits (the offsets kept).
    .replace(NUMBER_WORD, (m: string, word: string, at: number, all: string) =>
      unitAfter(all.slice(at + m.length), v) ? String(NUMBER_WORDS[word.toLowerCase()]).padEnd(m.length) : m,
    )
    .replace(/百分之[零〇一二两三四五六七八九十百点\d.]+/g, (m) => " ".repeat(m.length));
  const out: Amount[] = [];
  let i = 0;
  while (i < work.length) {
    // 半公顷, 半亩: half of a unit, said with no numeral before it (一半 is a share, not a figure).
    const half =
      work[i] === "半" && !/[\d零〇一二两三四五六七八九十百千万个]/.test(work[i - 1] ?? "")
        ? unitAfter(work.slice(i + 1), v)
        : null;
    if (half) {
      out.push({
        value: Math.round(0.5 * half.factor * 1e6) / 1e6,
        unit: half.unit,
        text: work.slice(i, i + 1 + half.length),
        index: i,
        clause: clauseOf(work, i, i + 1 + half.length),
      });
      i += 1 + half.length;
      continue;
    }
    const n = numeralAt(work, i, v);
    if (!n || Number.isNaN(n.value)) {
      i = n ? n.end : i + 1;
      continue;
    }
    let { value, end } = n;
    // 1万2, 3千5: a digit right after 万 or 千 is the next place down, as people say it (12000, 3500);
    // 1万2千 says that place (12000).
    const spoken = /^([1-9一二两三四五六七八九])(?![\d.点十百千万亿])/.exec(work.slice(end));
    const place = work[end - 1] === "万" ? 1000 : work[end - 1] === "千" ? 100 : 0;
    const thousands = work[end - 1] === "万" ? /^([1-9一二两三四五六七八九])千/.exec(work.slice(end)) : null;
    if (thousands) {
      const d = thousands[1] as string;
      value += (/\d/.test(d) ? Number(d) : chineseValue(d)) * 1000;
      end += 2;
    } else if (spoken && place > 0) {
      const d = spoken[1] as string;
      value += (/\d/.test(d) ? Number(d) : chineseValue(d)) * place;
      end += 1;
    }
    if (/^\s*年(?!出栏|产)/.test(work.slice(end)) && value >= 1900 && value <= 2100) {
      i = end;
      continue;
    }
    // 这一块, 那一条: 一 after a demonstrative points at something, it counts nothing.
    if (work.slice(i, end) === "一" && /[这那哪]$/.test(work.slice(0, i))) {
      i = end;
      continue;
    }
    const u = unitAfter(work.slice(end), v);
    if (u) {
      value *= u.factor;
      end += u.length;
    }
    out.push({
      value: Math.round(value * 1e6) / 1e6,
      unit: u && u.unit !== "piece" ? u.unit : (countedBefore(work, i, v) ?? u?.unit ?? null),
      // As written (two hundred thousand hens, not the digits read): index and length stay the text's.
      text: text.slice(i, end).trim(),
      index: i,
      clause: clauseOf(work, i, end),
    });
    i = end;
  }
  for (const m of text.matchAll(/百分之([零〇一二两三四五六七八九十百点\d.]+)/g)) {
    const raw = m[1] as string;
    const value = /\d/.test(raw) ? Number(raw) : chineseValue(raw);
    out.push({ value, unit: "%", text: m[0], index: m.index, clause: m[0] });
  }
  return out.sort((a, b) => a.index - b.index);
}

const ROMAN: Readonly<Record<string, number>> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6 };
const CN_LEVEL = "零一二三四五六";

function level(token: string): number | null {
  const t = token.toUpperCase();
  if (/^\d$/.test(t)) return Number(t);
  if (t in ROMAN) return ROMAN[t] as number;
  if (t.toLowerCase() in SPELLED_UNITS) return SPELLED_UNITS[t.toLowerCase()] as number;
  const i = CN_LEVEL.indexOf(token);
  return i >= 0 ? i : null;
}

const STANDARDS: ReadonlyArray<readonly [RegExp, Standard["scheme"]]> = [
  [/国\s*([零一二三四五六]|[0-6]|VI|IV|V|I{1,3})(?![0-9])/gi, "national"],
  // "National Stage Two" of machinery is a stage, not a vehicle's China II.
  [/\bnational\s+stage\s*([1-4]|IV|I{1,3}|one|two|three|four)\b/gi, "stage"],
  [
    /(?:China|\bGuo)\s*-?\s*([0-6]|VI|IV|V|I{1,3}|one|two|three|four|five|six)\b|\bNational\s+([0-6]|VI|IV|V|I{1,3}|two|three|four|five|six)\b|\bEuro\s*([0-6]|VI|IV|V|I{1,3})\b/gi,
    "national",
  ],
  [/第\s*([一二三四]|[1-4])\s*阶段/g, "stage"],
  [/\b(?:stage|tier)\s*([1-4]|IV|I{1,3}|one|two|three|four)\b/gi, "stage"],
];

/** 国四及以下, "China IV and below": a standard said as a rule's bound, not as what someone has. */
const BOUND_AFTER =
  /^\s*(?:及|和|或)?\s*(?:以下|以上|以前|以后|之前|之后)|^\s*(?:and|or)\s+(?:below|above|lower|higher|older|earlier|under)\b/i;

/**
 * 国四 / 国Ⅳ (NFKC: 国IV) / 国4 / China IV / 第一阶段 / Stage II; below stage one → level 0. A question
 * that quotes the rule (淘汰国四及以下柴油货车，我的国五…) has its own standard where no bound follows.
 */
export function findStandard(text: string, v: Vocabulary = vocabulary()): Standard | null {
  if (v.preStageOne.test(text)) return { scheme: "stage", level: 0, text: "第一阶段以前" };
  for (const [pattern, scheme] of STANDARDS) {
    // (Global patterns, read only through matchAll, which leaves their lastIndex alone.)
    const found = [...text.matchAll(pattern)]
      .map((m) => ({ m, l: level((m[1] ?? m[2] ?? m[3]) as string) }))
      .filter((x) => x.l !== null);
    const own =
      found.find(({ m }) => !BOUND_AFTER.test(text.slice((m.index ?? 0) + m[0].length))) ?? found[0];
    if (own) return { scheme, level: own.l as number, text: own.m[0] };
  }
  return null;
}

/** 国四 / China IV, 第一阶段 / Stage I: a level in a scheme's own words. */
export function standardName(scheme: Standard["scheme"], lvl: number): { zh: string; en: string } {
  const zh = CN_LEVEL[lvl] ?? String(lvl);
  const roman = Object.keys(ROMAN)[lvl - 1] ?? String(lvl);
  if (lvl === 0)
    return scheme === "stage"
      ? { zh: "第一阶段以前", en: "pre-Stage I" }
      : { zh: "国一以前", en: "pre-China I" };
  return scheme === "stage"
    ? { zh: `第${zh}阶段`, en: `Stage ${roman}` }
    : { zh: `国${zh}`, en: `China ${roman}` };
}
