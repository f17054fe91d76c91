/**
 * A document's profile: its display names, the place it governs, its level, its province and that
 * province's heating season. Read from the text where the text says it (issuer, title, the numbers
 * of the documents it implements), completed by the genre's data (`data/`) and overridden by the
 * data file beside the document (`corpus/<doc>.profile.yaml`), which is optional.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { type DepartmentData, loadDepartmentData, ProfileDepartment } from "./department-data.js";
import { PLACE_SUFFIX, placeInPinyin } from "./place.js";
import { loadCityProvinces } from "./regions.js";
import { Level, Names, type PlanMeta, type Profile } from "./schema.js";
import { readYamlFile } from "./yaml.js";

const MonthDayText = z.string().regex(/^\d{2}-\d{2}$/, "expected MM-DD");

/** What a profile file beside a document may say; every field is optional. */
export const ProfileFile = z
  .object({
    name: Names.partial().optional(),
    aliases: z.array(z.string().min(1)).optional(),
    place: Names.optional(),
    placeAliases: z.array(z.string().min(1)).optional(),
    /** Counties and districts under the place (the text rarely lists them all). */
    subdivisions: z.array(z.string().min(1)).optional(),
    level: Level.optional(),
    /** The province's Chinese name as in data/provinces.yaml (e.g. 河北省). */
    province: z.string().min(1).optional(),
    heatingSeason: MonthDayText.optional(),
    /** Departments of this document the genre data cannot describe, and its own spellings of names. */
    departments: z.array(ProfileDepartment).optional(),
  })
  .strict();
export type ProfileFile = z.infer<typeof ProfileFile>;

const Province = z.object({ zh: z.string(), en: z.string(), short: z.string(), heatingSeason: MonthDayText });
type Province = z.infer<typeof Province>;

const GenreFile = z.object({
  topics: z.record(z.string(), z.string()),
  kinds: z.record(z.string(), z.string()),
  levels: z.record(z.string(), Level),
  levelWords: z.partialRecord(Level, z.array(z.string().min(1))).default({}),
  levelRegions: z.partialRecord(Level, z.array(z.string().min(1))).default({}),
  abbreviations: z.record(z.string(), z.string()).default({}),
  issuersEn: z.record(z.string(), z.array(z.string().min(1))).default({}),
  areaKinds: z.record(z.string(), z.string()).default({}),
  autonomousPeoples: z.array(z.string().min(1)).default([]),
  englishPlaceNames: z.record(z.string(), z.string()).default({}),
  placeReadings: z.record(z.string().length(1), z.string().regex(/^[a-z]+$/)).default({}),
});

/** The genre-wide data a profile is completed from, and the departments' data. */
export interface GenreData {
  provinces: readonly Province[];
  /** `data/departments.yaml`. */
  departments: DepartmentData;
  /** Title words → English, longest first. */
  topics: ReadonlyArray<readonly [string, string]>;
  kinds: ReadonlyArray<readonly [string, string]>;
  /** Issuer name endings → level, longest first. */
  levels: ReadonlyArray<readonly [string, Level]>;
  /** National issuers → the English names people call them by (生态环境部 → MEE). */
  issuersEn: ReadonlyMap<string, readonly string[]>;
  /** Title words and how people abbreviate them (挥发性有机物 → VOCs). */
  abbreviations: ReadonlyArray<readonly [string, string]>;
  /** Words that name the documents of a level (国家 → national; 京津冀 too), lower-cased. */
  levelWords: ReadonlyArray<readonly [string, Level]>;
  /** Those of them that are also a question's topic (the key regions the national plan names), lower-cased. */
  topicalLevelWords: ReadonlySet<string>;
  /** How the name of an area a 管委会 governs ends (新区), and its English (New Area); longest first. */
  areaKinds: ReadonlyArray<readonly [string, string]>;
  /** The peoples an autonomous prefecture or county is named for (某某回族自治州 → 某某), longest first. */
  autonomousPeoples: readonly string[];
  /** Places whose English is not their pinyin, by the name without its suffix (乌鲁木齐 → Urumqi). */
  englishPlaceNames: ReadonlyMap<string, string>;
  /** Characters place names read otherwise than everyday words do (都 → du, as in 成都). */
  placeReadings: ReadonlyMap<string, string>;
  /** `data/cities.yaml`: each prefecture-level city (without 市) → its province (without 省). */
  cityProvinces: ReadonlyMap<string, string>;
}

