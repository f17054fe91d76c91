/**
 * Facts from one question, Chinese or English: the things it names, the entities it describes (each
 * with its own figures, fuel and standard), industries, fuels, places, cues, an emission standard, a
 * performance grade and a year. The words come from data/facts.yaml; reading numerals and tying
 * figures to their things is code (./numbers.ts, ./entities.ts). Pure and deterministic.
 */
import { cityNames, escapeRegExp } from "../corpus/index.js";
import { batchesSaid, findEntities, fuelsIn, measureOf } from "./entities.js";
import { findAmounts, findStandard } from "./numbers.js";
import type { Entity, QuestionFacts } from "./question.js";
import { type Vocabulary, vocabulary, type Word } from "./vocabulary.js";

export { findAmounts, findStandard } from "./numbers.js";
export type { Amount, Entity, Figure, QuestionFacts, Standard } from "./question.js";

/**
 * The ids of a word list found in a text, in list order; `unless` and `cancels` applied. Of two words
 * that cancel each other (集中供暖 and 生产用汽), the one said last stands: a case told again in a
 * conversation ("…集中供暖用，要是给厂里生产供蒸汽用的呢") is as it was told last.
 */
function found(list: readonly Word[], text: string, original = text): string[] {
  const ids = list.filter((w) => w.re.test(text) && !w.unless?.test(original));
  const cancelled = new Set<string>();
  for (const w of ids) {
    const other = w.cancels ? ids.find((o) => o.id === w.cancels) : undefined;
    if (!other) continue;
    const mutual = other.cancels === w.id;
    cancelled.add(mutual && lastAt(other.re, text) > lastAt(w.re, text) ? w.id : other.id);
  }
  return ids.filter((w) => !cancelled.has(w.id)).map((w) => w.id);
}

/** Where the last match of a pattern in a text starts. */
function lastAt(re: RegExp, text: string): number {
  let at = -1;
  for (const m of text.matchAll(everywhere(re))) at = m.index;
  return at;
}

/** Whether a pattern is last said after another (现有 after 新建: the case is no new build after all). */
function saidLater(later: RegExp | undefined, earlier: RegExp | undefined, text: string): boolean {
  return later !== undefined && earlier !== undefined && lastAt(later, text) > lastAt(earlier, text);
}

function gradeOf(asked: string, v: Vocabulary): QuestionFacts["grade"] {
  // A grade the asker asks about (要达到A级吗) is the requirement, not the case's own grade.
  const text = asked.replace(v.grades.asked, " ");
  if (v.grades.none.test(text)) return "none";
  if (v.grades.lead.test(text)) return "lead";
  if (v.grades.below.test(text)) return "below";
  // The first grade is the case's: a follow-up's new grade comes before the previous case's clauses.
  const g = v.grades.letter.exec(text);
  const letter = g?.slice(1).find(Boolean)?.toUpperCase();
  return letter === "A" || letter === "B" || letter === "C" || letter === "D" ? letter : null;
}

/** A comparator right after a figure: the asker quoting a rule's threshold (35 t/h and below, 35蒸吨以下). */
const QUOTED_COMPARATOR =
  /^\s*(?:及|and |or )?(?:以下|以上|以内|以外|below|above|under|over|or less|or more|and below|and above|and under)(?![a-z])/i;

/** A line a figure draws (the 35 t/h line, the 35-t/h phase-out, 35蒸吨这条线, 35蒸吨的门槛): the asker quoting a threshold. */
const QUOTED_LINE =
  /^\s*(?:line|limit|threshold|cut-?off|mark|phase-?out|elimination|这条线|那条线|的线|这道线|的门槛|门槛|的标准线|标准线)/i;

/** Whether the words right after a figure make it a quoted threshold (…35蒸吨/小时以下的, …35 t/h and below, the 35 t/h line). */
export function quotesThreshold(after: string): boolean {
  return QUOTED_COMPARATOR.test(after) || QUOTED_LINE.test(after);
}

/**
 * The figures of a question without those that quote a threshold ("is our 65 t/h boiler caught by the
 * phase-out of boilers of 35 t/h and below?") when another figure of the same unit states the case.
 */
function withoutQuotedThresholds<A extends { unit: string | null; text: string; index: number }>(
  text: string,
  all: readonly A[],
): A[] {
  const after = (a: A) => text.slice(a.index + a.text.length);
  const quoted = (a: A) => quotesThreshold(after(a));
  return all.filter(
    (a) =>
      !NAMES_RULE.test(after(a)) &&
      !(quoted(a) && a.unit !== null && all.some((b) => b !== a && b.unit === a.unit && !quoted(b))),
  );
}

