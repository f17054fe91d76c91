/**
 * Which documents a question names: by document number (with or without the space some pages put
 * inside it), title, plan title, short names and place names from the document's profile (Chinese
 * or English), or the issuer. Returns the ids and the spans that named them (taken out of the text
 * retrieval sees: naming a document is not a topic).
 */
import type { Plan } from "../corpus/index.js";

/** A document named in a question. */
export interface DocumentMention {
  doc: string;
  /** The words that named it, as they stand in the (lower-cased) question. */
  words: string[];
}

const squeeze = (s: string) => s.replace(/\s+/g, "");
const isLatin = (s: string) => /^[\x20-\x7e]+$/.test(s);

const namesOf = new WeakMap<Plan, string[]>();

/** Every name a document answers to, lower-cased, longest first (computed once per document). */
export function documentNames(plan: Plan): string[] {
  let names = namesOf.get(plan);
  if (!names) {
    names = namesNow(plan);
    namesOf.set(plan, names);
  }
  return names;
}

function namesNow(plan: Plan): string[] {
  const { meta, profile } = plan;
  const names = [
    meta.title,
    meta.planTitle,
    meta.docNumber,
    meta.docNumber ? squeeze(meta.docNumber) : null,
    ...numberForms(meta.docNumber),
    profile.name.zh,
    profile.name.en,
    // The title without its bracket of years (临泉县…行动方案 for …行动方案（2024—2025年）).
    ...profile.titleForms,
    ...profile.aliases,
    ...profile.placeAliases,
    // A national body's name stands for its document (国务院 → the State Council plan); each issuer
    // of a joint notice is among the profile's aliases.
    profile.level === "national" ? meta.issuer : null,
  ];
  return [
    ...new Set(names.filter((n): n is string => !!n && n.length >= 2).map((n) => n.toLowerCase())),
  ].sort((a, b) => b.length - a.length);
}

/**
 * A document number as people write it: without its year (融政办37号), or with the year in other
 * brackets or as a year (融政办[2025]37号, 融政办(2025)37号, 融政办2025年37号).
 */
function numberForms(docNumber: string | null): string[] {
  const m = docNumber
    ? /^(\S+?)\s*[〔［[(（]\s*(\d{4})\s*[〕］\])）]\s*(\d+)\s*号$/.exec(squeeze(docNumber))
    : null;
  if (!m) return [];
  const [, prefix, year, n] = m;
  return [
    `${prefix}${n}号`,
    `${prefix}[${year}]${n}号`,
    `${prefix}(${year})${n}号`,
    `${prefix}${year}年${n}号`,
  ];
}

/** All documents' names, indexed for a scan of the question: Chinese names by length, latin names in one pattern. */
interface NameIndex {
  byName: Map<string, string[]>;
  /** The Chinese names by their first character, longest first. */
  byFirst: Map<string, string[]>;
  latin: RegExp | null;
}
const indexes = new WeakMap<readonly Plan[], NameIndex>();

function nameIndex(plans: readonly Plan[]): NameIndex {
  let index = indexes.get(plans);
  if (index) return index;
  const byName = new Map<string, string[]>();
  for (const plan of plans) {
    for (const name of documentNames(plan)) {
      const docs = byName.get(name) ?? [];
      if (!docs.includes(plan.doc)) docs.push(plan.doc);
      byName.set(name, docs);
    }
  }
  const names = [...byName.keys()];
  const latin = names.filter(isLatin).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  // Each start's names, longest first (as a scan by length from the longest would find them).
  const byFirst = new Map<string, string[]>();
  for (const name of names.filter((n) => !isLatin(n)).sort((a, b) => b.length - a.length)) {
    const first = name[0] as string;
    const list = byFirst.get(first);
    if (list) list.push(name);
    else byFirst.set(first, [name]);
  }
  index = {
    byName,
    byFirst,
    latin:
      latin.length > 0
        ? new RegExp(`(?<![a-z0-9'’])(?:${latin.join("|")})(?![a-z0-9]|['’][a-z]{2})`, "g")
        : null,
  };
  indexes.set(plans, index);
  return index;
}

/** The level (national, provincial, city, county) of a loaded document. */
function levelOfDoc(plans: readonly Plan[], doc: string): string | null {
  return plans.find((p) => p.doc === doc)?.profile.level ?? null;
}

/**
 * The documents a (cleaned, simplified) question names. A name inside a longer name of another
 * document does not count (a city's full plan title names the city's plan, not the national plan whose title it
 * contains). When several documents share a name (two plans of one city) and the
 * question gives a year that only some of their titles carry, those win.
 */
