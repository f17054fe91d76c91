/**
 * Where a question places its case, and whether a local plan reaches it. A city's or county's plan governs its
 * own place: a case put in another prefecture-level city or province (某市的村子, 厂在湖南, a farm in another
 * city) is none of its rules' business, though the national plan's rules still judge it.
 */
import type { Plan } from "../corpus/index.js";
import { cityNames, placesByPinyin, provinceNames, segmenter } from "../search/index.js";

/** The words a plan's own place goes by: its name, its aliases and its subdivisions'. */
export function ownPlaceWords(plan: Plan): string[] {
  const { place, placeAliases, subdivisions } = plan.profile;
  return [...(place ? [place.zh] : []), ...placeAliases, ...subdivisions];
}

/** Every city's and province's name, for a first look before segmenting (built once). */
let anyName: RegExp | undefined;

/** What follows a city's name when it names a street or a park (中山路, 人民公园), not the city. */
const NOT_THE_PLACE = /^(?:路|街|大街|大道|公园|广场|大厦|饭店|酒店)/;

/** What follows a city's name when it is where the asker works or studies (我在某市上班，老家…), not where the case is. */
const WHERE_THE_ASKER_IS = /^(?:上班|打工|务工|读书|上学|念书)/;

/**
 * The prefecture-level cities and provinces of `data/cities.yaml` a question names as words of their own (信阳,
 * 周口市, 湖南省, Xinyang), without 市 or 省: whole tokens, so that 三明治 and 大同小异 name no city.
 */
export function placesNamed(text: string): string[] {
  const cities = cityNames();
  const provinces = provinceNames();
  // Segmenting costs more than looking: only a text holding a name, or a capitalised word, is cut.
  anyName ??= new RegExp([...cities, ...provinces].sort((a, b) => b.length - a.length).join("|"));
  if (!anyName.test(text) && !/\b[A-Z][a-z]/.test(text)) return [];
  const tokens = segmenter().cut(text, false);
  const named: string[] = [];
  tokens.forEach((token, i) => {
    const bare = token.replace(/[市省]$/, "");
    // 天津港, 日照港: a port is cut as one word with its city's name (连云港 is a city's own name).
    const name = cities.has(bare) || provinces.has(bare) ? bare : bare.replace(/港$/, "");
    if (!cities.has(name) && !provinces.has(name)) return;
    if (NOT_THE_PLACE.test(tokens[i + 1] ?? "") || WHERE_THE_ASKER_IS.test(tokens[i + 1] ?? "")) return;
    named.push(name);
  });
  for (const m of text.matchAll(
    /\b[A-Z][a-z]+(?:'[a-z]+)?\b(?! (?:restaurants?|cuisine|food|dish(?:es)?|style|hot ?pot|noodles?)\b)/g,
  )) {
    const name = placesByPinyin().get(m[0].toLowerCase().replace(/'/g, ""));
    if (name) named.push(name);
  }
  return [...new Set(named)];
}

/** A plan's own place words, split by script, read once per plan. */
interface OwnPlaces {
  han: string[];
  /** Its places in English (Yongcheng), as whole words. */
  latin: RegExp[];
  province: string;
}
const ownPlaces = new WeakMap<Plan, OwnPlaces>();

function ownPlacesOf(plan: Plan): OwnPlaces {
  let own = ownPlaces.get(plan);
  if (!own) {
    const words = ownPlaceWords(plan);
    own = {
      han: words.filter((w) => /^[\u4e00-\u9fff]{2,}/.test(w)),
      latin: words.filter((w) => /^[A-Za-z][A-Za-z' ]+$/.test(w)).map((w) => new RegExp(`\\b${w}\\b`, "i")),
      province: plan.profile.province?.zh ?? "",
    };
    ownPlaces.set(plan, own);
  }
  return own;
}

/** The places of the last texts asked about: every local plan of a check looks at the same question. */
const recentlyNamed = new Map<string, string[]>();

function placesNamedOnce(text: string): string[] {
  let named = recentlyNamed.get(text);
  if (!named) {
    if (recentlyNamed.size >= 64) recentlyNamed.clear();
    named = placesNamed(text);
    recentlyNamed.set(text, named);
  }
  return named;
}

/**
 * Whether a question puts its case outside a local plan's place: it names a city or a province none of which is
 * the plan's own (nor the province it lies in), and names none of the plan's own places. Of several texts (the
 * question, then the case it continues), the first naming any place decides: a follow-up's new place (换到某市的
 * 村子呢) outranks the county the case stood in. National and provincial plans reach every city their text
 * governs and are never outside.
 */
export function placedElsewhere(plan: Plan, ...texts: string[]): boolean {
  if (plan.profile.level !== "city" && plan.profile.level !== "county") return false;
  const own = ownPlacesOf(plan);
  for (const text of texts) {
    if (own.han.some((w) => text.includes(w)) || own.latin.some((re) => re.test(text))) return false;
    const named = placesNamedOnce(text);
    if (named.length === 0) continue;
    return named.every(
      (name) =>
        !own.province.startsWith(name) && !own.han.some((w) => w.startsWith(name) || name.startsWith(w)),
    );
  }
  return false;
}
