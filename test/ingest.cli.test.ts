import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { IngestOutcome } from "../src/ingest/index.js";
import { tempDir } from "./temp-dir.js";

beforeAll(() => {
  const build = spawnSync(process.execPath, ["scripts/build.mjs"], { encoding: "utf8" });
  expect(build.status, build.stderr).toBe(0);
});

const ingest = (args: string[]) =>
  spawnSync(process.execPath, ["dist/ingest.js", ...args], { encoding: "utf8", timeout: 60_000 });
const tempCliDir = () => tempDir("ingest-cli");

describe("npm run ingest (node dist/ingest.js)", () => {
  it("writes the corpus file and prints the report", () => {
    const out = tempCliDir();
    const r = ingest(["test/fixtures/ingest/shangqiu-2024-gbk.html", "--out", out, "--slug", "shangqiu-gbk"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("Title:     商丘市人民政府关于印发商丘市空气质量持续改善行动计划的通知");
    expect(r.stdout).toMatch(/Sections \(10\):/);
    expect(r.stdout).toMatch(/市生态环境局 — 牵头 \d+/);
    expect(r.stdout).toMatch(/Deadlines: \d+, 2024-\d\d-\d\d … 2025-12-31/);
    expect(readFileSync(join(out, "shangqiu-gbk.txt"), "utf8")).toContain(
      "(五)开展畜禽养殖业氨排放控制试点。",
    );
  });

  it("--json --dry-run prints the outcome as JSON (zod schema) and writes nothing", () => {
    const out = tempCliDir();
    const r = ingest(["test/fixtures/ingest/xuchang-2024.docx", "--out", out, "--dry-run", "--json"]);
    expect(r.status, r.stderr).toBe(0);
    const outcome = IngestOutcome.parse(JSON.parse(r.stdout));
    expect(outcome.status).toBe("ok");
    if (outcome.status === "ok") {
      expect(outcome.report).toMatchObject({ slug: "xuchang-2024", written: false });
      expect(outcome.report.entriesPerLevel["2"]).toBe(34);
    }
    expect(readdirSync(out)).toEqual([]);
  });

  it("refuses to overwrite without --force (exit 1, one line on stderr)", () => {
    const out = tempCliDir();
    writeFileSync(join(out, "xuchang-2024.txt"), "mine\n");
    const r = ingest(["test/fixtures/ingest/xuchang-2024.html", "--out", out]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^ingest: .*xuchang-2024\.txt already exists: nothing written \(--force/);
    expect(readFileSync(join(out, "xuchang-2024.txt"), "utf8")).toBe("mine\n");
  });

  it("refuses a scanned PDF with exit 1 and one clear line, no stack trace", () => {
    const out = tempCliDir();
    const r = ingest(["test/fixtures/ingest/scanned.pdf", "--out", out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^ingest: cannot convert .*scanned\.pdf: the PDF has no text layer \(0 characters on 2 pages\)/,
    );
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stdout).toBe("");
    expect(existsSync(join(out, "scanned.txt"))).toBe(false);
  });

  it("exits 2 for a document that is not a plan, and 1 for a missing file or a bad slug", () => {
    const dir = tempCliDir();
    writeFileSync(join(dir, "memo.txt"), "会议纪要\n今天开会。\n");
    const notPlan = ingest([join(dir, "memo.txt"), "--out", dir]);
    expect(notPlan.status).toBe(2);
    expect(notPlan.stderr).toMatch(/^ingest: .*memo\.txt converted to text but does not parse as a plan: /);
    expect(readdirSync(dir)).toEqual(["memo.txt"]);
    const missing = ingest([join(dir, "missing.pdf")]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^ingest: cannot read .*missing\.pdf: no such file\n$/);
    const badSlug = ingest(["test/fixtures/ingest/xuchang-2024.html", "--slug", "Bad Slug"]);
    expect(badSlug.status).toBe(1);
    expect(badSlug.stderr).toMatch(/use lowercase ASCII letters, digits and hyphens/);
  });
});
