/**
 * The web chat page: ask in Chinese or English, read answers rendered from their structured payload,
 * follow up in the same conversation, browse departments and the deadline timeline. Plain DOM, no
 * framework, nothing loaded from anywhere but this server.
 */
import type { Lang } from "../../answer/index.js";
import type { Actions } from "./actions.js";
import { answerCard, itemCard } from "./answer.js";
import * as api from "./api.js";
import { append, clear, h } from "./dom.js";
import { docTitle, setUiLang, t, uiLang } from "./i18n.js";
import { DeadlineView, DepartmentView, showError } from "./views.js";

/** Example questions per language, from the server (data/examples.yaml), loaded once each. */
const examplesOf = new Map<Lang, Promise<string[]>>();
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const conversation = $<HTMLDivElement>("conversation");
const form = $<HTMLFormElement>("ask-form");
const input = $<HTMLTextAreaElement>("question");
const keyForm = $<HTMLFormElement>("key-form");
const views = ["ask", "departments", "deadlines"] as const;
type View = (typeof views)[number];

const actions: Actions = {
  openItem: (doc, id, lang) => void showItem(doc, id, lang),
  openDepartment: (name) => {
    location.hash = "#departments";
    void departmentView.show(name);
  },
  ask: (question) => void submit(question),
};
const departmentView = new DepartmentView($("view-departments"), actions);
const deadlineView = new DeadlineView($("view-deadlines"), actions);

function scrollTo(el: HTMLElement): void {
  el.scrollIntoView({ behavior: "smooth", block: "start" });
}

function examples(): HTMLElement {
  const lang = uiLang();
  const box = h("div", { class: "examples" }, h("p", null, t("examples")));
  if (!examplesOf.has(lang))
    examplesOf.set(
      lang,
      api.examples(lang).catch(() => []),
    );
  void examplesOf.get(lang)?.then((list) => {
    for (const q of list.slice(0, 6)) {
      box.appendChild(h("button", { type: "button", class: "example", onclick: () => void submit(q) }, q));
    }
  });
  return box;
}

function failed(error: unknown, into: HTMLElement): void {
  if (error instanceof api.ApiFailure && error.status === 401) keyForm.hidden = false;
  showError(into, error);
}

async function submit(question: string): Promise<void> {
  const text = question.trim();
  if (!text) return;
  conversation.querySelector(".examples")?.remove();
  const asked = h("div", { class: "question" }, h("p", null, text));
  const pending = h("div", { class: "pending" }, t("thinking"));
  append(conversation, asked, pending);
  scrollTo(asked);
  input.value = "";
  autoGrow();
  try {
    const result = await api.ask(text);
    pending.replaceWith(answerCard(result, actions));
  } catch (error) {
    clear(pending);
    pending.className = "answer failed";
    failed(error, pending);
  }
}

async function showItem(doc: string, id: string, lang: Lang): Promise<void> {
  if (currentView() !== "ask") location.hash = "#ask";
  const pending = h("div", { class: "pending" }, t("thinking", lang));
  append(conversation, pending);
  try {
    const found = await api.item(doc, id, lang);
    const card = itemCard(found.item, { related: found.related }, lang, actions);
    pending.replaceWith(card);
    scrollTo(card);
  } catch (error) {
    clear(pending);
    failed(error, pending);
  }
}

function currentView(): View {
  const v = location.hash.slice(1);
  return (views as readonly string[]).includes(v) ? (v as View) : "ask";
}

function route(): void {
  const view = currentView();
  for (const v of views) {
    $(`view-${v}`).hidden = v !== view;
    $(`tab-${v}`).classList.toggle("active", v === view);
    $(`tab-${v}`).setAttribute("aria-current", v === view ? "page" : "false");
  }
  form.hidden = view !== "ask";
  if (view === "departments" && !$("view-departments").hasChildNodes()) void departmentView.show();
  if (view === "deadlines" && !$("view-deadlines").hasChildNodes()) void deadlineView.show();
}

async function header(): Promise<void> {
  try {
    const { documents, today } = await api.documents(uiLang());
    const docs = $("docs");
    clear(docs);
    append(
      docs,
      documents.map((d) => docTitle(d.name)).join(uiLang() === "zh" ? " " : " · "),
      h("span", { class: "today" }, ` · ${t("today")} ${today}`),
    );
  } catch (error) {
    if (error instanceof api.ApiFailure && error.status === 401) keyForm.hidden = false;
  }
}

function applyLang(lang: Lang): void {
  setUiLang(lang);
  try {
    localStorage.setItem("policy-bot.lang", lang);
  } catch {}
  document.title = `${t("title")} · policy-bot`;
  $("title").textContent = t("title");
  $("tab-ask").textContent = t("tabAsk");
  $("tab-departments").textContent = t("tabDepartments");
  $("tab-deadlines").textContent = t("tabDeadlines");
  $("lang").textContent = lang === "zh" ? "EN" : "中文";
  $("new-chat").textContent = t("newChat");
  $("send").textContent = t("send");
  input.placeholder = t("placeholder");
  $("key-save").textContent = t("keySave");
  (keyForm.querySelector("label") as HTMLLabelElement).textContent = t("keyNeeded");
  const ex = conversation.querySelector(".examples");
  if (ex) ex.replaceWith(examples());
  void header();
  // The views draw in the reader's language: redraw the visible one, the other when next shown.
  clear($("view-departments"));
  clear($("view-deadlines"));
  route();
}

function autoGrow(): void {
  input.style.height = "auto";
  input.style.height = `${Math.min(input.scrollHeight, 160)}px`;
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  void submit(input.value);
});
input.addEventListener("keydown", (event) => {
  // Enter sends; Shift+Enter breaks the line; Enter while an input method is composing picks the characters.
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
    event.preventDefault();
    void submit(input.value);
  }
});
input.addEventListener("input", autoGrow);
$("new-chat").addEventListener("click", () => {
  api.newConversation();
  clear(conversation);
  append(conversation, examples());
  input.focus();
});
$("lang").addEventListener("click", () => applyLang(uiLang() === "zh" ? "en" : "zh"));
keyForm.addEventListener("submit", (event) => {
  event.preventDefault();
  api.setAccessKey(($("key") as HTMLInputElement).value);
  keyForm.hidden = true;
  void header();
});
window.addEventListener("hashchange", route);

let saved: string | null = null;
try {
  saved = localStorage.getItem("policy-bot.lang");
} catch {}
append(conversation, examples());
applyLang(
  saved === "en" || saved === "zh"
    ? saved
    : navigator.language.toLowerCase().startsWith("zh")
      ? "zh"
      : navigator.language.toLowerCase().startsWith("en")
        ? "en"
        : "zh",
);
