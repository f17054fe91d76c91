/**
 * Item references as people write them: 六(五), 六（五）, 六、(五), 第六部分(五), 第六部分第五条, 6.5,
 * "item" + a dotted number, section 6 item 5; a third and fourth level 三(一)1., 三(一)1.(2), 3.1.2; a bare (三十九) or
 * 第三十九条 for documents numbered across sections. Only the forms: which document has the item
 * is decided when the query is resolved. Figures are not references: PM2.5, 74.5%, 1.2万, 燃煤锅炉(3).
 */
import { parseSmallNumeral } from "../corpus/index.js";
import { englishChainRef } from "./refs-english.js";
import type { ItemRef } from "./schema.js";

const CN = "[一二三四五六七八九十]{1,3}";
const NUM = `${CN}|\\d{1,2}`;

/** What follows a figure, not an item number: 1.2万, 74.5%, 0.3米, 1.2 million, 2.5 tons, 1.5 acres. */
const NOT_A_FIGURE =
  "(?![\\d.%万亿千百米吨个倍元亩头只羽辆台])(?!\\s*(?:million|thousand|billion|hundred|percent|per ?cent|tons?|tonnes?|t\\b|t/h|mw|kw|km|m\\b|m2|m3|mg|μg|acres?|hectares?|ha\\b|miles?|sq|square|met(?:er|re)s?|kilomet|lbs?|pounds?|passengers?|birds?|hens?|pigs?|head|units?|vehicles?|trucks?|公顷|平方|公里|兆瓦|千瓦|蒸吨))";

