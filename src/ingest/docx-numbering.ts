/**
 * Word's automatic numbering, rendered back into text. A numbered paragraph's number (一、, (一), 1.)
 * is not in its text but in `word/numbering.xml`: a list definition per level (start, format such as
 * chineseCounting, and a template such as "(%2)"). This reads those definitions and the order of the
 * numbered paragraphs in `word/document.xml` (numbered directly or through a heading style linked to
 * a list), and counts the way Word does: per list definition, a level restarting whenever a higher
 * level advances.
 */
import { formatSmallNumeral } from "../corpus/index.js";

/** One level of a list definition. */
interface LevelDefinition {
  start: number;
  format: string;
  template: string;
  /** The paragraph style this level numbers (Word's headings linked to a multilevel list). */
  paragraphStyle: string | undefined;
}

/** A numbering instance (`w:num`): its list definition and the levels it restarts. */
interface NumberingInstance {
  abstractId: string;
  startOverrides: Map<number, number>;
}

/** The list definitions of a document. */
export interface NumberingDefinitions {
  abstracts: Map<string, Map<number, LevelDefinition>>;
  instances: Map<string, NumberingInstance>;
}

/** A numbered paragraph of the document body, in order. */
export interface NumberedParagraph {
  numId: string;
  level: number;
}

const attribute = (xml: string, tag: string, name = "w:val") =>
  new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];

/** Reads `word/numbering.xml`. */
export function readNumberingDefinitions(xml: string): NumberingDefinitions {
  const abstracts = new Map<string, Map<number, LevelDefinition>>();
  for (const m of xml.matchAll(
    /<w:abstractNum\b[^>]*w:abstractNumId="([^"]+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g,
  )) {
    const levels = new Map<number, LevelDefinition>();
    for (const l of (m[2] as string).matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      const body = l[2] as string;
      levels.set(Number(l[1]), {
        start: Number(attribute(body, "w:start") ?? 1),
        format: attribute(body, "w:numFmt") ?? "decimal",
        template: attribute(body, "w:lvlText") ?? "",
        paragraphStyle: attribute(body, "w:pStyle"),
      });
    }
    abstracts.set(m[1] as string, levels);
  }
  const instances = new Map<string, NumberingInstance>();
  for (const m of xml.matchAll(/<w:num\b[^>]*w:numId="([^"]+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const body = m[2] as string;
    const startOverrides = new Map<number, number>();
    for (const o of body.matchAll(/<w:lvlOverride\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const start = attribute(o[2] as string, "w:startOverride");
      if (start !== undefined) startOverrides.set(Number(o[1]), Number(start));
    }
    instances.set(m[1] as string, { abstractId: attribute(body, "w:abstractNumId") ?? "", startOverrides });
  }
  return { abstracts, instances };
}

/** The numbered paragraphs of the body, and those whose numbering the file does not define. */
export interface NumberedParagraphs {
  /** In document order, as mammoth numbers them: direct numbering, or a style a list level names. */
  numbered: NumberedParagraph[];
  /** Paragraphs marked as numbered (`w:numPr`) with a list the file does not define: their numbers are lost. */
  undefinedNumbering: number;
}

/**
 * Finds the body's numbered paragraphs in document order the way mammoth decides it: a paragraph's
 * own `w:numPr` (list and level), else a list level whose `w:pStyle` is the paragraph's style (the
 * list is the one a `w:num` instance of that definition names), else a bare list id at level 0.
 */
export function readNumberedParagraphs(
  documentXml: string,
  definitions: NumberingDefinitions | null,
): NumberedParagraphs {
  const byStyle = new Map<string, NumberedParagraph>();
  for (const [abstractId, levels] of definitions?.abstracts ?? []) {
    const numId = [...(definitions?.instances ?? [])].find(([, i]) => i.abstractId === abstractId)?.[0];
    for (const [level, definition] of levels)
      if (numId && definition.paragraphStyle) byStyle.set(definition.paragraphStyle, { numId, level });
  }
  const isDefined = (p: NumberedParagraph) => {
    const instance = definitions?.instances.get(p.numId);
    return instance !== undefined && definitions?.abstracts.get(instance.abstractId)?.has(p.level) === true;
  };
  const numbered: NumberedParagraph[] = [];
  let undefinedNumbering = 0;
  for (const m of documentXml.matchAll(/<w:p\b(?:[^>]*[^/>])?>([\s\S]*?)<\/w:p>/g)) {
    const properties = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(m[1] as string)?.[1] ?? "";
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(properties)?.[1];
    const numId = numPr && attribute(numPr, "w:numId");
    const level = numPr && attribute(numPr, "w:ilvl");
    const style = attribute(properties, "w:pStyle");
    let found: NumberedParagraph | undefined;
    if (numId !== undefined && level !== undefined) found = { numId, level: Number(level) };
    else if (style !== undefined && byStyle.has(style)) found = byStyle.get(style);
    else if (numId !== undefined) found = { numId, level: 0 };
    if (!found || found.numId === "0") continue; // numId 0 switches numbering off
    if (isDefined(found)) numbered.push(found);
    else undefinedNumbering++;
  }
  return { numbered, undefinedNumbering };
}

