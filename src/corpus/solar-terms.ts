/**
 * The twenty-four solar terms (立冬, 芒种 …) as days of a year, which plans write as deadlines (问责节点：
 * 立冬前). The terms and the formula's constants are data (`data/solar-terms.yaml`); this module reads
 * them once and computes a term's day.
 */
import { join } from "node:path";
import { z } from "zod";
import { projectPaths } from "./paths.js";
import { readYamlFile } from "./yaml.js";

/** One term: its month, the formula's constant, and the years the formula misses by a day. */
const SolarTerm = z
  .object({
    month: z.number().int().min(1).max(12),
    c: z.number(),
    corrections: z.record(z.string().regex(/^\d{4}$/), z.number().int()).default({}),
  })
  .strict();

/** `data/solar-terms.yaml`. */
const SolarTermData = z.object({ terms: z.record(z.string().min(2), SolarTerm) }).strict();

let terms: Readonly<Record<string, z.infer<typeof SolarTerm>>> | undefined;

function loaded(): Readonly<Record<string, z.infer<typeof SolarTerm>>> {
  if (!terms) {
    const file = join(projectPaths().data, "solar-terms.yaml");
    const parsed = SolarTermData.safeParse(readYamlFile(file));
    if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
    terms = parsed.data.terms;
  }
  return terms;
}

/** The terms' names (立春 … 大寒). */
export function solarTermNames(): string[] {
  return Object.keys(loaded());
}

/** A term's month and day in a year of the 21st century; null for a word that is no term. */
export function solarTermDay(name: string, year: number): { month: number; day: number } | null {
  const term = loaded()[name];
  if (!term) return null;
  const y = year % 100;
  // January's and February's terms count the leap days up to the year before.
  const leap = Math.floor((term.month <= 2 ? y - 1 : y) / 4);
  const day = Math.floor(y * 0.2422 + term.c) - leap + (term.corrections[String(year)] ?? 0);
  return { month: term.month, day };
}
