/**
 * `answer(question)`: the product's one entry. Resolves a question to cited items — by citation,
 * department, deadline or hybrid retrieval — and composes the Response from the items' own text.
 */

import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { todayIso } from "../corpus/deadlines.js";
import { findDepartmentMentions } from "../corpus/departments.js";
import { type Corpus, loadCorpus } from "../corpus/index.js";
import type { IsoDate, Item, Plan, Role } from "../corpus/schema.js";
import {
  asksObligation,
  evaluateQuestion,
  extractFacts,
  type GuidedCheck,
  guidedChecks,
  loadRuleBooks,
  overallOutcome,
  type QuestionFacts,
  type RuleBook,
  type Verdict,
} from "../rules/index.js";
import {
  type NormalizedQuery,
  normalizeQuery,
  resolveCitation,
  type SearchHit,
  SearchIndex,
} from "../search/index.js";
import { expandTerms } from "../search/lexicon.js";
import { cleanText, isEmptyQuestion, simplify } from "../search/normalize.js";
import { lexicalTerms } from "../search/tokenize.js";
import type { DeadlineFilter, DepartmentListing, Engine } from "./engine.js";
import {
  askedRole,
  asksDepartmentTasks,
  asksForSource,
  documentQuestionWords,
  LISTING_FILLER,
  parseDeadlineQuery,
  plansNamed,
  quotedPhrase,
} from "./intent.js";
import { bestQuote, headQuote } from "./quote.js";
import {
  aboutText,
  deadlineListingText,
  deadlineText,
  departmentListingText,
  invalidInputText,
  itemBlock,
  missingItemText,
  noDeadlinesText,
  notCoveredText,
  planName,
} from "./render.js";
import { type Citation, type Lang, Response } from "./schema.js";

export type { DeadlineFilter, DepartmentListing, Engine } from "./engine.js";
export { Citation, Response } from "./schema.js";

/** Below this much matched IDF a question shares too little with the plans to be answered. */
export const MIN_COVERAGE = 2;
/** The same bar for English questions, whose plan terms all come from the lexicon. */
export const MIN_COVERAGE_EN = 1.5;
/** …unless the best item is at least this similar to the question. */
export const MIN_SIMILARITY = 0.3;
/** A department or deadline question may carry this much further topic and still be a listing. */
const LISTING_RESIDUE = 2.5;
/** Further citations are kept while they score at least this share of the first. */
const RELATED_SHARE = 0.7;

/** Options for {@link createEngine}. */
export interface EngineOptions {
  /** Folder of the documents; defaults to the project's corpus/. */
  corpusDir?: string;
  /** Folder for the index cache; defaults to the project's .cache/. */
  cacheDir?: string;
  /** The clock deciding whether deadlines have passed; injectable for tests. */
  now?: () => Date;
}

/** The project root: the nearest folder up from this module with package.json and corpus/. */
function projectRoot(): string {
  const isRoot = (d: string) => existsSync(join(d, "package.json")) && existsSync(join(d, "corpus"));
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!isRoot(dir) && dirname(dir) !== dir) dir = dirname(dir);
  return isRoot(dir) ? dir : process.cwd();
}

/** Loads the corpus and its index (from cache when fresh) and returns the engine. */
export async function createEngine(
  options: EngineOptions = {},
): Promise<Engine & { readonly index: SearchIndex }> {
  const root = projectRoot();
  const now = options.now ?? (() => new Date());
  const corpusDir = resolve(options.corpusDir ?? join(root, "corpus"));
  const corpus = loadCorpus(corpusDir);
  const index = await SearchIndex.open(corpus, {
    cacheDir: resolve(options.cacheDir ?? join(root, ".cache")),
  });
  const rules = loadRuleBooks(corpusDir, corpus.plans);
  for (const w of rules.warnings) console.warn(`rules: ${w.file}: ${w.reason}`);
  return new PolicyEngine(corpus, index, now, rules.books);
}

let shared: Promise<Engine> | undefined;

/** Answers with the shared default engine (created on first use). */
export async function answer(question: string): Promise<Response> {
  shared ??= createEngine();
  return (await shared).answer(question);
}

