/**
 * The product's pure core, assembled: the loaded documents, their index and rules, and one question's
 * straight way through — understand → resolve → render. Every channel (CLI, terminal, Telegram, web,
 * API, MCP, work chat) is a thin adapter over an {@link Engine}; nothing here knows about any of them.
 */
import { resolve as resolvePath } from "node:path";
import {
  type Citation,
  type CoverageFeatures,
  citeItem,
  coverageFeatures,
  covers,
  type DeadlineListingPayload,
  type DepartmentListingPayload,
  type DocumentInfo,
  deadlineListing,
  departmentListing,
  documentInfo,
  headQuote,
  type ItemLink,
  itemLink,
  quoteFor,
  type ResolveDeps,
  type Response,
  resolve,
  retrieve,
  route,
  topic,
} from "../answer/index.js";
import {
  type CorpusWarning,
  type IsoDate,
  type Item,
  implementsPlan,
  loadCorpus,
  type Plan,
  projectPaths,
  todayIso,
} from "../corpus/index.js";
import { renderText } from "../render/index.js";
import {
  evaluateQuestion,
  extractFacts,
  type GuidedCheck,
  guidedChecks,
  loadRuleBooks,
  placeSpans,
  type RuleBook,
} from "../rules/index.js";
import { SearchIndex } from "../search/index.js";
import {
  askingWords,
  type Context,
  type Lang,
  leanOnPrevious,
  pointsBack,
  type Query,
  type UnderstandDeps,
  understand,
} from "../understand/index.js";

export type { Context, GuidedCheck, Response };

/** Options for {@link Engine.answer}. */
export interface AnswerOptions {
  /** The previous turn of the conversation (its Response's `context`); a follow-up is read against it. */
  context?: Context | null;
}

/** A deadline filter for listings outside a question (the API, the bot's /deadlines). */
export interface DeadlineFilter {
  year?: number;
  state?: "passed" | "open";
  /** Only this document. */
  doc?: string;
}

/** Everything the channels may ask of the product. */
export interface Engine {
  /** Answers one question. Never throws for any input; bad input gets kind "invalid_input". */
  answer(question: string, options?: AnswerOptions): Promise<Response>;
  /** How a question is understood (the first stage of `answer`): for diagnostics and baselines. */
  understand(question: string, options?: AnswerOptions): Query;
  /**
   * What the not-covered decision weighs for a question that reaches retrieval (null for one another
   * kind of answer takes): for calibrating it (`npm run calibrate`).
   */
  coverageOf(question: string, options?: AnswerOptions): CoverageFeatures | null;
  /** The loaded documents, in file-name order (none is privileged by it). */
  readonly plans: readonly Plan[];
  /** Documents that could not be loaded, and why. */
  readonly warnings: readonly CorpusWarning[];
  /** Metadata of every loaded document, the most specific first. */
  documents(lang?: Lang): DocumentInfo[];
  /** One item of one document as a citation (its head quote), or null. */
  item(doc: string, id: string, lang?: Lang): Citation | null;
  /** Resolves a reference as people write it (六(五), 6.5, a place and 六(五)) to its item, or null when none or several. */
  findItem(ref: string, lang?: Lang): Citation | null;
  /** Items of the same document closest to an item. */
  related(doc: string, id: string, limit?: number, lang?: Lang): ItemLink[];
  /** A department's items (by any name or alias, Chinese or English), grouped by document; null for an unknown name. */
  departmentTasks(name: string, options?: { doc?: string; lang?: Lang }): DepartmentListingPayload | null;
  /** Deadlines matching a filter, grouped by document, in date order. */
  deadlines(filter?: DeadlineFilter, lang?: Lang): DeadlineListingPayload;
  /** Ranked citations for a short query (inline search); empty when nothing matches. */
  search(query: string, limit?: number): Promise<Citation[]>;
  /**
   * The guided obligation checks (a /check dialog or a web form): the facts each rule needs, asked
   * one at a time, and the question they make, which `answer` then judges.
   */
  guidedChecks(): readonly GuidedCheck[];
  /** Today by the engine's clock: decides whether deadlines have passed. */
  today(): IsoDate;
}

