/**
 * The shape of what is read from one question (`QuestionFacts`) and its parts: figures, emission
 * standards and the entities it describes. Built by ./facts.ts; read by the rule interpreter.
 */
import { z } from "zod";
import { Bi } from "./schema.js";

/** A figure in the question with its canonical unit (null when none follows). */
export const Amount = z.object({
  value: z.number(),
  unit: z.string().nullable(),
  /** The numeral and unit as written. */
  text: z.string(),
  /** Offset in the question (for ordering and for finding the thing it belongs to). */
  index: z.number().int(),
  /** The clause (between punctuation marks) the figure stands in. */
  clause: z.string(),
});
export type Amount = z.infer<typeof Amount>;

/** Design capacity or the current number. */
export const Basis = z.enum(["design", "current"]);
export type Basis = z.infer<typeof Basis>;
/** Stock (存栏) or annual output (年出栏). */
export const Period = z.enum(["stock", "annual"]);
export type Period = z.infer<typeof Period>;

/** A figure of an entity, with what it measures as its own clause (or the entity's words) says. */
export const Figure = Amount.extend({ basis: Basis.nullable(), period: Period.nullable() });
export type Figure = z.infer<typeof Figure>;

/** An emission standard: 国四 → {scheme: "national", level: 4}; 第一阶段 → {scheme: "stage", level: 1}. */
export const Standard = z.object({
  scheme: z.enum(["national", "stage"]),
  level: z.number().int(),
  text: z.string(),
});
export type Standard = z.infer<typeof Standard>;

/** One thing the question describes, with its own facts. */
export const Entity = z.object({
  /** What it is: animal, boiler, truck, construction-site … (the vocabulary's `entity`). */
  kind: z.string(),
  /** The vocabulary id of its most specific mention: coal-boiler, layer, muck-truck … */
  thing: z.string(),
  /** For kind animal: which (layer, pig …); else null. */
  animal: z.string().nullable(),
  label: Bi,
  /** The words that name it, as written. */
  mention: z.string(),
  /** The fuel its name says (燃煤锅炉), its own words give (烧煤的茶水炉), or the thing of its kind before it has. */
  fuel: z.string().nullable(),
  /** The emission standard in its own words, else that of the thing of its kind named before it. */
  standard: Standard.nullable(),
  /** Its figures, with basis and period (a laying-hen count without one is a stock). */
  figures: z.array(Figure),
  /** The question asks about it in its own right: it has a figure, fuel or standard of its own, or is listed with another (A和B). */
  described: z.boolean(),
  /** Its part of the question. */
  text: z.string(),
});
export type Entity = z.infer<typeof Entity>;

/** Everything a rule may read from a question. */
export const QuestionFacts = z.object({
  text: z.string(),
  lang: z.enum(["zh", "en"]),
  /** Vocabulary ids of the things named anywhere in the question (coal-boiler, boiler, farm, vocs …). */
  things: z.set(z.string()),
  industries: z.array(z.string()),
  fuels: z.array(z.string()),
  places: z.set(z.string()),
  /** Named cues present (asks, new-build, pilot …: data/facts.yaml `cues`). */
  cues: z.set(z.string()),
  /** Every figure, in text order, with what its clause (or, when alone, the question) says it measures. */
  amounts: z.array(Figure),
  /** The things the question describes, each with its own figures, fuel and standard. */
  entities: z.array(Entity),
  /** The first emission standard named. */
  standard: Standard.nullable(),
  /** A performance grade stated (A–D, "lead" for 引领性, "none" for unrated, "below" for below A and B). */
  grade: z.enum(["A", "B", "C", "D", "lead", "none", "below"]).nullable(),
  /** A year named (for completion dates). */
  year: z.number().int().nullable(),
  /** Building something new (新建, new plant …). */
  newBuild: z.boolean(),
  /** The question asks about an obligation (要不要, 是否, must, can I …). */
  asks: z.boolean(),
  /** The question speaks of its own business (我, 我们, my, our …). */
  self: z.boolean(),
});
export type QuestionFacts = z.infer<typeof QuestionFacts>;
