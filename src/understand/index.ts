/**
 * Understand once: the raw text of a question → a typed {@link Query}. Cleaning, language,
 * documents, item references, departments, dates, the role asked, the facts a rule needs, the
 * intents, and how a follow-up relates to the previous turn are all read here, and only here.
 */
import {
  escapeRegExp,
  findDepartmentMentions,
  hasRoleVerb,
  LEADING_COMPARATORS,
  Level,
  type Plan,
  parseSmallNumeral,
  placeCore,
  type Role,
  TRAILING_COMPARATORS,
} from "../corpus/index.js";
import {
  describesEntity,
  extractFacts,
  findAmounts,
  type QuestionFacts,
  silentOnIndustry,
} from "../rules/index.js";
import type { Coverage, Expansion } from "../search/index.js";
import { cityNames, IDF_UNIT, placesByPinyin, STOPWORDS, segmenter } from "../search/index.js";
import {
  type AskingWords,
  askedRole,
  askingWords,
  asksForSource,
  documentWords,
  fromDialect,
  quotedPhrase,
  readDeadlineAsk,
} from "./asking.js";
import {
  cleanText,
  isEmptyText,
  onlyInstructions,
  textWithout,
  withoutInstructions,
  withoutNoise,
  withoutRemark,
} from "./clean.js";
import { type DocumentMention, namedDocuments, placesOfSubdivisions } from "./documents.js";
import { asksSameAsBefore, readFollowUp } from "./follow-up.js";
import { isGibberish } from "./gibberish.js";
import { detectLang } from "./lang.js";
import { ownPlaceWords, placesNamed } from "./places.js";
import { findRefs } from "./refs.js";
import type { Context, Intent, ItemRef, Query } from "./schema.js";
import { simplify } from "./simplify.js";

export {
  askedRole,
  askingWords,
  fromDialect,
  loadAskingWords,
  readDeadlineAsk,
  refusingKinds,
} from "./asking.js";
export { cleanText, isEmptyText, textWithout } from "./clean.js";
export { documentNames, namedDocuments } from "./documents.js";
export { leanOnPrevious, pointsBack } from "./follow-up.js";
export { detectLang } from "./lang.js";
export { placedElsewhere, placesNamed } from "./places.js";
export { findRefs } from "./refs.js";
export * from "./schema.js";
export { simplify } from "./simplify.js";

/** What understanding needs from the loaded corpus and its index. */
export interface UnderstandDeps {
  plans: readonly Plan[];
  /** Words that name the documents of a level (国家 → national), from the genre's data. */
  levelWords: ReadonlyArray<readonly [string, Level]>;
  /** Those of them that are also the question's topic (a key region the national plan names): kept in the words looked for. */
  topicalLevelWords?: ReadonlySet<string>;
  /** What a text shares with the corpus vocabulary (the search index's coverage). */
  coverage(text: string, options?: { minWordLength?: number; generalWords?: "discount" | "count" }): Coverage;
  /** What a text says in other words, as the plans say it (the index's vocabulary). */
  expand(text: string): Expansion[];
  /** The text with homophone typos repaired against the corpus (the index's vocabulary). */
  repairTypos(text: string): { text: string };
  /** Whether a word is one of the genre's terms (散煤, 扬尘): it names a task in a listing question. */
  isGenreTerm?(word: string): boolean;
  /** Where the rule books' place names stand in a text (周口, 南阳市, Heze); none without books. */
  places?(text: string): Array<{ start: number; end: number }>;
}

/** Longest question read; the rest of a pasted page is cut off. */
export const MAX_QUESTION = 2000;
/** A listing question (department, deadlines, the document) may carry this much further topic. */
export const LISTING_RESIDUE = 2.5;
/** A matched word of at least this many characters is a topic of its own in a listing question (see residueOf). */
const SPECIFIC_TOPIC_LENGTH = 4;
/** The same for deadlines asked with no date, year or state to narrow them. */
const UNBOUNDED_LISTING_RESIDUE = 1.5;

/**
 * How much topic a question carries beyond what listing questions are made of: document names,
 * department names, dates, the asking and filler words. `residue` counts English words only through
 * what they mean in the plans' terms; `english` is what the rest of them weigh.
 */
