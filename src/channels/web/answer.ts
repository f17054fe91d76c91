/**
 * An answer as a person reads it, rendered from the Response's structured payload: a check's
 * verdicts first (each, and the overall outcome), then the cited clauses; listings grouped by
 * document; the documents' facts; what to ask instead when the documents do not cover a question.
 * Every answer ends with 👍/👎 when the server logs answers.
 */
import type { CheckPayload, Citation, DocumentInfo, Lang, NotCoveredPayload } from "../../answer/index.js";
import type { AnswerResult } from "../http/schemas.js";
import type { Actions } from "./actions.js";
import * as api from "./api.js";
import { citationCard, deadlineBadge, departmentChips, itemLink } from "./citation.js";
import { h } from "./dom.js";
import { docTitle, t } from "./i18n.js";
import { deadlineTimeline, departmentListing } from "./listing.js";

/** The verdicts of a check: the overall outcome, then each verdict with its comparison and clause. */
function verdicts(
  p: CheckPayload,
  citations: readonly Citation[],
  lang: Lang,
  actions: Actions,
): HTMLElement {
  return h(
    "div",
    { class: `verdicts outcome-${p.outcome}` },
    h("div", { class: "outcome" }, h("span", { class: "outcome-pill" }, t(`outcome_${p.outcome}`, lang))),
    p.verdicts.map((v) => {
      const cited = citations.find((c) => c.doc === v.doc && c.id === v.itemId);
      return h(
        "div",
        { class: `verdict outcome-${v.check.outcome}` },
        p.verdicts.length > 1
          ? h("span", { class: "verdict-outcome" }, t(`outcome_${v.check.outcome}`, lang))
          : null,
        h("p", { class: "verdict-text" }, v.verdict),
        v.check.explanation ? h("p", { class: "explanation" }, v.check.explanation) : null,
        v.check.missing.length > 0
          ? h(
              "div",
              { class: "missing" },
              t("missing", lang),
              h(
                "ul",
                null,
                v.check.missing.map((m) => h("li", null, m)),
              ),
            )
          : null,
        cited
          ? h(
              "div",
              { class: "verdict-clause" },
              h("span", { class: "field-label" }, t("clause", lang)),
              itemLink(cited, lang, actions, true),
              h("q", null, v.phrase),
            )
          : null,
        v.deadline ? h("div", { class: "badges" }, deadlineBadge(v.deadline, lang)) : null,
        cited && p.asksWho ? departmentChips(cited.departments, lang, actions) : null,
      );
    }),
  );
}

/** The documents' facts (a question about the document itself). */
function documentFacts(docs: readonly DocumentInfo[], lang: Lang): HTMLElement {
  const row = (label: string, value: string | number | null) =>
    value === null ? null : h("tr", null, h("th", null, label), h("td", null, String(value)));
  return h(
    "div",
    { class: "documents" },
    docs.map((d) =>
      h(
        "section",
        { class: "doc-group" },
        h("h3", null, docTitle(d.name, lang)),
        d.title ? h("p", { class: "doc-title" }, d.title) : null,
        h(
          "table",
          null,
          row(t("issuer", lang), d.issuer),
          row(t("docNumber", lang), d.docNumber),
          row(t("published", lang), d.published),
          row(t("itemCount", lang), d.items),
        ),
      ),
    ),
  );
}

/** Not covered: the answer's words, and the items or documents to ask about instead. */
function notCovered(p: NotCoveredPayload, text: string, lang: Lang, actions: Actions): HTMLElement {
  return h(
    "div",
    { class: "not-covered" },
    h("p", { class: "answer-text" }, text.split("\n")[0] ?? text),
    p.candidates.length > 0
      ? h(
          "div",
          { class: "links" },
          p.candidates.map((c) => itemLink(c, lang, actions, true)),
        )
      : null,
  );
}

/** A thumb drawn in SVG (an emoji font is not on every office PC); pointing down when `down`. */
function thumb(down: boolean): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("class", "thumb");
  if (down) svg.setAttribute("transform", "rotate(180)");
  const path = document.createElementNS(ns, "path");
  path.setAttribute(
    "d",
    "M2 21h4V9H2v12zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 6.6 7.6C6.2 8 6 8.5 6 9v10a2 2 0 0 0 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z",
  );
  path.setAttribute("fill", "currentColor");
  svg.appendChild(path);
  return svg;
}

