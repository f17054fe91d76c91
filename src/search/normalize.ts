/**
 * Query normalisation: whatever a person types (traditional characters, full-width digits, HTML,
 * emoji, English) becomes clean simplified text plus the plan's own terms for it.
 */
import * as OpenCC from "opencc-js/t2cn";
import { findDepartmentMentions } from "../corpus/departments.js";
import { expandTerms } from "./lexicon.js";

/** The language of a question; answers follow it. */
export type QueryLang = "zh" | "en";

/** A query ready for search. */
export interface NormalizedQuery {
  /** The question as typed, after cleaning (no control characters, tags or emoji), in simplified Chinese. */
  text: string;
  lang: QueryLang;
  /** Canonical departments the question names (环保局 → 市生态环境局). */
  departments: string[];
  /** Plan terms added for English or colloquial wording, and department names. */
  expansions: string[];
  /** `text` and `expansions` together: what the indexes see. */
  searchText: string;
}

let toSimplified: ((s: string) => string) | undefined;

/** Traditional (Taiwan and Hong Kong forms) → simplified Chinese. */
export function simplify(text: string): string {
  const convert = toSimplified ?? OpenCC.Converter({ from: "hk", to: "cn" });
  toSimplified = convert;
  return convert(text);
}

/** Removes what is not language: control characters, HTML tags and entities, emoji; NFKC; spaces collapsed. */
export function cleanText(raw: string): string {
  return (
    raw
      .normalize("NFKC")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing terminal colour codes is the point
      .replace(/\u001b\[[0-9;?]*[A-Za-z]/g, " ")
      .replace(/<[^>]{0,200}>/g, " ")
      .replace(/&(?:[a-z]+|#\d+);/gi, " ")
      .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu, " ")
      .replace(/\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\u20E3|\uFE0F/gu, " ")
      .replace(/\s+/g, " ")
      .trim()
  );
}

/** True when a cleaned text holds no letter or digit at all (empty, spaces, "？？？"). */
export function isEmptyQuestion(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text);
}

/** English when latin words outnumber Chinese characters (a question may quote 六(五) or 城管局). */
export function detectLang(text: string): QueryLang {
  const cjk = (text.match(/[\u4e00-\u9fff]/g) ?? []).length;
  const latinWords = (text.match(/[a-z]{2,}/gi) ?? []).filter((w) => !/^(pm|vocs?|ldar|nox|ppm)$/i.test(w));
  return latinWords.length > 0 && latinWords.length * 2 >= cjk ? "en" : "zh";
}

/** Cleans, simplifies and expands a question. Long inputs are cut to `maxLength` characters for search. */
export function normalizeQuery(raw: string, maxLength = 2000): NormalizedQuery {
  const text = simplify(cleanText(raw));
  const lang = detectLang(text);
  const cut = text.slice(0, maxLength);
  const mentions = findDepartmentMentions(cut);
  const departments = [...new Set(mentions.flatMap((m) => m.names))];
  const expansions = [...expandTerms(cut), ...departments];
  return { text, lang, departments, expansions, searchText: [cut, ...expansions].join(" ") };
}
