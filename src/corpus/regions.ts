/**
 * China's prefecture-level cities (`data/cities.yaml`), by province: the names every stage reads — the
 * questions' places, the facts that must not read a thing inside a city's name (a 马 or 鸡 there is no animal), the
 * plans a place has.
 */
import { join } from "node:path";
import { z } from "zod";
import { projectPaths } from "./paths.js";
import { readYamlFile } from "./yaml.js";

const CitiesFile = z.record(z.string().min(1), z.array(z.string().min(2)));

/** The city names (without 市) and the provinces they are listed under (without 省). */
interface Regions {
  cities: ReadonlySet<string>;
  provinces: ReadonlySet<string>;
}

let cached: Regions | null = null;

/** Reads a cities file; throws naming the file when it is malformed. */
function loadRegions(file: string): Regions {
  const byCity = loadCityProvinces(file);
  return { cities: new Set(byCity.keys()), provinces: new Set(byCity.values()) };
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

/** Each city of a cities file (without 市) with the province it is listed under (without 省); throws when malformed. */
export function loadCityProvinces(
  file = join(projectPaths().data, "cities.yaml"),
): ReadonlyMap<string, string> {
  const parsed = CitiesFile.safeParse(readYamlFile(file));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
  return new Map(
    Object.entries(parsed.data).flatMap(([province, cities]) => cities.map((c) => [c, province])),
  );
}

/** The prefecture-level cities of `data/cities.yaml`, read once. */
export function cityNames(): ReadonlySet<string> {
  return regions().cities;
}

/** The provinces `data/cities.yaml` lists its cities under (河北, 四川), without 省. */
export function provinceNames(): ReadonlySet<string> {
  return regions().provinces;
}
