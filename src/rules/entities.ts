/**
 * The things a question describes, each with its own facts: laying hens with a design stock and,
 * in a second clause, pigs with a design annual output are two entities, each with its figure. A figure belongs to the nearest mention of a kind that is measured in its unit (its own
 * part of the sentence first); a part ends at a punctuation mark or a joining word (和, 另外, and).
 * Repeated mentions of the same thing are one entity; one thing given two figures of the same
 * measure (two boilers, one of 10 t/h and one of 50) is two.
 */
import { chineseValue, findAmounts, findStandard, NUMBER_WORDS } from "./numbers.js";
import type { Amount, Basis, Entity, Figure, Period, Standard } from "./question.js";
import type { Vocabulary, Word } from "./vocabulary.js";

interface Mention {
  word: Word;
  kind: string;
  animal: string | null;
  start: number;
  end: number;
}

/** Punctuation that ends a part of a sentence (a comma inside 200,000 does not, nor the point of 2.5). */
const PART_MARKS = /[，;；。!?？、:：]|,(?!\d{3})|\.(?=\s|$)/g;

/** Offsets where a part of the sentence starts (after punctuation or a joining word). */
function partStarts(text: string, v: Vocabulary): number[] {
  const starts = new Set<number>([0]);
  for (const m of text.matchAll(PART_MARKS)) starts.add(m.index + 1);
  for (const m of text.matchAll(v.joiners)) starts.add(m.index);
  return [...starts].sort((a, b) => a - b);
}

/** A firm named by what it runs: 公交公司, 出租车集团, "bus company", "taxi operator". */
const FIRM_AFTER =
  /^\s*(?:公司|集团|企业|有限公司|compan(?:y|ies)\b|operators?\b|firms?\b|fleet operators?\b)/i;

/** Words after a thing named with a fuel that say it was converted (煤锅炉改的，烧秸秆颗粒; "a coal boiler converted to gas"). */
const CONVERTED_AFTER =
  /^[^，。,；;？?！!]{0,4}?(?:改的|改造的|改过来的|改装的|改过的|改过了|改造过了?|改成|改为|改烧|改用)|^\s*(?:that was |which was |now )?converted\b/i;

/** Words that count one more thing (还有一辆, 另一台, another one). */
const ANOTHER = /还有|另(?:外|一)|[一两几]\s*[辆台部套座]|\banother\b|\bone more\b/i;

const partOf = (starts: readonly number[], at: number) => starts.filter((s) => s <= at).at(-1) ?? 0;

/** Words before an animal that say the asker keeps none (不养猪, 也没养鸡, "we don't raise pigs"). */
const KEEPS_NONE =
  /(?:不|没有?|未|不再)(?:养殖?|饲养|喂)(?:过)?\s*$|\b(?:no|don't|do not|doesn't|does not|never) (?:keep|raise|farm|breed|have)(?: any)?\s+$|\bno\s+$/i;

