/**
 * The genre's domain lexicon (data/lexicon.yaml): the plans' own terms the segmenter keeps whole,
 * everyday Chinese mapped to the plans' wording (放鞭炮 → 燃放烟花爆竹, 渣土车 → 渣土运输车,
 * 饭店 → 餐饮服务单位), and English phrases for what the dictionary cannot give. Mapping adds terms
 * to a question; it never removes what the person wrote.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { projectPaths, readYamlFile } from "../../corpus/index.js";
import { contentWords } from "./glosses.js";
import { activeSources } from "./sources.js";

/** Lines of `key: plan terms` (a block scalar) → [key, terms] pairs; a line without ": " is an error. */
const TermLines = z
  .string()
  .default("")
  .transform((text, ctx) => {
    const out: Array<[string, string]> = [];
    for (const raw of text.split("\n")) {
      const line = raw.trim();
      if (!line || line.startsWith("#")) continue;
      const at = line.indexOf(": ");
      const key = line.slice(0, at).trim();
      const terms = line.slice(at + 2).trim();
      if (at <= 0 || !terms) ctx.addIssue({ code: "custom", message: `not "key: plan terms": ${line}` });
      else out.push([key, terms]);
    }
    return out;
  });

/** A list written as one string, split on `separator`. */
const List = (separator: RegExp) =>
  z
    .string()
    .default("")
    .transform((text) =>
      text
        .split(separator)
        .map((w) => w.trim())
        .filter(Boolean),
    );

/** One group of the lexicon file (livestock, energy, vehicles …). */
const LexiconGroup = z.object({
  name: z.string().min(1),
  about: z.string().optional(),
  words: List(/\s+/).pipe(z.array(z.string().min(2))),
  plain: TermLines,
  english: TermLines,
  /** English words of the genre whose Chinese the dictionary gives (straw → 秸秆). */
  topics: List(/,/).pipe(z.array(z.string().regex(/^[a-z][a-z -]*$/))),
});

/** The lexicon file: English asking words, and groups with no key twice. */
export const LexiconFile = z
  .object({
    /** English words that frame a question rather than name its topic (handle, apply, get). */
    asking: List(/\s+/).pipe(z.array(z.string().regex(/^[a-z]+$/))),
    /** Everyday Chinese words that frame a question rather than name its topic (俺们, 那种, 咋整, 上头). */
    fillers: List(/\s+/)
      .pipe(z.array(z.string().regex(/^[\u3400-\u9fff]+$/)))
      .default([]),
    /** The genre's full names and the abbreviations plans write for them (挥发性有机物: VOCs). */
    abbreviations: TermLines,
    /** Characters that look alike but sound apart (亳 毫), each group one string: a place typed by its shape. */
    lookalikes: List(/\s+/)
      .pipe(z.array(z.string().regex(/^[\u3400-\u9fff]{2,}$/)))
      .default([]),
    groups: z.array(LexiconGroup),
  })
  .superRefine((file, ctx) => {
    for (const part of ["plain", "english"] as const) {
      const seen = new Map<string, string>();
      for (const g of file.groups) {
        for (const [key] of g[part]) {
          const k = key.toLowerCase();
          const other = seen.get(k);
          if (other !== undefined)
            ctx.addIssue({ code: "custom", message: `${part} key "${key}" in ${g.name} and in ${other}` });
          seen.set(k, g.name);
          if (part === "english" && /[\u3400-\u9fff]/.test(key))
            ctx.addIssue({ code: "custom", message: `english key "${key}" in ${g.name} is not English` });
        }
      }
    }
  });
export type LexiconFile = z.infer<typeof LexiconFile>;

/** The lexicon, compiled for matching. */
export interface DomainLexicon {
  /** Terms the segmenter keeps whole: the groups' words and the everyday words they map. */
  words: readonly string[];
  /** Everyday Chinese → the plans' wording, longest key first. */
  plain: ReadonlyArray<readonly [string, string]>;
  /** English phrase (lower case) → the plans' wording. */
  englishTerms: ReadonlyMap<string, string>;
  /** English phrase (as a pattern: word boundaries, optional plural, -y → -ies) → the plans' wording, longest first. */
  english: ReadonlyArray<readonly [RegExp, string, string]>;
  /** English asking words (base forms): the dictionary does not bridge them alone. */
  asking: ReadonlySet<string>;
  /** Everyday Chinese words that carry no topic: not counted for or against a question. */
  fillers: ReadonlySet<string>;
  /** The genre's English topic words (content words, singular, space-separated). */
  topics: ReadonlySet<string>;
  /** Full name → the abbreviation plans write for it (挥发性有机物 → VOCs), longest first: one term either way. */
  abbreviations: ReadonlyArray<readonly [string, string]>;
  /** Each character of a lookalike group → the others of its group (亳 → 毫, 毫 → 亳). */
  lookalikes: ReadonlyMap<string, readonly string[]>;
  /** A hash of the file's content (the index cache key includes it). */
  hash: string;
}

/** The lexicon with nothing in it (the lexicon source turned off). */
export const EMPTY_LEXICON: DomainLexicon = {
  words: [],
  plain: [],
  englishTerms: new Map(),
  english: [],
  asking: new Set(),
  fillers: new Set(),
  topics: new Set(),
  abbreviations: [],
  lookalikes: new Map(),
  hash: "none",
};

/** An English key with its plural: county → counties, boiler → boilers, bus → buses. */
const plural = (key: string) => (/[^aeiou]y$/.test(key) ? `${key.slice(0, -1)}(?:y|ies)` : `${key}(?:e?s)?`);
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const longestFirst = (a: readonly [string, string], b: readonly [string, string]) =>
  b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1);

