/**
 * Questions about a document itself (who issued it, when, under which number, what it implements,
 * how many items): its metadata, for the documents the question names — or every loaded document,
 * the most specific first.
 */
import type { Plan } from "../../corpus/index.js";
import type { Lang } from "../../understand/index.js";
import { documentName } from "../citation.js";
import { type Handler, resolved } from "../deps.js";
import { scopeOf } from "../retrieval.js";
import type { DocumentInfo } from "../schema.js";
import { specificFirst } from "./order.js";

const squeeze = (s: string) => s.replace(/\s+/g, "");

/** A document's metadata as the API and the answers show it. */
export function documentInfo(plan: Plan, plans: readonly Plan[], lang: Lang): DocumentInfo {
  const m = plan.meta;
  return {
    doc: plan.doc,
    name: documentName(plan, lang),
    title: m.title,
    issuer: m.issuer,
    level: plan.profile.level,
    place: plan.profile.place ? plan.profile.place[lang] : null,
    signed: m.signed,
    published: m.published,
    effective: m.effective,
    docNumber: m.docNumber,
    indexNumber: m.indexNumber,
    sourceOffice: m.sourceOffice,
    implements: m.implements.map((number) => {
      const loaded = plans.find((p) => p.meta.docNumber && squeeze(p.meta.docNumber) === squeeze(number));
      return { number, doc: loaded?.doc ?? null, docName: loaded ? documentName(loaded, lang) : null };
    }),
    sections: plan.sections.length,
    items: plan.items.filter((i) => i.level === 2).length,
  };
}

/** Resolves a question about the documents. */
export const documents: Handler = (query, deps) => {
  const plans = specificFirst(scopeOf(query, deps.plans) ?? deps.plans);
  if (plans.length === 0) return null;
  return resolved(query, "answered", {
    kind: "document",
    documents: plans.map((p) => documentInfo(p, deps.plans, query.lang)),
  });
};
