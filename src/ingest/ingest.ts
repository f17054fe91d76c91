/**
 * One document into the corpus: read, convert to text, parse as a plan, check, write
 * `<out>/<slug>.txt` — or say why not. Nothing is written unless the text parses as a plan.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { ZodError } from "zod";
import type { Plan } from "../corpus/index.js";
import {
  type GenreData,
  loadCorpus,
  loadGenreData,
  parsePlan,
  projectPaths,
  readProfileFile,
} from "../corpus/index.js";
import { ConversionError, convertDocument, type ProgressListener } from "./convert.js";
import { buildReport, planWarnings } from "./report.js";
import type { IngestOutcome, IngestWarning } from "./schema.js";
import { isSlug, slugFromFileName } from "./slug.js";

/** Options for {@link ingestFile}. */
export interface IngestOptions {
  /** The corpus id (file name without .txt); defaults to the file name, slugified. */
  slug?: string;
  /** The corpus folder; defaults to the project's corpus/. */
  outDir?: string;
  /** Replace an existing corpus file. */
  force?: boolean;
  /** Convert, parse and report, but write nothing. */
  dryRun?: boolean;
  /** The genre's data (defaults to the project's data/). */
  genre?: GenreData;
  /** Progress of long steps, for a terminal. */
  onProgress?: ProgressListener;
}

/** Why a parse failed, in one line (zod's issues joined, other errors' first line). */
function parseFailure(error: unknown): string {
  if (error instanceof ZodError) {
    const issues = error.issues.map((i) => {
      const empty = i.code === "too_small" && i.origin === "string" && Number(i.minimum) === 1;
      return `${i.path.join(".")} ${empty ? "is empty" : i.message}`;
    });
    return `the parsed plan is incomplete: ${issues.join("; ")}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return (message.split("\n")[0] ?? message).replace(/^[^:]*: /, "");
}

/** Documents already in the corpus with the same title (another slug). */
function sameDocument(plan: Plan, outDir: string, slug: string, genre: GenreData): string[] {
  if (!existsSync(outDir)) return [];
  const corpus = loadCorpus(outDir, { genre });
  const key = (p: Plan) => `${p.meta.title ?? ""}\0${p.meta.planTitle}`;
  return corpus.plans.filter((p) => p.doc !== slug && key(p) === key(plan)).map((p) => p.doc);
}

/** A path relative to the working directory when it lies below it, else absolute. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? resolve(path) : rel;
}

/** Ingests one file. Never throws for a bad input: the outcome says what happened. */
export async function ingestFile(file: string, options: IngestOptions = {}): Promise<IngestOutcome> {
  const started = performance.now();
  const shown = displayPath(file);
  const progress = options.onProgress ?? (() => {});
  const outDir = options.outDir ?? projectPaths().corpus;
  const slug = options.slug ?? slugFromFileName(file);
  if (!isSlug(slug))
    throw new TypeError(`invalid slug ${slug}: use lowercase ASCII letters, digits and hyphens`);

  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : (error as Error).message;
    return { status: "unreadable", file: shown, message: `cannot read ${shown}: ${why}` };
  }

  progress(`converting ${shown}`);
  let converted: Awaited<ReturnType<typeof convertDocument>>;
  try {
    converted = await convertDocument(file, bytes, progress);
  } catch (error) {
    const message = error instanceof ConversionError ? error.message : String(error);
    return { status: "unreadable", file: shown, message: `cannot convert ${shown}: ${message}` };
  }

  progress("parsing");
  const genre = options.genre ?? loadGenreData(projectPaths().data);
  let plan: Plan;
  try {
    plan = parsePlan(slug, converted.text, { genre, profile: readProfileFile(outDir, slug) });
  } catch (error) {
    return {
      status: "not-a-plan",
      file: shown,
      message: `${shown} converted to text but does not parse as a plan: ${parseFailure(error)}`,
      conversion: converted.conversion,
      warnings: converted.warnings,
    };
  }

  const output = join(outDir, `${slug}.txt`);
  const exists = existsSync(output);
  const warnings: IngestWarning[] = [...converted.warnings, ...planWarnings(plan)];
  if (exists)
    warnings.push({
      code: "duplicate-slug",
      message: `${output} already exists${options.force ? " and is replaced (--force)" : ""}`,
    });
  const twins = sameDocument(plan, outDir, slug, genre);
  if (twins.length > 0)
    warnings.push({
      code: "duplicate-document",
      message: `the corpus already has this document as ${twins.join(", ")}: answers would cite it twice`,
    });

  const refused = exists && !options.force && !options.dryRun;
  let written = false;
  if (!options.dryRun && !refused) {
    progress(`writing ${output}`);
    mkdirSync(outDir, { recursive: true });
    const temporary = `${output}.${process.pid}.tmp`;
    writeFileSync(temporary, converted.text, "utf8");
    renameSync(temporary, output); // a reader never sees half a file
    written = true;
  }
  const report = buildReport({
    file: shown,
    slug,
    output: displayPath(output),
    written,
    plan,
    conversion: converted.conversion,
    warnings,
    milliseconds: Math.round(performance.now() - started),
  });
  if (refused)
    return {
      status: "exists",
      message: `${report.output} already exists: nothing written (--force replaces it, --slug picks another name)`,
      report,
    };
  return { status: "ok", report };
}
