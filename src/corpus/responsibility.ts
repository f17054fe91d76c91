/**
 * Responsibility clauses: the parenthesis that names who does an item, e.g.
 * (市生态环境局牵头,市发展改革委、市工业和信息化局配合) or
 * 〔市生态环境局牵头督导,各县(区)政府负责落实〕. A parenthesis counts only when every clause in it
 * is a list of department-like names followed by a role verb (or a standing note), so (PM2.5),
 * (市、区), (含渣土运输车、…) are left alone wherever they stand.
 */

import { countedFromIssue, sameTimeAs, withArabicDates } from "./deadlines.js";
import { canonicalDepartment, sharedDepartments } from "./departments.js";
import { parseSmallNumeral } from "./numerals.js";
import type { DepartmentRef, Role } from "./schema.js";

/** Role verbs, longest first so 牵头负责 is read before 牵头 or 负责, and 负责落实 before 落实. */
const ROLE_VERBS: ReadonlyArray<readonly [string, Role]> = [
  // 甲、乙为责任单位，丙为协同单位: the names are said to be of a kind of unit.
  ...(["单位", "部门"] as const).flatMap((unit) => [
    [`为牵头${unit}`, "lead"] as const,
    [`为责任${unit}`, "responsible"] as const,
    [`为配合${unit}`, "support"] as const,
    [`为协同${unit}`, "support"] as const,
  ]),
  ["按职责分工负责", "responsible"],
  ["按职责分工落实", "responsible"],
  ["按职责分工配合", "support"],
  ["按职责负责", "responsible"],
  ["按职责分别负责", "responsible"],
  ["分别负责", "responsible"],
  ["按职责落实", "responsible"],
  ["配合落实", "support"],
  ["参与配合", "support"],
  ["配合实施", "support"],
  ["协助配合", "support"],
  ["牵头负责", "lead"],
  ["牵头落实", "lead"],
  ["协同落实", "support"],
  ["共同牵头", "lead"],
  ["共同主抓", "lead"],
  ["共同负责", "responsible"],
  // 负主体责任 / 负配合责任 / 负属地责任: the part of the responsibility each carries.
  ["负主体责任", "lead"],
  ["负主要责任", "lead"],
  ["负配合责任", "support"],
  ["负属地责任", "responsible"],
  ["牵头督导", "lead"],
  ["牵头组织", "lead"],
  ["负责落实", "responsible"],
  ["抓好落实", "responsible"],
  ["抓落实", "responsible"],
  ["具体落实", "responsible"],
  ["组织实施", "responsible"],
  ["具体实施", "responsible"],
  ["牵头", "lead"],
  ["负责", "responsible"],
  ["落实", "responsible"],
  ["督导", "lead"],
  ["配合", "support"],
  ["参与", "support"],
  // 主办 / 协办: the lead and those who assist it (责任分工：市生态环境局主办，市工信局协办).
  ["主办", "lead"],
  ["协办", "support"],
  // 抓总 / 协同, 为主 / 协助: the one who sees it through and those who work with it.
  ["抓总", "lead"],
  ["协同", "support"],
  ["为主", "lead"],
  ["协助", "support"],
  ["支持", "support"],
  // 统筹 / 主抓 / 协抓 in a task's bracket: who leads and who works with it.
  ["统筹", "lead"],
  ["主抓", "lead"],
  ["协抓", "support"],
  // 主责 / 主导 / 牵总 / 领衔 and 协作 / 参加: the same roles in other plans' words.
  ["主责", "lead"],
  ["主导", "lead"],
  ["牵总", "lead"],
  ["领衔", "lead"],
  ["协作", "support"],
  ["参加", "support"],
];

// A department-like name: an organ of government or a company (or the enterprises a task concerns,
// 相关企业, 各煤矿企业, 各燃煤电厂), not a vehicle or a pollutant. A note in brackets may follow (各县、区人民政府(管委会)).
const DEPARTMENT_NAME =
  /^(?:[市省县区各]|中国|人民银行|国家|国网|示范区)?.{0,24}?(?:(?<![布格大结开全变出当])局|委|委员会|办|办公室|中心|公司|分公司|集团|分行|支行|海关|社|政府|管委会|部|厅|院|所|队|段|台|室|站|处|(?<=[\u4e00-\u9fa5]{2})(?<![学专内外本])科|(?<=[\u4e00-\u9fa5]{2})机场|(?<=[\u4e00-\u9fa5]{2}港[\u4e00-\u9fa5]{0,4})港区|有关单位|有关部门|(?<=^各?(?:相关|有关))企业|(?<=^各[\u4e00-\u9fa5]{1,6})(?:企业|电厂)|(?<![各级相关有的头门合同作任管])部门|成员单位|(?<=^各.{0,3}|[\u4e00-\u9fa5]{2})(?:镇|街道|镇街)|(?<=^各)(?:区|县|县区|区县|县市区|县市))(?:[(（〔〈][^()（）〔〕〈〉]{1,12}[)）〕〉])?$/;

// A place or zone named alone in a list whose last member carries the body: 甲县、乙县政府 means
// 甲县政府 and 乙县政府.
// (各乡镇 is every township, a unit of its own: not one place waiting for the body after it.)
const BARE_PLACE =
  /^(?!各|有关|相关)(?:市)?(?:[\u4e00-\u9fa5]{2,16}?(?:县|区|市|镇|乡|街道|示范区|开发区|园区|新区|经开区)|[\u4e00-\u9fa5]县)$/;
// The level words of a collective (各县、区人民政府): not places, but parts of one name.
const LEVEL_WORDS = /^各?[省市县区]{1,3}$/;
/** The body a list's last member ends in, shared by the bare places before it. */
export const BODY_SUFFIX = /(?:人民政府|政府|管委会)(?:[(（〈][^()（）〈〉]{1,12}[)）〉])?$/;

const OPEN = "(（〔[［〖【";
const CLOSE = ")）〕]］〗】";

/** A bracketed stretch of text: where it opens and closes in its text, and what it holds. */
export interface Bracket {
  start: number;
  end: number;
  inner: string;
}

/** Top-level bracket pairs in a text; brackets nested inside (and 〈〉) do not count on their own. */
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

/**
 * The text with its brackets (those `which` picks, by default all) replaced by a full stop, so what
 * stands outside them reads as sentences of its own.
 */
export function outsideBrackets(text: string, which: (b: Bracket) => boolean = () => true): string {
  return findBrackets(text)
    .filter(which)
    .reverse()
    .reduce((t, b) => `${t.slice(0, b.start)}。${t.slice(b.end)}`, text);
}

