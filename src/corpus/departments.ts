/**
 * The department directory. A document's clauses name departments as the document writes them
 * (市生态环境局, 省生态环境厅, 各县(区)政府, 国网X供电公司); the directory knows, from the genre's
 * data (`data/departments.yaml`) and each document's profile, what such a name is: which department
 * of the genre, at which level, its English name, and what people call it — so a question saying
 * 环保局 finds 市生态环境局, 县生态环境分局 and 省生态环境厅 of whichever documents are loaded.
 *
 * Names are never rewritten beyond spelling (brackets, spaces) and the spellings a document's own
 * profile folds: 市生态环境局 in two cities is one canonical string, 省生态环境厅 another.
 */
import { z } from "zod";
import {
  type DepartmentData,
  type GenreDepartment,
  type LevelWords,
  loadDepartmentData,
  type ProfileDepartment,
} from "./department-data.js";
import { projectPaths } from "./paths.js";
import { placeCore, placeInPinyin } from "./place.js";

/**
 * A department as a word list entry: a name, its English and the names people use for it. This is
 * the shape search builds its vocabulary from.
 */
export const Department = z.object({
  name: z.string().min(1),
  en: z.string().min(1),
  /** Other names that point to this department; matching ignores case and spacing. */
  aliases: z.array(z.string()),
  /** Spellings in documents that are this department. */
  written: z.array(z.string()).default([]),
});
export type Department = z.infer<typeof Department>;

/** What the directory knows about one canonical name. */
export const DepartmentInfo = z.object({
  name: z.string().min(1),
  /** The genre department it is a form of (its first form, e.g. 生态环境局; "governments", "committees"), or null. */
  group: z.string().nullable(),
  /** Its level prefix (市, 省, 县 …), null when it has none. */
  level: z.string().nullable(),
  en: z.string().optional(),
});
export type DepartmentInfo = z.infer<typeof DepartmentInfo>;

/** A department mentioned in free text: where, as what words, and which canonical departments it means. */
export interface DepartmentMention {
  start: number;
  end: number;
  /** The words matched, folded (lower case). */
  alias: string;
  names: readonly string[];
}

/** Group ids of the two kinds of bodies that are not departments of a level. */
const GOVERNMENTS = "governments";
const COMMITTEES = "committees";
/** A character before a level suffix that says which of them, not a place's name (各县, 全县, 本县). */
const EVERY = /^[各全本该每两多诸邻外郊市省区乡镇村]$/;

/**
 * A written name in its canonical spelling: brackets 〈〉（） as (), no spaces, and the folds a
 * document's profile declares (示范区管委会 → the full name), which apply to that document only.
 */
export function canonicalDepartment(written: string, folds?: ReadonlyMap<string, string>): string {
  const spelled = written
    .trim()
    .replace(/\s+/g, "")
    .replace(/[〈（〔]/g, "(")
    .replace(/[〉）〕]/g, ")")
    // X供电局（以下简称供电局）: the short name is only how the text goes on.
    .replace(/\(以下简称[^()]*\)$/, "");
  return folds?.get(written.trim()) ?? folds?.get(spelled) ?? spelled;
}

/** The folds (written → name) a document's profile departments declare. */
export function departmentFolds(declared: readonly ProfileDepartment[]): Map<string, string> {
  const folds = new Map<string, string>();
  for (const d of declared) for (const w of d.written) folds.set(canonicalDepartment(w), d.name);
  return folds;
}

/** Lower-cased, space-collapsed, half-width-bracket form used for matching; keeps offsets for single spaces. */
function fold(s: string): string {
  return s
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[〈（]/g, "(")
    .replace(/[〉）]/g, ")")
    .trim();
}

const isLatin = (s: string) => /^[\x20-\x7e]+$/.test(s);
const cjk = (s: string) => /[\u4e00-\u9fff]/.test(s);

