// usage: npx tsx /tmp/prof/ids.mts <dir-or-file>... [--grep 住建]
import { loadCorpus } from "/work/main/src/corpus/index.ts";

const args = process.argv.slice(2);
const gi = args.indexOf("--grep");
const grep = gi >= 0 ? args[gi + 1] : null;
const dirs = gi >= 0 ? args.slice(0, gi) : args;
const c = loadCorpus(dirs);
for (const w of c.warnings ?? []) console.log("WARN", JSON.stringify(w));
for (const p of c.plans) {
  if (!dirs.some((d) => d.includes("/work/staging") || true)) continue;
  console.log(`== ${p.doc} ${JSON.stringify(p.meta)}`);
  for (const it of p.items) {
    const deps = (it.departments ?? []).map((d: any) => `${d.name}:${d.role}`).join(" ");
    const dl = (it.deadlines ?? []).map((d: any) => d.date).join(",");
    if (grep && !deps.includes(grep)) continue;
    console.log(`${it.id} | ${it.title?.slice(0, 20)} | ${deps} | ${dl}`);
  }
}
