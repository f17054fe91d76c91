// What each vocabulary source adds: runs `npm run eval` on evaluation sets with the sources turned
// on one after another (POLICY_BOT_VOCABULARY) and prints one markdown table — first citation,
// status, and the not-covered decision as false refusals and false answers.
//
//   node scripts/measure-vocabulary.mjs [--dirs eval/dev,eval,eval/holdout]
//
// Each configuration builds (and caches) its own index: the first run takes a few minutes.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const CONFIGS = [
  ["no vocabulary", "none"],
  ["domain lexicon only", "lexicon"],
  ["+ CEDICT English", "lexicon,english"],
  ["+ CEDICT synonyms", "lexicon,english,synonyms"],
  ["+ pinyin repair (all)", "lexicon,english,synonyms,pinyin"],
  ["dictionary and pinyin, no lexicon", "english,synonyms,pinyin"],
];

const arg = process.argv.indexOf("--dirs");
const dirs = (arg > 0 ? process.argv[arg + 1] : "eval/dev,eval,eval/holdout").split(",");
const temp = mkdtempSync(join(tmpdir(), "vocabulary-"));
const pct = (r, t) => (t === 0 ? "—" : `${((100 * r) / t).toFixed(1)}%`);

const lines = [
  "| set | vocabulary | first | status | false refusals | false answers |",
  "|---|---|---|---|---|---|",
];
try {
  for (const dir of dirs) {
    for (const [name, sources] of CONFIGS) {
      const out = join(temp, "eval.json");
      const r = spawnSync(
        process.execPath,
        ["scripts/launch.mjs", "eval", "--dir", dir, "--no-bars", "--json", out],
        { env: { ...process.env, POLICY_BOT_VOCABULARY: sources }, stdio: ["ignore", "ignore", "inherit"] },
      );
      if (r.status !== 0) throw new Error(`eval --dir ${dir} with ${sources} failed`);
      const { rows, refusals } = JSON.parse(readFileSync(out, "utf8"));
      const all = rows.at(-1).t;
      lines.push(
        `| ${dir} | ${name} | ${pct(all.first.right, all.first.total)} | ${pct(all.status.right, all.status.total)} | ` +
          `${refusals.falseRefusals}/${refusals.answerable} | ${refusals.falseAnswers}/${refusals.offTopic} |`,
      );
      process.stderr.write(`${lines.at(-1)}\n`);
    }
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
process.stdout.write(`${lines.join("\n")}\n`);
