import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadGenreData, parsePlan } from "../src/corpus/index.js";
import type { Plan } from "../src/corpus/schema.js";
import {
  type Converted,
  convertDocument,
  exitCodeOf,
  IngestOutcome,
  ingestFile,
} from "../src/ingest/index.js";
import { tempDir } from "./temp-dir.js";

const genre = loadGenreData("data");
const FIXTURES = "test/fixtures/ingest";
const fixture = (name: string) => join(FIXTURES, name);
const tempIngestDir = () => tempDir("ingest-test");

/** The lines of a document as published, from its first line to the line before the page's own chrome. */
function documentLines(file: string, first: string, endBefore: string): string[] {
  const lines = readFileSync(file, "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const start = lines.findIndex((l) => l.startsWith(first));
  const end = lines.findIndex((l, i) => i > start && l.startsWith(endBefore));
  return lines.slice(start, end);
}
const XUCHANG_SOURCE = "eval/genre/dev/docs/xuchang-air-quality-2024.txt";
const SHANGQIU_SOURCE = "corpus/shangqiu-air-quality-2024.txt";
const xuchang = documentLines(XUCHANG_SOURCE, "许昌市人民政府关于印发", "【打印本页】");
// The Shangqiu page's "来源: … 发布时间 …" line is the page's, not the document's.
const shangqiu = documentLines(SHANGQIU_SOURCE, "商丘市人民政府关于印发", "【打印正文】").filter(
  (l) => !l.startsWith("来源:"),
);

/** The converted text's lines from the document's title line on, as long as the reference. */
const documentPart = (text: string, reference: string[]) => {
  const lines = text.split("\n");
  const start = lines.indexOf(reference[0] as string);
  return lines.slice(start, start + reference.length);
};

const XUCHANG_IDS = [
  "1.1",
  "1.2",
  ...[1, 2, 3, 4, 5].map((n) => `2.${n}`),
  ...[1, 2, 3, 4, 5].map((n) => `3.${n}`),
  ...[1, 2, 3, 4].map((n) => `4.${n}`),
  ...[1, 2, 3, 4].map((n) => `5.${n}`),
  ...[1, 2, 3, 4].map((n) => `6.${n}`),
  ...[1, 2, 3].map((n) => `7.${n}`),
  ...[1, 2, 3].map((n) => `8.${n}`),
  ...[1, 2, 3, 4].map((n) => `9.${n}`),
];
const shangqiuReference = parsePlan("shangqiu", readFileSync(SHANGQIU_SOURCE, "utf8"), { genre });
const xuchangReference = parsePlan("xuchang", readFileSync(XUCHANG_SOURCE, "utf8"), { genre });
const entryIds = (plan: Plan) => plan.items.filter((i) => i.level === 2).map((i) => i.id);
/** Item texts up to the last item, which on a web page may carry the page's chrome. */
const itemTexts = (plan: Plan) => plan.items.slice(0, -1).map((i) => `${i.id} ${i.text}`);

const converted = new Map<string, Converted>();
beforeAll(async () => {
  for (const name of [
    "xuchang-2024.html",
    "shangqiu-2024-gbk.html",
    "xuchang-2024.docx",
    "shangqiu-2024.pdf",
    "xuchang-2024-stsong.pdf",
  ])
    converted.set(name, await convertDocument(fixture(name), readFileSync(fixture(name))));
}, 120_000);
const text = (name: string) => (converted.get(name) as Converted).text;
const parse = (name: string) => parsePlan("doc", text(name), { genre });

describe("HTML page in UTF-8", () => {
  it("keeps the visible text in reading order, one paragraph per line, entities decoded", () => {
    expect(documentPart(text("xuchang-2024.html"), xuchang)).toEqual(xuchang);
    expect(converted.get("xuchang-2024.html")?.conversion).toMatchObject({
      format: "html",
      encoding: "utf-8",
    });
  });

  it("drops scripts, styles, the nav menu and hidden elements, and keeps the breadcrumbs and footer", () => {
    const t = text("xuchang-2024.html");
    for (const hidden of [
      "脚本生成的文字",
      "console.log",
      ".TRS_Editor",
      "规划计划",
      "分享到",
      "浏览次数",
      "_hmt",
    ])
      expect(t).not.toContain(hidden);
    expect(t).toContain("您的位置：首页 > 政务公开 > 政府文件 > 许政\n");
    expect(t).toContain("索引号： 11411000005747338K/2024-00105\n");
    expect(t.trimEnd().split("\n").at(-1)).toBe("豫ICP备12004508号 豫公网安备 41100202000087号");
  });

  it("parses with the expected title, sections and item ids", () => {
    const plan = parse("xuchang-2024.html");
    expect(plan.meta.title).toBe("许昌市人民政府关于印发许昌市空气质量持续改善行动方案的通知");
    expect(plan.meta.planTitle).toBe("许昌市空气质量持续改善行动方案");
    expect(plan.meta.published).toBe("2024-08-02");
    expect(plan.sections.map((s) => s.label).join("")).toBe("一二三四五六七八九");
    expect(plan.sections[8]?.title).toBe("保障措施");
    expect(entryIds(plan)).toEqual(XUCHANG_IDS);
    expect(itemTexts(plan)).toEqual(itemTexts(xuchangReference));
  });
});

describe("HTML page in GBK", () => {
  it("is really GBK, declared gb2312, and decodes to exactly the UTF-8 source's text", () => {
    const bytes = readFileSync(fixture("shangqiu-2024-gbk.html"));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    expect(converted.get("shangqiu-2024-gbk.html")?.conversion).toMatchObject({ encoding: "gb18030" });
    expect(documentPart(text("shangqiu-2024-gbk.html"), shangqiu)).toEqual(shangqiu);
  });

  it("parses to the same plan as the corpus copy: metadata, ids and item texts", () => {
    const plan = parse("shangqiu-2024-gbk.html");
    expect(plan.meta).toMatchObject({
      title: "商丘市人民政府关于印发商丘市空气质量持续改善行动计划的通知",
      issuer: "商丘市人民政府",
      signed: "2024-07-31",
      published: "2024-08-01",
      effective: "2024-08-19",
    });
    expect(plan.sections).toHaveLength(10);
    expect(entryIds(plan)).toEqual(entryIds(shangqiuReference));
    expect(itemTexts(plan)).toEqual(itemTexts(shangqiuReference));
  });
});

describe("Word .docx with automatic numbering", () => {
  it("renders the list numbers Word generated (一、 and (一) are not in the paragraphs' text)", () => {
    const xml = readFileSync(fixture("xuchang-2024.docx")).toString("latin1");
    expect(xml).toContain("word/numbering.xml");
    expect(text("xuchang-2024.docx")).toBe(`${xuchang.join("\n")}\n`);
    expect(converted.get("xuchang-2024.docx")?.conversion.notes.join(" ")).toMatch(
      /43 paragraphs had Word automatic numbering: rendered from the file's list definitions/,
    );
  });

  it("parses to the same sections and items as the web page", () => {
    const plan = parse("xuchang-2024.docx");
    expect(plan.meta.title).toBe("许昌市人民政府关于印发许昌市空气质量持续改善行动方案的通知");
    expect(entryIds(plan)).toEqual(XUCHANG_IDS);
    expect(itemTexts(plan)).toEqual(itemTexts(xuchangReference));
    expect(plan.items.at(-1)?.text).toBe(xuchang.at(-1)); // no page chrome in a Word file
  });
});

describe("Word .docx numbered through heading styles, or with its numbering lost", () => {
  it("renders section numbers that a heading style takes from a multilevel list", async () => {
    const c = await convertDocument(
      fixture("xuchang-2024-heading-styles.docx"),
      readFileSync(fixture("xuchang-2024-heading-styles.docx")),
    );
    expect(c.text).toBe(`${xuchang.join("\n")}\n`);
    expect(c.warnings).toEqual([]);
  });

  it("says the numbers are lost when paragraphs point to a list the file does not define (exit 2)", async () => {
    const out = tempIngestDir();
    const outcome = await ingestFile(fixture("lost-numbering.docx"), { outDir: out, genre });
    expect(outcome.status).toBe("not-a-plan");
    expect(exitCodeOf(outcome)).toBe(2);
    if (outcome.status !== "not-a-plan") return;
    expect(outcome.message).toMatch(/no sections/);
    expect(outcome.warnings).toEqual([
      expect.objectContaining({
        code: "numbering-lost",
        message: expect.stringMatching(/^9 paragraphs are marked as numbered/),
      }),
    ]);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe("text PDF", () => {
  it("re-flows LibreOffice's lines into the document's paragraphs and drops header and page numbers", () => {
    const c = converted.get("shangqiu-2024.pdf") as Converted;
    expect(c.text).toBe(`${shangqiu.join("\n")}\n`);
    expect(c.conversion).toMatchObject({ format: "pdf", pages: 18, paragraphs: shangqiu.length });
    expect(c.conversion.notes.join(" ")).toMatch(/dropped 36 header\/footer\/page-number lines/);
    expect(c.text).not.toContain("行政规范性文件");
  });

  it("reads a non-embedded Chinese font through Adobe's CMaps (UniGB-UCS2-H, no ToUnicode), without its watermark", () => {
    const raw = readFileSync(fixture("xuchang-2024-stsong.pdf")).toString("latin1");
    expect(raw).toContain("/UniGB-UCS2-H");
    expect(raw).not.toContain("/ToUnicode");
    expect(raw).not.toContain("/FontFile");
    expect(text("xuchang-2024-stsong.pdf")).toBe(`${xuchang.join("\n")}\n`);
    expect(text("xuchang-2024-stsong.pdf")).not.toContain("此件公开发布"); // the diagonal watermark
  });

  it("parses with the expected title, sections and item ids", () => {
    const plan = parse("shangqiu-2024.pdf");
    expect(plan.meta.planTitle).toBe("商丘市空气质量持续改善行动计划");
    expect(entryIds(plan)).toEqual(entryIds(shangqiuReference));
    expect(plan.items.map((i) => i.text)).toEqual(shangqiuReference.items.map((i) => i.text));
    expect(entryIds(parse("xuchang-2024-stsong.pdf"))).toEqual(XUCHANG_IDS);
  });

  it("refuses a scanned PDF (images, no text layer) with exit 1 and says why", async () => {
    const out = tempIngestDir();
    const outcome = await ingestFile(fixture("scanned.pdf"), { outDir: out, genre });
    expect(outcome.status).toBe("unreadable");
    expect(exitCodeOf(outcome)).toBe(1);
    if (outcome.status === "unreadable") expect(outcome.message).toMatch(/no text layer .*scanned.*OCR/);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe("the report", () => {
  it("counts sections, entries, departments with their roles and items, and deadlines", async () => {
    const outcome = IngestOutcome.parse(
      await ingestFile(fixture("xuchang-2024.docx"), { outDir: tempIngestDir(), dryRun: true, genre }),
    );
    if (outcome.status !== "ok") throw new Error(outcome.status);
    const report = outcome.report;
    const plan = parse("xuchang-2024.docx");
    expect(report.document).toMatchObject({ issuer: "许昌市人民政府", signed: "2024-07-30" });
    expect(report.sections.map((s) => s.entries)).toEqual([2, 5, 5, 4, 4, 4, 3, 3, 4]);
    expect(report.entriesPerLevel).toEqual({ "1": 0, "2": 34, "3": 0, "4": 0 });
    const withDepartments = plan.items.filter((i) => i.departments.length > 0);
    expect(report.departments.itemsWithDepartments).toBe(withDepartments.length);
    expect(report.departments.itemsWithoutDepartments).toBe(34 - withDepartments.length);
    expect(report.departments.count).toBe(
      new Set(plan.items.flatMap((i) => i.departments.map((d) => d.name))).size,
    );
    // (市工业和信息化局牵头,市发展改革委、市生态环境局、市自然资源和规划局参与) is 二(二)'s clause.
    const industry = report.departments.list.find((d) => d.name === "市工业和信息化局");
    expect(industry?.items).toContainEqual({ id: "2.2", label: "二(二)", role: "lead" });
    const ecology = report.departments.list.find((d) => d.name === "市生态环境局");
    expect(ecology?.items).toContainEqual({ id: "2.2", label: "二(二)", role: "support" });
    for (const d of report.departments.list) {
      expect(d.lead + d.responsible + d.support).toBe(d.items.length);
      const expected = plan.items
        .filter((i) => i.departments.some((x) => x.name === d.name))
        .map((i) => i.id);
      expect([...new Set(d.items.map((i) => i.id))]).toEqual(expected);
    }
    const deadlines = plan.items.flatMap((i) => i.deadlines);
    expect(report.deadlines).toEqual({
      count: deadlines.length,
      earliest: deadlines.map((d) => d.date).sort()[0],
      latest: deadlines
        .map((d) => d.date)
        .sort()
        .at(-1),
      approximate: deadlines.filter((d) => d.approximate).length,
      yearFromContext: deadlines.filter((d) => d.yearFromContext).length,
    });
    expect(report.deadlines.count).toBeGreaterThan(10);
    expect(report.warnings).toEqual([]);
    expect(report.written).toBe(false);
  });

  it("ends the last item before the page's footer (nothing to warn about)", async () => {
    const outcome = await ingestFile(fixture("xuchang-2024.html"), {
      outDir: tempIngestDir(),
      dryRun: true,
      genre,
    });
    if (outcome.status !== "ok") throw new Error(outcome.status);
    expect(outcome.report.warnings.map((w) => w.code)).not.toContain("chrome-in-last-item");
    const { text } = await convertDocument(
      fixture("xuchang-2024.html"),
      readFileSync(fixture("xuchang-2024.html")),
    );
    const last = parsePlan("x", text, { genre }).items.at(-1);
    expect(last?.label).toBe("九(四)");
    expect(last?.text).not.toContain("【打印本页】");
  });

  it("warns that a national plan names no departments, and that the corpus already has a document", async () => {
    const out = tempIngestDir();
    copyFileSync(SHANGQIU_SOURCE, join(out, "shangqiu-air-quality-2024.txt"));
    const outcome = await ingestFile(fixture("shangqiu-2024-gbk.html"), { outDir: out, dryRun: true, genre });
    if (outcome.status !== "ok") throw new Error(outcome.status);
    expect(outcome.report.warnings.find((w) => w.code === "duplicate-document")?.message).toContain(
      "shangqiu-air-quality-2024",
    );
    const national = await ingestFile("corpus/state-council-2023-24.txt", {
      outDir: tempIngestDir(),
      dryRun: true,
      genre,
    });
    if (national.status !== "ok") throw new Error(national.status);
    expect(national.report.warnings.map((w) => w.code)).toContain("no-departments");
    expect(national.report.conversion).toMatchObject({ format: "txt", encoding: "utf-8" });
  });
});

describe("writing to the corpus", () => {
  it("--dry-run writes nothing", async () => {
    const out = tempIngestDir();
    const outcome = await ingestFile(fixture("xuchang-2024.html"), { outDir: out, dryRun: true, genre });
    expect(outcome.status).toBe("ok");
    expect(readdirSync(out)).toEqual([]);
  });

  it("writes <slug>.txt, refuses to overwrite it without --force, and replaces it with --force", async () => {
    const out = tempIngestDir();
    const first = await ingestFile(fixture("xuchang-2024.docx"), { outDir: out, genre });
    expect(first.status).toBe("ok");
    const file = join(out, "xuchang-2024.txt");
    expect(readFileSync(file, "utf8")).toBe(text("xuchang-2024.docx"));
    writeFileSync(file, "edited by hand\n");
    const second = await ingestFile(fixture("xuchang-2024.docx"), { outDir: out, genre });
    expect(second.status).toBe("exists");
    expect(exitCodeOf(second)).toBe(1);
    expect(readFileSync(file, "utf8")).toBe("edited by hand\n");
    const forced = await ingestFile(fixture("xuchang-2024.docx"), { outDir: out, genre, force: true });
    expect(forced.status).toBe("ok");
    if (forced.status === "ok") expect(forced.report.warnings.map((w) => w.code)).toContain("duplicate-slug");
    expect(readFileSync(file, "utf8")).toBe(text("xuchang-2024.docx"));
    expect(readdirSync(out)).toEqual(["xuchang-2024.txt"]);
  });

  it("takes --slug, and the written file loads back as the same plan", async () => {
    const out = tempIngestDir();
    const outcome = await ingestFile(fixture("shangqiu-2024.pdf"), {
      outDir: out,
      slug: "shangqiu-pdf",
      genre,
    });
    expect(outcome.status).toBe("ok");
    const written = readFileSync(join(out, "shangqiu-pdf.txt"), "utf8");
    expect(parsePlan("shangqiu-pdf", written, { genre }).items).toHaveLength(shangqiuReference.items.length);
  });

  it("writes nothing and exits 2 for a text that is not a plan, saying why", async () => {
    const dir = tempIngestDir();
    const notice = join(dir, "notice.txt");
    writeFileSync(notice, "关于开展2024年世界环境日宣传活动的通知\n各单位：\n请于6月5日前报送活动方案。\n");
    const outcome = await ingestFile(notice, { outDir: dir, genre });
    expect(outcome.status).toBe("not-a-plan");
    expect(exitCodeOf(outcome)).toBe(2);
    if (outcome.status === "not-a-plan")
      expect(outcome.message).toMatch(/does not parse as a plan: no sections/);
    expect(readdirSync(dir)).toEqual(["notice.txt"]);
  });

  it("reports a missing file as unreadable", async () => {
    const outcome = await ingestFile(join(tempIngestDir(), "nope.pdf"), { genre });
    expect(outcome).toMatchObject({ status: "unreadable" });
    if (outcome.status === "unreadable") expect(outcome.message).toMatch(/no such file/);
  });
});
