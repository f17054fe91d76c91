/**
 * The one language detector. Answers follow the question's language: English when its latin words
 * outnumber (half) its Chinese characters — a question may quote 六(五) or 城管局 and still be English.
 */
import type { Lang } from "./schema.js";

/** Latin tokens that are plan notation, not English (PM2.5, VOCs, LDAR). */
const NOTATION = /^(?:pm|vocs?|ldar|nox|ppm|co|so|no|km|kw|mw|t|h|m)$/i;

/** The language of a (cleaned) text. Texts with neither script are Chinese, the product's default. */
export function detectLang(text: string): Lang {
  const cjk = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const latinWords = (text.match(/[a-z]{2,}/gi) ?? []).filter((w) => !NOTATION.test(w));
  return latinWords.length > 0 && latinWords.length * 2 >= cjk ? "en" : "zh";
}