/** Options for {@link createEngine}. */
export interface EngineOptions {
  /** Folder of the documents; defaults to the project's corpus/. */
  corpusDir?: string;
  /** Further folders of documents loaded beside it (evaluation sets of other documents). */
  extraCorpusDirs?: readonly string[];
  /** Folder of the genre's data files; defaults to the project's data/. */
  dataDir?: string;
  /** Folder for the index cache; defaults to the project's .cache/. */
  cacheDir?: string;
  /** The clock deciding whether deadlines have passed; injectable for tests. */
  now?: () => Date;
  /** Told about each document that could not be loaded (default: a line on stderr). */
  onWarning?: (warning: CorpusWarning) => void;
  /**
   * The deployment's own documents (ids): a question that names no document is answered from them
   * and the plans they implement first, and from all documents only when they do not cover it. A
   * county office that loads its neighbours' plans for reference sets its own here. Default: none —
   * every document is equal (`DEFAULT_DOCUMENTS` in the environment, comma-separated, sets it for `npm start`).
   */
  home?: readonly string[];
}

/**
 * Loads the corpus (each document on its own; one that fails is skipped with a warning), its index
 * (from the cache when fresh) and its rules, and returns the engine.
 */
export async function createEngine(
  options: EngineOptions = {},
): Promise<Engine & { readonly index: SearchIndex }> {
  const paths = projectPaths();
  const now = options.now ?? (() => new Date());
  const dirs = [options.corpusDir ?? paths.corpus, ...(options.extraCorpusDirs ?? [])].map((d) =>
    resolvePath(d),
  );
  const cacheDir = resolvePath(options.cacheDir ?? paths.cache);
  const corpus = loadCorpus(dirs, { dataDir: resolvePath(options.dataDir ?? paths.data), cacheDir });
  const warn =
    options.onWarning ?? ((w) => process.stderr.write(`warning: ${w.file} not loaded: ${w.reason}\n`));
  // Each folder's rules files bind to the documents of that folder; one that does not bind is skipped.
  const books = new Map<string, RuleBook>();
  const warnings = [...corpus.warnings];
  for (const dir of dirs) {
    const loaded = loadRuleBooks(dir, corpus.plans);
    for (const [doc, book] of loaded.books) books.set(doc, book);
    warnings.push(...loaded.warnings);
  }
  for (const w of warnings) warn(w);
  const index = await SearchIndex.open(corpus, { cacheDir });
  const home = (options.home ?? []).filter((doc) => corpus.plans.some((p) => p.doc === doc));
  for (const doc of options.home ?? [])
    if (!home.includes(doc)) warn({ file: doc, reason: "a default document that is not loaded" });
  const homeScope = corpus.plans
    .filter(
      (p) => home.includes(p.doc) || corpus.plans.some((l) => home.includes(l.doc) && implementsPlan(l, p)),
    )
    .map((p) => p.doc);
  return new PolicyEngine(corpus.plans, warnings, index, now, corpus.genre, books, homeScope);
}

/** Shortest run of characters a question must share with an item's text to be speaking of that item's words. */
const SHARED_PHRASE = 4;

/** Whether a question repeats a run of at least {@link SHARED_PHRASE} Chinese characters of a text (资金奖补). */
function sharesPhrase(question: string, text: string): boolean {
  for (const run of question.match(/\p{Script=Han}+/gu) ?? [])
    for (let at = 0; at + SHARED_PHRASE <= run.length; at++)
      if (text.includes(run.slice(at, at + SHARED_PHRASE))) return true;
  return false;
}

let shared: Promise<Engine> | undefined;

/** Answers with the shared default engine (created on first use). */
export async function answer(question: string, options?: AnswerOptions): Promise<Response> {
  shared ??= createEngine();
  return (await shared).answer(question, options);
}

class PolicyEngine implements Engine {
  private readonly understandDeps: UnderstandDeps;

  constructor(
    readonly plans: readonly Plan[],
    readonly warnings: readonly CorpusWarning[],
    readonly index: SearchIndex,
    private readonly now: () => Date,
    { levelWords, topicalLevelWords }: Pick<UnderstandDeps, "levelWords" | "topicalLevelWords">,
    private readonly books: ReadonlyMap<string, RuleBook>,
    /** The default documents and the plans they implement; empty when every document is equal. */
    private readonly home: readonly string[],
  ) {
    this.understandDeps = {
      plans,
      levelWords,
      topicalLevelWords,
      coverage: (text, o) => index.coverage(text, o),
      expand: (text) => index.vocabulary.expand(text),
      repairTypos: (text) => index.vocabulary.repairTypos(text),
      isGenreTerm: (word) => index.vocabulary.isGenreTerm(word),
      places: (text) => placeSpans(books.values(), text),
    };
  }

  today(): IsoDate {
    return todayIso(this.now());
  }

