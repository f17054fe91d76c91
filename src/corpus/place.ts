/**
 * Place names: their English (Hanyu Pinyin) and the administrative suffix they end in. Used for a
 * document's profile (the place it governs) and for departments named after a place.
 */
import { pinyin } from "pinyin-pro";

/** The suffixes a place name ends in, longest first (自治区 before 区). */
export const PLACE_SUFFIX =
  /(?:维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|高新技术产业开发区|经济技术开发区|高新区|开发区|示范区|新区|矿区|林区|省|市|县|区|州|盟|旗)$/;

/** A place name without its administrative suffix: 长沙市 → 长沙 (a one-character remainder keeps it). */
export function placeCore(zh: string): string {
  const core = zh.replace(PLACE_SUFFIX, "");
  return core.length >= 2 ? core : zh;
}

/**
 * 长沙 → Changsha: the Hanyu Pinyin of a place name, run together and capitalised; a syllable after
 * the first that opens with a, o or e takes an apostrophe, as the orthography writes it (西安 → Xi'an).
 * `readings`: characters with the reading place names give them (the genre's `placeReadings`).
 */
export function placeInPinyin(zh: string, readings: ReadonlyMap<string, string> = new Map()): string {
  // A character read otherwise in place names (成都 Chengdu, where 都 alone is dou) takes that reading.
  const syllables = pinyin(zh, { toneType: "none", type: "array" }).map(
    // ü stays, as the orthography writes it (吕 → Lü; the profile lets Lu and Lv name the place too).
    (s, i) => readings.get(zh[i] as string) ?? s.replace(/v/g, "ü").replace(/[^a-zü]/gi, ""),
  );
  const word = syllables.map((s, i) => (i > 0 && /^[aoe]/i.test(s) ? `'${s}` : s)).join("");
  return word.charAt(0).toUpperCase() + word.slice(1);
}
