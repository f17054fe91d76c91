/**
 * One cited item as a card: label and title, the document, the quoted sentence — highlighted within
 * the item's full text when expanded — departments as chips by role, deadlines as passed/open
 * badges, the national item it implements, related items and a copy-citation button.
 */
import type { Citation, DeadlineView, DepartmentRole, ItemLink, Lang } from "../../answer/index.js";
import type { Actions } from "./actions.js";
import { type Child, h } from "./dom.js";
import { docTitle, t } from "./i18n.js";

const ROLES = ["lead", "responsible", "support"] as const;

/** A department chip; in English the English name leads and the Chinese follows. */
export function departmentChip(
  d: { name: string; role: string; en?: string | null },
  lang: Lang,
  actions: Actions,
) {
  return h(
    "button",
    {
      type: "button",
      class: `chip role-${d.role}`,
      title: d.name,
      onclick: () => actions.openDepartment(d.name),
    },
    lang === "en" && d.en ? [d.en, h("small", null, ` ${d.name}`)] : d.name,
  );
}

/** Department chips grouped by role: 牵头 / 负责 / 配合. */
export function departmentChips(
  departments: readonly DepartmentRole[],
  lang: Lang,
  actions: Actions,
): HTMLElement {
  return h(
    "div",
    { class: "departments" },
    ROLES.map((role) => {
      const of = departments.filter((d) => d.role === role);
      if (of.length === 0) return null;
      return h(
        "div",
        { class: "role-group" },
        h("span", { class: `role-label role-${role}` }, t(role, lang)),
        of.map((d) => departmentChip(d, lang, actions)),
      );
    }),
  );
}

/** A deadline badge: the words as written, the date, and passed / open as of the server's today. */
export function deadlineBadge(d: DeadlineView, lang: Lang): HTMLElement {
  const state = d.passed ? "passed" : "open";
  return h(
    "span",
    { class: `badge ${state}`, title: d.approximate ? t("approx", lang) + d.date : d.date },
    h("span", { class: "badge-text" }, d.text),
    h("span", { class: "badge-date" }, `${d.approximate ? t("approx", lang) : ""}${d.date}`),
    h("span", { class: "badge-state" }, t(d.recurring ? "yearly" : state, lang)),
  );
}

/** A link to an item (related items, the national item). */
export function itemLink(link: ItemLink, lang: Lang, actions: Actions, withDoc = false): HTMLElement {
  return h(
    "button",
    { type: "button", class: "item-link", onclick: () => actions.openItem(link.doc, link.id, lang) },
    h("span", { class: "label" }, link.label),
    ` ${link.title}`,
    withDoc ? h("span", { class: "doc-name" }, ` ${docTitle(link.docName, lang)}`) : null,
  );
}

/** The citation as copied: document, label, title and the verbatim quote. */
export function citationText(c: Citation, lang: Lang): string {
  return lang === "zh"
    ? `《${c.docName}》${c.label} ${c.title}：“${c.quote}”`
    : `${c.docName}, item ${c.label} (${c.id}) ${c.title}: “${c.quote}”`;
}

async function copy(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Plain http on another host has no clipboard API: the old way still works there.
    const area = h("textarea", { class: "offscreen", readonly: true }, text);
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }
}

/** The item's full text with the quote marked (`quoteStart` gives where it starts). */
export function highlighted(c: Citation): HTMLElement {
  const start = c.quoteStart;
  const end = start + c.quote.length;
  const exact = c.text.slice(start, end) === c.quote;
  return h(
    "p",
    { class: "full-text" },
    exact ? [c.text.slice(0, start), h("mark", null, c.quote), c.text.slice(end)] : c.text,
  );
}

/** A copy button that says so when it has copied. */
function copyButton(c: Citation, lang: Lang): HTMLElement {
  const button = h("button", { type: "button", class: "copy" }, t("copy", lang));
  button.addEventListener("click", async () => {
    await copy(citationText(c, lang));
    button.textContent = t("copied", lang);
    button.classList.add("done");
    setTimeout(() => {
      button.textContent = t("copy", lang);
      button.classList.remove("done");
    }, 1500);
  });
  return button;
}

