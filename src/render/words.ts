/**
 * What every renderer says the same way: the departments' roles, the verdicts in Chinese, and whose
 * departments answer a who-question.
 */
import type { Citation } from "../answer/index.js";
import type { Level, Role } from "../corpus/index.js";
import type { Outcome } from "../rules/index.js";
import type { AbsentDocument, Lang } from "../understand/index.js";

/** A role as a label (牵头 / Lead). */
export const ROLE_WORDS: Record<Lang, Record<Role, string>> = {
  zh: { lead: "牵头", responsible: "负责", support: "配合" },
  en: { lead: "Lead", responsible: "Responsible", support: "Support" },
};

/** A verdict in Chinese (the English wording differs by channel: a sentence or a badge). */
export const OUTCOME_ZH: Record<Outcome, string> = {
  applies: "适用",
  does_not_apply: "不适用",
  need_more_info: "需补充信息",
};

/**
 * Whose departments answer a who-question about the first citation: its own; or, when it names none
 * and its points cited after it each name theirs (四(十三) with 1. and 2.), those points'.
 */
export function whoCitations(citations: readonly Citation[]): Citation[] {
  const [first] = citations;
  if (!first) return [];
  if (first.departments.length > 0 || first.standingNote) return [first];
  const points = citations.filter(
    (c) => c.doc === first.doc && c.id.startsWith(`${first.id}.`) && c.departments.length > 0,
  );
  return points.length > 0 ? points : [first];
}

/**
 * What a who/when question asked for, before the item: one block per citation whose departments answer
 * it (see {@link whoCitations}) or, asked when, the first citation's; null when there is none.
 */
export function focusBlocks(
  citations: readonly Citation[],
  focus: "departments" | "deadlines" | null,
  block: (c: Citation) => string | null,
): string | null {
  const cited = focus === "departments" ? whoCitations(citations) : citations.slice(0, 1);
  const blocks = cited.map(block).filter((b): b is string => b !== null);
  return blocks.length > 0 ? blocks.join("\n") : null;
}

/** How many documents a refusal writes out before counting the rest (a deployment may hold hundreds). */
const NAMED_DOCUMENTS = 3;

/**
 * The documents a refusal names, each already written as the channel writes a title: the first few, then how
 * many there are in all (《…》、《…》、《…》等495份文件; "…; …; … and 492 more").
 */
export function documentsNamed(names: readonly string[], lang: Lang, separator: string): string {
  const shown = names.slice(0, NAMED_DOCUMENTS).join(separator);
  if (names.length <= NAMED_DOCUMENTS) return shown;
  return lang === "zh"
    ? `${shown}等${names.length}份文件`
    : `${shown} and ${names.length - NAMED_DOCUMENTS} more`;
}

/** A document of a level, as a refusal names the one it does not hold (省级文件, a provincial document). */
const LEVEL_DOCUMENT: Record<Lang, Record<Level, string>> = {
  zh: { national: "国家层面的文件", provincial: "省级文件", city: "市级文件", county: "县级文件" },
  en: {
    national: "national document",
    provincial: "provincial document",
    city: "city-level document",
    county: "county-level document",
  },
};

/** The document a question asked of that none held is, named (《…条例》 / 省级文件; "…" / provincial document). */
export function absentDocumentName(absent: AbsentDocument, lang: Lang): string {
  if ("title" in absent) return lang === "zh" ? `《${absent.title}》` : `"${absent.title}"`;
  return LEVEL_DOCUMENT[lang][absent.level];
}

/**
 * The sentence a refusal opens with when the question asked of a document none held is (《…条例》, 省里的):
 * which one it does not hold, then those it holds (already named as the channel names them).
 */
export function absentSentence(absent: AbsentDocument, names: string, lang: Lang): string {
  const what = absentDocumentName(absent, lang);
  return lang === "zh"
    ? `已收录的文件中没有${what}（已收录：${names}），这个问题无法回答。`
    : `I hold no ${what} (I hold ${names}), so I cannot answer this.`;
}
