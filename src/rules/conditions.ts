/**
 * Conditions of a rules file compiled to predicates: relevance triggers, decision-table rows and
 * fact cases all use them. Compiling checks every name: an unknown fact, comparison or vocabulary id
 * is an error at load, never a condition that silently never holds.
 */
import type { Condition, Scalar } from "./book.js";
import type { Scope } from "./scope.js";

/** A compiled condition. */
export type Pred = (s: Scope) => boolean;

/** What a condition may name: facts and comparisons of the rule, ids of the vocabulary. */
export interface Names {
  /** Facts and comparisons of the rule. */
  values: ReadonlySet<string>;
  /** Known ids per list (things, places, industries, fuels, cues, units). */
  ids: Readonly<Record<ListKey, ReadonlySet<string>>>;
}

/** The question-wide lists a condition may test. */
export const LIST_KEYS = ["things", "places", "industries", "fuels", "cues", "units"] as const;
export type ListKey = (typeof LIST_KEYS)[number];

const isScalar = (x: unknown): x is Scalar =>
  x === null || ["string", "number", "boolean"].includes(typeof x);
const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x);

/** A matcher for a fact's value: a value, a list of values, or `{not: …}`. */
function valueMatcher(spec: unknown, where: string): (v: Scalar) => boolean {
  if (isScalar(spec)) return (v) => v === spec;
  if (Array.isArray(spec) && spec.every(isScalar)) return (v) => spec.includes(v);
  if (isRecord(spec) && Object.keys(spec).length === 1 && "not" in spec) {
    const inner = valueMatcher(spec.not, where);
    return (v) => !inner(v);
  }
  throw new Error(`${where}: expected a value, a list of values or {not: …}`);
}

/** Whether the question names any of the ids in one of its lists. */
function listHas(s: Scope, key: ListKey, id: string): boolean {
  switch (key) {
    case "things":
      return s.q.things.has(id);
    case "places":
      return s.q.places.has(id);
    case "industries":
      return s.q.industries.includes(id);
    case "fuels":
      return s.q.fuels.includes(id);
    case "cues":
      return s.cue(id) !== null;
    case "units":
      return s.q.amounts.some((a) => (a.unit ?? "none") === id);
  }
}

/** The id standing for any id of a list of things, places, industries or fuels. */
const ANY_ID = "*";

/** Whether the question names anything at all of one of its lists. */
function anyOf(s: Scope, key: Exclude<ListKey, "cues" | "units">): boolean {
  switch (key) {
    case "things":
      return s.q.things.size > 0;
    case "places":
      return s.q.places.size > 0;
    case "industries":
      return s.q.industries.length > 0;
    case "fuels":
      return s.q.fuels.length > 0;
  }
}

/** Compiles a condition; throws naming the place (`where`) and the unknown name. */
export function compileCondition(c: Condition, names: Names, where: string): Pred {
  const parts: Pred[] = Object.entries(c).map(([key, spec]): Pred => {
    if (key === "all" || key === "any") {
      if (!Array.isArray(spec) || !spec.every(isRecord)) throw new Error(`${where}: ${key} takes a list`);
      const preds = spec.map((x, i) => compileCondition(x, names, `${where}.${key}[${i}]`));
      return key === "all" ? (s) => preds.every((p) => p(s)) : (s) => preds.some((p) => p(s));
    }
    if (key === "not") {
      if (!isRecord(spec)) throw new Error(`${where}: not takes a condition`);
      const inner = compileCondition(spec, names, `${where}.not`);
      return (s) => !inner(s);
    }
    if ((LIST_KEYS as readonly string[]).includes(key)) {
      const list = key as ListKey;
      // "*": the question names something of that list, whatever it is (a plant's own obligation asked).
      if (spec === ANY_ID) {
        if (list === "cues" || list === "units") throw new Error(`${where}: ${list} takes ids, not "*"`);
        return (s) => anyOf(s, list);
      }
      const ids = Array.isArray(spec) ? spec : [spec];
      for (const id of ids)
        if (typeof id !== "string" || !names.ids[list].has(id))
          throw new Error(`${where}: unknown ${list} id «${String(id)}»`);
      return (s) => ids.some((id) => listHas(s, list, id as string));
    }
    if (!names.values.has(key)) throw new Error(`${where}: unknown fact or comparison «${key}»`);
    const match = valueMatcher(spec, `${where}.${key}`);
    return (s) => match(s.value(key));
  });
  return (s) => parts.every((p) => p(s));
}
