/**
 * Traditional Chinese (Taiwan and Hong Kong forms) → simplified, so 燃煤鍋爐 finds 燃煤锅炉. The
 * converter is built on first use (it loads OpenCC's tables).
 */
import * as OpenCC from "opencc-js/t2cn";

let toSimplified: ((s: string) => string) | undefined;

/** The text in simplified Chinese; latin text and punctuation pass through. */
export function simplify(text: string): string {
  const convert = toSimplified ?? OpenCC.Converter({ from: "hk", to: "cn" });
  toSimplified = convert;
  // 甚麼 comes out 甚么, a variant simplified writing keeps only as 什么.
  return convert(text).replace(/甚么/g, "什么");
}
