/**
 * The prefecture-level cities and provinces of `data/cities.yaml` (read by ../corpus/regions.ts) as an English
 * question spells them: a question naming one that no loaded document belongs to asks about a place this
 * deployment does not cover.
 */
import { pinyin } from "pinyin-pro";
import { cityNames, provinceNames } from "../corpus/index.js";

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
