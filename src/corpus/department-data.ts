/**
 * The shape of the department data: the genre-wide file (`data/departments.yaml`) and the
 * departments a document's own profile file declares. Reading them is all this module does; what
 * they mean for a name is the directory's job (departments.ts).
 */
import { join } from "node:path";
import { z } from "zod";
import { readYamlFile } from "./yaml.js";

/** Forms of a department after its level prefix (or with {place}), each with its English pattern. */
const Forms = z.record(z.string().min(1), z.string().min(1));

/** One department of the genre: its forms and what people call it. */
export const GenreDepartment = z
  .object({
    /** 生态环境局 → "{level} Ecology and Environment Bureau"; the first form names the department. */
    forms: Forms.refine((f) => Object.keys(f).length > 0, "a department needs at least one form"),
    /** Chinese names people use for it (环保局); a level prefix may stand before them. */
    aliases: z.array(z.string().min(1)).default([]),
    /** English names people use for it, matched on word edges (environmental protection bureau). */
    aliasesEn: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type GenreDepartment = z.infer<typeof GenreDepartment>;

/** A level prefix (市) with its English adjective (Municipal) and noun (City). */
export const LevelWords = z
  .object({
    en: z.string().min(1),
    place: z.string().min(1),
    /** The level's word also ends places of other levels (杭州 is a city): after a place it is no level. */
    endsPlaceNames: z.boolean().optional(),
    /** Places of this level whose name is one character (东区, 郊区), though most have two or more. */
    oneCharacterNames: z.string().optional(),
  })
  .strict();
export type LevelWords = z.infer<typeof LevelWords>;

/** `data/departments.yaml`. */
export const DepartmentData = z
  .object({
    levels: z.record(z.string().min(1), LevelWords),
    departments: z.array(GenreDepartment),
    /** Organisations named after a place: forms with {place} / {Place}. */
    named: z.array(GenreDepartment).default([]),
    /** A bureau's own sections and units (大气生态环境科): named without a level, never given one. */
    sections: z.array(GenreDepartment).default([]),
    governments: z
      .object({
        aliases: z.array(z.string().min(1)).default([]),
        aliasesEn: z.array(z.string().min(1)).default([]),
        /** The units below a county a plan names all of (各乡镇(街道)): each word → its English plural. */
        units: z.record(z.string().min(1), z.string().min(1)).default({}),
        /** Where the units named together are (沿江各乡镇: the townships along the river). */
        along: z.record(z.string().min(1), z.string().min(1)).default({}),
      })
      .strict(),
    committees: z
      .object({
        aliases: z.array(z.string().min(1)).default([]),
        aliasesEn: z.array(z.string().min(1)).default([]),
        /** Zone kinds → English, for 经济技术开发区管委会 and the like. */
        zones: z.record(z.string().min(1), z.string().min(1)).default({}),
        /** Zone kinds → the short name people say (经济技术开发区 → 经开区). */
        shortZones: z.record(z.string().min(1), z.string().min(1)).default({}),
      })
      .strict(),
  })
  .strict();
export type DepartmentData = z.infer<typeof DepartmentData>;

/**
 * A department one document names that the genre data cannot describe (an organ only that city has),
 * or a spelling of that document that means another name (示范区管委会 for the full name).
 */
export const ProfileDepartment = z
  .object({
    /** The name as the document's clauses should record it. */
    name: z.string().min(1),
    en: z.string().min(1).optional(),
    /** First form of the genre department it is a kind of (机关事务管理局): it shares that one's aliases. */
    group: z.string().min(1).optional(),
    /** What people call it, Chinese or English. */
    aliases: z.array(z.string().min(1)).default([]),
    /** Other spellings in this document that mean it; they apply to this document only. */
    written: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type ProfileDepartment = z.infer<typeof ProfileDepartment>;

/** Reads `departments.yaml` from a data folder; throws naming the file when it is malformed. */
export function loadDepartmentData(dataDir: string): DepartmentData {
  const raw = readYamlFile(join(dataDir, "departments.yaml")) as unknown;
  const parsed = DepartmentData.safeParse(raw);
  if (!parsed.success) throw new Error(`data/departments.yaml: ${parsed.error.message}`);
  return parsed.data;
}