/** "County", "City", "District" → "County, City and District". */
function englishList(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

const tidy = (s: string) => s.replace(/\s+/g, " ").trim();

/** A place's name with each level a unit below a city is named by (某某 → 某某县, 某某区, 某某市); none when it has one. */
function withLevel(core: string): string[] {
  return /[县区市旗]$/.test(core) ? [] : [`${core}县`, `${core}区`, `${core}市`];
}

/** Whether every character of `part` stands in `whole`, in order (公安分局 in 市公安局分局). */
function isSubsequence(part: string, whole: string): boolean {
  let at = 0;
  for (const c of whole) if (c === part[at]) at++;
  return at === part.length;
}

/** A form with {place} as a matcher. */
interface NamedForm {
  pattern: RegExp;
  en: string;
  /** The form as written (公安{place}分局), to spell a unit of the same place in it. */
  template: string;
}

/** One key of the mention table: the names it stands for are resolved against the known names. */
type KeyTarget = { group: string; level: string | null } | { name: string };

/**
 * The directory: the genre's departments, the departments documents declare, and every name the
 * loaded documents use. Names become known through {@link DepartmentDirectory.addDocument}.
 */
export class DepartmentDirectory {
  private readonly levels: ReadonlyArray<readonly [string, LevelWords]>;
  private readonly formIndex = new Map<string, { group: string; en: string; levelless?: boolean }>();
  /** A department's Chinese aliases (城管局) → the English of its first form, for names written short. */
  private readonly aliasEnglish = new Map<string, string>();
  private readonly named: Array<{ group: string; forms: NamedForm[] }> = [];
  private readonly known = new Map<string, DepartmentInfo>();
  private readonly declared = new Map<string, ProfileDepartment>();
  private table: ReadonlyArray<readonly [string, readonly string[]]> | null = null;
  private wordSet: Set<string> | null = null;
  private starts: ReadonlyMap<string, readonly number[]> | null = null;

  constructor(private readonly data: DepartmentData) {
    this.levels = Object.entries(data.levels).sort((a, b) => b[0].length - a[0].length);
    for (const d of [...data.departments, ...data.sections]) {
      const group = firstForm(d);
      const levelless = data.sections.includes(d);
      for (const [form, en] of Object.entries(d.forms)) this.formIndex.set(form, { group, en, levelless });
      const [firstEn] = Object.values(d.forms);
      if (firstEn)
        for (const alias of d.aliases)
          if (!this.aliasEnglish.has(alias)) this.aliasEnglish.set(alias, firstEn);
    }
    for (const d of data.named) {
      const forms = Object.entries(d.forms).map(([form, en]) => {
        const [before, after] = form.split("{place}") as [string, string | undefined];
        // {any}: a further place the English leaves out (the railway bureau above a depot).
        const part = (text: string) => escapeRegExp(text).replace("\\{any\\}", "[\\u4e00-\\u9fa5]{2,4}");
        const pattern = new RegExp(`^${part(before)}([\\u4e00-\\u9fa5]{2,8}?)${part(after ?? "")}$`);
        return { pattern, en, template: form };
      });
      this.named.push({ group: firstForm(d), forms });
    }
  }

  /**
   * Makes a document's departments known: the departments its profile declares and every canonical
   * name its clauses use. Calling it again with the same names changes nothing.
   */
  addDocument(declared: readonly ProfileDepartment[], names: Iterable<string>): void {
    let changed = false;
    for (const d of declared) {
      if (!this.declared.has(d.name)) {
        this.declared.set(d.name, d);
        this.known.delete(d.name); // described afresh with what the profile says
        changed = true;
      }
    }
    for (const name of [...declared.map((d) => d.name), ...names]) {
      if (this.known.has(name)) continue;
      this.known.set(name, this.describe(name));
      changed = true;
    }
    if (changed) {
      this.table = null;
      this.starts = null;
      this.wordSet = null;
    }
  }

  /** Every canonical name the loaded documents use, in the order they became known. */
  knownNames(): string[] {
    return [...this.known.keys()];
  }

  /** What a canonical name is: its genre department, level and English (unknown parts absent). */
  describe(name: string): DepartmentInfo {
    const declared = this.declared.get(name);
    const generic = this.describeGeneric(name);
    if (declared) {
      const en = declared.en ?? generic.en;
      return { ...generic, group: declared.group ?? generic.group, ...(en ? { en } : {}) };
    }
    return generic;
  }

  /** English name of a canonical department, or undefined if neither the genre nor its profile gives one. */
  english(name: string): string | undefined {
    return (this.known.get(name) ?? this.describe(name)).en;
  }

  /**
   * Finds the departments a text mentions, longest words first so 市场监管局 wins over 市场, and
   * returns for each the canonical names of the loaded documents it means. English words match on
   * word boundaries; Chinese ones anywhere. Words that mean no loaded department are not mentions.
   */
  findMentions(text: string): DepartmentMention[] {
    const folded = fold(text);
    const taken = new Array<boolean>(folded.length).fill(false);
    const found: DepartmentMention[] = [];
    const table = this.mentionTable();
    // Every place a key occurs, found through the keys' first two characters; then taken in the
    // table's order (longest key first, each key left to right), as a scan key by key would.
    const hits: Array<readonly [number, number]> = [];
    const byStart = this.mentionStarts();
    for (let at = 0; at + 1 < folded.length; at++)
      for (const k of byStart.get(folded.slice(at, at + 2)) ?? [])
        if (folded.startsWith((table[k] as (typeof table)[number])[0], at)) hits.push([k, at]);
    hits.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (const [k, at] of hits) {
      const [alias, names] = table[k] as (typeof table)[number];
      const end = at + alias.length;
      if (isLatin(alias) && (/[a-z0-9]/.test(folded[at - 1] ?? "") || /[a-z0-9]/.test(folded[end] ?? "")))
        continue;
      if (cjk(folded[at - 1] ?? "") && this.endsPlaceName(alias)) continue;
      if (taken.slice(at, end).some(Boolean)) continue;
      taken.fill(true, at, end);
      found.push({ start: at, end, alias, names });
    }
    found.sort((a, b) => a.start - b.start);
    // 公安交管大队: a generic word right before a unit whose names hold it is part of that unit's name,
    // not a department of its own (also when a plan calls one of them by a short name without it, 市交管大队).
    return found.filter((m, i) => {
      const next = found[i + 1];
      return !(next && next.start === m.end && next.names.some((n) => n.includes(m.alias)));
    });
  }

  /**
   * Whether a word starts with a level that also ends place names (州): right after a Han character
   * (杭州公安局) it is the place's last character, and the shorter word (公安局) is the mention.
   */
  private endsPlaceName(alias: string): boolean {
    return this.levels.some(([prefix, words]) => words.endsPlaceNames === true && alias.startsWith(prefix));
  }

  /** Whether a word is one of {@link words} (a department's name, form or Chinese alias). */
  isWord(word: string): boolean {
    this.wordSet ??= new Set(this.words());
    return this.wordSet.has(word);
  }

  /** Every Chinese word that names a department: forms, aliases and the known names (for segmenters). */
  words(): string[] {
    const words = new Set<string>();
    for (const d of this.genreDepartments()) for (const w of [d.name, ...d.aliases]) if (cjk(w)) words.add(w);
    for (const name of this.known.keys()) words.add(name);
    for (const d of this.declared.values()) for (const a of d.aliases) if (cjk(a)) words.add(a);
    return [...words];
  }

  /**
   * The genre's departments as word list entries: each department in its municipal form
   * (市生态环境局) with its forms and aliases; organisations named after a place, governments and
   * committees by their generic name (铁路公司, 各县(市、区)政府, 管委会).
   */
  genreDepartments(): Department[] {
    const city = this.levels.find(([p]) => p === "市")?.[0] ?? "";
    const out: Department[] = [];
    for (const d of this.data.departments) {
      const forms = Object.keys(d.forms);
      const name = `${city}${forms[0]}`;
      out.push({
        name,
        en: this.describe(name).en ?? name,
        aliases: [...forms, ...d.aliases, ...d.aliasesEn],
        written: [],
      });
    }
    for (const d of this.data.named) {
      const [name, ...aliases] = d.aliases;
      if (!name) continue;
      out.push({ name, en: d.aliasesEn[0] ?? name, aliases: [...aliases, ...d.aliasesEn], written: [] });
    }
    const { governments, committees } = this.data;
    const government = `各县(市、区)政府`;
    out.push({
      name: government,
      en: this.describe(government).en ?? "governments",
      aliases: [...governments.aliases, ...governments.aliasesEn],
      written: [],
    });
    const [committee, ...committeeAliases] = committees.aliases;
    if (committee)
      out.push({
        name: committee,
        en: committees.aliasesEn[0] ?? committee,
        aliases: [...committeeAliases, ...committees.aliasesEn],
        written: [],
      });
    return out;
  }

  /**
   * Other ways people write a unit named after a place: the genre's other forms for the same unit with
   * the same place (市公安局某某区分局 → 公安某某区分局, 某某公安分局) — forms whose fixed words run inside
   * the matched form's, so a police branch is never spelt as an environment one — the place also with
   * a county's level (a county's own people write its city bureau's branch 市生态环境局某某分局 as
   * 某某县生态环境分局), and a zone by its short name (经济技术开发区 → 经开区).
   */
  private otherSpellings(name: string): string[] {
    const out: string[] = [];
    const fixed = (template: string) => template.replace(/\{place\}|\{any\}/g, "");
    const forms = this.named.flatMap((g) => g.forms);
    for (const matched of forms) {
      const place = matched.pattern.exec(name)?.[1];
      if (!place || place.includes("各")) continue;
      for (const f of forms) {
        if (f.template.includes("{any}") || !isSubsequence(fixed(f.template), fixed(matched.template)))
          continue;
        // (With a level only where the form says what unit it is: 某某区分局 may be any bureau's branch.)
        const levelled = fixed(f.template).length > 2 ? withLevel(placeCore(place)) : [];
        for (const p of new Set([place, placeCore(place), ...levelled]))
          out.push(f.template.replace("{place}", p));
      }
    }
    for (const [long, short] of Object.entries(this.data.committees.shortZones))
      if (name.includes(long)) out.push(name.replace(long, short));
    return [...new Set(out)].filter((o) => o !== name);
  }

  /** The level prefix a name starts with and the rest, longest prefix first; [null, name] when none. */
  private splitLevel(name: string): Array<readonly [string | null, string]> {
    const splits: Array<readonly [string | null, string]> = [];
    for (const [prefix] of this.levels)
      if (name.startsWith(prefix)) splits.push([prefix, name.slice(prefix.length)]);
    splits.push([null, name]);
    return splits;
  }

  private levelEn(level: string | null): string {
    return level ? (this.data.levels[level]?.en ?? "") : "";
  }

  private describeGeneric(name: string): DepartmentInfo {
    // 农业农村局(农业机械), 市委组织部(市考核办): the department, with what the bracket narrows it to.
    const qualified = /^(.+)\(([^()]+)\)$/.exec(name);
    if (qualified && !this.describePlain(name).en) {
      const base = this.describePlain(qualified[1] as string);
      if (base.en) return { ...base, name, en: `${base.en} (${qualified[2]})` };
    }
    return this.describePlain(name);
  }

  private describePlain(name: string): DepartmentInfo {
    // 公安分局 is a form of a department at some level, not a sub-bureau of a place called 公安.
    const asForm = this.splitLevel(name).some(([, rest]) => this.formIndex.has(rest));
    for (const { group, forms } of asForm ? [] : this.named) {
      for (const { pattern, en } of forms) {
        const m = pattern.exec(name);
        // 区各街道办事处 is every sub-district's office, not one of a place called 区各; 有关乡镇 those concerned.
        if (m?.[1] && !m[1].includes("各") && !/^(?:有关|相关)/.test(m[1]))
          return { name, group, level: null, en: en.replace("{Place}", placeInPinyin(placeCore(m[1]))) };
      }
    }
    const government = this.describeGovernment(name) ?? this.describeUnits(name);
    if (government) return government;
    const committee = this.describeCommittee(name);
    if (committee) return committee;
    for (const [level, rest] of this.splitLevel(name)) {
      const form = this.formIndex.get(rest);
      // 市大气生态环境科 is no section of a city: a section is named without a level.
      if (form && !(form.levelless && level !== null))
        return { name, group: form.group, level, en: tidy(form.en.replace("{level}", this.levelEn(level))) };
    }
    // A name written with an alias (县城管局): its English only; what it is stays as the document says.
    for (const [level, rest] of this.splitLevel(name)) {
      const en = this.aliasEnglish.get(rest);
      if (en) return { name, group: null, level: null, en: tidy(en.replace("{level}", this.levelEn(level))) };
    }
    // 各级财政部门, 各市州生态环境部门: that department at every level (or of every city named).
    // 各县(市、区)分局: the levels may be written as one with its others in brackets.
    const every = /^各(?:级|[省市州县区旗]{1,3}(?:\([市县区旗、]+\))?)(.+)$/.exec(name);
    const rest = every?.[1] as string;
    const en = every ? (this.aliasEnglish.get(rest) ?? this.formIndex.get(rest)?.en) : undefined;
    if (en)
      return { name, group: null, level: null, en: `${tidy(en.replace("{level}", ""))}s at every level` };
    // 〇〇市融媒体中心: a unit of the genre written after its place's name — that place's unit at that level.
    // (A department's form of three characters or more: 〇〇市委 or 〇〇县人民政府 is no unit of a level but that place's own.)
    for (let at = 2; at <= 4; at++) {
      if (!/^[市县区州旗]/.test(name.slice(at)) || !/^\p{Script=Han}+$/u.test(name.slice(0, at))) continue;
      for (const [level, rest] of this.splitLevel(name.slice(at))) {
        const form = this.formIndex.get(rest);
        if (form && level !== null && !form.levelless && rest.length >= 3)
          return {
            name,
            group: null,
            level: null,
            en: `${placeInPinyin(name.slice(0, at))} ${tidy(form.en.replace("{level}", this.levelEn(level)))}`,
          };
      }
    }
    return { name, group: null, level: null };
  }

  /** 各乡镇(街道) → All Townships and Sub-districts: the units below a county, named together. */
  private describeUnits(name: string): DepartmentInfo | null {
    // 各镇街 (all of them) or 相关镇街, 有关乡镇 (those concerned).
    // 沿江各乡镇(街道): the units along the river, named together.
    const place = Object.keys(this.data.governments.along).find((w) => name.startsWith(`${w}各`));
    const m = /^(各有关|各相关|各|相关|有关)(.+?)(?:\((.+)\))?$/.exec(
      place ? name.slice(place.length) : name,
    );
    if (!m) return null;
    const units = this.data.governments.units;
    const words = [m[2], ...(m[3]?.split("、") ?? [])].map((w) => units[w as string]);
    if (words.some((w) => w === undefined)) return null;
    const which = m[1] === "各" ? "All" : "The";
    const concerned = m[1] === "各" ? "" : " concerned";
    return {
      name,
      group: GOVERNMENTS,
      level: null,
      en: `${which} ${englishList(words as string[])}${concerned}${place ? ` ${this.data.governments.along[place]}` : ""}`,
    };
  }

  /** 各县(市、区)政府 → County, City and District Governments; 长沙县政府 → Changsha County Government. */
  private describeGovernment(name: string): DepartmentInfo | null {
    // 有关乡(镇)人民政府, 相关县区政府: those concerned, not a place called 有关.
    const m = /^(各有关|各相关|各|有关|相关)?(.+?)(?:人民)?政府(\(.+\))?$/.exec(name);
    if (!m) return null;
    const [, each, where = ""] = m;
    // 沿黄各乡(镇)人民政府: every unit's government where they lie, as 各乡(镇)人民政府 says it.
    const alongEach = each
      ? undefined
      : Object.keys(this.data.governments.along).find((w) => where.startsWith(`${w}各`));
    if (alongEach) {
      const all = this.describeGovernment(`${where.slice(alongEach.length)}人民政府`)?.en;
      if (all)
        return {
          name,
          group: GOVERNMENTS,
          level: null,
          en: `${all} ${this.data.governments.along[alongEach]}`,
        };
    }
    // 山区乡镇人民政府, 西部山区乡镇(某乡、某镇)人民政府: the governments of the units lying somewhere,
    // those named in brackets — not a place called 山区乡.
    const lying = /^(.+?)([乡镇街道]+)(?:\((.+)\))?$/.exec(where);
    const area = lying && !each ? this.data.governments.along[lying[1] as string] : undefined;
    if (lying && area) {
      const all = this.describeGovernment(`各${lying[2]}人民政府`)?.en;
      const named = lying[3]?.split("、").map((p) => this.describeGovernment(`${p}人民政府`)?.en);
      if (all && !named?.includes(undefined)) {
        const list = named ? ` (${named.map((n) => n?.replace(/ Government$/, "")).join(", ")})` : "";
        return { name, group: GOVERNMENTS, level: null, en: `${all} ${area}${list}` };
      }
    }
    const concerned = each !== undefined && each !== "各";
    // 县级政府: the governments of that level.
    const levelChars = where.replace(/[()、]/g, "").replace(/(?<=.)级$/, "");
    const words = this.data.levels;
    if (each || [...levelChars].every((c) => c in words)) {
      const nouns = [...new Set([...levelChars].map((c) => words[c]?.place))].filter(
        (n): n is string => typeof n === "string",
      );
      if (nouns.length === 0) return null;
      const en = `${englishList(nouns)} Governments`;
      return { name, group: GOVERNMENTS, level: null, en: concerned ? `The ${en} concerned` : en };
    }
    const [level, place] = this.splitPlace(where);
    if (!level || !place || !cjk(place)) return null;
    return {
      name,
      group: GOVERNMENTS,
      level: null,
      en: `${placeInPinyin(place)} ${this.data.levels[level]?.place ?? ""} Government`,
    };
  }

  /**
   * 市城乡一体化示范区管委会 → Urban-Rural Integration Demonstration Zone Administrative Committee (管理委员会
   * in full, and 管委, too).
   */
  private describeCommittee(name: string): DepartmentInfo | null {
    // 管委 alone is how some plans shorten it (功能区管委).
    const m = /^(.*?)(?:[(（][^()（）]+[)）])?(管委会|管理委员会|管委|管理局)$/.exec(name);
    if (!m) return null;
    // A zone's 管理局 (some zones are run by an administration, not a committee) — only after a zone's
    // kind: 市场监督管理局 and 城市管理局 end so too and are departments.
    if (m[2] === "管理局") {
      const en = this.zoneKindEnglish(m[1] ?? "");
      return en ? { name, group: COMMITTEES, level: null, en: `${en} Administration` } : null;
    }
    // 管委会 alone (各县（区）人民政府、管委会): the zones' committees, by the genre's English name for them.
    const named = m[1] ?? "";
    if (named === "") {
      const en = this.data.committees.aliasesEn[0]?.replace(/\b\w/g, (c) => c.toUpperCase());
      return { name, group: COMMITTEES, level: null, ...(en ? { en } : {}) };
    }
    // (某经开区(高新区)管委会: the zone's second name in brackets says no more of what it is.)
    // 市城乡一体化示范区: the level prefix says whose zone it is, not what it is called.
    const prefix = this.levels.find(([p]) => named.startsWith(p))?.[0];
    const unprefixed = prefix ? named.slice(prefix.length) : null;
    const zone = unprefixed && this.zoneEnglish(unprefixed) ? unprefixed : named;
    const en = this.zoneEnglish(zone);
    return { name, group: COMMITTEES, level: null, ...(en ? { en: `${en} Administrative Committee` } : {}) };
  }

  /** 经济技术开发区 → its English; X经开区 → (X in pinyin) Economic Development Zone; 岳麓区 → Yuelu District. */
  private zoneEnglish(zone: string): string | undefined {
    const kind = this.zoneKindEnglish(zone);
    if (kind) return kind;
    const [level, place] = this.splitPlace(zone);
    if (level && place) return `${placeInPinyin(place)} ${this.data.levels[level]?.place ?? ""}`;
    return undefined;
  }

  /** A zone named by one of the genre's zone kinds (经济技术开发区, X经开区), in English; else undefined. */
  private zoneKindEnglish(zone: string): string | undefined {
    const zones = Object.entries(this.data.committees.zones).sort((a, b) => b[0].length - a[0].length);
    for (const [kind, en] of zones) {
      if (zone === kind) return en;
      if (zone.endsWith(kind) && zone.length - kind.length >= 2)
        return `${placeInPinyin(zone.slice(0, -kind.length))} ${en}`;
    }
    return undefined;
  }

  /** 长沙县 → [县, 长沙]: a proper place name and its level suffix, or [null, null]. */
  private splitPlace(text: string): [string | null, string | null] {
    for (const [suffix, words] of this.levels) {
      // A town may have a one-character name, and so may a county — but 各县 or 全县 names no place; a
      // district only when the data says its one character names one (东区, 郊区).
      const place = text.slice(0, -suffix.length);
      const named = place.length === 1 && (words.oneCharacterNames?.includes(place) ?? false);
      const shortest = suffix === "镇" || suffix === "乡" || suffix === "县" || named ? 1 : 2;
      const every = place.length === 1 && EVERY.test(place) && !named;
      if (text.endsWith(suffix) && place.length >= shortest && !every) return [suffix, place];
    }
    return [null, null];
  }

  /** The {@link mentionTable}'s rows by their key's first two characters (every key has two or more); rebuilt with it. */
  private mentionStarts(): ReadonlyMap<string, readonly number[]> {
    if (this.starts) return this.starts;
    const rows = new Map<string, number[]>();
    this.mentionTable().forEach(([key], k) => {
      const start = key.slice(0, 2);
      const list = rows.get(start);
      if (list) list.push(k);
      else rows.set(start, [k]);
    });
    this.starts = rows;
    return rows;
  }

  /** Every key (folded) with the known names it means, longest key first; rebuilt when names change. */
  private mentionTable(): ReadonlyArray<readonly [string, readonly string[]]> {
    if (this.table) return this.table;
    const targets = new Map<string, KeyTarget[]>();
    const add = (key: string, target: KeyTarget) => {
      const k = fold(key);
      if (k.length < 2) return;
      const list = targets.get(k) ?? [];
      list.push(target);
      targets.set(k, list);
    };
    for (const d of this.data.departments) {
      const group = firstForm(d);
      for (const zh of [...Object.keys(d.forms), ...d.aliases]) {
        add(zh, { group, level: null });
        for (const [level] of this.levels) add(`${level}${zh}`, { group, level });
      }
      // "commerce bureau" is said "bureau of commerce" too.
      const inverted = d.aliasesEn.flatMap((en) => {
        const m = /^(.+?) (bureau|department|commission|office|administration)$/.exec(en);
        return m ? [`${m[2]} of ${m[1]}`] : [];
      });
      for (const en of new Set([...d.aliasesEn, ...inverted])) {
        add(en, { group, level: null });
        // "provincial public security", "city environment bureau": the level said in English.
        for (const [level, words] of this.levels)
          for (const word of new Set([words.en, words.place])) add(`${word} ${en}`, { group, level });
      }
    }
    for (const d of this.data.named) {
      for (const a of [...d.aliases, ...d.aliasesEn]) add(a, { group: firstForm(d), level: null });
    }
    const { governments, committees } = this.data;
    for (const a of [...governments.aliases, ...governments.aliasesEn])
      add(a, { group: GOVERNMENTS, level: null });
    for (const a of [...committees.aliases, ...committees.aliasesEn])
      add(a, { group: COMMITTEES, level: null });
    for (const d of this.declared.values()) for (const a of d.aliases) add(a, { name: d.name });
    for (const [name, info] of this.known) {
      add(name, { name });
      if (info.en) add(info.en, { name });
      // A document's name written with an alias (市发改局) is what the bare alias (发改局) means too.
      if (info.group === null)
        for (const [, rest] of this.splitLevel(name)) if (this.aliasEnglish.has(rest)) add(rest, { name });
      for (const other of this.otherSpellings(name)) add(other, { name });
    }

    // A document's name written with an alias (市发改局) is of the alias's department at its level: the full
    // form asked (市发展和改革局) means it too.
    const aliasGroups = new Map<string, string>();
    for (const d of this.data.departments) for (const a of d.aliases) aliasGroups.set(a, firstForm(d));
    const written: Array<{ name: string; group: string; level: string }> = [];
    for (const [name, info] of this.known)
      if (info.group === null)
        for (const [level, rest] of this.splitLevel(name)) {
          const group = aliasGroups.get(rest);
          if (group && level !== null) written.push({ name, group, level });
        }
    const table: Array<readonly [string, readonly string[]]> = [];
    for (const [key, list] of targets) {
      const names = new Set<string>();
      for (const t of list) {
        if ("name" in t) names.add(t.name);
        else {
          for (const [name, info] of this.known)
            if (info.group === t.group && (t.level === null || info.level === t.level)) names.add(name);
          for (const w of written)
            if (w.group === t.group && (t.level === null || w.level === t.level)) names.add(w.name);
        }
      }
      if (names.size > 0) table.push([key, [...names]]);
    }
    this.table = table.sort((a, b) => b[0].length - a[0].length);
    return this.table;
  }
}

function firstForm(d: GenreDepartment): string {
  return Object.keys(d.forms)[0] as string;
}

/** The text with every character a regular expression reads as syntax escaped. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

let shared: DepartmentDirectory | undefined;

/**
 * The process-wide directory: the genre data of the project's `data/`, and every document parsed in
 * this process (parsing a document makes its departments known here). Question handling asks it.
 */
export function sharedDepartments(): DepartmentDirectory {
  shared ??= new DepartmentDirectory(loadDepartmentData(projectPaths().data));
  return shared;
}

/** English name of a canonical department, or undefined if the directory has none. */
export function englishDepartment(name: string): string | undefined {
  return sharedDepartments().english(name);
}

/**
 * Finds the departments a question mentions (环保局, 城管局, Public Security Bureau …) and the canonical
 * names of the loaded documents each one means, longest words first so 市场监管局 wins over 市场.
 */
export function findDepartmentMentions(text: string): DepartmentMention[] {
  return sharedDepartments().findMentions(text);
}

/** Every Chinese word that names a department, for segmenters and vocabularies; grows as documents load. */
export function departmentWords(): string[] {
  return sharedDepartments().words();
}

/** Whether a Chinese word names a department of the genre or of a loaded document. */
export function isDepartmentWord(word: string): boolean {
  return sharedDepartments().isWord(word);
}

/**
 * The genre's departments as word list entries (see {@link DepartmentDirectory.genreDepartments}),
 * read from `data/departments.yaml` when this module loads. Vocabularies built from it know the genre,
 * not a document; {@link departmentWords} adds the names of the documents loaded.
 */
export const DEPARTMENTS: readonly Department[] = sharedDepartments().genreDepartments();