export function namedDocuments(
  text: string,
  plans: readonly Plan[],
  /** The level words the question says; `topical` ones (a key region) name their level beside a place too. */
  levels: ReadonlyArray<{ level: string; word: string; topical?: boolean }> = [],
): DocumentMention[] {
  const lower = text.toLowerCase();
  const index = nameIndex(plans);
  const matches: Array<{ doc: string; name: string; start: number; end: number }> = [];
  // At each start, the names that begin with its character, longest first.
  for (let start = 0; start < lower.length; start++) {
    for (const name of index.byFirst.get(lower[start] as string) ?? []) {
      if (!lower.startsWith(name, start)) continue;
      for (const doc of index.byName.get(name) ?? [])
        matches.push({ doc, name, start, end: start + name.length });
    }
  }
  for (const m of index.latin ? lower.matchAll(index.latin) : []) {
    for (const doc of index.byName.get(m[0]) ?? [])
      matches.push({ doc, name: m[0], start: m.index, end: m.index + m[0].length });
  }
  matches.push(...shortenedTitles(lower, plans, [...matches], levels));
  // A name inside another document's longer one is no name of its own (鞍山 in 马鞍山); nor is one that
  // starts inside a name read before it (丰城 in 广丰城区: 广丰, then 城区).
  const kept = matches.filter(
    (m) =>
      !matches.some(
        (o) =>
          o.doc !== m.doc &&
          ((o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start) ||
            (o.start < m.start && m.start < o.end && o.end < m.end)),
      ),
  );
  const wordsOf = new Map<string, Set<string>>();
  for (const m of kept) wordsOf.set(m.doc, (wordsOf.get(m.doc) ?? new Set()).add(m.name));
  const placesOf = (doc: string) => {
    const plan = plans.find((p) => p.doc === doc);
    return [plan?.profile.place?.zh, plan?.profile.place?.en, ...(plan?.profile.placeAliases ?? [])]
      .filter((x): x is string => !!x)
      .map((x) => x.toLowerCase());
  };
  // A level word (国家) names every document of that level, unless the question names documents by
  // name — or names them only by place and asks of a document (a city in the national plan's regions?).
  // A key region beside a place (is this city one of the region's?) asks of the plan that names the region.
  // A level word beside a place whose own document is of that level (我们场在徐州，市里的方案…) is that
  // place's document: 市里 is the asker's city, not every city.
  const ownLevel = levels.some((l) => !l.topical && kept.some((m) => levelOfDoc(plans, m.doc) === l.level));
  const levelsCount =
    kept.length === 0 ||
    (!ownLevel &&
      (levels.some((l) => namesLevelDocument(lower, l.word)) || levels.some((l) => l.topical)) &&
      kept.every((m) => placesOf(m.doc).includes(m.name)));
  const found: DocumentMention[] = [];
  for (const plan of plans) {
    const words = [...(wordsOf.get(plan.doc) ?? [])];
    const level = levels.filter((l) => l.level === plan.profile.level).map((l) => l.word);
    if (levelsCount && !(kept.length > 0 && words.length > 0)) words.push(...level);
    if (words.length > 0) found.push({ doc: plan.doc, words });
  }
  if (found.length < 2) return found;
  // "Is <a city> in the key regions of the national plan?": a document named as a document (plan,
  // 方案, 文件) is the one asked; another named only by its place is what the question is about.
  const levelWords = new Set(levels.map((l) => l.word));
  // 绥化的大气方案: a place followed by a plan's kind names that place's document as a document — unless
  // another document's name or a level word stands between (某市在国务院这个文件里: the national one's).
  const placeThenKind = (f: DocumentMention) =>
    kept.some((m) => {
      if (m.doc !== f.doc || !placesOf(m.doc).includes(m.name)) return false;
      const kind = /^的?[\u4e00-\u9fa5]{0,6}?(?:方案|计划|文件|要点)/.exec(lower.slice(m.end));
      if (!kind) return false;
      const between = lower.slice(m.end, m.end + kind[0].length);
      return (
        ![...levelWords].some((w) => between.includes(w)) &&
        !kept.some((o) => o.doc !== f.doc && o.start >= m.end && o.start < m.end + kind[0].length)
      );
    });
  const asDocument = (f: DocumentMention) =>
    placeThenKind(f) ||
    f.words.some((w) => DOCUMENT_WORD.test(w) || (levelWords.has(w) && namesLevelDocument(lower, w)));
  const placeOnly = (f: DocumentMention) => f.words.every((w) => placesOf(f.doc).includes(w));
  // 玉田县2025—2026年攻坚方案: a place right before a title its own plan's title also shortens (years between)
  // says whose document it is — as does one right before a title several other places' plans share (某县的
  // 蓝天保卫战实施方案: what people call the genre's plans, not another place's by name).
  const titleOf = (doc: string) => plans.find((p) => p.doc === doc)?.meta.planTitle.toLowerCase() ?? "";
  const sharedTitle = (name: string) => (index.byName.get(name)?.length ?? 0) >= 2;
  const titledByPlace = (f: DocumentMention) =>
    placeOnly(f) &&
    kept.some(
      (p) =>
        p.doc === f.doc &&
        kept.some(
          (t) =>
            t.doc !== f.doc &&
            DOCUMENT_WORD.test(t.name) &&
            t.start >= p.end &&
            /^[\d\s年度—–\-~～至到的]*$/.test(lower.slice(p.end, t.start)) &&
            (leavesOut(t.name.replace(/[\d年度—–\-~～至到]/g, ""), titleOf(f.doc)) || sharedTitle(t.name)),
        ),
    );
  // 德清2025年夏季臭氧污染防控攻坚方案 where another city's plan has that title: the place before it (years between)
  // says it is that place's paper — one its own plan speaks of (制定…方案) — not the other city's plan.
  const titleOfOtherPlace = (f: DocumentMention) =>
    !placeOnly(f) &&
    kept.some((t) => t.doc === f.doc) &&
    kept
      .filter((t) => t.doc === f.doc)
      .every(
        (t) =>
          // (An issuer's name, 国务院, is no title: 某市在国务院文件里 asks the issuer's document.)
          DOCUMENT_WORD.test(t.name) &&
          kept.some(
            (p) =>
              p.doc !== f.doc &&
              placesOf(p.doc).includes(p.name) &&
              (plans.find((x) => x.doc === p.doc)?.source.includes(t.name) ?? false) &&
              p.end <= t.start &&
              /^[\d\s年度—–\-~～至到的]*[\p{Script=Han}]{0,4}$/u.test(lower.slice(p.end, t.start)),
          ),
      );
  if (found.some(titleOfOtherPlace) && !found.every(titleOfOtherPlace))
    return found.filter((f) => !titleOfOtherPlace(f));
  if (found.some(asDocument) && found.some(placeOnly) && !found.some(titledByPlace)) {
    const documents = found.filter((f) => !placeOnly(f) || placeThenKind(f));
    if (documents.length > 0 && documents.length < found.length) return documents;
  }
  // "How will A work with B and C", A与B、C联防联控: places named after "with" are the plan's partners, not
  // the plans asked, when a plan is named before them.
  // (Compare A with B asks both.)
  const partnerStart = /compar|differ|versus|\bvs\b|比较|对比|相比|区别|不同/.test(lower)
    ? null
    : PARTNER.exec(lower);
  if (partnerStart) {
    const at = partnerStart.index;
    const partners = new Set(
      kept.filter((m) => m.start >= at && placesOf(m.doc).includes(m.name)).map((m) => m.doc),
    );
    const before = new Set(kept.filter((m) => m.end <= at).map((m) => m.doc));
    const asked = found.filter((f) => !partners.has(f.doc) || before.has(f.doc));
    if (before.size > 0 && asked.length > 0 && asked.length < found.length) return asked;
  }
  // 肇庆高要那个方案: a city's name and right after it one of its districts' then a plan's kind — the district's
  // plan is asked. X市Y区那边的企业: the district is a place in the city, and the city's plan is asked.
  const rank: Record<string, number> = { national: 4, provincial: 3, city: 2, county: 1 };
  const levelOf = (doc: string) => rank[levelOfDoc(plans, doc) ?? ""] ?? 0;
  const outer = new Set<string>();
  const inner = new Set<string>();
  for (const m of kept) {
    if (!placesOf(m.doc).includes(m.name)) continue;
    for (const o of kept) {
      if (o.doc === m.doc || o.start !== m.end || !placesOf(o.doc).includes(o.name)) continue;
      if (levelOf(o.doc) === 0 || levelOf(o.doc) >= levelOf(m.doc)) continue;
      if (/^(?:的|那个|这个|那份|这份)?[\u4e00-\u9fa5]{0,6}?(?:方案|计划|文件|要点)/.test(lower.slice(o.end)))
        outer.add(m.doc);
      else inner.add(o.doc);
    }
  }
  if (outer.size > 0 && outer.size < found.length) return found.filter((f) => !outer.has(f.doc));
  if (inner.size > 0 && inner.size < found.length) return found.filter((f) => !inner.has(f.doc));
  // A title several plans share (大气污染防治攻坚行动方案) beside a place that names one of them: that one.
  const placed = found.filter((f) => f.words.some((w) => placesOf(f.doc).includes(w)));
  if (placed.length > 0 && placed.length < found.length) {
    const sharedOnly = (f: DocumentMention) =>
      !placed.includes(f) && f.words.every((w) => placed.some((p) => p.words.includes(w)));
    const rest = found.filter((f) => !sharedOnly(f));
    if (rest.length < found.length) return rest;
    // …or beside a title words other plans share among themselves (某省 + 大气污染防治工作要点, which two
    // other provinces' titles have): the place decides.
    const shared = (w: string) => found.filter((f) => f.words.includes(w)).length >= 2;
    const titleOnly = found.filter((f) => !placed.includes(f) && f.words.every(shared));
    if (titleOnly.length > 0) return found.filter((f) => !titleOnly.includes(f));
  }
  // Several documents answer to the words (开封 names two plans of one city): those that fit the rest of
  // the question best win — a year in their title or their dates, a kind of plan their title has.
  const years = [...lower.matchAll(/(20\d\d)\s*年?/g)].map((m) => m[1] as string);
  const kinds = [...lower.matchAll(PLAN_KIND)].map((m) => m[0]);
  const fitness = (doc: string) => {
    const plan = plans.find((p) => p.doc === doc);
    if (!plan) return 0;
    const { planTitle, signed, published } = plan.meta;
    const inTitle = years.some((y) => planTitle.includes(y));
    const dated = years.some((y) => [signed, published].some((d) => d?.startsWith(y)));
    return (inTitle ? 2 : dated ? 1 : 0) + kinds.filter((k) => planTitle.includes(k)).length;
  };
  // A document named by more of its names (MEE-MOT: both issuers of one notice) fits better.
  const scores = found.map((f) => fitness(f.doc) + f.words.length);
  const best = Math.max(...scores);
  const fitting = found.filter((_, i) => scores[i] === best);
  return best > 0 && fitting.length < found.length ? fitting : found;
}