/** Words after a figure that make it the name of a rule (80%那个要求, 5000平米这个也是硬性要求, the 80% requirement): no figure of the case. */
const NAMES_RULE =
  /^\s*(?:的)?(?:那个|这个|那条|这条|那项|这项)(?:也|还|都)?(?:是)?(?:硬性|强制|强制性|刚性)?(?:的)?(?:要求|规定|标准)|^\s*(?:requirement|rule)\b/i;

/** A year's output said in batches (每批十万只，一年出六批), read with the facts' vocabulary: see {@link batchesSaid}. */
export function batchesIn(text: string, v: Vocabulary = vocabulary()): ReturnType<typeof batchesSaid> {
  return batchesSaid(text, v);
}

/** Units whose figures are no design or current measure of a thing: the whole question's wording does not date them. */
const UNMEASURED = new Set(["km", "m/s", "ug/m3", "%"]);

/**
 * The facts of one question. `question` should be NFKC-normalised and, where Chinese, simplified
 * (the answer layer's normalisation does both); `lang` is the question's language. Pure: the same
 * text always gives the same facts, and nothing is read but the vocabulary (loaded once).
 */
export function extractFacts(
  question: string,
  lang: "zh" | "en",
  v: Vocabulary = vocabulary(),
): QuestionFacts {
  // One answer reads the same text's facts several times (understanding, follow-up, the checks): the
  // facts of the last few hundred texts are kept, frozen so no reader can change another's.
  const key = `${lang}\u0000${question}`;
  const known = v === vocabulary() ? recent.get(key) : undefined;
  if (known) return known;
  const facts = readFacts(question, lang, v);
  if (v === vocabulary()) {
    if (recent.size >= RECENT_FACTS) recent.clear();
    recent.set(key, deepFreeze(facts));
  }
  return facts;
}

/** How many texts' facts {@link extractFacts} keeps. */
const RECENT_FACTS = 512;
const recent = new Map<string, QuestionFacts>();

/** An object and everything in it made read-only (Sets and Maps stay as they are: none is changed). */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value) && !(value instanceof Set)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Words after a thing that make it the name of a rule (燃煤锅炉淘汰的规定, "the coal-fired boiler phase-out"). */
const RULE_AFTER =
  /^\s*(?:的)?(?:淘汰|关停|整治|改造|规定|要求|政策|条款|那条|phase[- ]?outs?\b|bans?\b|rules?\b|requirements?\b|regulations?\b)/i;

/**
 * Words before a thing that make it the subject of a rule ("the phase-out of kilns burning …", "the push to
 * retire …", 计划要求使用高污染燃料的熔化炉…).
 */
const RULE_BEFORE =
  /(?:\b(?:phase[- ]?outs?|bans?|rules?|requirements?|regulations?|elimination|retirement)\s+(?:of|on|for)|\bto\s+(?:retire|phase\s+out|eliminate|ban))\s+(?:(?:the|all|any)\s+)?(?:\S+\s+){0,3}$|(?:计划|方案|文件|政策|条款)(?:里|中|上)?(?:要求|规定|提到|说)[^，,。；;？?！!]{0,14}$/i;

/**
 * Without a thing named only as a rule's subject (我们有台10蒸吨的天然气锅炉，燃煤锅炉淘汰的规定管我们吗; "our furnace
 * burns gas: does the phase-out of kilns burning coal apply?"): beside another of its kind the question describes
 * — or, named after a rule's own words, beside any thing it describes — it is the rule asked about, not a second case.
 */
function withoutRuleNames(text: string, entities: readonly Entity[]): Entity[] {
  const described = (o: Entity) => o.figures.length > 0 || o.fuel !== null || o.standard !== null;
  return entities.filter((e) => {
    const at = text.indexOf(e.mention);
    if (e.figures.length > 0 || at < 0) return true;
    const after = RULE_AFTER.test(text.slice(at + e.mention.length));
    const before = RULE_BEFORE.test(text.slice(0, at));
    return !(
      (after && entities.some((o) => o !== e && o.kind === e.kind && o.figures.length > 0)) ||
      (before && entities.some((o) => o !== e && text.indexOf(o.mention) < at && described(o)))
    );
  });
}

let cityPattern: RegExp | null = null;

/**
 * The text with every prefecture-level city's name blanked, each character a space so offsets stay: the
 * things, animals, industries and fuels a question names are never read inside a place's name (a 马 or a 鸡
 * in a city's name is no animal).
 */
function withoutCityNames(text: string, v: Vocabulary): string {
  cityPattern ??= new RegExp(
    [...cityNames()]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join("|"),
    "g",
  );
  // (A name starting inside another word — 天水 of 冬天水泥 — is none.)
  const words = v.notCities ? [...text.matchAll(v.notCities)] : [];
  const inWord = (at: number) => words.some((w) => w.index < at && at < w.index + w[0].length);
  return text.replace(cityPattern, (m, at: number) => (inWord(at) ? m : " ".repeat(m.length)));
}

