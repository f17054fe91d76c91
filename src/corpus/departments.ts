/**
 * The department directory: canonical names as the Shangqiu plan writes them, the names people
 * actually use for them (环保局, 城管局 …) and an English name each. A name the directory does not
 * know still parses; it simply has no alias and no English name.
 */
import { z } from "zod";

/** One department: canonical name, English name, and the aliases people use (Chinese or English). */
export const Department = z.object({
  name: z.string().min(1),
  en: z.string().min(1),
  /** Other names that point to this department; matching ignores case and spacing. */
  aliases: z.array(z.string()),
  /** Spellings in documents that are this department (各县〈市、区〉政府 …). */
  written: z.array(z.string()).default([]),
});
export type Department = z.infer<typeof Department>;

const D = (name: string, en: string, aliases: string[], written: string[] = []): Department =>
  Department.parse({ name, en, aliases, written });

/** Every department the plans name, canonical name first. */
export const DEPARTMENTS: readonly Department[] = [
  D("市发展改革委", "Municipal Development and Reform Commission", [
    "发改委",
    "发展改革委",
    "发展和改革委员会",
    "发改局",
    "development and reform commission",
    "development and reform",
    "drc",
  ]),
  D("市工业和信息化局", "Municipal Bureau of Industry and Information Technology", [
    "工信局",
    "工信委",
    "工业和信息化局",
    "工业信息化局",
    "industry and information technology",
    "miit",
  ]),
  D("市生态环境局", "Municipal Ecology and Environment Bureau", [
    "生态环境局",
    "环保局",
    "环境保护局",
    "环境局",
    "生态局",
    "环保部门",
    "生态环境部门",
    "ecology and environment bureau",
    "environmental protection bureau",
    "environment bureau",
    "ecology and environment",
    "epb",
  ]),
  D("市自然资源和规划局", "Municipal Natural Resources and Planning Bureau", [
    "自然资源和规划局",
    "自然资源局",
    "自规局",
    "国土局",
    "规划局",
    "natural resources and planning",
    "natural resources bureau",
    "planning bureau",
  ]),
  D("市城市管理局", "Municipal Urban Management Bureau", [
    "城市管理局",
    "城管局",
    "城管",
    "urban management bureau",
    "urban management",
    "chengguan",
  ]),
  D("市农业农村局", "Municipal Agriculture and Rural Affairs Bureau", [
    "农业农村局",
    "农业局",
    "农委",
    "农业部门",
    "agriculture and rural affairs",
    "agriculture bureau",
    "agricultural bureau",
  ]),
  D("市市场监管局", "Municipal Market Supervision Administration", [
    "市场监管局",
    "市场监督管理局",
    "市场监管",
    "工商局",
    "质监局",
    "market supervision",
    "market regulation",
    "samr",
  ]),
  D("市公安局", "Municipal Public Security Bureau", [
    "公安局",
    "公安",
    "警察",
    "交警",
    "public security bureau",
    "public security",
    "police",
  ]),
  D("市交通运输局", "Municipal Transport Bureau", [
    "交通运输局",
    "交通局",
    "交委",
    "transport bureau",
    "transportation bureau",
    "transport department",
  ]),
  D("中国铁路商丘公司", "China Railway Shangqiu Company", [
    "铁路公司",
    "铁路局",
    "中国铁路",
    "railway company",
    "china railway",
  ]),
  D("中国铁路商丘分公司", "China Railway Shangqiu Branch Company", [
    "铁路公司",
    "铁路分公司",
    "铁路局",
    "中国铁路",
    "railway company",
    "china railway",
  ]),
  D("市财政局", "Municipal Finance Bureau", ["财政局", "财政", "finance bureau"]),
  D("市商务局", "Municipal Commerce Bureau", ["商务局", "commerce bureau"]),
  D(
    "市直机关后勤保障和公务接待中心",
    "Municipal Government Offices Logistics and Official Reception Centre",
    [
      "机关后勤",
      "公务接待中心",
      "后勤保障中心",
      "机关事务管理局",
      "机关事务局",
      "official reception",
      "logistics centre",
    ],
  ),
  D("市邮政管理局", "Municipal Postal Administration", [
    "邮政管理局",
    "邮政局",
    "postal administration",
    "postal bureau",
  ]),
  D("市住房城乡建设局", "Municipal Housing and Urban-Rural Development Bureau", [
    "住房城乡建设局",
    "住房和城乡建设局",
    "住建局",
    "住建委",
    "建设局",
    "housing and urban-rural development",
    "housing bureau",
    "construction bureau",
  ]),
  D("市水利局", "Municipal Water Resources Bureau", [
    "水利局",
    "水务局",
    "water resources bureau",
    "water resources",
  ]),
  D("市税务局", "Municipal Taxation Bureau", ["税务局", "税务", "tax bureau", "taxation bureau"]),
  D("商丘海关", "Shangqiu Customs", ["海关", "customs"]),
  D("市公路事业发展中心", "Municipal Highway Development Centre", [
    "公路事业发展中心",
    "公路中心",
    "公路局",
    "highway development",
    "highway bureau",
  ]),
  D("市应急局", "Municipal Emergency Management Bureau", [
    "应急局",
    "应急管理局",
    "安监局",
    "emergency management bureau",
    "emergency management",
  ]),
  D("市供销社", "Municipal Supply and Marketing Cooperative", [
    "供销社",
    "供销合作社",
    "supply and marketing cooperative",
    "supply and marketing",
  ]),
  D("市科技局", "Municipal Science and Technology Bureau", [
    "科技局",
    "科学技术局",
    "science and technology bureau",
    "science and technology",
  ]),
  D("市行政审批政务信息管理局", "Municipal Administrative Approval and E-Government Bureau", [
    "行政审批政务信息管理局",
    "行政审批局",
    "审批局",
    "政务信息管理局",
    "大数据局",
    "administrative approval",
  ]),
  D("人民银行商丘市分行", "People's Bank of China Shangqiu Branch", [
    "人民银行",
    "人行",
    "央行",
    "中国人民银行",
    "people's bank",
    "pboc",
    "central bank",
  ]),
  D(
    "各县(市、区)政府",
    "County, City and District Governments",
    [
      "县政府",
      "县区政府",
      "区政府",
      "县市区政府",
      "county government",
      "county governments",
      "district government",
    ],
    ["各县〈市、区〉政府", "各县(市、区)政府", "各县（市、区）政府", "各县（市、区）人民政府"],
  ),
  D(
    "市城乡一体化示范区管委会",
    "Urban-Rural Integration Demonstration Zone Administrative Committee",
    ["示范区", "管委会", "示范区管委会", "demonstration zone"],
    ["示范区管委会"],
  ),
];

