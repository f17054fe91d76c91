/**
 * The corpus stage: every document in corpus/ read and parsed into a typed {@link Plan}, each on its
 * own — a document that cannot be read or parsed is skipped with a warning naming the file and the
 * reason, and the others load.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { ProfileDepartment } from "./department-data.js";
import { DepartmentDirectory } from "./departments.js";
import { parsePlan, registerDepartments } from "./parse.js";
import { projectPaths } from "./paths.js";
import { planCacheFile, readCachedPlan, writeCachedPlan } from "./plan-cache.js";
import { type GenreData, loadGenreData, readProfileFile } from "./profile.js";
import type { Plan } from "./schema.js";

export { dueDate, isoDate, isPassed, type MonthDay, parseDeadlines, todayIso } from "./deadlines.js";
export {
  DepartmentData,
  GenreDepartment,
  loadDepartmentData,
  ProfileDepartment,
} from "./department-data.js";
export {
  canonicalDepartment,
  DEPARTMENTS,
  Department,
  DepartmentDirectory,
  DepartmentInfo,
  type DepartmentMention,
  departmentWords,
  englishDepartment,
  escapeRegExp,
  findDepartmentMentions,
  isDepartmentWord,
  sharedDepartments,
} from "./departments.js";
export { sourceFingerprint } from "./fingerprint.js";
export { markersOf } from "./footnotes.js";
export { docNumberKey } from "./meta.js";
export { formatSmallNumeral, parseSmallNumeral } from "./numerals.js";
export { parsePlan } from "./parse.js";
export { projectPaths, projectRoot } from "./paths.js";
export { placeCore, placeInPinyin } from "./place.js";
export { buildProfile, type GenreData, loadGenreData, ProfileFile, readProfileFile } from "./profile.js";
export { cityNames, loadCityNames, provinceNames } from "./regions.js";
export * from "./schema.js";
export { type DivisionRow, readDivisionTable } from "./table.js";
export { readYamlFile } from "./yaml.js";

/** A document that was not loaded, and why. */
export interface CorpusWarning {
  file: string;
  reason: string;
}

/** The parsed corpus and a hash of its raw files (the index cache key starts from it). */
export interface Corpus {
  /** Documents in file-name order; no document is privileged by its place in this list. */
  plans: Plan[];
  /** Documents skipped, with the reason; empty when all loaded. */
  warnings: CorpusWarning[];
  hash: string;
  /** The genre's data the documents were read with (later stages use its words too). */
  genre: GenreData;
  /** The departments of exactly these documents, with the genre's data (aliases, English names). */
  departments: DepartmentDirectory;
}

/** Options for {@link loadCorpus}. */
export interface LoadOptions {
  /** The genre's data folder (provinces, title words); defaults to the project's `data/`. */
  dataDir?: string;
  /** Already loaded genre data (tests and benchmarks load it once). */
  genre?: GenreData;
  /** A folder to keep parsed plans in between runs (the engine's cache); none by default. */
  cacheDir?: string;
}

/** Why something failed, in one line. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? message;
}

/**
 * Reads and parses every `.txt` document in `dir` (or in each of several folders), each on its own.
 * Throws only when the genre data is malformed; a missing, empty or wholly unreadable folder gives a
 * corpus with a warning for it and for each file that failed.
 */
export function loadCorpus(dir: string | readonly string[], options: LoadOptions = {}): Corpus {
  const genre = options.genre ?? loadGenreData(options.dataDir ?? projectPaths().data);
  const hash = createHash("sha256");
  // The genre's data shapes the plans (profiles) and what search knows (department words): part of the key.
  // (Its maps and sets written out: JSON.stringify alone writes a Map as {}, and an edit to one — an English
  // place name — would leave every cached plan in place.)
  const genreText = JSON.stringify(genre, (_, v) => (v instanceof Map || v instanceof Set ? [...v] : v));
  hash.update(genreText).update("\0");
  const genreKey = options.cacheDir ? createHash("sha256").update(genreText).digest("hex") : "";
  const plans: Plan[] = [];
  const profiles: Array<ProfileDepartment[]> = [];
  const warnings: CorpusWarning[] = [];
  for (const d of typeof dir === "string" ? [dir] : dir)
    readFolder(d, { genre, genreKey, cacheDir: options.cacheDir }, hash, plans, profiles, warnings);
  const departments = new DepartmentDirectory(genre.departments);
  for (const [i, plan] of plans.entries())
    departments.addDocument(profiles[i] ?? [], [
      ...plan.items.flatMap((item) => item.departments.map((d) => d.name)),
      ...plan.standingNotes.flatMap((n) => n.departments.map((d) => d.name)),
    ]);
  return { plans, warnings, hash: hash.digest("hex"), genre, departments };
}