/**
 * 除了出租车，还有两辆应急抢修车…吗 / "besides our taxis, we also run two repair vans": what the asker sets aside
 * to ask about the rest is no thing of the case.
 */
const SET_ASIDE =
  /除了?[^，,。；;？?！!]{1,14}?(?:以外|之外|外)?(?=[，,]?\s*(?:还|也|另外|另有))|\b(?:besides|apart from|aside from|in addition to)\s+[^,.;?!]{1,40}?(?=,\s*(?:we|i|they)\b[^,.;?!]{0,20}\balso\b)/giu;

/** The text with what the asker sets aside blanked, each character a space so offsets stay. */
function withoutSetAside(text: string): string {
  return text.replace(SET_ASIDE, (m) => " ".repeat(m.length));
}

/**
 * The text with every product the asker says they make blanked (做装载机的, 挖掘机制造厂, "we make forklifts":
 * data/facts.yaml `maker`), each character a space so offsets stay: a maker of loaders describes no loader.
 */
function withoutMadeProducts(text: string, v: Vocabulary): string {
  let out = text;
  for (const word of v.things) {
    if (!word.product) continue;
    for (const m of text.matchAll(word.all)) {
      const end = m.index + m[0].length;
      if (
        m[0].length > 0 &&
        ((v.maker.before.test(text.slice(Math.max(0, m.index - 12), m.index)) &&
          v.maker.made.test(text.slice(end, end + 4))) ||
          v.maker.after.test(text.slice(end, end + 12)))
      )
        out = out.slice(0, m.index) + " ".repeat(m[0].length) + out.slice(end);
    }
  }
  return out;
}

function readFacts(question: string, lang: "zh" | "en", v: Vocabulary): QuestionFacts {
  const text = question.normalize("NFKC");
  const cues = new Set([...v.cues].filter(([, re]) => re.test(text)).map(([name]) => name));
  const objects = withoutMadeProducts(withoutSetAside(withoutCityNames(text, v)), v);
  const industryText = v.industries.mask ? objects.replace(v.industries.mask, " ") : objects;
  const whole = measureOf(text, v);
  // 一条线, 一台, 一家: one of a thing names it, it measures nothing (not a count of 1 sealing point).
  const counted = findAmounts(text, v).filter(
    (a) =>
      !(
        a.value === 1 &&
        (a.unit === "piece" || a.unit === "unit") &&
        /^[一1]\s*[条台个家座辆套处]$/.test(a.text)
      ),
  );
  const amounts = withoutQuotedThresholds(text, counted).map((a, _, all) => {
    const m = measureOf(a.clause, v);
    // A question's design or current wording (环评批的, 实际) is about a size or an output it gives, never
    // about a distance, a speed, a concentration or a share it gives elsewhere.
    const alone = all.length === 1 && !UNMEASURED.has(a.unit ?? "");
    return {
      ...a,
      basis: m.basis ?? (alone ? whole.basis : null),
      period: m.period ?? (alone ? whole.period : null),
    };
  });
  let entities = findEntities(objects, amounts, v);
  // A figure an entity counts in another unit (a boiler's MW as t/h) is that figure for every rule.
  const owned = new Map(entities.flatMap((e) => e.figures).map((f) => [f.index, f]));
  const converted = amounts.map((a) => {
    const f = owned.get(a.index);
    return f && f.unit !== a.unit ? { ...a, value: f.value, unit: f.unit } : a;
  });
  // Converted, a figure may share its unit with a quoted threshold (29MW beside "35蒸吨以下的那类").
  const inOwnUnits = withoutQuotedThresholds(text, converted);
  if (inOwnUnits.length < converted.length) entities = findEntities(objects, inOwnUnits, v);
  entities = withoutRuleNames(text, entities);
  const standard = findStandard(text, v);
  const year = /(20\d{2})\s*年/.exec(text) ?? /\bin (20\d{2})\b|\b(20\d{2})\b/.exec(text);
  return {
    text,
    lang,
    things: new Set(found(v.things, objects)),
    industries: found(v.industries.list, industryText, text),
    fuels: fuelsIn(objects, v),
    places: new Set(found(v.places, text)),
    cues,
    amounts: inOwnUnits,
    entities,
    standard,
    grade: gradeOf(text, v),
    year: year ? Number(year[1] ?? year[2]) : null,
    newBuild: cues.has("new-build") && !saidLater(v.cues.get("existing"), v.cues.get("new-build"), text),
    asks: cues.has("asks"),
    self: cues.has("self"),
  };
}

/** The text with every place the facts vocabulary knows taken out (城区里, outside the built-up area). */
export function withoutPlaces(text: string): string {
  return vocabulary().places.reduce((t, w) => t.replace(everywhere(w.re), ""), text);
}