function residueOf(
  text: string,
  removed: readonly string[],
  deps: UnderstandDeps,
  w: AskingWords,
): { residue: number; english: number; specific: boolean } {
  // Departments first: a department's name may contain a document's place (a railway branch named after the city).
  const lower = text.toLowerCase();
  const spans = findDepartmentMentions(lower);
  let rest = spans.reduceRight((s, m) => `${s.slice(0, m.start)} ${s.slice(m.end)}`, lower);
  rest = textWithout(rest, removed);
  rest = rest.replace(/\d{4}|\d{1,2}/g, " ").replace(w.listingFiller, " ");
  // English words of a topic ("the deadline for fugitive VOCs control") weigh half a word each apart:
  // the vocabulary may carry only some of them over. Only a deadline listing reads them (a department's
  // or a document's English name leaves words of its own).
  const english = (rest.match(/[a-z][a-z'-]{3,}/gi) ?? []).filter(
    (word) => !STOPWORDS.has(word) && !w.englishNeutral.test(word),
  );
  // What English words mean in the plans' terms is filler there too (target → 目标).
  const carried = evidence(deps.expand(rest)).map((e) => e.replace(w.listingFiller, " "));
  rest = [rest.replace(/[a-z][a-z'-]*/gi, " "), ...carried].join(" ");
  const c = deps.coverage(rest, { minWordLength: 2 }); // a stray 各 or 的 is not a topic
  return {
    residue: c.matchedIdf + c.unmatchedWeight,
    english: (english.length * IDF_UNIT) / 2,
    // (A word of the plans this long names a task — 清洁取暖, 秸秆禁烧 — however many plans write it, which
    // lowers its weight as more are loaded: 某市清洁取暖改造的完成期限 asks that task's, not every deadline.)
    // The genre's own terms (散煤, 扬尘) name one as surely, however short.
    specific: c.matchedWords.some(
      (word) => word.length >= SPECIFIC_TOPIC_LENGTH || deps.isGenreTerm?.(word) === true,
    ),
  };
}

/** The words the plans define for roles (主攻 → lead) that a question says, longest first. */
function planRoleWords(text: string, plans: readonly Plan[]): Array<[string, Role]> {
  const words = new Map<string, Role>();
  for (const plan of plans)
    for (const [word, role] of Object.entries(plan.roleWords)) if (text.includes(word)) words.set(word, role);
  return [...words].sort((a, b) => b[0].length - a[0].length);
}

/** The words the plans make their time limits' labels (兑现, 收声) that a question says: asking by them is asking when. */
function planTimeWords(text: string, plans: readonly Plan[]): string[] {
  return [...new Set(plans.flatMap((plan) => plan.timeWords.filter((word) => text.includes(word))))];
}

/** The one role the words say, or null when they say none or several (主攻和助攻). */
function soleRole(words: ReadonlyArray<[string, Role]>): Role | null {
  const roles = new Set(words.map(([, role]) => role));
  return roles.size === 1 ? ([...roles][0] as Role) : null;
}

/** A modal before a who- or when-phrase (应该找谁, 要什么时候完成) belongs to that phrase. */
const MODAL = "(?:应该|应当|该|要|得|需要|可以|能|should |must |do i |can i )?(?:去)?(?:找|问|联系)?";

/** The word for a document's kind a title ends in (行动计划 → 计划, 实施方案 → 方案). */
const TITLE_KIND = /(?:计划|方案|意见|要点)$/;

/**
 * The words of a named document's title that the question repeats (西华县发改委在大气攻坚方案里…:
 * 大气, 攻坚): they name the document again, they are no further topic.
 */
function titleWords(
  text: string,
  named: ReturnType<typeof namedDocuments>,
  plans: readonly Plan[],
): string[] {
  if (named.length === 0) return [];
  // Words the question says as words: 大气污染 of a title is not said in 大气污染源排放清单.
  const said = new Set(segmenter().cut(text.toLowerCase(), false));
  const titles = named.map((n) => plans.find((p) => p.doc === n.doc)?.meta.planTitle ?? "");
  // The kind of document a title ends in, said alone (国家那份计划 of a 行动计划), names it too.
  const kinds = titles.flatMap((t) => t.match(TITLE_KIND) ?? []);
  return [...new Set([...titles.flatMap((t) => segmenter().cut(t.toLowerCase(), false)), ...kinds])].filter(
    (word) => [...word].length >= 2 && /[\u4e00-\u9fff]/.test(word) && said.has(word),
  );
}

/**
 * The words of a named document's English name the question repeats between its place (or, for a document
 * of no place, the words that named it: national, State Council) and "plan" ("the Yichang air quality plan",
 * "the national air quality plan"): they name the document again, they are no topic ("air quality" → 空气质量).
 */
function englishTitleWords(
  text: string,
  named: ReturnType<typeof namedDocuments>,
  plans: readonly Plan[],
): string[] {
  const lower = text.toLowerCase();
  return named.flatMap((n) => {
    const plan = plans.find((p) => p.doc === n.doc);
    const place = plan?.profile.place?.en.toLowerCase();
    const anchors = place ? [place] : n.words.filter((w) => /^[a-z ]+$/i.test(w)).map((w) => w.toLowerCase());
    if (!plan) return [];
    const name = new Set(plan.profile.name.en.toLowerCase().split(/[\s–-]+/));
    return anchors.flatMap((anchor) => {
      const m = new RegExp(
        `\\b${escapeRegExp(anchor)}(?:'s)?\\s+(?:\\d{4}\\s+)?((?:[a-z]+\\s+){1,5}?)(?:plan|programme|program|scheme)\\b`,
      ).exec(lower);
      const words = m?.[1]?.trim().split(/\s+/) ?? [];
      // With the word "plan": "work" alone would be taken out of "fireworks" too.
      return m && words.length > 0 && words.every((w) => name.has(w))
        ? [m[0].slice(m[0].indexOf(m[1] as string))]
        : [];
    });
  });
}

/**
 * The words between a named document's place and the kind of document its title ends in, when its title
 * has every one of them (某区秋冬季方案中…: 秋冬季方案): they name the document again, they are no topic —
 * the target item that writes 秋冬季 is not what 清洁取暖 is asked of.
 */
function chineseTitleSpan(
  text: string,
  named: ReturnType<typeof namedDocuments>,
  plans: readonly Plan[],
): string[] {
  return named.flatMap((n) => {
    const title = plans.find((p) => p.doc === n.doc)?.meta.planTitle;
    if (!title) return [];
    const words = new Set(segmenter().cut(title, false));
    return n.words.flatMap((anchor) => {
      if (!/\p{Script=Han}/u.test(anchor)) return [];
      const m = new RegExp(`${escapeRegExp(anchor)}的?(\\p{Script=Han}{2,10}?)(方案|计划|要点)`, "u").exec(
        text,
      );
      const middle = m?.[1];
      if (!m || !middle || !title.includes(m[2] as string)) return [];
      const parts = segmenter().cut(middle, false);
      return parts.every((w) => words.has(w) || /^\d{4}年?$/.test(w)) ? [`${middle}${m[2]}`] : [];
    });
  });
}

/** An English question names a plan by what it is about: "the diesel truck action plan". */
const ENGLISH_PLAN = /\b(?:plan|notice|programme|program|scheme|campaign)\b/i;

/**
 * The one document whose title holds the most of the plan terms an English question's words carry
 * (diesel truck → 柴油货车, VOCs → 挥发性有机物), when it asks of a plan and no other title holds as
 * many: "the diesel truck action plan" names the 柴油货车污染治理攻坚行动方案. At least two terms,
 * or one of four characters or more.
 */
function namedByTopic(
  text: string,
  found: readonly Expansion[],
  plans: readonly Plan[],
): ReturnType<typeof namedDocuments> {
  if (!ENGLISH_PLAN.test(text)) return [];
  const titlesOf = plans.map((p) => [p.meta.planTitle, ...p.profile.titleForms].join(" ").toLowerCase());
  // Terms many titles share (行动计划) tell no document apart.
  const terms = [...new Set(found.flatMap((e) => e.terms.map((t) => t.toLowerCase())))].filter(
    (t) =>
      /[\u4e00-\u9fff]{2,}|[a-z]{3,}/.test(t) && titlesOf.filter((titles) => titles.includes(t)).length <= 2,
  );
  const scored = plans.map((p, i) => {
    const titles = titlesOf[i] as string;
    const hits = terms.filter((t) => titles.includes(t));
    return { doc: p.doc, hits, weight: hits.length + (hits.some((t) => t.length >= 4) ? 1 : 0) };
  });
  const best = Math.max(0, ...scored.map((s) => s.weight));
  const top = scored.filter((s) => s.weight === best);
  if (best < 2 || top.length !== 1) return [];
  const winner = top[0] as (typeof scored)[number];
  const words = found
    .filter((e) => e.terms.some((t) => winner.hits.includes(t.toLowerCase())))
    .map((e) => e.phrase);
  return [{ doc: winner.doc, words }];
}

/**
 * The documents an English question names: by their names, else by what their titles are about;
 * when its names fit several (MEE issued two), what it says the plan is about decides between them
 * ("the MEE joint VOCs action plan").
 */
function englishNamed(
  text: string,
  byName: ReturnType<typeof namedDocuments>,
  found: readonly Expansion[],
  plans: readonly Plan[],
): ReturnType<typeof namedDocuments> {
  if (byName.length === 0) return namedByTopic(text, found, plans);
  if (byName.length === 1) return byName;
  const among = plans.filter((p) => byName.some((n) => n.doc === p.doc));
  const [topical] = namedByTopic(text, found, among);
  return topical ? byName.filter((n) => n.doc === topical.doc) : byName;
}

/** A part of a document asked for as a whole: 那一部分, 这部分, 这一块, 板块, 章节. */
const WHOLE_PART = /(?:那|这)?(?:一)?部分|板块|章节|(?:那|这)一?块/;

/**
 * A section asked for by its title's words (面源污染治理那一部分都管哪些事): the section whose title
 * has a run of four or more characters the question repeats, in the one document it names (or the
 * only document with such a title).
 */
function sectionsByTitle(
  text: string,
  named: ReturnType<typeof namedDocuments>,
  plans: readonly Plan[],
): ItemRef[] {
  const wholePart = WHOLE_PART.test(text);
  if (!wholePart && !ORDINAL.test(text)) return [];
  const scope = named.length > 0 ? plans.filter((p) => named.some((n) => n.doc === p.doc)) : plans;
  const found: Array<{ doc: string; section: number; run: string; item: number | null }> = [];
  for (const plan of scope)
    for (const section of plan.sections) {
      // The title's clauses without their opening verb (强化面源污染治理 → 面源污染治理).
      for (const clause of section.title.split(/[,，、；;]/)) {
        const core = clause.replace(
          /^(?:强化|优化|加强|加快|推进|深化|完善|提升|实施|开展|推动|压实|持续|全面|严格)/,
          "",
        );
        const at = core.length >= 4 ? text.indexOf(core) : -1;
        if (at < 0) continue;
        // 保障措施第三条: the title, then an item by its place in the section.
        const nth = ITEM_AFTER_TITLE.exec(text.slice(at + core.length));
        const item = nth ? parseSmallNumeral((nth[1] ?? nth[2]) as string) : null;
        if (wholePart || item) found.push({ doc: plan.doc, section: section.number, run: core, item });
      }
    }
  // Both a city's plan and the State Council's have 能源结构: the local one is asked (as in retrieval).
  const local = found.filter((f) => plans.find((p) => p.doc === f.doc)?.profile.level !== "national");
  const kept = local.length > 0 ? local : found;
  const docs = new Set(kept.map((f) => f.doc));
  const first = kept[0];
  if (!first || docs.size !== 1) return [];
  const path = first.item ? [first.section, first.item] : [first.section];
  return [{ written: first.run, path, across: false, partial: false, hint: null, footnote: false }];
}

/** An item asked for by its place: 第三条, 第4项, （三）. */
const ORDINAL =
  /第[(（]?(?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）]?[条项点]|[(（][一二三四五六七八九十]{1,3}[)）]/;
/** Right after a section's title: (的|里|中|下面的)第N条, or its item （三）. */
const ITEM_AFTER_TITLE =
  /^[”"」]?(?:那一?部分|部分)?(?:下面|下边|里面|里|中|下)?的?(?:第[(（]?([一二三四五六七八九十]{1,3}|\d{1,2})[)）]?[条项点]|[(（]([一二三四五六七八九十]{1,3})[)）])/;

/** Comparator words before a figure that make it a class's bound (超过35蒸吨的) — not 达到, 至少 (存栏达到20万). */
const CLASS_LEAD = new RegExp(
  `(?:${Object.keys(LEADING_COMPARATORS)
    .filter((w) => w !== "达到" && w !== "至少")
    .join("|")})$`,
);
/** A size class after its figure (35蒸吨以下, 20万羽及以上). */
const SIZE_CLASS = /^(?:及|或)?(?:以下|以上)/;
/** Words before a figure that name it a rule's bound (淘汰的线也是35蒸吨, 门槛是1000个): the rule is asked, no case. */
const NAMED_BOUND = /(?:的线|门槛|界限|标准线|红线)(?:也|还|都|就)?(?:是|为|定在|划在)?\s*$/;
/** Comparator words after a figure that make it a class's bound (35蒸吨以下的, 30公里以内). */
const CLASS_TRAIL = new RegExp(`^(?:${Object.keys(TRAILING_COMPARATORS).join("|")})`);

/**
 * Whether a figure bounds a class, as a clause does (6000万标砖以下的生产线, 超过35蒸吨的锅炉), rather than
 * measuring the asker's thing: it has a comparator word of the genre beside it.
 */
function boundsClass(text: string, f: QuestionFacts["amounts"][number]): boolean {
  return (
    CLASS_TRAIL.test(text.slice(f.index + f.text.length)) || CLASS_LEAD.test(text.slice(0, f.index).trimEnd())
  );
}

/** Asking yes or no (要不要, 是不是, …吗; "do we have to", "must we"): a verdict is asked. */
const YES_OR_NO =
  /[吗么嘛]\s*[?？!！。]*\s*$|[吗么嘛]\s*[?？，,]|是否|要不要|需不需要|用不用|能不能|可不可以|是不是|算不算|管不管|行不行|有没有|(?:^|[.?!;,:，。？：—]\s*)(?:do|does|did|must|should|is|are|am|can|could|will|would|need|have|has|may)\b/i;

/** Asking yes or no in so many words, or what is required of the asker (有没有 alone asks what there is). */
function asksWhether(text: string, w: AskingWords): boolean {
  return YES_OR_NO.test(text.replace(/有没有/g, "")) || w.askedOfAsker.test(text);
}

/** A question word right before a figure (哪些百分之百, 哪几个100%): the figure is what is asked, not the asker's. */
const ASKED_FIGURE = /(?:哪些|哪几个?|几个|多少个|什么|啥)$/;

/** Whether the facts give a figure a rule can compare (a count, a size, a capacity) of the asker's case. */
function givesFigure(q: Query): boolean {
  const own = (f: QuestionFacts["amounts"][number]) =>
    !boundsClass(q.facts.text, f) && !ASKED_FIGURE.test(q.facts.text.slice(0, f.index).trimEnd());
  return (
    // A count of things (剩下那12台, 3家) is no figure a rule compares.
    q.facts.amounts.some((a) => a.unit !== null && a.unit !== "piece" && a.unit !== "unit" && own(a)) ||
    q.facts.entities.some((e) => e.figures.some(own))
  );
}

/**
 * Whether a rule may judge the question. A yes/no question about an obligation (要不要, 能不能, must …)
 * or a case of the asker's own (我厂…, a figure to compare) may be judged; a wh-question (多少, 哪些,
 * where), a question about what the rules are, by when, or whom to ask is answered with the clause
 * itself — unless it gives the asker's own case. The words that ask who or when, with the modal
 * that governs them, do not count as an obligation asked (该找哪个部门 asks whom, not whether), nor
 * do the words that name the obligation it asks whom about (违规销售找谁).
 */
function asksCheck(q: Query, w: AskingWords): boolean {
  if (w.intentAsk.test(q.text)) return false;
  // A figure named as a rule's bound (淘汰燃煤锅炉的线也是35蒸吨不) asks the rule, unless the asker's own case is said.
  if (
    q.facts.amounts.some((a) => NAMED_BOUND.test(q.facts.text.slice(0, a.index))) &&
    !w.ownCase.test(q.factsText)
  )
    return false;
  // 厂址离省界18公里，对这种项目有什么要求: a case with a figure a rule compares is judged too.
  if (ownCase(q, w)) {
    // 我们公司刷标线用的油漆有没有啥新要求: the asker's case, asking in Chinese what the rules are — the clause answers
    // it, unless the case gives a figure a rule compares, asks yes or no besides (算不算在里面, 有什么要求吗) or asks
    // what is required of the asker (对我有啥要求).
    if (q.lang === "zh" && w.rulesAsk.test(q.text) && !givesFigure(q) && !asksWhether(q.text, w))
      return false;
    return q.facts.asks || describesEntity(q.facts) || givesFigure(q);
  }
  // 燃煤锅炉35蒸吨以下的是不是都要淘汰: a class bounded as the clause bounds it, no case of the asker's — the clause answers.
  // (A requirement asked of a case — 新能源车比例要不低于80%吗 — puts its comparator before the figure.)
  // (…nor does a distance: 省界15公里内新建项目要会商吗 puts a case there.)
  if (q.facts.amounts.some((a) => SIZE_CLASS.test(q.facts.text.slice(a.index + a.text.length)))) return false;
  const asksWho = w.whoAsk.test(q.factsText);
  const withoutWhoWhen = (text: string) => {
    const rest = [w.whoAsk, w.whenAsk].reduce(
      (t, re) => t.replace(new RegExp(`${MODAL}(?:${re.source})`, "gi"), " "),
      text,
    );
    return asksWho ? rest.replace(w.obligationTopics, " ") : rest;
  };
  if (!extractFacts(withoutWhoWhen(q.factsText), q.lang).asks && !describesEntity(q.facts)) return false;
  // A turn that asks in words of its own (也得装吗) asks what kind of answer it says: a case carried from the turn
  // before (食堂的油烟有什么要求) does not make it a wh-question. An elliptical one (燃气锅炉呢) asks as the turn before.
  const own = withoutWhoWhen(q.text);
  const asked = extractFacts(own, q.lang).asks ? own : withoutWhoWhen(q.factsText);
  return !(w.rulesAsk.test(q.text) || w.whenAsk.test(q.text) || w.contentAsk.test(asked));
}

/**
 * A text without the kinds it points back at (这类车, 那种锅炉) whose thing the previous question named: the
 * previous topic, no topic of the turn's own.
 */
function withoutKindPointedBack(text: string, previous: string): string {
  return text.replace(/(?:这|那|该|此)(?:类|种|些)(\p{Script=Han}{1,4})/gu, (whole, after: string) => {
    for (let n = after.length; n > 0; n--)
      if (previous.includes(after.slice(0, n))) return ` ${after.slice(n)}`;
    return whole;
  });
}

/** Asking for one entry (其中我们牵头的是哪条, 还有个…的是啥, "which one"): that item, no new listing. */
const ONE_OF_THOSE = /哪一?条|哪一?项|哪个任务|还有(?:一)?个|\bwhich (?:one|item|task)\b/i;

/** A turn naming only a year (2025年的呢, "and 2025?"): after a listing, that year's. */
const YEAR_ALONE =
  /^(?:那|那么|那要是|and|what about|how about)?\s*((?:19|20)\d\d)\s*(?:年)?(?:的)?\s*(?:呢|吗)?\s*[?？]?$/i;

/**
 * The names a department mention means, in the plans the question names: the unit such a plan writes as one
 * of them, whatever full name it gives it; a unit written with a level alone (县生态环境局, 县环保局) that such
 * a plan never names is the plan's own place's unit, written as a county's people write it (某某县生态环境分局
 * for the city bureau's branch 市生态环境局某某分局 the plan names).
 */
function ownUnitNames(
  mention: { alias: string; names: readonly string[] },
  plans: readonly Plan[],
): readonly string[] {
  if (plans.length === 0) return mention.names;
  const refs = plans.flatMap((p) => p.items.flatMap((i) => i.departments));
  const written = new Set(refs.map((d) => d.name));
  if (mention.names.some((n) => written.has(n))) return mention.names;
  // A plan that calls its unit by the directory's full name (唐山市公安局交通警察支队某某大队) where it writes
  // 市公安交警大队: the unit the mention's names are written as is that one.
  const asWritten = refs.filter((d) => mention.names.includes(d.written)).map((d) => d.name);
  if (asWritten.length > 0) return [...new Set(asWritten)];
  if (!/^[县区市旗]/.test(mention.alias)) return mention.names;
  // (By an alias, 县环保局, the names it stands for spell it: 某某县生态环境局.)
  const local = plans.flatMap((p) => {
    const place = p.profile.place ? placeCore(p.profile.place.zh) : null;
    if (!place) return [];
    return [mention.alias, ...mention.names].flatMap((name) =>
      /^[县区市旗]/.test(name)
        ? findDepartmentMentions(`${place}${name}`).flatMap((m) => m.names.filter((n) => written.has(n)))
        : [],
    );
  });
  return local.length > 0 ? [...new Set(local)] : mention.names;
}

/** Words choosing among the previous answer's entries (其中哪些, 这里面, "which of these"). */
const AMONG_THOSE = /其中|这些|那些|这里面|里面|当中|之中|\bof (?:these|those|them)\b/i;

/**
 * A turn that asks the previous answer's list again with another filter, or narrows it: after what is due,
 * 还没到期的呢 (another state), 2025年的呢 (another year), 那城管局的呢 or 其中哪些是城管局牵头的 (one department's
 * tasks, due as before); after a department's tasks, 那配合的呢 (the same department, that role first); after
 * items, 其中哪条有截止日期 (those items' deadlines, not every plan's). Null for any other turn, and for one
 * asking for one entry (哪一条, 还有个…): that is an item.
 */
function followUpOnList(query: Query, merged: Query, conversation: Context, w: AskingWords): Query | null {
  const short = query.residue < LISTING_RESIDUE && !ONE_OF_THOSE.test(query.text);
  const scope = { kind: "scope" as const, context: conversation, again: false };
  if (conversation.kind === "deadline_listing" && short) {
    if (query.departments.length > 0 && !merged.intents.includes("check"))
      return {
        ...merged,
        intents: ["department_listing"],
        deadline: merged.deadline ?? conversation.deadline,
        followUp: scope,
      };
    const year = YEAR_ALONE.exec(query.text.trim());
    const deadline =
      merged.deadline ??
      (year
        ? {
            year: Number(year[1]),
            date: null,
            monthDay: null,
            state: null,
            heatingSeason: false,
            matched: [year[1] as string],
          }
        : null);
    return deadline ? { ...merged, deadline, intents: ["deadline_listing"], followUp: scope } : null;
  }
  const due = merged.deadline;
  if (
    conversation.kind !== "deadline_listing" &&
    conversation.items.length > 0 &&
    due !== null &&
    due.date === null &&
    due.year === null &&
    due.monthDay === null &&
    merged.intents.includes("deadline_listing") &&
    AMONG_THOSE.test(query.text)
  )
    return {
      ...merged,
      deadline: null,
      intents: ["when", "topic"],
      followUp: { kind: "items", context: conversation, again: false },
    };
  const namesRole =
    query.role !== null || [...Object.values(w.roles), w.anyRole].some((re) => re.test(query.text));
  if (
    conversation.kind === "department_listing" &&
    conversation.departments.length > 0 &&
    query.departments.length === 0 &&
    namesRole &&
    short
  )
    return {
      ...merged,
      departments: conversation.departments,
      intents: ["department_listing"],
      followUp: scope,
    };
  return null;
}

/** What is left of a turn names something: two Chinese characters or an English word of four letters. */
const NAMES_SOMETHING = /\p{Script=Han}{2}|[a-z]{4}/iu;

/**
 * Whether a turn only asks what the clause says (要降多少, 进了试点要干些啥, 有啥好处: data/asking.yaml `clauseAsk`)
 * and states no fact of its own — no figure with a unit, thing, fuel or standard: after a check it asks of the
 * clause, not for a verdict. `ownTopic`: it names a topic besides the document and what plans say in general.
 */
function asksClauseOnly(
  q: Query,
  w: AskingWords,
  context: Context,
): { named: string; ownTopic: boolean } | null {
  const own = q.facts;
  const figure = own.amounts.some((a) => a.unit !== null && a.unit !== "year");
  if (/[吗么呢]\s*[?？]?\s*$|\b(?:is|are|do|does|can|must)\b[^?]*\?$/i.test(q.text)) return null;
  // 储罐那块有什么要求, 秸秆这块归哪些部门: what the rules are, who or by when, asked of a thing the turn names,
  // is asked of the clause — unless the turn puts another case (换成燃气锅炉呢) or a figure of its own.
  // (A bare 截止日期呢 or 找哪个部门 names nothing: it stays on the case, whose rule finds its clause.)
  const asks = [w.rulesAsk, w.whoAsk, w.whenAsk, w.nameAsk].filter((re) => re.test(q.text));
  // (Nor when it names another document — 国家计划对此有何规定 asks the case of that plan — or a case of its own,
  // 还有台…; 这块市里谁牵头 names the plan the check was on.)
  // (Asking only who, it asks the named plan's clause: no plan's verdict names departments — 市里这块谁牵头
  // after the national plan's verdict.)
  const onlyWho = asks.length === 1 && asks[0] === w.whoAsk;
  const withoutAsks = (text: string) =>
    asks.reduce((t, re) => t.replace(new RegExp(re.source, "gi"), " "), text).replace(w.pointingBack, "");
  // (…but one naming a topic of its own there — 国家计划对养殖场氨排放有什么要求 — asks that plan's clause: what
  // is left without the document's name, the ask and the words around them names something.)
  const besides = withoutAsks(
    withoutKindPointedBack(textWithout(q.text, q.framing), context.question).replace(w.documentFraming, " "),
  ).replace(w.aroundDocument, " ");
  const topicOfItsOwn = NAMES_SOMETHING.test(besides);
  // (A topic besides what plans say in general — 储罐, not 规定 — is asked by the turn's own words alone.)
  // (Asking only who — 某市的这条由谁负责 — it stays on the case: the clause of the case is the one asked of.)
  const ownTopic = !onlyWho && NAMES_SOMETHING.test(besides.replace(w.whatPlansSay, " "));
  const namesAnother = !onlyWho && namesOtherDocument(q, context) && !topicOfItsOwn;
  // (…nor does one naming another thing only to ask by when of it — 那种物流车呢？啥时候前要换成新能源 — with no yes or no.)
  const notAskingWhen = (q.text.match(/[^。？?！!，,；;]+[。？?！!，,；;]?/g) ?? []).filter(
    (t) => !w.whenAsk.test(t),
  );
  const bareOther = !notAskingWhen.some((t) => w.factChange.test(t.replace(/呢\s*[?？]/g, "。")));
  const changes =
    w.factChange.test(q.text) && !(bareOther && w.whenAsk.test(q.text) && !YES_OR_NO.test(q.text));
  if (!figure && asks.length > 0 && !changes && !namesAnother && !w.ownCase.test(q.text)) {
    const named = withoutAsks(q.text);
    if (NAMES_SOMETHING.test(named)) return { named, ownTopic };
  }
  const states = figure || own.entities.length > 0 || own.fuels.length > 0 || own.standard !== null;
  return !states && w.clauseAsk.test(q.text) ? { named: "", ownTopic: false } : null;
}

/** The turn names a document other than the one the previous answer's first item is in. */
function namesOtherDocument(q: Query, context: Context): boolean {
  return q.named && q.docs.some((doc) => doc !== context.items[0]?.doc);
}

/**
 * Whether what a clause-only turn names (试点, 储罐) is in the previous answer's first item: the turn
 * asks of that clause (这个试点归谁管), not of another topic (秸秆这块归哪些部门, after a boiler check).
 */
function namedInPrevious(named: string, context: Context, deps: UnderstandDeps): boolean {
  const [first] = context.items;
  const item = first && deps.plans.find((p) => p.doc === first.doc)?.items.find((i) => i.id === first.id);
  if (!item) return false;
  const words = named.match(/\p{Script=Han}{2,}/gu) ?? [];
  return words.length > 0 && words.every((word) => bigrams(word).some((b) => item.text.includes(b)));
}

/** The two-character pieces of a word (储罐呼吸阀 → 储罐, 罐呼, 呼吸, 吸阀). */
function bigrams(word: string): string[] {
  return [...word].slice(1).map((c, i) => `${word[i]}${c}`);
}

/** The asker states a case of their own (我厂…, 开了个饭店…) or a figure a rule can compare. */
export function ownCase(q: Query, w: AskingWords = askingWords()): boolean {
  return givesFigure(q) || w.ownCase.test(q.factsText);
}

/** An emission standard named in English by the word national (National Four, national stage II). */
// ("the national one" is the national plan.)
const NATIONAL_STANDARD =
  /\bnational\s+(?:(?:stage\s+)?(?:[0-6]|vi|iv|v|i{1,3}|two|three|four|five|six)|stage\s+one)\b/gi;

/** The levels a question names with a word of its own (国家 → national; 国家机关 is another word). */
function levelsNamed(
  text: string,
  deps: UnderstandDeps,
): Array<{ level: Level; word: string; topical: boolean }> {
  // "National Four" trucks, "National Stage Two" machinery: an emission standard, no national document.
  const lower = text.toLowerCase().replace(NATIONAL_STANDARD, " ");
  // Segmenting is the costly part: only when a level word stands in the text at all.
  if (!deps.levelWords.some(([word]) => lower.includes(word))) return [];
  const tokens = new Set(segmenter().cut(lower, false));
  return deps.levelWords
    .filter(([word]) =>
      /^[\x20-\x7e]+$/.test(word) ? new RegExp(`\\b${word}\\b`).test(lower) : tokens.has(word),
    )
    .map(([word, level]) => ({ word, level, topical: deps.topicalLevelWords?.has(word) ?? false }));
}

/** The terms of expansions that are evidence of the plans' topics (see {@link Expansion.topic}). */
function evidence(found: readonly Expansion[]): string[] {
  return found.filter((e) => e.topic).map((e) => e.terms.join(" "));
}

/**
 * The asker's English words that the documents do not use and the vocabulary carries to no plan
 * term (Xiaomi, hotpot, bitcoin): evidence the question is about something else. Function words,
 * words that carry no topic (plan, city, require), document and department names do not count.
 */
function unbridgedWords(
  text: string,
  found: readonly Expansion[],
  docNames: readonly string[],
  deps: UnderstandDeps,
  w: AskingWords,
): string[] {
  const lower = text.toLowerCase();
  const named = [...docNames, ...findDepartmentMentions(lower).map((m) => m.alias)].join(" ");
  const bridged = new Set(found.flatMap((e) => e.phrase.toLowerCase().split(/[\s-]+/)));
  // phased → phas, phase → phas: a verb's forms are one word.
  const stemOf = (x: string) => x.replace(/(?:ies|es|s|ed|ing)$/, "").replace(/e$/, "");
  const isBridged = (word: string) =>
    bridged.has(word) || [...bridged].some((b) => b.length >= 4 && stemOf(word) === stemOf(b));
  const unbridged = (word: string): boolean =>
    // A hyphenated word is carried as a whole, or when each of its parts is (coal-fired of "coal-fired
    // boilers", air-pollution of two neutral words).
    word.includes("-") && !isBridged(word)
      ? word.split("-").some((part) => part.length >= 3 && unbridged(part))
      : !STOPWORDS.has(word) &&
        !w.englishNeutral.test(word) &&
        !named.includes(word) &&
        !isBridged(word) &&
        deps.coverage(word).matchedWords.length === 0;
  // A place's possessive (the city's, Henan's): the possessive is the name's.
  const words = (lower.match(/[a-z][a-z'-]{2,}/g) ?? []).map((x) => x.replace(/['’]s$/, ""));
  return [...new Set(words)].filter(unbridged);
}

/**
 * Whether the question asks for what no policy document gives (推荐, 多少钱, the weather). A cue word
 * the documents themselves use, or inside a word they use (天气 in 重污染天气, 批发 of fireworks, an
 * English word the vocabulary carries to their terms, such as price → 电价), is no cue.
 */
function asksOffTopic(
  text: string,
  asked: string,
  found: readonly Expansion[],
  deps: UnderstandDeps,
  w: AskingWords,
): boolean {
  const lower = text.toLowerCase();
  // Cues count where the question asks (see askingSentences).
  const cues = asked.toLowerCase().match(new RegExp(w.offTopicAsk.source, "gi")) ?? [];
  if (cues.length === 0) return false;
  const words = segmenter().cut(lower, false);
  const bridged = new Set(found.flatMap((e) => e.phrase.toLowerCase().split(/[\s-]+/)));
  // A word of the documents around the cue (重污染天气) explains it; a part of one (最 in 最便宜) does not.
  const known = (word: string) => deps.coverage(word).matchedWords.includes(word);
  return cues.some((cue) => {
    const c = cue.trim();
    // An English cue bridged in another form (price in "electricity prices") is the plans' word too.
    // (So is one the lexicon carries whole: "cheaper electricity" → 电价支持.)
    const inBridged =
      bridged.has(c) ||
      (/^[a-z]/.test(c) && [...bridged].some((b) => b.startsWith(c))) ||
      found.some((e) => e.phrase.toLowerCase() === c);
    if (inBridged || usedAsInPlans(c, lower, deps.plans) || boughtAsInPlans(c, found, deps.plans))
      return false;
    return !words.some((word) => word.length > c.length && word.includes(c) && known(word));
  });
}

/**
 * Whether a buying cue (买什么) asks what a plan says is to be bought: the thing the question is carried to
 * (公车 → 公务用车) stands in a plan's sentence on buying it (新购买公务用车基本实现新能源化) — not shopping.
 */
function boughtAsInPlans(cue: string, found: readonly Expansion[], plans: readonly Plan[]): boolean {
  if (!cue.includes("买")) return false;
  const things = found.flatMap((e) => [e.phrase, ...e.terms]).filter((t) => /^[\u4e00-\u9fff]{2,}$/.test(t));
  return plans.some((p) =>
    p.items.some((i) =>
      i.text.split(/[。；;]/).some((s) => /购买|购置|采购|新购/.test(s) && things.some((t) => s.includes(t))),
    ),
  );
}

/**
 * The text from its first sentence that asks (ends in a question mark): 你好呀，今天天气不错。想问下…？ asks
 * nothing about the weather. A text with no question mark is all asking.
 */
function askingSentences(text: string): string {
  const sentences = text.split(/(?<=[。！？!?；;\n])/);
  const first = sentences.findIndex((s) => /[?？]\s*$/.test(s));
  return first > 0 ? sentences.slice(first).join("") : text;
}

/**
 * Whether a cue stands in the question as the plans use it: with the two characters before or after
 * it as in some item (烟花爆竹批发 → 爆竹批发 is in a plan; 这周末天气 → 周末天气 is in none, although
 * 重污染天气 is).
 */
function usedAsInPlans(cue: string, text: string, plans: readonly Plan[]): boolean {
  const at = text.indexOf(cue);
  if (at < 0 || !/[\u4e00-\u9fff]/.test(cue)) return false;
  const windows = [
    text.slice(Math.max(0, at - 2), at + cue.length),
    text.slice(at, at + cue.length + 2),
  ].filter((w) => w.length === cue.length + 2 && /^[\u4e00-\u9fff]+$/.test(w));
  return windows.some((w) => plans.some((p) => p.items.some((i) => i.text.includes(w))));
}

/**
 * 《某市空气质量日考核办法》: a title set off as one that no loaded document has and none cites — named
 * beside a loaded document's place or not, it is another document. That title, or null.
 */
function foreignQuotedTitle(text: string, plans: readonly Plan[]): string | null {
  const ours = loadedTitles(plans);
  const cited = (t: string) => plans.some((p) => p.items.some((i) => i.text.includes(t)));
  const foreign = [...text.matchAll(QUOTED_TITLE)].find((m) => {
    const t = m[1] as string;
    // (A loaded title inside it is that document's wrapper: 《…关于印发〈…行动计划〉的通知》; a short name
    // such as the place is no title.)
    return !ours.some((o) => o.includes(t) || (o.length >= 8 && t.includes(o))) && !cited(t);
  });
  return foreign?.[1] ?? null;
}

/** Whether words stand in a sentence that asks (one ending in a question mark, or any when none does). */
function askedIn(text: string, words: string): boolean {
  const sentences = text.split(/(?<=[。！？!?；;.\n])\s*/);
  const asking = sentences.filter((s) => /[?？]\s*$/.test(s));
  return (asking.length > 0 ? asking : sentences).some((s) => s.includes(words));
}

/**
 * 省里对这个怎么要求的, 省里的呢 when no provincial document is loaded: a document of that level is asked —
 * the level word stands where the question's subject does, before what it asks — and none is held; the
 * city's plan does not answer for the province, however well it answers the topic. (省里派来督导的 asks
 * nothing of a provincial document. A level below a loaded plan's — 县里对… beside the city's plan, which
 * sets the counties' tasks — is answered by that plan.) The level asked, or null.
 */
function absentLevelAsked(
  text: string,
  levels: ReadonlyArray<{ level: Level; word: string; topical: boolean }>,
  plans: readonly Plan[],
): Level | null {
  const lower = text.toLowerCase();
  const asked = levels.find(
    (l) =>
      !l.topical &&
      !plans.some((p) => p.profile.level === l.level) &&
      plans.some(
        (p) =>
          p.profile.level !== null && Level.options.indexOf(p.profile.level) > Level.options.indexOf(l.level),
      ) &&
      // ("the provincial plan" names the document it asks of, in a sentence that asks: one telling the case —
      // "It is not in a zone the provincial plan sets." — asks nothing of it.)
      ((/^[\x20-\x7e]+$/.test(l.word) && askedIn(lower, l.word)) ||
        new RegExp(`(?:^|[，,。；;])\\s*${escapeRegExp(l.word)}(?:的|里|面)?${ASKED_OF_LEVEL.source}`).test(
          lower,
        )),
  );
  return asked?.level ?? null;
}

/** What a question asks right after a level word naming its subject (省里对…, 省里的呢, 省级文件怎么规定). */
const ASKED_OF_LEVEL =
  /(?:呢|对|怎么|咋|是怎么|是咋|要求|规定|有没有|有什么|有啥|文件|方案|计划|的要求|的规定|定的|说的|咋说|怎么说)/;

/** What is left of a question asking a counterpart once its naming is gone: the asking around it. */
const NO_PHRASE = /[里中的是在对应哪条项个款呢吗?？。，,\s]|计划|方案|文件|国家|国务院|省里|省/g;

/** The question without the clause that turns back (回到市里的，…; "Back to the city's plan: …"). */
function withoutTurning(text: string, w: AskingWords): string {
  const clause = new RegExp(`(?:${w.turningBack.source})[^，,:：;；。?？]{0,16}[，,:：;；]\\s*`, "i");
  const rest = text.replace(clause, "");
  return isEmptyText(rest) ? text : rest;
}

/**
 * The turn before the last one, when the question turns back to it (回到市里的，那个试点归谁管, after a
 * question on the national plan that followed one on the city's pilot): the documents it names, or none,
 * are that turn's and not the last one's. Null when it does not turn back.
 */
function turnedBackTo(query: Query, context: Context | null, w: AskingWords): Context | null {
  const earlier = context?.earlier;
  if (!context || !earlier || !w.turningBack.test(query.text)) return null;
  const docs = query.docs.length > 0 ? query.docs : earlier.docs;
  const back =
    docs.every((d) => earlier.docs.includes(d)) && earlier.docs.some((d) => !context.docs.includes(d));
  return back ? { ...earlier, earlier: null } : null;
}

/** Whether the question names a document title that none of the loaded documents has. */
function namesForeignDocument(
  text: string,
  namesLoaded: boolean,
  deps: UnderstandDeps,
  w: AskingWords,
): boolean {
  const ours = loadedTitles(deps.plans);
  // 各县区自己的实施方案: a plan the document asks for, not another one.
  // 这个行动计划, 该方案: the document already spoken of, no title — also after words the title pattern
  // took in before it (…局在这个行动计划里).
  const titles = text
    .match(w.documentTitle)
    ?.filter(
      (t) =>
        !w.subordinatePlan.test(t) &&
        !/(?:这个|这份|那个|那份|这|那|该|(?:^|[在里的])本|此)[^\p{Script=Han}]*(?:行动计划|实施方案|行动方案|工作方案|攻坚方案|方案|计划)$/u.test(
          t,
        ),
    );
  if (namesForeignNumber(text, deps.plans)) return true;
  if (!titles || titles.length === 0) return false;
  // Another place's plan of the same title (a province's 空气质量持续改善行动计划 beside the national
  // one): the title the question gives, with a place before it that is none of the plan's own.
  const otherPlace = titles.some(
    (t) =>
      !ours.some((o) => o.includes(t)) &&
      deps.plans.some((p) =>
        [p.meta.planTitle, ...p.profile.titleForms].some((title) => {
          const at = title.length >= 6 ? t.indexOf(title) : -1;
          if (at <= 0) return false;
          const before = t.slice(0, at).replace(/的$/, "");
          return PLACE_NAME.test(before) && !p.profile.placeAliases.some((a) => before.includes(a));
        }),
      ),
  );
  if (otherPlace) return true;
  if (namesLoaded) return false;
  return titles.some((t) => !ours.some((o) => o.includes(t) || t.includes(o)) && !mentioned(t, deps.plans));
}

/** A document number (豫政〔2024〕12号, 商环委办[2024]11号): issuer's abbreviation, year in brackets, serial. */
const DOC_NUMBER = /[\p{Script=Han}]{1,8}\s*[〔［[(（]\s*(?:19|20)\d\d\s*[〕］\])）]\s*\d{1,4}\s*号/gu;
/** Asking where a document is cited (某办〔2019〕78号是哪条引用的), not what it holds. */
const ASKS_WHERE_CITED = /在哪|哪一?[条项款段部]|哪里|出自|出处|引用|提到|依据/;

/** A document number as one form: no spaces, its year in 〔〕. */
function numberKey(written: string): string {
  return written
    .replace(/\s+/g, "")
    .replace(/[［[(（]/, "〔")
    .replace(/[］\])）]/, "〕");
}

/**
 * Whether the question asks what a document holds by a number no loaded document has (某省那个X政〔2024〕12号
 * 计划里的目标): a document a plan may cite, whose content it does not give.
 */
function namesForeignNumber(text: string, plans: readonly Plan[]): boolean {
  const numbers = [...text.matchAll(DOC_NUMBER)].map((m) => numberKey(m[0]));
  if (numbers.length === 0 || ASKS_WHERE_CITED.test(text)) return false;
  const own = plans.flatMap((p) => (p.meta.docNumber ? [numberKey(p.meta.docNumber)] : []));
  // (An issuer's abbreviation may stand after a word of the question: 河南省那个豫政〔2024〕12号.)
  return numbers.every((n) => !own.some((o) => n.endsWith(o)));
}

/** A document's title in title marks, of a kind of document (《…考核办法》, 《…条例》). */
const QUOTED_TITLE =
  /《([^《》]{2,40}(?:办法|条例|规定|细则|方案|计划|意见|规划|通知|决定|要点|标准|法))(?:[（(][^（）()]{1,10}[）)])?》/gu;

/** 2025年…工作方案 / 2024年度…计划: a plan named by its year. */
const PLAN_OF_YEAR = /(20\d\d)年度?[^，。；？?,;!！]{0,16}?(?:方案|计划|要点)/g;

/** The years a plan's title gives (2024年…方案 → 2024; （2025—2026年） → 2025, 2026); empty when it gives none. */
function titleYears(plan: Plan): number[] {
  const title = plan.meta.planTitle;
  const range = /(20\d\d)\s*[—–\-－~～至到]\s*(20\d\d)年/.exec(title);
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    return Array.from({ length: Math.max(0, to - from) + 1 }, (_, i) => from + i);
  }
  return [...title.matchAll(/(20\d\d)年/g)].map((m) => Number(m[1]));
}

/**
 * Whether a question naming a loaded plan asks of another city in it (某市的方案里邻市的PM2.5目标): a
 * prefecture-level city, written with 市, that none of the named plans is about or holds among its places — nor
 * mentions, for a province's or the country's plan, whose tasks fall to its cities — that city's own figures,
 * which the plan does not give. (A city's plan names its neighbours only as neighbours.)
 */
function asksOtherCityInNamedPlan(text: string, named: readonly Plan[], facts: QuestionFacts): boolean {
  if (named.length === 0 || facts.self) return false;
  // 〇〇方案里某县级市的目标: a county-level place the named plan gives no target of, its own target asked.
  // (A neighbour the plan names only to work with — 加强与某县的沟通协作 — has no figure of its own there; a row of
  // a target table — 某县　≤36　≥74.0 — has.)
  if (TARGET_ASKED.test(text))
    for (const m of text.matchAll(COUNTY_PLACE)) {
      const place = m[0];
      const ofPlan = named.some(
        (p) =>
          p.source.split(/[。；;\n]/).some((s) => s.includes(place) && A_FIGURE.test(s)) ||
          ownPlaceWords(p).some(
            (a) => a.length >= 2 && (a.startsWith(place.slice(0, 2)) || place.startsWith(a)),
          ),
      );
      if (!ofPlan) return true;
    }
  if (!text.includes("市")) return false;
  for (const city of cityNames()) {
    if (!text.includes(city) || !text.includes(`${city}市`)) continue;
    // (鞍山 inside 马鞍山市 is no city of its own.)
    const longer = [...cityNames()].filter((c) => c !== city && c.includes(city));
    if (!longer.reduce((t, c) => t.replaceAll(c, " "), text).includes(`${city}市`)) continue;
    const ofPlan = named.some(
      (p) =>
        ((p.profile.level === "provincial" || p.profile.level === "national") && p.source.includes(city)) ||
        ownPlaceWords(p).some((a) => a.startsWith(city) || city.startsWith(a)),
    );
    if (!ofPlan) return true;
  }
  return false;
}

/**
 * 某方案对钢铁企业超低排放改造有什么要求, of a plan that never speaks of steel: what the plan does not cover.
 * (Not when the industry is only where a case stands — a food plant's boiler, the asker's own works, a new
 * build — for a case is judged by what it is and does, whatever the industry.)
 */
function asksIndustryNamedPlanLacks(named: readonly Plan[], facts: QuestionFacts): boolean {
  if (named.length === 0 || facts.industries.length === 0) return false;
  if (facts.self || facts.newBuild || facts.entities.length > 0 || facts.things.size > 0) return false;
  return facts.industries.every((id) => named.every((p) => silentOnIndustry(p.source, id)));
}

/** A place's own figure asked for (…的浓度目标, 优良天数比率是多少). */
const TARGET_ASKED =
  /(?:目标|浓度|比率|比例|天数|PM2\.?5|细颗粒物)[^，。？?]{0,8}(?:是多少|多少|是什么|定的)/u;
/** A figure other than a year (a target's 36 or 74.0 in a table row, 35微克). */
const A_FIGURE = /(?<![\d.])\d+(?:\.\d+)?(?![\d.]|\s*年)/;
/** An English question asking a target (the PM2.5 target for a city). */
const TARGET_ASKED_EN = /\b(?:targets?|goals?)\b/i;
/** A figure a target is set in: a concentration, a share, a count of days. */
const TARGET_FIGURE = /\d+(?:\.\d+)?\s*(?:微克|%|％|天)/;

/**
 * Whether a target is asked of a place that is no loaded plan's own (北京市的PM2.5目标 of the national plan, a county
 * of a city's plan, "the target for Zhengzhou") and no item writes beside a figure: a plan sets its own place's
 * targets, and a list of the places in its key regions sets none for each of them.
 */
function asksTargetOfOtherPlace(text: string, facts: QuestionFacts, deps: UnderstandDeps): boolean {
  if (facts.self || !(TARGET_ASKED.test(text) || TARGET_ASKED_EN.test(text))) return false;
  const bare = (name: string) => name.replace(/[市县区省旗]$/, "");
  const places = new Set([
    ...placesNamed(text),
    // (A county's name the segmenter keeps whole: 宜昌城区 is the city's urban area, no place called 宜昌城.)
    ...[...text.matchAll(COUNTY_PLACE)]
      .filter((m) => segmenter().cut(m[0], false).length === 1)
      .map((m) => bare(m[0])),
  ]);
  return [...places].some(
    (place) =>
      place.length >= 2 &&
      !deps.plans.some((p) =>
        [p.profile.place?.zh, p.profile.province?.zh, ...p.profile.placeAliases].some(
          (own) => own !== undefined && bare(own) === place,
        ),
      ) &&
      !deps.plans.some((p) => p.items.some((i) => i.text.includes(place) && TARGET_FIGURE.test(i.text))),
  );
}

/**
 * 宁国市, 北辰区, 延吉市: a place of two or three characters and its level, standing on its own (after 里/的/在, a
 * preposition — 给某县定的 — or the question's start) — not a kind of area (城区, 建成区, 开发区, 高新区, 老城区), every
 * one of a level (各县) or a preposition taken for its first character (对城市). A place may begin as a kind of area
 * does (高邮市, 新密市, 商水县): only the area's words are kept out, not their first characters.
 */
const COUNTY_PLACE =
  /(?<=^|[里中的在和与、，,对把给按就跟]|方案|计划)(?![里中的在和与各全本该城市县区建园对把给按就跟]|新区|新城|新建|新老|老城|老区|重点|重建|开发|高新|经开|经济|工业|商业|商贸)[\p{Script=Han}]{2,3}(?:市|区|县|旗)(?![委政府局域级内外里])/gu;

/**
 * 某市2025年大气污染综合治理工作方案 when the plan of that place held is the 2024 one: a plan of a year none
 * of the named documents is — a document this deployment does not hold. Only where every named plan's
 * title gives its years.
 */
function namesAnotherYearsPlan(text: string, named: readonly Plan[]): boolean {
  if (named.length === 0) return false;
  const held = named.map(titleYears);
  if (held.some((years) => years.length === 0)) return false;
  // (2025—2026年度烟花爆竹禁限放管控方案: a plan the named one says to draw up is one of its tasks, no other.)
  const asked = [...text.matchAll(PLAN_OF_YEAR)]
    .filter((m) => !mentioned(m[0], named))
    .map((m) => Number(m[1]));
  return asked.length > 0 && asked.every((year) => !held.some((years) => years.includes(year)));
}

/** A title shorter than this is looked for whole; a longer one by its last this many characters. */
const TITLE_TAIL = 7;
/**
 * Whether the loaded documents mention a title in their text (修订大气污染防治法): a law or plan they
 * refer to is one of their topics, not another document asked about. The title's tail is looked for,
 * as the question may run words into its front.
 */
function mentioned(title: string, plans: readonly Plan[]): boolean {
  // 的 the asker puts between a title's words (产能退出的实施方案) the document's title has not.
  const tail = title.replace(/的/g, "").slice(-TITLE_TAIL);
  return plans.some((p) => p.items.some((i) => i.text.includes(tail)));
}

/**
 * A place's document by its title (某市2024—2025年秋冬季攻坚方案, 某省2025年…重点工作任务): a place,
 * title words and a kind of document, where the place is no loaded document's. Words that put the
 * place in a sentence (在, 对 …) end the title: 郑州市在国家计划里 names the national plan.
 */
const PLACE_TITLE =
  /(?:(?<![\p{Script=Han}])|(?<=请问|关于|查一下|问一下|看看|想知道))((?:[\p{Script=Han}]{2,4}?(?:自治区|省|市|县|区)|\p{Script=Han}县)(?![域级场城内外直属委长]))((?:[\d—\-–~至年]|[\p{Script=Han}]){0,30}?)(?:方案|计划|要点|任务清单|工作任务|重点任务|办法|细则)/gu;
/** A capitalised name owning a plan or a target: "Luoyang's own air quality plan", "Hubei's PM2.5 target". */
const EN_PLACE_TITLE =
  /\b([A-Z][a-z]+)(?:'s|’s)\s+(?:own\s+)?(?:[A-Za-z0-9.-]+\s+){0,4}?(?:plan|programme|program|rules|policy|regulations|targets?|goals?)\b/g;
/** Owners of a plan that are no other place: the country, the asker, the loaded plan's kind of body. */
const NOT_AN_EN_PLACE =
  /^(?:china|chinese|the|state|national|government|council|city|province|county|district|region|area|town|banner|prefecture|ministry|our|my|its|their|your|what|that|it|there|here|who|where|how|let|he|she|today|year|country|nation|world)$/;
/** Characters no place name has (要求省级实施方案 is no place's title). */
const NOT_A_PLACE = /要求|方案|计划|实施|行动|文件|政策|工作|规定|[级的年月日]|^全/;
const TITLE_BREAK = /[在对里中的是算要有按给和与及跟把被从向为]/;

/**
 * A rule the asker names by its words: 那条…的要求, 这项…的规定, 受计划里…的限制, "the 35 t/h phase-out"
 * (a figure with the rule's own noun after it).
 */
const NAMED_RULE =
  /(?:那|这)(?:条|项)(?![线])[^，,。；;？?]{4,40}?的?(?:要求|规定|条款)|受(?:到)?(?:国家|省|市|县)?(?:的)?(?:计划|方案)(?:里|中|上)的?[^，,。；;？?]{4,40}?的(?:限制|约束|要求|规定)|\bthe\s+(?:[a-z-]+\s+){0,2}\d[\d,.]*\s*(?:[a-z/%³]+\s+){0,3}(?:phase-?out|rule|requirement|threshold|cut-?off|ban|provision|clause)s?\b|\(\s*\d[\d,.]*\s*(?:[a-z/%³]+\s+)?(?:and|or)\s+(?:under|below|less|smaller|over|above|more|larger)\s*\)|(?:计划|方案|文件|政策)(?:里|上|中)?(?:说|讲|提到?|规定)(?:的|了|要)?[^，,。；;？?]{2,40}?(?:及以下|及以上)[^，,。；;？?]{0,10}|\b(?:plan|rule|policy)\s+(?:says?|said|will)\s+[^,.;?]{0,80}?(?:及以下|及以上)/gi;

/**
 * The case without what the asker reports a document says before it (听说市里规定出租车都要换新能源，我们的救护车…):
 * the rule's things are not the asker's — when the rest names a thing of its own; else the report is all the case has.
 */
function withoutReportedRule(text: string, lang: Query["lang"], w: AskingWords): string {
  const rest = text.replace(w.reportedRule, "这条要求");
  return rest !== text && extractFacts(rest, lang).entities.length > 0 ? rest : text;
}

let placeTitle: RegExp | null = null;

/**
 * {@link PLACE_TITLE} with the prefecture-level cities of `data/cities.yaml` named bare too (某市方案, 某市的计划
 * without 市): a city's name needs no suffix to be a place.
 */
function placeTitlePattern(): RegExp {
  if (!placeTitle) {
    const cities = [...cityNames()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    const source = PLACE_TITLE.source.replace(
      "|\\p{Script=Han}县)",
      `|\\p{Script=Han}县|${cities.join("|")})`,
    );
    if (source === PLACE_TITLE.source)
      throw new Error("PLACE_TITLE no longer has the place group cities join");
    placeTitle = new RegExp(source, "gu");
  }
  return placeTitle;
}

/** Whether the question names, by {@link PLACE_TITLE}, a document of a place no loaded document has. */
function namesOtherPlacesDocument(text: string, plans: readonly Plan[]): boolean {
  // "Luoyang's own air quality plan": a place's plan in English, the place none of the loaded ones.
  for (const m of text.matchAll(EN_PLACE_TITLE)) {
    const place = (m[1] as string).toLowerCase();
    if (NOT_AN_EN_PLACE.test(place)) continue;
    if (!plans.some((p) => p.profile.placeAliases.some((a) => a.toLowerCase() === place))) return true;
  }
  for (const m of text.matchAll(placeTitlePattern())) {
    const place = m[1] as string;
    // 某市的空气质量行动计划, 某市自己的…计划, 某市自己2024年出台的…计划, 某市出的…计划: a 的 right after the place
    // (or its 自己, the year and the verb that issued it, said formally or not) is the title's own.
    const title = (m[2] as string).replace(
      /^(?:自己|自家|本地|当地)?(?:20\d\d年度?)?(?:出台|印发|制定|发布|下发|颁布|出|发|定|搞|弄|编)?的/,
      "",
    );
    const core = place.replace(/(?:自治区|省|市|县|区)$/, "");
    if (
      /^[全本我该各这那每外省市县区不]/.test(place) ||
      NOT_A_PLACE.test(core) ||
      TITLE_BREAK.test(core) ||
      TITLE_BREAK.test(title)
    )
      continue;
    // 某市某区2025年…方案: a loaded place named in the title after the city is the plan asked.
    if (plans.some((p) => p.profile.placeAliases.some((a) => a.length >= 2 && title.startsWith(a)))) continue;
    // Words before the place run into it (列出沛县…计划): a loaded place at its end is that place.
    const loaded = (a: string) => a === place || a === core || (a.length >= 2 && place.endsWith(a));
    const placesPlans = plans.filter((p) => p.profile.placeAliases.some(loaded));
    // 某市2024年…方案 where the place's loaded plans are all of other years: another of its documents.
    const year = /(20\d\d)\s*年/.exec(title)?.[1];
    const ofOtherYears = (p: Plan) => {
      // A title without a year: the plan is of the year it was signed.
      const years = titleYears(p);
      const of = years.length > 0 ? years : p.meta.signed ? [Number(p.meta.signed.slice(0, 4))] : [];
      return of.length > 0 && !of.includes(Number(year));
    };
    if (placesPlans.length > 0 && !(year && placesPlans.every(ofOtherYears))) continue;
    return true;
  }
  return false;
}

/**
 * Whether the question asks about a city or county no loaded document is about or mentions, naming no
 * loaded document (某市重污染天气期间机动车限行是怎么规定的): that place's own rules, which are not here.
 * A case of the asker's own there (我们厂在某市…) is still judged by the rules loaded.
 */
function asksAboutUncoveredPlace(
  text: string,
  namesLoaded: boolean,
  facts: QuestionFacts,
  deps: UnderstandDeps,
): boolean {
  if (namesLoaded || facts.self) return false;
  // Whether a place is in the national key regions is the rules' matter where they know the place.
  const regionAsked = facts.cues.has("key-region") || facts.cues.has("not-key-region");
  // Only the words ending in 市 or 县 the dictionary takes whole as a place name: tagging short
  // candidates, not the whole question, keeps this cheap.
  // (Counties of one character — 郏县, 浚县 — are places only as the dictionary tags them; 外县 is none.)
  const candidates = new Set<string>();
  for (const m of text.matchAll(/[市县]/g))
    for (let n = m[0] === "县" ? 1 : 2; n <= 4; n++)
      if (m.index >= n) candidates.add(text.slice(m.index - n, m.index + 1));
  return [...candidates]
    .filter((c) => /^[\u4e00-\u9fa5]+$/.test(c))
    .flatMap((c) => segmenter().tag(c, false))
    .some(
      ({ word, tag }) =>
        (tag === "ns" || (facts.entities.length === 0 && listedCity(word, deps.plans))) &&
        (/^[\u4e00-\u9fa5]{2,6}[市县]$/.test(word) ||
          (/^[\u4e00-\u9fa5]县$/.test(word) && tag === "ns" && word !== "外县")) &&
        !deps.plans.some((p) =>
          [
            p.profile.place?.zh,
            p.profile.province?.zh,
            ...p.profile.placeAliases,
            ...p.profile.subdivisions,
          ].some((a) => a !== undefined && (a === word || a === word.slice(0, -1))),
        ) &&
        !(regionAsked && (deps.places?.(word) ?? []).length > 0) &&
        // A plan's list of places (the key regions) is no plan about that city.
        (listedCity(word, deps.plans) || !deps.coverage(word).matchedWords.includes(word)) &&
        // A county a loaded plan names (its own counties, where a task stands) is no other place; a
        // city it names may be the one above it (某市's plan is not its county's).
        !(word.endsWith("县") && deps.plans.some((p) => p.source.includes(word))),
    );
}

/**
 * Whether a question asks of a place no mainland plan governs (香港, 澳门, 台湾) and of none of the loaded plans'
 * places: its own rules are asked (澳门餐厅排烟有什么规定), which no loaded document gives. A Hong Kong investor's plant
 * in a loaded plan's city is that plan's case.
 */
function asksOfOtherJurisdiction(text: string, deps: UnderstandDeps, w: AskingWords): boolean {
  if (!w.otherJurisdictions.test(text)) return false;
  return !deps.plans.some((p) => ownPlaceWords(p).some((place) => place.length >= 2 && text.includes(place)));
}

/** A paper a task has written (秋冬季错峰生产方案, 年度目标任务书): a name ending in a kind of document. */
const PAPER = /[\u4e00-\u9fa5]{2,12}?(?:方案|计划|任务书|清单|办法|预案|细则)/g;
/** What names no paper of its own: the kinds of plan every document is (年度实施方案, 攻坚行动方案). */
const GENERIC_PAPER =
  /^(?:\d{4}年)?(?:年度|实施|工作|行动|攻坚|专项|三年|总体|全市|全县|全区|大气|污染|防治)*(?:方案|计划|任务书|清单|办法|预案|细则)$/;

/**
 * Whether a question asking when something is issued (印发) names a paper a task of the named plan
 * writes (2025年11月15日前印发实施秋冬季错峰生产方案): it asks about that task, not about the plan's own issue.
 */
function namesItsOwnPaper(text: string, plans: readonly Plan[]): boolean {
  const titles = plans.map((p) => [p.meta.title, p.meta.planTitle, p.profile.name.zh].join("\n"));
  for (const m of text.matchAll(PAPER)) {
    const name = m[0];
    // The name as asked, then shorter from its start (景德镇年度大气目标任务书 → …目标任务书), down to five characters.
    for (let start = 0; name.length - start >= 5; start++) {
      const tail = name.slice(start);
      if (GENERIC_PAPER.test(tail)) break;
      if (
        plans.some((p, i) => !titles[i]?.includes(tail) && p.items.some((item) => item.text.includes(tail)))
      )
        return true;
    }
  }
  return false;
}

/**
 * A prefecture-level city of `data/cities.yaml` written with 市 (周口市) that no loaded plan is about —
 * whatever the word dictionary tags it. A plan listing it among its key regions is no plan of its own;
 * a case there (周口市的养鸡场) is the rules' matter, so the caller asks this only of questions without one.
 */
function listedCity(word: string, plans: readonly Plan[]): boolean {
  const city = word.slice(0, -1);
  return (
    word.endsWith("市") &&
    cityNames().has(city) &&
    !plans.some((p) => [p.profile.place?.zh, ...p.profile.placeAliases].some((a) => a?.startsWith(city)))
  );
}

/** A place below a plan's own, as plans write it: 某某县, 某某区, 某某镇, 某某街道, 某某开发区. */
const LOCAL_PLACE = /[\u4e00-\u9fa5]{2,4}?(开发区|高新区|新区|街道|县|区|镇|乡|旗)/g;
/** Suffixes that are no kind of area too (a bare 区 or 新区 may be 重点区, 城区): a place whatever the dictionary says. */
const PLACE_ONLY_SUFFIX = new Set(["县", "镇", "乡", "旗", "街道", "开发区", "高新区"]);
/** Words before such a suffix that make it a kind of area, not a place (经济开发区, 重点区, 全市). */
const AREA_KIND = /^(?:经济|工业|高新|技术|产业|重点|相关|周边|城|全|各|本|该|乡|村|市|县|区|镇)/;

/**
 * The one loaded plan a question places itself in by a county, district, town or zone that plan names
 * and no other does (某某县城那18台小锅炉 → the city plan naming 某某县): read as naming that plan.
 * A word the dictionary does not know as a place counts only with a suffix that is not also a kind of
 * area (县, 镇, 街道, 开发区 — not a bare 区); a city (某市) may be the one above the plan's, and is none.
 */
function localPlaceNamed(text: string, plans: readonly Plan[]): DocumentMention[] {
  for (const m of text.matchAll(LOCAL_PLACE)) {
    // The shortest place ending where the match ends, then longer ones (许村镇 before 在许村镇).
    const end = m.index + m[0].length;
    const suffix = m[1] as string;
    for (let n = 2; n <= 4; n++) {
      const start = end - suffix.length - n;
      if (start < 0) break;
      const word = text.slice(start, end);
      const core = word.slice(0, n);
      // 某市区 is a city's urban area, not a place below it.
      if (!/^[\u4e00-\u9fa5]+$/.test(core) || AREA_KIND.test(core) || /[市县省]$/.test(core)) continue;
      const place =
        segmenter()
          .tag(word, false)
          .some((t) => t.tag === "ns" && t.word === word) || PLACE_ONLY_SUFFIX.has(suffix);
      if (!place) continue;
      const naming = plans.filter((p) => p.source.includes(word));
      if (naming.length === 1) return [{ doc: (naming[0] as Plan).doc, words: [word] }];
      if (naming.length > 1) break;
    }
  }
  // A town said without the suffix its plan writes (某某井 for 某某井镇): the words of the question at its
  // tokens' bounds, a town of one local plan.
  const tagged = segmenter().tag(text, false);
  const towns = townsOf(plans);
  if (towns.size > 0) {
    let at = 0;
    const bounds = new Set([0]);
    for (const t of tagged) {
      at += t.word.length;
      bounds.add(at);
    }
    for (const [core, doc] of towns) {
      const i = text.indexOf(core);
      if (i >= 0 && bounds.has(i) && bounds.has(i + core.length)) return [{ doc, words: [core] }];
    }
  }
  // A place said without its suffix (夹江的瓷砖厂, 赤水河边上): a place name the dictionary knows, no city
  // of the list, that one local plan names.
  for (const t of tagged) {
    if (t.tag !== "ns" || t.word.length < 2 || /[省市]$/.test(t.word) || cityNames().has(t.word)) continue;
    const naming = plans.filter((p) => p.source.includes(t.word));
    const plan = naming[0];
    if (naming.length === 1 && plan && plan.profile.level !== "national")
      return [{ doc: plan.doc, words: [t.word] }];
  }
  return [];
}

const townsByPlans = new WeakMap<readonly Plan[], Map<string, string>>();

/**
 * The towns, townships and banners local plans name with their suffix (某某镇, 某某乡, 某某苏木), by name
 * without it (three characters or more, so no common word), each written by one plan only.
 */
function townsOf(plans: readonly Plan[]): Map<string, string> {
  const known = townsByPlans.get(plans);
  if (known) return known;
  const docs = new Map<string, Set<string>>();
  for (const plan of plans) {
    if (plan.profile.level === "national") continue;
    for (const m of plan.source.matchAll(TOWN)) {
      const core = m[1] as string;
      if (!AREA_KIND.test(core) && !NO_TOWN.test(core))
        docs.set(core, (docs.get(core) ?? new Set()).add(plan.doc));
    }
  }
  const towns = new Map<string, string>();
  for (const [core, named] of docs) {
    if (named.size !== 1) continue;
    // 对某某镇, 落实乡镇: a clause's verb or preposition before the place, not a part of its name.
    if (
      segmenter()
        .tag(core, false)
        .some((t) => NOT_IN_NAME.test(t.tag))
    )
      continue;
    towns.set(core, [...named][0] as string);
  }
  townsByPlans.set(plans, towns);
  return towns;
}

/** Words of a town's core that make it an area or a body's name (建成区, 某州住房城乡, 国网某乡供电公司). */
const NO_TOWN = /[区城县市州路]|^(?:国网|人行)/;
/** Tags of words no place name holds: verbs, prepositions, adverbs, numerals, pronouns, directions. */
const NOT_IN_NAME = /^[vpdamrcufqt]/;
/** A town as a plan lists it: 某某井镇 after a list mark or at the start of a clause. */
const TOWN = /(?<=[、，,：:（(\s]|^)([\u4e00-\u9fa5]{3,4}?)(?:镇|乡|苏木|街道)/gmu;

/** A place name standing alone: 河南省, 昆明市, 某县. */
const PLACE_NAME = /^[\u4e00-\u9fa5]{1,8}(?:省|市|县|区|自治区|自治州)$/;

const titlesOf = new WeakMap<readonly Plan[], string[]>();

/** The titles and names of the loaded documents (remembered per corpus). */
function loadedTitles(plans: readonly Plan[]): string[] {
  let titles = titlesOf.get(plans);
  if (!titles) {
    titles = plans
      .flatMap((p) => [p.meta.planTitle, p.meta.title ?? "", p.profile.name.zh, ...p.profile.aliases])
      .filter((t) => t.length > 0);
    titlesOf.set(plans, titles);
  }
  return titles;
}

/** An empty Query for input that is not a question. */
function invalidQuery(raw: string, text: string, reason: Query["invalid"] & string): Query {
  return {
    raw,
    text,
    lang: detectLang(text),
    invalid: reason,
    docs: [],
    named: false,
    framing: [],
    refs: [],
    phrase: null,
    departments: [],
    role: null,
    deadline: null,
    facts: extractFacts("", "zh"),
    factsText: "",
    topic: "",
    intents: [],
    residue: 0,
    expansions: [],
    unbridged: [],
    offTopicCue: false,
    otherDocument: false,
    absent: null,
    asksFor: [],
    measure: null,
    translations: [],
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
  const w = askingWords();
  const known = (word: string) => deps.coverage(word).matchedWords.length > 0;
  const documentWord = (word: string) => deps.coverage(word).matchedWords.includes(word);
  const plain = fromDialect(simplify(withoutNoise(cleanText(input), documentWord)), w.dialect);
  const dictated = onlyInstructions(plain, w.instruction);
  const question = withoutRemark(withoutInstructions(plain, w.instruction), w.remark);
  // A text to be written (写一首关于蓝天的诗) is asked for, not what the plans say of its subject (read before
  // typos are repaired: 诗 is no typo).
  const composes = w.compose.test(question);
  const text = deps.repairTypos(question).text;
  if (isEmptyText(text)) return invalidQuery(input, text, "empty");
  const lang = detectLang(text);
  const cut = text.slice(0, MAX_QUESTION);
  const refs = dictated ? [] : findRefs(cut);
  // A section by its title (面源污染治理那部分, 保障措施第三条) — over a bare 第三条 read as numbered
  // across the document.
  if (refs.length === 0 || refs[0]?.across) {
    const titled = sectionsByTitle(cut, namedDocuments(cut, deps.plans), deps.plans);
    if (refs.length === 0 || titled[0]?.path.length === 2) refs.splice(0, refs.length, ...titled);
  }
  // A figure with its unit (45t/h, 20万羽) says a fact, however few its letters: no gibberish (a share,
  // 1234 %%%%, may be keyboard noise).
  const measured = findAmounts(cut).some((a) => a.unit !== null && a.unit !== "%");
  // …nor does a bare figure said after an answer (0.28呢): a fact of the case before it, changed.
  const figureAfter = context !== null && findAmounts(cut).length > 0;
  if (refs.length === 0 && !measured && !figureAfter && isGibberish(cut, w, known))
    return invalidQuery(input, text, "not_a_question");

  const found = deps.expand(cut);
  const levels = levelsNamed(cut, deps);
  const byName = namedDocuments(cut, deps.plans, levels);
  const byPlace = byName.length > 0 ? byName : localPlaceNamed(cut, deps.plans);
  const named = lang !== "en" ? byPlace : englishNamed(cut, byPlace, found, deps.plans);
  // Beside a key region the national plan names, a place is what is asked about (is the city in it?): its
  // name is looked for too.
  const regionNamed = levels.some((l) => l.topical);
  const isPlace = (word: string) =>
    deps.plans.some((p) => p.profile.place !== null && p.profile.place.zh.startsWith(word));
  const docNames = [
    ...named
      .flatMap((n) => n.words)
      .filter((word) => !deps.topicalLevelWords?.has(word) && !(regionNamed && isPlace(word))),
    ...englishTitleWords(cut, named, deps.plans),
    ...chineseTitleSpan(cut, named, deps.plans),
  ];
  // A department the asker sets aside (县公安局（不是交警大队）, 除了发改委) is not asked about, and the words
  // setting it aside ask nothing of their own.
  const setAsideBy = (m: { start: number }) =>
    w.setAside.exec(cut.slice(Math.max(0, m.start - 4), m.start))?.[0];
  const allMentions = findDepartmentMentions(cut);
  const mentions = allMentions.filter((m) => setAsideBy(m) === undefined);
  const asides = allMentions.flatMap((m) => setAsideBy(m) ?? []);
  const namedPlans = deps.plans.filter((p) => named.some((n) => n.doc === p.doc));
  const departments = [...new Set(mentions.flatMap((m) => ownUnitNames(m, namedPlans)))];
  // "the environment bureau (市生态环境局)": the English before a department's name in brackets is its gloss,
  // no topic of its own.
  const glosses = mentions.flatMap((m) => {
    const before = cut.slice(0, m.start);
    const gloss = /((?:[A-Za-z][A-Za-z'’-]*\s+){1,8})[(（]\s*$/.exec(before);
    return gloss ? [(gloss[1] as string).trim()] : [];
  });
  const deadline = readDeadlineAsk(cut, w);
  // The role words the plans asked about define (主攻, 助攻, 认领): asking by them is asking by role.
  const planRoles = planRoleWords(cut, named.length > 0 ? namedPlans : deps.plans);
  const aboutWords = documentWords(cut, w);
  // 国家计划里对应的是哪条, after an answer: which item of that document answers to the last one — the
  // previous topic asked of it, no phrase of its own to look up.
  const counterpart = context ? (cut.match(new RegExp(w.counterpartAsk.source, "gi")) ?? []) : [];
  const source =
    asksForSource(cut, w) &&
    !(
      counterpart.length > 0 &&
      textWithout(cut, [...docNames, ...counterpart]).replace(NO_PHRASE, "").length < 2
    );
  const phrase = source ? quotedPhrase(cut, w) : null;
  // Asking who or when is not a topic either.
  const asking = [w.whoAsk, w.whenAsk].flatMap((re) => cut.match(new RegExp(re.source, "gi")) ?? []);
  // A time after a deadline (2025年底后还能跑吗) is the asker's, in words plans never write: no topic, and
  // not looked for. (A deadline itself, 到2025年, is the plans' own words.)
  const later = (deadline?.ask.matched ?? []).flatMap((m) => {
    const after = new RegExp(`${escapeRegExp(m)}(?:以后|之后|后)`).exec(cut);
    return after ? [after[0]] : [];
  });
  const naming = [
    ...docNames,
    ...titleWords(cut, named, deps.plans),
    ...glosses,
    ...(cut.match(w.planNickname) ?? []),
  ];
  const removedWords = [
    ...naming,
    ...asides,
    ...(deadline?.ask.matched ?? []),
    ...aboutWords,
    ...(aboutWords.length > 0 ? (cut.match(w.documentFraming) ?? []) : []),
    ...asking,
    ...counterpart,
    // (回到市里的: where the conversation turns, no topic.)
    ...(context?.earlier ? (cut.match(new RegExp(w.turningBack.source, "gi")) ?? []) : []),
    ...planRoles.map(([word]) => word),
    ...planTimeWords(cut, named.length > 0 ? namedPlans : deps.plans),
  ];
  const { residue, english, specific } = residueOf(cut, removedWords, deps, w);

  const intents: Intent[] = [];
  if (refs.length > 0) intents.push("cite");
  if (source && phrase) intents.push("source");
  const listing = residue < LISTING_RESIDUE;
  // What kind of answer it wants is said where it asks (not in 今天天气不错 said before the question).
  const asked = askingSentences(cut);
  // (A yes or no beside a when- or who-question — 啥时候淘汰，有没有补贴 — is asked by the way: the items
  // that say when answer it by what they say.)
  const alsoAsksWhoOrWhen = w.whoAsk.test(cut) || w.whenAsk.test(cut);
  const asksFor = Object.entries(w.answerTypes)
    .filter(([, t]) => t.ask.test(asked) && !(t.verdict && alsoAsksWhoOrWhen))
    .map(([name]) => name);
  const measure =
    asksFor
      .map((name) => w.answerTypes[name]?.ask.exec(asked)?.groups?.measure)
      .find((m) => m !== undefined) ?? null;
  // Asking a department for a kind of answer a plan rarely gives (how to apply, a phone number) is no
  // question of what it is tasked with.
  // (Asked in a sentence of its own — I run a research partnership. Which tasks involve the science bureau? /
  // 城管局牵头管啥？？每次都说不归我们管 — the sentences that tell or vent around it add no topic to it.)
  const listingSentence = () =>
    cut
      .split(/(?<=[。！？!?]|\.(?=\s))\s*/)
      .filter((s) => s !== cut && w.departmentAsk.test(s) && findDepartmentMentions(s).length > 0)
      .some((s) => residueOf(s, removedWords, deps, w).residue < LISTING_RESIDUE);
  if (
    departments.length > 0 &&
    w.departmentAsk.test(cut) &&
    (listing || listingSentence()) &&
    asksFor.length === 0
  )
    intents.push("department_listing");
  // Deadlines asked with no date, year or state (X的截止时间是？) list them only when little else is
  // asked: with a topic beside, it is that topic's deadline.
  const a = deadline?.ask;
  const unbounded = a && !a.year && !a.date && !a.monthDay && !a.state && !a.heatingSeason;
  const limit = unbounded ? UNBOUNDED_LISTING_RESIDUE : LISTING_RESIDUE;
  // (Asked for a kind of answer a listing does not give — the day a season starts, 哪天开始 — it is no
  // listing: whether an item gives it decides, as for a department's.)
  if (deadline?.listing && residue + english < limit && !specific && asksFor.length === 0)
    intents.push("deadline_listing");
  // Asking about a document it names is about the document even with more words around it.
  if (
    aboutWords.length > 0 &&
    (listing || (named.length > 0 && residue < LISTING_RESIDUE * 2)) &&
    !namesItsOwnPaper(cut, namedPlans)
  )
    intents.push("document");
  // 谁抓总？ 谁主抓？: 谁 with a role's word of the genre or of a plan asks who, as 谁牵头 does.
  if (w.whoAsk.test(cut) || (/谁/.test(cut) && (planRoles.length > 0 || hasRoleVerb(cut))))
    intents.push("who");
  if (w.whenAsk.test(cut)) intents.push("when");

  // What the words naming a document mean (蓝天 of a 蓝天保卫战 plan → 优良天数) is no topic of the question.
  const topical = docNames.length > 0 ? deps.expand(textWithout(cut, docNames)) : found;
  const expansions = composes ? [] : [...evidence(topical), ...departments];
  // Dictionary translations of English words help ranking; unless the lexicon vouches the word is a
  // topic of the genre, they are no evidence the question is about the plans (every English word
  // translates to something), so they stay out of `expansions`.
  // Places written in pinyin (with Zhuzhou and Changsha) help ranking as their Chinese names do; like other
  // translations they are no evidence of a topic.
  const places = placesByPinyin();
  const placeNames = [
    ...new Set(
      textWithout(cut, docNames)
        .toLowerCase()
        // Beijing-Tianjin-Hebei names a region, not its cities.
        .replace(/\b[a-z]+(?:-[a-z]+)+\b/g, " ")
        .match(/[a-z]{4,}/g) ?? [],
    ),
  ]
    .map((word) => places.get(word))
    .filter((name): name is string => name !== undefined);
  const translations = [
    ...topical.filter((e) => !e.topic).map((e) => e.terms.join(" ")),
    ...(lang === "en" ? placeNames : []),
  ];
  const searchText = [textWithout(cut, [...docNames, ...later]), ...expansions, ...translations].join(" ");
  // 《某市…考核办法》 or 某县…工作要点: another document than those loaded, though it shares their words.
  const quotedTitle = foreignQuotedTitle(cut, deps.plans);
  const otherPlaces = namesOtherPlacesDocument(cut, deps.plans) || quotedTitle !== null;
  const absentLevel = absentLevelAsked(cut, levels, deps.plans);
  // A county of a loaded plan's city (某县) puts the case in that city for every document's rules.
  const within = placesOfSubdivisions(cut, deps.plans);
  const placed = within.length > 0 ? `${cut}（${within.join("、")}）` : cut;
  const unbridged = unbridgedWords(cut, found, docNames, deps, w);
  // The rule the asker names (国家计划那条新建及迁建须接入铁路专用线的要求管我们吗) is not the case: its words
  // (新建, 迁建, its threshold) say nothing of the asker's site.
  // Follow-ups carry the case on (factsText), so the rule's words stay out of it too.
  const caseText = withoutReportedRule(
    placed.replace(NAMED_RULE, (m) => (/^[a-z(]/i.test(m) ? "this rule" : "这条要求")),
    lang,
    w,
  );
  const facts = extractFacts(caseText, lang);
  const uncoveredPlace = asksAboutUncoveredPlace(cut, named.length > 0, facts, deps);
  const query: Query = {
    raw: input,
    text,
    lang,
    invalid: null,
    // 某县…工作要点 shares a loaded title's words, but names another place's document.
    docs: otherPlaces ? [] : named.map((n) => n.doc),
    named: named.length > 0,
    framing: [...naming, ...asking, ...later],
    refs,
    phrase,
    departments,
    role: askedRole(cut, w) ?? soleRole(planRoles),
    deadline: deadline?.ask ?? null,
    factsText: caseText,
    topic: cut,
    facts,
    intents,
    residue,
    expansions,
    unbridged,
    otherDocument: otherPlaces || uncoveredPlace,
    absent:
      quotedTitle !== null ? { title: quotedTitle } : absentLevel !== null ? { level: absentLevel } : null,
    offTopicCue:
      dictated ||
      composes ||
      otherPlaces ||
      asksOffTopic(cut, asked, found, deps, w) ||
      namesForeignDocument(cut, named.length > 0, deps, w) ||
      namesAnotherYearsPlan(cut, namedPlans) ||
      asksOtherCityInNamedPlan(cut, namedPlans, facts) ||
      asksIndustryNamedPlanLacks(namedPlans, facts) ||
      uncoveredPlace ||
      asksOfOtherJurisdiction(cut, deps, w) ||
      absentLevel !== null ||
      asksTargetOfOtherPlace(cut, facts, deps),
    asksFor,
    measure,
    translations,
    searchText,
    followUp: null,
  };
  // (Turned back to the turn before the last — 回到市里的，这个试点… — that turn is what the question leans on;
  // the clause turning back only said which turn, and what follows it is what is asked.)
  const turnedBack = turnedBackTo(query, context, w);
  const conversation = turnedBack ?? context;
  const leaning = turnedBack
    ? {
        ...query,
        text: withoutTurning(query.text, w),
        searchText: withoutTurning(query.searchText, w),
        named: false,
      }
    : query;
  const followUp = conversation ? readFollowUp(leaning, conversation, deps) : null;
  const merged = followUp ? followUp.query : query;
  // Changing a fact of a check (救护车呢, 只有一半呢) asks the same check again.
  // (…unless it only asks what the clause says — 那到时候要降多少, 进了试点要干些啥, 啥时候之前 — stating nothing new.)
  const onCase =
    followUp?.followUp.kind === "facts" &&
    (conversation?.kind === "check" || (conversation?.factsText ?? null) !== null);
  const clause = onCase && conversation ? asksClauseOnly(query, w, conversation) : null;
  const clauseOnly = clause !== null;
  const recheck = onCase && !clauseOnly;
  // …of a topic of its own in another document (国家层面对储罐这块说了些啥, after a verdict on the asker's paint):
  // that document's clause on that topic, found by the turn's own words — the case before it is not searched.
  if (clause?.ownTopic && conversation && namesOtherDocument(query, conversation)) return query;
  // …of the clause just answered (这个试点归谁管): its items again, the asked part in front — unless the turn
  // names another document to ask it of (国家计划对这个试点有什么要求).
  if (
    clause?.named &&
    conversation &&
    followUp &&
    !namesOtherDocument(query, conversation) &&
    namedInPrevious(clause.named, conversation, deps)
  )
    return {
      ...merged,
      intents: [...merged.intents.filter((i) => i !== "check"), "topic"],
      followUp: { kind: "items", context: conversation, again: false },
    };
  // (An aspect of the previous answer asks what the clause says of it: no case to judge.)
  const aspect = followUp?.followUp.kind === "aspect" && asksSameAsBefore(merged.text);
  if (!source && !clauseOnly && (recheck || (!aspect && asksCheck(merged, w)))) merged.intents.push("check");
  // 那X局呢 after a department's listing: the same listing of the department it names.
  if (
    conversation?.kind === "department_listing" &&
    query.departments.length > 0 &&
    query.residue < LISTING_RESIDUE &&
    !merged.intents.includes("department_listing")
  )
    merged.intents.unshift("department_listing");
  const listed = conversation ? followUpOnList(query, merged, conversation, w) : null;
  if (listed) return listed;
  if (merged.intents.length === 0 || !merged.intents.some((i) => i !== "who" && i !== "when"))
    merged.intents.push("topic");
  return merged;
}
