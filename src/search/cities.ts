/**
 * China's prefecture-level cities (`data/cities.yaml`): a question naming one that no loaded document
 * belongs to asks about a place this deployment does not cover, whether or not the word dictionary
 * tags the name as a place.
 */
import { join } from "node:path";
import { z } from "zod";
import { projectPaths, readYamlFile } from "../corpus/index.js";

const CitiesFile = z.record(z.string().min(1), z.array(z.string().min(2)));

let cached: ReadonlySet<string> | null = null;

/** Reads the city names (without 市) from a cities file; throws naming the file when it is malformed. */
export function loadCityNames(file = join(projectPaths().data, "cities.yaml")): ReadonlySet<string> {
  const parsed = CitiesFile.safeParse(readYamlFile(file));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
  return new Set(Object.values(parsed.data).flat());
}

let provinces: ReadonlySet<string> | null = null;

/** The provinces `data/cities.yaml` lists its cities under (河北, 四川), without 省, read once. */
export function provinceNames(file = join(projectPaths().data, "cities.yaml")): ReadonlySet<string> {
  if (provinces) return provinces;
  const parsed = CitiesFile.safeParse(readYamlFile(file));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
  provinces = new Set(Object.keys(parsed.data));
  return provinces;
}

/** The prefecture-level cities of `data/cities.yaml`, read once. */
export function cityNames(): ReadonlySet<string> {
  cached ??= loadCityNames();
  return cached;
}