/** A "related items" button that lists them when clicked. */
function relatedOnDemand(
  c: Citation,
  lang: Lang,
  actions: Actions,
  load: () => Promise<readonly ItemLink[]>,
): HTMLElement {
  const links = h("div", { class: "links" });
  const button = h("button", { type: "button", class: "more-related" }, `${t("related", lang)} ▸`);
  button.addEventListener("click", async () => {
    button.setAttribute("disabled", "");
    try {
      const related = await load();
      button.remove();
      for (const r of related) links.appendChild(itemLink(r, lang, actions, r.doc !== c.doc));
    } catch {
      button.removeAttribute("disabled");
    }
  });
  return h("div", { class: "field related" }, button, links);
}

/** Options of a citation card. */
export interface CardOptions {
  /** Departments and deadlines (a check's verdict already gave them first). */
  details?: boolean;
  /** Related items to list under the card. */
  related?: readonly ItemLink[];
  /** When `related` is not given: fetches them on a click (an answer that cited the item by its label). */
  loadRelated?: () => Promise<readonly ItemLink[]>;
  /** Starts folded (the second and later citations of an answer). */
  folded?: boolean;
}

/** The card of one cited item. */
export function citationCard(
  c: Citation,
  lang: Lang,
  actions: Actions,
  options: CardOptions = {},
): HTMLElement {
  const details = options.details ?? true;
  const note = c.standingNote;
  const body: Child[] = [
    h("blockquote", { class: "quote" }, c.quote),
    h("details", { class: "text" }, h("summary", null, t("fullText", lang)), highlighted(c)),
    details && (c.departments.length > 0 || note)
      ? h(
          "div",
          { class: "field" },
          h("span", { class: "field-label" }, t("departmentsOf", lang)),
          departmentChips(c.departments, lang, actions),
          note
            ? h(
                "div",
                { class: "standing-note", title: note.text },
                `${t("standingNote", lang)} ${note.from}: `,
                note.departments.map((d) => departmentChip(d, lang, actions)),
              )
            : null,
        )
      : null,
    details && c.deadlines.length > 0
      ? h(
          "div",
          { class: "field" },
          h("span", { class: "field-label" }, t("deadlinesOf", lang)),
          h(
            "div",
            { class: "badges" },
            c.deadlines.map((d) => deadlineBadge(d, lang)),
          ),
        )
      : null,
    // The periods the item sets for its work (10月1日至12月31日): no deadlines, said as written with their days.
    details && c.periods?.length
      ? h(
          "div",
          { class: "field" },
          h("span", { class: "field-label" }, t("periods", lang)),
          c.periods.map((p) => `${p.text}（${p.start} – ${p.end}）`).join(lang === "zh" ? "；" : "; "),
        )
      : null,
    c.implements
      ? h(
          "div",
          { class: "field implements" },
          h("span", { class: "field-label" }, t("implements", lang)),
          itemLink(c.implements, lang, actions, true),
        )
      : null,
    options.related && options.related.length > 0
      ? h(
          "div",
          { class: "field related" },
          h("span", { class: "field-label" }, t("related", lang)),
          h(
            "div",
            { class: "links" },
            options.related.map((r) => itemLink(r, lang, actions, r.doc !== c.doc)),
          ),
        )
      : options.loadRelated
        ? relatedOnDemand(c, lang, actions, options.loadRelated)
        : null,
    h(
      "div",
      { class: "card-foot" },
      h(
        "span",
        { class: "source" },
        lang === "zh" ? `出处：《${c.docName}》${c.label}` : `Source: ${c.docName}, item ${c.label}`,
      ),
      copyButton(c, lang),
    ),
  ];
  const head = h(
    "header",
    { class: "card-head" },
    h("span", { class: "label" }, c.label),
    h("span", { class: "title" }, c.title),
    h("span", { class: "doc-name" }, docTitle(c.docName, lang)),
  );
  if (options.folded) {
    return h(
      "details",
      { class: "citation folded", "data-doc": c.doc, "data-id": c.id },
      h("summary", null, head),
      body,
    );
  }
  return h("section", { class: "citation", "data-doc": c.doc, "data-id": c.id }, head, body);
}
