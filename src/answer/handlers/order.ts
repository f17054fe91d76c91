/** The order documents are shown in when a question names none: local plans before the plans they implement. */
import { implementersIn, type Plan } from "../../corpus/index.js";

/** Plans ordered most specific first (a plan another one implements comes after it); otherwise as loaded. */
export function specificFirst(plans: readonly Plan[]): Plan[] {
  const implementers = implementersIn(plans);
  if (implementers.size === 0) return [...plans];
  // A stable sort: plans no other plan implements keep their order.
  return [...plans].sort((a, b) => (implementers.get(a)?.length ?? 0) - (implementers.get(b)?.length ?? 0));
}