  private deps(): ResolveDeps {
    const today = this.today();
    return {
      plans: this.plans,
      index: this.index,
      today,
      rules: (query, plan) => {
        const book = this.books.get(plan.doc);
        if (!book) return [];
        const previous = query.followUp?.kind === "facts" ? query.followUp.context.items : [];
        const items = new Set(previous.filter((i) => i.doc === plan.doc).map((i) => i.id));
        const leading = previous[0]?.doc === plan.doc ? previous[0].id : null;
        const own = query.followUp?.kind === "facts" ? extractFacts(query.text, query.lang) : null;
        return evaluateQuestion(query.facts, book, plan, items, leading, query.followUp?.again ?? false, own);
      },
    };
  }

  understand(question: string, options: AnswerOptions = {}): Query {
    return understand(question, this.understandDeps, options.context ?? null);
  }

  coverageOf(question: string, options: AnswerOptions = {}): CoverageFeatures | null {
    const understood = understand(question, this.understandDeps, options.context ?? null);
    const query =
      understood.docs.length === 0 && this.home.length > 0
        ? { ...understood, docs: [...this.home] }
        : understood;
    const deps = this.deps();
    for (const handler of route(query)) {
      if (handler === topic) break;
      if (handler(query, deps)) return null;
    }
    const top = retrieve(this.index, query, 5)[0];
    return top ? coverageFeatures(this.index, query, top) : null;
  }

  async answer(question: string, options: AnswerOptions = {}): Promise<Response> {
    const query = understand(question, this.understandDeps, options.context ?? null);
    const deps = this.deps();
    // The turn the question leans on: the last answer, or the one before it when it turns back to that.
    const conversation = query.followUp?.context ?? options.context;
    // A question naming no document is first asked of the conversation's documents (when must the
    // old trucks go, after a question about one county's plan), else of the default ones.
    const scope = query.docs.length === 0 ? (conversationScope(query, conversation) ?? this.home) : [];
    const scoped = scope.length > 0 ? { ...query, docs: [...scope] } : query;
    let resolved = resolve(scoped, deps);
    // The conversation's or the default documents do not cover it: every document is asked — unless it is
    // a short question whose best match there is the item just answered (充电桩要什么时候建完, after that
    // county's item on new-energy vehicles): it asks about that item, however many other plans could answer.
    if (scope.length > 0 && resolved.kind === "not_covered")
      resolved = this.onPreviousItem(scoped, query, conversation) ?? resolve(query, deps);
    // So is a short question read as leaning on the conversation that its documents do not cover.
    if (resolved.kind === "not_covered" && query.followUp?.kind === "aspect")
      resolved = this.onPreviousItem(query, query, conversation) ?? resolved;
    // Read as a follow-up on another document's topic it finds nothing: it may stand on its own — unless
    // it points back at what was asked (它们在哪几个镇), or turned back to it (回到市里的，这个试点…).
    if (
      resolved.kind === "not_covered" &&
      (query.followUp?.kind === "topic" || query.followUp?.kind === "aspect") &&
      !pointsBack(query) &&
      conversation === options.context
    ) {
      const alone = resolve(understand(question, this.understandDeps, null), deps);
      if (alone.kind !== "not_covered") resolved = alone;
    }
    // A short question not covered alone, right after an answer, is about that answer's items.
    const leaning =
      resolved.kind === "not_covered"
        ? leanOnPrevious(query, conversation ?? null, false, this.previousGive(query, conversation))
        : null;
    if (leaning) resolved = resolve(leaning, deps);
    // A question not covered leaves the conversation where it was: "这条谁负责" after it still means
    // the last item answered.
    if (resolved.kind === "not_covered" && options.context)
      resolved = { ...resolved, context: options.context };
    // …and an answer remembers the turn before it, which a later question may turn back to.
    else if (resolved.context && options.context) {
      const { earlier: _, ...before } = options.context;
      resolved = { ...resolved, context: { ...resolved.context, earlier: before } };
    }
    // The types guarantee the shape; the tests parse every Response against the schema.
    return { ...resolved, answer: renderText(resolved) };
  }

  /**
   * The previous answer's items asked again, when a short question whose best match in `scoped`'s documents is
   * one of them leans on the conversation; null when it does not.
   */
  private onPreviousItem(
    scoped: Query,
    query: Query,
    context: Context | null | undefined,
  ): ReturnType<typeof resolve> | null {
    // (Searched only for a question that could lean at all, a shared phrase allowing it most.)
    const gives = this.previousGive(query, context);
    const loose = leanOnPrevious(query, context ?? null, true, gives);
    if (!loose) return null;
    const top = retrieve(this.index, scoped, 1)[0];
    const previous = context?.items ?? [];
    if (!top || !previous.some((i) => i.doc === top.item.doc && i.id === top.item.id)) return null;
    const leaning = sharesPhrase(query.text, top.item.text)
      ? loose
      : leanOnPrevious(query, context ?? null, false, gives);
    return leaning ? resolve(leaning, this.deps()) : null;
  }