class PolicyEngine implements Engine {
  readonly plans: readonly Plan[];

  constructor(
    corpus: Corpus,
    readonly index: SearchIndex,
    private readonly now: () => Date,
    private readonly books: ReadonlyMap<string, RuleBook> = new Map(),
  ) {
    this.plans = corpus.plans;
  }

  guidedChecks(): GuidedCheck[] {
    return this.plans.flatMap((p) => {
      const book = this.books.get(p.doc);
      return book ? guidedChecks(book) : [];
    });
  }

  today(): IsoDate {
    return todayIso(this.now());
  }

  findItem(ref: string): Item | null {
    const text = simplify(cleanText(ref));
    const match = resolveCitation(text, plansNamed(text, this.plans) ?? this.plans);
    return match?.kind === "item" ? match.item : null;
  }

  related(item: Item, limit = 3): Item[] {
    return this.index.related(item, limit);
  }

  departmentItems(nameOrAlias: string): DepartmentListing | null {
    const names = [
      ...new Set(findDepartmentMentions(simplify(cleanText(nameOrAlias))).flatMap((m) => m.names)),
    ];
    if (names.length === 0) return null;
    const entries: DepartmentListing["entries"] = [];
    for (const plan of this.plans) {
      for (const item of plan.items) {
        for (const name of names) {
          const own = item.departments.find((d) => d.name === name);
          const note = item.standingNote?.departments.find((d) => d.name === name);
          if (own) entries.push({ item, department: name, role: own.role, viaStandingNote: false });
          else if (note) entries.push({ item, department: name, role: note.role, viaStandingNote: true });
        }
      }
    }
    return { departments: names, entries };
  }

  deadlineItems(filter: DeadlineFilter = {}): Array<{ item: Item; deadline: Item["deadlines"][number] }> {
    const today = this.today();
    const plan = this.plans[0] as Plan;
    return plan.items
      .flatMap((item) =>
        item.deadlines.map((deadline) => ({
          item,
          deadline: { ...deadline, passed: deadline.date < today },
        })),
      )
      .filter(({ deadline }) => {
        if (filter.date && deadline.date !== filter.date) return false;
        if (filter.year && !deadline.date.startsWith(String(filter.year))) return false;
        if (filter.state === "passed" && !deadline.passed) return false;
        if (filter.state === "open" && deadline.passed) return false;
        return true;
      })
      .sort((a, b) => a.deadline.date.localeCompare(b.deadline.date));
  }

  async search(query: string, limit = 10): Promise<Citation[]> {
    const q = normalizeQuery(query);
    if (isEmptyQuestion(q.text)) return [];
    const cited = this.findItem(q.text);
    if (cited) return [this.citation(cited, headQuote(cited), 1)];
    const hits = this.retrieve(q, limit);
    if (!this.covers(q, hits[0])) return [];
    return hits.map((h) => this.citation(h.item, this.quote(h.item, q), h.score));
  }

