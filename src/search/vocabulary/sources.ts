/**
 * Which vocabulary sources are on. All are by default; `POLICY_BOT_VOCABULARY` (a comma-separated
 * list of source names, or `none`) turns some off, so their contribution can be measured one by one.
 */

/** The sources that bridge a question's words to the documents' words. */
export const VOCABULARY_SOURCES = ["lexicon", "english", "synonyms", "pinyin"] as const;

/**
 * One source: `lexicon` the genre's terms (data/lexicon.yaml: segmenter words, colloquial and
 * English phrasings), `english` English words carried into the corpus's Chinese by CC-CEDICT's
 * glosses, `synonyms` Chinese words the corpus lacks bridged to its words through shared glosses,
 * `pinyin` homophone typos repaired against the corpus.
 */
export type VocabularySource = (typeof VOCABULARY_SOURCES)[number];

/** The sources named by a setting (default: the environment's `POLICY_BOT_VOCABULARY`, else all). */
export function vocabularySources(
  setting: string | undefined = process.env.POLICY_BOT_VOCABULARY,
): ReadonlySet<VocabularySource> {
  if (setting === undefined || setting.trim() === "") return new Set(VOCABULARY_SOURCES);
  const named = setting
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "" && s !== "none");
  const unknown = named.filter((s) => !(VOCABULARY_SOURCES as readonly string[]).includes(s));
  if (unknown.length > 0)
    throw new Error(
      `POLICY_BOT_VOCABULARY: unknown source ${unknown.join(", ")} (known: ${VOCABULARY_SOURCES.join(", ")}, none)`,
    );
  return new Set(named as VocabularySource[]);
}

let active: ReadonlySet<VocabularySource> | undefined;

/** The sources this process uses (read once from the environment). */
export function activeSources(): ReadonlySet<VocabularySource> {
  active ??= vocabularySources();
  return active;
}