const byLength = <T>(record: Record<string, T>) =>
  Object.entries(record).sort((a, b) => b[0].length - a[0].length) as Array<[string, T]>;

/** Reads `provinces.yaml`, `genre.yaml` and `departments.yaml` from the data folder; throws naming the file when one is malformed. */
export function loadGenreData(dataDir: string): GenreData {
  const read = (file: string) => readYamlFile(join(dataDir, file));
  const provinces = z.array(Province).safeParse(read("provinces.yaml"));
  if (!provinces.success) throw new Error(`data/provinces.yaml: ${provinces.error.message}`);
  const genre = GenreFile.safeParse(read("genre.yaml"));
  if (!genre.success) throw new Error(`data/genre.yaml: ${genre.error.message}`);
  return {
    provinces: provinces.data,
    departments: loadDepartmentData(dataDir),
    topics: byLength(genre.data.topics),
    kinds: byLength(genre.data.kinds),
    levels: byLength(genre.data.levels),
    abbreviations: byLength(genre.data.abbreviations),
    areaKinds: byLength(genre.data.areaKinds),
    autonomousPeoples: [...genre.data.autonomousPeoples].sort((a, b) => b.length - a.length),
    englishPlaceNames: new Map(Object.entries(genre.data.englishPlaceNames)),
    placeReadings: new Map(Object.entries(genre.data.placeReadings)),
    cityProvinces: loadCityProvinces(join(dataDir, "cities.yaml")),
    issuersEn: new Map(Object.entries(genre.data.issuersEn)),
    levelWords: [genre.data.levelWords, genre.data.levelRegions].flatMap((byLevel) =>
      Object.entries(byLevel).flatMap(([level, words]) =>
        (words ?? []).map((word) => [word.toLowerCase(), level as Level] as const),
      ),
    ),
    topicalLevelWords: new Set(
      Object.values(genre.data.levelRegions).flatMap((words) => (words ?? []).map((w) => w.toLowerCase())),
    ),
  };
}

/** How many issued it, as people say it: 两部委 / 二部委, 三部委 … 十部委. */
const JOINT_COUNT = ["两|二", "三", "四", "五", "六", "七", "八", "九", "十"];
const JOINT_COUNT_EN = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/** Reads `<doc>.profile.yaml` beside a document, or null when there is none. */
export function readProfileFile(dir: string, doc: string): ProfileFile | null {
  const file = join(dir, `${doc}.profile.yaml`);
  if (!existsSync(file)) return null;
  const parsed = ProfileFile.safeParse(readYamlFile(file) ?? {});
  if (!parsed.success) throw new Error(`${doc}.profile.yaml: ${parsed.error.message}`);
  return parsed.data;
}

const ISSUER_TAIL = /(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|管委会)$/;

/** A department of a place's government issuing in its own name: 某省生态环境厅, 某市发展和改革委员会. */
const DEPARTMENT_ISSUER =
  /^(.{2,8}?(?:自治区|省|市|县|区))(?=\p{Script=Han}{2,}(?:厅|局|委员会|委|办公室|办)$)/u;

/**
 * X市人民政府 → X市; 某省生态环境厅 → 某省; Y省落实…方案 → Y省; null when neither names a place.
 * 全省 / 全市 in a title (2025年全省…工作要点) is the issuer's own territory, not a place's name.
 */
function placeOf(meta: PlanMeta): string | null {
  // A joint notice (中共某市委办公室、某市人民政府办公室): its government issuer says the place.
  const issuers = (meta.issuer ?? "").split("、").map((i) => i.replace(/^中共/, ""));
  const issuer = issuers.find((i) => ISSUER_TAIL.test(i) && !/委办公室$/.test(i)) ?? issuers[0] ?? "";
  const fromIssuer = issuer.replace(ISSUER_TAIL, "");
  // 县政府办公室 (the level alone, as a signature may write it) names no place.
  if (fromIssuer.length >= 2 && fromIssuer !== issuer && PLACE_SUFFIX.test(fromIssuer))
    return innermostPlace(fromIssuer);
  // A city bureau's county branch (某市生态环境局某县分局) serves the county.
  const branch = /(?<=局)(\p{Script=Han}{2,4}?(?:县|区|市))分局$/u.exec(issuer)?.[1];
  if (branch) return branch;
  const department = DEPARTMENT_ISSUER.exec(issuer)?.[1];
  if (department) return innermostPlace(department);
  // A county of one character (X县).
  const fromTitle = /^(\p{Script=Han}{2,6}?(?:自治区|省|市|县|区)|\p{Script=Han}县)/u.exec(
    meta.planTitle,
  )?.[1];
  return fromTitle && !/^全/.test(fromTitle) ? fromTitle : null;
}

