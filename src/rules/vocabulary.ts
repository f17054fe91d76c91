/**
 * The facts vocabulary (data/facts.yaml): the asker's words for things, animals, industries, fuels,
 * places, units and cues, validated by zod and compiled once. src/rules/facts.ts reads it; nothing in
 * it belongs to one plan.
 */
import { join } from "node:path";
import { z } from "zod";
import { projectPaths, readYamlFile } from "../corpus/index.js";
import { Bi } from "./schema.js";

const Id = z.string().regex(/^[a-z0-9%/-]+$/i, "an id of letters, digits, - / %");
const Pattern = z.string().min(1);

/** An entry of a word list: an id, its pattern, its label, and what it implies. */
const Entry = z.object({
  id: Id,
  pattern: Pattern,
  label: Bi.optional(),
  /** Each mention is an entity of this kind. */
  entity: Id.optional(),
  /** The fuel the word itself names (燃煤锅炉 → coal). */
  fuel: Id.optional(),
  /** For animals: what a bare count measures (蛋鸡 → stock). */
  period: z.enum(["stock", "annual"]).optional(),
  /**
   * For animals: the broader animal this one is a kind of (蛋鸡 → chicken). In a question naming the
   * narrower one, the broader word (养鸡场) is that same animal, not another.
   */
  kindOf: Id.optional(),
  /** The entry does not count when this pattern is in the question. */
  unless: Pattern.optional(),
  /**
   * For industries: how the plans write it where that differs from how askers name it (火电 as 煤电, 电厂,
   * 机组). A plan that writes none of these, nor the label or the askers' words, never speaks of it.
   */
  written: Pattern.optional(),
  /** For industries: the genre gives it tasks of its own, so a plan silent on it has none for it (see data/facts.yaml). */
  ownTasks: z.boolean().optional(),
  /** The place (or thing) this one rules out. */
  cancels: Id.optional(),
  /** For things: firms make it as a product (装载机, 货车), so one said to make it (`maker`) has none of it as a case. */
  product: z.boolean().optional(),
  /**
   * For places: what the thing serves or is connected to (集中供暖, 热力管网), not where it stands. Said of
   * a case, it adds to it; it does not move it elsewhere.
   */
  serves: z.boolean().optional(),
});

const Masked = z.object({ mask: Pattern.optional(), list: z.array(Entry) });

/** The shape of data/facts.yaml. */
export const VocabularyFile = z.object({
  units: z.array(z.object({ unit: Id, factor: z.number().positive().default(1), pattern: Pattern })),
  planUnits: z.record(z.string(), z.object({ unit: Id, en: z.string(), factor: z.number().default(1) })),
  /** What a bare count counts when its clause names it just before (密封点有1200个): that thing's unit. */
  countedNouns: z.array(z.object({ unit: Id, pattern: Pattern })).default([]),
  notFigures: z.array(z.string().min(1)),
  joiners: Pattern,
  quotedRequirement: z.object({ before: Pattern, after: Pattern }),
  /** The words around a product (`product` things) that say the asker makes it: 做装载机的, 挖掘机制造厂. */
  maker: z.object({ before: Pattern, after: Pattern, made: Pattern }),
  measures: z.object({
    design: z.object({ pattern: Pattern, label: Bi }),
    current: z.object({ pattern: Pattern, label: Bi }),
    annual: z.object({ pattern: Pattern, label: Bi }),
    stock: z.object({ pattern: Pattern, label: Bi }),
  }),
  /** Batches of animals a year: a count per batch (`perBatch`) times the batches (`count`, its first group). */
  batches: z.object({ perBatch: Pattern, count: Pattern }),
  animals: z.array(Entry),
  entityUnits: z.record(
    Id,
    z.object({
      units: z.array(Id),
      bare: z.number().optional(),
      /** Units the kind is also given in, each → the unit it counts in and the factor (MW of a boiler → t/h). */
      convert: z.record(Id, z.object({ unit: Id, factor: z.number().positive() })).optional(),
    }),
  ),
  things: z.array(Entry),
  industries: Masked,
  fuels: Masked,
  places: z.array(Entry),
  grades: z.object({ letter: Pattern, lead: Pattern, none: Pattern, below: Pattern, asked: Pattern }),
  preStageOne: Pattern,
  /** Words a city's name stands inside across a word boundary (冬天水泥 holds no 天水): there it is no city. */
  notCities: Pattern.optional(),
  cues: z.record(Id, Pattern),
  /** Cues said in place of one another (水喷淋 → 改用催化燃烧): naming one in a follow-up drops the others. */
  rivals: z.array(z.array(Id).min(2)).default([]),
});
export type VocabularyFile = z.infer<typeof VocabularyFile>;

/** A compiled word-list entry. */
export type Word = Omit<z.infer<typeof Entry>, "pattern" | "unless" | "written"> & {
  re: RegExp;
  /** The same pattern, global: every mention. */
  all: RegExp;
  unless: RegExp | null;
  /** Any way a document writes it: the askers' words, the label, and the plans' own (`written`). */
  inDocuments: RegExp;
};

