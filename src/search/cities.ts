/**
 * China's prefecture-level cities (`data/cities.yaml`), by province: a question naming one that no loaded
 * document belongs to asks about a place this deployment does not cover, whether or not the word
 * dictionary tags the name as a place.
 */
import { join } from "node:path";
import { pinyin } from "pinyin-pro";
import { z } from "zod";
import { projectPaths, readYamlFile } from "../corpus/index.js";

const CitiesFile = z.record(z.string().min(1), z.array(z.string().min(2)));

/** The city names (without 市) and the provinces they are listed under (without 省). */
interface Regions {
  cities: ReadonlySet<string>;
  provinces: ReadonlySet<string>;
}

let cached: Regions | null = null;

/** Reads a cities file; throws naming the file when it is malformed. */
function loadRegions(file: string): Regions {
  const parsed = CitiesFile.safeParse(readYamlFile(file));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
  return { cities: new Set(Object.values(parsed.data).flat()), provinces: new Set(Object.keys(parsed.data)) };
}

/** Reads the city names (without 市) from a cities file; throws naming the file when it is malformed. */
export function loadCityNames(file = join(projectPaths().data, "cities.yaml")): ReadonlySet<string> {
  return loadRegions(file).cities;
}

/** `data/cities.yaml`, read once. */
function regions(): Regions {
  cached ??= loadRegions(join(projectPaths().data, "cities.yaml"));
  return cached;
}

/** The prefecture-level cities of `data/cities.yaml`, read once. */
export function cityNames(): ReadonlySet<string> {
  return regions().cities;
}

/** The provinces `data/cities.yaml` lists its cities under (河北, 四川), without 省. */
export function provinceNames(): ReadonlySet<string> {
  return regions().provinces;
}

let byPinyin: ReadonlyMap<string, string> | null = null;

/**
 * The cities and provinces by their toneless pinyin run together (xiangtan → 湘潭, hunan → 湖南), read once: how
 * an English question writes a place its plans name in Chinese (与湘潭市、岳阳市联防联控 for "with Xiangtan and
 * Yueyang"). A spelling two places share names neither.
 */
export function placesByPinyin(): ReadonlyMap<string, string> {
  if (!byPinyin) {
    const places = new Map<string, string | null>();
    for (const name of [...cityNames(), ...provinceNames()]) {
      const key = pinyin(name, { toneType: "none", separator: "" }).toLowerCase();
      places.set(key, places.has(key) && places.get(key) !== name ? null : name);
    }
    byPinyin = new Map([...places].filter((e): e is [string, string] => e[1] !== null));
  }
  return byPinyin;
}