/** Where the names of a plan's partners begin: "with", "together with", 与/同/跟/和…联防联控. */
const PARTNER =
  /\b(?:together with|jointly with|with|alongside)\s+(?=[a-z])|(?<=[\u4e00-\u9fa5])(?:与|同|跟|联合)(?=[^，,。？?]{2,24}?(?:联防联控|协作|合作|联动|协同|共同|联手|携手|一起|一道))/;

/** Does `text` hold `word` with exactly one of its characters replaced? */
function oneOff(word: string, text: string): boolean {
  for (let at = 0; at + word.length <= text.length; at++) {
    let differ = 0;
    for (let i = 0; i < word.length && differ < 2; i++) if (text[at + i] !== word[i]) differ++;
    if (differ === 1) return true;
  }
  return false;
}

/** Is `short` what is left of `long` with some words taken out (its characters in order)? */
function leavesOut(short: string, long: string): boolean {
  let at = 0;
  for (const c of short) {
    at = long.indexOf(c, at);
    if (at < 0) return false;
    at += c.length;
  }
  return true;
}

/**
 * A plan's title shortened by leaving words out (VOCs深化行动方案, 三部委VOCs方案 for 重点行业挥发性有机物
 * 综合治理深化行动方案): each run of the question that ends in 方案 / 计划 is matched against the
 * documents' title forms; a run too short or too generic to tell documents apart names none.
 */
