/**
 * A document's profile: its display names, the place it governs, its level, its province and that
 * province's heating season. Read from the text where the text says it (issuer, title, the numbers
 * of the documents it implements), completed by the genre's data (`data/`) and overridden by the
 * data file beside the document (`corpus/<doc>.profile.yaml`), which is optional.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pinyin } from "@napi-rs/pinyin";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { Level, Names, type PlanMeta, type Profile } from "./schema.js";

const MonthDayText = z.string().regex(/^\d{2}-\d{2}$/, "expected MM-DD");

/** What a profile file beside a document may say; every field is optional. */
export const ProfileFile = z
  .object({
    name: Names.partial().optional(),
    aliases: z.array(z.string().min(1)).optional(),
    place: Names.optional(),
    placeAliases: z.array(z.string().min(1)).optional(),
    level: Level.optional(),
    /** The province's Chinese name as in data/provinces.yaml (河南省). */
    province: z.string().min(1).optional(),
    heatingSeason: MonthDayText.optional(),
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
});

/** The genre-wide data a profile is completed from. */
export interface GenreData {
  provinces: readonly Province[];
  /** Title words → English, longest first. */
  topics: ReadonlyArray<readonly [string, string]>;
  kinds: ReadonlyArray<readonly [string, string]>;
  /** Issuer name endings → level, longest first. */
  levels: ReadonlyArray<readonly [string, Level]>;
  /** Words that name the documents of a level (国家 → national), lower-cased. */
  levelWords: ReadonlyArray<readonly [string, Level]>;
}

const byLength = <T>(record: Record<string, T>) =>
  Object.entries(record).sort((a, b) => b[0].length - a[0].length) as Array<[string, T]>;

/** Reads `provinces.yaml` and `genre.yaml` from the data folder; throws naming the file when one is malformed. */
export function loadGenreData(dataDir: string): GenreData {
  const read = (file: string) => parseYaml(readFileSync(join(dataDir, file), "utf8")) as unknown;
  const provinces = z.array(Province).safeParse(read("provinces.yaml"));
  if (!provinces.success) throw new Error(`data/provinces.yaml: ${provinces.error.message}`);
  const genre = GenreFile.safeParse(read("genre.yaml"));
  if (!genre.success) throw new Error(`data/genre.yaml: ${genre.error.message}`);
  return {
    provinces: provinces.data,
    topics: byLength(genre.data.topics),
    kinds: byLength(genre.data.kinds),
    levels: byLength(genre.data.levels),
    levelWords: Object.entries(genre.data.levelWords).flatMap(([level, words]) =>
      (words ?? []).map((word) => [word.toLowerCase(), level as Level] as const),
    ),
  };
}

/** Reads `<doc>.profile.yaml` beside a document, or null when there is none. */
export function readProfileFile(dir: string, doc: string): ProfileFile | null {
  const file = join(dir, `${doc}.profile.yaml`);
  if (!existsSync(file)) return null;
  const parsed = ProfileFile.safeParse(parseYaml(readFileSync(file, "utf8")) ?? {});
  if (!parsed.success) throw new Error(`${doc}.profile.yaml: ${parsed.error.message}`);
  return parsed.data;
}

/** 商丘 → Shangqiu: the Hanyu Pinyin of a place name, run together and capitalised. */
export function placeInPinyin(zh: string): string {
  const syllables = pinyin(zh, { style: 0 }) as string[];
  const word = syllables.join("").replace(/[^a-z]/gi, "");
  return word.charAt(0).toUpperCase() + word.slice(1);
}

const PLACE_SUFFIX = /(?:维吾尔自治区|壮族自治区|回族自治区|自治区|省|市|县|区)$/;
const ISSUER_TAIL = /(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|管委会)$/;

