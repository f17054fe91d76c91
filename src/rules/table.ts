/**
 * The rule table: every quantified or categorical obligation and prohibition of the Shangqiu plan
 * that a question about one business or thing can be checked against. Each rule cites its item id and
 * the verbatim phrases it encodes (each a substring of that item's text), declares a zod schema for the
 * facts it reads, and names the deadline phrases it relies on; departments and deadline dates are
 * taken from the parsed item at run time, never written here.
 *
 * The rules live one file per section of the plan under ./table/ (二 industry, 三 energy, 四 transport,
 * 五 area sources, 六 emissions, 七 management); the shared types and helpers are in ./rule.ts. This
 * file only assembles them, in the order ties are broken.
 */
import type { Rule } from "./rule.js";
import { AREA_SOURCE_RULES } from "./table/area-sources.js";
import { EMISSION_RULES } from "./table/emissions.js";
import { ENERGY_RULES } from "./table/energy.js";
import { INDUSTRY_RULES } from "./table/industry.js";
import { MANAGEMENT_RULES } from "./table/management.js";
import { TRANSPORT_RULES } from "./table/transport.js";

export { type Bi, compareText, type Evaluation, fmtEn, fmtZh, meets, type Rule } from "./rule.js";

/** Every rule, section by section. */
const SECTIONS: readonly (readonly Rule[])[] = [
  INDUSTRY_RULES,
  ENERGY_RULES,
  TRANSPORT_RULES,
  AREA_SOURCE_RULES,
  EMISSION_RULES,
  MANAGEMENT_RULES,
];

/** Rule ids in the order ties are broken (earlier wins); every rule appears exactly once. */
const TIE_BREAK_ORDER: readonly string[] = [
  "ammonia-pilot",
  "coal-boiler",
  "gas-boiler-low-nox",
  "biomass-boiler",
  "new-capacity-ban",
  "new-project-clean-transport",
  "new-project-a-level",
  "steel-equipment-upgrade",
  "brick-exit-subsidy",
  "brick-line-exit",
  "gas-producer",
  "industrial-furnace-fuel",
  "diesel-truck-phaseout",
  "new-energy-vehicles",
  "official-cars",
  "nonroad-banned-zone",
  "nonroad-stage1-phaseout",
  "construction-site-monitoring",
  "vocs-ldar",
  "vocs-hood-speed",
  "ultra-low-emission",
  "inefficient-treatment-upgrade",
  "canteen-purifier",
  "restaurant-fume-purifier",
  "seasonal-production-control",
  "staggered-production",
  "fireworks-ban",
  "loose-coal-ban",
  "straw-burning-ban",
  "solvent-coating-projects",
  "low-vocs-substitution",
  "illegal-fuel-outlets",
];

/** The section rules ordered by `order`; throws at load if the two lists do not name the same rules. */
function inOrder(sections: readonly (readonly Rule[])[], order: readonly string[]): Rule[] {
  const byId = new Map<string, Rule>();
  for (const rule of sections.flat()) {
    if (byId.has(rule.id)) throw new Error(`rule table: duplicate rule id ${rule.id}`);
    byId.set(rule.id, rule);
  }
  const missing = [...byId.keys()].filter((id) => !order.includes(id));
  if (missing.length > 0) throw new Error(`rule table: no tie-break place for ${missing.join(", ")}`);
  return order.map((id) => {
    const rule = byId.get(id);
    if (!rule) throw new Error(`rule table: tie-break order names unknown rule ${id}`);
    return rule;
  });
}

/** The whole table, in the order ties are broken (earlier wins). */
export const RULES: readonly Rule[] = inOrder(SECTIONS, TIE_BREAK_ORDER);

/** A rule by id. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
