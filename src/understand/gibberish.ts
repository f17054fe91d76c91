/**
 * Input that is text but not a question: a single letter, a run of one character (啊啊啊), one word
 * repeated (the the the), digits alone, interjections, keyboard mashing (asdfghjkl, qwertyuiop), or
 * pieces of code with no question word.
 * It gets the help text, like empty input — not an answer, and not a "not covered".
 */
import type { AskingWords } from "./asking.js";

/** QWERTY rows: letters next to each other on a row are what mashing a keyboard produces. */
const ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

/** Whether most adjacent letter pairs of a latin token are neighbours on a keyboard row. */
function keyboardRun(token: string): boolean {
  // qwer, hjkl — or qwe, asd, zxc — keys in a row as they lie on the keyboard (no word is one).
  if (
    token.length >= 3 &&
    ROWS.some((row) => row.includes(token) || [...row].reverse().join("").includes(token))
  )
    return true;
  if (token.length < 5) return false;
  let adjacent = 0;
  for (let i = 1; i < token.length; i++) {
    const a = token[i - 1] as string;
    const b = token[i] as string;
    if (
      ROWS.some((row) => Math.abs(row.indexOf(a) - row.indexOf(b)) <= 1 && row.includes(a) && row.includes(b))
    )
      adjacent++;
  }
  return adjacent / (token.length - 1) >= 0.6;
}

/** Whether a latin token could be a word: it has a vowel (or y) and is not keyboard mashing. */
const wordLike = (t: string) => /[aeiouy]/.test(t) && !keyboardRun(t);

/**
 * True when a cleaned text holds no question: the caller answers with help. `known` says whether
 * the documents use a word (PM2.5's "pm", LDAR): such a word is never gibberish.
 */
export function isGibberish(text: string, w: AskingWords, known: (word: string) => boolean): boolean {
  const lower = text.toLowerCase();
  if ((lower.match(/[a-z][a-z0-9.]*/g) ?? []).some((t) => t.length >= 2 && known(t))) return false;
  const tokens = lower.match(/[a-z]+|\p{Script=Han}|\d+/gu) ?? [];
  if (tokens.length === 0) return true;
  if (tokens.every((t) => /^\d+$/.test(t))) return true; // digits alone (a reference like 6.5 is read before)
  const distinct = new Set(tokens.filter((t) => !/^\d+$/.test(t)));
  const han = [...lower.matchAll(/\p{Script=Han}/gu)].map((m) => m[0]);
  if (han.length === 0) {
    // '; DROP TABLE docs; -- {{7*7}}: code asks nothing.
    if ((lower.match(w.codeLike) ?? []).length >= 2 && !w.questionWord.test(lower)) return true;
    const words = [...distinct];
    if (words.length === 1 && (words[0] as string).length <= 2) return true; // "a", "ok"
    if (words.every((t) => w.interjections.test(t) || !wordLike(t))) return true;
    return distinct.size === 1 && tokens.length > 2; // the the the
  }
  const hanDistinct = new Set(han);
  if (hanDistinct.size === 1 && [...distinct].every((t) => hanDistinct.has(t) || !wordLike(t))) return true;
  // (啊啊 嗯嗯 beside keyboard mashing — sdfjk, qwerqwer — is mashing too.)
  return (
    [...hanDistinct].every((c) => w.interjections.test(c)) &&
    [...distinct].every((t) => hanDistinct.has(t) || w.interjections.test(t) || !wordLike(t))
  );
}
