/**
 * What a plan states once for all its lists and tasks — in its opening, the notice that issues it, or at
 * its end (注：…): which name of a list leads (排在第一位的为牵头单位), how marked or unmarked names read
 * (带★的为牵头单位, 标注（牵头）的…), what its brackets mean (括号内所列单位为牵头单位, the semicolon rule), who
 * carries out every task (a standing note), the short names it uses, and the deadline or lead of the
 * tasks that name none; and the rewriting of a bracket by those rules into a clause the parser reads.
 */
import { canonicalDepartment, englishDepartment, escapeRegExp } from "./departments.js";
import { parseSmallNumeral } from "./numerals.js";
import {
  type CountedTime,
  countedDate,
  inYear,
  namedTimeUse,
  readCountedTimes,
  readNamedTimes,
} from "./phases.js";
import {
  BARE_VERB,
  BODY_SUFFIX,
  type Canonicalise,
  findBrackets,
  hasRoleVerb,
  isDepartmentName,
  isKnownUnitLabel,
  isRoleSentence,
  isRoleVerb,
  isTimeLimit,
  LABEL_VERBS,
  type NamePiece,
  refs,
  roleOfVerb,
  splitNames,
  splitTopLevel,
  startsWithLabel,
} from "./responsibility.js";
import type { DepartmentRef, Role } from "./schema.js";

/** What a plan's opening says of all its lists and tasks, once for the whole document. */
export interface PlanConventions {
  /** Times the notice names (“入冬前”指2025年11月14日前): word → the date it means. */
  namedTimes: ReadonlyMap<string, string>;
  /** The year of month-day codes the notice defines (【收口】后的四位数字为完成时间的月、日，年份均为2025年): 0930 → 2025-09-30. */
  monthDayYear: number | null;
  /** The day a month written alone means (“时限”只写月份的，均指2025年该月25日前完成 → 25); null: the month's end. */
  monthAloneDay: number | null;
  /** Times the notice counts in days from a date (“供热前N日”指自2025年10月1日往前推算N日, “D-N”): see readCountedTimes. */
  countedTimes: readonly CountedTime[];
  /**
   * Kinds of task the notice tags (【属地类】), each with how its brackets' units take their roles: the first leads
   * and the others support, or the local governments carry it out and the other units lead.
   */
  taskKinds: ReadonlyMap<string, TaskKindRule>;
  /**
   * Words the notice defines as roles (标注“领办”的单位为牵头单位, 表述为“按职能落实”的单位为责任单位): each
   * with the role it says, read as that role's usual verb in the plan's clauses; longest first.
   */
  roleWords: ReadonlyMap<string, Role>;
  /** Every word the notice defines as a role, a verb of the genre too (“【统筹】”后所列为牵头单位 → 统筹). */
  definedWords: ReadonlySet<string>;
  /**
   * Words the notice defines as a task's time limit (“报结”为该项任务的办结时限, “控期”为完成时限): a date
   * after one and its colon is the deadline, as after 完成时限：.
   */
  timeWords: readonly string[];
  /** Fields the notice names in lenticular brackets (每项任务后附【落实】段 → 落实): lines of a task, no titles. */
  fieldNames: ReadonlySet<string>;
  /**
   * "排在第一位的为牵头单位，其余为配合单位": in an unmarked 【责任单位】 list the first name leads and the
   * others take this role. Null when the plan says nothing of the kind.
   */
  othersAfterLead: Role | null;
  /**
   * "未列“统筹”单位的，由“承办”前列第一位的单位牵头": the rule speaks of a place with no lead marked, so
   * the first name there leads even when it stands alone.
   */
  firstLeadsAlone: boolean;
  /**
   * "配合单位在前、牵头单位在后…列于最后一位的单位为牵头单位": in a bracket of bare names the last leads and the others
   * support; `alone` when the notice says a name standing alone leads too (只列一个单位的，由该单位牵头负责).
   * Null when the plan says nothing of the kind.
   */
  lastLeads: { alone: boolean } | null;
  /**
   * "列于首位的区级部门为牵头单位…各镇街、各园区为属地责任单位": the first department of the plan's level leads,
   * and the towns, streets and parks among the names keep their own part wherever they stand.
   */
  firstOfLevel: boolean;
  /**
   * "标注（牵头）的为牵头单位，未标注的为配合单位": in a list marking its lead, the unmarked names take
   * this role. Null when the plan says nothing of the kind.
   */
  unmarkedBesideLead: Role | null;
  /**
   * "各项任务后括号内所列单位为牵头单位": the role of the names in a bracket that closes an item with
   * no role word. Null when the plan says nothing of the kind (they carry the task out).
   */
  bracketRole: Role | null;
  /** "各县（市、区）人民政府…是各项任务的落实主体，以下不再列出": who carries out every task. */
  standingNote: { text: string; departments: DepartmentRef[] } | null;
  /** "以简称表述，如“生态环境”指省生态环境厅": the short names its brackets use for departments. */
  shortForms: ShortForms | null;
  /**
   * "圆括号“（）”内所列为牵头单位；方括号“［］”内所列为配合单位": the role of the names in each kind of bracket
   * closing a task, by its opening mark (both widths). Empty when the plan gives none.
   */
  bracketKinds: ReadonlyMap<string, Role>;
  /** "带★的为牵头单位": the mark written beside a lead's name. Null when the plan marks none. */
  leadMark: string | null;
  /** The mark a notice gives supporting units, the unmarked ones leading (标注“*”的为配合单位，未标注的为牵头单位). */
  supportMark: string | null;
  /**
   * "标注“■”的为牵头单位，标注“□”的为配合单位，“△”后为完成时限": marks written before each name of a line
   * under a task, each with its role; the time mark under "time". Empty unless a lead mark is among them.
   */
  lineMarks: ReadonlyMap<string, Role | "time">;
  /**
   * "标注“〔召集〕”的单位为牵头单位": a bracketed word written after a lead's name in a list, read as its
   * （牵头） mark. Null when the plan writes none.
   */
  leadTag: string | null;
  /**
   * "标注〔牵〕的为牵头单位；标注〔责〕的为按职责分工负责的单位；标注〔配〕的为配合单位": a bracketed tag after
   * each name in a list, with the role each tag says (two tags or more; one alone is {@link leadTag}).
   */
  nameTags: ReadonlyMap<string, Role>;
  /** "负责单位只有一个的，该单位即为牵头单位": a task's only responsible unit leads it. */
  soleResponsibleLeads: boolean;
  /** "分号前的单位为牵头单位，分号后的单位为配合单位": a bracket's names before ； lead, those after support. */
  semicolonSplitsRoles: boolean;
  /**
   * "冒号前为牵头单位，冒号后为配合单位", "“＋”号前的单位为牵头单位…“＋”号后的单位为配合单位" or "“协助”之前所列单位为
   * 配合单位，“协助”之后所列单位为牵头单位": the mark that, in a bracket's first part, parts two lists of names,
   * with the role of each side. Null when the plan states none.
   */
  parting: Parting | null;
  /** "“责任单位”配合牵头单位抓好落实": beside a lead, the 责任单位 support. */
  responsibleSupportsLead: boolean;
  /** "列有两个及以上责任主体的，…共同负责，不分主次": a task with several leads has none; they share it. */
  severalLeadsShare: boolean;
  /**
   * "各县（市、区）人民政府…列入配合单位的，负责本辖区具体落实": a county, district or zone among a task's supports carries
   * the task out where it is (responsible), it does not merely assist.
   */
  supportingPlacesCarryOut: boolean;
  /** "括号外为牵头单位，括号内为配合单位": in 甲、乙（丙、丁）甲 and 乙 lead, 丙 and 丁 support. */
  innerBracketSupports: boolean;
  /**
   * "斜杠“/”前为牵头单位，斜杠后为配合单位" or "依次列明牵头单位、配合单位和完成时限，以“／”分隔" (or
   * “｜”): a bracket's parts between slashes (or bars) are lead, support and time limit. `allLead`: a bracket with no
   * slash names leads only (未设斜杠的，所列单位均为牵头单位).
   */
  slashParts: { allLead: boolean } | null;
  /**
   * "未注明完成时限的任务，完成时限均为2025年12月31日": the date of every task that gives none — or of
   * those marked so (标注“*”的任务…), when the rule names a mark — or whose time limit is the word it quotes
   * (标注“常态推进”的…于2025年12月20日前进行年度交账).
   */
  defaultDeadline: { date: string; mark: string | null } | null;
  /**
   * "括注“改由××牵头”的，由所注单位牵头，该领域总牵头单位转为参与单位": a task naming a lead of its own
   * keeps its section's or area's lead as a supporting unit.
   */
  overriddenLeadSupports: boolean;
  /**
   * "每项任务以单位名称开头，开头的单位为牵头单位": the departments a task (or each of its points) opens with
   * lead it, as its sentence's subject.
   */
  openingUnitsLead: boolean;
  /**
   * "依次列出三组括号：第一组括号内为牵头单位，第二组括号内为责任单位，第三组括号内为配合单位": the role of each
   * bracket of a run after a task, by its place in the run (（—） when it has none); null unless stated.
   */
  bracketOrder: Role[] | null;
  /**
   * "任务下设分点且分点未另列责任单位和完成时限的，执行该任务所列分工和时限": points are parts of their task,
   * and the departments they take from it stay the task's (a listing shows the task).
   */
  pointsFollowTask: boolean;
  /**
   * 分点末尾没有括号的，适用所属任务末尾括号的标注: a point with no bracket of its own has its task's closing one
   * (its units, taken from the task), though that bracket stands after the points.
   */
  pointsTakeClosingBracket: boolean;
  /**
   * "某一点另有括号的…括号未列的内容仍按条目括号执行": a point naming some roles of its own keeps its item's
   * units for the roles it leaves out.
   */
  unlistedRolesFollowTask: boolean;
  /**
   * "分项末尾有单独括注的，该分项按其括注执行" / "某点另有括号的，以该点括号为准": a point's own bracket is all it has —
   * one naming only a lead takes no other unit from its task.
   */
  pointBracketRules: boolean;
  /**
   * "权重最高的单位为牵头单位…权重在20%及以上的为责任单位…低于20%的为配合单位": names written with a
   * share of the task (市生态环境局50%) take their role from it; `responsibleFrom` is the share from
   * which a name is responsible (0: every name beside the lead).
   */
  weights: { responsibleFrom: number } | null;
  /** "第三部分至第七部分未标明责任单位的措施，由X牵头": who leads the tasks of those sections naming none. */
  defaultLead: { departments: DepartmentRef[]; sections: [number, number] | null } | null;
  /**
   * Working teams its brackets name instead of departments (（工业源治理专班）), as a section defines
   * them: 工业源治理专班。牵头单位：X；成员单位：Y、Z. Team name → its lead and members, as written.
   */
  teams: Map<string, Team>;
  /**
   * Numbers that stand for departments in its brackets (（编号：主03，协07、11）), as a table of the plan
   * (附件：责任单位编号表 — 03　市生态环境局) says: number → name as written.
   */
  codes: Map<string, string>;
  /**
   * Codes its brackets name instead of departments (（组合乙｜2025年9月底前）), each defined once on a line of
   * its own by a sentence of roles (组合乙：X牵头，Y负责，Z配合。): code → that sentence.
   */
  roleSets: Map<string, string>;
  /**
   * Modes its brackets open with (〔B类：甲、乙；date〕), each defined by where a unit stands in the list
   * (B类为领办，所列第一个单位牵头，其余单位配合): code → the first unit's role and the others'.
   */
  unitModes: Map<string, { first: Role; rest: Role }>;
  /**
   * The roles of the bare lines of names after each task, by position (紧接任务正文的第一行为牵头单位，第二行为配合单位，
   * 最后一行为完成时限): null where the notice sets no such lines.
   */
  positionalLines: Role[] | null;
  /**
   * Numbers written after the names of a bracket that the notice makes roles (系数为1.0的为牵头单位…): number → role,
   * with the label the bracket opens with (系数：).
   */
  valueRoles: { label: string; roles: Map<string, Role> } | null;
  /**
   * Verbs that open a sentence and give the units in the bracket closing it their role (以“组织”起句的，括号内单位为牵头
   * 单位): verb → role.
   */
  openingVerbs: Map<string, Role>;
  /**
   * "责任链按“→”分为三环，第一环所列单位为牵头单位；第二环…配合单位；第三环…落实单位": the role of each
   * ring of a chain line (责任链：A→B、C→D), in order. Null when the plan writes no chains.
   */
  chainRoles: Role[] | null;
  /** What parts a chain's rings (→, or — where the notice orders its units 牵头单位—责任单位—配合单位). */
  chainMark: string;
  /**
   * "责任排序用“＞”分档…只分两档的，第二档为配合单位；只有一档的，该档单位均为牵头单位": the roles of a chain of so
   * many rings where the notice says them apart from its usual order, by the number of rings.
   */
  chainRolesByCount: Map<number, Role[]>;
  /** The field a chain stands in (〔责任排序：A＞B；截止：…〕), when the notice names it: then one ring needs no mark. */
  chainLabel: string | null;
  /** The words a chain's rings end in, by ring, when the notice orders its own (按“自验→复核→终验”的顺序); else empty. */
  chainWords: string[];
  /**
   * "任务序号后「」内所列单位为牵头单位": the marks of a bracket right after a task's number naming its
   * leads, the names in the bracket closing the task then supporting. Null when the plan writes none.
   */
  numberBracket: { open: string; close: string } | null;
  /**
   * "位于完成时间（或“持续推进”）之前的单位为牵头单位": in (X于<date>完成，Y配合) the names before the time
   * lead; otherwise they are responsible for it.
   */
  timedLeads: boolean;
  /**
   * "以括号中的完成时限为界：时限之前列出的单位为牵头单位…；时限之后列出的县级部门为配合单位，时限之后列出的乡镇（街道）…
   * 为属地落实单位": in 〔甲　date　乙、丙镇〕 the names before the time take `before`, those after it `after`, the towns,
   * streets and zones after it `local`. Null when the plan does not part its brackets by the time.
   */
  timeDivides: TimeDivides | null;
  /** "各县（市、区）人民政府…为属地责任单位": the role of the places among a list whose first name leads. */
  localRole: Role | null;
  /**
   * "以全称列出的为牵头单位…以简称列出的为配合单位，不论其排列先后": a name's role by how it is written; counties, districts
   * and zones carry the task out where they are. Null when the plan does not say.
   */
  formRoles: { full: Role; short: Role } | null;
}

/** The roles of a bracket's names before and after its time limit (see {@link PlanConventions.timeDivides}). */
export interface TimeDivides {
  before: Role;
  after: Role;
  local: Role | null;
}

/** A mark or word parting a bracket's names into two roles (甲＋乙、丙; 甲、乙协助丙落实). */
export interface Parting {
  mark: string;
  before: Role;
  after: Role;
  /** "未用逗号分隔的，括号内所列单位均为牵头单位": the role of the names of a bracket without the mark; null when the plan says none. */
  whole: Role | null;
}

/** A working team (专班, 工作组) a plan defines by its lead and member departments. */
export interface Team {
  lead: string;
  members: string;
}

/** Short names a plan gives its departments: those it spells out, and the level the rest take. */
export interface ShortForms {
  /** The level prefix its examples share (省). */
  prefix: string;
  /** Short name → full name, as the plan spells them out. */
  named: Map<string, string>;
}

/** “生态环境”指省生态环境厅 */
const SHORT_FORM =
  /[“"「]([\p{Script=Han}]{2,12})[”"」](?:指|即|是指|为)([\p{Script=Han}（）()]{3,30}?(?:、[\p{Script=Han}]{2,12}?(?:办事处|人民政府|管委会))*)(?=[，,；;。、]|$)/gu;
/** 任务涉及的 / 所涉及的 before the units a short name stands for: they are the ones concerned (相关). */
const CONCERNED = /^(?:任务|工作|项目)?所?涉及的?/u;

/**
 * “领办”的单位为牵头单位，… / 表述为“配合”的单位为配合单位 / 标明“负总责”的为牵头部门 / “召集单位”为牵头单位 /
 * “归口”所列单位为牵头单位 / “A角”所列单位为牵头单位 / 括号内“1”所列单位为牵头单位，“N”所列单位为协同单位
 */