/** Every mention of an entity word, each stretch of text taken once, in text order. */
function mentions(text: string, v: Vocabulary): Mention[] {
  let work = text;
  const out: Mention[] = [];
  const take = (word: Word, kind: string, animal: string | null) => {
    if (word.unless?.test(text)) return;
    for (const m of work.matchAll(word.all)) {
      if (m[0].length === 0) continue;
      if (animal !== null && KEEPS_NONE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
      out.push({ word, kind, animal, start: m.index, end: m.index + m[0].length });
      work = work.slice(0, m.index) + " ".repeat(m[0].length) + work.slice(m.index + m[0].length);
    }
  };
  for (const w of v.things) if (w.entity) take(w, w.entity, null);
  for (const w of v.animals) take(w, "animal", w.id);
  return narrowed(out).sort((a, b) => a.start - b.start);
}

/**
 * 养鸡场 beside 蛋鸡 is the laying-hen farm, not a second farm of unknown chickens: a broader animal's
 * mentions become the one narrower animal the question names, or go when it names several.
 */
function narrowed(ms: Mention[]): Mention[] {
  const narrower = (id: string | null) => [
    ...new Set(ms.filter((m) => m.word.kindOf && m.word.kindOf === id).map((m) => m.animal)),
  ];
  return ms.flatMap((m) => {
    const kinds = m.kind === "animal" ? narrower(m.animal) : [];
    if (kinds.length === 0) return [m];
    if (kinds.length > 1) return [];
    const into = ms.find((x) => x.animal === kinds[0]) as Mention;
    return [{ ...m, word: into.word, animal: into.animal }];
  });
}

interface Group {
  mentions: Mention[];
  figures: Amount[];
  /** Set on the groups one thing was split into: where its own figure stands. */
  at?: number;
}

/** Which figures a kind is measured in, and from what size a bare figure counts. */
function measuredIn(kind: string, a: Amount, v: Vocabulary): boolean {
  const spec = v.entityUnits[kind];
  if (!spec) return false;
  if (a.unit === null) return spec.bare !== undefined && a.value >= spec.bare;
  return spec.units.includes(a.unit) || spec.convert?.[a.unit] !== undefined;
}

/** A power plant named beside a figure: its MW are its own, never a boiler's. */
export const POWER_PLANT = /电厂|热电|电站|机组|power (?:plant|station)|\bCHP\b|cogeneration|combined heat/i;

/** Words between a figure and a thing that say the figure is something else's (a power plant's MW). */
const OTHER_OWNER = new RegExp(`${POWER_PLANT.source}|\\bplant\\b|\\bstation\\b|\\bunit\\b|\\bpower\\b`, "i");

/** The text between a figure and a mention, and what follows a figure after its thing (300 MW CHP plant). */
const between = (text: string, a: Amount, m: { start: number; end: number }) => {
  const after = a.index + a.text.length;
  const next = text.slice(after, after + 24).split(/[，,。；;!?！？]/)[0] ?? "";
  return a.index < m.start ? text.slice(a.index, m.start) : text.slice(m.end, after) + next;
};

/** What else a question may rate in MW or kW: power plants, generating units, solar, capacity. */
const POWER_RATED =
  /电厂|电站|热电|热源厂|光伏|装机|发电|风电|机组|\bplants?\b|\bstations?\b|\bCHP\b|solar|generat/i;

/** Whether a figure would have to be converted to count for the kind (a MW figure for a boiler). */
function converted(kind: string, a: Amount, v: Vocabulary): boolean {
  return a.unit !== null && v.entityUnits[kind]?.convert?.[a.unit] !== undefined;
}

/** A figure in the unit its kind counts in: a boiler's 4.2 MW is 6 t/h (0.7 MW to the steam tonne). */
function inOwnUnit<A extends Amount>(kind: string, a: A, v: Vocabulary): A {
  const to = a.unit === null ? undefined : v.entityUnits[kind]?.convert?.[a.unit];
  return to ? { ...a, value: a.value * to.factor, unit: to.unit } : a;
}

/** The part of the sentence a position is in. */
const partAround = (starts: readonly number[], at: number, text: string) =>
  text.slice(partOf(starts, at), starts.find((s) => s > at) ?? text.length);

/** The group whose mention is nearest the figure: same part before, same part after, before, after. */
function owner(
  a: Amount,
  groups: readonly Group[],
  starts: readonly number[],
  text: string,
  v: Vocabulary,
): Group | null {
  const part = partOf(starts, a.index);
  let best: { g: Group; rank: number } | null = null;
  for (const g of groups) {
    const kind = g.mentions[0]?.kind ?? "";
    if (!measuredIn(kind, a, v)) continue;
    for (const m of g.mentions) {
      const same = partOf(starts, m.start) === part;
      // A figure in another unit is the thing's only in its own part (a boiler's 4.2 MW, not the
      // power plant's 60万千瓦 in the next clause) — or in a part of its own, when neither that part
      // nor the words between rate anything else so (燃煤锅炉，额定功率28MW，离热电厂很远).
      const apart = !same && POWER_RATED.test(partAround(starts, a.index, text) + between(text, a, m));
      if (converted(kind, a, v) && (apart || OTHER_OWNER.test(between(text, a, m)))) continue;
      const before = m.start <= a.index;
      const distance = Math.abs(m.start - a.index);
      const rank = (same ? 0 : 2e6) + (before ? 0 : 1e6) + distance;
      if (!best || rank < best.rank) best = { g, rank };
    }
  }
  return best?.g ?? null;
}

/** Words that point back to a thing already named (这两台锅炉, 该锅炉, these boilers). */
const POINTING_BACK =
  /(?:这|那|该|上述|此)(?:些|[一两二三四五六七八九十几\d]{0,3}[台个条辆座家套处种批]?)$|\b(?:this|that|these|those|both|the same)(?: (?:two|three|\d+))?\s+$/i;

/**
 * Mentions of the same thing are one group: same kind and animal, no conflicting fuel, and not two
 * parts of the sentence that each say something of their own (国三柴油货车、一台国五柴油货车 is two) —
 * unless the later one points back to it (…两台75蒸吨锅炉…，这两台锅炉要关停吗).
 */
function group(
  ms: readonly Mention[],
  partAt: (at: number) => number,
  saysOwn: (part: number) => boolean,
  pointsBack: (m: Mention) => boolean,
): Group[] {
  const groups: Group[] = [];
  for (const m of ms) {
    const part = partAt(m.start);
    const same = [...groups].reverse().find((g) => {
      const first = g.mentions[0] as Mention;
      const fuels = g.mentions.map((x) => x.word.fuel).filter(Boolean);
      const fuelAgrees = !m.word.fuel || fuels.every((f) => f === m.word.fuel);
      const parts = g.mentions.map((x) => partAt(x.start));
      const apart = !parts.includes(part) && saysOwn(part) && parts.some(saysOwn) && !pointsBack(m);
      return first.kind === m.kind && first.animal === m.animal && fuelAgrees && !apart;
    });
    if (same) same.mentions.push(m);
    else groups.push({ mentions: [m], figures: [] });
  }
  return groups;
}

/** A bare number that is a year (2025). */
function isYear(a: Amount): boolean {
  return (
    a.unit === null &&
    Number.isInteger(a.value) &&
    a.value >= 1990 &&
    a.value <= 2100 &&
    /^\d{4}$/.test(a.text)
  );
}

/** One thing given two figures of the same unit and measure is two things, one figure each. */
function splitBySignature(g: Group, signature: (a: Amount) => string): Group[] {
  const bySig = new Map<string, Amount[]>();
  for (const a of g.figures) bySig.set(signature(a), [...(bySig.get(signature(a)) ?? []), a]);
  const n = Math.max(1, ...[...bySig.values()].map((l) => l.length));
  if (n === 1) return [g];
  return Array.from({ length: n }, (_, i) => {
    const figures = [...bySig.values()].map((l) => l[Math.min(i, l.length - 1)] as Amount);
    return { mentions: g.mentions, figures, at: Math.min(...figures.map((a) => a.index)) };
  });
}

/** How many batches a year a match of the vocabulary's batch count says (一年出五批, 4 batches a year). */
function batchCount(m: RegExpExecArray): number {
  const written = (m[1] ?? m[2] ?? "").toLowerCase();
  return /^\d+$/.test(written) ? Number(written) : (NUMBER_WORDS[written] ?? chineseValue(written));
}

/**
 * A year's output of animals raised in batches (每批25万只，一年出4批 → 100万 a year): the stock of a
 * batch times the batches, when the text gives both and no yearly figure of its own.
 */
function yearOfBatches(text: string, figures: readonly Figure[], v: Vocabulary): Figure[] {
  const m = v.batches.count.exec(text);
  if (!m || figures.some((f) => f.period === "annual")) return [];
  const n = batchCount(m);
  const batch = figures.find((f) => f.period === "stock");
  if (!batch || n < 2) return [];
  return [{ ...batch, value: batch.value * n, period: "annual", text: `${batch.text}×${n}` }];
}

/**
 * A year's output said in batches with no animal named (每批十万只，一年出六批, said of the case before): the figure
 * of one batch, how many batches a year, and the words that say so (每批, 一年出五批); null unless the text says both.
 */
export function batchesSaid(
  text: string,
  v: Vocabulary,
): { batch: Amount; times: number; words: Array<{ index: number; text: string }> } | null {
  const per = v.batches.perBatch.exec(text);
  const m = v.batches.count.exec(text);
  if (!per || !m) return null;
  const times = batchCount(m);
  const batch = findAmounts(text).find(
    (a) => a.unit !== null && a.index >= per.index && (a.index < m.index || a.index >= m.index + m[0].length),
  );
  const words = [
    { index: per.index, text: per[0] },
    { index: m.index, text: m[0] },
  ];
  return batch && times >= 2 ? { batch, times, words } : null;
}

/** What a text says a figure measures. */
export function measureOf(text: string, v: Vocabulary): { basis: Basis | null; period: Period | null } {
  const basis = v.measures.design.re.test(text)
    ? "design"
    : v.measures.current.re.test(text)
      ? "current"
      : null;
  const a = v.measures.annual.re.exec(text);
  const s = v.measures.stock.re.exec(text);
  const period = a && s ? (a.index < s.index ? "annual" : "stock") : a ? "annual" : s ? "stock" : null;
  return { basis, period };
}

/** The first fuel a text names (in the vocabulary's order), its masked words aside. */
export function fuelsIn(text: string, v: Vocabulary): string[] {
  const t = v.fuels.mask ? text.replace(v.fuels.mask, " ") : text;
  return v.fuels.list.filter((f) => f.re.test(t) && !f.unless?.test(text)).map((f) => f.id);
}

/**
 * A fuel word of the vocabulary written straight before a thing's name (电动挖掘机, 国二的柴油的装载机): that thing's
 * fuel, and how many characters before the name it starts; null when the words before the name end in none.
 */
function fuelBeforeName(before: string, v: Vocabulary): { fuel: string; length: number } | null {
  const t = (v.fuels.mask ? before.replace(v.fuels.mask, (m) => " ".repeat(m.length)) : before).replace(
    /的?\s*$/,
    "",
  );
  for (const f of v.fuels.list)
    for (const m of t.matchAll(new RegExp(f.re.source, `${f.re.flags.replace("g", "")}g`)))
      if (m.index + m[0].length === t.length) return { fuel: f.id, length: before.length - m.index };
  return null;
}

/** The entities of a question, in the order they are first named. */
export function findEntities(text: string, amounts: readonly Amount[], v: Vocabulary): Entity[] {
  const starts = partStarts(text, v);
  // A measure said once for a list (5,000 pigs and 500,000 broilers a year): each figure that says
  // none of its own and whose animal has no measure of its own takes it — when the text says one only.
  const annual = v.measures.annual.re.test(text);
  const stock = v.measures.stock.re.test(text);
  const shared: { period: Period | null } = {
    period: annual !== stock ? (annual ? "annual" : "stock") : null,
  };
  const partText = (from: number) => text.slice(from, starts.find((s) => s > from) ?? text.length);
  // 救护车是柴油车: the second word says what the first one burns; it names no second thing.
  const named = mentions(text, v).filter(
    (m, i, all) =>
      !(
        m.word.fuel &&
        i > 0 &&
        (all[i - 1] as Mention).kind !== m.kind &&
        /^(?:都|也|还)?(?:是|为|属于|用的是|烧的是)(?:一[辆台])?$/.test(
          text.slice((all[i - 1] as Mention).end, m.start),
        )
      ),
  );
  // 公交公司, "our bus company": a firm named by what it runs is the asker, not a thing asked about — when the
  // question names another thing (our bus company also runs diesel trucks).
  const firm = (m: Mention) => FIRM_AFTER.test(text.slice(m.end));
  if (named.some((m) => !firm(m))) named.splice(0, named.length, ...named.filter((m) => !firm(m)));
  // A fuel inside the thing's own word (coal boilers, 燃煤锅炉) says nothing of its own: "does the rule on
  // small coal boilers apply to it" names the same boiler, not a second one.
  const ownWordsOut = named
    .filter((m) => m.word.fuel)
    .reduce((t, m) => t.slice(0, m.start) + " ".repeat(m.end - m.start) + t.slice(m.end), text);
  const saysOwn = (from: number) => {
    const t = partText(from);
    const end = starts.find((s) => s > from) ?? text.length;
    return (
      findStandard(t, v) !== null ||
      fuelsIn(ownWordsOut.slice(from, end), v).length > 0 ||
      // A year (by the end of 2025) is when, not something the thing is said to have.
      amounts.some((a) => partOf(starts, a.index) === from && !isYear(a))
    );
  };
  const pointsBack = (m: Mention) => POINTING_BACK.test(text.slice(Math.max(0, m.start - 12), m.start));
  const groups = group(named, (at) => partOf(starts, at), saysOwn, pointsBack);
  for (const a of amounts) {
    const g = owner(a, groups, starts, text, v);
    g?.figures.push(inOwnUnit(g.mentions[0]?.kind ?? "", a, v));
  }
  // What a figure measures is read from its own part of the sentence.
  const partMeasure = (a: Amount) => {
    const from = partOf(starts, a.index);
    return measureOf(text.slice(from, starts.find((s) => s > a.index) ?? text.length), v);
  };
  const signature = (a: Amount) => {
    const m = partMeasure(a);
    return `${a.unit}|${m.basis}|${m.period}`;
  };
  const all = groups.flatMap((g) => splitBySignature(g, signature));
  const firstAt = (g: Group) =>
    g.at ?? Math.min(...g.mentions.map((m) => m.start), ...g.figures.map((a) => a.index));
  all.sort((a, b) => firstAt(a) - firstAt(b));
  // Each entity's words run from the part where it is first named to where the next one's start.
  const bounds = all.map((g, i) => {
    const at = firstAt(g);
    const part = partOf(starts, at);
    const prev = i > 0 ? firstAt(all[i - 1] as Group) : -1;
    return i === 0 ? 0 : part > prev ? part : at;
  });
  const out: Entity[] = [];
  // A standard written just before the next thing's name is that thing's (工地用着一台国二挖掘机).
  let carried: Standard | null = null;
  // So is a fuel (工地上那台电动挖掘机): the word before a name says what that thing burns.
  let carriedFuel: string | null = null;
  for (const [i, g] of all.entries()) {
    const next = all[i + 1];
    const ownEnd = bounds[i + 1] ?? text.length;
    const leading = next ? fuelBeforeName(text.slice(bounds[i] ?? 0, firstAt(next)), v) : null;
    const end = leading ? Math.min(ownEnd, firstAt(next as Group) - leading.length) : ownEnd;
    const own = text.slice(bounds[i], end);
    // A fuel said of the thing outside a word that carries one ("our boiler runs on natural gas … the
    // phase-out of coal boilers"): the case's fuel, the fuel-named word a rule's name.
    const stated = fuelsIn(ownWordsOut.slice(bounds[i], end), v)[0] ?? null;
    const fuelled = g.mentions.find((m) => m.word.fuel);
    const plain = g.mentions.find((m) => !m.word.fuel);
    const first =
      stated && fuelled && plain && fuelled.word.fuel !== stated
        ? plain
        : (fuelled ?? (g.mentions[0] as Mention));
    const ownFuel = carriedFuel ?? (first === plain && stated ? stated : (fuelsIn(own, v)[0] ?? null));
    // A thing converted from its named fuel (普通煤锅炉改的，拿来烧秸秆颗粒) burns what it was converted to.
    const convertedTo =
      fuelled && CONVERTED_AFTER.test(text.slice(fuelled.end))
        ? (fuelsIn(ownWordsOut.slice(fuelled.end, end), v).find((f) => f !== fuelled.word.fuel) ?? null)
        : null;
    carriedFuel = leading?.fuel ?? null;
    let ownStandard: Standard | null = carried ?? findStandard(own, v);
    const at = carried || !ownStandard ? -1 : own.lastIndexOf(ownStandard.text);
    carried = null;
    const start = bounds[i] ?? 0;
    const gap =
      ownStandard && next && at >= 0 ? text.slice(start + at + ownStandard.text.length, firstAt(next)) : null;
    // 国二的挖掘机, 国二排放的挖掘机, 国三标准的装载机: nothing but the standard's own words between — and the
    // thing's fuel (国一排放标准的柴油挖掘机).
    if (
      ownStandard &&
      gap !== null &&
      (gap.length <= 2 ||
        /^(?:排放)?(?:标准)?(?:的)?\s*(?:柴油|汽油|燃油|燃气|天然气|电动|纯电)?的?\s*$/.test(gap))
    ) {
      carried = ownStandard;
      ownStandard = null;
    }
    const ownMeasure = measureOf(own, v);
    // A thing of the same kind named just before lends what it was said to have (国二的挖掘机和装载机).
    const before = [...out].reverse().find((e) => e.kind === first.kind);
    const figures: Figure[] = g.figures.map((a) => {
      const m = partMeasure(a);
      const single = g.figures.length === 1;
      // So many per batch is what stands at once, whatever the animal's usual measure.
      const perBatch = first.kind === "animal" && v.batches.perBatch.test(partText(partOf(starts, a.index)));
      return {
        ...a,
        basis: m.basis ?? (single ? ownMeasure.basis : null),
        period: perBatch
          ? "stock"
          : (m.period ?? (single ? ownMeasure.period : null) ?? first.word.period ?? shared.period),
      };
    });
    if (first.kind === "animal") figures.push(...yearOfBatches(text, figures, v));
    out.push({
      kind: first.kind,
      thing: first.word.id,
      animal: first.animal,
      label: first.word.label ?? { zh: first.word.id, en: first.word.id },
      mention: text.slice(first.start, first.end),
      fuel: convertedTo ?? first.word.fuel ?? ownFuel ?? before?.fuel ?? null,
      standard: ownStandard ?? before?.standard ?? null,
      figures,
      described: figures.length > 0 || ownFuel !== null || ownStandard !== null,
      text: own,
    });
  }
  // A standard read in the words of a thing that is also a place (excavators on a building site are
  // China II) is the machine's named before it, when that one has none of its own.
  for (const [i, e] of out.entries()) {
    if (!e.standard || !v.places.some((p) => p.id === e.thing)) continue;
    const owner = out
      .slice(0, i)
      .reverse()
      .find((o) => o.standard === null && !v.places.some((p) => p.id === o.thing));
    if (!owner) continue;
    owner.standard = e.standard;
    owner.described = true;
    e.standard = null;
  }
  // 另外还有一辆国四的: a part that gives a standard of its own with a counted thing but names none is
  // another thing of the kind named before it.
  for (const from of starts) {
    const part = partText(from);
    const standard = findStandard(part, v);
    if (!standard || !ANOTHER.test(part)) continue;
    if (all.some((g) => g.mentions.some((m) => m.start >= from && m.start < from + part.length))) continue;
    const before = out.filter((e) => e.standard !== null && text.indexOf(e.mention) < from).at(-1);
    if (!before || before.standard?.text === standard.text) continue;
    before.described = true;
    out.push({ ...before, standard, figures: [], described: true, text: part });
  }
  // Things named in a list (A和B, A、B, A and B) are each asked about, facts or not.
  const span = (g: Group) => [
    Math.min(...g.mentions.map((m) => m.start)),
    Math.max(...g.mentions.map((m) => m.end)),
  ];
  for (let i = 1; i < all.length; i++) {
    const gap = text.slice(span(all[i - 1] as Group)[1], span(all[i] as Group)[0]);
    if (/、/.test(gap) || new RegExp(v.joiners.source, "i").test(gap)) {
      (out[i - 1] as Entity).described = true;
      (out[i] as Entity).described = true;
    }
  }
  // A thing named again inside a requirement the asker quotes, after one of its kind the asker described: the
  // rule's name (那个淘汰燃煤经营性炉灶的要求), not a second case.
  const quoted = (e: Entity, i: number) => {
    if (!out.slice(0, i).some((o) => o.kind === e.kind && o.described)) return false;
    const at = e.text.indexOf(e.mention);
    return (
      at >= 0 &&
      v.quotedRequirement.before.test(e.text.slice(0, at)) &&
      v.quotedRequirement.after.test(e.text.slice(at + e.mention.length))
    );
  };
  return out.filter((e, i) => !quoted(e, i));
}
