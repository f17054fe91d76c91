/** Small Chinese numerals as used for section and item numbers (一 … 九十九). */

const DIGITS = "零一二三四五六七八九";

/** 三十九 → 39; returns null for anything that is not a numeral below 100. */
export function parseSmallNumeral(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  // ①…⑳: circled numbers, the lowest level of some plans.
  if (/^[\u2460-\u2473]$/.test(text)) return (text.codePointAt(0) as number) - 0x2460 + 1;
  // ㈠…㈩ and ⒈…⒛: a numbered heading's number in one character.
  if (/^[\u3220-\u3229]$/.test(text)) return (text.codePointAt(0) as number) - 0x3220 + 1;
  if (/^[\u2488-\u249b]$/.test(text)) return (text.codePointAt(0) as number) - 0x2488 + 1;
  // ⑴…⒇: parenthesised numbers in one character.
  if (/^[\u2474-\u2487]$/.test(text)) return (text.codePointAt(0) as number) - 0x2474 + 1;
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(text);
  if (!m || text === "") return null;
  const [, tens, ten, units] = m;
  if (!ten) return units ? null : DIGITS.indexOf(tens as string); // 五 but not 五五
  return (tens ? DIGITS.indexOf(tens) : 1) * 10 + (units ? DIGITS.indexOf(units) : 0);
}

/** 39 → 三十九 (1 ≤ n < 100). */
export function formatSmallNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`no small numeral for ${n}`);
  const tens = Math.floor(n / 10);
  const units = n % 10;
  if (tens === 0) return DIGITS[units] as string;
  return `${tens === 1 ? "" : DIGITS[tens]}十${units === 0 ? "" : DIGITS[units]}`;
}