/**
 * A place written after its province without the province's suffix (某省名 + 某新区 → 某新区): the
 * place itself.
 */
function withoutProvince(place: string | null, provinces: readonly Province[]): string | null {
  if (!place) return null;
  for (const p of provinces) {
    const bare = p.zh.replace(PLACE_SUFFIX, "");
    const rest = place.slice(bare.length);
    // The rest must be a place of its own, not the province's suffix (某 + 回族自治区).
    const own = rest.replace(PLACE_SUFFIX, "");
    if (bare.length >= 2 && place.startsWith(bare) && own.length >= 2 && PLACE_SUFFIX.test(rest)) return rest;
  }
  return place;
}

/**
 * The place a nested name governs: 甲市乙区 → 乙区 (people call the district's plan by the
 * district), 甲省乙市 → 乙市; a single place stays as it is.
 */
function innermostPlace(name: string): string {
  // A suffix character inside a name (常州市: 州 then 市) does not end a part.
  const parts = name.match(
    /.+?(?:自治区|自治州|省|市|州|盟|地区|县|区|旗)(?![市县区州省旗])(?=.{2,}$)|.+$/g,
  ) ?? [name];
  const last = parts.at(-1) as string;
  return parts.length > 1 && last.length >= 2 && PLACE_SUFFIX.test(last) ? last : name;
}

/**
 * A place name without its administrative suffix, and without the peoples an autonomous area is
 * named for (某某回族自治州 → 某某, 某某苗族侗族自治州 → 某某); a remainder under two characters keeps more.
 */
function placeCoreOf(place: string, peoples: readonly string[]): string {
  let core = place.replace(PLACE_SUFFIX, "");
  if (/自治[州县旗]$/.test(place))
    for (let found = true; found; ) {
      found = false;
      for (const people of peoples) {
        const rest = core.endsWith(`${people}族`) ? core.slice(0, -(people.length + 1)) : "";
        if (rest.length >= 2) {
          core = rest;
          found = true;
          break;
        }
      }
    }
  return core || place;
}

/** How a place name's suffix tells its level, for a document whose issuer does not say. */
function levelOfPlace(place: string | null): Level | null {
  if (!place) return null;
  if (/(?:自治区|省)$/.test(place)) return "provincial";
  if (/(?:市|州|盟)$/.test(place)) return "city";
  if (/(?:县|区|旗)$/.test(place)) return "county";
  return null;
}

/**
 * The province a document lies in: itself; the one its own number or its implemented documents'
 * numbers name (冀政 → 河北省); one its text names; else the one the hosting site's registration
 * names (冀ICP备…, 湘公网安备…) in the page around it.
 */
function provinceOf(
  meta: PlanMeta,
  place: string | null,
  text: string,
  page: string,
  genre: GenreData,
): Province | null {
  if (place) {
    const own = genre.provinces.find((p) => p.zh === place);
    if (own) return own;
    // A prefecture-level city the data lists under its province — before its numbers, whose first character
    // (the city's own) may be another province's abbreviation.
    const listed = genre.cityProvinces.get(place.replace(/市$/, ""));
    const province = listed ? genre.provinces.find((p) => p.zh.startsWith(listed)) : undefined;
    if (province) return province;
  }
  for (const number of [meta.docNumber, ...meta.implements]) {
    if (!number || number.startsWith("国")) continue;
    const found = genre.provinces.find((p) => number.startsWith(p.short));
    if (found) return found;
  }
  // A title may open with the province without its suffix.
  // Of the provinces its text names, the one it names most (a neighbour it works with is named less), first named on a tie.
  const mentions = (p: Province) => text.split(p.zh).length - 1;
  const named =
    genre.provinces
      .filter((p) => text.includes(p.zh))
      .sort((a, b) => mentions(b) - mentions(a) || text.indexOf(a.zh) - text.indexOf(b.zh))[0] ??
    genre.provinces.find((p) => meta.planTitle.startsWith(p.zh.replace(PLACE_SUFFIX, "")));
  if (named) return named;
  for (const m of page.matchAll(/([\u4e00-\u9fa5])(?:ICP备|公网安备)/g)) {
    const found = genre.provinces.find((p) => p.short === m[1]);
    if (found) return found;
  }
  return null;
}

