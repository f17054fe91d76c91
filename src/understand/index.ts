/**
 * Understand once: the raw text of a question → a typed {@link Query}. Cleaning, language,
 * documents, item references, departments, dates, the role asked, the facts a rule needs, the
 * intents, and how a follow-up relates to the previous turn are all read here, and only here.
 */
import { findDepartmentMentions, type Plan } from "../corpus/index.js";
import { describesEntity, extractFacts } from "../rules/index.js";
import type { Coverage, Expansion } from "../search/index.js";
import {
  type AskingWords,
  askedRole,
  askingWords,
  asksForSource,
  documentWords,
  quotedPhrase,
  readDeadlineAsk,
} from "./asking.js";
import { cleanText, isEmptyText } from "./clean.js";
import { namedDocuments } from "./documents.js";
import { readFollowUp } from "./follow-up.js";
import { detectLang } from "./lang.js";
import { findRefs } from "./refs.js";
import type { Context, Intent, Query } from "./schema.js";
import { simplify } from "./simplify.js";

export { askedRole, askingWords, loadAskingWords, readDeadlineAsk } from "./asking.js";
export { cleanText, isEmptyText } from "./clean.js";
export { documentNames, namedDocuments } from "./documents.js";
export { detectLang } from "./lang.js";
export { findRefs } from "./refs.js";
export * from "./schema.js";
export { simplify } from "./simplify.js";

/** What understanding needs from the loaded corpus and its index. */
export interface UnderstandDeps {
  plans: readonly Plan[];
  /** What a text shares with the corpus vocabulary (the search index's coverage). */
  coverage(text: string, options?: { minWordLength?: number; generalWords?: "discount" | "count" }): Coverage;
  /** What a text says in other words, as the plans say it (the index's vocabulary). */
  expand(text: string): Expansion[];
  /** The text with homophone typos repaired against the corpus (the index's vocabulary). */
  repairTypos(text: string): { text: string };
}

/** Longest question read; the rest of a pasted page is cut off. */
export const MAX_QUESTION = 2000;
/** A listing question (department, deadlines, the document) may carry this much further topic. */
export const LISTING_RESIDUE = 2.5;

/** The text with the given words (lower-cased) taken out. */
function without(text: string, words: readonly string[]): string {
  let rest = text.toLowerCase();
  for (const w of words) if (w) rest = rest.split(w.toLowerCase()).join(" ");
  return rest;
}

/**
 * How much topic a question carries beyond what listing questions are made of: document names,
 * department names, dates, the asking and filler words. English words count only through what they
 * mean in the plans' terms.
 */
function residueOf(text: string, removed: readonly string[], deps: UnderstandDeps, w: AskingWords): number {
  // Departments first: a department's name may contain a document's place (铁路商丘分公司).
  const lower = text.toLowerCase();
  const spans = findDepartmentMentions(lower);
  let rest = spans.reduceRight((s, m) => `${s.slice(0, m.start)} ${s.slice(m.end)}`, lower);
  rest = without(rest, removed);
  rest = rest.replace(/\d{4}|\d{1,2}/g, " ").replace(w.listingFiller, " ");
  rest = [rest.replace(/[a-z][a-z'-]*/gi, " "), ...evidence(deps.expand(rest))].join(" ");
  const c = deps.coverage(rest, { minWordLength: 2 }); // a stray 各 or 的 is not a topic
  return c.matchedIdf + c.unmatchedWeight;
}

/** The terms of expansions that are evidence of the plans' topics (see {@link Expansion.topic}). */
function evidence(found: readonly Expansion[]): string[] {
  return found.filter((e) => e.topic).map((e) => e.terms.join(" "));
}

/** An empty Query for input that is not a question. */
function invalidQuery(raw: string, text: string, reason: "empty" | "too_long"): Query {
  return {
    raw,
    text,
    lang: detectLang(text),
    invalid: reason,
    docs: [],
    refs: [],
    phrase: null,
    departments: [],
    role: null,
    deadline: null,
    facts: extractFacts("", "zh"),
    factsText: "",
    intents: [],
    residue: 0,
    expansions: [],
    searchText: "",
    followUp: null,
  };
}

/**
 * Reads one question. `context` is the previous turn of the conversation (null for a first
 * question); a follow-up is read against it, a complete new question ignores it.
 */
export function understand(raw: unknown, deps: UnderstandDeps, context: Context | null = null): Query {
  const input = typeof raw === "string" ? raw : "";
  const text = deps.repairTypos(simplify(cleanText(input))).text;
  if (isEmptyText(text)) return invalidQuery(input, text, "empty");
  const w = askingWords();
  const lang = detectLang(text);
  const cut = text.slice(0, MAX_QUESTION);

  const named = namedDocuments(cut, deps.plans);
  const docNames = named.flatMap((n) => n.words);
  const refs = findRefs(cut);
  const departments = [...new Set(findDepartmentMentions(cut).flatMap((m) => m.names))];
  const deadline = readDeadlineAsk(cut, w);
  const aboutWords = documentWords(cut, w);
  const source = asksForSource(cut, w);
  const phrase = source ? quotedPhrase(cut, w) : null;
  // Asking who or when is not a topic either.
  const asking = [w.whoAsk, w.whenAsk].flatMap((re) => cut.match(new RegExp(re.source, "gi")) ?? []);
  const residue = residueOf(
    cut,
    [...docNames, ...(deadline?.ask.matched ?? []), ...aboutWords, ...asking],
    deps,
    w,
  );

  const intents: Intent[] = [];
  if (refs.length > 0) intents.push("cite");
  if (source && phrase) intents.push("source");
  const listing = residue < LISTING_RESIDUE;
  if (departments.length > 0 && w.departmentAsk.test(cut) && listing) intents.push("department_listing");
  if (deadline?.listing && listing) intents.push("deadline_listing");
  if (aboutWords.length > 0 && listing) intents.push("document");
  if (w.whoAsk.test(cut)) intents.push("who");
  if (w.whenAsk.test(cut)) intents.push("when");

  const found = deps.expand(cut);
  const expansions = [...evidence(found), ...departments];
  // Dictionary translations of English words help ranking; unless the lexicon vouches the word is a
  // topic of the genre, they are no evidence the question is about the plans (every English word
  // translates to something), so they stay out of `expansions`.
  const translations = found.filter((e) => !e.topic).map((e) => e.terms.join(" "));
  const searchText = [without(cut, docNames), ...expansions, ...translations].join(" ");
  const query: Query = {
    raw: input,
    text,
    lang,
    invalid: null,
    docs: named.map((n) => n.doc),
    refs,
    phrase,
    departments,
    role: askedRole(cut, w),
    deadline: deadline?.ask ?? null,
    factsText: cut,
    facts: extractFacts(cut, lang),
    intents,
    residue,
    expansions,
    searchText,
    followUp: null,
  };
  const followUp = context ? readFollowUp(query, context, deps) : null;
  const merged = followUp ? followUp.query : query;
  const facts = merged.facts;
  if (!source && (facts.asks || describesEntity(facts))) merged.intents.push("check");
  if (merged.intents.length === 0 || !merged.intents.some((i) => i !== "who" && i !== "when"))
    merged.intents.push("topic");
  return merged;
}
