/**
 * Working days as China's official calendar counts them (`data/workdays.yaml`: holidays on weekdays, weekend days
 * made working days), which plans count time limits in (推进会后30个工作日). Read once.
 */
import { join } from "node:path";
import { z } from "zod";
import { projectPaths } from "./paths.js";
import { readYamlFile } from "./yaml.js";

const Day = z.union([
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  z.date().transform((d) => d.toISOString().slice(0, 10)),
]);
const WorkdayData = z
  .object({
    years: z.record(
      z.string().regex(/^\d{4}$/),
      z.object({ holidays: z.array(Day).default([]), workdays: z.array(Day).default([]) }).strict(),
    ),
  })
  .strict();

let calendar: { holidays: ReadonlySet<string>; workdays: ReadonlySet<string> } | undefined;

function loaded(): { holidays: ReadonlySet<string>; workdays: ReadonlySet<string> } {
  if (!calendar) {
    const file = join(projectPaths().data, "workdays.yaml");
    const parsed = WorkdayData.safeParse(readYamlFile(file));
    if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
    const years = Object.values(parsed.data.years);
    calendar = {
      holidays: new Set(years.flatMap((y) => y.holidays)),
      workdays: new Set(years.flatMap((y) => y.workdays)),
    };
  }
  return calendar;
}

/** Whether a day (ISO) is a working day. */
export function isWorkday(iso: string): boolean {
  const { holidays, workdays } = loaded();
  if (workdays.has(iso)) return true;
  if (holidays.has(iso)) return false;
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The `n`th working day after `base` (the day after it counted first): 2025-04-15 and 30 → 2025-05-29. */
export function workdaysAfter(base: string, n: number): string {
  const day = new Date(`${base}T00:00:00Z`);
  for (let counted = 0; counted < n; ) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (isWorkday(day.toISOString().slice(0, 10))) counted++;
  }
  return day.toISOString().slice(0, 10);
}
