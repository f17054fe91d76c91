/**
 * Resolve by kind: a {@link Query} → the {@link Resolved} answer of one kind, with its citations and
 * structured payload. `route` picks the handler; each handler lives in ./handlers/ with its own tests.
 */
import type { Query } from "../understand/index.js";
import type { ResolveDeps } from "./deps.js";
import { route } from "./route.js";
import type { Resolved } from "./schema.js";

export { citeItem, citeSection, deadlineView, departmentRoles, documentName, itemLink } from "./citation.js";
export type { Handler, ResolveDeps, RuleChecker } from "./deps.js";
export { deadlineListing, deadlineMatches, describeDeadlineAsk } from "./handlers/deadline.js";
export { departmentListing } from "./handlers/department.js";
export { documentInfo } from "./handlers/document.js";
export { specificFirst } from "./handlers/order.js";
export { topic } from "./handlers/topic.js";
export { headQuote } from "./quote.js";
export {
  type CoverageFeatures,
  CoverageWeights,
  coverageFeatures,
  coverageScore,
  coverageWeights,
  covers,
  quoteFor,
  retrieve,
} from "./retrieval.js";
export { route } from "./route.js";
export * from "./schema.js";

/** Resolves a query: the first handler of its route that answers. */
export function resolve(query: Query, deps: ResolveDeps): Resolved {
  for (const handler of route(query)) {
    const result = handler(query, deps);
    if (result) return result;
  }
  throw new Error("the topic handler always answers");
}
