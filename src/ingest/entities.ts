/**
 * HTML character references: numeric ones and the named ones that Chinese government pages use
 * (editors write quotes, dashes, spaces and symbols as entities). An unknown name is left as written.
 */

const NAMED: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  ensp: "\u2002",
  emsp: "\u2003",
  thinsp: "\u2009",
  zwnj: "\u200c",
  zwj: "\u200d",
  shy: "\u00ad",
  ldquo: "“",
  rdquo: "”",
  lsquo: "‘",
  rsquo: "’",
  sbquo: "‚",
  bdquo: "„",
  laquo: "«",
  raquo: "»",
  lsaquo: "‹",
  rsaquo: "›",
  mdash: "—",
  ndash: "–",
  hellip: "…",
  middot: "·",
  bull: "•",
  times: "×",
  divide: "÷",
  plusmn: "±",
  deg: "°",
  permil: "‰",
  micro: "µ",
  sup1: "¹",
  sup2: "²",
  sup3: "³",
  frac12: "½",
  frac14: "¼",
  frac34: "¾",
  le: "≤",
  ge: "≥",
  ne: "≠",
  asymp: "≈",
  minus: "−",
  copy: "©",
  reg: "®",
  trade: "™",
  sect: "§",
  para: "¶",
  yen: "¥",
  cent: "¢",
  pound: "£",
  euro: "€",
  larr: "←",
  rarr: "→",
  uarr: "↑",
  darr: "↓",
  alpha: "α",
  beta: "β",
  gamma: "γ",
  delta: "δ",
  mu: "μ",
  pi: "π",
  sigma: "σ",
  Delta: "Δ",
  Omega: "Ω",
  iexcl: "¡",
  iquest: "¿",
  acute: "´",
  uml: "¨",
  macr: "¯",
  ordf: "ª",
  ordm: "º",
  not: "¬",
  brvbar: "¦",
  curren: "¤",
};

/** Windows-1252 meanings of the C1 range, which browsers give numeric references 128–159. */
const C1 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function fromCodePoint(code: number): string | null {
  if (code >= 0x80 && code <= 0x9f) return C1[code - 0x80] ?? null;
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\uFFFD";
  return String.fromCodePoint(code);
}

/** Replaces `&name;`, `&#123;` and `&#x7b;` (the semicolon optional after a number, as browsers accept). */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(
    /&(?:#(\d{1,7});?|#[xX]([0-9a-fA-F]{1,6});?|([A-Za-z][A-Za-z0-9]{1,31});)/g,
    (whole, dec, hex, name) => {
      if (dec !== undefined) return fromCodePoint(Number.parseInt(dec, 10)) ?? whole;
      if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16)) ?? whole;
      return NAMED[name as string] ?? whole;
    },
  );
}
