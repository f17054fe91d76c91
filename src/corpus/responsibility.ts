/**
 * Responsibility clauses: the parenthesis that names who does an item, e.g.
 * (市生态环境局牵头,市发展改革委、市工业和信息化局配合). A parenthesis counts only when every clause in it
 * is a list of department-like names followed by a role verb, so (PM2.5), (市、区), (含渣土运输车、…)
 * are left alone wherever they stand.
 */
import { canonicalDepartment } from "./departments.js";
import type { DepartmentRef, Role } from "./schema.js";

/** Role verbs, longest first so 牵头负责 is read before 牵头 or 负责. */
const ROLE_VERBS: ReadonlyArray<readonly [string, Role]> = [
  ["按职责分工负责", "responsible"],
  ["牵头负责", "lead"],
  ["牵头督导", "lead"],
  ["负责落实", "responsible"],
  ["具体落实", "responsible"],
  ["牵头", "lead"],
  ["负责", "responsible"],
  ["配合", "support"],
  ["参与", "support"],
];

// A department-like name: an organ of government or a company, not a vehicle or a pollutant.
const DEPARTMENT_NAME =
  /^(?:[市省县区各]|中国|人民银行|国家|示范区)?.{0,20}?(?:局|委|委员会|办|办公室|中心|公司|分公司|分行|海关|社|政府|管委会|部|厅|院|所|队)$/;

const OPEN = "(（〔[";
const CLOSE = ")）〕]";

/** A bracketed stretch of text: where it opens and closes in its text, and what it holds. */
export interface Bracket {
  start: number;
  end: number;
  inner: string;
}

/** Top-level bracket pairs in a text; 〈〉 nest inside without counting. */
export function findBrackets(text: string): Bracket[] {
  const out: Bracket[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (OPEN.includes(c)) {
      if (depth === 0) start = i;
      depth++;
    } else if (CLOSE.includes(c) && depth > 0) {
      depth--;
      if (depth === 0) out.push({ start, end: i + 1, inner: text.slice(start + 1, i) });
    }
  }
  return out;
}

/** Splits on a separator only outside 〈〉 and () so 各县〈市、区〉政府 stays whole. */
function splitTopLevel(text: string, separators: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const c of text) {
    if ("〈(（".includes(c)) depth++;
    if ("〉)）".includes(c)) depth--;
    if (depth === 0 && separators.test(c)) {
      parts.push(current);
      current = "";
    } else current += c;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

const isDepartmentName = (name: string) => DEPARTMENT_NAME.test(name) && !/[,，。]/.test(name);

/** Splits a list of names on 、, and on 和 only where both halves are names (市工业和信息化局 stays). */
function splitNames(list: string): string[] | null {
  const names: string[] = [];
  for (const piece of splitTopLevel(list.replace(/等$/, ""), /[、]/)) {
    if (isDepartmentName(piece)) {
      const at = piece.indexOf("和");
      const left = piece.slice(0, at);
      const right = piece.slice(at + 1);
      if (at > 0 && isDepartmentName(left) && isDepartmentName(right)) names.push(left, right);
      else names.push(piece);
    } else return null;
  }
  return names.length > 0 ? names : null;
}

/** Reads one clause "X、Y按职责分工负责" into departments, or null when it is not such a clause. */
function parseClause(clause: string): DepartmentRef[] | null {
  for (const [verb, role] of ROLE_VERBS) {
    if (!clause.endsWith(verb)) continue;
    const names = splitNames(clause.slice(0, -verb.length));
    if (!names) return null;
    return names.map((written) => ({ name: canonicalDepartment(written), role, written }));
  }
  return null;
}

/** What a responsibility parenthesis says: its departments, and any standing note in it. */
export interface Responsibility {
  departments: DepartmentRef[];
  /** "以下各项任务均需…负责落实,不再列出": the note verbatim with the departments it names. */
  standingNote: { text: string; departments: DepartmentRef[] } | null;
}

const STANDING_NOTE = /^以下(?:各项)?(?:任务|工作)?均(?:需|由)(.+?)(?:[,，]不再(?:一一)?列出)?$/;

/** Reads a bracket's content as a responsibility clause; null when it is something else. */
export function parseResponsibility(inner: string): Responsibility | null {
  const departments: DepartmentRef[] = [];
  let standingNote: Responsibility["standingNote"] = null;
  for (const sentence of splitTopLevel(inner, /[。；;]/)) {
    const note = STANDING_NOTE.exec(sentence);
    if (note) {
      const named = parseClause(note[1] as string);
      if (!named) return null;
      standingNote = { text: sentence, departments: named };
      continue;
    }
    for (const clause of splitTopLevel(sentence, /[,，]/)) {
      const named = parseClause(clause);
      if (!named) return null;
      departments.push(...named);
    }
  }
  if (departments.length === 0 && !standingNote) return null;
  // A department named twice keeps its strongest role (lead > responsible > support).
  const rank: Record<Role, number> = { lead: 0, responsible: 1, support: 2 };
  const unique = new Map<string, DepartmentRef>();
  for (const d of departments) {
    const prev = unique.get(d.name);
    if (!prev || rank[d.role] < rank[prev.role]) unique.set(d.name, d);
  }
  return { departments: [...unique.values()], standingNote };
}
