/**
 * The two views beside the chat: departments (every department with its item count; choosing one
 * lists its tasks by role) and the deadline timeline (filter by year and by passed / open).
 */
import type { DepartmentDirectory } from "../http/schemas.js";
import type { Actions } from "./actions.js";
import * as api from "./api.js";
import { append, clear, h } from "./dom.js";
import { t, uiLang } from "./i18n.js";
import { deadlineTimeline, departmentListing } from "./listing.js";

/** Renders an error into `el` in the reader's language. */
export function showError(el: HTMLElement, error: unknown): void {
  const status = error instanceof api.ApiFailure ? error.status : -1;
  const message =
    status === 0
      ? t("offline")
      : status === 429
        ? t("rateLimited")
        : `${t("error")}${error instanceof Error ? error.message : String(error)}`;
  append(el, h("p", { class: "error", role: "alert" }, message));
}

/** The department view. */
export class DepartmentView {
  private directory: DepartmentDirectory | null = null;
  private selections = 0;
  private readonly list = h("div", { class: "dept-list" });
  private readonly detail = h("div", { class: "dept-detail", "aria-live": "polite" });
  private readonly filter = h("input", { type: "search", class: "dept-filter" });

  constructor(
    readonly root: HTMLElement,
    private readonly actions: Actions,
  ) {
    this.filter.addEventListener("input", () => this.renderList());
  }

  /** Draws the view (loading the directory the first time). */
  async show(selected?: string): Promise<void> {
    clear(this.root);
    this.filter.placeholder = t("filterDepartments");
    append(
      this.root,
      h("div", { class: "view-head" }, h("p", null, t("chooseDepartment")), this.filter),
      this.list,
      this.detail,
    );
    try {
      this.directory ??= await api.departments();
      this.renderList();
      if (selected) await this.select(selected);
    } catch (error) {
      showError(this.root, error);
    }
  }

  private renderList(): void {
    clear(this.list);
    const needle = this.filter.value.trim().toLowerCase();
    const lang = uiLang();
    for (const d of this.directory?.departments ?? []) {
      const shown = lang === "en" && d.en ? d.en : d.name;
      if (needle && !`${d.name} ${d.en ?? ""}`.toLowerCase().includes(needle)) continue;
      append(
        this.list,
        h(
          "button",
          {
            type: "button",
            class: "chip dept",
            "data-name": d.name,
            title: d.name,
            onclick: () => void this.select(d.name),
          },
          shown,
          h("span", { class: "count" }, String(d.items)),
        ),
      );
    }
  }

  /** Lists one department's tasks. */
  async select(name: string): Promise<void> {
    const turn = ++this.selections;
    for (const b of this.list.querySelectorAll("button"))
      b.classList.toggle("selected", b.dataset.name === name);
    clear(this.detail);
    try {
      const tasks = await api.departmentTasks(name, uiLang());
      if (turn !== this.selections) return;
      append(this.detail, departmentListing(tasks, uiLang(), this.actions));
    } catch (error) {
      showError(this.detail, error);
    }
  }
}

/** The deadline timeline view. */
export class DeadlineView {
  private readonly year = h("select", { class: "year" });
  private readonly state = h("select", { class: "state" });
  private readonly body = h("div", { class: "deadline-body", "aria-live": "polite" });
  private years: string[] = [];
  private loads = 0;

  constructor(
    readonly root: HTMLElement,
    private readonly actions: Actions,
  ) {
    this.year.addEventListener("change", () => void this.load());
    this.state.addEventListener("change", () => void this.load());
  }

  /** Draws the view with its filters. */
  async show(): Promise<void> {
    clear(this.root);
    const keepYear = this.year.value;
    const keepState = this.state.value;
    clear(this.year);
    clear(this.state);
    append(
      this.year,
      h("option", { value: "" }, t("allYears")),
      this.years.map((y) => h("option", { value: y }, y)),
    );
    append(
      this.state,
      h("option", { value: "" }, t("allStates")),
      h("option", { value: "passed" }, t("passed")),
      h("option", { value: "open" }, t("open")),
    );
    this.year.value = keepYear;
    this.state.value = keepState;
    append(
      this.root,
      h(
        "div",
        { class: "view-head filters" },
        h("label", null, `${t("year")} `, this.year),
        h("label", null, `${t("state")} `, this.state),
      ),
      this.body,
    );
    await this.load();
  }

  private async load(): Promise<void> {
    const turn = ++this.loads;
    clear(this.body);
    try {
      const listing = await api.deadlines({ year: this.year.value, state: this.state.value }, uiLang());
      // A filter changed again while this one loaded: the later listing wins.
      if (turn !== this.loads) return;
      if (this.years.length === 0) {
        this.years = [
          ...new Set(listing.groups.flatMap((g) => g.entries.map((e) => e.deadline.date.slice(0, 4)))),
        ].sort();
        append(
          this.year,
          this.years.map((y) => h("option", { value: y }, y)),
        );
      }
      append(this.body, deadlineTimeline(listing, uiLang(), this.actions));
    } catch (error) {
      showError(this.body, error);
    }
  }
}
