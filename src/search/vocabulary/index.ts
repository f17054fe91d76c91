/**
 * The vocabulary: what bridges the words people use to the words the documents use. Sources:
 * the genre's lexicon (data/lexicon.yaml), CC-CEDICT (English, near-synonyms; compacted at install
 * time) and pinyin (typo repair); see {@link Vocabulary}.
 */
export { type Bridges, BridgeTable, bestTargets, encodeBridges } from "./bridges.js";
export { type Cedict, type CedictEntry, cedictPath, cedictStamp, readCedict } from "./cedict.js";
export { buildEnglishBridges, type EnglishMatch, englishMatches } from "./english.js";
export { buildGlossedBridges } from "./glossed.js";
export { contentWords, lemmas, phraseKey, senseKey, senseKeysOf, stem } from "./glosses.js";
export { KEY_FULL, KEY_NONE, keyFactor, keynessOf } from "./keyness.js";
export {
  activeLexicon,
  type DomainLexicon,
  EMPTY_LEXICON,
  expandTerms,
  LexiconFile,
  type LexiconMatch,
  lexiconMatches,
  loadLexicon,
} from "./lexicon.js";
export { primaryReading, SoundIndex, syllablesOf } from "./pinyin.js";
export { activeSources, VOCABULARY_SOURCES, type VocabularySource, vocabularySources } from "./sources.js";
export { buildSynonymBridges } from "./synonyms.js";
export {
  MIN_REPAIR_CONFIDENCE,
  oneLetterApart,
  type Repair,
  type Repaired,
  soundAlikeWords,
  TypoRepairer,
} from "./typos.js";
export {
  BRIDGE_WEIGHT,
  buildVocabularyData,
  type Expansion,
  serializeVocabulary,
  Vocabulary,
  type VocabularyCorpus,
  type VocabularyData,
  VocabularyFile,
} from "./vocabulary.js";
