/**
 * Follow-ups: a question that only makes sense after the previous answer. "谁牵头？" and "几时到期？"
 * ask about the previous items; "换成生猪呢，年出栏5000头", "and for broilers?" and "只有一半呢？"
 * change the facts of the previous check; "这几条里哪条说秸秆？" narrows the previous items; a short
 * elliptical "燃煤锅炉呢？" keeps the previous documents. A complete new question starts afresh.
 */
import { extractFacts, findAmounts } from "../rules/index.js";
import type { UnderstandDeps } from "./index.js";
import type { Context, FollowUp, Query } from "./schema.js";

/** Below this much topic of its own a question leans on the previous answer. */
const OWN_TOPIC = 1;

/** Words that ask about the previous items rather than a new topic. */
const ABOUT_ITEMS =
  /原文|全文|具体|详细|详情|说了什么|讲了什么|怎么说|哪些部门|责任部门|部门|more detail|full text|details?|what does it say/i;
/** Words that narrow the previous items. */
const WITHIN =
  /这几条|这些条|这几项|这些项|上面|以上|其中|这里面|这些里|among (?:these|them|those)|which of (?:these|them|those)/i;
/** Words that change the facts of the previous check. */
const CHANGE =
  /换成|改成|换为|改为|如果是|如果|要是|假如|假设|那.{0,16}呢|呢\s*[?？]?$|what about|how about|and for|and if|and what about|instead|what if|\bif (?:it|i|we|they)\b/i;
/** A change of size relative to the previous figures. */
const RELATIVE: ReadonlyArray<readonly [RegExp, number]> = [
  [/一半|减半|half/i, 0.5],
  [/三分之一|a third/i, 1 / 3],
  [/四分之一|a quarter/i, 0.25],
  [/翻倍|加倍|两倍|double|twice/i, 2],
  [/三倍|triple/i, 3],
  [/十倍|ten times/i, 10],
];
/** An elliptical question: short, ending in 呢 or opening with 那/and. */
const ELLIPTICAL = /^(?:那|那么|还有|and\b|what about|how about)|呢\s*[?？]?$/i;

/** The previous figures scaled: 20万羽 → 10万羽 for 一半. */
function scaleAmounts(text: string, factor: number): string {
  let out = text;
  for (const a of [...findAmounts(text)].reverse()) {
    if (a.unit === null || a.unit === "%") continue;
    const value = Math.round(a.value * factor * 100) / 100;
    const unit = a.text.replace(/^[\d.,\s零〇一二两三四五六七八九十百千万亿]+/, "");
    const figure = value >= 1e4 && value % 100 === 0 ? `${value / 1e4}万` : String(value);
    out = `${out.slice(0, a.index)}${figure}${unit.replace(/^万/, "")}${out.slice(a.index + a.text.length)}`;
  }
  return out;
}

/** Whether the facts of a text describe something a rule could judge (an animal, a thing, a figure). */
function hasOwnFacts(text: string, lang: Query["lang"]): boolean {
  const f = extractFacts(text, lang);
  return f.animals.length > 0 || f.things.size > 0 || f.amounts.some((a) => a.unit !== null);
}

/**
 * The follow-up reading of a question against the previous turn, or null when the question stands
 * on its own. The returned query carries the previous documents, items or changed facts.
 */
export function readFollowUp(
  query: Query,
  context: Context,
  _deps: UnderstandDeps,
): { query: Query; followUp: FollowUp } | null {
  const text = query.text;
  const own = query.docs.length > 0 || query.refs.length > 0;
  if (own) return null;
  const follow = (kind: FollowUp["kind"], changes: Partial<Query>) => {
    const followUp: FollowUp = { kind, context };
    const docs = query.docs.length > 0 ? query.docs : context.docs;
    return { query: { ...query, docs, ...changes, followUp }, followUp };
  };

  // A changed fact of the previous check: a relative size, or a new animal/thing/figure.
  if (context.factsText) {
    const relative = RELATIVE.find(([re]) => re.test(text));
    if (relative && CHANGE.test(text)) {
      const factsText = scaleAmounts(context.factsText, relative[1]);
      return follow("facts", { factsText, facts: extractFacts(factsText, query.lang) });
    }
    if (CHANGE.test(text) && hasOwnFacts(text, query.lang)) {
      // The new facts replace the old where they say something; the old question's ask carries over.
      const factsText = query.facts.amounts.some((a) => a.unit !== null)
        ? `${text}，${context.factsText.replace(/[\d.,]+\s*(?:万|亿|千)?\s*[^\s，。,;；？?]{0,6}/g, "")}`
        : `${text}，${context.factsText}`;
      return follow("facts", { factsText, facts: extractFacts(factsText, query.lang) });
    }
  }
  if (context.items.length === 0) return null;

  // Narrowing the previous items: 这几条里哪条说秸秆？
  if (WITHIN.test(text)) return follow("within", {});

  // About the previous items: 谁牵头？ 几时到期？ 原文呢？
  const asksAboutItems =
    query.intents.includes("who") ||
    query.intents.includes("when") ||
    query.role !== null ||
    ABOUT_ITEMS.test(text);
  if (asksAboutItems && query.residue < OWN_TOPIC && query.departments.length === 0) {
    return follow("items", {});
  }

  // An elliptical new topic keeps the previous documents.
  if (context.docs.length > 0 && ELLIPTICAL.test(text) && text.length <= 24) return follow("scope", {});
  return null;
}