/**
 * The text without the places those given rule out (集中供暖 said now takes out 生产用汽 said before):
 * the previous case's clauses, kept beside a new statement of it.
 */
export function withoutCancelledPlaces(text: string, places: ReadonlySet<string>): string {
  const words = vocabulary().places;
  const gone = words.filter((w) => words.some((o) => places.has(o.id) && o.cancels === w.id));
  return gone.reduce((t, w) => t.replace(everywhere(w.re), ""), text);
}

/** The text without the words of these cues (outside the key regions, when the case is moved into one). */
export function withoutCues(text: string, ids: ReadonlySet<string>): string {
  const { cues } = vocabulary();
  return [...ids].reduce((t, id) => {
    const re = cues.get(id);
    return re ? t.replace(everywhere(re), "") : t;
  }, text);
}

/** The cues said in place of these (催化燃烧 for 水喷淋): a follow-up naming one drops the case's others. */
export function rivalCues(ids: Iterable<string>, v: Vocabulary = vocabulary()): Set<string> {
  return new Set([...ids].flatMap((id) => [...(v.rivals.get(id) ?? [])]));
}

/** The places among these that say where a thing stands (not what it serves, as 集中供暖 does). */
export function whereIds(places: ReadonlySet<string>, v: Vocabulary = vocabulary()): string[] {
  const serving = new Set(v.places.filter((w) => w.serves).map((w) => w.id));
  return [...places].filter((id) => !serving.has(id));
}

/** The text with every industry the facts vocabulary knows taken out (做钢结构的, a furniture maker). */

export function withoutIndustries(text: string, v: Vocabulary = vocabulary()): string {
  return v.industries.list.reduce((t, w) => t.replace(everywhere(w.re), ""), text);
}

/** A pattern that finds every match, not only the first. */
const everywhere = (re: RegExp) => new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`);

/**
 * The text with the words of one fuel taken out (those the fuels mask out stay): "what if they are Stage I
 * machines?" after electric ones asks of machines with an engine, no longer electric.
 */
export function withoutFuel(text: string, id: string, v: Vocabulary = vocabulary()): string {
  const fuel = v.fuels.list.find((f) => f.id === id);
  if (!fuel) return text;
  const inMask = fuelMaskIn(text, v);
  return text.replace(everywhere(fuel.re), (m, at: number) => (inMask(at) ? m : ""));
}

/** Whether a place in `text` falls inside words the fuels mask out (掺烧煤炭, 不烧煤): no fuel of the case. */
function fuelMaskIn(text: string, v: Vocabulary): (at: number) => boolean {
  const masked = v.fuels.mask ? [...text.matchAll(everywhere(v.fuels.mask))] : [];
  return (at) => masked.some((m) => at >= m.index && at < m.index + m[0].length);
}

/**
 * The previous text burning another fuel (换成天然气呢 after 燃煤锅炉): its fuel words become the first
 * fuel word of `next`; with none, the new fuel is added. Words the fuels mask out (掺烧煤炭) stay.
 */
export function withFuel(previous: string, next: string, v: Vocabulary = vocabulary()): string {
  // 不掺煤了，只烧生物质颗粒: what is no longer mixed in is no new fuel.
  const inNextMask = fuelMaskIn(next, v);
  const fresh = v.fuels.list
    .map((f) => [...next.matchAll(everywhere(f.re))].find((m) => !inNextMask(m.index)) ?? null)
    .find((m) => m !== null);
  if (!fresh) return previous;
  const inMask = fuelMaskIn(previous, v);
  // Every fuel word of the previous text, read before any is replaced; an earlier fuel of the list
  // keeps a stretch two could claim.
  const words: RegExpExecArray[] = [];
  const overlaps = (m: RegExpExecArray) =>
    words.some((w) => m.index < w.index + w[0].length && w.index < m.index + m[0].length);
  for (const f of v.fuels.list)
    for (const m of previous.matchAll(everywhere(f.re))) if (!inMask(m.index) && !overlaps(m)) words.push(m);
  if (words.length === 0) return `${previous}，${next}`;
  return words
    .sort((a, b) => b.index - a.index)
    .reduce((out, m) => `${out.slice(0, m.index)}${fresh[0]}${out.slice(m.index + m[0].length)}`, previous);
}

/**
 * Whether two units can measure the same thing: equal, or one converts to the other for some kind of
 * thing (a boiler's MW and its steam tonnes an hour).
 */
export function sameMeasure(a: string | null, b: string | null, v: Vocabulary = vocabulary()): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  return Object.values(v.entityUnits).some(
    (spec) => spec.convert?.[a]?.unit === b || spec.convert?.[b]?.unit === a,
  );
}
