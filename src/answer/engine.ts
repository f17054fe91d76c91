/**
 * The product's pure core: one {@link Engine} over the loaded corpus and its index. The CLI and the
 * bot are thin adapters over it; nothing here knows about Telegram or terminals.
 */
import type { Deadline, IsoDate, Item, Plan, Role } from "../corpus/schema.js";
import type { GuidedCheck } from "../rules/index.js";
import type { Citation, Response } from "./schema.js";

/** Items of one department (or of every department an alias such as 铁路公司 means). */
export interface DepartmentListing {
  /** Canonical department names the query meant. */
  departments: string[];
  /** Every item naming one of them, in document order, with the role it has there. */
  entries: Array<{ item: Item; department: string; role: Role; viaStandingNote: boolean }>;
}

/** Which deadlines to list: by year, by whether they have passed, or all. */
export interface DeadlineFilter {
  year?: number;
  /** Exact date, e.g. 2024-12-31. */
  date?: IsoDate;
  state?: "passed" | "open";
}

/** Everything the adapters may ask of the product. */
export interface Engine {
  /** Answers one question. Never throws for any string; bad input gets status "invalid_input". */
  answer(question: string): Promise<Response>;
  /** Loaded documents, the most specific (the local plan) first. */
  readonly plans: readonly Plan[];
  /** Resolves a citation such as 六(五), 六（五）, 第六部分第五条, 6.5 to its item, or null. */
  findItem(ref: string): Item | null;
  /** Items whose content is closest to `item`, best first, not including it. */
  related(item: Item, limit?: number): Item[];
  /** Items of a department named canonically, by alias (城管局) or in English; null if unknown. */
  departmentItems(nameOrAlias: string): DepartmentListing | null;
  /** Deadlines of the local plan matching the filter, in date order. */
  deadlineItems(filter?: DeadlineFilter): Array<{ item: Item; deadline: Deadline }>;
  /** Ranked citations for a short query (inline mode); empty when nothing matches. */
  search(query: string, limit?: number): Promise<Citation[]>;
  /** Today's date by the engine's clock: decides whether deadlines have passed. */
  today(): IsoDate;
  /** Guided obligation checks (the /check dialog) from the loaded plans' rules files, in plan order. */
  guidedChecks(): GuidedCheck[];
}
