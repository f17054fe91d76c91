import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { loadGenreData, parsePlan } from "../src/corpus/index.js";
import {
  conventionalLabel,
  formatNumber,
  NumberingCounter,
  readNumberedParagraphs,
  readNumberingDefinitions,
} from "../src/ingest/docx-numbering.js";
import {
  declaredHtmlCharset,
  decodeText,
  detectFormat,
  htmlToLines,
  type PdfLine,
  planWarnings,
  reflowPages,
  slugFromFileName,
} from "../src/ingest/index.js";

describe("htmlToLines", () => {
  it("decodes named and numeric entities and turns blocks and <br> into lines", () => {
    const html =
      "<div><p>&ldquo;六个百分之百&rdquo;&nbsp;&#x4e00;&#19968;&amp;&lt;x&gt;</p>第一行<br>第二行<br/>&mdash;&hellip;&copy;&unknown;</div>";
    expect(htmlToLines(html)).toEqual(["“六个百分之百” 一一&<x>", "第一行", "第二行", "—…©&unknown;"]);
  });

  it("drops head, scripts (even with markup in strings), styles, nav, selects and hidden elements", () => {
    const html = `<html><head><title>标题</title><style>p{}</style></head><body>
      <nav><a>首页</a></nav><select><option>站群导航</option></select>
      <script>if (a < b) document.write("<p>脚本</p>");</script>
      <div style="display: none">隐藏<div>也隐藏</div></div><p hidden>不见<p>看得见
      <span style="visibility:hidden">无</span><table><tr><td>索引号：</td><td>123</td></tr></table></body></html>`;
    expect(htmlToLines(html)).toEqual(["看得见", "索引号： 123"]);
  });

  it("ends a <head> whose end tag is left out, and skips markup inside a script in a hidden element", () => {
    expect(htmlToLines("<html><head><title>t</title><meta charset=gbk><body><p>正文</p>")).toEqual(["正文"]);
    expect(htmlToLines('<div hidden><script>x="<div>"</script>隐藏</div><p>可见</p>')).toEqual(["可见"]);
  });

  it("joins a source line break between Chinese characters without a space, and keeps <pre> lines", () => {
    expect(htmlToLines("<p>深入打好\n  蓝天保卫战, PM2.5\n浓度</p><pre>一\n二</pre>")).toEqual([
      "深入打好蓝天保卫战, PM2.5 浓度",
      "一",
      "二",
    ]);
  });
});

describe("decodeText", () => {
  const text = "商丘市空气质量持续改善行动计划〔2024〕";
  it("reads GBK without a declaration, and a page that declares GBK but is UTF-8", () => {
    expect(decodeText(iconv.encode(text, "gbk"))).toMatchObject({
      text,
      encoding: "gb18030",
      replacements: 0,
    });
    expect(decodeText(Buffer.from(text, "utf8"), "gbk")).toMatchObject({ text, encoding: "utf-8" });
    expect(decodeText(iconv.encode(text, "gb18030"), "gb2312").text).toBe(text);
  });

  it("follows a byte-order mark and drops it", () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])).text).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf-16le")])).text).toBe(
      text,
    );
  });

  it("finds the declared charset in a meta tag", () => {
    const page = (meta: string) => Buffer.from(`<html><head>${meta}</head></html>`);
    expect(declaredHtmlCharset(page('<meta charset="GBK">'))).toBe("gbk");
    expect(
      declaredHtmlCharset(page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />')),
    ).toBe("gb2312");
    expect(declaredHtmlCharset(page(""))).toBeNull();
  });
});

describe("reflowPages", () => {
  const line = (text: string, x: number, y: number, right = 520, size = 16): PdfLine => ({
    text,
    x,
    right,
    y,
    size,
  });
  const page = (lines: PdfLine[]) => ({ width: 595, height: 842, lines });

  it("drops running headers and page numbers, and joins lines broken mid-sentence across pages", () => {
    const pages = [
      page([
        line("某市人民政府文件", 230, 780, 360, 10),
        line("一、总体要求", 112, 700, 210),
        line("(一)指导思想。坚持以习近平新时代中国特色社会主", 112, 672),
        line("义思想为指导,全面贯彻党的二十大精神,深入践行", 80, 644),
        line("— 1 —", 280, 60, 310, 10),
      ]),
      page([
        line("某市人民政府文件", 230, 780, 360, 10),
        line("习近平生态文明思想。", 80, 700, 240),
        line("(二)主要目标。到2025年,PM2.5浓度低于39微", 112, 672),
        line("克/立方米。", 80, 644, 170),
        line("— 2 —", 280, 60, 310, 10),
      ]),
    ];
    const reflowed = reflowPages(pages);
    expect(reflowed.paragraphs).toEqual([
      "一、总体要求",
      "(一)指导思想。坚持以习近平新时代中国特色社会主义思想为指导,全面贯彻党的二十大精神,深入践行习近平生态文明思想。",
      "(二)主要目标。到2025年,PM2.5浓度低于39微克/立方米。",
    ]);
    expect(reflowed.furniture).toEqual({ lines: 4, examples: ["某市人民政府文件", "— 1 —"] });
  });

  it("starts a paragraph after a sentence end, and keeps a full line ending in 。 inside its paragraph when paragraphs are indented", () => {
    const reflowed = reflowPages([
      page([
        line("为贯彻落实有关要求,制定本方案。这一行正好在句号处结束。", 112, 700),
        line("下一行没有缩进,仍是同一段落,直到本段结束。", 80, 672, 400),
        line("新的一段首行缩进两个字,这是第二段的内容,", 112, 644),
        line("第二段在这里结束：", 80, 616, 300),
        line("附件：重点任务清单", 80, 588, 300),
      ]),
    ]);
    expect(reflowed.paragraphs).toEqual([
      "为贯彻落实有关要求,制定本方案。这一行正好在句号处结束。下一行没有缩进,仍是同一段落,直到本段结束。",
      "新的一段首行缩进两个字,这是第二段的内容,第二段在这里结束：",
      "附件：重点任务清单",
    ]);
  });
});

