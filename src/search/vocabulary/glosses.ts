/**
 * English as CC-CEDICT's glosses and English questions write it, reduced to comparable keys: lower
 * case, function words out, plurals singular (restaurants → restaurant), verb forms offered as
 * lemmas (banned → ban, retrofitting → retrofit), and verbs ("to train") kept apart from nouns
 * ("train"). A proper noun's glosses (CEDICT marks them) are flagged.
 */

/** Words that carry no meaning of their own in a gloss or a question. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    "a an the of to in on at by for from with into onto upon and or nor but as be been being is are was were am " +
    "sth sb sb's sth's one one's oneself someone something etc esp e.g. i.e. usu. lit. fig. abbr. " +
    "it its it's this that these those there here his her their our your my me we us you he she they them " +
    "do does did done doing have has had having will would shall should can could may might must " +
    "what which who whom whose how when where why whether if than then so not no any all some such"
  ).split(" "),
);

const stems = new Map<string, string>();

/**
 * A word in its singular form, the form glosses are matched in (restaurants → restaurant, cities →
 * city, boxes → box). Verb endings are left alone here; {@link lemmas} offers them for a question.
 */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = singular(word.toLowerCase().replace(/['’]s$/, ""));
    if (stems.size < 200_000) stems.set(word, s);
  }
  return s;
}

function singular(w: string): string {
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith("ies") && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith("sses") || /(?:xes|ches|shes|zes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith("s") && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

/**
 * The forms a question's word may have in a gloss, most likely first: itself (singular), then
 * without -ed or -ing, with a final e, without it, or with a doubled consonant undone (mining →
 * mine, phased → phase, burning → burn, banned → ban, retrofitting → retrofit).
 */
export function lemmas(word: string): string[] {
  const w = stem(word);
  const out = [w];
  for (const suffix of ["ed", "ing", "d"]) {
    if (!w.endsWith(suffix) || w.length - suffix.length < 3) continue;
    const base = w.slice(0, -suffix.length);
    out.push(`${base}e`, base);
    if (/([b-df-hj-np-tv-z])\1$/.test(base)) out.push(base.slice(0, -1));
  }
  return [...new Set(out)];
}

const TOKEN = /[a-z0-9]+(?:[-'][a-z0-9]+)*/g;

/** Lower-case word tokens ("low-nox" stays whole, "pm2.5" splits at the dot). */
export function tokens(text: string): string[] {
  return text.toLowerCase().match(TOKEN) ?? [];
}

function isContent(w: string): boolean {
  return w.length > 1 && !FUNCTION_WORDS.has(w) && w.charCodeAt(0) >= 97;
}

/** The content words of an English text, stemmed, in order. */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const t of tokens(text)) if (isContent(t)) out.push(stem(t));
  return out;
}

/** A phrase as a gloss would have to say it: every word, singular ("end of 2025", "level a"). */
export function phraseKey(text: string): string {
  return tokens(text).map(stem).join(" ");
}

/** One gloss sense, analysed. */
export interface SenseKey {
  /** Its content words, stemmed, joined by spaces; `to ` first for a verb sense. */
  key: string;
  /**
   * The whole gloss proper, stemmed, only articles dropped: what two words must share to mean the
   * same ("in total" is not "total", "to fine" is not "fine").
   */
  exact: string;
  /** The content words of the gloss proper. */
  words: string[];
  /** The content words of its qualifiers (what the braces held). */
  qualifiers: string[];
  /** A proper noun's gloss (唐山 "China"): it bridges only as a whole phrase of two or more words. */
  proper: boolean;
}

/** Reads one cleaned sense (`to leak {of a liquid or gas}`); null when it has no content word. */
export function senseKey(gloss: string): SenseKey | null {
  const proper = gloss.startsWith("@");
  const sense = proper ? gloss.slice(1) : gloss;
  const brace = sense.indexOf(" {");
  const head = tokens(brace < 0 ? sense : sense.slice(0, brace));
  const words: string[] = [];
  const exact: string[] = [];
  for (const t of head) {
    if (t === "a" || t === "an" || t === "the") continue;
    const s = stem(t);
    exact.push(s);
    if (isContent(t)) words.push(s);
  }
  if (words.length === 0) return null;
  return {
    key: `${head[0] === "to" ? "to " : ""}${words.join(" ")}`,
    exact: exact.join(" "),
    words,
    qualifiers: brace < 0 ? [] : contentWords(sense.slice(brace + 2, -1)),
    proper,
  };
}

const analysed = new WeakMap<object, SenseKey[]>();

/**
 * The analysed senses of a dictionary entry (`{ senses }`), computed once per entry object however
 * many bridge builders ask (analysing all of CC-CEDICT takes about a second).
 */
export function senseKeysOf(entry: { senses: readonly string[] }): SenseKey[] {
  let keys = analysed.get(entry);
  if (!keys) {
    keys = entry.senses.map(senseKey).filter((k): k is SenseKey => k !== null);
    analysed.set(entry, keys);
  }
  return keys;
}