const byWritten = new Map<string, Department>();
for (const d of DEPARTMENTS) for (const w of [d.name, ...d.written]) byWritten.set(w, d);

/** The directory entry for a name as a document writes it, if any. */
export function findDepartment(written: string): Department | undefined {
  return byWritten.get(written.trim());
}

/** Canonical name for a name as written: the directory's name, else the written name itself. */
export function canonicalDepartment(written: string): string {
  return findDepartment(written)?.name ?? written.trim();
}

/** English name of a canonical department, or undefined if the directory has none. */
export function englishDepartment(name: string): string | undefined {
  return findDepartment(name)?.en;
}

/** Lower-cased, space-collapsed form used for alias matching. */
function fold(s: string): string {
  return s.toLowerCase().replace(/\s+/g, " ").trim();
}

/** Every name (canonical, written, alias) with the departments it means, longest first. */
const ALIAS_TABLE: ReadonlyArray<readonly [string, readonly string[]]> = (() => {
  const table = new Map<string, Set<string>>();
  for (const d of DEPARTMENTS) {
    for (const n of [d.name, ...d.written, ...d.aliases, d.en]) {
      const key = fold(n);
      if (!table.has(key)) table.set(key, new Set());
      table.get(key)?.add(d.name);
    }
  }
  return [...table.entries()].map(([k, v]) => [k, [...v]] as const).sort((a, b) => b[0].length - a[0].length);
})();

/** A department mentioned in free text: where, as what words, and which canonical departments it means. */
export interface DepartmentMention {
  start: number;
  end: number;
  /** The words matched, folded (lower case). */
  alias: string;
  names: readonly string[];
}

/**
 * Finds the departments a question mentions, longest alias first so 市场监管局 wins over 市场.
 * English aliases match on word boundaries; Chinese ones anywhere.
 */
export function findDepartmentMentions(text: string): DepartmentMention[] {
  const folded = fold(text);
  const taken = new Array<boolean>(folded.length).fill(false);
  const found: DepartmentMention[] = [];
  for (const [alias, names] of ALIAS_TABLE) {
    const latin = /^[\x20-\x7e]+$/.test(alias);
    let from = 0;
    for (;;) {
      const at = folded.indexOf(alias, from);
      if (at < 0) break;
      from = at + 1;
      const end = at + alias.length;
      if (latin && (/[a-z0-9]/.test(folded[at - 1] ?? "") || /[a-z0-9]/.test(folded[end] ?? ""))) continue;
      if (taken.slice(at, end).some(Boolean)) continue;
      taken.fill(true, at, end);
      found.push({ start: at, end, alias, names });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