function shortenedTitles(
  lower: string,
  plans: readonly Plan[],
  /** Names already found (an issuer, a place): not part of the title a run shortens. */
  found: ReadonlyArray<{ doc: string; name: string; start: number; end: number }>,
  /** The level words the question says (国务院 → national). */
  levels: ReadonlyArray<{ level: string; word: string; topical?: boolean }> = [],
): Array<{ doc: string; name: string; start: number; end: number }> {
  const out: Array<{ doc: string; name: string; start: number; end: number }> = [];
  for (const run of lower.matchAll(/[\p{Script=Han}a-z0-9.]+/gu)) {
    const kindAt = Math.max(run[0].lastIndexOf("方案"), run[0].lastIndexOf("计划"));
    if (kindAt < 0) continue;
    const phrase = run[0].slice(0, kindAt + 2);
    const start = (run.index ?? 0) + run[0].indexOf(phrase);
    // A title found whole is not shortened.
    if (found.some((m) => m.start <= start && m.end >= start + phrase.length)) continue;
    const core = found
      .reduce((rest, m) => rest.replace(m.name, ""), phrase.slice(0, -2))
      .replace(/^(?:这个|这份|那个|那份|该|本|国家的|国家)+/, "")
      .replace(/^[两二三四五六七八九十]部[委门](?:的)?/, "")
      .replace(/的$/, "");
    if (core.length < 4) continue;
    // 宜春这个蓝天保卫战计划: a place named in the run says whose plan the shortened title is.
    const inside = found.filter((m) => m.start >= start && m.end <= start + phrase.length);
    // …of them, those named by their place (某市2025年…方案: that city's, though another plan's title is there too).
    const byPlace = inside.filter((m) =>
      plans.some((p) => p.doc === m.doc && p.profile.placeAliases.some((a) => a.toLowerCase() === m.name)),
    );
    const within = new Set((byPlace.length > 0 ? byPlace : inside).map((m) => m.doc));
    // The run may start with words of the question (这个机制在柴油货车方案): the longest tail that
    // shortens a title is the name.
    // (Not from the middle of a word of the question that ends a plan's place: 县里2025年大气方案 is the
    // asker's county's plan, no 某里市 plan's.)
    const cutsPlace = (tail: string, p: Plan) => {
      const places = p.profile.placeAliases.filter((a) => a.length >= 2 && /^[\u4e00-\u9fff]+$/.test(a));
      // (A place of three characters or more with one of them mistyped, 准噶尔旗 for 准格尔旗, is still named.)
      if (places.some((a) => phrase.includes(a) || (a.length >= 3 && oneOff(a, phrase)))) return false;
      const unplaced = (t: string) => places.reduce((rest, a) => rest.replace(a, ""), t);
      return !p.profile.titleForms.some((t) => leavesOut(tail, unplaced(t)));
    };
    let docs: Plan[] = [];
    for (let from = 0; core.length - from >= 4 && docs.length === 0; from++) {
      const tail = core.slice(from);
      docs = plans.filter(
        (p) =>
          p.profile.titleForms.some((t) => leavesOut(tail, t)) &&
          (within.size === 0 || within.has(p.doc)) &&
          !cutsPlace(tail, p),
      );
    }
    // 德州2025年…攻坚行动方案 shortens the titles of two plans: the one whose place it names.
    const placed = docs.filter((p) =>
      p.profile.placeAliases.some((a) => a.length >= 2 && phrase.includes(a)),
    );
    if (placed.length > 0) docs = placed;
    // 国务院的空气质量持续改善行动计划 shortens a city's title too: the one of the level the run names.
    const levelled = docs.filter((p) =>
      levels.some((l) => l.level === p.profile.level && phrase.includes(l.word.toLowerCase())),
    );
    // …or said elsewhere in the question (国家层面，这个空气质量行动计划…): the one of that level.
    const levelledElsewhere = docs.filter((p) =>
      levels.some((l) => !l.topical && l.level === p.profile.level),
    );
    if (levelled.length > 0) docs = levelled;
    else if (levelledElsewhere.length > 0) docs = levelledElsewhere;
    if (docs.length === 0 || docs.length > 2) continue;
    for (const p of docs) out.push({ doc: p.doc, name: phrase, start, end: start + phrase.length });
  }
  return out;
}