  async answer(question: string): Promise<Response> {
    const raw = typeof question === "string" ? question : "";
    const q = normalizeQuery(raw);
    const response = (status: Response["status"], lang: Lang, answer: string, citations: Citation[] = []) =>
      Response.parse({ query: raw, status, lang, answer, citations, check: null });

    if (isEmptyQuestion(q.text)) return response("invalid_input", q.lang, invalidInputText(q.lang));
    const lang = q.lang;
    const today = this.today();
    const scope = plansNamed(q.text, this.plans);

    // 1. Rules decide an obligation question (each thing it describes); the deciding item leads.
    const primary = this.plans[0] as Plan;
    const facts = extractFacts(q.text, lang);
    const ruled = asksForSource(q.text) || !asksObligation(facts) ? null : this.verdicts(facts, scope);
    if (ruled) {
      const { plan, verdicts } = ruled;
      const outcome = overallOutcome(verdicts);
      const lead = verdicts.find((v) => v.check.outcome === outcome) ?? (verdicts[0] as Verdict);
      const others = verdicts.filter((v) => v !== lead);
      const itemOf = (id: string) => plan.items.find((i) => i.id === id) as Item;
      const item = itemOf(lead.itemId);
      // The other verdicts' items (once each), then items both rankers put near the top.
      const cited = [
        ...new Map(others.filter((v) => v.itemId !== item.id).map((v) => [v.itemId, v])).values(),
      ];
      const near = (rank: number | null) => rank !== null && rank <= 3;
      const related = this.retrieve(q, 5).filter(
        (h) =>
          h.item !== item &&
          !cited.some((v) => v.itemId === h.item.id) &&
          near(h.vectorRank) &&
          near(h.lexicalRank),
      );
      const citations = [
        this.citation(item, lead.phrase, 1),
        ...cited.map((v) => this.citation(itemOf(v.itemId), v.phrase, 0.9)),
        ...related.slice(0, 2).map((h) => this.citation(h.item, this.quote(h.item, q), round(h.score))),
      ];
      // One verdict: verdict and explanation; several: one line per thing the question describes.
      const said = (v: Verdict) => [v.verdict[lang], v.check.explanation].filter((t) => t.length > 0);
      const texts =
        verdicts.length === 1
          ? said(lead)
          : [lead, ...others].map(
              (v) =>
                `${v.check.subject ?? v.check.rule}${lang === "zh" ? "：" : ": "}${said(v).join(lang === "zh" ? "" : " ")}`,
            );
      if (lead.deadline && item.deadlines.length > 1) {
        // The item has several deadlines; say which one this case falls under.
        const which = deadlineText({ ...lead.deadline, passed: lead.deadline.date < today }, lang);
        texts.push(lang === "zh" ? `适用的期限：${which}` : `The deadline that applies: ${which}`);
      }
      return { ...this.itemAnswer(raw, lang, citations, texts), check: lead.check };
    }

    // 2. A citation names its item directly.
    const match = resolveCitation(q.text, scope ?? this.plans);
    if (match?.kind === "item") {
      const quote =
        q.text.replace(match.written, "").trim().length > 1
          ? this.quote(match.item, q)
          : headQuote(match.item);
      return this.itemAnswer(raw, lang, [this.citation(match.item, quote, 1)]);
    }
    if (match?.kind === "missing") {
      return response("not_covered", lang, missingItemText(match.written, match.plan, match.section, lang));
    }

    // 2b. "X出自哪条": the items that contain X verbatim (quotation marks aside), best ranked first.
    const phrase = asksForSource(q.text) ? quotedPhrase(q.text) : null;
    if (phrase) {
      const bare = (t: string) => t.replace(/[“”"'‘’「」『』]/g, "");
      const holders = (scope ?? this.plans).flatMap((p) =>
        p.items.filter((i) => bare(i.text).includes(bare(phrase))),
      );
      if (holders.length > 0) {
        const ranked = this.retrieve(q, 20).map((h) => h.item);
        const rank = (i: Item) => (ranked.includes(i) ? ranked.indexOf(i) : ranked.length);
        const [best] = [...holders].sort((a, b) => rank(a) - rank(b));
        return this.itemAnswer(raw, lang, [this.citation(best as Item, this.quote(best as Item, q), 1)]);
      }
    }

    // 3. A department's tasks, when the question asks little else.
    if (asksDepartmentTasks(q.text, q.departments) && this.residue(q.text, true) < LISTING_RESIDUE) {
      const listing = this.departmentItems(q.text);
      if (listing && listing.entries.length > 0) {
        const focus = askedRole(q.text);
        const score = (role: Role) =>
          role === focus ? 1.1 : { lead: 1, responsible: 0.9, support: 0.8 }[role];
        const citations = listing.entries
          .map((e) => this.citation(e.item, headQuote(e.item), score(e.role)))
          .sort((a, b) => b.score - a.score); // stable: document order within a role
        return response("answered", lang, departmentListingText(listing, lang, focus), citations);
      }
    }

    // 4. A deadline timeline.
    const deadlineQuery = parseDeadlineQuery(q.text);
    if (deadlineQuery && this.residue(q.text, false, deadlineQuery.matched) < LISTING_RESIDUE) {
      let entries = this.deadlineItems(deadlineQuery.filter);
      if (deadlineQuery.heatingSeason) entries = entries.filter((e) => e.deadline.approximate);
      const describe = describeFilter(deadlineQuery.filter, deadlineQuery.heatingSeason, lang);
      if (entries.length > 0) {
        const citations = entries.map((e) => this.citation(e.item, e.deadline.sentence, 1));
        return response(
          "answered",
          lang,
          deadlineListingText(entries, describe, today, lang),
          dedupe(citations),
        );
      }
      if (deadlineQuery.filter.state === "open") {
        // A true answer, not a miss: by today every deadline of the plan has passed.
        return response("answered", lang, noDeadlinesText(describe, today, lang));
      }
    }

    // 5. The document itself: who issued it, when, under which numbers.
    const aboutWords = documentQuestionWords(q.text);
    if (aboutWords.length > 0 && this.residue(q.text, false, aboutWords) < LISTING_RESIDUE) {
      const plan = scope?.[0] ?? primary;
      return response("answered", lang, aboutText(plan, lang));
    }

    // 6. Hybrid retrieval, or not covered.
    const hits = this.retrieve(q, 5);
    const top = hits[0];
    if (!top || !this.covers(q, top)) return response("not_covered", lang, notCoveredText(lang, this.plans));
    const kept = hits.filter((h, i) => i === 0 || h.score >= top.score * RELATED_SHARE).slice(0, 3);
    return this.itemAnswer(
      raw,
      lang,
      kept.map((h) => this.citation(h.item, this.quote(h.item, q), round(h.score / top.score))),
    );
  }

  /** The verdicts of the first plan in scope whose rules are about the question, or null. */
  private verdicts(facts: QuestionFacts, scope: readonly Plan[] | null) {
    for (const plan of scope ?? this.plans) {
      const book = this.books.get(plan.doc);
      const verdicts = book ? evaluateQuestion(facts, book, plan) : [];
      if (verdicts.length > 0) return { plan, verdicts };
    }
    return null;
  }

  /** Fused search within the plans the question names, with plan names taken out of the query. */
  private retrieve(q: NormalizedQuery, limit: number): SearchHit[] {
    const scope = plansNamed(q.text, this.plans);
    const searchText = this.withoutPlanNames(q.searchText);
    return this.index.search({ ...q, searchText }, { limit, plans: scope ?? undefined });
  }

  /** The text with the plans' titles and issuers taken out: naming a plan is not a topic. */
  private withoutPlanNames(text: string): string {
    let rest = text;
    for (const p of this.plans) {
      for (const name of [p.meta.title, p.meta.planTitle, p.meta.issuer, p.meta.docNumber ?? ""]) {
        if (name) rest = rest.split(name).join(" ");
      }
    }
    return rest;
  }

  /**
   * Whether the plans cover a question. Chinese: the words it shares with the corpus must outweigh
   * the words it does not (明天 + 天气 is not about the plan). English: its words must map to plan
   * terms (the lexicon), to latin terms the plan uses (VOCs, PM2.5) or to Chinese it quotes.
   */
  private covers(q: NormalizedQuery, top: SearchHit | undefined): boolean {
    if (!top) return false;
    if (q.lang === "en") {
      const own = q.text.match(/[a-z][a-z0-9.]*[a-z0-9]|[\u4e00-\u9fff]+/gi) ?? [];
      const c = this.index.coverage([...q.expansions, ...own].join(" "));
      // English words reach the plan only through the lexicon, so one mapped term (target → 目标) is
      // evidence enough; words it cannot map do not count against the question.
      return c.matchedIdf >= MIN_COVERAGE_EN;
    }
    const c = this.index.coverage(q.searchText, { generalWords: "discount" });
    if (c.matchedIdf < MIN_COVERAGE && top.similarity < MIN_SIMILARITY) return false;
    // Two independent rankers agreeing on the same item is evidence the chatter around it
    // (下午开会要用：…) does not outweigh.
    const agreed = top.vectorRank === 1 && top.lexicalRank === 1;
    return c.matchedIdf > c.unmatchedWeight || (agreed && c.matchedIdf >= MIN_COVERAGE);
  }

  /** How much topic a listing question carries beyond the department, date and filler words. */
  private residue(text: string, dropDepartments: boolean, extra: readonly string[] = []): number {
    let rest = this.withoutPlanNames(text);
    if (dropDepartments) {
      const folded = rest.toLowerCase();
      const spans = findDepartmentMentions(folded);
      rest = spans.reduceRight((s, m) => `${s.slice(0, m.start)} ${s.slice(m.end)}`, folded);
    }
    for (const e of extra) rest = rest.split(e).join(" ");
    rest = rest.replace(/\d{4}|\d{1,2}/g, " ").replace(LISTING_FILLER, " ");
    // English words say nothing to a Chinese corpus: what they mean in plan terms is what counts.
    rest = [rest.replace(/[a-z][a-z'-]*/gi, " "), ...expandTerms(rest)].join(" ");
    const c = this.index.coverage(rest, { minWordLength: 2 }); // a stray 各 or 的 is not a topic
    return c.matchedIdf + c.unmatchedWeight; // 驾驶证到期 is about something else
  }

  private quote(item: Item, q: NormalizedQuery): string {
    const terms = new Set(lexicalTerms(q.searchText));
    return bestQuote(item, (t) => this.index.idf(t), terms, lexicalTerms);
  }

  private citation(item: Item, quote: string, score: number): Citation {
    const today = this.today();
    return {
      doc: item.doc,
      id: item.id,
      label: item.label,
      title: item.title,
      quote,
      score,
      departments: item.departments.map(({ name, role }) => ({ name, role })),
      deadlines: item.deadlines.map(({ text, date }) => ({ text, date, passed: date < today })),
    };
  }

  private itemAnswer(query: string, lang: Lang, citations: Citation[], lead: string[] = []): Response {
    const today = this.today();
    const [first, ...rest] = citations as [Citation, ...Citation[]];
    const item = this.itemFor(first);
    const parts = [...lead, itemBlock(first, item, this.index.plan(item), lang, today)];
    if (rest.length > 0) {
      // An item of another plan than the first one's says which plan it is from.
      const from = (c: Citation) => {
        const plan = this.plans.find((p) => p.doc === c.doc) as Plan;
        return c.doc === first.doc
          ? ""
          : lang === "zh"
            ? `（${planName(plan, lang)}）`
            : ` (${planName(plan, lang)})`;
      };
      const seeAlso = rest.map((c) => `${c.label} ${c.title}${from(c)}`).join(lang === "zh" ? "；" : "; ");
      parts.push(lang === "zh" ? `相关条款：${seeAlso}` : `Related items: ${seeAlso}`);
    }
    return Response.parse({
      query,
      status: "answered",
      lang,
      answer: parts.join("\n\n"),
      citations,
      check: null,
    });
  }

  private itemFor(c: Citation): Item {
    const plan = this.plans.find((p) => p.doc === c.doc) as Plan;
    return plan.items.find((i) => i.id === c.id) as Item;
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** One citation per item, first occurrence kept. */
function dedupe(citations: Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = `${c.doc}#${c.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "2024年年底前" / "due by 2024-12-31" for the timeline heading. */
function describeFilter(filter: DeadlineFilter, heatingSeason: boolean, lang: Lang): string {
  const parts: string[] = [];
  if (lang === "zh") {
    if (heatingSeason) parts.push(filter.date ? `${filter.date.slice(0, 4)}年采暖季前` : "采暖季前");
    else if (filter.date) parts.push(`期限为${filter.date}`);
    else if (filter.year) parts.push(`${filter.year}年到期`);
    if (filter.state === "passed") parts.push("已过期");
    if (filter.state === "open") parts.push("尚未到期");
    return parts.join("、") || "有期限";
  }
  if (heatingSeason) parts.push("due before the heating season");
  else if (filter.date) parts.push(`due by ${filter.date}`);
  else if (filter.year) parts.push(`due in ${filter.year}`);
  if (filter.state === "passed") parts.push("already overdue");
  if (filter.state === "open") parts.push("still open");
  return parts.join(", ") || "with deadlines";
}