/** Reference forms, most specific first; each yields the path numbers in order. */
const FORMS: readonly RegExp[] = [
  // 4.3.1(2) — a point (2) under a dotted point
  /(?<![\w.])(\d{1,2})[.．](\d{1,2})[.．](\d{1,2})\s*[(（](\d{1,2})[)）]/,
  // 5.2(3) / 5.2 ③ — a point under a dotted item
  /(?<![\w.])(\d{1,2})[.．](\d{1,2})\s*[(（](\d{1,2})[)）]/,
  // 第五部分第四条第1点第（2）项, 第四章第二节第二条（三） — four levels in words
  new RegExp(
    `第(${NUM})(?:部分|章|节|大项)\\s*第?\\s*[(（]?\\s*(${NUM})\\s*[)）]?\\s*(?:条|项|节)\\s*(?:的|下的|里的|下面的|下边的|里面的)?\\s*第?\\s*[(（]?\\s*(${NUM})\\s*[)）]?\\s*(?:条|项|点)\\s*(?:的|下的|里的|下面的|下边的|里面的)?\\s*第?\\s*[(（]\\s*(${NUM})\\s*[)）]`,
  ),
  // 第三部分第(八)项第1条 / 第三部分（七）的第5点 / 第四章第一节第二条 — three levels in words
  new RegExp(
    `第(${NUM})(?:部分|章|节|大项)\\s*第?\\s*[(（]?\\s*(${NUM})\\s*[)）]?\\s*(?:条|项|点|小项|块|部分|节)?\\s*(?:(?:下面|下边|下|里面|里|中)?的?\\s*)?(?:第\\s*[(（]?\\s*(${NUM})\\s*[)）]?\\s*(?:条|项|点|小项)|[(（]?\\s*(\\d{1,2})\\s*[)）])`,
  ),
  // 第九部分第(二)条 — the item number in brackets
  // (not 第二部分（五）5．, the third level under it)
  new RegExp(
    `第(${NUM})(?:部分|章|节|大项)\\s*第?\\s*[(（]\\s*(${NUM})\\s*[)）]\\s*(?:条|项|点|小项)?(?!\\s*(?:之|第)?\\s*\\d{1,2}\\s*(?:[.．、条项点]|$|[^\\d.%万亿千百米吨个倍元年月日]))`,
  ),
  // 三(一)1.(2) / 三、(一)1、(2) / 二（一）4里面第（2）点 — four levels
  new RegExp(
    `(?:第)?(?!(?<=[)）]\\s*)\\d)(${NUM})(?:、|部分)?\\s*[(（]\\s*(${NUM})\\s*[)）]\\s*(\\d{1,2})\\s*[.．、]?\\s*(?:(?:里面|里边|里|中|下面|下边|下|的)\\s*)*(?:第\\s*)?[(（]\\s*(\\d{1,2})\\s*[)）]`,
  ),
  // 五之3（3） / 五之3 — item 3. of section 五 said with 之, and a point under it
  new RegExp(
    `(?:^|[^一二三四五六七八九十\\d])(${CN})之(\\d{1,2})(?![\\d.%万亿千百米吨个倍元年月日])\\s*(?:[(（](\\d{1,2})[)）])?`,
  ),
  // 三(一)1. / 三(一)第1条 / 五（一）第二点 / 三（二）下面第3条 / 三、（二）、1 / 三（三）point 4 / 3.(1) 6) — three levels
  new RegExp(
    `(?:第)?(?!(?<=[)）]\\s*)\\d)(${NUM})(?:、|部分|[.．])?\\s*[(（]\\s*(${NUM})\\s*[)）]\\s*[、,，]?\\s*(?:(?:下面|下边|下|里面|里边|里|中)的?\\s*)?(?:的\\s*第|第|之|(?:point|item|no\\.?)\\s*)?(?:(\\d{1,2})(?:\\s*[.．、]|条|项|点|(?![\\d.%万亿千百米吨个倍元年月日]))|(?<=第\\s*)(${CN})\\s*(?:条|项|点))`,
  ),
  // 四(二)(2) — a third level in brackets under (二)
  new RegExp(
    `(?:第)?(?!(?<=[)）]\\s*)\\d)(${NUM})(?:、|部分)?\\s*[(（]\\s*(${NUM})\\s*[)）]\\s*[、,，]?\\s*[(（]\\s*(\\d{1,2})\\s*[)）]`,
  ),
  // 三、3.(2) / 三、3（2） / 三、里面第3项的（2） / 二3（2） / 二.3（1） / 三.3第1点 — a point (2) under item 3.
  // of a section numbered 1. directly
  new RegExp(
    `(?:^|[^一二三四五六七八九十\\d])(?:第)?(${CN})(?:、|部分|[.．])?\\s*(?:(?:里面|里|中|下面)的?)?\\s*(?:第\\s*)?(\\d{1,2})\\s*(?:[.．、]|项|条)?\\s*(?:的|下的|里的)?\\s*(?:[(（]\\s*(\\d{1,2})\\s*[)）]|第\\s*(\\d{1,2})\\s*点)`,
  ),
  // 二.4.5 / 二、4.5 — a point 5. under item 4 of section 二, the section in its numeral
  new RegExp(`(?:^|[^一二三四五六七八九十\\d])(${CN})[.．、]\\s*(\\d{1,2})[.．](\\d{1,2})${NOT_A_FIGURE}`),
  // 六(五), 六、(五), 六（五）, 第六部分(五), 第六部分的(五), 第六部分里的(五)
  new RegExp(
    `(?:第)?(?!(?<=[)）]\\s*)\\d)(${NUM})(?:、|(?:部分|章|节)(?:\\s*(?:里面|里|中|下面|下)?的)?)?\\s*[(（]\\s*(${NUM})\\s*[)）]`,
  ),
  // 四、2的a） / 七、5下面的c） / 三、第3项里面的⑵ — a point lettered or numbered in one character under
  // item 2. of a section numbered 1. directly
  new RegExp(
    `(?:^|[^一二三四五六七八九十\\d])(?:第)?(${CN})(?:、|部分)\\s*(?:第\\s*)?(\\d{1,2})\\s*(?:[.．、]|项|条)?\\s*(?:下面|下边|下|里面|里|中)?的?\\s*(?:第\\s*)?(?:([a-h](?=\\s*[)）])|[\\u2474-\\u2487\\u2460-\\u2473])|[(（](\\d{1,2})[)）])`,
  ),
  // 第六部分第五条/项, 七、第5项, 第二部分的第五条
  new RegExp(
    `(?:第(${NUM})(?:部分|章|节|大项)|(${CN})、)\\s*(?:(?:里面|里|中|下面|下)?的\\s*)?第?(${NUM})(?:条|项|点|小项)`,
  ),
  // 三、交通运输结构调整下面的第二项 — a section by its number and title, then an item by its place
  new RegExp(
    `(?:^|[^一二三四五六七八九十\\d])(${CN})、[“"「]?\\p{Script=Han}{2,16}[”"」]?\\s*(?:下面|下边|下|中|里面|里)?的?第(${NUM})(?:条|项|点)`,
    "u",
  ),
  // 四、1. / 第四部分1. / 三、4 / 六.5 — an item numbered 1. directly under its section
  new RegExp(
    `(?:^|[^一二三四五六七八九十\\d])(?:第)?(${CN})(?:、|部分|[.．])\\s*(\\d{1,2})(?:\\s*[.．、](?!\\d)|(?![\\d.%万亿千百米吨个倍元年月日]))`,
  ),
  // 六2是什么 — the same, run together, only where what follows asks about it
  new RegExp(
    `(?:^|[^一二三四五六七八九十\\d第])(${CN})(\\d{1,2})(?=\\s*(?:是什么|是啥|讲|说|写|条|项|的内容|$|[?？,，。]))`,
  ),
  // item 5.1 point 2 — an item numbered with its section, then a point under it, in English
  /\b(?:item|section|part)\s*(\d{1,2})[.．](\d{1,2})\s*[,;]?\s*(?:point|sub-?item|paragraph)\s*[(（]?\s*(\d{1,2})\b/i,
  // 3.1.2.1 / 3.1.2 / 6.5 / 6-5 / "item" 6.5 — not PM2.5, 74.5%, 1.2万, 0.3米
  new RegExp(`(?<![\\w.])(\\d{1,2})[.．](\\d{1,2})[.．](\\d{1,2})[.．](\\d{1,2})${NOT_A_FIGURE}`),
  new RegExp(`(?<![\\w.])(\\d{1,2})[.．](\\d{1,2})[.．](\\d{1,2})${NOT_A_FIGURE}`),
  new RegExp(`(?<![\\w.])(\\d{1,2})[.．-](\\d{1,2})${NOT_A_FIGURE}`),
  // Part 2, (3) item 2 — a part, its (三), and an item under it
  new RegExp(
    `\\b(?:section|part|chapter)\\s+(\\d{1,2})\\s*[,;]?\\s*[(（]\\s*(\\d{1,2}|${CN})\\s*[)）]\\s*[,;]?\\s*(?:item|point|no\\.?)\\s*(\\d{1,2})\\b`,
    "i",
  ),
  // section 6, item (1), point 3 / part 3 item (4)
  new RegExp(
    `\\b(?:section|part|chapter)\\s+(\\d{1,2}|${CN})\\s*[,;]?\\s*item\\s*[(（]?\\s*(\\d{1,2})\\s*[)）]?\\s*[,;]?\\s*(?:point|sub-?item|paragraph)\\s*[(（]?\\s*(\\d{1,2})\\b`,
    "i",
  ),
  new RegExp(
    `\\b(?:section|part|chapter)\\s+(\\d{1,2}|${CN})\\s*[,;]?\\s*(?:item|point|no\\.?)\\s*[(（]?\\s*(\\d{1,2})(?!\\d)`,
    "i",
  ),
];

/**
 * 行动三第5项, 专项行动二的第1条, Action 5 item 3: a plan whose parts are its actions (行动一：…) — the action's
 * number is the part's, said as 第三部分.
 */
const ACTION_NUMBERED = new RegExp(
  `(?:专项)?行动\\s*(${CN}|\\d{1,2})(?![一二三四五六七八九十\\d])|\\baction\\s+(\\d{1,2})\\b(?![.\\d])`,
  "gi",
);

/** A part's number, then its title in quotes (and a comma or 的): the title is left out when reading the reference. */
const QUOTED_PART_TITLE = new RegExp(
  `(第(?:${CN}|\\d{1,2})(?:部分|章|节)|${CN}、)\\s*[“"「《][^”"」》]{2,30}[”"」》]\\s*[，,]?\\s*(?:(?:里|中|下)?的)?\\s*`,
  "g",
);

/**
 * (六)3: an item under (六) in whichever section has it (documents with a third level); also
 * (五)能源结构那部分的第28条, the heading's words between, and a point （1） under it.
 */
const PARTIAL = new RegExp(
  `(?<![一二三四五六七八九十\\d、])[(（](${CN})[)）]\\s*(?:(\\d{1,2})(?:\\s*[.．、]|条|项|点|(?![\\d.%万亿千百米吨个倍元年月日]))|[^，。？?,]{0,14}?第(\\d{1,2})(?:[条项点]|小项))(?:\\s*(?:下面|下边|下|里面|里|中)?的?\\s*[(（](\\d{1,2})[)）])?`,
);

/** "item 3 under (6)", "point 2 of item (4)": a numbered item under an item in brackets, in English. */
const ITEM_UNDER = new RegExp(
  `\\b(?:item|point|task)\\s*(\\d{1,2})\\s*(?:under|of|in)\\s*(?:item\\s*)?[(（]\\s*(\\d{1,2}|${CN})\\s*[)）]`,
  "i",
);

/** "item 7 under section 四", "item 3 of part 2": an item of a section, the section said after it. */
const ITEM_IN_SECTION = new RegExp(
  `\\b(?:item|point|task)\\s*(\\d{1,2})\\s*(?:under|of|in)\\s*(?:section|part|chapter)\\s*(\\d{1,2}|${CN})(?![\\d.])`,
  "i",
);

/**
 * "item (26) point 2": a point under an item numbered across the document, in English (an empty second
 * group keeps the point third, as in ACROSS_POINT).
 */
const ITEM_POINT =
  /\b(?:item|task|measure)\s*[(（]?\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）]?\s*[,;]?\s*(?:point|sub-?item)\s*()(\d{1,2})\b/i;

/** "item (11) 3", "item (八) 2": a point under an item in brackets numbered across the document, in English. */
const ITEM_BRACKET_POINT = new RegExp(
  `\\b(?:item|task|measure)\\s*[(（]\\s*(\\d{1,2}|${CN})\\s*[)）]\\s*[,;]?\\s*()(\\d{1,2})(?![\\d.%])`,
  "i",
);

/** "item (30)", "item 30", "point 26", "task no. 24", "measure 10": a printed item number in English. */
const ITEM_NUMBER =
  /\b(?:item|task|measure|point)\s*(?:no\.?\s*|number\s*|#\s*)?[(（]?\s*(\d{1,2})\s*[)）]?(?![.\d])/i;

/** 二、工作目标 anywhere: a section named with the start of its title. */
const SECTION_TITLED = new RegExp(`(?:^|[^一二三四五六七八九十])(${CN})、\\s*(\\p{Script=Han}{2,4})`, "u");

/**
 * A bare (三十九) (Chinese numerals only: 燃煤锅炉(3) is a figure), 第三十九条 not after a section
 * numeral, a table row's 序号3, or a task card's 任务12.
 */
const ACROSS = new RegExp(
  `(?:^|[^一二三四五六七八九十\\d、])[(（](${CN})[)）]|第(${NUM})[条项](?!目)|\\b(?:article|clause)\\s*[(（]?\\s*(\\d{1,2})\\s*[)）]?(?![\\d.])|序号\\s*(?:为|是)?\\s*(\\d{1,3})(?!\\d)|任务卡?\\s*(\\d{1,3})(?![\\d.%万亿千百米吨个倍元年月日项件条])`,
  "i",
);

/** 第九条（二）, 任务12的第（3）点, 第二十二条第2点: an item numbered across the document, then a point under it. */
const ACROSS_POINT = new RegExp(
  `(?<![一二三四五六七八九十\\d、])(?:第(${NUM})[条项]|任务\\s*(\\d{1,3}))\\s*(?:的|里的|下的|中的|下面的|下边的|里面的|里边的)?\\s*(?:第)?(?:[(（](${NUM})[)）](?:[条项点])?|(?<=第\\s*)(\\d{1,2})[点项小](?!\\d))`,
);

/** 第二部分 / 二、工作目标 / section 2 alone: the section's own entry. */
const SECTION = new RegExp(
  `第(${NUM})(?:部分|大项)(?![第(（\\d一二三四五六七八九十])|^(${CN})、|\\b(?:section|part|chapter)\\s+(\\d{1,2})\\b(?!\\s*[,;]?\\s*item)`,
  "i",
);

/** 注释[17], 注释第[2]条, 脚注17: the task a note of the plan's note list belongs to. */
const FOOTNOTE =
  /(?:注释|脚注|(?<!\p{Script=Han})注)\s*第?\s*[[［〔【]?\s*(\d{1,3})\s*[\]］〕】]?\s*[条号个]?/u;

/** A point written in one sign: a） b） count from 1, and so do ⑴ ⑵. */
function pointNumber(sign: string): number | null {
  if (/^[a-h]$/.test(sign)) return sign.charCodeAt(0) - 96;
  if (/^[\u2474-\u2487]$/.test(sign)) return (sign.codePointAt(0) as number) - 0x2474 + 1;
  return null;
}

/** A reference with the usual defaults. */
export function ref(written: string, path: number[], more: Partial<ItemRef> = {}): ItemRef {
  return { written, path, across: false, partial: false, hint: null, footnote: false, ...more };
}

/**
 * A level written after a reference (（十四）项1, 第12项的第（2）点, 五、3里面的第2）点): the point under what it names.
 * The number needs a sign that it is a level — 第, a bracket, 点 or 项 after it, or a question right after a bare one —
 * so that a year or an amount after a reference is none.
 */
const DEEPER =
  /^[项条点]?\s*(?:(?:里面|下面|里头|之中|中|里|下)?的?)\s*(?:第\s*[（(]?\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*[）)]?\s*(?:小点|点|项|条|款)|[（(]\s*(\d{1,2})\s*[）)]|(\d{1,2})\s*[）)]点?|(\d{1,2})(?=\s*(?:说|讲|写|是|的内容|内容|具体|$)))/;

/** The reference with the level written after it, when one is (and the path has room for it). */
function withDeeper(found: ItemRef, text: string): ItemRef {
  if (found.footnote || found.path.length >= 4) return found;
  const at = text.indexOf(found.written);
  if (at < 0) return found;
  const m = DEEPER.exec(text.slice(at + found.written.length));
  const n = m && parseSmallNumeral((m[1] ?? m[2] ?? m[3] ?? m[4]) as string);
  return n ? { ...found, written: found.written + m[0], path: [...found.path, n] } : found;
}

/** The item references in a (cleaned, simplified) question, the first one found per form family. */
export function findRefs(written: string): ItemRef[] {
  // 第六部分“强化多污染物减排”，第一条: the part's title quoted after its number says which part, as the number does.
  const text = written
    .replace(QUOTED_PART_TITLE, "$1")
    .replace(ACTION_NUMBERED, (_, cn?: string, en?: string) => (cn ? `第${cn}部分` : `part ${en}`));
  return refsIn(text).map((found) => withDeeper(found, text));
}

/** The references of {@link findRefs}, each as its form reads it. */
function refsIn(text: string): ItemRef[] {
  const note = FOOTNOTE.exec(text);
  if (note) return [ref(note[0], [Number(note[1])], { footnote: true })];
  // point 2 under item 2 of section 3: a chain of levels in English, before its pieces are read alone.
  const found = englishChainRef(text);
  const chain = found && ref(found.written, found.path, { across: found.across, partial: found.partial });
  if (chain && (found?.levels ?? 0) > 1) return [chain];
  for (const form of FORMS) {
    const m = form.exec(text);
    if (!m) continue;
    const path = m
      .slice(1)
      .filter((g): g is string => g !== undefined)
      // A lettered point (a） b）) counts from 1.
      .map((g) => pointNumber(g) ?? parseSmallNumeral(g));
    if (path.some((n) => n === null || n === 0)) continue;
    // A form that must not start inside a numeral takes the character before it: not part of the reference.
    return [
      ref(
        m[0].replace(/^[\u4e00-\u9fff](?<![第一二三四五六七八九十])(?=第|[一二三四五六七八九十])/, ""),
        path as number[],
      ),
    ];
  }
  // item 2.(4).1: one English level whose number says the whole path.
  if (chain) return [chain];
  const partial = PARTIAL.exec(text);
  if (partial) {
    const item = parseSmallNumeral(partial[1] as string);
    const sub = Number(partial[2] ?? partial[3]);
    // …第3项下面的（1）: a point under it.
    const point = partial[4] ? [Number(partial[4])] : [];
    if (item && sub)
      return [ref(partial[0].replace(/^[^(（]/, ""), [item, sub, ...point], { partial: true })];
  }
  // item 7 under section 四: item 7. of section four.
  const inSection = ITEM_IN_SECTION.exec(text);
  if (inSection) {
    const [section, item] = [parseSmallNumeral(inSection[2] as string), Number(inSection[1])];
    if (section && item) return [ref(inSection[0], [section, item])];
  }
  // item 3 under (6): item 3. under (六), in whichever section has it.
  const under = ITEM_UNDER.exec(text);
  if (under) {
    const [item, sub] = [parseSmallNumeral(under[2] as string), Number(under[1])];
    if (item && sub) return [ref(under[0], [item, sub], { partial: true })];
  }
  // 第九条（二）, 第14条(2), 第三条第（二）项, item (26) point 2: a point under an item numbered across
  // the document.
  const point = ACROSS_POINT.exec(text) ?? ITEM_POINT.exec(text) ?? ITEM_BRACKET_POINT.exec(text);
  if (point) {
    const n = parseSmallNumeral((point[1] ?? point[2]) as string);
    const m = parseSmallNumeral((point[3] ?? point[4]) as string);
    if (n && m) return [ref(point[0], [n, m], { across: true })];
  }
  const across = ACROSS.exec(text) ?? ITEM_NUMBER.exec(text);
  if (across) {
    const n = parseSmallNumeral((across[1] ?? across[2] ?? across[3] ?? across[4] ?? across[5]) as string);
    if (n) return [ref(across[0].replace(/^[^(（第a-z序任]/i, ""), [n], { across: true })];
  }
  const section = SECTION.exec(text);
  if (section) {
    const n = parseSmallNumeral((section[1] ?? section[2] ?? section[3]) as string);
    if (n) return [ref(section[0], [n])];
  }
  const titled = SECTION_TITLED.exec(text);
  if (titled) {
    const n = parseSmallNumeral(titled[1] as string);
    if (n) return [ref(`${titled[1]}、${titled[2]}`, [n], { hint: titled[2] as string })];
  }
  return [];
}
