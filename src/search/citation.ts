/**
 * Citation forms that name an item directly: 六(五), 六（五）, 六、(五), 第六部分第五条, 6.5, item 6.5,
 * and for documents numbered across sections (三十九) or 第三十九条.
 */
import { parseSmallNumeral } from "../corpus/numerals.js";
import type { Item, Plan } from "../corpus/schema.js";

const NUM = "[一二三四五六七八九十]{1,3}|\\d{1,2}";

const FORMS: ReadonlyArray<{ pattern: RegExp; across?: boolean }> = [
  // 六(五), 六、(五), 六（五）, 第六部分(五), 第六部分第五条/项
  { pattern: new RegExp(`(?:第)?(${NUM})(?:、|部分|章|节)?\\s*[(（]\\s*(${NUM})\\s*[)）]`) },
  { pattern: new RegExp(`第(${NUM})(?:部分|章|节|大项)第?(${NUM})(?:条|项|点|小项)`) },
  // 6.5 / 6-5 / item 6.5 — not PM2.5, 74.5%, 1.2万, 0.3米
  { pattern: /(?<![\w.])(\d{1,2})[.．-](\d{1,2})(?![\d.%万亿千百米吨个倍元])/ },
  { pattern: /\bsection\s+(\d{1,2})\s*(?:,|\s)\s*item\s+(\d{1,2})\b/i },
];

/** A bare (三十九) or 第三十九条, meaningful in documents whose items are numbered across sections. */
const ACROSS = new RegExp(`(?:^|[^一二三四五六七八九十\\d、])[(（](${NUM})[)）]|第(${NUM})条`);

/** What a citation in a question resolved to. */
export type CitationMatch =
  | { kind: "item"; item: Item; written: string }
  | { kind: "missing"; written: string; plan: Plan; section: number; item: number };

function numberedAcross(plan: Plan): boolean {
  return plan.items.some(
    (i) => i.section > 1 && i.number > plan.items.filter((j) => j.section === i.section).length,
  );
}

/**
 * Finds a citation in a question and resolves it in the first plan that has it (plans come most
 * specific first, or only the plan the question names). Null when the question cites nothing.
 */
export function resolveCitation(question: string, plans: readonly Plan[]): CitationMatch | null {
  for (const { pattern } of FORMS) {
    const m = pattern.exec(question);
    if (!m) continue;
    const section = parseSmallNumeral(m[1] as string);
    const number = parseSmallNumeral(m[2] as string);
    if (section === null || number === null) continue;
    for (const plan of plans) {
      const item = plan.items.find((i) => i.section === section && i.number === number);
      if (item) return { kind: "item", item, written: m[0] };
    }
    const plan = plans[0];
    if (plan?.sections.some((s) => s.number === section)) {
      return { kind: "missing", written: m[0], plan, section, item: number };
    }
  }
  const m = ACROSS.exec(question);
  if (m) {
    const number = parseSmallNumeral((m[1] ?? m[2]) as string);
    for (const plan of plans.filter(numberedAcross)) {
      const item = plan.items.find((i) => i.number === number);
      if (item) return { kind: "item", item, written: m[0] };
    }
  }
  return null;
}