/** Splits on a separator only outside 〈〉, () and 〔〕 so 各县〈市、区〉政府 stays whole. */
export function splitTopLevel(text: string, separators: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const c of text) {
    if ("〈(（〔".includes(c)) depth++;
    if ("〉)）〕".includes(c)) depth--;
    if (depth === 0 && separators.test(c)) {
      parts.push(current);
      current = "";
    } else current += c;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** "…等", "…等部门", "…等相关单位" closing a list: the list, not a name. */
// (…龙集镇等沿湖沿河乡镇: the kind after 等 says what the list is, it names no other unit.)
const ETC = /等(?:相关|有关|其他)?(?:部门|单位)?$|等[\p{Script=Han}]{0,8}?(?:乡镇|街道|镇街|部门|单位)$/u;
/** "甲局等某指挥部成员单位": 甲局 and the other members of a body named in full — a unit of its own. */
const ETC_MEMBERS = /等([\p{Script=Han}]{2,20}?成员单位)$/u;

/** A list without its closing "等…": the members of a named body stay as one more name. */
function withoutEtc(list: string): string {
  return list.replace(ETC_MEMBERS, "、$1").replace(ETC, "");
}

/** Whether a text is a department-like name (an organ of government or a company) and nothing more. */
export const isDepartmentName = (name: string) =>
  DEPARTMENT_NAME.test(name) && !/[,，。；;]|和各/.test(name) && !NOT_A_NAME.test(name); // 街道和各有关部门 is two, not one

/**
 * A heading's verb (强化部门协同, 加强部门联动) opens a task's title, not a name; 对所 / 对其 close a sentence's
 * subject before what it is answerable for (主采单位对所牵头作业面…负总责), not a name; 政府 alone is no one
 * government (各级党委和政府 is one subject).
 */
const NOT_A_NAME = /^(?:加强|强化|推进|推动|深化|完善|健全|严格|提升|做好)|对[所其本]$|^政府$/;

/** A name as written and the name it stands for once a shared body is restored (甲县 → 甲县政府). */
export interface NamePiece {
  written: string;
  full: string;
}

/**
 * Splits a list of names on 、, and on 和 only where both halves are names (市工业和信息化局 stays).
 * Bare places before a last member that ends in a body take that body (甲县、乙县政府); level words
 * before it make one collective name (各县、区人民政府(管委会)). Null when a piece is not a name.
 */
export function splitNames(list: string): NamePiece[] | null {
  const pieces = splitTopLevel(withoutEtc(list), /[、]/);
  const last = pieces.at(-1);
  if (!last) return null;
  // 甲区、乙区人民政府和丙管委会: the bare places take the body of the name right after them.
  const body = BODY_SUFFIX.exec(joinedPair(last)?.[0] ?? last)?.[0];
  if (body && pieces.length > 1 && pieces.slice(0, -1).every((p) => LEVEL_WORDS.test(p))) {
    const whole = withoutEtc(list).trim();
    return isDepartmentName(last) ? [{ written: whole, full: whole }] : null;
  }
  const names: NamePiece[] = [];
  for (const piece of pieces) {
    // 甲镇、乙镇人民政府: a town named alone before a government takes its body, though 甲镇 is a name too.
    if (body && piece !== last && BARE_PLACE.test(piece)) {
      names.push({ written: piece, full: `${piece}${body}` });
      continue;
    }
    if (isDepartmentName(piece)) {
      const pair = joinedPair(piece);
      if (pair) names.push(...pair.map((name) => ({ written: name, full: name })));
      else names.push({ written: piece, full: piece });
    } else if (body && piece !== last && BARE_PLACE.test(piece)) {
      names.push({ written: piece, full: `${piece}${body}` });
    } else if (names.at(-1)?.full.startsWith("各") && isDepartmentName(`各${piece}`)) {
      // 各镇、街道: the 各 before the first unit is the next one's too.
      names.push({ written: piece, full: `各${piece}` });
    } else return null;
  }
  return names.length > 0 ? names : null;
}

/** Two names a 和 or 及 joins, where both halves are names (市工业和信息化局 stays one); null otherwise. */
function joinedPair(piece: string): [string, string] | null {
  const at = [piece.indexOf("和"), piece.indexOf("及")].filter((i) => i > 0).sort((a, b) => a - b)[0] ?? -1;
  const left = piece.slice(0, at);
  const right = piece.slice(at + 1);
  return at > 0 && isDepartmentName(left) && isDepartmentName(right) ? [left, right] : null;
}

/** The role verb a clause ends in and the names before it; null when it ends in none. */
function splitVerb(clause: string): { names: string; role: Role } | null {
  // 由市生态环境局牵头 / 此项工作由县发展和改革局负责 / 改由X牵头 (a task's own lead in place of its
  // section's): 由 introduces the names.
  // …按职责分工负责，其中X牵头: 其中 picks the lead out of the names before it.
  // 责成X牵头，Y协同 / 请X支持: 责成 (charges) and 请 (asks) introduce the names as 由 does.
  const bare = clause
    .replace(/^其中/, "")
    .replace(
      /^(?:(?:此项|该项|本项|这项|本条|本点|该点)(?:工作|任务)?(?:各点)?均?)?(?:改|另|另行|另外|还)?由/,
      "",
    )
    .replace(/^(?:责成|请)/, "")
    // 此项X总盯，… / 本点Y专盯 — the task or point the clause stands under, said before the names.
    .replace(/^(?:此项|该项|本项|这项|本条|本点|该点|此点)(?:工作|任务)?[，,]?\s*(?=[\u4e00-\u9fa5])/, "")
    // X统筹本项 / Y负责本条: the task the clause stands under is the one it speaks of.
    .replace(/(?<=\p{Script=Han}{2})(?:本项|本条|该项)$/u, "")
    // 在X、Y配合下，由Z牵头: the units whose help the task has (配合下, 协助下, 支持下) support it (a notice
    // defining 配合下 as a role word leaves 在X配合).
    .replace(/^在(.+?)(?:的)?(配合|协助|支持|协同)下?$/, "$1$2");
  for (const [verb, role] of ROLE_VERBS)
    if (bare.endsWith(verb)) return { names: bare.slice(0, -verb.length), role };
  // 由甲联合乙、丙实施: names acting together carry it out (the one before 联合 leads: see parseResponsibility).
  const joint = JOINTLY_CARRIED.exec(bare);
  if (joint) return { names: joint[1] as string, role: "responsible" };
  // X牵头并负责项目审批，Y负责节能审查: the verb and then the unit's own part of the task.
  const duty = VERB_THEN_DUTY.exec(bare);
  if (duty && splitNames(duty[1] as string))
    return { names: duty[1] as string, role: dutyRole(duty[2] as string) };
  return null;
}

/** 前2位牵头 / 前两位单位牵头 / 首位牵头: after a list of names, how many of its first lead. */
const FIRST_N_LEAD =
  /^(?:前\s*([\d一二两三四五六七八九十]+)\s*(?:位|个|家)(?:单位)?|首位|第一位|排名?第一的?)(?:单位)?(?:为)?牵头(?:单位)?$/;

/** 甲联合乙、丙实施: a department acting with others, and 实施 (no role word alone) after them. */
const JOINTLY_CARRIED = /^(.+?联合(?!会).+?)(?:共同)?实施$/;

/** Names, a role verb, then what the unit does (牵头并负责…, 负责…, 配合…). */
const VERB_THEN_DUTY = /^(.+?)(牵头并负责|牵头负责|牵头|负责|配合|参与|协助)(?=[\u4e00-\u9fa5]{2,})/;
const dutyRole = (verb: string): Role =>
  verb.startsWith("牵头") ? "lead" : verb === "负责" ? "responsible" : "support";

/** Whether a word is one of the genre's role verbs itself (牵头, 配合 …). */
export function isRoleVerb(word: string): boolean {
  return ROLE_VERBS.some(([verb]) => verb === word);
}

/** The role a verb of the genre says (负责 → responsible), or null for a word that is none. */
export function roleOfVerb(word: string): Role | null {
  return ROLE_VERBS.find(([verb]) => verb === word)?.[1] ?? null;
}

/** Whether a text says a role anywhere (牵头, 负责, 配合, 主办 …). */
export function hasRoleVerb(text: string): boolean {
  return ROLE_VERBS.some(([verb]) => text.includes(verb));
}

/** The verb each role is read with when a plan writes names alone. */
export const BARE_VERB: Readonly<Record<Role, string>> = {
  lead: "牵头",
  responsible: "负责",
  support: "配合",
};

/**
 * Names written with no role word (（自治区发展改革委、自治区工业和信息化厅）, ——市能源局), read with the role
 * the plan gives them; null when they are not all names.
 */
export function parseBareNames(
  text: string,
  role: Role,
  canonical: Canonicalise = (w) => canonicalDepartment(w),
): Responsibility | null {
  // （市农业农村局；2025年12月底前）, （市能源局，2025年9月底前）: the time limit beside the names is none of them.
  const names = splitTopLevel(
    text.replace(/[，,]\s*([^，,；;]+)$/, (all, last: string) => (isTimeLimit(last) ? "" : all)),
    /[；;]/,
  )
    .filter((part) => !isTimeLimit(part) && !TIME_LABELLED.test(part.trim()))
    .join("；");
  if (names.trim() === "") return null;
  return parseResponsibility(`${names}${BARE_VERB[role]}`, canonical);
}

/** Gives a written name its canonical spelling (a document's own folds). */
export type Canonicalise = (written: string) => string;

/** Turns names as written into department references with a role. */
export function refs(pieces: readonly NamePiece[], role: Role, canonical: Canonicalise): DepartmentRef[] {
  return pieces.map((p) => ({ name: canonical(p.full), role, written: p.written }));
}

/**
 * A list that writes the level once (市发展改革局、工业和信息化局参与; 市生态环境局、市场监管局牵头)
 * means it for every department after it: a genre department written without a level takes the
 * level of the last one written with it, within the bracket. Other names stay as written.
 */
function shareLevel(departments: readonly DepartmentRef[], canonical: Canonicalise): DepartmentRef[] {
  const directory = sharedDepartments();
  let level: string | null = null;
  return departments.map((d) => {
    const info = directory.describe(d.name);
    if (info.level !== null) {
      level = info.level;
      return d;
    }
    // 各镇（街道）, 供电部门, 街道办事处, 相关企业: every one of them, or a side of no level, with no level to share.
    if (level === null || /^各|部门$|^街道|企业$/.test(d.name)) return d;
    const prefixed = directory.describe(`${level}${d.name}`);
    const same = info.group !== null && prefixed.group === info.group && prefixed.level === level;
    return same ? { ...d, name: canonical(`${level}${d.name}`) } : d;
  });
}

/** What a responsibility parenthesis says: its departments, and any standing note in it. */
export interface Responsibility {
  departments: DepartmentRef[];
  /** "以下各项任务均需…负责落实,不再列出": the note verbatim with the departments it names. */
  standingNote: { text: string; departments: DepartmentRef[] } | null;
}

/**
 * A time limit standing alone in a clause: 2024年10月底前, 全年持续推进, 长期坚持, 常态推进, 第三季度末, 2025年9月30日前销号,
 * 2025年9月底前完成专项检查, 年内见效 (a named time and the word the notice dates with).
 */
const TIME_LIMIT =
  /^(?:(?:完成)?时限[:：]\s*)?(?:每年|每季度|每月)?(?:(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:上旬|中旬|下旬|底|末|年底|年末)?(?:前|以前|之前)?(?:分阶段|分批|分步)?(?:完成|办结|销号)?[、，,至到—\-～~]?)+$|^(?:\d{4}年)?(?:(?:第)?[一二三四1-4]季度|[上下]半年)(?:末|底)?(?:前|以前|之前)?$|^(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:上旬|中旬|下旬|底|末)?(?:前|以前|之前)(?:完成|办结|建成|实现)[\u4e00-\u9fa5]{1,10}$|^(?:全年|长期|持续|常态化?)(?:持续)?(?:推进|坚持|开展|办理)?$|^(?:完成时限[:：]\s*)?20\d\d[.．]\d{1,2}$|^(?:年内|年中|年底|[上下]半年|(?:第)?[一二三四]季度(?:末|底)?|采暖[期季]|供暖[期季])(?:前|以前|之前)?(?:完成[\u4e00-\u9fa5]{0,10}|[\u4e00-\u9fa5]{2})?$/;
/** A time limit standing alone, or one counted from the document's issue (方案印发后2个月内). */
/** 3月启动 / 2025年4月开始: when a task starts, beside when it must be done (3月启动，9月底前完成). */
const START_TIME = /^(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|上旬|中旬|下旬|初|底)?(?:启动|开始|起)$/;
const isTimeClause = (written: string) => {
  // 限2025年10月31日前完成: 限 ("by") before the date adds nothing to it.
  const clause = written.replace(/^限(?=\d{4}年|\d{1,2}月)/, "");
  return (
    TIME_LIMIT.test(clause) ||
    START_TIME.test(clause) ||
    countedFromIssue(clause) ||
    sameTimeAs(clause) ||
    // (盯至7月底, 持续至年底 — a verb carried on to a time: that time.)
    /^[\u4e00-\u9fa5]{1,3}至(?:(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|底|末)?|年底|年末)(?:前)?$/.test(clause) ||
    // (长盯, 长期 — a clause of two characters saying the work goes on: no time limit.)
    /^长[\u4e00-\u9fa5]$/.test(clause) ||
    // (2025年3月起，6个月 — a start and how many months the work takes.)
    /^(?:工期)?\d{1,2}个(?:自然)?月(?:内)?$/.test(clause) ||
    (STAGE_TIME.test(clause) && !hasRoleVerb(clause))
  );
};
/** 整治提升方案2025年8月底前制定 / 整治验收2025年12月底前完成: a stage of the task and when it is due. */
const STAGE_TIME =
  /^[\u4e00-\u9fa5]{0,10}(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:上旬|中旬|下旬|底|末)?(?:前|以前|之前)[\u4e00-\u9fa5]{0,8}$/;

/** A time limit, or stages each with its own (2025年6月底前完成排查，2025年10月底前完成整治). */
export function isTimeLimit(text: string): boolean {
  // 十月底前: months and days in Chinese numerals read as in Arabic ones.
  const t = withArabicDates(text.trim()).text;
  return isTimeClause(t) || (/[，,]/.test(t) && t.split(/[，,]/).every((p) => isTimeClause(p.trim())));
}

/** 节点：夏季禁烧2025年6月底前，… / 完成时限：… / 〔完成时限〕… — a labelled time limit, whatever it says, names no one. */
const TIME_LABELLED = /^[〔【]?(?:\p{Script=Han}{0,4}(?:节点|时限|时间|期限)|时间要求)\s*(?:[:：]|[〕】])/u;

/** （X牵头，Y配合；2025年6月底前；3分）: the points a task weighs in the plan's assessment name no one. */
const SCORE = /^(?:(?:考核)?分值\s*[:：]?\s*)?\d+(?:\.\d+)?\s*分$/;

/** A line giving a time limit under its label (完成时限：…, 〔完成时限〕…, 销号时限：…). */
export function isTimeLabelLine(line: string): boolean {
  return TIME_LABELLED.test(line.trim());
}

/**
 * 分工： / 职责分工： / 作战分工： / 本项分解： / 责任落实： / 交办意见： / 推进机制： / 项目化安排： at the head of a line of
 * clauses, or 此项工作，/ 此点工作，opening a paragraph of them: a label that says no role itself.
 */
const DIVISION_HEAD =
  /^\s*(?:(?:本[项条点])?(?:[\u4e00-\u9fa5]{0,4}(?:分工|分解|安排)|[\u4e00-\u9fa5]{2}机制|责任落实|(?:交办|办理|分工|落实)意见)\s*[:：]|此[项条点](?:工作|任务)\s*[，,:：]|※)\s*/;

/**
 * Whether a line is nothing but roles and a time (在X配合下，由Y牵头，Z负责落实，长期坚持。): no task in it. A point's
 * own line (本点由…) is the point's.
 */
export function isRoleSentence(line: string): boolean {
  const sentence = line.trim().replace(/[。.]$/, "");
  if (/^(?:本点|该点)/.test(sentence) || !hasRoleVerb(sentence)) return false;
  // Every clause ends in its role (not 由X负责解释: a duty after the verb is a task's words) or says when.
  const bare = (clause: string) =>
    isTimeClause(clause) ||
    ROLE_VERBS.some(([verb]) => clause.endsWith(verb)) ||
    JOINTLY_CARRIED.test(clause) ||
    /(?:配合|协助|支持|协同)下$/.test(clause);
  if (!splitTopLevel(sentence, /[，,；;]/).every(bare)) return false;
  return (parseResponsibility(sentence)?.departments.length ?? 0) > 0;
}

/** Whether a line is a task's division of labour in clauses (分工：X牵头；Y负责；Z配合。时限：…). */
export function isDivisionLine(line: string): boolean {
  return DIVISION_HEAD.test(line);
}

const STANDING_NOTE = /^以下(?:各项)?(?:任务|工作)?均(?:需|由)(.+?)(?:[,，]不再(?:一一)?列出)?$/;

/**
 * 市发展和改革委员会（主责）、市生态环境局（协同）、隆阳区人民政府（属地）: every name with its role in a bracket after
 * it, written as the clause 甲主责，乙协同，丙属地. Null unless every name is so marked with a role's word.
 */
function rolesAfterNames(sentence: string): string | null {
  const pieces = splitTopLevel(sentence.trim(), /[、，,]/).map((p) => p.trim());
  const clauses: string[] = [];
  for (const piece of pieces) {
    const m = /^(.+?)\s*[（(]([\p{Script=Han}]{1,6})[）)]$/u.exec(piece);
    if (!m || roleOfVerb(m[2] as string) === null) return null;
    clauses.push(`${m[1]}${m[2]}`);
  }
  return clauses.length > 0 ? clauses.join("，") : null;
}

/** A department named twice keeps its strongest role (lead > responsible > support) and first place. */
export function strongestRoles(departments: readonly DepartmentRef[]): DepartmentRef[] {
  const rank: Record<Role, number> = { lead: 0, responsible: 1, support: 2 };
  const unique = new Map<string, DepartmentRef>();
  for (const d of departments) {
    const prev = unique.get(d.name);
    if (!prev || rank[d.role] < rank[prev.role]) unique.set(d.name, d);
  }
  return [...unique.values()];
}

/**
 * Reads a bracket's content as a responsibility clause; null when it is something else. A list of
 * names without a verb takes the verb of the clause after it (各县(市、区)政府,…管委会负责落实).
 * `canonical` gives a written name its canonical spelling (a document's own folds); by default only
 * brackets and spaces are normalised.
 */
export function parseResponsibility(
  inner: string,
  canonical: Canonicalise = (w) => canonicalDepartment(w),
  besideLead: Role | null = null,
): Responsibility | null {
  const departments: DepartmentRef[] = [];
  let standingNote: Responsibility["standingNote"] = null;
  for (const written of splitTopLevel(inner, /[。；;｜]/)) {
    // 分工：X牵头；Y负责；Z配合 — a label that says no role heads clauses that each say their own.
    const unlabelled = written.replace(DIVISION_HEAD, "");
    const sentence = rolesAfterNames(unlabelled) ?? unlabelled;
    // (X牵头，Y配合；2024年10月底前): the time limit beside the names is no name.
    if (isTimeLimit(sentence) || TIME_LABELLED.test(sentence.trim()) || SCORE.test(sentence.trim())) continue;
    const note = STANDING_NOTE.exec(sentence);
    if (note) {
      const clause = splitVerb(note[1] as string);
      const names = clause && splitNames(clause.names);
      if (!clause || !names) return null;
      standingNote = { text: sentence, departments: refs(names, clause.role, canonical) };
      continue;
    }
    // 责任单位：A、B。以下各项任务均需…: a labelled list beside a standing note in one bracket.
    if (startsWithLabel(sentence)) {
      const labelled = parseLabelledResponsibility(sentence, canonical);
      if (labelled.length === 0) return null;
      departments.push(...labelled);
      continue;
    }
    let waiting: NamePiece[] = [];
    let led = false;
    for (const clause of splitTopLevel(sentence, /[,，]/)) {
      // 〔X牵头，Y配合，2025年9月底前〕: a time limit after a comma is no name either.
      if (isTimeClause(clause.trim())) continue;
      const verb = splitVerb(clause);
      // (甲会同乙、丙负责, 由甲联合乙、丙实施): the department before 会同 leads, those it acts with support.
      const together =
        verb && verb.role !== "support" ? /^(.+?)(?:会同|联合(?!会))(.+)$/.exec(verb.names) : null;
      if (together) {
        const leads = splitNames(together[1] as string);
        const partners = splitNames(together[2] as string);
        if (!leads || !partners) return null;
        departments.push(
          ...refs([...waiting, ...leads], "lead", canonical),
          ...refs(partners, "support", canonical),
        );
        led = true;
        waiting = [];
        continue;
      }
      // (A、B、C，前2位牵头；date): the first names written lead, the others support.
      const first = FIRST_N_LEAD.exec(clause.trim());
      if (first && waiting.length > 0) {
        const n = first[1] ? (parseSmallNumeral(first[1]) ?? 1) : 1;
        departments.push(
          ...refs(waiting.slice(0, n), "lead", canonical),
          ...refs(waiting.slice(n), "support", canonical),
        );
        led = true;
        waiting = [];
        continue;
      }
      const names = splitNames(verb ? verb.names : clause);
      if (!names) return null;
      if (!verb) {
        waiting = [...waiting, ...names];
        continue;
      }
      departments.push(...refs([...waiting, ...names], verb.role, canonical));
      led ||= verb.role === "lead";
      waiting = [];
    }
    // (X牵头，Y、Z): names after the lead with no verb take the role the plan's opening gives them.
    if (waiting.length > 0 && led && besideLead) {
      departments.push(...refs(waiting, besideLead, canonical));
      waiting = [];
    }
    if (waiting.length > 0) return null; // names that nothing is said of: not a clause
  }
  if (departments.length === 0 && !standingNote) return null;
  // A、B、C按职责分工负责，其中A牵头 (or A、B、C按职责负责，A汇总 — a lead named again among them): the
  // others take the role the plan gives names beside a lead.
  const leads = new Set(departments.filter((d) => d.role === "lead").map((d) => d.name));
  const responsible = new Set(departments.filter((d) => d.role === "responsible").map((d) => d.name));
  // (X牵头，Y等按职责分工负责) where the notice says the others beside a lead support (注明“牵头”的为牵头单位，
  // 其余单位为配合单位): Y supports.
  const among =
    besideLead !== null &&
    (/(?:^|[，,；;])\s*其中/.test(inner) ||
      (leads.size > 0 && [...leads].every((name) => responsible.has(name))) ||
      (leads.size > 0 && /按职责(?:分工)?负责/.test(inner)));
  const named = among
    ? departments.map((d) =>
        d.role === "responsible" && !leads.has(d.name) ? { ...d, role: besideLead } : d,
      )
    : departments;
  return { departments: strongestRoles(shareLevel(named, canonical)), standingNote };
}

/**
 * Labels that name the departments of an item in the county and 2018-era forms: a line or sentence
 * 责任单位：县工信局（牵头），县自然资源局、… or (牵头单位：…；配合单位：…；完成时限：…).
 */
const LABELS: ReadonlyArray<readonly [RegExp, Role]> = [
  // 主要责任单位 leads beside its 其他责任单位, as plans written so say.
  [
    /^(?:牵头单位|牵头部门|主责单位|主责部门|主办单位|主办部门|承办单位|承办部门|牵头|主办|督导|督导单位|指导部门|指导单位|主要责任单位)$/,
    "lead",
  ],
  [
    /^(?:配合单位|配合部门|参与单位|参与部门|协作单位|协作部门|协办单位|协办部门|会办单位|会办部门|协同单位|协同部门|协助单位|协助部门|配合|参与|会办|支持|其他责任单位|次要责任单位|成员单位)$/,
    "support",
  ],
  [
    /^(?:责任单位|责任部门|负责单位|负责部门|承接单位|承接部门|实施单位|落实单位|责任主体|实施主体|责任分工|任务分工|责任|落实|负责|监管|属地)$/,
    "responsible",
  ],
];
/**
 * The role verbs of the genre that may stand as a label (〈领衔：X｜协同：Y〉, 主导：X, 牵头落实：X), or be joined to
 * their names by a dash (牵头—X): the verb says the role. Longer verbs first, so 牵头负责： is not read as 负责：.
 */
export const LABEL_VERBS: readonly string[] = ROLE_VERBS.map(([verb]) => verb)
  .filter((verb) => verb.length <= 4 && !/^为/.test(verb))
  .sort((a, b) => b.length - a.length);
const VERB_LABEL = LABEL_VERBS.map((verb) => `${verb}(?=\\s*[:：])`).join("|");
/**
 * A kind of unit none of the above names, standing as a label where a list begins (（项目长单位：…；成员单位：…）,
 * 主责任单位：, 协同责任单位：): its role is read from its words ({@link roleByWord}).
 */
const ANY_UNIT_LABEL = String.raw`(?<=^|[（(〔【［\[；;，,。\s])[\u4e00-\u9fa5]{1,4}(?:单位|部门)(?:及(?:完成)?(?:时限|时间|期限))?(?=\s*[:：])`;
/** The labels the genre is known to use, without a kind of unit read by its words alone. */
const KNOWN_LABELS = String.raw`主要责任单位|其他责任单位|次要责任单位|牵头单位|牵头部门|主责单位|主责部门|主办单位|主办部门|承办单位|承办部门|督导单位|指导部门|指导单位|实施主体|责任分工|任务分工|配合单位|配合部门|参与单位|参与部门|协办单位|协办部门|会办单位|会办部门|协同单位|协同部门|协助单位|协助部门|成员单位|责任单位|责任部门|负责单位|负责部门|承接单位|承接部门|实施单位|落实单位|责任主体|[\u4e00-\u9fa5]{0,2}(?:牵头|承办|指导|督导|协作|协同|协助|配合|参加|参与|会办)(?:单位|部门)|牵头|配合|参与|分工(?=\s*】)|会办(?=\s*[:：])|承办(?=\s*[:：])|责任(?=\s*[:：])|监管(?=\s*[:：])|属地(?=\s*[:：])|${VERB_LABEL}`;
const labelPattern = (alternatives: string) => String.raw`[【〔]?(${alternatives})\s*(?:[:：]|[】〕])`;
const KNOWN_LABEL = new RegExp(`^${labelPattern(KNOWN_LABELS)}`);
const LABEL = new RegExp(labelPattern(`${KNOWN_LABELS}|${ANY_UNIT_LABEL}`), "g");
/**
 * The role of a label none of the above names (县直指导部门, 协作单位, 项目长单位): by its role word — who
 * leads (牵头, 承办, 指导, 主, 长 …) or who helps (协作, 协同, 配合, 成员 …); else one responsible (属地责任单位).
 */
function roleByWord(label: string): Role {
  // 主责任单位, 项目长单位, 首办单位, 领办单位, 总牵头单位, 召集单位: the one who heads the task.
  if (/牵头|承办|指导|督导|统筹|召集|主(?!体)|长|首|领|总/.test(label)) return "lead";
  // 协同责任单位, 成员单位, 辅助单位, 联办单位, 支持部门: those who help.
  if (/协|配合|参加|参与|会办|成员|辅|助|支持|联/.test(label)) return "support";
  return "responsible";
}
/** A deadline's label that may follow a labelled list on its line. */
const DEADLINE_LABEL =
  /(?:完成时限|完成时间|完成期限|完成节点|截止时间|时间要求|时限要求|时限|期限|时间节点)\s*[:：]/;
/** A role written after a name in a labelled list: 县工信局（牵头）, 县农业农村局（主）. */
const ROLE_MARK = new RegExp(
  `[(（](${ROLE_VERBS.map(([verb]) => verb)
    .filter((verb) => !verb.startsWith("为"))
    .join("|")}|主)[)）]$`,
);

const LABEL_AT_START = new RegExp(`^${LABEL.source}`);

/** Whether `${word}单位` is a label the genre is known to use (牵头单位, 成员单位), not just any kind of unit. */
export function isKnownUnitLabel(word: string): boolean {
  return KNOWN_LABEL.test(`${word}单位：`);
}

/** Whether a line opens with a responsibility label (责任单位：, 责任分工：, 牵头单位：). */
export function startsWithLabel(line: string): boolean {
  return LABEL_AT_START.test(line);
}

/**
 * Whether the text from `at` up to its next semicolon or full stop goes on the list: names closed by a
 * role mark (C、D（参与配合）), or a unit with its own time limit or none (市生态环境局（配合）：2024年12月底前；市自然资源局).
 */
function markedGroupFollows(text: string, at: number): boolean {
  const group = /^[^；;。\n]*/.exec(text.slice(at))?.[0].trim() ?? "";
  if (group === "" || startsWithLabel(group)) return false;
  if (ROLE_MARK.test(group)) return true;
  // 本条分包：X总包；Y、Z分包；W协作 — groups each closed by their role's verb.
  const verb = splitVerb(withoutOwnTime(group).replace(/[。]$/, ""));
  if (verb && splitNames(verb.names) !== null) return true;
  const unit = withoutOwnTime(group).replace(ROLE_MARK, "");
  // 时段：全年 / 推进时段：… is a time's label, no unit.
  if (/[:：]/.test(unit) || /时段|时限|时间|期限|节点/.test(unit)) return false;
  return splitNames(unit) !== null && !hasRoleVerb(unit);
}

/** A unit's own time limit after a colon (市工业和信息化局（牵头）：2025年12月底前) taken off. */
function withoutOwnTime(piece: string): string {
  const colon = piece.search(/[:：]/);
  return colon > 0 && isTimeLimit(piece.slice(colon + 1)) ? piece.slice(0, colon).trim() : piece;
}

/** The list after a label: up to the end of its sentence or line, or the bracket it stands in. */
function labelledList(text: string, from: number): string {
  let depth = 0;
  let i = from;
  // The next label ends this one's list (牵头单位：A 配合单位：B on one line), as does a deadline's
  // label on the same line (责任单位：A、B　完成时限：…).
  const next = new RegExp(`${LABEL.source}|${DEADLINE_LABEL.source}`, "y");
  for (; i < text.length; i++) {
    next.lastIndex = i;
    if (i > from && depth === 0 && next.test(text)) break;
    const c = text[i] as string;
    if ("(（〔[".includes(c)) depth++;
    else if (")）〕]".includes(c)) {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && "；;".includes(c) && markedGroupFollows(text, i + 1)) {
      // 责任分工：A、B（牵头负责）；C（参与配合）: groups each closed by their role run on.
    } else if (depth === 0 && "；;。\n｜|".includes(c)) break; // 主送：X｜分送：Y: a bar parts fields
  }
  return text.slice(from, i).trim();
}

/**
 * The departments of labelled lists in an item (责任单位：…, 牵头单位：…；配合单位：…). A name marked
 * （牵头） leads whatever the label says; a clause ending in a role verb (…按职责分工负责) takes it; a
 * piece that is not a department name is skipped. Empty when the item has no such label.
 */
/**
 * A labelled list broken over lines, as text copied from a PDF page is (责任单位：…、市市\n场监督管理局):
 * a line of a list that ends after a 、 or inside a name (no department name closes it) runs on into the
 * next line; a list ending on a whole name does not (the next task begins there).
 */
function joinBrokenLists(text: string): string {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  let inList = false;
  for (const line of lines) {
    const t = line.trim();
    const previous = out.at(-1);
    // A page number or blank line inside a list keeps it open.
    if ((t === "" || PAGE_NUMBER.test(t)) && inList) continue;
    if (inList && previous !== undefined && t !== "" && !startsWithLabel(t)) {
      const last =
        previous
          .split(/[、，,：:\u3000]/)
          .at(-1)
          ?.trim() ?? "";
      if (/[、，,]$/.test(previous) || (last !== "" && !isDepartmentName(last))) {
        out[out.length - 1] = previous + t;
        inList = true;
        continue;
      }
    }
    out.push(t);
    inList = startsWithLabel(t) || (inList && /[、，,]$/.test(t));
  }
  return out.join("\n");
}

/** A page's number printed in its footer (— 3 —), as text copied from a PDF keeps it. */
const PAGE_NUMBER = /^[—–-]\s*\d+\s*[—–-]$/;

export function parseLabelledResponsibility(
  text: string,
  canonical: Canonicalise = (w) => canonicalDepartment(w),
  othersAfterLead: Role | null = null,
  unmarkedBesideLead: Role | null = null,
): DepartmentRef[] {
  const departments: DepartmentRef[] = [];
  const joined = joinBrokenLists(text);
  for (const m of joined.matchAll(LABEL)) {
    const label = m[1] as string;
    const role = LABELS.find(([re]) => re.test(label))?.[1] ?? roleOfVerb(label) ?? roleByWord(label);
    const list = labelledList(joined, (m.index as number) + m[0].length);
    // 【诊治分工】牵头：X；… — a tag over labelled fields names no list of its own.
    if (/[】〕]$/.test(m[0]) && KNOWN_LABEL.test(list.trimStart())) continue;
    // The plan's convention (排在第一位的为牵头单位，其余为配合单位) for a 责任单位 list marking no role.
    // (属地：X镇 — where the task is carried out locally — is no list whose order says roles.)
    const byPlace =
      othersAfterLead !== null &&
      role === "responsible" &&
      label !== "属地" &&
      !/[(（](?:牵头|负责|配合|参与)/.test(list);
    // The plan's convention (标注（牵头）的为牵头单位，未标注的为配合单位) for the unmarked names of a list
    // that marks its lead.
    const besideLead =
      unmarkedBesideLead !== null && role === "responsible" && /[(（](?:牵头|主)[)）]/.test(list);
    let placed = 0;
    const inOrder = (): Role => (placed++ === 0 ? "lead" : (othersAfterLead as Role));
    // 责任分工：A、B（牵头负责）；C（参与配合）: groups parted by semicolons, each closed by its role.
    const grouped = /[；;]/.test(list);
    // 〔责任单位〕甲　乙　丙: names parted by full-width spaces, as by commas.
    const parts = splitTopLevel(withoutEtc(list).trim(), grouped ? /[,，；;\u3000]/ : /[,，\u3000]/);
    for (const clause of parts.filter((p) => p.trim() !== "").map(withoutOwnTime)) {
      const verb = splitVerb(clause);
      // A role may be marked on any piece (市生态环境局（牵头）、市发展改革委); on the last piece of a list
      // sharing one body (甲镇、乙乡人民政府（牵头）) it is the whole list's, and so it is of a group.
      const pieces = splitTopLevel(withoutEtc(verb ? verb.names : clause), /[、]/);
      const own = pieces.map((p) => ROLE_MARK.exec(p));
      const closing = own.at(-1) ?? null;
      const groupMark = grouped && closing && own.slice(0, -1).every((m) => m === null) ? closing : null;
      const marks = own.map((m) => m ?? groupMark);
      const roleOf = (mark: RegExpExecArray | null): Role =>
        mark
          ? mark[1] === "主"
            ? "lead"
            : (roleOfVerb(mark[1] as string) as Role)
          : (verb?.role ?? (byPlace ? inOrder() : besideLead ? (unmarkedBesideLead as Role) : role));
      const stripped = pieces.map((p, i) => (own[i] ? p.slice(0, own[i]?.index) : p));
      const whole = splitNames(stripped.join("、"));
      const sharedBody = whole?.some((n) => n.full !== n.written) ?? false;
      if (whole && whole.length === pieces.length && !sharedBody) {
        whole.forEach((name, i) => {
          departments.push(...refs([name], roleOf(marks[i] ?? null), canonical));
        });
        continue;
      }
      if (whole) {
        departments.push(...refs(whole, roleOf(marks.at(-1) ?? null), canonical));
        continue;
      }
      // A labelled list names departments by definition: a piece that is not a name is passed over.
      stripped.forEach((piece, i) => {
        const names = splitNames(piece);
        if (names) departments.push(...refs(names, roleOf(marks[i] ?? null), canonical));
      });
    }
  }
  const read = strongestRoles(shareLevel(departments, canonical));
  // 责任单位：甲、乙、丙，其中甲为牵头单位: the others take the role the plan gives names beside a lead.
  if (unmarkedBesideLead !== null && /[，,]\s*其中/.test(joined) && read.some((d) => d.role === "lead"))
    return read.map((d) => (d.role === "responsible" ? { ...d, role: unmarkedBesideLead } : d));
  // A note line under the list (备注：乙牵头) picks its lead; the others take the role the plan gives
  // names beside a lead, else stay as listed.
  const noted = read.length > 0 ? notedLeads(joined, canonical) : [];
  if (noted.length > 0) {
    const leads = new Set(noted.map((d) => d.name));
    return [
      ...read.map((d) =>
        leads.has(d.name)
          ? { ...d, role: "lead" as const }
          : d.role === "responsible" && unmarkedBesideLead !== null
            ? { ...d, role: unmarkedBesideLead }
            : d,
      ),
      ...noted.filter((d) => !read.some((r) => r.name === d.name)),
    ];
  }
  return read;
}

/** 备注：市住房和城乡建设局牵头 — a note line under a task's lists. */
const NOTE_LINE = /(?:^|\n)[\s\u3000]*(?:备注|说明)\s*[:：]\s*([^\n]+)/g;

/** The leads a note line under a task's lists names (备注：乙牵头). */
function notedLeads(text: string, canonical: Canonicalise): DepartmentRef[] {
  return [...text.matchAll(NOTE_LINE)].flatMap(
    (m) =>
      parseResponsibility((m[1] as string).replace(/[。；;]$/, ""), canonical)?.departments.filter(
        (d) => d.role === "lead",
      ) ?? [],
  );
}

/**
 * A sentence opening with departments that are told to act: 县财政局要统筹安排…, 市生态环境局牵头组织…,
 * and the department-first form 区生态环境局：负责…；区公安局：配合….
 */
const SUBJECT =
  /^((?:[\u4e00-\u9fa5（）()]{2,24}?、)*[\u4e00-\u9fa5（）()]{2,24}?)\s*(?:[：:]\s*)?(按职责分工负责|按职责负责|要|负责|牵头|会同|统筹|组织|配合|参与|协助)/;

/** What follows 要 when it says the role: 要牵头, 要会同, 要积极配合, 要派员配合, 要给予指导. */
const TOLD_TO = /^(?:积极|主动|全力|密切|派员|共同|及时)*(牵头|会同|配合|参与|协助|协同|给予指导)/;
const SUPPORTING = /^(?:配合|参与|协助|协同|给予指导)$/;
/** The verbs that tell a department after a comma what to do. */
const TOLD = /^(?:要|牵头|配合|参与|协助|负责|按职责分工负责|会同)$/;

/**
 * The departments an item without any clause names as the subjects of its sentences (县财政局要统筹
 * 安排专项资金): they carry it out — or lead it, when the verb is 牵头, or when they act 会同 others,
 * who then support. Empty when no sentence opens so.
 */
export function parseSubjectDepartments(
  text: string,
  canonical: Canonicalise = (w) => canonicalDepartment(w),
): DepartmentRef[] {
  const found: DepartmentRef[] = [];
  // Outside brackets that hold a clause: such a clause is read as a clause or not at all; a name's own
  // bracket (各县（市、区）人民政府) stays.
  const outside = outsideBrackets(text, (b) => parseResponsibility(b.inner) !== null);
  // Each sentence, and each of its clauses after a comma (…，市生态环境局要积极配合，…), may open so.
  const clauses = outside
    .split(/[。；;\n]/)
    // A closing ——X牵头，Y配合 is the whole item's clause, read as such or not at all.
    .filter((sentence) => !/^\s*——/.test(sentence))
    .flatMap((sentence) => splitTopLevel(sentence, /[，,]/).map((clause, n) => ({ clause, inner: n > 0 })));
  for (const { clause, inner } of clauses) {
    const opening = clause
      .replace(/^[\s\u3000]*(?:[(（][一二三四五六七八九十\d]+[)）]|\d+[.．、])?/, "")
      .trim();
    // A bracket left unread (a clause with a name the genre does not know) is no sentence's subject.
    if (/^[(（〔]/.test(opening)) continue;
    const m = SUBJECT.exec(opening);
    if (!m) continue;
    // After a comma, only a department told what to do (…，市商务局要配合) opens a clause of its own.
    if (inner && (!TOLD.test(m[2] as string) || /^[均由并和及分在对从将把为向经]/.test(opening))) continue;
    // 、 inside a name's bracket (各县（市、区）人民政府) parts no names; 物料堆场由X负责 names X.
    // 各镇人民政府、街道办事处和市直有关部门: 和 parts two names as it does in a clause.
    const listed = splitNames((m[1] as string).replace(/^.*由/, ""));
    if (!listed) continue;
    const names = listed.map((n) => n.full.trim());
    if (!names.every(isDepartmentName)) continue;
    // 要 says how: 要牵头 leads, 要积极配合 / 要派员配合 / 要给予指导 support.
    const verb = m[2] === "要" ? (TOLD_TO.exec(opening.slice(m[0].length))?.[1] ?? "要") : (m[2] as string);
    // A会同B、C: the department before 会同 leads, those after it support.
    const partners = verb === "会同" ? withWhom(clause.slice(clause.indexOf("会同") + 2)) : [];
    const role: Role =
      verb === "牵头" || partners.length > 0 ? "lead" : SUPPORTING.test(verb) ? "support" : "responsible";
    found.push(...names.map((written) => ({ name: canonical(written), role, written })));
    found.push(
      ...partners.map((written) => ({ name: canonical(written), role: "support" as Role, written })),
    );
  }
  return strongestRoles(found);
}

/**
 * The departments of a task listed under a heading that names its department (（二）区发展和改革局 →
 * 1．…): the heading's department leads — the others it acts 会同 with support — or, when the heading
 * names no department, none.
 */
export function headedDepartments(
  heading: string,
  task: string,
  canonical: Canonicalise = (w) => canonicalDepartment(w),
): DepartmentRef[] {
  const name = heading.trim();
  if (!isDepartmentName(name) || /[，。；、]/.test(name)) return [];
  const partners = [...task.matchAll(/会同/g)].flatMap((m) =>
    leadingNames(task.slice((m.index as number) + 2)),
  );
  return strongestRoles([
    { name: canonical(name), role: "lead" as Role, written: name },
    ...partners.map((written) => ({ name: canonical(written), role: "support" as Role, written })),
  ]);
}

/**
 * The departments a task opens with, as leads (市工业和信息化局组织…; 市发展改革委、市能源局组织实施…), after
 * its title when it has one ((二)开展涉气产业集群整治。市生态环境局对…). Empty when it opens with none.
 */
export function openingDepartments(
  text: string,
  canonical: Canonicalise = (w) => canonicalDepartment(w),
): DepartmentRef[] {
  const body = text.trim().replace(/^(?:\d{1,2}[.．、]|[(（][一二三四五六七八九十\d]{1,3}[)）])\s*/, "");
  const names = leadingNames(body);
  if (names.length > 0) return leads(names, canonical);
  // After a title, only names told to act (市生态环境局对…开展): 市林业局协同 is a support's own sentence.
  const afterTitle = body.replace(/^[^。；;]{2,40}[。；;]\s*/, "");
  const opening = afterTitle === body ? [] : leadingNames(afterTitle);
  const rest = afterTitle.slice(opening.join("、").length);
  return ROLE_SENTENCE.test(rest) ? [] : leads(opening, canonical);
}

/** What a sentence of roles says after its names: 协同, 具体实施, 配合, 负责. */
const ROLE_SENTENCE = /^(?:具体|共同|积极)?(?:实施|落实|协同|配合|参与|协助|负责|牵头)/;

function leads(names: readonly string[], canonical: Canonicalise): DepartmentRef[] {
  return names.map((written) => ({ name: canonical(written), role: "lead" as Role, written }));
}

/** The department names a text opens with, joined by 、 (区公安分局、区市场监督管理局开展…). */
function leadingNames(text: string): string[] {
  const parts = (text.split(/[，,。；;]/)[0] ?? "").split("、");
  const names: string[] = [];
  for (const part of parts) {
    const whole = part.trim();
    const name = isDepartmentName(whole) ? whole : nameAtStart(whole);
    if (!name || !isDepartmentName(name)) break;
    names.push(name);
    // The list ends where a name is followed by more words (区公安分局在春节…).
    if (name !== whole) break;
  }
  return names;
}

/** The department name a text starts with: its shortest name, with a sub-unit after it (…局某区分局). */
function nameAtStart(text: string): string | null {
  const end =
    /^[\u4e00-\u9fa5（）()]{2,20}?(?:局|委|委员会|办|办公室|中心|公司|集团|政府|管委会|大队|支队)/.exec(
      text,
    )?.[0];
  if (!end) return null;
  const sub = /^[\u4e00-\u9fa5]{0,6}?(?:分局|大队|支队|中队|分公司)/.exec(text.slice(end.length))?.[0];
  return sub ? end + sub : end;
}

/** The departments named after 会同, up to the first comma: 县工业和信息化局、县市场监管局，督促… */
function withWhom(rest: string): string[] {
  const names = splitTopLevel(rest.split(/[,，]/)[0] as string, /、/).map((n) => n.trim());
  return names.length > 0 && names.every(isDepartmentName) ? names : [];
}