const DEFINED_ROLE =
  /[“"「]([\p{Script=Han}A-Z0-9]{1,6})[”"」](?:栏)?(?:所列)?的?(?:(?:单位|部门)(?:为|是|即)?|(?:为|是|即))([^；;。“"「]{0,16})/gu;
/**
 * 责任单位名称后所附字母表示其职责…：Q为牵头单位…；Z为责任单位…；P为配合单位 — capital letters written after the names,
 * unquoted, each said to be a kind of unit (read only where the notice speaks of letters).
 */
const LETTER_DEFINED = /(?<=^|[：:；;，,。、\s])([A-Z])(?:为|是|即|表示)([^；;。“"「]{0,16})/gu;
/** 【挂牌】栏所列单位对该项任务挂牌负责 — a field whose units are said to answer for the task: responsible units. */
const FIELD_ANSWERS =
  /【([\p{Script=Han}]{1,6})】(?:栏)?所列(?:的)?(?:单位|部门)[^。；;，,]{0,12}?负责(?=[，,；;。]|$)/gu;
/**
 * 写在"资金保障""要素保障""技术支撑"等注明支持事项的词语之前的单位，均为配合单位: several quoted words, each marking
 * the names before it with the one role said.
 */
const LISTED_BEFORE =
  /((?:[“"「][\p{Script=Han}]{2,6}[”"」][、，,]?\s*){2,})等[^。；;]{0,24}?(?:之)?[前后]的?(?:单位|部门)[，,]?\s*(?:均|都)?(?:为|是)([^；;。“"「]{0,16})/gu;
/** “以……为主体”的单位为牵头单位: words before and after the names, an ellipsis standing for them. */
const FRAME_DEFINED =
  /[“"「]([\p{Script=Han}]{1,2})(?:…{1,2}|\.{3,6}|—{1,2}|××|某某)([\p{Script=Han}]{1,4})[”"」]的?(?:单位|部门)?(?:为|是|即)(?:该项任务|本项任务|该任务|各项任务)?的?([^；;。“"「]{0,16})/gu;
/** 认领单位即该项任务的牵头单位 (a unit's kind, unquoted, said to be one the genre knows). */
const UNIT_DEFINED =
  /(?<=^|[。；;，,：:\n])\s*(?!所列|其余|其他)([\p{Script=Han}]{2,4})单位(?:即|即为|为|是)(?:该项任务|本项任务|该任务|各项任务)?的?((?:牵头|责任|配合|协同|参与)单位)/gu;
/**
 * 第一考核对象为牵头单位，…；共同考核对象为责任单位: a kind the notice names, unquoted and not itself a unit, said to
 * be one of the genre's kinds of unit; its tasks write it with 为 before the names (第一考核对象为X).
 */
const KIND = String.raw`[\p{Script=Han}]{2,6}(?:对象|主体|角色|岗位|梯队|方阵|序列)`;
const KIND_DEFINED = new RegExp(
  String.raw`(?<=^|[。；;，,\n])\s*(${KIND})(?:即|即为|为|是)(?:该项任务|本项任务|该任务|各项任务)?的?((?:牵头|责任|配合|协同|参与)单位)`,
  "gu",
);
/** A kind {@link KIND_DEFINED} reads: a word of the notice's own, not a unit. */
const KIND_WORD = new RegExp(`^${KIND}$`, "u");
/**
 * 总负责的单位为牵头单位；具体承办的单位为责任单位 / 扛牵头之责的单位为牵头单位: a word, unquoted, whose units are said
 * to be of a kind.
 */
const WORD_DEFINED =
  /(?<=^|[：:。；;，,\n])\s*([\p{Script=Han}]{2,6})的(?:单位|部门)(?:即|即为|为|是)((?:牵头|责任|配合|协同|参与|协办)(?:单位|部门))/gu;
/** 主力单位负责任务落实: a kind of unit, unquoted, said to carry the task out. */
const UNIT_CARRIES =
  /(?<=^|[。；;，,\n])\s*([\p{Script=Han}]{2,4})单位(?:负责|承担)(?:任务|具体|本项任务)?的?(?:落实|实施)/gu;
/** 相关责任单位按照职责分工配合落实: a kind of unit, unquoted, said to work with the lead. */
const UNIT_SUPPORTS =
  /(?<=^|[。；;，,\n])\s*([\p{Script=Han}]{2,4})单位(?:按照?|依照|根据)?(?:各自)?职责(?:分工)?(?:积极|主动)?(?:配合|协助|协同|参与)/gu;
/**
 * “负责”前所列单位为牵头单位, “支持”前所列单位为配合单位, 列于“承担”之前的单位为牵头单位, “牵”后所列为牵头单位: the names
 * before (or after) a word take the role it is said to mark — even a verb of the genre given another role than its own.
 * The word may stand in the brackets its lines write it in (“【统筹】”后所列为牵头单位).
 */
const DEFINED_BY_POSITION =
  /[“"「][【〔［]?([\p{Script=Han}]{1,6})[】〕］]?[”"」](?:二字|两字|三字|字样|字)?(?:之)?[前后](?:所列|列出)?的?(?:单位|部门)?(?:[^。；;“”"「」]{0,24}?[，,])?(?:为|是|即)(?:该项任务|本项任务|该任务|各项任务|该项工作|本项工作|该项|本项)?的?(牵头|配合|参与|协办|责任|具体实施|实施|落实)(?:单位|部门)/gu;

/** “共同负责实施”的，各单位…分别…负责，不分主次: a word for several units that none of them leads. */
const JOINTLY = /[“"「](共同[\p{Script=Han}]{2,6})[”"」]的?[^。；;]{0,60}?(?:不分主次|分别)/gu;

/**
 * 标注“负责”的单位为牵头单位 / 标注“落实”的单位为属地落实单位 / “负责”所列单位为该项任务的牵头单位 / 标“领”的为牵头单位 /
 * 写明“负责统筹调度”的单位为牵头单位 / 列为“挑头”的单位为牵头单位 / 【首问】所列单位为牵头单位: the units a word marks (or a field
 * lists) are of the kind said.
 */
const DEFINED_BY_MARKING =
  /(?:(?:标(?:注|明|有)?|写明|注明|写有|列为|列作|记为)[“"「]([\p{Script=Han}]{1,6})[·・•—–]?[”"」](?:字样)?的(?=(?:单位|部门)?(?:[^。；;“”"「」]{0,30}?[，,])?(?:为|是|即))|[“"「【]([\p{Script=Han}]{1,6})[·・•—–]?[”"」】](?:栏)?所列的?(?=单位|部门))(?:单位|部门)?(?:[^。；;“”"「」]{0,30}?[，,])?(?:为|是|即)(?:该项任务的?)?([\p{Script=Han}]{0,4}?(?:牵头|配合|参与|协办|责任|落实|实施))(?:单位|部门)/gu;

/**
 * 写明“是牵头部门”的单位，负责统筹推进…；写明“是支持部门”的单位，积极配合… / 标注“共抓”的各单位按职责分工共同负责: the
 * words a unit is written with, and then what such a unit does — the role its words say, else the role of what it does.
 */
const MARKED_THEN_SAID =
  /(?:标(?:注|明|有)?|写明|注明|写有)[“"「]([\p{Script=Han}]{1,6})[”"」](?:字样)?的(?:(?:单位|部门)[，,]|各(?:单位|部门))([^。；;]{0,40})/gu;
/**
 * “配责”二字前所列单位为配责单位，按照各自职责积极配合… / “块”后所列为属地责任主体，承担组织实施责任: a word marking a
 * unit of a kind then said what it does.
 */
const DEFINED_BY_POSITION_SAID =
  /[“"「]([\p{Script=Han}]{1,6})[”"」](?:二字|两字|字样)?(?:之)?[前后](?:所列|列出)?的?(?:单位|部门)?(?:为|是|即)[\p{Script=Han}]{2,4}(?:单位|部门|主体)[，,]([^。；;]{0,40})/gu;

/** A word said of the names on both its sides (“会同”前…牵头，“会同”后…配合): it parts a bracket, it is no role word. */
function saidOfBothSides(word: string, text: string): boolean {
  return new RegExp(
    `[“"「]${word}[”"」](?:二字|两字|字样)?(?:之)?前[^。]{0,60}?[“"「]${word}[”"」](?:二字|两字|字样)?(?:之)?后`,
  ).test(text);
}

/** “首办单位”: a kind of unit a notice names in quotes. */
const NAMED_KIND = /[“"「]([\p{Script=Han}]{2,4})单位[”"」]/gu;

/** The role a definition's words say: who leads, who helps, who carries the task out. */
function roleSaid(says: string): Role | null {
  // What its first clause says (为配合单位，根据牵头单位安排… is a support's).
  const first = says.split(/[，,]/)[0] ?? "";
  if (/牵头|主办|统筹|负总责|总负责|抓总/.test(first)) return "lead";
  if (/配合|参与|协助|协同|协办|支持/.test(first)) return "support";
  if (/负责|落实|责任|承担|实施/.test(first)) return "responsible";
  return null;
}

/**
 * The words a notice defines as roles, each with the role its definition says. A verb of the genre
 * keeps its own role unless the notice plainly gives it another by position (“负责”前所列单位为牵头单位);
 * a description of what its units do (“牵头”单位对任务负总责，负责组织…) is no new role.
 */
function readRoleWords(text: string): Map<string, Role> {
  const words = new Map<string, Role>();
  for (const m of text.matchAll(DEFINED_BY_POSITION)) {
    const role = roleSaid(m[2] as string);
    // A word said of the names on both its sides (“会同”前…牵头，“会同”后…配合) parts a bracket: no role word.
    if (role && !saidOfBothSides(m[1] as string, text) && !words.has(m[1] as string))
      words.set(m[1] as string, role);
  }
  // 两个以上单位“共同负责实施”的，…分别…负责，不分主次: jointly, no one leading — before the word it holds.
  for (const m of text.matchAll(JOINTLY))
    if (!words.has(m[1] as string) && !m[0].includes("牵头")) words.set(m[1] as string, "responsible");
  // 标注“负责”的单位为牵头单位: as plain as a position — a verb of the genre may be given another role.
  for (const m of text.matchAll(DEFINED_BY_MARKING)) {
    const word = (m[1] ?? m[2]) as string;
    const role = roleSaid(m[3] as string);
    if (role && !words.has(word)) words.set(word, role);
  }
  for (const m of text.matchAll(MARKED_THEN_SAID)) {
    const word = m[1] as string;
    const role = roleSaid(word) ?? roleSaid(m[2] as string);
    if (role && !words.has(word) && roleOfVerb(word) === null) words.set(word, role);
  }
  for (const m of text.matchAll(DEFINED_BY_POSITION_SAID)) {
    const word = m[1] as string;
    const role = roleSaid(m[2] as string);
    if (role && !words.has(word) && roleOfVerb(word) === null && !saidOfBothSides(word, text))
      words.set(word, role);
  }
  // 责任单位分“首办单位”和“联办单位”：首办单位对该项任务负牵头抓总责任…；联办单位按照职责分工积极配合 —
  // a kind of unit named in quotes, then said what it does: its brackets write the word alone (X首办).
  for (const m of text.matchAll(NAMED_KIND)) {
    const word = m[1] as string;
    if (words.has(word) || isRoleVerb(word) || isKnownUnitLabel(word)) continue;
    const said = new RegExp(`${word}单位(?![”"」])([^；;。“"「]{0,24})`).exec(text);
    const role = said ? roleSaid(said[1] as string) : null;
    if (role) words.set(word, role);
  }
  for (const m of text.matchAll(DEFINED_ROLE)) {
    const word = m[1] as string;
    const role = roleSaid(m[2] as string);
    // (“主办”为责任单位: a verb of the genre the notice says is another kind of unit than its own is defined too —
    // said so in as many words, not by what its units do: “牵头”的单位负责组织推进 keeps 牵头 leading.)
    const otherKind =
      /^(?:为|是|即)?(?:牵头|责任|配合|协同|参与|协办)(?:单位|部门)/.test(m[2] as string) &&
      roleOfVerb(word) !== role;
    if (role && !words.has(word) && (!isRoleVerb(word) || otherKind)) words.set(word, role);
  }
  for (const m of text.matchAll(LISTED_BEFORE)) {
    const role = roleSaid(m[2] as string);
    if (!role) continue;
    for (const q of (m[1] as string).matchAll(/[“"「]([\p{Script=Han}]{2,6})[”"」]/gu))
      if (!words.has(q[1] as string) && !isRoleVerb(q[1] as string)) words.set(q[1] as string, role);
  }
  for (const m of text.matchAll(FIELD_ANSWERS))
    if (!words.has(m[1] as string) && !isRoleVerb(m[1] as string)) words.set(m[1] as string, "responsible");
  if (/字母/.test(text))
    for (const m of text.matchAll(LETTER_DEFINED)) {
      const role = roleSaid(m[2] as string);
      if (role && !words.has(m[1] as string)) words.set(m[1] as string, role);
    }
  // 主力单位负责任务落实 / 相关单位按职责配合: a kind of unit, unquoted, said to carry the task out or to help.
  const unquoted: Array<[RegExp, Role]> = [
    [UNIT_CARRIES, "responsible"],
    [UNIT_SUPPORTS, "support"],
  ];
  for (const [pattern, role] of unquoted)
    for (const m of text.matchAll(pattern)) {
      const word = m[1] as string;
      // 各责任单位按职责配合 speaks of every unit; 责任单位 is the genre's own label.
      // (仅列“主诊”单位的，由主诊单位负责落实: 由 introduces a unit, it names no kind.)
      if (/^[各有其由]/.test(word) || words.has(word) || isRoleVerb(word) || isKnownUnitLabel(word)) continue;
      words.set(word, role);
    }
  // 总负责的单位为牵头单位: a word of the notice's clauses (由X总负责，Y具体承办), defined without quotes.
  for (const m of text.matchAll(WORD_DEFINED)) {
    const word = m[1] as string;
    const role = roleSaid(m[2] as string);
    if (role && !words.has(word) && roleOfVerb(word) !== role) words.set(word, role);
  }
  // 句中“以……为主体”的单位为牵头单位: a frame around the names (以X为主体), kept as 以…为主体.
  for (const m of text.matchAll(FRAME_DEFINED)) {
    const word = `${m[1]}…${m[2]}`;
    const role = roleSaid(m[3] as string);
    if (role && !words.has(word)) words.set(word, role);
  }
  // 第一考核对象为牵头单位: a kind of its own, said to be a kind of unit.
  for (const m of text.matchAll(KIND_DEFINED)) {
    const word = m[1] as string;
    const role = roleSaid(m[2] as string);
    if (role && !words.has(word)) words.set(word, role);
  }
  // 认领单位即该项任务的牵头单位: a kind of unit the genre has no label for, defined without quotes.
  for (const m of text.matchAll(UNIT_DEFINED)) {
    const word = m[1] as string;
    const role = roleSaid(m[2] as string);
    // 逗号前的单位为牵头单位 says where names stand, not a kind of unit; 其余单位 are the rest of a list.
    if (/的$|[前后]$|^(?:其余|其他|其它|剩余)$/.test(word)) continue;
    if (role && !words.has(word) && !isRoleVerb(word) && !isKnownUnitLabel(word)) words.set(word, role);
  }
  return words;
}

/**
 * A clause with the times the notice names written as the dates they mean (入冬前撞线 → 2025年11月14日前撞线), so a
 * clause of roles that closes with one reads as closing with a time.
 */
export function withNamedDates(text: string, named: ReadonlyMap<string, string>): string {
  let out = text;
  // (供热前15日 counts from the word: see withCountedDates; 2026年春播前 is that time of 2026.)
  for (const [word, date] of named)
    out = out.replace(namedTimeUse(word), (_, year: string | undefined) => {
      const [y, month, day] = inYear(date, year).split("-").map(Number);
      return `${y}年${month}月${day}日前`;
    });
  return out;
}

/** A text with the days a notice counts from a date written as dates (供热前15日 → 2025年9月16日前, D-30 → 2025年8月1日前). */
export function withCountedDates(text: string, counted: readonly CountedTime[]): string {
  let out = text;
  for (const time of counted)
    out = out.replace(time.find, (_, sign: string | undefined, days: string) => {
      const [year, month, day] = countedDate(time, sign, days).split("-").map(Number);
      return `${year}年${month}月${day}日前`;
    });
  return out;
}

/** 后的四位数字为完成时间的月、日，年份均为2025年 — four digits for a month and a day, in the year said. */
const MONTH_DAY_CODES = /四位数字[^。]{0,24}?月[、和及]?(?:后两位为)?日[^。]{0,30}?(20\d\d)\s*年/u;
/** “时限”只写月份的，均指2025年该月25日前完成 / 仅写月份的，为当月20日前: the day of the month a month alone means. */
const MONTH_ALONE_DAY =
  /(?:只|仅)(?:写|标|注)(?:明)?月份的?[，,]?\s*(?:均|一律|统一)?(?:指|为|是|按)(?:20\d\d\s*年)?(?:该|当|本)月\s*(\d{1,2})\s*日/u;

/** How a kind of task's bracket gives its units their roles (see {@link PlanConventions.taskKinds}). */
export interface TaskKindRule {
  /** first: the first unit leads, the others support; local: the local governments are responsible, the others lead. */
  rule: "first" | "local";
  /** The local governments the rule names (各乡镇人民政府、各街道办事处、…管委会). */
  locals: readonly string[];
}

/** 标注【属地类】的任务，括号内所列各乡镇人民政府…为责任单位…；…其余部门和单位…均为牵头单位 */
const TASK_KIND = /标注?【([\p{Script=Han}]{1,6})】的任务[，,]([^。]{6,200})。/gu;
const KIND_FIRST_LEADS =
  /(?:排在|列在|居)?(?:首位|第一位|最前)的?单位为牵头单位[，,；;]\s*其余(?:单位)?(?:均|都)?为配合单位/;
const KIND_LOCAL = /所列(.{2,60}?)为责任单位[^。]*?其余[^。]{0,30}?(?:均|都)?为牵头单位/u;

/** The kinds of task a notice tags and their rules ({@link PlanConventions.taskKinds}). */
function readTaskKinds(text: string): Map<string, TaskKindRule> {
  const kinds = new Map<string, TaskKindRule>();
  for (const m of text.matchAll(TASK_KIND)) {
    const says = m[2] as string;
    const local = KIND_LOCAL.exec(says);
    if (local)
      kinds.set(m[1] as string, { rule: "local", locals: (local[1] as string).split(/[、，,和及]/) });
    else if (KIND_FIRST_LEADS.test(says)) kinds.set(m[1] as string, { rule: "first", locals: [] });
  }
  return kinds;
}

/** A clause with the words the notice defines written as their roles' usual verbs (X领办 → X牵头). */
export function withRoleWords(text: string, words: ReadonlyMap<string, Role>): string {
  // 牵头—X；参与—Y / 主·X　协·Y　限·2025年9月30日前: a role's word joined to its names by a dash or a dot is
  // its label (牵头：X；参与：Y); 限 so joined is the time limit's. A head over such labels (责任：牵头—X,
  // 本点责任：…) says nothing of its own.
  const joined = [...LABEL_VERBS, ...[...words.keys()].map(escapeRegExp)].join("|");
  let out = text
    .replace(
      new RegExp(
        `(^|[（(［\\[〔；;，,。\\s：:])(${joined}|限)\\s*[—–·・•]\\s*(?=[\\p{Script=Han}\\d])`,
        "gu",
      ),
      (_, before: string, word: string) => `${before}${word === "限" ? "时限" : word}：`,
    )
    // 【统筹】X　【执行】Y: a role's word in lenticular brackets before its names is their label too.
    .replace(new RegExp(`【\\s*(${joined})\\s*】\\s*`, "gu"), "$1：")
    .replace(
      /(^|[（(［[〔]|\n)\s*(?:本[项条点])?[\p{Script=Han}]{0,4}责任\s*[:：]\s*(?=[\p{Script=Han}]{1,4}\s*[:：])/gu,
      "$1",
    );
  // 任务书：总责单位为X；执行单位为Y；协助单位为Z — where the notice defines kinds of units (总责单位即牵头单位),
  // a kind written with 为 for its colon is a label, the genre's own kinds beside it too; the head over such
  // labels says nothing of its own.
  const defined = [...words.keys()].filter((word) => /^\p{Script=Han}{2,4}$/u.test(word));
  // 第一考核对象为X: a kind the notice named with no 单位 of its own is written so too.
  const ownKinds = [...words.keys()].filter((word) => KIND_WORD.test(word));
  if (defined.length > 0 || ownKinds.length > 0) {
    const kinds = `(?:(?:${[...defined, ...LABEL_VERBS].map(escapeRegExp).join("|")})(?:单位|部门)${ownKinds.map((w) => `|${escapeRegExp(w)}`).join("")})`;
    out = out
      .replace(new RegExp(`(^|[（(［\\[〔；;，,\\s：:])(${kinds})为(?=\\p{Script=Han})`, "gu"), "$1$2：")
      .replace(
        new RegExp(
          `(^|[（(［\\[〔]|\\n)\\s*(?:本[项条点])?[\\p{Script=Han}]{1,5}\\s*[:：]\\s*(?=${kinds}\\s*[:：])`,
          "gu",
        ),
        "$1",
      );
  }
  // 主责在X，落实在Y，协同在Z，完成于…: defined words standing right before names, clause after clause,
  // are their labels (主责在：X), as a colon would make them. One alone before names whose sentence goes on
  // (会同X、Y，开展…) is a verb of that sentence.
  const before = [...words.keys()].filter(
    (word) => !word.includes("…") && !isLabelOnly(word) && !isRoleVerb(word),
  );
  if (before.length > 0) out = labelsBeforeNames(out, before);
  // The map holds the longest words first (负责统筹 before 统筹): see readPlanConventions.
  for (const [word, role] of words)
    out = word.includes("…")
      ? framed(out, word, role)
      : isLabelOnly(word)
        ? out
            .replace(
              new RegExp(`(^|[（(［\\[〔；;，,\\s])${escapeRegExp(word)}(?=\\s*[：:])`, "g"),
              `$1${BARE_VERB[role]}`,
            )
            // (市生态环境局领，市发改委协，各县人民政府办；date): one character marking the names before it, where a
            // clause ends.
            .replace(
              new RegExp(`(?<=${UNIT_END}[)）]?)${escapeRegExp(word)}(?=\\s*(?:[，,；;。）)]|$))`, "gu"),
              BARE_VERB[role],
            )
        : out.split(word).join(BARE_VERB[role]);
  // （本点划桨：X） → （负责：X）: a point's own label is the label.
  return out.replace(/(^|[（(［[〔；;，,\s])(?:本点|该点|此点)(?=(?:牵头|负责|配合)\s*[:：])/g, "$1");
}

/** {@link withRoleWords}' labels of defined words written right before their names (see there). */
function labelsBeforeNames(text: string, before: readonly string[]): string {
  const pattern = new RegExp(
    `(^|[（(［\\[〔；;，,。\\s])(${before.map(escapeRegExp).join("|")})(?=\\p{Script=Han})`,
    "gu",
  );
  // Each word before names: where the word starts, where its names start and end.
  const found: Array<{ word: number; at: number; end: number }> = [];
  for (const m of text.matchAll(pattern)) {
    const word = (m.index ?? 0) + (m[1] as string).length;
    const at = word + (m[2] as string).length;
    const names = clauseAt(text, at);
    if (!/^(?:单位|部门)|[：:]/.test(names) && splitNames(names))
      found.push({ word, at, end: at + names.length });
  }
  const joined = (a: { end: number } | undefined, b: { word: number } | undefined) =>
    a !== undefined && b !== undefined && /^\s*[，,；;]\s*$/.test(text.slice(a.end, b.word));
  let out = text;
  for (let k = found.length - 1; k >= 0; k--) {
    const here = found[k] as { word: number; at: number; end: number };
    const closes =
      /^(?:[。）)]|$)/.test(text.slice(here.end, here.end + 1)) || isTimeLimit(clauseAt(text, here.end + 1));
    if (joined(here, found[k + 1]) || joined(found[k - 1], here) || closes)
      out = `${out.slice(0, here.at)}：${out.slice(here.at)}`;
  }
  return out;
}

/** The text from `from` to the end of its clause: the first ，；。 or closing bracket outside brackets. */
function clauseAt(text: string, from: number): string {
  let depth = 0;
  for (let k = from; k < text.length; k++) {
    const c = text[k] as string;
    if (c === "（" || c === "(") depth++;
    else if (c === "）" || c === ")") {
      if (depth === 0) return text.slice(from, k);
      depth--;
    } else if (depth === 0 && "，,；;。\n".includes(c)) return text.slice(from, k);
  }
  return text.slice(from);
}

/**
 * 以X、Y为主体 written as the clause 由X、Y牵头 — a frame word (以…为主体) around names; the 由 keeps 本项以X…
 * the clause of its task (本项由X牵头).
 */
function framed(text: string, word: string, role: Role): string {
  const [before, after] = word.split("…") as [string, string];
  return text.replace(
    new RegExp(`${escapeRegExp(before)}([^，,；;。（）()]{2,80}?)${escapeRegExp(after)}`, "gu"),
    (whole, names: string) => (splitNames(names) ? `由${names}${BARE_VERB[role]}` : whole),
  );
}

/** How a unit's name ends (局, 委员会, 人民政府, 公司 …): a mark right after it is the unit's. */
const UNIT_END =
  "(?:局|委|委员会|办公室|室|政府|公司|中心|院|所|队|站|部|厅|管委会|集团|分局|街道|乡镇|办事处|镇|乡|区|县|市|单位|企业|厂)";

/**
 * A word too short or too plain to stand for a role anywhere (牵, 配, “1”, “N”, A角): only as the label
 * of a field (［牵：X；配：Y］, （1：X；N：Y）) — 牵 inside 牵头 or 1 inside a date is no role.
 */
function isLabelOnly(word: string): boolean {
  return word.length === 1 || !/^\p{Script=Han}+$/u.test(word);
}

/** 本方案所称某某分局，指某市生态环境局某某分局 */
const CALLED =
  /所称([\p{Script=Han}]{2,12})[，,]?(?:是)?指([\p{Script=Han}（）()]{3,30}?)(?=[，,；;。、]|$)/gu;

/** 部门类别与单位的对应关系为：…。 — the list of kinds of department and their units. */
const KINDS_NAMED =
  /(?:部门|单位)(?:类别|类型)?与(?:责任)?(?:单位|部门)(?:名称)?的?对应关系(?:如下|为|是)?[:：]([^。]+)/gu;
/** 工业主管部门为区经济信息委 — one kind of department and its unit. */
const KIND_IS =
  /([\p{Script=Han}]{2,10}?(?:部门|机构))(?:为|是|即|对应)([\p{Script=Han}（）()]{3,30}?)(?=[，,；;、]|$)/gu;

/** 甲〈以下简称乙〉, 甲（以下简称“乙”） */
const HENCEFORTH = /([\p{Script=Han}]{4,30}?)[〈（(]以下简称[“"「]?([\p{Script=Han}]{2,12})[”"」]?[〉）)]/gu;

/** Words that send something to a unit named after them (请径向, 报, 由): not part of its name. */
const SENT_TO = /^(?:请|径|直接|及时|向|报送|报|送|交由|由|经|抄送)+/;

/** 各乡镇年度目标由某办公室（以下简称…）: what comes before 由 / 向 in a sentence is the matter, not the unit (自由贸易区 is a name). */
const MATTER_BEFORE = /^.*(?:(?<!自)由|向)(?=[\p{Script=Han}]{4})/u;

/**
 * The short names a plan says its brackets use (以简称表述，如“生态环境”指省生态环境厅，…其余依此类推; 本方案所称
 * X，指Y).
 */
function readShortForms(text: string): ShortForms | null {
  if (!/简称|所称|对应关系/.test(text)) return null;
  const named = new Map<string, string>();
  let prefix: string | null = null;
  for (const m of text.matchAll(CALLED)) named.set(m[1] as string, m[2] as string);
  // 括号内部门类别与单位的对应关系为：工业主管部门为区经济信息委，…: a kind of department and the unit it names.
  for (const list of text.matchAll(KINDS_NAMED))
    for (const m of (list[1] as string).matchAll(KIND_IS)) named.set(m[1] as string, m[2] as string);
  // 某市生态环境局某县分局〈以下简称县生态环境分局〉: the short name the rest of the plan writes.
  for (const m of text.matchAll(HENCEFORTH)) {
    // 请径向某市生态环境局某区分局（以下简称区生态环境分局）反映: the name after the words that send to it.
    const full = (m[1] as string).replace(MATTER_BEFORE, "").replace(SENT_TO, "");
    if (isDepartmentName(full)) named.set(m[2] as string, full);
  }
  for (const m of text.matchAll(SHORT_FORM)) {
    // “属地”指任务涉及的乡镇人民政府、街道办事处: the places a task concerns, named as the genre does.
    const [short, full] = [m[1] as string, (m[2] as string).replace(CONCERNED, "相关")];
    named.set(short, full);
    const at = full.indexOf(short);
    if (prefix === null && at > 0) prefix = full.slice(0, at);
  }
  // 简称对照表: a table of two columns under a 简称　全称 head, a short name and its full name a line.
  const table = /^\s*简称[\s\u3000]+全称\s*$/m.exec(text);
  if (table)
    for (const line of text.slice(table.index + table[0].length).split("\n")) {
      const row = /^\s*([\p{Script=Han}]{1,8})[\s\u3000]{2,}([\p{Script=Han}（）()]{3,30})\s*$/u.exec(line);
      if (row) named.set(row[1] as string, row[2] as string);
      else if (line.trim() !== "") break;
    }
  return named.size > 0 ? { prefix: prefix ?? "", named } : null;
}

/**
 * A clause with the plan's short names written out (and each full name's short name, as written): 发展改革牵头，生态环境配合 → 省发展改革委牵头，
 * 省生态环境厅配合. A name the plan spells out is taken as it says; another is the department of the
 * plan's level whose form starts so — the one the document writes elsewhere, else a province's 厅 before
 * its 局; a full name stays.
 */
export function expandShortForms(
  inner: string,
  forms: ShortForms,
  documentText = "",
): { text: string; shortOf: Map<string, string> } {
  const suffixes = /^(?:省|自治区)$/.test(forms.prefix) ? ["厅", "委", "局", "办"] : ["局", "委", "厅", "办"];
  const shortOf = new Map<string, string>();
  const full = (piece: string): string => {
    const named = forms.named.get(piece);
    if (named) return named;
    // 各县（市、区）: one character is a level of a list of places, never a department's short name.
    if (isDepartmentName(piece) || piece.length < 2) return piece;
    const known = suffixes.map((s) => `${forms.prefix}${piece}${s}`).filter((n) => englishDepartment(n));
    // The form the document writes elsewhere (报送省市场监管局) before the level's usual one.
    return known.find((n) => documentText.includes(n)) ?? known[0] ?? piece;
  };
  const text = inner.replace(
    /(会同)?([\p{Script=Han}]+?)(?=、|，|,|；|;|｜|会同|牵头|配合|参与|协助|协同|落实|按职责分工负责|负责|等|$)/gu,
    (_, together: string | undefined, piece: string) => {
      const name = full(piece);
      if (name !== piece) shortOf.set(name, piece);
      return `${together ?? ""}${name}`;
    },
  );
  return { text, shortOf };
}

/**
 * 排在首位的为牵头单位，其余为配合单位 / 排在首位的单位为牵头单位，其余单位为共同责任单位 / 排列第一位的单位为牵头单位，…，其余
 * 单位按职责分工负责 / 排序在前的为牵头单位，排序在后的共同承担主体责任: the first name leads, the others take the role said.
 */
const FIRST_LEADS =
  /(?:排列|排序|排|列于?)(?:在|名)?(?:第一(?:位|个|名)?|首位|最前|在?前)的?(?:单位|(?:[\u4e00-\u9fa5]{1,2}级|[市县区]直)(?:单位|部门))?(?:(?:为|是)牵头(?:单位|部门)|牵头)[^。；;]{0,30}?[,，；;]\s*(?:其余|其他|其后(?:所列)?|(?:排序|排列|排)在后)(?:的)?(?:[\u4e00-\u9fa5]{2}(?=单位|部门))?(?:单位|部门)?(?:[（(][\u4e00-\u9fa5]{1,4}[）)])?(?:(?:为|是)(?:共同)?(配合|参与|责任|协办)(?:单位|部门)|按职责(?:分工)?(?:共同)?(负责|配合)|共同承担(主体责任)|(?:为|是)(共同)[\u4e00-\u9fa5]{2,3}(?:单位|部门))/;
/** 列于最后一位的单位为牵头单位 / 配合单位在前、牵头单位在后: the last name of a list leads, those before it support. */
const LAST_LEADS =
  /(?:列于|排在|列在|位于|排于|排列)(?:最后一位|最后|末位|最末|末尾)的?(?:单位|部门)?(?:为|是)牵头(?:单位|部门)|配合(?:单位|部门)在前[、，,]\s*牵头(?:单位|部门)在后/;
/** 只列一个单位的，由该单位牵头负责: under the last-leads rule, a name standing alone leads too. */
const ONE_NAME_LEADS =
  /只(?:列|有|写)(?:一个|1个|一家)(?:单位|部门)的?[，,]\s*(?:由)?该(?:单位|部门)(?:牵头|为牵头)/;
/** 责任单位有两个及以上的， / 列有多个主办单位的， — the first-leads rule that follows is for several names. */
const SEVERAL_NAMED = /(?:两个|二个|2个|多个)(?:及|或)?(?:以上)?[\u4e00-\u9fa5]{0,6}的[，,]?\s*(?:由|以)?$/;
/** 未列“统筹”单位的，由 — the first-leads rule that follows is for places where no lead is marked. */
const NO_LEAD_MARKED = /未(?:列|标注|注明|标明|列明)[^。；;，,]{0,10}?的[，,]\s*(?:由|以)?[^。；;，,]{0,8}$/;
/**
 * 未标注的为配合单位 / 标注“牵头”的…，其余为配合单位 / 标注“汇总”的单位为该项任务的牵头单位，负责…；括号内其余单位为
 * 配合单位 / “备注”中注明“牵头”的单位为牵头单位，该任务其他责任单位为配合单位: the role of the names beside a marked lead.
 */
const UNMARKED =
  /(?:未加?(?:标注|注明|标明|标记|加粗)[^。；;，,]{0,8}?(?:的)?(?:单位|部门)?|(?:标注|注明|标明)[“"「]?(?:牵头|[（(](?:主|牵头)[）)]|其中[^”"」]{1,6}牵头)[”"」]?的?(?:单位|部门)?[^。；;，,]{0,12}(?:[，,][^。；;，,]{0,24}){0,2}[，,；;]\s*(?:该项?任务|本项?任务)?的?(?:括号内)?(?:所列)?(?:其余|其他)(?:所列)?(?:的)?(?:责任)?(?:单位|部门)?|(?:标注|注明|标明)[“"「][\p{Script=Han}]{1,4}[”"」]的?(?:单位|部门)(?:为|是)(?:该项任务的|本项任务的)?牵头(?:单位|部门)(?:[，,][^。；;]{0,60}){0,3}[，,；;]\s*(?:括号内)?(?:所列)?(?:其余|其他)(?:所列)?(?:的)?(?:单位|部门)?)(?:为|是)?(?:按职责(?:分工)?)?(配合|参与|责任|协办)(?:单位|部门)?/u;
/** 第一组括号内为牵头单位，第二组括号内为责任单位，第三组括号内为配合单位 */
const BRACKET_ORDER = ((place: (n: string) => string) =>
  new RegExp(`${place("一")}[，,；;]\\s*${place("二")}(?:[，,；;]\\s*${place("三")})?`))(
  (n) =>
    `第${n}(?:组|个)括号(?:内|中)?(?:所列)?(?:的)?(?:单位)?(?:为|是)(牵头|责任|配合|协办|参与)(?:单位|部门)`,
);
/** “报结”为该项任务的办结时限 / “控期”为完成时限 / “回复”后为完成时限 / “兑现”所注时间为完成时限: a word the notice makes the time limit's label. */
// (“冲线”前为完成时限: what stands before the word is the time limit; 【收口】后的四位数字为完成时间: a tag's.)
const TIME_WORD =
  /[“"「【]([\p{Script=Han}]{1,4})[”"」】](?:栏|项)?(?:之?[前后](?:所列|所写)?(?:的)?(?:四位数字|数字|日期|时间)?|(?:所注|所列|所写|所标)的?(?:时间|日期))?(?:即|为|是|指|写明|列明|标明|注明)(?:该项任务的|各项任务的|任务的|该任务的)?(?:办结|完成|截止)?(?:时限|时间|期限|日期)/gu;
/** “X月收官”指2025年X月底前完成: a word written after a month, said to mean that month's end — the time limit's. */
const TIME_WORD_AFTER_MONTH =
  /[“"「](?:X|N|×|Ｘ|Ｎ|某)月([\p{Script=Han}]{1,4})[”"」](?:是|即)?指(?:\d{4}\s*年)?(?:X|N|×|Ｘ|Ｎ|该|某)月(?:底|末)?(?:之)?前/gu;
/** 标注“区定”的，为区政府确定的完成时限 / 标注“市考”的，为市级考核截止时间: a marked word said, after a comma, to be a time limit of some kind. */
const TIME_WORD_MARKED =
  /标(?:注|明|记)(?:为)?[“"「]([\p{Script=Han}]{1,4})[”"」]的[，,]\s*(?:为|是|指|即)[^。；;，,“”]{0,12}?(?:办结|完成|截止|考核)(?:时限|时间|期限|日期)/gu;
/**
 * 逐项列明经办单位、协理单位和结项时限: a field the notice lists its tasks by, named as a time limit, whose word
 * labels the date (结项：2025年10月31日). (The ordinary 完成时限 / 办结时限 are labels already.)
 */
const TIME_WORD_LISTED =
  /(?:列明|写明|标明|注明|列出)[^。；;]{0,40}?[、和及与](?!完成|办结|截止|工作|任务|责任)([\p{Script=Han}]{2})时限/gu;
/** 考核节点为任务完成的最后期限: the same, the word unquoted where a sentence starts. */
const TIME_WORD_UNQUOTED =
  /(?<=^|[。；;，,\n])\s*([\p{Script=Han}]{2,4})(?:即|为|是|指)(?:该项任务|各项任务|该任务)?(?:任务)?(?:办结|完成|截止)的?(?:最后|最终)?(?:时限|期限|日期)/gu;

/** 开头的单位为牵头单位 / 句首所列单位为牵头单位: a task's opening names lead it. */
const OPENING_LEADS =
  /(?:开头|句首|打头)(?:的|所列的?)(?:单位|部门)(?:名称)?(?:即)?(?:为|是)牵头(?:单位|部门)/;
/** 改由××牵头的，…总牵头单位转为参与单位 */
const OVERRIDDEN_LEAD_SUPPORTS =
  /改由[^。]{0,30}?牵头[^。]{0,40}?牵头(?:单位|部门)(?:转为|改为|作为|为)(?:参与|配合|协办)(?:单位|部门)/;
/** 任务下设分点且分点未另列责任单位…的，执行该任务所列分工 / 分点未单独明确分工和时限的，执行该项任务的分工 / 未另行括注的，按所属任务的括注执行 */
const POINTS_FOLLOW_TASK =
  /分点(?:未|没有)(?:单独|另)?(?:明确|列明?|标注|注明)[^。；;]{0,16}?的?[，,]\s*(?:执行|按照?|适用)(?:该项?|所属|其)?任务|(?:未|没有)另行?(?:括注|标注|注明|列明)的?[，,]\s*(?:执行|按照?|适用)(?:该项?|所属|其)任务/;
/** 分点末尾没有括号的，适用所属任务末尾括号的标注 / 未另行标注的，执行所在任务的“【担子】” (the task's tag line, after its points) */
const POINTS_TAKE_CLOSING_BRACKET =
  /分点(?:末尾|后)?(?:没有|未(?:加|列|设|带)?)(?:单独的?|自己的?)?括号的?[，,]\s*(?:适用|执行|按照?)(?:所属|该项?|其)?任务(?:末尾)?(?:的)?括号|未另行?(?:标注|括注|注明)的?[，,]\s*(?:执行|适用|按照?)(?:所在|所属|该项?|其)任务的?[“"「]?【/;
/**
 * 标题下方所列分工和时限适用于各点 / 适用于该条目下各点 / 适用于该项所列各点 / 适用于该项任务的全部内容: what an item names covers its points —
 * they are parts of its task, not tasks of their own.
 */
const POINTS_COVERED =
  /适用于(?:该|本|所在)?(?:项任务|任务|条目|项工作|项|条)?(?:及其?)?(?:下|所属|所列)?的?(?:全部|所有)?(?:各个?)?(?:分点|要点|事项|点)|适用于(?:该|本)(?:项任务|项工作|项|条)的?(?:全部|所有)内容|(?:其余|其他)各?点仍(?:适用|执行)/;
/** 权重最高的单位为牵头单位 */
const HIGHEST_WEIGHT_LEADS = /权重最(?:高|大)的(?:单位|部门)?(?:为|是)牵头/;
/** 权重在20%及以上的为责任单位 */
const RESPONSIBLE_FROM_WEIGHT =
  /权重(?:在|达到?)?(\d{1,2})\s*[%％](?:及|或)以上的?(?:单位|部门)?(?:为|是)责任/;

/**
 * 责任权重：X50%，Y40%，Z10% read by the notice's rule as 责任单位：X（牵头）、Y（负责）、Z（配合）: the highest
 * share leads (the first of equal ones), a share from `responsibleFrom` up is responsible, a smaller one
 * supports. A list with a name written without its share is left as it is.
 */
export function withWeightRoles(text: string, weights: { responsibleFrom: number }): string {
  return text.replace(/(?:责任)?权重\s*[:：]\s*([^。\n]+)/g, (whole, list: string) => {
    const pieces = list
      .split(/[，,、；;]/)
      .map((p) => p.trim())
      .filter(Boolean);
    const shares = pieces.map((p) => /^(.+?)\s*[(（]?\s*(\d{1,3}(?:\.\d+)?)\s*[%％]\s*[)）]?$/.exec(p));
    if (shares.some((m) => m === null)) return whole;
    const values = shares.map((m) => Number((m as RegExpExecArray)[2]));
    const lead = values.indexOf(Math.max(...values));
    const named = shares.map((m, i) => {
      const role = i === lead ? "牵头" : (values[i] as number) >= weights.responsibleFrom ? "负责" : "配合";
      return `${(m as RegExpExecArray)[1]}（${role}）`;
    });
    return `责任单位：${named.join("、")}`;
  });
}

/** 括号未列的内容仍按条目括号执行 / 未列明的栏目仍适用所属条目的分工 */
const UNLISTED_FOLLOW_TASK =
  /(?:未列|未标注|未写明|未载明|没有列明|未列明|未注明|未提及|未涉及|未提到)的?(?:内容|栏目?|单位|事项|部分|角色|[^，,。；;]{2,20}?)?(?:[或和及](?:完成)?时限)?[，,]?(?:(?:仍|继续|均)(?:按|适用|执行|以|与)|按)(?:所属|其所属|所在)?(?:条目|该条目|本条|该条|条|任务|该项)/;
/** 分项末尾有单独括注的，该分项按其括注执行 / 某一点另有括号的，以该点括号为准 */
const POINT_BRACKET_RULES =
  /(?:分项|要点|小点|分点|小项|各点|该点|某点|某一点|子项)[^。；;]{0,16}(?:括注|括号)[^。；;]{0,4}[，,]\s*(?:该(?:分项|要点|小点|分点|小项|点)|各点)?(?:按其(?:自身)?(?:括注|括号)执行|以(?:该点|各点|分项|要点|小点|分点|小项|其自身|其|点末)?(?:括注|括号|标注)为准)/;
/** “责任单位”配合牵头单位抓好落实 */
const RESPONSIBLE_SUPPORTS = /[“"「]?责任单位[”"」]?(?:配合|协助|协同)[“"「]?牵头单位/;
/** 列有两个及以上牵头单位的，…不分主次 / “挑担”列有两个及以上单位的，…不分主次，均不作为牵头单位 */
const SEVERAL_LEADS_SHARE =
  /(?:两个|多个|2个)(?:及|或)?以上(?:的)?(?:责任主体|牵头单位|牵头部门|主责单位)[^。；]{0,30}?不分主次|(?:两个|多个|2个)(?:及|或)?以上(?:的)?(?:单位|部门)[^。；]{0,40}?不分主次[^。；]{0,6}?均不(?:作为|为|是)牵头/;
/** 各县（市、区）人民政府、…管委会列入配合单位的，负责本辖区具体落实 */
const SUPPORTING_PLACES_CARRY_OUT =
  /(?:人民政府|政府|管委会|乡镇|街道)[^。；;]{0,40}?列(?:入|为|在|作)(?:配合|协同|协办|参与)单位(?:的|中的|时)[，,]?[^。；;]{0,10}?(?:负责|承担)[^。；;]{0,12}?(?:落实|实施)/;
/** 未注明完成时限的任务，完成时限均为2025年12月31日 */
const DEFAULT_DEADLINE =
  /(?:标注[“"「]?([*＊★※▲])[”"」]?的(?:任务|工作)[^。]{0,20}?)?(?:(?:完成标志|任务|工作)?中?未(?:注明|标明|列明|明确|标注|写明)(?:完成)?(?:时限|时间)的(?:任务|工作|措施)?|除(?:各项)?(?:任务|工作)?中?已?(?:注明|标明|列明|明确|标注|写明)(?:完成)?(?:时限|时间)的(?:任务|工作|措施)?以?外[，,]?\s*其(?:余|他)(?:各项)?(?:任务|工作|措施)?)[，,]?\s*(?:完成时限|完成时间)?(?:均|一律)?(?:须|应|要)?(?:为|是|于)?\s*((?:20\d\d)年\d{1,2}月(?:\d{1,2}日|底))(?:前)?/;
/**
 * 标注“常态推进”的，须常态化开展工作，于2025年12月20日前进行年度交账: the date a plan gives every task whose time
 * limit is the word it quotes.
 */
const TAGGED_DEFAULT_DEADLINE =
  /标注[“"「]([\p{Script=Han}]{2,6})[”"」]的(?:任务|工作)?[，,]?[^。；;]{0,24}?于\s*((?:20\d\d)年\d{1,2}月(?:\d{1,2}日|底))前/u;
/** 第三部分至第七部分未标明责任单位的措施，由X牵头 / 任务后未标注责任单位的，由X牵头 */
const DEFAULT_LEAD =
  /(?:第([一二三四五六七八九十]{1,2})部分至第([一二三四五六七八九十]{1,2})部分)?未(?:标明|注明|列明|明确|标注)(?:责任单位|责任部门|牵头单位)的(?:措施|任务|工作)?[，,]?\s*(?:均|一律)?由(.{2,30}?)牵头/;

/** （一）工业源治理专班。牵头单位：X；成员单位：Y、Z。 / …专班由X牵头，成员单位为Y、Z */
const TEAM =
  /^[\s\u3000]*(?:[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．、])?\s*([\p{Script=Han}]{2,20}?(?:专班|工作组|专项组|攻坚组|工作专班))[。：:，,\s]*(?:牵头单位[:：为]?\s*|由)([^；;。，,]+?)(?:牵头)?[；;，,]\s*(?:成员单位|配合单位)(?:[:：为]|包括)\s*([^。；;]+)/u;

/** The working teams a plan defines, one a line (its 专班设置 section). */
function readTeams(text: string): Map<string, Team> {
  const teams = new Map<string, Team>();
  for (const line of text.split("\n")) {
    const m = TEAM.exec(line);
    if (m && splitNames((m[2] as string).trim()) && splitNames((m[3] as string).trim()))
      teams.set(m[1] as string, { lead: (m[2] as string).trim(), members: (m[3] as string).trim() });
  }
  return teams;
}

/**
 * A bracket naming a team written as a clause of its departments: 工业源治理专班；市发展改革委配合 →
 * X牵头，Y、Z配合；市发展改革委配合 (the plan says a team's lead leads and its members support).
 */
export function expandTeams(inner: string, teams: ReadonlyMap<string, Team>): string {
  let text = inner;
  for (const [name, team] of teams)
    if (text.includes(name)) text = text.split(name).join(`${team.lead}牵头，${team.members}配合`);
  return text;
}

/** 组合乙：市工业和信息化局牵头，市生态环境局负责，市发展和改革委员会配合。 — a code and the sentence it stands for. */
const ROLE_SET_LINE = /^[\s\u3000]*([\p{Script=Han}A-Za-z0-9]{2,6})\s*[：:]\s*([^：:]+?)[。.]?\s*$/u;

/**
 * The codes a plan defines by sentences of roles, one a line (its 责任组合对照 section): two or more, each
 * defined once, named in a bracket elsewhere, and no label of the genre's own (牵头单位：, 交办意见： on every
 * task's line) nor a unit's name.
 */
function readRoleSets(text: string): Map<string, string> {
  const sets = new Map<string, string>();
  const seen = new Set<string>();
  for (const line of text.split("\n")) {
    const m = ROLE_SET_LINE.exec(line);
    const code = m?.[1] as string;
    if (!m || startsWithLabel(line.trim()) || isDepartmentName(code) || hasRoleVerb(code)) continue;
    if (seen.has(code)) sets.delete(code);
    else if (isRoleSentence(m[2] as string)) sets.set(code, (m[2] as string).trim());
    seen.add(code);
  }
  for (const code of sets.keys())
    if (!new RegExp(`[（(〔][^（）()〔〕\n]{0,20}${escapeRegExp(code)}`).test(text)) sets.delete(code);
  return sets.size >= 2 ? sets : new Map();
}

/** A bracket naming a code of {@link readRoleSets} written as the sentence it stands for. */
export function expandRoleSets(inner: string, sets: ReadonlyMap<string, string>): string {
  let text = inner;
  for (const [code, sentence] of sets) if (text.includes(code)) text = text.split(code).join(sentence);
  return text;
}

/** A mode's code and what it says of the units listed (A类为独办，所列单位独立承担并牵头推进). */
const UNIT_MODE =
  /(?<=^|[：:；;。，,\s])([A-Z甲乙丙丁]类)(?:为|是)[\p{Script=Han}]{0,4}[，,]\s*(所列[^；;。]{2,40})/gu;

/** The modes a notice defines ({@link PlanConventions.unitModes}); empty where it defines none. */
function readUnitModes(text: string): Map<string, { first: Role; rest: Role }> {
  const modes = new Map<string, { first: Role; rest: Role }>();
  for (const m of text.matchAll(UNIT_MODE)) {
    const said = m[2] as string;
    const first = /第一(?:个|家|位)?(?:单位|部门)?(?:为|是)?(?:具体)?([\u4e00-\u9fa5]{2})/.exec(said);
    const rest =
      /(?:其余|其他|其后)(?:的)?(?:单位|部门)?(?:为|是|均)?(?:负责具体|具体)?([\u4e00-\u9fa5]{2})/.exec(said);
    if (first && rest) {
      const [a, b] = [roleSaid(first[1] as string), roleSaid(rest[1] as string)];
      if (a && b) modes.set(m[1] as string, { first: a, rest: b });
    } else if (/共同负责|不分主次|均为责任/.test(said))
      modes.set(m[1] as string, { first: "responsible", rest: "responsible" });
    else if (/牵头/.test(said)) modes.set(m[1] as string, { first: "lead", rest: "lead" });
  }
  return modes;
}

/** 第一行为牵头单位，第二行为配合单位 — lines of names after a task, each a role by its place. */
const LINE_ROLE = /第([一二三四])行(?:为|是|列)([\p{Script=Han}]{2,4}?(?:单位|部门))/gu;

/** The roles of a task's lines of names by position ({@link PlanConventions.positionalLines}), or null. */
function readPositionalLines(text: string): Role[] | null {
  if (!/另起行|逐行|分行/.test(text)) return null;
  const roles: Role[] = [];
  for (const m of text.matchAll(LINE_ROLE)) {
    const at = (parseSmallNumeral(m[1] as string) ?? 0) - 1;
    const role = roleSaid(m[2] as string);
    if (at >= 0 && role && roles[at] === undefined) roles[at] = role;
  }
  return roles.length > 0 && roles.every(Boolean) ? roles : null;
}

/** 系数为1.0的为牵头单位 — a number after a unit's name said to make it a kind of unit, under the bracket's label. */
const VALUE_ROLE =
  /([\p{Script=Han}]{2,4})为(\d+(?:\.\d+)?)的(?:单位)?(?:为|是)([\p{Script=Han}]{2,4}?(?:单位|部门))/gu;

/** The roles the numbers after names stand for ({@link PlanConventions.valueRoles}), or null. */
function readValueRoles(text: string): { label: string; roles: Map<string, Role> } | null {
  if (!/(?:名称|单位)后(?:的|所附|所标)?(?:的)?数字/.test(text)) return null;
  const roles = new Map<string, Role>();
  let label = "";
  for (const m of text.matchAll(VALUE_ROLE)) {
    const role = roleSaid(m[3] as string);
    if (!role) continue;
    roles.set(m[2] as string, role);
    label = m[1] as string;
  }
  return roles.size >= 2 ? { label, roles } : null;
}

/** 甲、乙；2025年5月底前 closing a sentence opened by 组织 → 甲、乙牵头；2025年5月底前. */
export function withSentenceRole(inner: string, role: Role | null): string {
  if (!role) return inner;
  const [units = "", ...rest] = inner.split(/(?=[；;])/);
  return [`${units.trim()}${BARE_VERB[role]}`, ...rest].join("");
}

/** （系数：甲1.0，乙0.6，丙0.2；时限：…） → 甲牵头，乙负责，丙配合；时限：… — by the notice's numbers. */
export function expandValueRoles(
  inner: string,
  value: { label: string; roles: ReadonlyMap<string, Role> } | null,
): string {
  if (!value) return inner;
  const label = new RegExp(`^\\s*(?:本点)?${escapeRegExp(value.label)}\\s*[:：]\\s*`);
  if (!label.test(inner)) return inner;
  return inner
    .replace(label, "")
    .replace(
      /([\p{Script=Han}）)]+?)\s*(\d+(?:\.\d+)?)(?=\s*(?:[，,、；;]|$))/gu,
      (all, name: string, n: string) => {
        const role = value.roles.get(n) ?? value.roles.get(String(Number(n)));
        return role ? `${name}${BARE_VERB[role]}` : all;
      },
    );
}

/** 以“组织”起句的，括号内单位为牵头单位 — a sentence's first word giving the role of its closing bracket's units. */
const OPENING_VERB =
  /以[“"「]([\p{Script=Han}]{1,4})[”"」](?:起句|开头|打头|起首)的[，,]?\s*(?:句末)?括号(?:内|中|里)?(?:所列)?的?(?:单位|部门)(?:为|是)([\p{Script=Han}]{2,4}?(?:单位|部门))/gu;

function readOpeningVerbs(text: string): Map<string, Role> {
  const verbs = new Map<string, Role>();
  for (const m of text.matchAll(OPENING_VERB)) {
    const role = roleSaid(m[2] as string);
    if (role) verbs.set(m[1] as string, role);
  }
  return verbs;
}

/**
 * The role the sentence a bracket closes gives its units by its first word ({@link PlanConventions.openingVerbs}):
 * the sentence runs from the last full stop or line before `at`, its number (1. or （一）) aside.
 */
export function openingVerbRole(text: string, at: number, verbs: ReadonlyMap<string, Role>): Role | null {
  if (verbs.size === 0) return null;
  const before = text.slice(0, at);
  const start = Math.max(before.lastIndexOf("。"), before.lastIndexOf("\n")) + 1;
  const sentence = before
    .slice(start)
    .replace(/^\s*(?:\d+[.．、]|[（(][一二三四五六七八九十\d]+[)）])?\s*/, "");
  for (const [verb, role] of verbs) if (sentence.startsWith(verb)) return role;
  return null;
}

/** 〔B类：甲、乙、丙；date〕 → 甲牵头，乙、丙配合；date — by the mode the notice defines for the code. */
export function expandUnitModes(
  inner: string,
  modes: ReadonlyMap<string, { first: Role; rest: Role }>,
): string {
  if (modes.size === 0) return inner;
  return inner.replace(/^\s*([A-Z甲乙丙丁]类)\s*[:：]\s*([^；;]+)/, (all, code: string, names: string) => {
    const mode = modes.get(code);
    if (!mode) return all;
    const [first, ...rest] = names
      .split(/[、，,]/)
      .map((n) => n.trim())
      .filter(Boolean);
    if (!first) return all;
    return rest.length === 0
      ? `${first}${BARE_VERB[mode.first]}`
      : mode.first === mode.rest
        ? `${[first, ...rest].join("、")}${BARE_VERB[mode.first]}`
        : `${first}${BARE_VERB[mode.first]}，${rest.join("、")}${BARE_VERB[mode.rest]}`;
  });
}

/** Whether a text's lines after its first are nothing but the definitions of {@link readRoleSets}. */
export function definesRoleSets(text: string, sets: ReadonlyMap<string, string>): boolean {
  const lines = text
    .split("\n")
    .slice(1)
    .map((l) => l.trim())
    .filter(Boolean);
  return sets.size > 0 && lines.length > 0 && lines.every((l) => sets.has(ROLE_SET_LINE.exec(l)?.[1] ?? ""));
}

/** 第一环所列单位为牵头单位 */
const RING =
  /第([一二三四五])(?:环|档|层|梯队|顺位)(?:所列|列出)?的?(?:单位|部门)?(?:为|是)([^；;。，,]{0,10})/g;

/** 责任排序用“＞”分档: the field a chain stands in and the mark parting its rings, in quotes. */
const CHAIN_MARK =
  /([\p{Script=Han}]{2,6})(?:用|以|按)[“"「]([＞>→—－＜<|｜/／])[”"」](?:分档|分环|分层|分级|分隔|区分)/u;

/** 只分两档的，第二档为配合单位 / 只有一档的，该档单位均为牵头单位: roles for a chain of so many rings. */
const RINGS_COUNTED = /只(?:分|有|设)([一二两三四])(?:环|档|层|组)的?[，,]([^；;。]+)/g;
/** 前一组为牵头单位，后一组为配合单位: the first and the last ring of a shorter chain. */
const FRONT_BACK = /([前后])一(?:组|档|环|层)(?:单位)?(?:为|是)([^；;。，,]{0,10})/g;
/** 不分组的，所列单位为牵头单位: a list without the mark is one ring of this role. */
const ONE_RING = /不分(?:组|档|环|层)的[，,]?\s*(?:所列)?(?:单位|部门)?(?:均)?(?:为|是)([^；;。，,]{0,10})/;

/** 按“牵头单位—责任单位—配合单位”的顺序: the kinds of unit a line lists in order, and the mark between them. */
const ORDERED_KINDS =
  /[“"「]((?:[\p{Script=Han}]{2,6}(?:单位|部门))(?:\s*[—→－‖]\s*[\p{Script=Han}]{2,6}(?:单位|部门)){1,3})[”"」]的?顺序/u;

/** The order of the kinds of unit a notice says its chain lines follow (牵头单位—责任单位—配合单位), and their mark. */
function readOrderedKinds(text: string): { roles: Role[]; mark: string } | null {
  const m = ORDERED_KINDS.exec(text);
  if (!m) return null;
  const mark = /→/.test(m[1] as string) ? "→" : /‖/.test(m[1] as string) ? "‖" : "—";
  const roles = (m[1] as string).split(/\s*[—→－‖]\s*/).map((kind) => roleSaid(kind));
  return roles.every((r): r is Role => r !== null) ? { roles, mark } : null;
}

/** 按“自验→复核→终验”的顺序: the notice's own role words, in the order its chain lines write them. */
const ORDERED_WORDS = /[“"「]([\p{Script=Han}]{1,4}(?:\s*→\s*[\p{Script=Han}]{1,4}){1,4})[”"」]的?顺序/u;

/** The notice's own words its chain lines end their rings in, in order (按“自验→复核→终验”的顺序); empty when none. */
function readChainWords(text: string): string[] {
  return ORDERED_WORDS.exec(text)?.[1]?.split(/\s*→\s*/) ?? [];
}

/**
 * The roles of a chain's rings, first to last, as the notice defines them (by kinds of unit, by its own words each
 * defined as a role — `roleWords` — or ring by ring); null when it defines none.
 */
function readChainRoles(text: string, roleWords: ReadonlyMap<string, Role>): Role[] | null {
  const ordered = readOrderedKinds(text);
  if (ordered) return ordered.roles;
  // (Its own words in order, each defined as a role: 标注“终验”的单位…为牵头单位.)
  const words = readChainWords(text).map((w) => roleWords.get(w) ?? null);
  if (words.length > 0 && words.every((r): r is Role => r !== null)) return words;
  if (!/→/.test(text) && !CHAIN_MARK.test(text)) return null;
  const roles: Role[] = [];
  // (只分两档的，第二档为配合单位 says a shorter chain's rings: read apart.)
  for (const m of text.replace(RINGS_COUNTED, "").matchAll(RING)) {
    const at = (parseSmallNumeral(m[1] as string) ?? 0) - 1;
    const role = roleSaid(m[2] as string);
    if (at >= 0 && role) roles[at] = role;
  }
  return roles.length >= 2 && roles.every(Boolean) ? roles : null;
}

/** The roles of a chain of `count` rings the notice says apart from its usual order (only two rings: …). */
function readChainRolesByCount(text: string, usual: readonly Role[] | null): Map<number, Role[]> {
  const byCount = new Map<number, Role[]>();
  if (!usual) return byCount;
  for (const m of text.matchAll(RINGS_COUNTED)) {
    const count = parseSmallNumeral((m[1] as string).replace("两", "二")) ?? 0;
    const said = m[2] as string;
    // 该档单位均为牵头单位: every ring's units.
    const all = /(?:均|都|一律)(?:为|是)/.test(said)
      ? roleSaid(said.replace(/^.*?(?:均|都|一律)(?:为|是)/, ""))
      : null;
    // (Rings it does not say keep the usual order's roles.)
    const roles: Role[] = usual.slice(0, count);
    if (all) roles.splice(0, count, ...Array.from({ length: count }, () => all));
    else {
      for (const ring of said.matchAll(RING)) {
        const at = (parseSmallNumeral(ring[1] as string) ?? 0) - 1;
        const role = roleSaid(ring[2] as string);
        if (at >= 0 && role) roles[at] = role;
      }
      for (const ring of said.matchAll(FRONT_BACK)) {
        const role = roleSaid(ring[2] as string);
        if (role) roles[ring[1] === "前" ? 0 : count - 1] = role;
      }
    }
    if (count > 0 && roles.length > 0) byCount.set(count, roles);
  }
  const one = ONE_RING.exec(text);
  const alone = one ? roleSaid(one[1] as string) : null;
  if (alone && !byCount.has(1)) byCount.set(1, [alone]);
  return byCount;
}

/**
 * A bracket's units written as the notice's chain (（甲‖乙、丙‖丁；date）, 牵头单位‖责任单位‖配合单位), as a clause of
 * roles: 甲牵头，乙、丙负责，丁配合；date. A list without the mark is one ring where the notice says what one ring is
 * (不分组的，所列单位为牵头单位). Only for a mark that parts nothing else (‖).
 */
export function expandChainBracket(
  inner: string,
  roles: readonly Role[] | null,
  mark: string,
  byCount: ReadonlyMap<number, readonly Role[]>,
): string {
  if (!roles || mark !== "‖") return inner;
  const [units = "", ...rest] = inner.split(/(?=[；;])/);
  const rings = units.split(mark).map((r) => r.trim());
  if (
    rings.length === 1 &&
    (!byCount.has(1) || !/^[\p{Script=Han}（）()、]+$/u.test(units) || rest.length === 0)
  )
    return inner;
  const ringRoles = byCount.get(rings.length) ?? roles;
  const parts = rings.flatMap((ring, i) => {
    const role = ringRoles[i];
    return role && ring !== "" ? [`${ring}${BARE_VERB[role]}`] : [];
  });
  return parts.length > 0 ? [parts.join("，"), ...rest].join("") : inner;
}

/**
 * A chain line under a task (责任链：A→B、C→D, — for an empty ring), or a chain in the field the notice names
 * (〔责任排序：A＞B、C；截止：…〕), written as a clause of roles by the plan's rings: A牵头，B、C配合，D负责. The roles of a
 * chain of fewer rings are the notice's for that many where it says them (只分两档的，第二档为配合单位), else its
 * first rings'. Null when the text has no such line.
 */
export function chainClause(
  text: string,
  roles: readonly Role[] | null,
  mark = "→",
  byCount: ReadonlyMap<number, readonly Role[]> = new Map(),
  label: string | null = null,
  ringWords: readonly string[] = [],
): string | null {
  if (!roles) return null;
  const m = escapeRegExp(mark);
  const line =
    new RegExp(`^[\\s　]*[\\p{Script=Han}]{2,6}[:：]\\s*([^\\n]*${m}[^\\n]*)$`, "mu").exec(text) ??
    // (…or a point's own at the end of its sentence: …抽检合格率保持100%。本点验收链：A自验→B终验〔…〕)
    new RegExp(
      `[。；;]\\s*(?:本点|该点|此点)[\\p{Script=Han}]{2,6}[:：]\\s*([^\\n]*${m}[^\\n]*)$`,
      "mu",
    ).exec(text) ??
    (label ? new RegExp(`${escapeRegExp(label)}\\s*[:：]\\s*([^；;〕）)】\\]\\n]+)`, "u").exec(text) : null);
  if (!line) return null;
  const written = (line[1] as string).split(mark).map((r) => r.trim().replace(/[。；;]$/, ""));
  // A ring written with its word (X自验→Z终验〔date〕, a ring left out) is its units without the word and the date
  // after it, in the role of its word wherever it stands.
  const worded = written.map((r) => {
    const bare = r.replace(/\s*〔[^〕]*〕$/, "");
    const at = ringWords.findIndex((w) => bare.endsWith(w));
    return at >= 0 ? { ring: bare.slice(0, -(ringWords[at] as string).length), at } : null;
  });
  const rings = written.map((r, i) => worded[i]?.ring ?? r);
  roles = byCount.get(rings.length) ?? roles;
  // (An empty ring is written —, or / where — parts the rings.)
  const parts = rings.flatMap((ring, i) => {
    const role = roles[worded[i]?.at ?? i];
    return role && ring !== "" && !/^(?:[—\-－]+|[/／]+)$/.test(ring) ? [`${ring}${BARE_VERB[role]}`] : [];
  });
  return parts.length > 0 ? parts.join("，") : null;
}

/** 03　市生态环境局: a line of a table that numbers the departments. */
const CODE_LINE = /^\s*(\d{2})[\s　]+([\p{Script=Han}（）()、]{3,40})\s*$/u;

/** The plan's table of department numbers, when it has one (five lines or more). */
function readCodes(text: string): Map<string, string> {
  const codes = new Map<string, string>();
  for (const line of text.split("\n")) {
    const m = CODE_LINE.exec(line);
    if (m && !codes.has(m[1] as string)) codes.set(m[1] as string, m[2] as string);
  }
  return codes.size >= 5 ? codes : new Map();
}

/**
 * A bracket naming departments by number written as a clause of their names: 编号：主03，协07、11 →
 * 市生态环境局牵头，市住房和城乡建设局、市市场监督管理局配合 (主 leads, 协 supports, as such plans say).
 */
export function expandCodes(inner: string, codes: ReadonlyMap<string, string>): string {
  if (codes.size === 0 || !/[主协]\s*\d{2}/.test(inner)) return inner;
  const names = (list: string) =>
    list
      .split(/[、，,]\s*/)
      .map((n) => codes.get(n.trim()) ?? n)
      .join("、");
  return inner
    .replace(/编号\s*[:：]\s*/g, "")
    .replace(/主\s*(\d{2}(?:\s*[、，,]\s*\d{2})*)(?![\d])/g, (_, list: string) => `${names(list)}牵头`)
    .replace(/协\s*(\d{2}(?:\s*[、，,]\s*\d{2})*)(?![\d])/g, (_, list: string) => `${names(list)}配合`);
}

/** 斜杠“/”前为牵头单位，斜杠后为配合单位 / 牵头单位、配合单位和完成时限，三者之间以“／”分隔 */
const SLASH_PARTS =
  /(?:斜杠|竖线|[“"「][/／｜|][”"」])[^。]{0,40}?牵头(?:单位|部门)[^。]{0,30}?配合(?:单位|部门)|牵头(?:单位|部门)[^。]{0,30}?配合(?:单位|部门)[^。]{0,30}?(?:斜杠|竖线|[“"「][/／｜|][”"」])/;
const SLASHLESS_LEAD = /未(?:设|用|加|标)斜杠[^。]{0,12}?(?:均)?(?:为|是)牵头/;

/**
 * A bracket whose parts between slashes are lead, support and time limit, read by the plan's rule:
 * 甲、乙/丙；2025.6 → 甲、乙牵头，丙配合；2025.6 and 甲／丙／2024年10月底前 → 甲牵头，丙配合；2024年10月底前 (a
 * dash — says there is no support). With no slash, the names lead when the plan says so. Null when it
 * is no such bracket.
 */
export function slashRoles(inner: string, allLead: boolean): string | null {
  const [head = "", ...after] = splitTopLevel(inner, /[；;]/).map((p) => p.trim());
  const parts = splitTopLevel(head, /[/／｜|]/).map((p) => p.trim());
  const tail = after.map((a) => `；${a}`).join("");
  const none = (p: string | undefined) => p === undefined || /^[—–\-－]+$/.test(p) || p === "";
  if (parts.length === 1)
    return allLead && !hasRoleVerb(head) && splitNames(head) ? `${head}牵头${tail}` : null;
  if (parts.length > 3 || !splitNames(parts[0] as string)) return null;
  const [lead, support, time] = parts;
  if (!none(support) && !splitNames(support as string)) return null;
  return `${lead}牵头${none(support) ? "" : `，${support}配合`}${time ? `；${time}` : ""}${tail}`;
}

/**
 * A bracket of names closed by the one in overall charge (甲、乙、丙，甲负总责): 甲 leads and the others
 * support — 甲牵头，乙、丙配合. Null when it is no such bracket.
 */
export function overallLead(inner: string): string | null {
  const m = /^(.+?)[，,]\s*([^，,；;]+?)负总责$/.exec(inner.trim());
  if (!m) return null;
  const names = splitTopLevel(m[1] as string, /[、]/).map((n) => n.trim());
  const lead = (m[2] as string).trim();
  if (!splitNames(names.join("、")) || !splitNames(lead)) return null;
  const others = names.filter((n) => n !== lead);
  return others.length > 0 ? `${lead}牵头，${others.join("、")}配合` : `${lead}牵头`;
}

/** 括号外为牵头单位，括号内为配合单位 */
const INNER_SUPPORTS =
  /括号外(?:的|所列)?(?:单位|部门)?(?:为|是)牵头(?:单位|部门)[^。]{0,6}括号内(?:的|所列)?(?:单位|部门)?(?:为|是)(?:配合|参与|协办|协同)/;

/**
 * A bracket of names with the supporting ones in an inner bracket, read by the plan's rule (括号外为
 * 牵头单位，括号内为配合单位): 甲、乙（丙、丁）；2025年6月底前 → 甲、乙牵头，丙、丁配合；2025年6月底前. Null
 * when no part is written so.
 */
export function innerSupports(inner: string): string | null {
  let changed = false;
  const parts = splitTopLevel(inner, /[；;]/).map((part) => {
    const m = /^([^（）()]+)[（(]([^（）()]+)[）)]$/.exec(part.trim());
    if (
      !m ||
      hasRoleVerb(part) ||
      !splitNames((m[1] as string).trim()) ||
      !splitNames((m[2] as string).trim())
    )
      return part;
    changed = true;
    return `${(m[1] as string).trim()}牵头，${(m[2] as string).trim()}配合`;
  });
  return changed ? parts.join("；") : null;
}

/** 分号前的单位为牵头单位，分号后的单位为配合单位 */
const SEMICOLON_ROLES =
  /分号前(?:的|所列)?(?:单位|部门)?(?:为|是)牵头(?:单位|部门)[^。]{0,12}分号后(?:的|所列)?(?:单位|部门)?(?:为|是)(?:配合|参与|协办)/;
/**
 * 冒号前为牵头单位，冒号后为配合单位 / “＋”号前的单位为牵头单位，负责…；“＋”号后的单位为配合单位 / “协助”之前所列单位为
 * 配合单位，“协助”之后所列单位为牵头单位 / 破折号“——”前为牵头单位，破折号后为配合单位 / “及”字前的单位为牵头单位…
 * “及”字后的单位为配合单位 (a word written between the lists: X及Y, X商Y办理)
 */
const PARTING =
  /(冒号|逗号|破折号|[“"「][^”"」\s]{1,2}[”"」])[号字]?(?:[“"「][^”"」\s]{1,2}[”"」])?(?:之)?前(?:的|所列|列出)?的?(?:单位|部门)?(?:为|是)(牵头|配合|参与|协办)(?:单位|部门)[^。]{0,40}?(?:\1|破折号)[号字]?(?:[“"「][^”"」\s]{1,2}[”"」])?(?:之)?后(?:的|所列|列出)?的?(?:单位|部门)?(?:为|是)(牵头|配合|参与|协办)/;

/** 带★的为牵头单位，其余为配合单位 / 标注“☆”的单位为牵头单位 */
const LEAD_MARK =
  /(?:带|标有|标注|标|加|注有?|后缀)\s*(?:有)?[“"「]?([★☆※▲△＊*◆●■√✓✔])[”"」]?\s*(?:号|标记|符号)?的?(?:单位|部门)?(?:为|是)牵头(?:单位|部门)(?:[,，；;]\s*(?:其余|其他|未标注的?)(?:的)?(?:单位|部门)?(?:为|是)(配合|参与|协办|责任)(?:单位|部门)?)?/;
/** 加粗标注的为牵头单位 */
const BOLD_LEADS = /加粗(?:标注|标示|显示|字体)?的?(?:单位|部门)?(?:为|是)牵头(?:单位|部门)/;
/** 标注“*”的为配合单位，未标注“*”的为牵头单位 */
const SUPPORT_MARK =
  /(?:带|标有|标注|标|加|注有?|后缀)\s*(?:有)?[“"「]?([★☆※▲△＊*◆●■√✓✔])[”"」]?\s*(?:号|标记|符号)?的?(?:单位|部门)?(?:为|是)(?:配合|参与|协办)(?:单位|部门)[,，；;]\s*未(?:带|标有|标注|标|加|注)[“"「]?[★☆※▲△＊*◆●■]?[”"」]?\s*(?:号|标记|符号)?的?(?:单位|部门)?(?:为|是)牵头(?:单位|部门)/;
/** 标注“〔召集〕”的单位为牵头单位 */
const LEAD_TAG =
  /标(?:注|明|有)[“"「]?([〔［【(（][\p{Script=Han}]{1,4}[〕］】)）])[”"」]?的?(?:单位|部门)?(?:为|是)牵头(?:单位|部门)/u;
/** 标注〔牵〕的为牵头单位；标注〔配〕的为配合单位: each tag and what its units are said to be. */
const NAME_TAG =
  /标(?:注|明|有)[“"「]?([〔［【(（][\p{Script=Han}]{1,4}[〕］】)）])[”"」]?的?(?:单位|部门)?(?:为|是)([^，,。；;]{1,16}?)(?:单位|部门)/gu;

/**
 * 标注“■”的为牵头单位 / 标注“□”的为配合单位 / 条目序号后标“◎”的，该单位为牵头单位: a mark and the role of the names it
 * marks.
 */
const MARK_ROLE =
  /标(?:注|有|明)?[“"「]?([■□△▲●○◎★☆◆◇※]{1,3}|[\u2460-\u2469\u24B6-\u24E9\u2160-\u216B¹²³\u2074-\u2079])[”"」]?(?:号|标记|符号)?的[，,]?(?:该|其)?(?:单位|部门)?(?:为|是)(牵头|配合|参与|协办|责任|负责)(?:单位|部门)/g;
/** “△”后为完成时限 */
const TIME_MARK =
  /[“"「]([■□△▲●○★☆◆◇※\u24B6-\u24E9])[”"」](?:号|标记|符号)?(?:之)?后(?:的|所列)?(?:四位数字|数字|日期)?(?:为|是)(?:该项任务的|各项任务的|任务的)?(?:完成)?(?:时限|时间)/;

/** The marks a notice defines for the names of a line under each task; empty unless one marks leads. */
function readLineMarks(text: string): Map<string, Role | "time"> {
  const marks = new Map<string, Role | "time">();
  for (const m of text.matchAll(MARK_ROLE)) {
    const role = ROLE_WORDS[m[2] as string];
    if (role && !marks.has(m[1] as string)) marks.set(m[1] as string, role);
  }
  const time = TIME_MARK.exec(text)?.[1];
  if (time && !marks.has(time)) marks.set(time, "time");
  return [...marks.values()].includes("lead") && marks.size > 1 ? marks : new Map();
}

/**
 * （县工信局★★★，各乡镇★★，县发改局★｜2025年9月底前） by the notice's rule that the number of marks after a name gives
 * its role (标“★★★”的为牵头单位…), written as a clause: 县工信局牵头，各乡镇负责，县发改局配合；2025年9月底前. Null unless
 * the plan counts one mark so and every name of the bracket's first part carries a count it defines.
 */
export function countedMarks(inner: string, marks: ReadonlyMap<string, Role | "time">): string | null {
  const counted = [...marks].filter(([k, r]) => r !== "time" && /^(.)\1*$/u.test(k));
  const chars = new Set(counted.map(([k]) => k[0]));
  if (counted.length < 2 || chars.size !== 1 || !counted.some(([k]) => k.length > 1)) return null;
  const mark = escapeRegExp([...chars][0] as string);
  const [units = "", ...rest] = splitTopLevel(inner, /[；;｜|]/);
  const named: Array<{ name: string; role: Role }> = [];
  for (const piece of units.split(/[，,、]/).map((p) => p.trim())) {
    const m = new RegExp(`^(.+?)\\s*(${mark}+)$`, "u").exec(piece);
    const role = m ? marks.get(m[2] as string) : undefined;
    if (!m || !role || role === "time") return null;
    named.push({ name: (m[1] as string).trim(), role });
  }
  return named.length > 0 ? [rolesClause(named), ...rest].join("；") : null;
}

/**
 * A line of names each after the plan's mark (■区发改局　□区工信局　△2025年9月底前) written as a clause:
 * 区发改局牵头，区工信局配合；2025年9月底前. Null unless every piece of the line starts with a defined mark
 * and one marks a lead.
 */
export function markedLine(line: string, marks: ReadonlyMap<string, Role | "time">): string | null {
  if (marks.size === 0) return null;
  const written = line.trim();
  if (!marks.has(written[0] as string)) return null;
  const byRole: Record<Role, string[]> = { lead: [], responsible: [], support: [] };
  const times: string[] = [];
  for (const piece of written.split(new RegExp(`(?=[${escapeRegExp([...marks.keys()].join(""))}])`))) {
    const role = marks.get(piece[0] as string);
    const name = piece.slice(1).trim();
    if (!role || name === "") return null;
    if (role === "time") times.push(name);
    else byRole[role].push(...name.split(/[\s　、，,]+/).filter(Boolean));
  }
  if (byRole.lead.length === 0) return null;
  return [roleClause(byRole), ...times].join("；");
}

/** Names grouped by role written as the genre's clause: 甲牵头，乙负责，丙配合 (empty roles left out). */
function roleClause(byRole: Readonly<Record<Role, readonly string[]>>): string {
  return (["lead", "responsible", "support"] as const)
    .filter((role) => byRole[role].length > 0)
    .map((role) => `${byRole[role].join("、")}${BARE_VERB[role]}`)
    .join("，");
}

/** The tags a notice defines after names, each with the role it says; empty unless two or more. */
function readNameTags(text: string): Map<string, Role> {
  const tags = new Map<string, Role>();
  for (const m of text.matchAll(NAME_TAG)) {
    const role = roleSaid(m[2] as string);
    if (role && !tags.has(m[1] as string)) tags.set(m[1] as string, role);
  }
  return tags.size >= 2 ? tags : new Map();
}

/** 负责单位只有一个的，该单位即为牵头单位; 括号内仅列一个单位的，该单位即为牵头单位 */
const SOLE_LEADS =
  /(?:(?:负责|责任)(?:单位|部门)|括号(?:内|中|里)?)(?:只有|仅有|仅列|只列)(?:一个|1个)(?:单位|部门)?的[，,]?(?:该单位|该部门)?(?:即)?(?:为|是)牵头(?:单位|部门)|(?:只|仅)列(?:一个|1个|一家|1家)(?:责任|负责)?(?:单位|部门)[^。；;]{0,16}的[，,]?(?:由)?(?:该单位|该部门)(?:即)?(?:为|是)?牵头/;
const BRACKET_ROLE =
  /(?:括号|[“"「]?[（(［[〔【〖][\s\u3000]*[）)］\]〕】〗][”"」]?)(?:内|中|里)(?:所列|列出|列明|标注)?(?:的?(?:单位|部门))?(?:均)?(?:为|是)(?:该(?:条|项)(?:措施|任务)的)?(牵头|责任|配合)(?:单位|部门)/;
const ROLE_WORDS: Readonly<Record<string, Role>> = {
  牵头: "lead",
  配合: "support",
  参与: "support",
  协办: "support",
  责任: "responsible",
  负责: "responsible",
};
/** 任务序号后「」内所列单位为牵头单位 */
const NUMBER_BRACKET =
  /序号后(?:的)?[“"]?([「『〖【〔［])\s*([」』〗】〕］])[”"]?(?:内|中|里)(?:所列|列出|标注)?的?(?:单位|部门)?(?:均)?(?:为|是)牵头(?:单位|部门)/;
/** 位于完成时间（或“持续推进”）之前的单位为牵头单位 */
/** 时限之前列出的单位为牵头单位: the role of the names a bracket lists before its time. */
const BEFORE_TIME =
  /时限之?前(?:列出|所列|列明|写明)?的(?:单位|部门)?(?:为|是)([\p{Script=Han}]{2,8}?(?:单位|部门))/u;
/** 时限之后列出的县级部门（单位）为配合单位 / …的乡镇（街道）…为属地落实单位: the roles of the names after it. */
const AFTER_TIME =
  /时限之?后(?:列出|所列|列明|写明)?的([^。；;]{0,40}?)(?:为|是)([\p{Script=Han}]{2,8}?(?:单位|部门))/gu;

/** How a notice parts its brackets' names by their time limit; null when it does not. */
function readTimeDivides(text: string): TimeDivides | null {
  const before = BEFORE_TIME.exec(text);
  const beforeRole = before ? roleSaid(before[1] as string) : null;
  if (!beforeRole) return null;
  let after: Role | null = null;
  let local: Role | null = null;
  for (const m of text.matchAll(AFTER_TIME)) {
    const role = roleSaid(m[2] as string);
    if (!role) continue;
    if (/乡镇|街道|镇|属地/.test(`${m[1]}${m[2]}`)) local ??= role;
    else after ??= role;
  }
  return after ? { before: beforeRole, after, local } : null;
}

/** 以全称列出的为牵头单位…以简称列出的为配合单位: roles by the form a name is written in. */
const FORM_ROLES =
  /以全称(?:列出|列明|标注|写明)?的(?:单位|部门)?(?:为|是)([\p{Script=Han}]{2,8}?(?:单位|部门))[^。]*?以简称(?:列出|列明|标注|写明)?的(?:单位|部门)?(?:为|是)([\p{Script=Han}]{2,8}?(?:单位|部门))/u;

/** The roles a notice gives names written in full and by their short names; null when it gives none. */
function readFormRoles(text: string): { full: Role; short: Role } | null {
  const m = FORM_ROLES.exec(text);
  const full = m ? roleSaid(m[1] as string) : null;
  const short = m ? roleSaid(m[2] as string) : null;
  return full && short ? { full, short } : null;
}

/** Supports that are places (counties, districts, zones) made responsible: they carry the task out where they are. */
export function placesCarryOut<T extends { name: string; role: Role }>(departments: readonly T[]): T[] {
  // (A county-level city's government, 福安市人民政府, is such a place too: a plan lists its own city's as no support.)
  const place = (name: string) =>
    PLACE_UNIT.test(name) || /^\p{Script=Han}{2,4}市(?:人民政府|政府)$/u.test(name);
  return departments.map((d) => (d.role === "support" && place(d.name) ? { ...d, role: "responsible" } : d));
}

/** A unit below the plan's level named for its place (a county, a district, a town, a zone, 各县区). */
const PLACE_UNIT =
  /(?:县|区|旗|镇|乡|街道|街|办事处|镇街|园区|管委会|开发区|社区|村)(?:人民政府|政府)?$|^各|[（(]街道[)）]$/;

/**
 * A point's own bracket that writes the notice's field words straight before their names (〔本点编组：车头区工信局；
 * 到站二站〕) with a colon after each (车头：区工信局；到站：二站), and without the bracket's own label before them, as the
 * task's line writes them. The bracket as it stands when no part opens with such a word.
 */
export function withFieldColons(inner: string, words: readonly string[]): string {
  if (words.length === 0) return inner;
  const word = words
    .slice()
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|");
  // (牵头单位：… is a field of its own, 第一考核对象为X a sentence: neither takes a colon.)
  const opens = new RegExp(
    `(^|[；;｜|])\\s*(${word})(?=[\\p{Script=Han}])(?![为是即])(?![\\p{Script=Han}]{0,4}[:：])`,
    "gu",
  );
  if (!opens.test(inner.replace(/^[\p{Script=Han}]{2,6}[:：]\s*/u, ""))) return inner;
  return inner
    .replace(/^[\p{Script=Han}]{2,6}[:：]\s*(?=.)/u, (label) => {
      const rest = inner.slice(label.length);
      return new RegExp(`^(?:${word})`, "u").test(rest) ? "" : label;
    })
    .replace(opens, "$1$2：");
}

/** A county, district or zone by its bare name (含山县, 雨山区, 某某经济技术开发区). */
const BARE_COUNTY = /^[\p{Script=Han}]{1,10}(?:县|区)$/u;

/** Names with their roles written as a clause: 甲、乙牵头，丙负责，丁配合 (in the order lead, responsible, support). */
function rolesClause(named: ReadonlyArray<{ name: string; role: Role }>): string {
  const byRole: Record<Role, string[]> = { lead: [], responsible: [], support: [] };
  for (const n of named) byRole[n.role].push(n.name);
  return roleClause(byRole);
}

/**
 * 〔甲、乙　2025年9月30日前　丙、丁镇〕 by the notice's rule that the time parts the roles, as a clause: 甲、乙牵头，丁镇负责，丙配合；
 * 2025年9月30日前. Null unless the bracket holds a time with names around it (a bracket of a date alone keeps its task's).
 */
export function timeDividedClause(
  inner: string,
  rule: TimeDivides,
  timeWords: readonly string[],
): string | null {
  const parts = inner
    .trim()
    .split(/[\s\u3000，,；;]+/)
    .filter(Boolean);
  const isTime = (p: string) => isTimeLimit(p) || timeWords.includes(p) || /^(?:常态|长期|持续)/.test(p);
  const at = parts.findIndex(isTime);
  if (at < 0 || parts.length === 1) return null;
  const read = (list: readonly string[]) => (list.length > 0 ? splitNames(list.join("、")) : []);
  const before = read(parts.slice(0, at));
  const after = read(parts.slice(at + 1));
  if (!before || !after) return null;
  const named = [
    ...before.map((n) => ({ name: n.written.trim(), role: rule.before })),
    ...after.map((n) => {
      const name = n.written.trim();
      return { name, role: rule.local && PLACE_UNIT.test(name) ? rule.local : rule.after };
    }),
  ];
  return `${rolesClause(named)}；${parts[at]}`;
}

/**
 * （市经济和信息化局、发改、含山县；6月底前） by the notice's rule of written forms, once its short names are written out:
 * the names written in full take `full`, those written short `short`, and counties, districts and zones carry the task
 * out (负责) — 市经济和信息化局牵头，含山县负责，市发展改革委配合；6月底前. The bracket as it stands when it lists no names.
 */
export function rolesByForm(
  inner: string,
  shortOf: ReadonlyMap<string, string>,
  roles: { full: Role; short: Role },
): string {
  const [units = "", ...rest] = splitTopLevel(inner, /[；;]/);
  // A county or district named bare (含山县) is its government, as the notice's rule for places says.
  const pieces = units
    .trim()
    .split("、")
    .map((p) =>
      isDepartmentName(p) || !BARE_COUNTY.test(p)
        ? p
        : `${p}${/(?:新区|开发区|园区)$/.test(p) ? "管委会" : "人民政府"}`,
    );
  const names = splitNames(pieces.join("、"));
  if (!names || names.length === 0) return inner;
  const named = names.map((n) => {
    const name = n.written.trim();
    const role: Role = PLACE_UNIT.test(name) ? "responsible" : shortOf.has(name) ? roles.short : roles.full;
    return { name, role };
  });
  return [rolesClause(named), ...rest].join("；");
}

const TIMED_LEADS =
  /(?:位于|列于|写在)?完成(?:时间|时限)[^。；;]{0,16}?之?前(?:所列)?的?(?:单位|部门)(?:为|是)牵头(?:单位|部门)/;
/** 市工信局于2025年9月底前完成 / 市发改委持续推进: names, then when they get it done. */
const TIMED_PART = /^(.+?)(?:于(.{2,20}?)完成|(持续推进|常态化推进|长期坚持))$/;

/** 圆括号“（）”内所列为牵头单位 / 方括号内所列单位为配合单位: a kind of bracket and the role of its names. */
const BRACKET_KIND =
  /(圆|方|尖|六角|方头)括号\s*(?:[“"「]([（(［[〔【〈])\s*[）)］\]〕】〉]?[”"」])?\s*(?:内|中|里)(?:所列|列出|列明|标注)?(?:的)?(?:单位|部门)?(?:均)?(?:为|是)(牵头|责任|配合|参与|协办)(?:单位|部门)/g;
/** The opening marks of each kind of bracket, in both widths. */
const BRACKET_MARKS: Readonly<Record<string, string>> = {
  圆: "（(",
  方: "［[",
  尖: "〈<",
  六角: "〔",
  方头: "【",
};

/** 任务内容之前〔 〕内为牵头单位 / （ ）内为配合单位: a bracket shown by its marks, and the role of its names. */
const BRACKET_SHOWN =
  /([（(［[〔【〈])\s*[）)］\]〕】〉]\s*(?:内|中|里)(?:所列|列出|列明|标注)?(?:的)?(?:单位|部门)?(?:均)?(?:为|是)(牵头|责任|配合|参与|协办)(?:单位|部门)/g;
/** The other width of a bracket's opening mark (（ and (, ［ and [). */
const OTHER_WIDTH: Readonly<Record<string, string>> = { "（": "(", "(": "（", "［": "[", "[": "［" };

/** The role a notice gives the names in each kind of bracket (圆括号…为牵头单位；方括号…为配合单位). */
function readBracketKinds(text: string): Map<string, Role> {
  const kinds = new Map<string, Role>();
  for (const m of text.matchAll(BRACKET_KIND)) {
    const role = ROLE_WORDS[m[3] as string];
    const marks = BRACKET_MARKS[m[1] as string] ?? "";
    if (!role) continue;
    for (const mark of m[2] ? `${m[2]}${marks}` : marks) kinds.set(mark, role);
  }
  for (const m of text.matchAll(BRACKET_SHOWN)) {
    const role = ROLE_WORDS[m[2] as string];
    const mark = m[1] as string;
    if (!role || kinds.has(mark)) continue;
    kinds.set(mark, role);
    if (OTHER_WIDTH[mark]) kinds.set(OTHER_WIDTH[mark] as string, role);
  }
  // One kind alone says nothing beside the others: a plan defines them to tell them apart.
  return new Set(kinds.values()).size >= 2 ? kinds : new Map();
}

/**
 * X是各项任务的落实主体 / X为所有任务的责任主体 / X是本辖区任务落实的责任主体 / X负责本辖区任务具体落实,
 * optionally with 以下不再列出.
 */
const EVERY_TASK =
  /^(.+?)(?:(?:是|为)|负责)((?:本辖区内?|本地区|辖区内)?(?:各项|所有|全部)?(?:任务|工作)(?:落实)?的?(?:(?:落实|责任|实施)主体|具体落实|属地落实))(?:[,，]\s*(?:以下)?不再(?:一一|逐项|逐一)?列出)?$/;

/** A collective of a standing note: 市各功能区相关部门, 各县（区）有关单位. */
const COLLECTIVE = /^各?[\p{Script=Han}（）()、]{1,16}(?:相关|有关)(?:部门|单位)$/u;

/**
 * Names of a standing note, read leniently: a list joined by 及/和/以及 is read per part, and a part
 * that is no list of names but ends in a body (各市、州、直管市、神农架林区人民政府) is one collective name.
 */
function noteNames(list: string): NamePiece[] | null {
  const names: NamePiece[] = [];
  for (const part of list.split(/及|以及/)) {
    const piece = part.trim();
    const read =
      splitNames(piece) ??
      (BODY_SUFFIX.test(piece) || COLLECTIVE.test(piece) ? [{ written: piece, full: piece }] : null);
    if (!read) return null;
    names.push(...read);
  }
  return names.length > 0 ? names : null;
}

/** The conventions a plan states before its first section, from its opening paragraphs. */
export function readPlanConventions(
  preamble: string,
  canonical: Canonicalise = (w) => canonicalDepartment(w),
  notice = "",
  /** The body after its first section: some plans state their rules at the end (注：…, 明确部门分工). */
  closing = "",
): PlanConventions {
  // The opening, then the notice, then the rest of the body.
  const stated = (re: RegExp) => re.exec(preamble) ?? re.exec(notice) ?? re.exec(closing);
  const defined = readRoleWords(`${notice}\n${preamble}\n${closing}`);
  const lead = stated(FIRST_LEADS);
  // A rule for places with no lead marked (未列牵头单位的，由第一位牵头), or for several names (有两个及以上的，
  // 排在首位的为牵头单位), takes a name standing alone too: it is the first, and nothing shares its place.
  const beforeLead = lead?.input.slice(0, lead.index).slice(-30) ?? "";
  const firstLeadsAlone =
    lead !== null && (NO_LEAD_MARKED.test(beforeLead) || SEVERAL_NAMED.test(beforeLead));
  // 列于首位的区级部门为牵头单位: the first department of the plan's own level — towns and parks listed before it
  // are where the task is carried out, not who leads it.
  const firstOfLevel = lead !== null && /(?:级|直)(?:单位|部门)(?:为|是)?牵头/.test(lead[0]);
  const othersAfterLead =
    lead === null
      ? null
      : lead[1] === "责任" || lead[2] === "负责" || lead[3] !== undefined || lead[4] !== undefined
        ? "responsible"
        : ("support" satisfies Role);
  const unmarked = stated(UNMARKED);
  const bracket = stated(BRACKET_ROLE);
  // 第一组括号内为牵头单位，第二组…: the role by a bracket's place in its run, not one for every bracket.
  const bracketRole = bracket && !stated(BRACKET_ORDER) ? (ROLE_WORDS[bracket[1] as string] ?? null) : null;
  // 标注“*”的为配合单位，未标注“*”的为牵头单位 marks the supports: its second half names no marked lead.
  const supportMark = stated(SUPPORT_MARK)?.[1] ?? null;
  const marked = supportMark ? null : stated(LEAD_MARK);
  const nameTags = readNameTags(`${notice}\n${preamble}`);
  // 加粗标注的为牵头单位: a page or a .docx kept as text writes bold as **…**.
  const bold = supportMark || marked ? null : stated(BOLD_LEADS);
  const unmarkedBesideLead = unmarked
    ? (ROLE_WORDS[unmarked[1] as string] ?? null)
    : marked?.[2]
      ? (ROLE_WORDS[marked[2]] ?? null)
      : marked
        ? "support"
        : null;
  let standingNote: PlanConventions["standingNote"] = null;
  // The opening's (its last such note), else the notice's (各镇人民政府…负责辖区内各项任务的属地落实，不再一一列出).
  for (const source of [preamble, notice]) {
    for (const sentence of source.split(/[。；;\n]/)) {
      // A note in brackets: （说明：…；X是各项任务的落实主体，以下不再列出。）
      const text = sentence
        .trim()
        .replace(/^[（(](?:\s*说明[:：])?/, "")
        .replace(/[）)]$/, "")
        .trim();
      const m = EVERY_TASK.exec(text);
      if (!m || !(/不再(?:一一|逐项|逐一)?列出/.test(text) || /^(?:各项|所有|全部)/.test(m[2] as string)))
        continue;
      const names = noteNames(m[1] as string);
      if (names) standingNote = { text, departments: refs(names, "responsible", canonical) };
    }
    if (standingNote) break;
  }
  const namedTimes = readNamedTimes(`${notice}\n${preamble}`);
  return {
    namedTimes,
    countedTimes: readCountedTimes(`${notice}\n${preamble}`, namedTimes),
    monthDayYear: Number(MONTH_DAY_CODES.exec(`${notice}\n${preamble}`)?.[1] ?? 0) || null,
    monthAloneDay: Number(MONTH_ALONE_DAY.exec(`${notice}\n${preamble}`)?.[1] ?? 0) || null,
    taskKinds: readTaskKinds(`${notice}\n${preamble}`),
    // A role verb itself is no new word; the longest words first, sorted once for every clause.
    roleWords: new Map(
      [...defined]
        .filter(([word, role]) => roleOfVerb(word) !== role)
        .sort((a, b) => b[0].length - a[0].length),
    ),
    definedWords: new Set(defined.keys()),
    timeWords: [
      ...new Set(
        [TIME_WORD, TIME_WORD_UNQUOTED, TIME_WORD_AFTER_MONTH, TIME_WORD_MARKED, TIME_WORD_LISTED].flatMap(
          (re) => [...`${notice}\n${preamble}`.matchAll(re)].map((m) => m[1] as string),
        ),
      ),
    ],
    fieldNames: new Set(
      [...`${notice}\n${preamble}`.matchAll(/【([\p{Script=Han}]{1,8})】/gu)].map((m) => m[1] as string),
    ),
    othersAfterLead,
    firstLeadsAlone,
    lastLeads: stated(LAST_LEADS) ? { alone: stated(ONE_NAME_LEADS) !== null } : null,
    firstOfLevel,
    unmarkedBesideLead,
    bracketRole,
    standingNote,
    shortForms: readShortForms(`${notice}\n${preamble}\n${closing}`),
    bracketKinds: readBracketKinds(`${notice}\n${preamble}`),
    leadMark: marked ? (marked[1] as string) : bold ? "**" : null,
    lineMarks: readLineMarks(`${notice}\n${preamble}`),
    supportMark,
    leadTag: nameTags.size > 0 ? null : (stated(LEAD_TAG)?.[1] ?? null),
    nameTags,
    soleResponsibleLeads: stated(SOLE_LEADS) !== null,
    semicolonSplitsRoles: stated(SEMICOLON_ROLES) !== null,
    parting: parting(stated(PARTING), stated(UNPARTED)),
    responsibleSupportsLead: stated(RESPONSIBLE_SUPPORTS) !== null,
    severalLeadsShare: stated(SEVERAL_LEADS_SHARE) !== null,
    supportingPlacesCarryOut: stated(SUPPORTING_PLACES_CARRY_OUT) !== null,
    innerBracketSupports: stated(INNER_SUPPORTS) !== null,
    overriddenLeadSupports: stated(OVERRIDDEN_LEAD_SUPPORTS) !== null,
    openingUnitsLead: stated(OPENING_LEADS) !== null,
    bracketOrder: ((m) =>
      m ? m.slice(1).flatMap((word) => (word ? [ROLE_WORDS[word] as Role] : [])) : null)(
      stated(BRACKET_ORDER),
    ),
    pointsFollowTask: stated(POINTS_FOLLOW_TASK) !== null || stated(POINTS_COVERED) !== null,
    pointsTakeClosingBracket: stated(POINTS_TAKE_CLOSING_BRACKET) !== null,
    unlistedRolesFollowTask: stated(UNLISTED_FOLLOW_TASK) !== null,
    pointBracketRules: stated(POINT_BRACKET_RULES) !== null,
    weights: stated(HIGHEST_WEIGHT_LEADS)
      ? { responsibleFrom: Number(stated(RESPONSIBLE_FROM_WEIGHT)?.[1] ?? 0) }
      : null,
    slashParts: stated(SLASH_PARTS) ? { allLead: stated(SLASHLESS_LEAD) !== null } : null,
    defaultDeadline: readDefaultDeadline(stated(DEFAULT_DEADLINE) ?? stated(TAGGED_DEFAULT_DEADLINE)),
    defaultLead: readDefaultLead(stated(DEFAULT_LEAD), canonical),
    teams: readTeams(`${preamble}\n${closing}`),
    roleSets: readRoleSets(`${preamble}\n${closing}`),
    unitModes: readUnitModes(`${notice}\n${preamble}`),
    positionalLines: readPositionalLines(`${notice}\n${preamble}`),
    valueRoles: readValueRoles(`${notice}\n${preamble}`),
    openingVerbs: readOpeningVerbs(`${notice}\n${preamble}`),
    codes: /编号/.test(`${notice}\n${preamble}`) ? readCodes(closing) : new Map(),
    chainRoles: readChainRoles(`${notice}\n${preamble}`, defined),
    chainMark:
      readOrderedKinds(`${notice}\n${preamble}`)?.mark ??
      CHAIN_MARK.exec(`${notice}\n${preamble}`)?.[2] ??
      "→",
    chainRolesByCount: readChainRolesByCount(
      `${notice}\n${preamble}`,
      readChainRoles(`${notice}\n${preamble}`, defined),
    ),
    chainLabel: CHAIN_MARK.exec(`${notice}\n${preamble}`)?.[1] ?? null,
    chainWords: readChainWords(`${notice}\n${preamble}`),
    timedLeads: stated(TIMED_LEADS) !== null,
    timeDivides: readTimeDivides(`${notice}\n${preamble}`),
    localRole: ((m) => (m ? roleSaid(m[1] as string) : null))(stated(LOCAL_ROLE)),
    formRoles: readFormRoles(`${notice}\n${preamble}`),
    numberBracket: ((m) => (m ? { open: m[1] as string, close: m[2] as string } : null))(
      stated(NUMBER_BRACKET),
    ),
  };
}

/**
 * A bracket of names written as the clause the plan's rules make of it: marked leads (带★的为牵头单位), the
 * semicolon rule, names outside and inside an inner bracket, slashes, 甲、乙，甲负总责, the first name
 * leading — the first rule that reads it; else the bracket as it stands.
 */
export function bracketClause(inner: string, c: PlanConventions): string {
  return (
    unitsBeforeRoles(inner) ||
    mainOfList(inner) ||
    (c.lineMarks.size > 0 &&
      (countedMarks(inner, c.lineMarks) || markedNames(inner, c.lineMarks, c.unmarkedBesideLead))) ||
    (c.nameTags.size > 0 && taggedRoles(inner, c.nameTags)) ||
    (c.timeDivides && timeDividedClause(inner, c.timeDivides, c.timeWords)) ||
    timedClause(inner, c.timedLeads ? "lead" : "responsible") ||
    (c.leadMark && markedLeads(inner, c.leadMark, c.unmarkedBesideLead)) ||
    (c.supportMark && markedSupports(inner, c.supportMark)) ||
    (c.semicolonSplitsRoles && semicolonRoles(inner)) ||
    (c.parting && partedRoles(inner, c.parting)) ||
    (c.innerBracketSupports && innerSupports(inner)) ||
    (c.slashParts && slashRoles(inner, c.slashParts.allLead)) ||
    overallLead(inner) ||
    (c.othersAfterLead && firstLeads(inner, c.othersAfterLead, c.localRole)) ||
    (c.lastLeads && lastLeads(inner, c.lastLeads.alone, c.localRole)) ||
    inner
  );
}

/**
 * （A、B、C，以A为主；date）: the units, then the one the task is mainly on — it leads, the others help —
 * written as the clause A牵头，B、C配合；date. Null unless so written.
 */
function mainOfList(inner: string): string | null {
  const m = /^([^，,；;。]+?)[，,]\s*以(.{2,40}?)为主\s*(?=[；;。]|$)/.exec(inner.trim());
  const names = m ? splitNames(m[1] as string) : null;
  if (!m || !names) return null;
  const main = (m[2] as string).trim();
  const others = names.map((n) => n.written.trim()).filter((n) => n !== main);
  const rest = inner.trim().slice(m[0].length);
  return `${main}牵头${others.length > 0 ? `，${others.join("、")}配合` : ""}${rest}`;
}

/** A role word written after its units and a colon (区发展和改革局：牵头): the genre's verbs of a role. */
const ROLE_AFTER_COLON = /^(.+?)\s*[:：]\s*(牵头(?:负责)?|负责|落实|具体落实|协助|配合|参与|协同|协办)$/;

/**
 * （区发展和改革局：牵头；区工信局、区市场监管局：落实；区财政局：协助；2025年10月底前）: each part names its units
 * before a colon and their role after it — written as the clause 甲牵头；乙、丙落实；丁协助；date. Null unless a
 * part is so written and every other part is a time limit. 在X统筹下，Y负责 reads as X牵头，Y负责.
 */
export function unitsBeforeRoles(inner: string): string | null {
  const overseen = /^\s*在(.{2,40}?)(?:的)?统筹下\s*[，,]?/.exec(inner);
  if (overseen && splitNames(overseen[1] as string))
    return `${overseen[1]}牵头，${inner.slice(overseen[0].length)}`;
  const parts = splitTopLevel(inner, /[；;]/).map((p) => p.trim());
  let said = false;
  const clauses = parts.map((part) => {
    const m = ROLE_AFTER_COLON.exec(part);
    if (!m || !splitNames(m[1] as string)) return part;
    said = true;
    return `${m[1]}${m[2]}`;
  });
  return said && clauses.every((c, i) => c !== parts[i] || isTimeLimit(c)) ? clauses.join("；") : null;
}

/**
 * A list of names each carrying a mark the notice defines, before or after it (◆市工信局、◇市发改委；date /
 * 区发改局①，区行政审批局②，生态环境分局③), written as a clause: 市工信局牵头，市发改委配合；date. Null unless every
 * name of the list carries one mark and one of them marks a lead.
 */
export function markedNames(
  inner: string,
  marks: ReadonlyMap<string, Role | "time">,
  unmarked: Role | null = null,
): string | null {
  // （Ⅰ甲；Ⅱ乙、丙；Ⅲ丁；date）: the parts opening with a mark are one list, whatever parts them.
  const parts = splitTopLevel(inner, /[；;]/);
  const unmarkedAt = parts.findIndex((p) => !marks.has(p.trim()[0] as string));
  const end = unmarkedAt === -1 ? parts.length : unmarkedAt;
  const marked = end > 1 ? parts.slice(0, end) : parts.slice(0, 1);
  const byRole = namesByMark(marked.join("、"), marks, unmarked);
  // （…；Ⓓ0630） — a part opening with the time mark is the time limit, under the genre's label.
  const rest = parts
    .slice(marked.length)
    .map((p) => (marks.get(p.trim()[0] as string) === "time" ? `完成时限：${p.trim().slice(1)}` : p));
  return byRole ? [roleClause(byRole), ...rest].join("；") : null;
}

/** The label the genre gives the units of each role, for a marked list written as labelled lists. */
const ROLE_LABEL: Readonly<Record<Role, string>> = {
  lead: "牵头单位",
  responsible: "责任单位",
  support: "配合单位",
};

/**
 * A labelled line of marked names (落实单位：区发改局①，区行政审批局②) written as the genre's labelled lists:
 * 牵头单位：区发改局；责任单位：区行政审批局. Null unless the list after the label is one {@link markedNames} reads.
 */
export function markedLabels(line: string, marks: ReadonlyMap<string, Role | "time">): string | null {
  const m = LABELLED_NAMES.exec(line);
  const byRole = m ? namesByMark(m[2] as string, marks) : null;
  return m && byRole ? labelledLists(m[1] as string, byRole) : null;
}

/** A line of names under a label (落实单位：…, 本点责任单位：…): its indent and its names. */
const LABELLED_NAMES = /^(\s*)[\p{Script=Han}]{2,8}\s*[:：]\s*(.+?)\s*$/u;

/** Names by role written as the genre's labelled lists on one line: 牵头单位：甲；责任单位：乙 (empty roles left out). */
function labelledLists(indent: string, byRole: Readonly<Record<Role, readonly string[]>>): string {
  const lists = (["lead", "responsible", "support"] as const)
    .filter((role) => byRole[role].length > 0)
    .map((role) => `${ROLE_LABEL[role]}：${byRole[role].join("、")}`);
  return `${indent}${lists.join("；")}`;
}

/**
 * A labelled line whose leads carry the plan's mark (责任单位：市住建局√、市城管执法局、各镇、街道 under 单位名称后带“√”的
 * 为牵头单位，各镇、街道为属地责任单位，其余单位为配合单位) written as the genre's labelled lists: 牵头单位：市住建局；
 * 责任单位：各镇、街道；配合单位：市城管执法局. Null unless a name of the line carries the mark.
 */
export function leadMarkedLabels(
  line: string,
  mark: string,
  others: Role,
  local: Role | null,
): string | null {
  const m = LABELLED_NAMES.exec(line);
  if (!m || !(m[2] as string).includes(mark)) return null;
  const byRole: Record<Role, string[]> = { lead: [], responsible: [], support: [] };
  for (const written of splitTopLevel(m[2] as string, /[、，,]/)) {
    const name = written.split(mark).join("").trim();
    if (name === "") continue;
    if (written.includes(mark)) byRole.lead.push(name);
    else byRole[local && PLACE_UNIT.test(name) ? local : others].push(name);
  }
  return labelledLists(m[1] as string, byRole);
}

/**
 * The names of a list by the role of their marks; null unless every name carries one (or the notice gives the
 * unmarked a role: 未加标注的为责任单位) and one leads.
 */
function namesByMark(
  list: string,
  marks: ReadonlyMap<string, Role | "time">,
  unmarked: Role | null = null,
): Record<Role, string[]> | null {
  const names = splitTopLevel(list, /[、，,\s\u3000]/)
    .map((n) => n.trim())
    .filter(Boolean);
  const byRole: Record<Role, string[]> = { lead: [], responsible: [], support: [] };
  // 一个编码后以顿号并列的多个单位，均承担该编码对应的职责: an unmarked name after a marked one shares its mark.
  let current: Role | null = null;
  for (const written of names) {
    if (!marks.has(written[0] as string) && !marks.has(written.at(-1) as string) && current && !unmarked) {
      byRole[current].push(written);
      continue;
    }
    const [mark, name] = marks.has(written[0] as string)
      ? [written[0] as string, written.slice(1)]
      : [written.at(-1) as string, written.slice(0, -1)];
    const role = marks.get(mark);
    if (!role && unmarked && isDepartmentName(written)) {
      byRole[unmarked].push(written);
      continue;
    }
    if (!role || role === "time" || name.trim() === "") return null;
    byRole[role].push(name.trim());
    current = role;
  }
  return byRole.lead.length > 0 ? byRole : null;
}

/**
 * A bracket that says when its names get the task done (市工信局于2025年9月底前完成，市发改委、市生态环境局配合;
 * 市商务局持续推进，…) written as a clause: 市工信局牵头，…配合；2025年9月底前 — the names before the time take
 * `role`. Null when no part of it is names said to finish by a time.
 */
export function timedClause(inner: string, role: Role): string | null {
  const clauses: string[] = [];
  const times: string[] = [];
  let timed = false;
  for (const part of splitTopLevel(inner, /[，,；;]/)) {
    const m = TIMED_PART.exec(part.trim());
    if (!m || !splitNames(m[1] as string)) {
      (isTimeLimit(part) ? times : clauses).push(part);
      continue;
    }
    timed = true;
    clauses.push(`${m[1]}${BARE_VERB[role]}`);
    // A time the notice names (采暖期前) is no time limit the clause reads: the plan's dates give it.
    if (m[2] && isTimeLimit(m[2])) times.push(m[2]);
  }
  return timed ? [clauses.join("，"), ...times].join("；") : null;
}

/**
 * A bracket whose leads carry the plan's mark (市经信局★、生态环境分局、市发改局) written as a clause:
 * 市经信局牵头，生态环境分局、市发改局配合 (the others take the role the plan gives them). Null when no
 * name carries the mark.
 */
export function markedLeads(inner: string, mark: string, others: Role | null): string | null {
  const { names, times } = listedNames(inner);
  const leads = names.filter((n) => n.includes(mark)).map((n) => n.split(mark).join("").trim());
  if (leads.length === 0) return null;
  const rest = names.filter((n) => !n.includes(mark));
  const lead = `${leads.join("、")}牵头`;
  const clause = rest.length > 0 ? `${lead}，${rest.join("、")}${BARE_VERB[others ?? "support"]}` : lead;
  return [clause, ...times].join("；");
}

/**
 * A bracket whose supporting units carry the plan's mark (甲、乙、丙*、丁*；date), the others leading,
 * written as a clause: 甲、乙牵头，丙、丁配合；date. Null when no name of its list carries the mark.
 */
export function markedSupports(inner: string, mark: string): string | null {
  const [list = "", ...rest] = splitTopLevel(inner, /[；;]/);
  const names = splitTopLevel(list, /[、，,]/)
    .map((n) => n.trim())
    .filter(Boolean);
  const marked = names.filter((n) => n.endsWith(mark)).map((n) => n.slice(0, -mark.length).trim());
  const leads = names.filter((n) => !n.endsWith(mark));
  if (marked.length === 0) return null;
  const clause = [
    leads.length > 0 ? `${leads.join("、")}牵头` : null,
    `${marked.join("、")}${BARE_VERB.support}`,
  ].filter(Boolean);
  return [clause.join("，"), ...rest].join("；");
}

/**
 * A bracket of bare names split by a semicolon, read by the plan's rule (分号前的单位为牵头单位，分号后的
 * 单位为配合单位): 甲、乙；丙 → 甲、乙牵头，丙配合. Null when it has no semicolon or a part is no list of names.
 */
export function semicolonRoles(inner: string): string | null {
  const parts = splitTopLevel(inner, /[；;]/).map((p) => p.trim());
  if (parts.length !== 2 || parts.some((p) => p === "" || hasRoleVerb(p) || !splitNames(p))) return null;
  return `${parts[0]}牵头，${parts[1]}配合`;
}

/**
 * 未用逗号分隔的，括号内所列单位均为牵头单位 / 未使用破折号、仅以顿号并列的，为共同责任单位 / 括号内没有“及”字的，
 * 所列单位均为责任单位: the names of a bracket without the parting mark.
 */
const UNPARTED =
  /(?:未|没有|不含)(?:用|以|设|加|使用)?(?:逗号|冒号|破折号|[“"「][^”"」\s]{1,2}[”"」][号字]?)(?:分隔|隔开)?的?[^。；;]{0,16}?(?:均)?(?:为|是)(?:共同)?(牵头|配合|责任)(?:单位|部门)/;

/** The rule a stated parting names: 冒号 → ：, “＋”号 → ＋, “协助” → 协助, with the role of each side. */
function parting(stated: RegExpExecArray | null, unparted: RegExpExecArray | null): Parting | null {
  if (!stated) return null;
  const word = stated[1] as string;
  const mark =
    word === "冒号"
      ? "："
      : word === "逗号"
        ? "，"
        : word === "破折号"
          ? "——"
          : word.replace(/[“"「”"」]|号$/g, "");
  const role = (said: string): Role => (said === "牵头" ? "lead" : "support");
  const [before, after] = [role(stated[2] as string), role(stated[3] as string)];
  const whole = unparted ? (ROLE_WORDS[unparted[1] as string] ?? null) : null;
  return before === after ? null : { mark, before, after, whole };
}

/** Both widths of a parting mark, as one character class. */
const WIDTHS: Readonly<Record<string, RegExp>> = {
  "：": /[：:]/,
  "，": /[，,]/,
  "＋": /[＋+]/,
  "+": /[＋+]/,
};

/** A label naming the units of a task without saying which leads (责任单位：). */
const NEUTRAL_LABEL = /^\s*(?:责任单位|责任部门|负责单位|负责部门|责任主体)\s*[:：]\s*/;

/**
 * A bracket's list of names, each as written with its marks, and the parts after its first semicolon (the
 * time limit): （责任单位：甲★、乙；完成时限：…） → 甲★, 乙 and 完成时限：….
 */
function listedNames(inner: string): { names: string[]; times: string[] } {
  const [list = "", ...times] = splitTopLevel(inner, /[；;]/);
  const names = splitTopLevel(list.replace(NEUTRAL_LABEL, ""), /[、，,]/)
    .map((n) => n.trim())
    .filter(Boolean);
  return { names, times };
}

/**
 * A list parted by a word (甲及乙、丙, 甲商乙办理): at the first place where names stand on both sides — the
 * word may be part of a name (市商务局商市公安局办理). The whole list when there is none.
 */
function splitAtWord(list: string, word: string): string[] {
  for (let at = list.indexOf(word); at > 0; at = list.indexOf(word, at + 1)) {
    const [before, after] = [list.slice(0, at).trim(), list.slice(at + word.length).trim()];
    if (splitNames(before) && splitNames(after.replace(CLOSING_VERB, ""))) return [before, after];
  }
  return [list];
}

/** A verb closing the names after the parting word (甲协助乙落实): it says no role of its own. */
const CLOSING_VERB = /(?:负责)?(?:落实|实施|推进|办理)$|负责$/;

/**
 * 甲、乙：丙、丁；2025年10月底前 read by the plan's parting rule (here the colon): 甲、乙牵头，丙、丁配合；
 * 2025年10月底前 — or 甲＋乙、丙；date by the plus rule, 甲、乙协助丙落实；date by the rule that the names after
 * 协助 lead. Null when the first part has no such mark between two lists of names.
 */
export function partedRoles(inner: string, rule: Parting): string | null {
  const [whole = "", ...rest] = splitTopLevel(inner, /[；;]/);
  // （责任单位：甲，乙、丙；时限：…）: a label saying no role opens the parted names.
  const first = rule.mark === "：" ? whole : whole.replace(NEUTRAL_LABEL, "");
  // A mark of one character splits outside inner brackets; a word (协助) splits where it stands.
  const parts =
    rule.mark.length === 1 && !/\p{Script=Han}/u.test(rule.mark)
      ? splitTopLevel(first, WIDTHS[rule.mark] ?? new RegExp(`[${rule.mark}]`))
      : splitAtWord(first, rule.mark);
  // The verb closing the last list (甲商乙办理, 甲、乙办理) says no role of its own.
  const sides = parts.map((p, i) => (i === parts.length - 1 ? p.trim().replace(CLOSING_VERB, "") : p.trim()));
  const lone = sides[0] ?? "";
  if (sides.length === 1 && rule.whole && !hasRoleVerb(lone) && splitNames(lone))
    return [`${lone}${BARE_VERB[rule.whole]}`, ...rest].join("；");
  if (sides.length !== 2 || sides.some((p) => p === "" || hasRoleVerb(p) || !splitNames(p))) return null;
  const [before, after] = sides as [string, string];
  const clause = (names: string, role: Role) => `${names}${BARE_VERB[role]}`;
  const ordered =
    rule.before === "lead"
      ? [clause(before, rule.before), clause(after, rule.after)]
      : [clause(after, rule.after), clause(before, rule.before)];
  return [ordered.join("，"), ...rest].join("；");
}

/** The lead a plan gives the tasks that name none, and the sections it says so of. */
function readDefaultLead(m: RegExpExecArray | null, canonical: Canonicalise): PlanConventions["defaultLead"] {
  const names = m ? splitNames((m[3] as string).trim()) : null;
  if (!m || !names) return null;
  const from = m[1] ? parseSmallNumeral(m[1]) : null;
  const to = m[2] ? parseSmallNumeral(m[2]) : null;
  return { departments: refs(names, "lead", canonical), sections: from && to ? [from, to] : null };
}

/** The default date a plan gives its undated tasks, and the mark of the tasks it covers. */
function readDefaultDeadline(m: RegExpExecArray | null): PlanConventions["defaultDeadline"] {
  return m ? { date: m[2] as string, mark: m[1] ?? null } : null;
}

/**
 * A bracket of bare names (甲、乙；11月底前) as its names and the time limits after them, or null when it says roles of
 * its own or holds no list of names.
 */
function bareNames(inner: string): { names: string[]; times: string[] } | null {
  const [head = "", ...times] = splitTopLevel(inner, /[；;]/);
  if (hasRoleVerb(head) || !times.every((t) => isTimeLimit(t))) return null;
  const names = splitTopLevel(head, /[、，,]/)
    .map((n) => n.trim())
    .filter(Boolean);
  return names.length > 0 && splitNames(names.join("、")) ? { names, times } : null;
}

/**
 * The clause one name leading and the others taking `others` make (甲牵头，乙、丙配合), the time limits kept after it —
 * places among the others keep the role the notice gives them (…各县（市、区）人民政府…为属地责任单位).
 */
function leadAmong(
  lead: string,
  others: readonly string[],
  role: Role,
  local: Role | null,
  times: string[],
): string {
  const rest = others.map((name) => ({ name, role: local && PLACE_UNIT.test(name) ? local : role }));
  return [rolesClause([{ name: lead, role: "lead" }, ...rest]), ...times].join("；");
}

/**
 * A bracket of bare names read by the plan's rule that the first leads (排在首位的为牵头单位，其余为配合
 * 单位): 甲、乙、丙 → 甲牵头，乙、丙配合; one name alone carries the task out. Null when it is no list of
 * names or says roles of its own.
 */
export function firstLeads(inner: string, others: Role, local: Role | null = null): string | null {
  const bare = bareNames(inner);
  if (!bare || bare.names.length < 2) return null;
  const [lead, ...rest] = bare.names;
  return leadAmong(lead as string, rest, others, local, bare.times);
}

/**
 * A bracket of bare names read by the notice's rule that the last leads (配合单位在前、牵头单位在后): 甲、乙、丙；年内 as
 * 丙牵头，甲、乙配合；年内. A name standing alone leads when the notice says so (`alone`) — only in the notice's own
 * bracket, with its time limit (not （M站） inside a sentence). Null when the bracket is no such list.
 */
export function lastLeads(inner: string, alone: boolean, local: Role | null = null): string | null {
  const bare = bareNames(inner);
  if (!bare || bare.names.length < (alone ? 1 : 2)) return null;
  if (bare.names.length === 1 && bare.times.length === 0) return null;
  const lead = bare.names[bare.names.length - 1] as string;
  return leadAmong(lead, bare.names.slice(0, -1), "support", local, bare.times);
}

/** …各县（市、区）人民政府和…管委会为属地责任单位: the role the notice gives the places among a list's names. */
const LOCAL_ROLE =
  /(?:人民政府|管委会|乡镇|街道|镇街)[^。；;]{0,30}?(?:为|是)(属地(?:责任|落实)?(?:单位|主体))/u;

/**
 * A task written with its leads in the plan's bracket after its number (（一）「甲、乙」严把准入关。…（丙、丁；
 * 2025年6月底前）), as the clause its rule makes of it: 甲、乙牵头，丙、丁配合 — the names before ； in the bracket
 * closing the task support; a closing bracket of the time limit alone leaves the leads alone. Null when the
 * task opens with no such bracket.
 */
export function numberBracketClause(text: string, marks: { open: string; close: string }): string | null {
  const opened = new RegExp(
    `^\\s*(?:[(（][一二三四五六七八九十]{1,3}[)）]|\\d{1,2}[.．、)）]|[(（]\\d{1,2}[)）])?\\s*${escapeRegExp(marks.open)}([^${escapeRegExp(marks.close)}\\n]{2,80})${escapeRegExp(marks.close)}`,
  ).exec(text);
  const leads = opened?.[1]?.trim();
  if (!leads || !splitNames(leads)) return null;
  const closing = findBrackets(text).at(-1);
  const tail = closing ? text.slice(closing.end).replace(/[。；;\s]/g, "") : "x";
  const first = closing && tail === "" ? (splitTopLevel(closing.inner, /[；;]/)[0] ?? "").trim() : "";
  const supports =
    first !== "" && !isTimeLimit(first) && !hasRoleVerb(first) && splitNames(first) ? first : null;
  return supports ? `${leads}牵头，${supports}配合` : `${leads}牵头`;
}

/**
 * A list whose names each carry the plan's tag of a role (责任单位：甲〔牵〕、乙〔责〕、丙〔配〕；时限：…) written
 * as a clause: 甲牵头，乙负责，丙配合；时限：…. Null when no name carries a tag.
 */
export function taggedRoles(inner: string, tags: ReadonlyMap<string, Role>): string | null {
  const { names, times } = listedNames(inner);
  const byRole = new Map<Role, string[]>();
  for (const name of names) {
    const tag = [...tags.keys()].find((t) => name.endsWith(t));
    if (!tag) return null;
    const role = tags.get(tag) as Role;
    byRole.set(role, [...(byRole.get(role) ?? []), name.slice(0, -tag.length).trim()]);
  }
  if (byRole.size === 0) return null;
  const order: Role[] = ["lead", "responsible", "support"];
  const clause = order
    .filter((r) => byRole.has(r))
    .map((r) => `${(byRole.get(r) as string[]).join("、")}${BARE_VERB[r]}`)
    .join("，");
  return [clause, ...times].join("；");
}
