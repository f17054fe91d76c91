/**
 * `npm run calibrate`: chooses the not-covered decision's weights and thresholds on the labelled
 * tuning sets (by default the gold set, eval/holdout, eval/dev and eval/genre/dev — never a blind set), prints the
 * false refusals and false answers per set before and after, and with `--write` saves them to
 * data/not-covered.yaml.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Command } from "commander";
import { coverageWeights } from "../answer/index.js";
import { projectPaths, projectRoot } from "../corpus/index.js";
import { createEngine } from "../engine/index.js";
import { calibrate, coverageCases, errorsOf, loadEvalSet } from "../eval/index.js";

const program = new Command()
  .name("calibrate")
  .description("Choose the not-covered weights and thresholds on labelled tuning sets")
  .option("--dir <dir...>", "tuning sets (never a blind set)", [
    "eval",
    "eval/holdout",
    "eval/dev",
    "eval/genre/dev",
  ])
  .option("--strict <dir...>", "sets whose errors count first (CI gates on them)", ["eval", "eval/holdout"])
  .option("--write", "save the chosen weights to data/not-covered.yaml")
  .action(async (options: { dir: string[]; strict: string[]; write?: boolean }) => {
    if (options.dir.some((d) => /blind|genre\/test/.test(d)))
      throw new Error("a blind set is never tuned on");
    // Each set is asked of the documents it is about: corpus/ and the folders its set.json adds.
    const cases: Awaited<ReturnType<typeof coverageCases>> = [];
    const root = projectRoot();
    for (const dir of options.dir) {
      const set = loadEvalSet(dir);
      const engine = await createEngine({ extraCorpusDirs: set.defaults.corpus.map((d) => join(root, d)) });
      cases.push(...(await coverageCases(engine, [set])));
      // Progress: asking the sets and searching the weights each take a while.
      process.stderr.write(`calibrate: ${dir}: ${set.cases.length} questions asked\n`);
    }
    process.stderr.write(`calibrate: choosing weights over ${cases.length} cases…\n`);
    const strict = new Set(options.strict);
    const current = coverageWeights();
    const chosen = {
      zh: calibrate(
        cases.filter((c) => c.features.lang === "zh"),
        strict,
      ),
      en: calibrate(
        cases.filter((c) => c.features.lang === "en"),
        strict,
      ),
    };
    const lines = [
      "| set | lang | cases | before: false refusals / false answers | after |",
      "|---|---|---|---|---|",
    ];
    for (const dir of options.dir)
      for (const lang of ["zh", "en"] as const) {
        const some = cases.filter((c) => c.set === dir && c.features.lang === lang);
        const b = errorsOf(some, current[lang]);
        const a = errorsOf(some, chosen[lang]);
        lines.push(
          `| ${dir} | ${lang} | ${some.length} | ${b.falseRefusals} / ${b.falseAnswers} | ${a.falseRefusals} / ${a.falseAnswers} |`,
        );
      }
    process.stdout.write(`${lines.join("\n")}\n\nchosen: ${JSON.stringify(chosen)}\n`);
    if (options.write) {
      const file = join(projectPaths().data, "not-covered.yaml");
      const head = readFileSync(file, "utf8")
        .split("\n")
        .filter((l) => l.startsWith("#"))
        .join("\n");
      const row = (w: (typeof chosen)["zh"]) =>
        `{ unmatched: ${w.unmatched}, translated: ${w.translated}, agreed: ${w.agreed}, similarity: ${w.similarity}, offTopic: ${w.offTopic}, named: ${w.named}, threshold: ${w.threshold} }`;
      writeFileSync(file, `${head}\nzh: ${row(chosen.zh)}\nen: ${row(chosen.en)}\n`);
      process.stdout.write(`written to ${file}\n`);
    }
  });

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`calibrate: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