const CHINESE_DIGITS = "〇一二三四五六七八九";
const LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖";
const HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸";

function roman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, "m"],
    [900, "cm"],
    [500, "d"],
    [400, "cd"],
    [100, "c"],
    [90, "xc"],
    [50, "l"],
    [40, "xl"],
    [10, "x"],
    [9, "ix"],
    [5, "v"],
    [4, "iv"],
    [1, "i"],
  ];
  let out = "";
  for (const [value, letters] of table)
    while (n >= value) {
      out += letters;
      n -= value;
    }
  return out;
}

function letters(n: number): string {
  const letter = String.fromCharCode(96 + (((n - 1) % 26) + 1));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** A counter value in a Word number format (ST_NumberFormat); null for bullets and "none". */
export function formatNumber(n: number, format: string): string | null {
  switch (format) {
    case "none":
    case "bullet":
      return format === "none" ? "" : null;
    case "chineseCounting":
    case "chineseCountingThousand":
    case "taiwaneseCounting":
    case "taiwaneseCountingThousand":
    case "japaneseCounting":
      return n >= 1 && n <= 99 ? formatSmallNumeral(n) : String(n);
    case "taiwaneseDigital":
    case "chineseLegalSimplified":
      return [...String(n)]
        .map((d) => (format === "taiwaneseDigital" ? CHINESE_DIGITS : LEGAL_DIGITS)[Number(d)])
        .join("");
    case "ideographTraditional":
      return HEAVENLY_STEMS[(n - 1) % 10] ?? String(n);
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case "decimalEnclosedParen":
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join("");
    case "decimalZero":
      return String(n).padStart(2, "0");
    case "lowerLetter":
      return letters(n);
    case "upperLetter":
      return letters(n).toUpperCase();
    case "lowerRoman":
      return roman(n);
    case "upperRoman":
      return roman(n).toUpperCase();
    default:
      return String(n);
  }
}

/** Counts numbered paragraphs as Word does and gives each its printed label. */
export class NumberingCounter {
  private readonly counters = new Map<string, number[]>();
  private readonly seenInstances = new Set<string>();

  constructor(private readonly definitions: NumberingDefinitions) {}

  /** The label of the next paragraph numbered `numId` at `level` (e.g. "(三)"), or null when it has none. */
  next(numId: string, level: number): string | null {
    const instance = this.definitions.instances.get(numId);
    const levels = instance && this.definitions.abstracts.get(instance.abstractId);
    const definition = levels?.get(level);
    if (!instance || !levels || !definition) return null;
    const counters = this.counters.get(instance.abstractId) ?? [];
    this.counters.set(instance.abstractId, counters);
    if (!this.seenInstances.has(numId)) {
      this.seenInstances.add(numId);
      for (const [l, start] of instance.startOverrides) counters[l] = start - 1;
    }
    const startOf = (l: number) => levels.get(l)?.start ?? 1;
    counters[level] = (counters[level] ?? startOf(level) - 1) + 1;
    counters.length = level + 1; // a higher level advancing restarts every level below it
    const parts = definition.template.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      return formatNumber(counters[l] ?? startOf(l), levels.get(l)?.format ?? "decimal") ?? "";
    });
    return formatNumber(1, definition.format) === null ? null : parts;
  }
}

/** The genre's numbering by level (GB/T 9704: 一、 (一) 1. (1)), for numbering the file does not define. */
export function conventionalLabel(level: number, n: number): string {
  switch (level) {
    case 0:
      return `${formatNumber(n, "chineseCounting")}、`;
    case 1:
      return `(${formatNumber(n, "chineseCounting")})`;
    case 2:
      return `${n}.`;
    default:
      return `(${n})`;
  }
}
