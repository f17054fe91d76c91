/**
 * Picks the passage of an item that answers a question. Every quote is a slice of the item's text,
 * so it is verbatim by construction.
 */

import type { Item } from "../corpus/index.js";
import { findBrackets, parseResponsibility } from "../corpus/index.js";

/** Quotes longer than this are narrowed to the best run of clauses. */
export const MAX_QUOTE = 180;

interface Piece {
  start: number;
  end: number;
}

/** Splits [start, end) of `text` after each of the given mark characters, trimming spaces; offsets stay in `text`. */
function split(text: string, start: number, end: number, marks: string): Piece[] {
  const pieces: Piece[] = [];
  let from = start;
  for (let i = start; i < end; i++) {
    if (marks.includes(text[i] as string) || i === end - 1) {
      let s = from;
      let e = i + 1;
      while (s < e && /\s/.test(text[s] as string)) s++;
      while (e > s && /\s/.test(text[e - 1] as string)) e--;
      if (e > s) pieces.push({ start: s, end: e });
      from = i + 1;
    }
  }
  return pieces;
}

/** A bracket of labelled fields (主承办：X；协承办：Y；销号时限：…): who and when, no substance. */
function ofFields(inner: string): boolean {
  const fields = inner.split(/[；;]/).filter((f) => f.trim() !== "");
  return fields.length >= 2 && fields.every((f) => /^\s*[\u4e00-\u9fa5]{1,6}\s*[:：]/.test(f));
}

/** Each item's {@link substanceEnd}, once: an item's text does not change while it is loaded. */
const substanceEnds = new WeakMap<Item, number>();

/** Where an item's responsibility parenthesis starts (quotes about the substance stop before it). */
export function substanceEnd(item: Item): number {
  const known = substanceEnds.get(item);
  if (known !== undefined) return known;
  const own = findBrackets(item.text).filter((b) => parseResponsibility(b.inner) || ofFields(b.inner));
  const end = own.length > 0 ? (own[0] as { start: number }).start : item.text.length;
  substanceEnds.set(item, end);
  return end;
}

/** Each item's {@link sentences}, once (quotes are chosen on every answer). */
const itemSentences = new WeakMap<Item, readonly Piece[]>();

/** The item's sentences, from after its number (五) to before its responsibility parenthesis. */
function sentences(item: Item): readonly Piece[] {
  const known = itemSentences.get(item);
  if (known) return known;
  const start = /^[(（][一二三四五六七八九十]+[)）]/.exec(item.text)?.[0].length ?? 0;
  const pieces = split(item.text, start, substanceEnd(item), "。；;");
  itemSentences.set(item, pieces);
  return pieces;
}

/** Narrows a long sentence to the best-scoring window of whole clauses that fits {@link MAX_QUOTE}. */
function narrow(text: string, sentence: Piece, scoreOf: (p: Piece) => number): Piece {
  if (sentence.end - sentence.start <= MAX_QUOTE) return sentence;
  const clauses = split(text, sentence.start, sentence.end, ",，、:：");
  let best: Piece = clauses[0] as Piece;
  let bestScore = -1;
  for (let i = 0; i < clauses.length; i++) {
    let j = i;
    while (j + 1 < clauses.length && (clauses[j + 1] as Piece).end - (clauses[i] as Piece).start <= MAX_QUOTE)
      j++;
    const w = { start: (clauses[i] as Piece).start, end: (clauses[j] as Piece).end };
    const score = scoreOf(w);
    if (score > bestScore) {
      best = w;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The default quote: the first sentence after the head sentence (what the item actually requires),
 * or the head sentence of an item that has nothing more.
 */
export function headQuote(item: Item): string {
  const [head, next] = sentences(item);
  const chosen = next ?? head;
  if (!chosen) return item.text;
  const p = narrow(item.text, chosen, () => 0); // ties keep the first window: the sentence's opening
  return item.text.slice(p.start, p.end);
}

/** What a favoured sentence sharing no term of the question scores: above none, below any term. */
const FAVOURED_ALONE = 1e-6;

/**
 * The sentence (or, for a long one, the run of clauses) that carries most query weight, where
 * `weight(term)` scores a term and `terms(text)` lists a passage's distinct terms. Falls back to {@link headQuote}.
 * With `favoured`, a sentence it holds for counts double (one stating a deadline, asked when).
 */
export function bestQuote(
  item: Item,
  weight: (term: string) => number,
  queryTerms: ReadonlySet<string>,
  terms: (text: string) => string[],
  favoured: (sentence: string) => boolean = () => false,
): string {
  const text = item.text;
  const scoreOf = (p: Piece) => {
    let s = 0;
    const passage = text.slice(p.start, p.end);
    for (const t of terms(passage)) if (queryTerms.has(t)) s += weight(t);
    // (A favoured sentence sharing no term still comes before the others: 有补贴吗 shares none with 资金奖补.)
    return favoured(passage) ? 2 * s + FAVOURED_ALONE : s;
  };
  let best: Piece | undefined;
  let bestScore = 0;
  const all = sentences(item);
  // The head sentence is the title, shown anyway: quote what the item says beyond it.
  for (const s of all.length > 1 ? all.slice(1) : all) {
    const score = scoreOf(s);
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  if (!best) return headQuote(item);
  const p = narrow(text, best, scoreOf);
  return text.slice(p.start, p.end);
}
