/**
 * YAML data files are read through a verified JSON copy in .cache/yaml/: the same value as parsing
 * the YAML, and a damaged or truncated copy is parsed again and rewritten, never believed.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { projectPaths, readYamlFile } from "../src/corpus/index.js";

const dir = mkdtempSync(join(tmpdir(), "policy-bot-yaml-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A YAML file no other run has (its copy is named by the SHA-1 of its text). */
function freshYaml(): { file: string; copy: string; text: string } {
  const text = `# ${process.pid} ${Date.now()} ${Math.random()}\nrule:\n  item: "6.5"\n  threshold: 200000\n  words: [蛋鸡, 存栏]\n`;
  const file = join(dir, `data-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  const copy = join(projectPaths().cache, "yaml", `${createHash("sha1").update(text).digest("hex")}.json`);
  return { file, copy, text };
}

describe("readYamlFile", () => {
  it("gives what the YAML parser gives, and keeps a verified copy", () => {
    const { file, copy, text } = freshYaml();
    expect(readYamlFile(file)).toEqual(parseYaml(text));
    const stored = readFileSync(copy, "utf8");
    const json = stored.slice(41);
    expect(stored.slice(0, 40)).toBe(createHash("sha1").update(json).digest("hex"));
    expect(readYamlFile(file)).toEqual(parseYaml(text));
    rmSync(copy);
  });

  it("a damaged copy — a changed value or a cut — is parsed again and rewritten", () => {
    const { file, copy, text } = freshYaml();
    readYamlFile(file);
    const good = readFileSync(copy, "utf8");
    writeFileSync(copy, good.replace("200000", "100000")); // still valid JSON, wrong value
    expect(readYamlFile(file)).toEqual(parseYaml(text));
    expect(readFileSync(copy, "utf8")).toBe(good);
    writeFileSync(copy, good.slice(0, 30));
    expect(readYamlFile(file)).toEqual(parseYaml(text));
    expect(readFileSync(copy, "utf8")).toBe(good);
    rmSync(copy);
  });

  it("an edited file is read afresh", () => {
    const { file, text } = freshYaml();
    readYamlFile(file);
    writeFileSync(file, text.replace("200000", "300000"));
    expect(readYamlFile(file)).toMatchObject({ rule: { threshold: 300000 } });
  });
});