/** 商丘市人民政府 → 商丘市; 山西省落实…方案 → 山西省; null when neither names a place. */
function placeOf(meta: PlanMeta): string | null {
  const fromIssuer = meta.issuer?.replace(ISSUER_TAIL, "");
  if (fromIssuer && fromIssuer !== meta.issuer && PLACE_SUFFIX.test(fromIssuer)) return fromIssuer;
  const fromTitle = /^(.{2,6}?(?:自治区|省|市|县|区))/.exec(meta.planTitle)?.[1];
  return fromTitle ?? null;
}

/** The province a document lies in: itself, the one its implemented documents' numbers name (豫政), or one its text names. */
function provinceOf(meta: PlanMeta, place: string | null, text: string, genre: GenreData): Province | null {
  if (place) {
    const own = genre.provinces.find((p) => p.zh === place);
    if (own) return own;
  }
  for (const number of meta.implements) {
    const found = genre.provinces.find((p) => number.startsWith(p.short) && !number.startsWith("国"));
    if (found) return found;
  }
  return genre.provinces.find((p) => text.includes(p.zh)) ?? null;
}

const monthDay = (text: string) => {
  const [month, day] = text.split("-").map(Number) as [number, number];
  return { month, day };
};

/** The usual heating-season start where a document names no province (most of northern China). */
const DEFAULT_HEATING_SEASON = "11-15";

/**
 * Builds a document's profile from its metadata and text, the genre data, and its profile file.
 * `text` is the document's body (for a province named in passing).
 */
export function buildProfile(
  doc: string,
  meta: PlanMeta,
  text: string,
  genre: GenreData,
  file: ProfileFile | null,
): Profile {
  const placeZh = file?.place?.zh ?? placeOf(meta);
  const core = placeZh?.replace(PLACE_SUFFIX, "") || null;
  const place = file?.place ?? (placeZh && core ? { zh: placeZh, en: placeInPinyin(core) } : null);
  const issuerLevel = meta.issuer
    ? genre.levels.find(([suffix]) => (meta.issuer as string).endsWith(suffix))?.[1]
    : undefined;
  const level = file?.level ?? issuerLevel ?? null;
  const provinceFromFile = file?.province ? genre.provinces.find((p) => p.zh === file.province) : undefined;
  if (file?.province && !provinceFromFile)
    throw new Error(`${doc}.profile.yaml: unknown province ${file.province}`);
  const province = provinceFromFile ?? (level === "national" ? null : provinceOf(meta, placeZh, text, genre));

  const title = meta.planTitle;
  const topic = genre.topics.find(([zh]) => title.includes(zh))?.[1];
  const kind = genre.kinds.find(([zh]) => title.endsWith(zh))?.[1] ?? "Plan";
  const year = /(20\d\d)年/.exec(title)?.[1];
  const owner =
    place?.en ?? (level === "national" ? (meta.issuer === "国务院" ? "State Council" : "National") : null);
  const builtEn = [owner, year, topic, kind].filter(Boolean).join(" ");
  const name = { zh: file?.name?.zh ?? title, en: file?.name?.en ?? (topic || owner ? builtEn : `${doc}`) };

  const placeAliases = [...new Set([placeZh, core, place?.en, ...(file?.placeAliases ?? [])])].filter(
    (a): a is string => typeof a === "string" && a.length >= 2,
  );
  const shortKind = /方案$/.test(title) ? "方案" : /计划$/.test(title) ? "计划" : null;
  const generated = core && shortKind ? [`${core}${shortKind}`, `${core}市${shortKind}`] : [];
  const aliases = [
    ...new Set(
      [...generated, ...(place ? [`${place.en} plan`] : []), ...(file?.aliases ?? [])].filter(
        (a) => a.length >= 2,
      ),
    ),
  ];
  const heatingSeason = monthDay(file?.heatingSeason ?? province?.heatingSeason ?? DEFAULT_HEATING_SEASON);
  return {
    name,
    aliases,
    place,
    placeAliases,
    level,
    province: province ? { zh: province.zh, en: province.en } : null,
    heatingSeason,
  };
}
