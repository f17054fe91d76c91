/**
 * Item references said in English as a chain of levels: "point 2 under item 2 of section 3", "item (3)
 * of part three", "section 3 part (5) item 4", "Part 2, section (4), point 6", "the second item under
 * section 四", "item 1 under 二(五)", "item 7.1, point 3". Each level is a word (part, section, item, point…)
 * and its number; levels joined by under / of / in are said inner first, those joined by a comma or a
 * space outer first.
 */
import { parseSmallNumeral } from "../corpus/index.js";

/** A Chinese numeral up to 九十九, as refs.ts reads one (kept here: refs.ts imports this module). */
const CN = "[一二三四五六七八九十]{1,3}";
const WORDS = [
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
] as const;
const ORDINALS = [
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
  "tenth",
  "eleventh",
  "twelfth",
] as const;

/** A level's number: 3, 7.1, 2.(4).1, (6), (六), 六, six. */
const NUMBER = `\\d{1,2}(?:\\s*[.．]\\s*[(（]?\\d{1,2}[)）]?)*(?![\\d%]|[.．]\\d)|[(（]\\s*(?:\\d{1,2}|${CN})\\s*[)）]|${CN}|(?:${WORDS.join("|")})\\b`;
// (Action 5 is read as part 5 before this: refs.ts says a plan's actions are its parts.)
const LEVEL_WORD = "(?:key\\s+)?(?:part|section|chapter|item|point|task|sub-?item|measure)s?";
const SECTION_WORD = /^(?:part|section|chapter)/i;

/** One level: a word and its number, the ordinal before the word, or a Chinese 二(五). */
const LEVEL = new RegExp(
  `\\b(${LEVEL_WORD})\\s*(?:no\\.?\\s*|number\\s*|#\\s*)?(${NUMBER})|\\bthe\\s+(${ORDINALS.join("|")})\\s+(${LEVEL_WORD})\\b|(?<![一二三四五六七八九十\\d])(${CN})\\s*[(（]\\s*(\\d{1,2}|${CN})\\s*[)）]`,
  "gi",
);

/** What may stand between two levels of one chain; under / of / in say the next is the outer one. */
const JOIN = /^\s*(?:(under|of|in|within)\s+(?:the\s+)?|[,;]?\s*)$/i;

interface Level {
  readonly path: number[];
  readonly sectionWord: boolean;
  /** Said with an English word (a Chinese 二(五) alone makes no English chain). */
  readonly english: boolean;
}

/** 7.1, (六), six → the numbers they say. */
function numbers(written: string): number[] | null {
  const word = WORDS.indexOf(written.toLowerCase() as (typeof WORDS)[number]);
  if (word >= 0) return [word + 1];
  const parts = written.match(/\d{1,2}|[一二三四五六七八九十]{1,3}/g) ?? [];
  const path = parts.map((p) => parseSmallNumeral(p));
  return path.length > 0 && path.every((n) => n !== null && n > 0) ? (path as number[]) : null;
}

/** One match of LEVEL as a level: its numbers, and whether its word names a part (section, chapter…). */
function levelOf(m: RegExpExecArray): Level | null {
  if (m[1] !== undefined) {
    const path = numbers(m[2] as string);
    return path
      ? { path, sectionWord: SECTION_WORD.test(m[1].replace(/^key\s+/i, "")), english: true }
      : null;
  }
  if (m[3] !== undefined) {
    const n = ORDINALS.indexOf((m[3] as string).toLowerCase() as (typeof ORDINALS)[number]) + 1;
    return { path: [n], sectionWord: SECTION_WORD.test(m[4] as string), english: true };
  }
  const [section, item] = [parseSmallNumeral(m[5] as string), parseSmallNumeral(m[6] as string)];
  return section && item ? { path: [section, item], sectionWord: true, english: false } : null;
}

/** A chain's reference, in the parts `ref()` of refs.ts takes, and how many levels said it. */
export interface EnglishChain {
  readonly written: string;
  readonly path: number[];
  readonly across: boolean;
  readonly partial: boolean;
  readonly levels: number;
}

/**
 * The reference a chain of English levels makes (two numbers or more: one level "item 2.(4).1" is a
 * chain too), with how many levels said it; null when none.
 */
export function englishChainRef(text: string): EnglishChain | null {
  const found = [...text.matchAll(LEVEL)];
  for (let start = 0; start < found.length; start++) {
    // Groups said outer first; a group after under / of / in is outer to the one before.
    const groups: Level[][] = [];
    let innerFirst = false;
    let written = "";
    for (let i = start; i < found.length; i++) {
      const m = found[i] as RegExpExecArray;
      const level = levelOf(m);
      if (!level) break;
      if (i > start) {
        const prev = found[i - 1] as RegExpExecArray;
        const gap = text.slice((prev.index ?? 0) + prev[0].length, m.index);
        const join = JOIN.exec(gap);
        if (!join) break;
        innerFirst ||= join[1] !== undefined;
        if (join[1]) groups.unshift([level]);
        else groups[0]?.push(level);
      } else groups.push([level]);
      written = text.slice(found[start]?.index ?? 0, (m.index ?? 0) + m[0].length);
    }
    const levels = groups.flat();
    const path = levels.flatMap((l) => l.path);
    if (path.length < 2 || path.length > 4 || !levels.some((l) => l.english)) continue;
    // Outermost an item of one number: "item (八) point 2" said outer first is an item numbered across
    // the document; "item 5 under task (6)" said inner first, that item in whichever part has it.
    const itemOutermost = !(levels[0] as Level).sectionWord && (levels[0] as Level).path.length === 1;
    return {
      written,
      path,
      across: itemOutermost && !innerFirst,
      partial: itemOutermost && innerFirst,
      levels: levels.length,
    };
  }
  return null;
}
