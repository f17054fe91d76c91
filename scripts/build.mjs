// Bundles each CLI entry into dist/ with esbuild (dependencies stay external).
// Plain `node dist/…` starts in ~0.1 s where tsx costs ~0.4 s more; the `ask` target is 1.5 s end to end.
import { readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { build } from "esbuild";

const entries = readdirSync("src/cli")
  .filter((f) => f.endsWith(".ts") && !f.startsWith("_"))
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
mkdirSync("dist", { recursive: true });
writeFileSync("dist/.built", new Date().toISOString());