  /**
   * Whether the previous answer's first item gives the kind of answer a question asks for (还有奖补吗 after
   * the item granting it): what it is of is that item's topic, so the words beside it need not be the turn's.
   */
  private previousGive(query: Query, context: Context | null | undefined): boolean {
    const [first] = context?.items ?? [];
    const item = first ? this.find(first.doc, first.id) : null;
    if (query.asksFor.length === 0 || !item) return false;
    const types = askingWords().answerTypes;
    return query.asksFor.every((name) => types[name]?.evidence(query.measure).test(item.text) ?? true);
  }

  documents(lang: Lang = "zh"): DocumentInfo[] {
    return this.plans.map((p) => documentInfo(p, this.plans, lang));
  }

  private find(doc: string, id: string): Item | null {
    return this.plans.find((p) => p.doc === doc)?.items.find((i) => i.id === id) ?? null;
  }

  private citing(lang: Lang) {
    return {
      lang,
      today: this.today(),
      planOf: (item: Item) => this.index.plan(item),
      implementedBy: (item: Item) => this.index.implementedItem(item),
    };
  }

  item(doc: string, id: string, lang: Lang = "zh"): Citation | null {
    const item = this.find(doc, id);
    return item ? citeItem(item, headQuote(item), 1, this.citing(lang)) : null;
  }

  findItem(ref: string, lang?: Lang): Citation | null {
    const query = understand(ref, this.understandDeps);
    if (query.refs.length === 0) return null;
    const r = resolve({ ...query, intents: ["cite"] }, this.deps());
    const first = r.citations[0];
    return r.kind === "item" && first
      ? lang && lang !== query.lang
        ? this.item(first.doc, first.id, lang)
        : first
      : null;
  }

  related(doc: string, id: string, limit = 3, lang: Lang = "zh"): ItemLink[] {
    const item = this.find(doc, id);
    return item ? this.index.related(item, limit).map((i) => itemLink(i, this.citing(lang))) : [];
  }

  departmentTasks(
    name: string,
    options: { doc?: string; lang?: Lang } = {},
  ): DepartmentListingPayload | null {
    const query = understand(name, this.understandDeps);
    if (query.departments.length === 0) return null;
    const scoped = {
      ...query,
      lang: options.lang ?? query.lang,
      docs: options.doc ? [options.doc] : [],
      deadline: null,
      role: null,
    };
    return departmentListing(scoped, this.deps()).payload;
  }

  deadlines(filter: DeadlineFilter = {}, lang: Lang = "zh"): DeadlineListingPayload {
    const query = { ...understand("期限", this.understandDeps), lang, docs: filter.doc ? [filter.doc] : [] };
    const ask = {
      year: filter.year ?? null,
      date: null,
      monthDay: null,
      state: filter.state ?? null,
      heatingSeason: false,
      matched: [],
    };
    return deadlineListing(query, ask, this.deps()).payload;
  }

  guidedChecks(): readonly GuidedCheck[] {
    return [...this.books.values()].flatMap((book) => guidedChecks(book));
  }

  async search(text: string, limit = 10): Promise<Citation[]> {
    const query = understand(text, this.understandDeps);
    if (query.invalid) return [];
    const cited = this.findItem(text, query.lang);
    if (cited) return [cited];
    const hits = retrieve(this.index, query, limit);
    if (!covers(this.index, query, hits)) return [];
    const c = this.citing(query.lang);
    return hits.map((h) => citeItem(h.item, quoteFor(this.index, h.item, query), h.score, c));
  }
}

export { engineOptionsFromEnv } from "./environment.js";

/** The conversation may hold at most this many documents to scope the next question (a plan and the one it implements). */
const SCOPE_DOCUMENTS = 2;

/**
 * The documents a question naming none is first asked of: those of the previous answer, when it
 * came from one document (or a local plan with the national plan beside it) and the question is no
 * follow-up already resolved against it. Null otherwise.
 */
function conversationScope(query: Query, context: Context | null | undefined): readonly string[] | null {
  if (!context || query.followUp !== null || query.invalid) return null;
  return context.docs.length > 0 && context.docs.length <= SCOPE_DOCUMENTS ? context.docs : null;
}