/**
 * Whether a level word names a document of its level: 国家文件, the national (air quality) plan — not
 * a document the asked one rests on (依据的省级文件).
 */
function namesLevelDocument(lower: string, word: string): boolean {
  const w = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return (
    // …or names what only that document defines (the national key regions, 国家重点区域).
    new RegExp(
      `${w}[^，。？?,.]{0,16}?(?:plan|notice|文件|计划|方案|key regions?|priority regions?|重点区域)`,
      "i",
    ).test(lower) && !new RegExp(`(?:依据|根据|落实|贯彻|按照)[^，。]{0,6}${w}`).test(lower)
  );
}

/** Words that name a document as a document, not a place. */
const DOCUMENT_WORD = /plan|notice|programme|方案|计划|文件|意见|通知/i;

/** Kinds of plan a question may name a document by (开封实施方案 is the city's 实施方案, not its 行动方案). */
const PLAN_KIND = /实施方案|行动方案|行动计划|工作方案|攻坚方案|实施意见|指导意见/g;

/**
 * The places of the plans whose counties or districts a text names and whose own place it does not
 * (某县 → 某市): where the asker's case stands, for the rules of any document.
 */
export function placesOfSubdivisions(text: string, plans: readonly Plan[]): string[] {
  const lower = text.toLowerCase();
  return plans
    .filter(
      (p) =>
        p.profile.place !== null &&
        p.profile.subdivisions.some((s) => lower.includes(s.toLowerCase())) &&
        !p.profile.placeAliases.some((a) => lower.includes(a.toLowerCase())),
    )
    .map((p) => p.profile.place?.zh as string);
}
