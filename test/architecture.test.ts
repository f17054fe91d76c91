/**
 * The codebase's shape as a rule the suite enforces: each folder of src/ is a stage with a public
 * surface (its index.ts); an import that crosses folders goes through that surface; and lower stages
 * never import higher ones. A failure names the file and the import.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { loadCorpus } from "../src/corpus/index.js";

/** The stages, lowest first: a stage may import only from itself and the stages before it. */
const ORDER = [
  ["corpus"],
  ["search", "rules"],
  ["understand"],
  ["answer"],
  ["render"],
  ["engine"],
  ["eval", "bench", "ingest", "stand-ins", "channels"],
  ["cli"],
];
const rank = (folder: string) => ORDER.findIndex((group) => group.includes(folder));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|mts)$/.test(p) ? [p] : [];
  });
}

/** Relative imports of a file, resolved to paths under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found = [...text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)].map(
    (m) => m[1] as string,
  );
  return found.map((spec) => normalize(join(dirname(file), spec)));
}

const stageOf = (path: string) => relative("src", path).split("/")[0] as string;

describe("the shape of src/", () => {
  const files = sources("src");

  it("every folder is a known stage", () => {
    const folders = [...new Set(files.map(stageOf).filter((f) => !f.endsWith(".ts")))];
    for (const f of folders) expect(rank(f), f).toBeGreaterThanOrEqual(0);
  });

  it("imports across folders go through the folder's index.ts", () => {
    const bad: string[] = [];
    for (const file of files) {
      for (const target of importsOf(file)) {
        const from = stageOf(file);
        const to = stageOf(target);
        if (from === to || !target.startsWith("src")) continue;
        // The target's own folder (a stage, or a channel inside channels/) must be entered by its index.
        const rest = relative(join("src", to), target).split("/");
        const entered = rest.length === 1 ? rest[0] : `${rest[0]}/${rest.at(-1)}`;
        // A channel is a folder of channels/ (entered by its index) or a single file there (terminal.ts).
        const throughIndex =
          (rest.at(-1) === "index.js" && rest.length <= 2) || (to === "channels" && rest.length === 1);
        if (!throughIndex) bad.push(`${file} imports ${target} (${entered})`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("lower stages never import higher ones", () => {
    const bad: string[] = [];
    for (const file of files) {
      for (const target of importsOf(file)) {
        if (!target.startsWith("src")) continue;
        const from = stageOf(file);
        const to = stageOf(target);
        if (rank(to) > rank(from)) bad.push(`${file} (${from}) imports ${target} (${to})`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe("no document in src/", () => {
  it("holds none of the shipped documents' place names, ids or the verbatim phrases their rules cite", () => {
    const words = new Set<string>();
    for (const plan of loadCorpus("corpus").plans) {
      words.add(plan.doc);
      for (const name of plan.profile.placeAliases) if (name.length >= 2) words.add(name);
    }
    const collect = (node: unknown): void => {
      if (!node || typeof node !== "object") return;
      for (const [key, value] of Object.entries(node)) {
        if (key === "phrases" && value && typeof value === "object")
          for (const phrase of Object.values(value)) words.add(String(phrase));
        else collect(value);
      }
    };
    for (const f of readdirSync("corpus").filter((f) => f.endsWith(".rules.yaml")))
      collect(parseYaml(readFileSync(join("corpus", f), "utf8")));
    expect(words.size).toBeGreaterThan(40);
    const found: string[] = [];
    for (const file of sources("src")) {
      const text = readFileSync(file, "utf8");
      for (const w of words) if (text.toLowerCase().includes(w.toLowerCase())) found.push(`${file}: ${w}`);
    }
    expect(found).toEqual([]);
  });
});