describe("Word numbering", () => {
  it("formats Word's number formats, Chinese counting included", () => {
    expect(formatNumber(11, "chineseCounting")).toBe("十一");
    expect(formatNumber(20, "taiwaneseCountingThousand")).toBe("二十");
    expect(formatNumber(3, "decimalEnclosedCircle")).toBe("③");
    expect(formatNumber(2, "ideographTraditional")).toBe("乙");
    expect(formatNumber(4, "upperRoman")).toBe("IV");
    expect(formatNumber(1, "bullet")).toBeNull();
  });

  it("counts per list, restarts a level when a higher one advances, and fills the template", () => {
    const definitions = readNumberingDefinitions(`<w:numbering>
      <w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
      <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl></w:abstractNum>
      <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>`);
    const counter = new NumberingCounter(definitions);
    const labels = [0, 1, 1, 2, 2, 1, 0, 1].map((level) => counter.next("3", level));
    expect(labels).toEqual(["一、", "（一）", "（二）", "1.", "2.", "（三）", "二、", "（一）"]);
    expect(counter.next("99", 0)).toBeNull();
  });

  it("finds numbered paragraphs directly, through a linked style, and counts those whose list is missing", () => {
    const definitions = readNumberingDefinitions(
      `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="1"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="4"><w:abstractNumId w:val="0"/></w:num>`,
    );
    const p = (pPr: string) => `<w:p><w:pPr>${pPr}</w:pPr><w:r><w:t>x</w:t></w:r></w:p>`;
    const document = [
      p('<w:pStyle w:val="1"/>'),
      p('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr>'),
      p('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'),
      p('<w:numPr><w:ilvl w:val="1"/><w:numId w:val="9"/></w:numPr>'),
      "<w:p/>",
    ].join("");
    expect(readNumberedParagraphs(document, definitions)).toEqual({
      numbered: [
        { numId: "4", level: 0 },
        { numId: "4", level: 0 },
      ],
      undefinedNumbering: 1,
    });
  });

  it("falls back to the standard levels 一、 (一) 1. (1)", () => {
    expect([0, 1, 2, 3].map((level) => conventionalLabel(level, 12))).toEqual([
      "十二、",
      "(十二)",
      "12.",
      "(12)",
    ]);
  });
});

describe("file names and formats", () => {
  it("makes ASCII slugs, with pinyin for Chinese names", () => {
    expect(slugFromFileName("/tmp/商丘市空气质量持续改善行动计划.pdf")).toBe(
      "shang-qiu-shi-kong-qi-zhi-liang-chi-xu-gai-shan-xing-dong-ji-hua",
    );
    expect(slugFromFileName("Kaifeng Air_Quality 2024.HTML")).toBe("kaifeng-air-quality-2024");
    expect(slugFromFileName("濮阳市2024年（公开版）.docx")).toBe("pu-yang-shi-2024-nian-gong-kai-ban");
    expect(slugFromFileName("（）.txt")).toBe("document");
    expect(slugFromFileName(`${"很".repeat(40)}.txt`).length).toBeLessThanOrEqual(64);
  });

  it("knows a PDF and a .docx by their bytes, others by name", () => {
    expect(detectFormat("x.bin", Buffer.from("%PDF-1.7\n"))).toBe("pdf");
    expect(detectFormat("x.htm", Buffer.from("<p>"))).toBe("html");
    expect(detectFormat("page", Buffer.from("<!DOCTYPE html><html>"))).toBe("html");
    expect(() => detectFormat("old.doc", Buffer.from([0xd0, 0xcf]))).toThrow(/save it as .docx/);
    expect(() => detectFormat("fake.pdf", Buffer.from("hello"))).toThrow(/not a PDF/);
  });
});

describe("planWarnings", () => {
  it("names items without text, numbering the parser skipped, chrome in the last item, and missing departments", () => {
    const source = [
      "某市人民政府关于印发某市空气质量行动计划的通知",
      "一、总体要求",
      "(一)指导思想。坚持稳中求进。",
      "(二)主要目标。到2025年,PM2.5浓度下降。",
      "(四)加强执法。开展专项检查。",
      "二、保障措施",
      "(一)加强组织领导。压实责任。",
      "【打印本页】【关闭窗口】",
      "主办单位:某市人民政府办公室 网站标识码:1234",
    ].join("\n");
    const plan = parsePlan("x", source, { genre: loadGenreData("data") });
    // The parser refuses an item with no text at all and ends the last item before page chrome; a
    // plan that has either (from another parser) still gets the warning.
    const withEmptyItem = {
      ...plan,
      items: plan.items.map((i, n, all) =>
        n === 0
          ? { ...i, text: "(一)" }
          : n === all.length - 1
            ? {
                ...i,
                text: `${i.text}\n【打印本页】【关闭窗口】\n主办单位:某市人民政府办公室 网站标识码:1234`,
              }
            : i,
      ),
    };
    expect(planWarnings(withEmptyItem).map((w) => [w.code, w.message])).toEqual([
      ["no-departments", expect.stringMatching(/no item names a responsible department/)],
      ["empty-items", "1 item(s) have no text after the number: 一(一)"],
      [
        "chrome-in-last-item",
        expect.stringMatching(/^the last item 二\(一\) ends with 2 line\(s\) of page chrome/),
      ],
      ["unread-numbering", expect.stringMatching(/^一\(二\) contains a line starting “\(四\)加强执法/)],
    ]);
  });
});