function readFolder(
  dir: string,
  { genre, genreKey, cacheDir }: { genre: GenreData; genreKey: string; cacheDir: string | undefined },
  hash: ReturnType<typeof createHash>,
  plans: Plan[],
  profiles: Array<ProfileDepartment[]>,
  warnings: CorpusWarning[],
): void {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith(".txt"))
      .sort();
  } catch (error) {
    warnings.push({ file: dir, reason: reasonOf(error) });
    return;
  }
  for (const file of files) {
    const doc = basename(file, ".txt");
    try {
      const source = readFileSync(join(dir, file), "utf8");
      const profile = readProfileFile(dir, doc);
      const profileText = JSON.stringify(profile);
      hash.update(file).update("\0").update(source).update("\0").update(profileText).update("\0");
      // A plan parsed by an earlier run from the same text, profile, genre data and code is read back.
      const cached = cacheDir ? planCacheFile(cacheDir, doc, [source, profileText, genreKey]) : null;
      let plan = cached ? readCachedPlan(cached) : null;
      if (plan) registerDepartments(plan, profile?.departments ?? []);
      else {
        plan = parsePlan(doc, source, { genre, profile });
        if (cached) writeCachedPlan(cached, plan);
      }
      plans.push(plan);
      profiles.push(profile?.departments ?? []);
    } catch (error) {
      warnings.push({ file, reason: reasonOf(error) });
    }
  }
  if (files.length === 0) warnings.push({ file: dir, reason: "no documents (*.txt) in the folder" });
}

const squeeze = (s: string) => s.replace(/\s+/g, "");

/**
 * Whether `local` implements `general`: its preamble cites `general`'s number (spaces aside) or
 * its plan title in 《》. A local plan's items are preferred to the general plan's on the same topic.
 */
export function implementsPlan(local: Plan, general: Plan): boolean {
  if (local === general) return false;
  const number = general.meta.docNumber;
  if (number && local.meta.implements.some((n) => squeeze(n) === squeeze(number))) return true;
  return local.meta.implementsTitles.includes(general.meta.planTitle);
}

const implementersCache = new WeakMap<readonly Plan[], Map<Plan, Plan[]>>();

/**
 * For each plan of a list that others in the list implement, those implementing plans (as
 * {@link implementsPlan} decides). Looked up by number and title rather than by comparing every
 * pair, so a thousand plans cost a thousand look-ups; remembered per list.
 */
export function implementersIn(plans: readonly Plan[]): ReadonlyMap<Plan, readonly Plan[]> {
  const known = implementersCache.get(plans);
  if (known) return known;
  const byKey = new Map<string, Plan[]>();
  const add = (key: string, plan: Plan) => {
    const list = byKey.get(key);
    if (list) list.push(plan);
    else byKey.set(key, [plan]);
  };
  for (const g of plans) {
    if (g.meta.docNumber) add(`#${squeeze(g.meta.docNumber)}`, g);
    add(`《${g.meta.planTitle}`, g);
  }
  const result = new Map<Plan, Plan[]>();
  for (const local of plans) {
    const keys = [
      ...local.meta.implements.map((n) => `#${squeeze(n)}`),
      ...local.meta.implementsTitles.map((t) => `《${t}`),
    ];
    for (const general of new Set(keys.flatMap((k) => byKey.get(k) ?? []))) {
      if (general === local) continue;
      const list = result.get(general);
      if (list) list.push(local);
      else result.set(general, [local]);
    }
  }
  implementersCache.set(plans, result);
  return result;
}
export { markedLine, type PlanConventions, readPlanConventions } from "./conventions.js";
export { LEADING_COMPARATORS, parseQuantities, TRAILING_COMPARATORS } from "./quantities.js";
export { type Bracket, findBrackets, hasRoleVerb, parseResponsibility } from "./responsibility.js";
