/**
 * The corpus stage: every document in corpus/ read and parsed into a typed {@link Plan}.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parsePlan } from "./parse.js";
import type { IsoDate, Plan } from "./schema.js";

export { parsePlan } from "./parse.js";
export * from "./schema.js";

/** The parsed corpus and a hash of its raw files (the index cache key starts from it). */
export interface Corpus {
  /** Documents, the most specific first: a plan that implements another ranks before it. */
  plans: Plan[];
  hash: string;
}

/** Reads and parses every `.txt` document in `dir`. Throws with the file name when one fails. */
export function loadCorpus(dir: string, today?: IsoDate): Corpus {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort();
  if (files.length === 0) throw new Error(`no documents (*.txt) in ${dir}`);
  const hash = createHash("sha256");
  const plans = files.map((file) => {
    const source = readFileSync(join(dir, file), "utf8");
    hash.update(file).update("\0").update(source).update("\0");
    return parsePlan(basename(file, ".txt"), source, today ? { today } : {});
  });
  return { plans: orderBySpecificity(plans), hash: hash.digest("hex") };
}

/** A plan that implements another (its meta.implements names the other's number) comes first. */
function orderBySpecificity(plans: Plan[]): Plan[] {
  const implementedBy = (p: Plan) =>
    plans.filter((q) => q !== p && p.meta.docNumber !== null && q.meta.implements.includes(p.meta.docNumber))
      .length;
  return [...plans].sort((a, b) => implementedBy(a) - implementedBy(b));
}
