/**
 * The department directory: every department the loaded documents name, with how many items name it
 * and how many it leads — what the web page's department view lists to choose from.
 */
import { englishDepartment } from "../../corpus/index.js";
import type { Engine } from "../../engine/index.js";
import type { DepartmentDirectory } from "./schemas.js";

/** Every department named by an item itself (standing notes aside), most items first. */
export function departmentDirectory(engine: Pick<Engine, "plans">): DepartmentDirectory {
  const byName = new Map<string, { items: number; leads: number; docs: Set<string> }>();
  for (const plan of engine.plans) {
    for (const item of plan.items) {
      const seen = new Set<string>();
      for (const d of item.departments) {
        const entry = byName.get(d.name) ?? { items: 0, leads: 0, docs: new Set<string>() };
        if (!seen.has(d.name)) entry.items++;
        if (d.role === "lead") entry.leads++;
        seen.add(d.name);
        entry.docs.add(plan.doc);
        byName.set(d.name, entry);
      }
    }
  }
  const departments = [...byName]
    .map(([name, e]) => ({
      name,
      en: englishDepartment(name) ?? null,
      items: e.items,
      leads: e.leads,
      docs: [...e.docs],
    }))
    .sort((a, b) => b.items - a.items || b.leads - a.leads || a.name.localeCompare(b.name, "zh"));
  return { departments };
}
