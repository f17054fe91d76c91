/**
 * YAML data files read through a JSON copy in the cache. Parsing YAML is the slowest part of a cold
 * start (≈ 200 ms for the rules and vocabularies against ≈ 2 ms for the same data as JSON), so each
 * file's parse is kept as JSON under `.cache/yaml/`, named by the SHA-1 of the YAML text: an edited
 * file has another name and is parsed afresh. The copy carries the SHA-1 of its own JSON and is
 * verified on every read; a copy that fails (damaged, truncated, unreadable) is parsed again and
 * rewritten. A cache that cannot be written (a read-only checkout) only costs the speed.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { projectPaths } from "./paths.js";

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

/** The cache folder for parsed YAML (`POLICY_BOT_YAML_CACHE=off` turns it off). */
function cacheDir(): string | null {
  return process.env.POLICY_BOT_YAML_CACHE === "off" ? null : join(projectPaths().cache, "yaml");
}

/** The parsed contents of a YAML file (as `yaml.parse` gives them), from the cache when it has them. */
export function readYamlFile(file: string): unknown {
  const text = readFileSync(file, "utf8");
  const dir = cacheDir();
  if (!dir) return parseYaml(text);
  const copy = join(dir, `${sha1(text)}.json`);
  try {
    const stored = readFileSync(copy, "utf8");
    const newline = stored.indexOf("\n");
    const json = stored.slice(newline + 1);
    if (newline === 40 && stored.slice(0, 40) === sha1(json)) return JSON.parse(json);
  } catch {
    // No copy yet, or one that cannot be read: parse the YAML.
  }
  const value: unknown = parseYaml(text);
  try {
    mkdirSync(dir, { recursive: true });
    const json = JSON.stringify(value);
    // Written whole, then renamed: a reader never sees half a file.
    const partial = `${copy}.${process.pid}.tmp`;
    writeFileSync(partial, `${sha1(json)}\n${json}`);
    renameSync(partial, copy);
  } catch {
    // A read-only cache: parse every time.
  }
  return value;
}