/** 👍/👎 for one answer. */
function feedback(answerId: string, lang: Lang): HTMLElement {
  const bar = h("div", { class: "feedback" });
  const send = async (value: "up" | "down", button: HTMLButtonElement) => {
    for (const b of bar.querySelectorAll("button")) b.setAttribute("disabled", "");
    button.classList.add("chosen");
    try {
      await api.vote(answerId, value);
      bar.appendChild(h("span", { class: "thanks" }, t("thanks", lang)));
    } catch {
      for (const b of bar.querySelectorAll("button")) b.removeAttribute("disabled");
      button.classList.remove("chosen");
    }
  };
  for (const value of ["up", "down"] as const) {
    const label = t(value === "up" ? "helpful" : "notHelpful", lang);
    const button: HTMLButtonElement = h("button", {
      type: "button",
      class: `vote ${value}`,
      title: label,
      "aria-label": label,
      "data-vote": value,
      onclick: () => void send(value, button),
    });
    button.append(thumb(value === "down"), h("span", null, label));
    bar.appendChild(button);
  }
  return bar;
}

/** The whole answer card. */
export function answerCard(r: AnswerResult, actions: Actions): HTMLElement {
  const lang = r.lang;
  const p = r.payload;
  const [first, ...rest] = r.citations;
  const parts: Array<HTMLElement | null> = [];
  switch (p.kind) {
    case "check":
      parts.push(verdicts(p, r.citations, lang, actions));
      for (const [i, c] of r.citations.entries())
        parts.push(citationCard(c, lang, actions, { folded: i > 0 }));
      break;
    case "item":
      if (first && p.focus === "departments") {
        parts.push(
          h(
            "div",
            { class: "focus" },
            h("strong", null, `${first.label} · ${t("departmentsOf", lang)}`),
            departmentChips(first.departments, lang, actions),
          ),
        );
      }
      if (first && p.focus === "deadlines") {
        parts.push(
          h(
            "div",
            { class: "focus" },
            h("strong", null, `${first.label} · ${t("deadlinesOf", lang)}`),
            h(
              "div",
              { class: "badges" },
              first.deadlines.map((d) => deadlineBadge(d, lang)),
            ),
          ),
        );
      }
      if (first) {
        const loadRelated = async () => (await api.item(first.doc, first.id, lang)).related;
        parts.push(
          citationCard(first, lang, actions, p.related.length > 0 ? { related: p.related } : { loadRelated }),
        );
      }
      if (rest.length > 0) {
        parts.push(
          h(
            "div",
            { class: "more" },
            h("p", { class: "field-label" }, t("moreItems", lang)),
            rest.map((c) => citationCard(c, lang, actions, { folded: true })),
          ),
        );
      }
      break;
    case "department_listing":
      parts.push(departmentListing(p, lang, actions));
      break;
    case "deadline_listing":
      parts.push(deadlineTimeline(p, lang, actions));
      break;
    case "document":
      parts.push(documentFacts(p.documents, lang));
      break;
    case "not_covered":
      parts.push(notCovered(p, r.answer, lang, actions));
      break;
    case "invalid_input":
      parts.push(h("p", { class: "answer-text" }, r.answer));
      break;
  }
  return h(
    "article",
    { class: `answer kind-${r.kind}`, "data-kind": r.kind, lang: lang === "zh" ? "zh-CN" : "en" },
    parts,
    r.answerId ? feedback(r.answerId, lang) : null,
  );
}

/** An item looked up by a click (not a question): its card with its related items. */
export function itemCard(
  c: Citation,
  related: Parameters<typeof citationCard>[3],
  lang: Lang,
  actions: Actions,
): HTMLElement {
  return h(
    "article",
    { class: "answer kind-item looked-up", "data-kind": "item", lang: lang === "zh" ? "zh-CN" : "en" },
    citationCard(c, lang, actions, related),
  );
}