/**
 * What every match of an English key's pattern contains as written: its first word, less a final y
 * that a plural changes (county → counties), and never past a hyphen (a space may be one).
 */
const literalStart = (key: string) => (key.split(/[\s-]/)[0] ?? key).replace(/y$/, "");

/** Each character of the groups → the other characters of its group. */
function lookalikeMap(groups: readonly string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const group of groups)
    for (const c of group)
      map.set(
        c,
        [...new Set([...(map.get(c) ?? []), ...group])].filter((o) => o !== c),
      );
  return map;
}

/** Reads and compiles a lexicon file; throws naming the file and what is wrong. */
export function loadLexicon(file = join(projectPaths().data, "lexicon.yaml")): DomainLexicon {
  const text = readFileSync(file, "utf8");
  const parsed = LexiconFile.safeParse(readYamlFile(file));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
  const groups = parsed.data.groups;
  const plain = groups.flatMap((g) => g.plain).sort(longestFirst);
  const englishTerms = new Map(
    groups.flatMap((g) => g.english.map(([k, v]) => [k.toLowerCase(), v] as const)),
  );
  const english = [...englishTerms]
    .sort(longestFirst)
    // A space in a phrase also matches a hyphen: "clean-transport share" says "clean transport".
    .map(([k, v]) => {
      const phrase = plural(escapeRegExp(k)).replace(/ /g, "[\\s-]+");
      return [new RegExp(`(?<![a-z0-9])${phrase}(?![a-z0-9])`, "g"), v, literalStart(k)] as const;
    });
  const words = [...new Set([...groups.flatMap((g) => g.words), ...plain.map(([k]) => k)])];
  const asking = new Set(parsed.data.asking);
  const topics = new Set(groups.flatMap((g) => g.topics.map((t) => contentWords(t).join(" "))));
  return {
    words,
    plain,
    englishTerms,
    english,
    asking,
    fillers: new Set(parsed.data.fillers),
    topics,
    abbreviations: [...parsed.data.abbreviations].sort(longestFirst),
    lookalikes: lookalikeMap(parsed.data.lookalikes),
    hash: createHash("sha256").update(text).digest("hex").slice(0, 16),
  };
}

let active: DomainLexicon | undefined;

/** The project's lexicon (data/lexicon.yaml), loaded once; empty when the lexicon source is off. */
export function activeLexicon(): DomainLexicon {
  active ??= activeSources().has("lexicon") ? loadLexicon() : EMPTY_LEXICON;
  return active;
}

/** Stems whose British -ise/-isation the lexicon writes -ize/-ization (utilise, organised, prioritising). */
const BRITISH_IZE =
  /\b(util|organ|priorit|modern|standard|optim|minim|maxim|neutral|stabil|central|digital|industrial|electr|real|recogn|author|categor|summar|emphas|special|subsid|penal)is(e|es|ed|ing|ation|ations)\b/g;

/** A text with British spellings the lexicon writes otherwise (utilisation → utilization). */
function americanSpelling(text: string): string {
  return text.replace(BRITISH_IZE, "$1iz$2");
}

/** One phrase the lexicon recognised and the plan terms it stands for. */
export interface LexiconMatch {
  phrase: string;
  terms: string;
}

/**
 * The plan terms for what a text says in English or everyday Chinese, longest phrases first, each
 * phrase used once (so "coal boiler" does not also add "boiler" and "coal"). `rest` is the text with
 * the matched phrases taken out, for the sources that read what is left.
 */
export function lexiconMatches(
  text: string,
  lexicon: DomainLexicon,
): { matches: LexiconMatch[]; rest: string } {
  const matches: LexiconMatch[] = [];
  let rest = americanSpelling(text.toLowerCase());
  // A text with no latin letter has no English phrase to look for.
  const english = /[a-z]/.test(rest) ? lexicon.english : [];
  for (const [pattern, terms, literal] of english) {
    // Most keys' first letters are not in a short question: a substring test spares their pattern.
    if (!rest.includes(literal)) continue;
    pattern.lastIndex = 0;
    const found = rest.match(pattern);
    if (found) {
      matches.push({ phrase: found[0], terms });
      rest = rest.replace(pattern, " ");
    }
    pattern.lastIndex = 0;
  }
  // Only the keys whose first character the text has can match (taking a match out leaves a space, which
  // joins nothing new): found through that character, then tried in the lexicon's order, longest first.
  const byFirst = plainByFirst(lexicon);
  const candidates = new Set<number>();
  for (const c of new Set(rest)) for (const k of byFirst.get(c) ?? []) candidates.add(k);
  for (const k of [...candidates].sort((a, b) => a - b)) {
    const [word, terms] = lexicon.plain[k] as readonly [string, string];
    if (rest.includes(word)) {
      matches.push({ phrase: word, terms });
      rest = rest.split(word).join(" ");
    }
  }
  return { matches, rest };
}

/** Each lexicon's plain keys by their first character: positions in `plain`, ascending. */
const plainStarts = new WeakMap<DomainLexicon, Map<string, number[]>>();
function plainByFirst(lexicon: DomainLexicon): Map<string, number[]> {
  let starts = plainStarts.get(lexicon);
  if (!starts) {
    starts = new Map();
    lexicon.plain.forEach(([word], k) => {
      const first = [...word][0] as string;
      const list = starts?.get(first);
      if (list) list.push(k);
      else starts?.set(first, [k]);
    });
    plainStarts.set(lexicon, starts);
  }
  return starts;
}

/**
 * The plans' terms for what a text says in English or everyday Chinese, by the lexicon alone (the
 * index's vocabulary adds the dictionary's bridges).
 */
export function expandTerms(text: string): string[] {
  return lexiconMatches(text, activeLexicon()).matches.map((m) => m.terms);
}
