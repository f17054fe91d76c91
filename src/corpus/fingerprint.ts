/**
 * A fingerprint of the code that turns documents into what is kept of them: the running bundle when
 * built, else the sources of the named folders under src/. Part of every cache key, so changed code
 * never reads a cache the old code wrote.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const known = new Map<string, string>();

/** The fingerprint (16 hex digits) of the bundle, or of `folders` under src/ (with their subfolders). */
export function sourceFingerprint(folders: readonly string[]): string {
  const self = fileURLToPath(import.meta.url);
  const id = self.endsWith(".js") ? self : folders.join(",");
  const seen = known.get(id);
  if (seen) return seen;
  const hash = createHash("sha256");
  if (self.endsWith(".js")) hash.update(readFileSync(self));
  else {
    const src = dirname(dirname(self));
    const walk = (dir: string) => {
      for (const f of readdirSync(join(src, dir), { withFileTypes: true }).sort((a, b) =>
        a.name < b.name ? -1 : 1,
      )) {
        if (f.isDirectory()) walk(join(dir, f.name));
        else if (f.name.endsWith(".ts"))
          hash.update(join(dir, f.name)).update(readFileSync(join(src, dir, f.name)));
      }
    };
    for (const dir of folders) walk(dir);
  }
  const fingerprint = hash.digest("hex").slice(0, 16);
  known.set(id, fingerprint);
  return fingerprint;
}