/** The vocabulary with every pattern compiled (case-insensitive). */
export interface Vocabulary {
  units: Array<{ unit: string; factor: number; re: RegExp }>;
  planUnits: VocabularyFile["planUnits"];
  /** A bare count's unit from the thing its clause names just before the figure (密封点…六百来个 → point). */
  countedNouns: Array<{ unit: string; re: RegExp }>;
  notFigures: RegExp;
  joiners: RegExp;
  /** The words around a thing named in a requirement the asker quotes (淘汰燃煤…的要求): the rule's name, not a case. */
  quotedRequirement: { before: RegExp; after: RegExp };
  /** The words around a product that say the asker makes it (做装载机的, "we make forklifts"): no case of it. */
  maker: { before: RegExp; after: RegExp; made: RegExp };
  measures: Record<"design" | "current" | "annual" | "stock", { re: RegExp; label: Bi }>;
  batches: { perBatch: RegExp; count: RegExp };
  animals: Word[];
  entityUnits: VocabularyFile["entityUnits"];
  things: Word[];
  industries: { mask: RegExp | null; list: Word[] };
  fuels: { mask: RegExp | null; list: Word[] };
  places: Word[];
  grades: { letter: RegExp; lead: RegExp; none: RegExp; below: RegExp; asked: RegExp };
  preStageOne: RegExp;
  /** Words a city's name stands inside across a word boundary (冬天水泥 holds no 天水), every match. */
  notCities: RegExp | null;
  cues: Map<string, RegExp>;
  /** Each cue with rivals → the cues said in its place. */
  rivals: Map<string, ReadonlySet<string>>;
  /** Labels of every id that has one (things, animals, industries, fuels, places, measures). */
  labels: Map<string, Bi>;
}

const re = (source: string, flags = "i") => new RegExp(source, flags);
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

function compileWord(e: z.infer<typeof Entry>): Word {
  const { pattern, unless, written, ...rest } = e;
  const inDocuments = [pattern, e.label?.zh && literal(e.label.zh), written].filter(Boolean).join("|");
  return {
    ...rest,
    re: re(pattern),
    all: re(pattern, "gi"),
    unless: unless ? re(unless) : null,
    inDocuments: re(inDocuments),
  };
}

/** Compiles a validated vocabulary file; throws naming the pattern that does not compile. */
export function compileVocabulary(file: VocabularyFile): Vocabulary {
  const words = (list: z.infer<typeof Entry>[]) => list.map(compileWord);
  for (const id of file.rivals.flat()) if (!(id in file.cues)) throw new Error(`rivals: unknown cue «${id}»`);
  const v: Vocabulary = {
    units: file.units.map((u) => ({ unit: u.unit, factor: u.factor, re: re(`^(?:${u.pattern})`) })),
    planUnits: file.planUnits,
    countedNouns: file.countedNouns.map((c) => ({ unit: c.unit, re: re(`(?:${c.pattern}).{0,16}$`) })),
    notFigures: re(`^(?:${file.notFigures.map(literal).join("|")})`),
    joiners: re(file.joiners, "gi"),
    quotedRequirement: {
      before: re(`(?:${file.quotedRequirement.before})$`),
      after: re(`^(?:${file.quotedRequirement.after})`),
    },
    maker: {
      before: re(`(?:${file.maker.before})$`),
      after: re(`^(?:${file.maker.after})`),
      made: re(`^(?:${file.maker.made})`),
    },
    measures: {
      design: { re: re(file.measures.design.pattern), label: file.measures.design.label },
      current: { re: re(file.measures.current.pattern), label: file.measures.current.label },
      annual: { re: re(file.measures.annual.pattern), label: file.measures.annual.label },
      stock: { re: re(file.measures.stock.pattern), label: file.measures.stock.label },
    },
    batches: { perBatch: re(file.batches.perBatch), count: re(file.batches.count) },
    animals: words(file.animals),
    entityUnits: file.entityUnits,
    things: words(file.things),
    industries: {
      mask: file.industries.mask ? re(file.industries.mask, "gi") : null,
      list: words(file.industries.list),
    },
    fuels: { mask: file.fuels.mask ? re(file.fuels.mask, "gi") : null, list: words(file.fuels.list) },
    places: words(file.places),
    grades: {
      letter: re(file.grades.letter),
      lead: re(file.grades.lead),
      none: re(file.grades.none),
      below: re(file.grades.below),
      asked: re(file.grades.asked, "gi"),
    },
    preStageOne: re(file.preStageOne),
    notCities: file.notCities ? re(file.notCities, "gi") : null,
    cues: new Map(Object.entries(file.cues).map(([k, p]) => [k, re(p)])),
    rivals: new Map(
      file.rivals.flatMap((group) =>
        group.map((id) => [id, new Set(group.filter((o) => o !== id))] as const),
      ),
    ),
    labels: new Map(),
  };
  for (const w of [...v.things, ...v.animals, ...v.industries.list, ...v.fuels.list, ...v.places])
    if (w.label) v.labels.set(w.id, w.label);
  for (const [k, m] of Object.entries(v.measures)) v.labels.set(k, m.label);
  return v;
}

/** Reads, validates and compiles a vocabulary file; throws naming the file when it is malformed. */
export function loadVocabulary(file: string): Vocabulary {
  const parsed = VocabularyFile.safeParse(readYamlFile(file));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
  return compileVocabulary(parsed.data);
}

let shared: Vocabulary | undefined;

/** The project's vocabulary (data/facts.yaml), loaded on first use and kept. */
export function vocabulary(): Vocabulary {
  shared ??= loadVocabulary(join(projectPaths().data, "facts.yaml"));
  return shared;
}

/** Whether one animal is a kind of another (蛋鸡 of 鸡): the narrower word for the same case. */
export function isKindOf(narrow: string, broad: string): boolean {
  return vocabulary().animals.some((a) => a.id === narrow && a.kindOf === broad);
}

/**
 * Whether a document's text is silent on an industry the genre gives tasks of its own (`ownTasks`: 钢铁, or
 * 火电 written nowhere as 煤电, 电厂, 机组 either): the document has no task for it. A trade the plans cover by
 * measures for all alike (printing, furniture) is never taken for absent.
 */
export function silentOnIndustry(text: string, id: string): boolean {
  const industry = vocabulary().industries.list.find((i) => i.id === id);
  return industry?.ownTasks === true && !industry.inDocuments.test(text);
}
