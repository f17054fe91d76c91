// Runs dist/<entry>.js, rebuilding first when any source file is newer than the last build,
// so `npm run ask` after an edit never runs stale code. The freshness check costs a few ms.

import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const entry = process.argv[2];
if (!entry) {
  process.stderr.write("usage: node scripts/launch.mjs <entry> [args…]\n");
  process.exit(2);
}

function newestMtime(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    const t = e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

let built = 0;
try {
  built = statSync("dist/.built").mtimeMs;
} catch {}
if (newestMtime("src") > built) {
  const r = spawnSync(process.execPath, ["scripts/build.mjs"], { stdio: ["ignore", 2, 2] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
process.argv.splice(2, 1);
await import(pathToFileURL(join("dist", `${entry}.js`)).href);
