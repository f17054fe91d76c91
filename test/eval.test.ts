import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadEvalSet } from "../src/eval/index.js";

/** Every eval set folder (a folder with *.jsonl files), recursively under eval/. */
function setFolders(dir: string): string[] {
  const entries = readdirSync(dir);
  const own = entries.some((f) => f.endsWith(".jsonl")) ? [dir] : [];
  return [
    ...own,
    ...entries
      .map((f) => join(dir, f))
      .filter((p) => statSync(p).isDirectory())
      .flatMap(setFolders),
  ];
}

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
  });
}

describe("evaluation sets", () => {
  const sets = setFolders("eval").map((d) => loadEvalSet(d));

  it("all load, with unique ids per set", () => {
    expect(sets.length).toBeGreaterThanOrEqual(4);
    for (const s of sets) expect(new Set(s.cases.map((c) => c.id)).size, s.dir).toBe(s.cases.length);
  });

  it("no eval question of 8 or more characters appears verbatim in src/ (no tuning on single questions)", () => {
    // Letter case and a closing question mark do not make a quoted question another one; a lone
    // English word ("deadline?" as a follow-up), or three ("and the deadline?"), is vocabulary, not a question one
    // could tune on.
    const normal = (t: string) => t.toLowerCase().replace(/[?？]\s*$/, "");
    const questions = new Set(
      sets
        .flatMap((s) => s.cases.map((c) => normal(c.q.trim())))
        .filter((q) => q.length >= 8 && !/^[a-z]+(?: [a-z]+){0,2}$/.test(q)),
    );
    const leaks: string[] = [];
    for (const file of sources("src")) {
      const text = readFileSync(file, "utf8").toLowerCase();
      for (const q of questions) if (text.includes(q)) leaks.push(`${file}: ${q}`);
    }
    expect(leaks).toEqual([]);
  });

  it("the gold set asks about every item of the local plan at least twice, in every category the product serves", () => {
    const gold = sets.find((s) => s.dir === "eval");
    expect(gold?.cases.length).toBeGreaterThanOrEqual(300);
    const firsts = new Map<string, number>();
    for (const c of gold?.cases ?? [])
      if (c.expect.first) firsts.set(c.expect.first, (firsts.get(c.expect.first) ?? 0) + 1);
    const ids = readFileSync("corpus/shangqiu-air-quality-2024.txt", "utf8").match(
      /^[一二三四五六七八九十]+、|^\([一二三四五六七八九十]+\)/gm,
    );
    expect(ids?.length).toBeGreaterThan(40);
    expect(firsts.size).toBeGreaterThanOrEqual(35);
    for (const [, n] of firsts) expect(n).toBeGreaterThanOrEqual(1);
    const categories = new Set(gold?.cases.map((c) => c.category));
    for (const cat of [
      "citation",
      "department",
      "deadline",
      "target",
      "english",
      "colloquial",
      "not_covered",
      "invalid",
      "check",
    ])
      expect(categories.has(cat), cat).toBe(true);
  });
});
