/**
 * Listings grouped by document: a department's tasks by role, and deadlines as a timeline with
 * today marked between what has passed and what is still open. Used in answers and in the views.
 */
import type { DeadlineListingPayload, DepartmentListingPayload, Lang } from "../../answer/index.js";
import type { Actions } from "./actions.js";
import { deadlineBadge } from "./citation.js";
import { h } from "./dom.js";
import { docTitle, t } from "./i18n.js";

const ROLES = ["lead", "responsible", "support"] as const;

const itemButton = (doc: string, id: string, label: string, title: string, lang: Lang, actions: Actions) =>
  h(
    "button",
    { type: "button", class: "item-link", onclick: () => actions.openItem(doc, id, lang) },
    h("span", { class: "label" }, label),
    ` ${title}`,
  );

/** A department's tasks: per document, per role (lead first), each with its deadlines. */
export function departmentListing(p: DepartmentListingPayload, lang: Lang, actions: Actions): HTMLElement {
  const names = p.departments
    .map((d) => (lang === "en" && d.en ? `${d.en} (${d.name})` : d.name))
    .join(lang === "zh" ? "、" : ", ");
  return h(
    "div",
    { class: "listing department-listing" },
    h(
      "p",
      { class: "listing-head" },
      h("strong", null, names),
      lang === "zh" ? ` · ${p.total}${t("items", lang)}` : ` · ${p.total}${t("items", lang)}`,
    ),
    p.groups.map((g) =>
      h(
        "section",
        { class: "doc-group", "data-doc": g.doc },
        h("h3", null, docTitle(g.docName, lang)),
        ROLES.map((role) => {
          const entries = g.entries.filter((e) => e.role === role);
          if (entries.length === 0) return null;
          return h(
            "div",
            { class: `role-section role-${role}` },
            h(
              "h4",
              null,
              h("span", { class: `role-label role-${role}` }, t(role, lang)),
              ` ${entries.length}`,
            ),
            h(
              "ul",
              { class: "entries" },
              entries.map((e) =>
                h(
                  "li",
                  { class: e.viaStandingNote ? "via-note" : null },
                  itemButton(g.doc, e.id, e.label, e.title, lang, actions),
                  e.viaStandingNote ? h("small", { class: "note" }, t("viaNote", lang)) : null,
                  e.deadlines.length > 0
                    ? h(
                        "span",
                        { class: "badges" },
                        e.deadlines.map((d) => deadlineBadge(d, lang)),
                      )
                    : null,
                ),
              ),
            ),
          );
        }),
      ),
    ),
  );
}

/** Deadlines per document as a timeline, in date order, with today between passed and open. */
export function deadlineTimeline(p: DeadlineListingPayload, lang: Lang, actions: Actions): HTMLElement {
  return h(
    "div",
    { class: "listing deadline-listing" },
    h(
      "p",
      { class: "listing-head" },
      h("strong", null, p.description),
      ` · ${p.total}${t("items", lang)} · ${t("today", lang)} ${p.today}`,
    ),
    p.total === 0 ? h("p", { class: "empty" }, t("noDeadlines", lang)) : null,
    p.groups.map((g) => {
      const rows: HTMLElement[] = [];
      let markedToday = false;
      for (const e of g.entries) {
        if (!markedToday && e.deadline.date >= p.today) {
          rows.push(
            h("li", { class: "today-marker" }, h("span", null, `${t("todayMarker", lang)} ${p.today}`)),
          );
          markedToday = true;
        }
        rows.push(
          h(
            "li",
            { class: `tl-entry ${e.deadline.passed ? "passed" : "open"}` },
            h("time", { datetime: e.deadline.date }, e.deadline.date),
            h(
              "div",
              { class: "tl-body" },
              h(
                "div",
                { class: "tl-title" },
                itemButton(g.doc, e.id, e.label, e.title, lang, actions),
                deadlineBadge(e.deadline, lang),
              ),
              h("p", { class: "tl-sentence" }, e.deadline.sentence),
            ),
          ),
        );
      }
      if (!markedToday)
        rows.push(
          h("li", { class: "today-marker" }, h("span", null, `${t("todayMarker", lang)} ${p.today}`)),
        );
      return h(
        "section",
        { class: "doc-group", "data-doc": g.doc },
        h("h3", null, docTitle(g.docName, lang)),
        h("ol", { class: "timeline" }, rows),
      );
    }),
  );
}