const monthDay = (text: string) => {
  const [month, day] = text.split("-").map(Number) as [number, number];
  return { month, day };
};

/** The usual heating-season start where a document names no province (most of northern China). */
const DEFAULT_HEATING_SEASON = "11-15";

/**
 * Builds a document's profile from its metadata and text, the genre data, and its profile file.
 * `text` is the document's body (for a province named in passing), `page` the whole page (the site's
 * registration lines say the province when nothing else does).
 */
export function buildProfile(
  doc: string,
  meta: PlanMeta,
  text: string,
  genre: GenreData,
  file: ProfileFile | null,
  page = "",
): Profile {
  const placeZh = file?.place?.zh ?? withoutProvince(placeOf(meta), genre.provinces);
  const core = placeZh ? placeCoreOf(placeZh, genre.autonomousPeoples) : null;
  const ownProvince = placeZh ? genre.provinces.find((p) => p.zh === placeZh) : undefined;
  const area = placeZh ? genre.areaKinds.find(([zh]) => placeZh.endsWith(zh))?.[1] : undefined;
  // 乌鲁木齐 → Urumqi: the name English uses, where it is not the pinyin (which the place still answers to).
  const placeEnglish = core ? genre.englishPlaceNames.get(core) : undefined;
  // A one-character name keeps its suffix in pinyin (a county X县 is Xxian, not X), as English writes it.
  const spoken = core && core.length < 2 && placeZh ? placeZh : core;
  const placeEn = spoken
    ? [placeEnglish ?? placeInPinyin(spoken, genre.placeReadings), area].filter(Boolean).join(" ")
    : null;
  const pinyinToo = placeEnglish && core ? placeInPinyin(core, genre.placeReadings) : null;
  // …and answers to its one syllable with the kind of place (X County) too.
  const syllableKind =
    spoken !== core && core && placeZh?.endsWith("县")
      ? `${placeInPinyin(core, genre.placeReadings)} County`
      : null;
  const place = file?.place ?? (placeZh && placeEn ? { zh: placeZh, en: ownProvince?.en ?? placeEn } : null);
  const issuerLevel = meta.issuer
    ? genre.levels.find(([suffix]) => (meta.issuer as string).endsWith(suffix))?.[1]
    : undefined;
  const level = file?.level ?? issuerLevel ?? levelOfPlace(placeZh);
  const provinceFromFile = file?.province ? genre.provinces.find((p) => p.zh === file.province) : undefined;
  if (file?.province && !provinceFromFile)
    throw new Error(`${doc}.profile.yaml: unknown province ${file.province}`);
  const province =
    provinceFromFile ?? (level === "national" ? null : provinceOf(meta, placeZh, text, page, genre));

  const title = meta.planTitle;
  // A title's closing bracket of years (（2019—2020年）) is not how people shorten it.
  const plain = title.replace(/[（(][^（）()]*\d{4}[^（）()]*[）)]$/, "");
  const topic = genre.topics.find(([zh]) => title.includes(zh))?.[1];
  const kind = genre.kinds.find(([zh]) => plain.endsWith(zh))?.[1] ?? "Plan";
  // The plan's year: in its title, else the year it was signed or published (two plans of one city
  // differ by it).
  const range = /(20\d\d)\s*[—–\-~至到]\s*(20\d\d)\s*年/.exec(title);
  const year = range
    ? `${range[1]}–${range[2]}`
    : (/(20\d\d)年/.exec(title)?.[1] ?? (meta.signed ?? meta.published)?.slice(0, 4));
  const owner =
    place?.en ?? (level === "national" ? (meta.issuer === "国务院" ? "State Council" : "National") : null);
  const builtEn = [owner, year, topic, kind].filter(Boolean).join(" ");
  const name = { zh: file?.name?.zh ?? title, en: file?.name?.en ?? (topic || owner ? builtEn : `${doc}`) };

  // People type Xi'an as Xian too, and ü as u or v (Lü → Lu, Lv); a banner goes by its first character
  // (某某克旗 → 某旗).
  const unmarked = place?.en.replace(/'/g, "");
  const typedU = unmarked?.includes("ü") ? [unmarked.replace(/ü/g, "u"), unmarked.replace(/ü/g, "v")] : [];
  const banner = placeZh?.endsWith("旗") && core && core.length >= 2 ? `${core.charAt(0)}旗` : null;
  // An autonomous prefecture goes by its core and 州 (某某回族自治州 → 某某州).
  const prefecture = placeZh?.endsWith("自治州") && core ? `${core}州` : null;
  const placeAliases = [
    ...new Set([
      placeZh,
      core,
      prefecture,
      place?.en,
      unmarked,
      ...typedU,
      pinyinToo,
      pinyinToo?.replace(/'/g, ""),
      syllableKind,
      banner,
      // An area a 管委会 governs answers to its place's pinyin alone too (X for X Demonstration Zone).
      area && core && core.length >= 2 ? placeInPinyin(core, genre.placeReadings) : null,
      ...(file?.placeAliases ?? []),
    ]),
  ].filter((a): a is string => typeof a === "string" && a.length >= 2);
  const shortKind = /方案$/.test(plain) ? "方案" : /计划$/.test(plain) ? "计划" : null;
  const generated =
    core && placeZh && shortKind
      ? [
          `${core}${shortKind}`,
          `${placeZh}${shortKind}`,
          ...(year ? [`${core}${year}年${shortKind}`, `${core}${year}${shortKind}`] : []),
        ]
      : [];
  // The place with the ends of the title people shorten it to (X市十大行动方案 → X十大行动方案), and
  // the title without its place and year (大气污染防治攻坚十大行动方案).
  const bare = placeZh ? plain.replace(placeZh, "").replace(/^(?:20\d\d年)/, "") : plain;
  const tails = [];
  for (let n = 4; n <= Math.min(10, bare.length); n++) tails.push(bare.slice(-n));
  const shortened = core && placeZh ? tails.flatMap((t) => [`${core}${t}`, `${placeZh}${t}`]) : [];
  // The place with the title's first word and its kind (X市蓝天保卫战工作方案 → X蓝天方案, X大气方案).
  const head = /^[\u4e00-\u9fff]{2}/.exec(
    bare.replace(/^(?:20\d\d\s*[—–\-~至到]\s*20\d\d年|20\d\d年度?)/, ""),
  )?.[0];
  const headed =
    core && placeZh && shortKind && head
      ? [`${core}${head}${shortKind}`, `${placeZh}${head}${shortKind}`]
      : [];
  const kindEn = genre.kinds.find(([zh]) => plain.endsWith(zh))?.[1]?.toLowerCase();
  // A national document answers to each of its issuers (生态环境部 of a joint notice), by their
  // English names too (MEE), and a joint notice to how many issued it (三部委).
  const issuers = level === "national" ? (meta.issuer?.split("、") ?? []) : [];
  const ministries =
    issuers.length >= 2 && issuers.length <= 10 ? JOINT_COUNT[issuers.length - 2] : undefined;
  const joint = ministries
    ? [
        ...ministries.split("|").flatMap((n) => [`${n}部委`, `${n}部门`]),
        `${JOINT_COUNT_EN[issuers.length - 2]}-ministry`,
        `${JOINT_COUNT_EN[issuers.length - 2]} ministries`,
      ]
    : [];
  const issuerNames = [
    ...(issuers.length > 1 ? issuers : []),
    ...issuers.flatMap((i) => genre.issuersEn.get(i) ?? []),
  ];
  const english = place
    ? [
        `${place.en} plan`,
        ...(year ? [`${place.en} ${year} plan`] : []),
        ...(kindEn ? [`${place.en} ${kindEn}`] : []),
      ]
    : [];
  const aliases = [
    ...new Set(
      [
        ...generated,
        ...shortened,
        ...headed,
        ...(bare.length >= 6 ? [bare] : []),
        ...joint,
        ...issuerNames,
        ...english,
        ...(file?.aliases ?? []),
      ].filter((a) => a.length >= 2),
    ),
  ];
  const heatingSeason = monthDay(file?.heatingSeason ?? province?.heatingSeason ?? DEFAULT_HEATING_SEASON);
  const titleForms = [
    ...new Set([
      plain,
      ...genre.abbreviations
        .filter(([zh]) => plain.includes(zh))
        .map(([zh, short]) => plain.replace(zh, short)),
    ]),
  ].map((t) => t.toLowerCase());
  return {
    name,
    aliases,
    titleForms,
    place,
    placeAliases,
    subdivisions: file?.subdivisions ?? [],
    level,
    province: province ? { zh: province.zh, en: province.en } : null,
    heatingSeason,
  };
}
