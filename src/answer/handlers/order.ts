/** The order documents are shown in when a question names none: local plans before the plans they implement. */
import { implementsPlan, type Plan } from "../../corpus/index.js";

/** Plans ordered most specific first (a plan another one implements comes after it); otherwise as loaded. */
export function specificFirst(plans: readonly Plan[]): Plan[] {
  const depth = (p: Plan) => plans.filter((q) => implementsPlan(q, p)).length;
  return [...plans].sort((a, b) => depth(a) - depth(b));
}
