/** The order documents are shown in when a question names none: local plans before the plans they implement. */
import { implementsPlan, type Plan } from "../../corpus/index.js";

/** Plans ordered most specific first (a plan another one implements comes after it); otherwise as loaded. */
export function specificFirst(plans: readonly Plan[]): Plan[] {
  // Only plans some other plan implements move: the rest keep their order (a stable sort on 0).
  const general = plans.filter((p) => plans.some((q) => implementsPlan(q, p)));
  if (general.length === 0) return [...plans];
  const depth = new Map(general.map((p) => [p, plans.filter((q) => implementsPlan(q, p)).length]));
  return [...plans].sort((a, b) => (depth.get(a) ?? 0) - (depth.get(b) ?? 0));
}
