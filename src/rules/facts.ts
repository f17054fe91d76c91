/**
 * Facts from one question, Chinese or English: what the business or thing is, the quantities it
 * gives (whatever the numerals), emission standards, what a number measures (design vs current,
 * stock vs annual output) and where it is. Pure and deterministic; rules read only these facts.
 */
import ChineseNumber from "chinese-numbers-converter";

export type Lang = "zh" | "en";

/** Canonical units; 亩/公顷 are converted to m2, MW to kW, 万 applied to 标砖/年 counts. */
export type Unit =
  | "animal"
  | "t/h"
  | "t"
  | "m2"
  | "m3"
  | "m/s"
  | "km"
  | "kW"
  | "point"
  | "brick/yr"
  | "%"
  | "piece"
  | "unit";

/** A number in the question with its unit (null when none follows). */
export interface Amount {
  value: number;
  unit: Unit | null;
  /** The numeral and unit as written. */
  text: string;
  /** Offset in the working text (for ordering only). */
  index: number;
  /** The clause (between punctuation marks) the number stands in. */
  clause: string;
}

export type Animal =
  | "pig"
  | "layer"
  | "broiler"
  | "chicken"
  | "cattle"
  | "sheep"
  | "duck"
  | "goose"
  | "rabbit"
  | "other";

export type Basis = "design" | "current";
export type Period = "stock" | "annual";

/** A head count of animals with what it measures, read from its own clause where it can be. */
export interface AnimalCount {
  value: number;
  text: string;
  basis: Basis | null;
  period: Period | null;
}

export type Thing =
  | "coal-boiler"
  | "gas-boiler"
  | "biomass-boiler"
  | "boiler"
  | "tea-stove"
  | "business-stove"
  | "grain-dryer"
  | "agri-processing"
  | "self-owned-coal-unit"
  | "chp"
  | "construction-site"
  | "vocs"
  | "hood"
  | "diesel-truck"
  | "lean-burn-gas-truck"
  | "truck"
  | "bus"
  | "taxi"
  | "ride-hailing"
  | "muck-truck"
  | "cement-mixer"
  | "logistics-vehicle"
  | "postal-vehicle"
  | "sanitation-vehicle"
  | "official-car"
  | "emergency-vehicle"
  | "nonroad"
  | "restaurant"
  | "canteen"
  | "blast-furnace"
  | "converter"
  | "electric-furnace"
  | "brick-line"
  | "gas-producer"
  | "industrial-furnace"
  | "fireworks"
  | "straw"
  | "loose-coal"
  | "treatment-facility"
  | "performance-level"
  | "clean-transport"
  | "ammonia"
  | "solvent-coating"
  | "subsidy"
  | "fuel-station"
  | "farm";

export type Industry =
  | "steel"
  | "coking"
  | "cement-clinker"
  | "cement"
  | "flat-glass"
  | "electrolytic-aluminium"
  | "alumina"
  | "coal-chemical"
  | "aluminium-carbon"
  | "brick"
  | "lead-zinc"
  | "thermal-power"
  | "furniture"
  | "chemical"
  | "printing"
  | "coating"
  | "footwear"
  | "wood-panel"
  | "steel-structure"
  | "machinery-manufacturing"
  | "glass"
  | "ceramics"
  | "food"
  | "textile";

export type Fuel = "coal" | "gas" | "biomass" | "electric" | "heavy-oil" | "diesel";

export type Place =
  | "built-up"
  | "not-built-up"
  | "planning-area"
  | "not-planning-area"
  | "banned-zone"
  | "not-banned-zone"
  | "rail-yard"
  | "logistics-park"
  | "industrial-site"
  | "construction-site"
  | "chp-radius"
  | "not-chp-radius"
  | "central-heating"
  | "clean-heating-done"
  | "clean-heating-not-covered"
  | "state-organ"
  | "crowded-place"
  | "transport-hub"
  | "energy-facility"
  | "fire-zone";

/** An emission standard: 国四 → {scheme: "national", level: 4}; 第一阶段 → {scheme: "stage", level: 1}. */
export interface Standard {
  scheme: "national" | "stage";
  level: number;
  text: string;
}

/** Everything a rule may read from a question. */
export interface QuestionFacts {
  text: string;
  lang: Lang;
  things: ReadonlySet<Thing>;
  industries: readonly Industry[];
  fuels: readonly Fuel[];
  places: ReadonlySet<Place>;
  amounts: readonly Amount[];
  animal: Animal | null;
  /** Every animal the question names, in order. */
  animals: readonly Animal[];
  animalCounts: readonly AnimalCount[];
  basis: Basis | null;
  period: Period | null;
  standard: Standard | null;
  /** A performance grade stated for the enterprise (A, B, C, D, 引领性 → "lead", 未评级 → "none"). */
  grade: "A" | "B" | "C" | "D" | "lead" | "none" | null;
  /** Building something new (新建, 新增, new plant …). */
  newBuild: boolean;
  /** The question asks about an obligation (要不要, 是否, 能不能, must, need, can I …). */
  asks: boolean;
  /** The question speaks of its own business (我, 我们, my, our …). */
  self: boolean;
  /** Negations that matter: the thing produces no cooking fumes, the boiler has no substitution conditions. */
  noFumes: boolean;
  canteenSize: "large" | "small" | null;
  /** Year given for completing something (brick-line exit subsidy). */
  year: number | null;
}

// ---------------------------------------------------------------------------------------------
// Numbers

const CN_DIGITS = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億兩";
const CN_SPAN = new RegExp(`[${CN_DIGITS}]+(?:点[零〇一二三四五六七八九]+[万亿]?)?`, "y");
const AR_SPAN =
  /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(多|余)?\s*(万|亿|千|百|thousand|million|k(?![a-z]))?/iy;

/** Words that contain numeral characters but are not figures. */
const NOT_FIGURES =
  /^(?:一些|一下|一起|一般|一律|一批|一直|一定|一旦|一样|一体|一次|一并|一天|一县一策|十四五|二十大|万一|千万|一个月|百分之百)/;

interface Unitted {
  unit: Unit;
  factor: number;
  length: number;
}

const UNIT_PATTERNS: ReadonlyArray<readonly [RegExp, Unit, number]> = [
  [/^(?:万块标砖|万块砖|万标砖)(?:\/年|每年)?/, "brick/yr", 1e4],
  [/^(?:块)?标砖(?:\/年|每年)?|^(?:块)?砖\/年|^bricks?(?:\s*(?:\/|per|a)\s*(?:year|annum))?/i, "brick/yr", 1],
  [
    /^(?:蒸吨(?:\/小时|\/时|每小时)?|t\/h\b|tph\b|(?:steam )?(?:tonnes?|tons?) (?:of steam )?(?:per|an|\/) ?hour|steam (?:tonnes?|tons?))/i,
    "t/h",
    1,
  ],
  [/^(?:立方米|立方|m3|m\^3|cubic met(?:er|re)s?|cbm)/i, "m3", 1],
  [/^(?:平方米|平方|平米|m2|m\^2|square met(?:er|re)s?|sq\.? ?m\b|sqm)/i, "m2", 1],
  [/^亩/, "m2", 2000 / 3],
  [/^(?:公顷|hectares?|ha\b)/i, "m2", 1e4],
  [/^(?:米\/秒|米每秒|m\/s|met(?:er|re)s? per second|meters\/second)/i, "m/s", 1],
  [/^(?:公里|km\b|kilomet(?:er|re)s?)/i, "km", 1],
  [/^(?:kW\b|kilowatts?)/i, "kW", 1],
  [/^(?:MW\b|兆瓦|megawatts?)/i, "kW", 1000],
  [/^(?:吨|t\b|tonnes?|tons?)/i, "t", 1],
  [/^(?:个)?(?:动静)?密封点|^(?:sealing|seal|leak) ?points?|^points?\b/i, "point", 1],
  [/^(?:%|percent|per cent)/i, "%", 1],
  [
    /^(?:头|只|羽|head\b|(?:laying |egg-laying |meat )?(?:hens?|chickens?|birds?|layers?|broilers?|pigs?|hogs?|swine|sows?|cattle|cows?|sheep|goats?|ducks?|geese|rabbits?|animals?|heads?)\b)/i,
    "animal",
    1,
  ],
  [/^(?:辆|台|部|vehicles?\b|trucks?\b|machines?\b|units?\b)/i, "unit", 1],
  [/^(?:个|家|条)/, "piece", 1],
];

function unitAfter(rest: string): Unitted | null {
  const r = rest.replace(/^\s+/, "").replace(/^(?:多|余|来|左右)/, "");
  const lead = rest.length - rest.replace(/^\s+/, "").length;
  for (const [re, unit, factor] of UNIT_PATTERNS) {
    const m = re.exec(r);
    if (m) return { unit, factor, length: lead + m[0].length };
  }
  return null;
}

const CN_DECIMAL_DIGITS = "零一二三四五六七八九";

/** A Chinese numeral span → number; 零点三 and 三点五万 included. */
function chineseValue(span: string): number {
  const point = span.indexOf("点");
  if (point >= 0) {
    const intPart = span.slice(0, point);
    let frac = span.slice(point + 1);
    let scale = 1;
    if (/[万萬]$/.test(frac)) {
      scale = 1e4;
      frac = frac.slice(0, -1);
    } else if (/[亿億]$/.test(frac)) {
      scale = 1e8;
      frac = frac.slice(0, -1);
    }
    const whole = intPart ? new ChineseNumber(intPart).toInteger() : 0;
    const digits = [...frac].map((c) => CN_DECIMAL_DIGITS.indexOf(c.replace("〇", "零"))).join("");
    return Number(`${whole}.${digits}`) * scale;
  }
  return new ChineseNumber(span).toInteger();
}

const MULTIPLIER: Readonly<Record<string, number>> = {
  万: 1e4,
  亿: 1e8,
  千: 1e3,
  百: 100,
  thousand: 1e3,
  million: 1e6,
  k: 1e3,
};

/**
 * Every figure in a text with its unit. The numeral span is cut out before it is read, so
 * 二十万千瓦 is 200000 kW and not 201000; 千瓦/千米 are read as units, never as digits.
 */
export function findAmounts(text: string): Amount[] {
  // 千瓦/千米/兆瓦 carry numeral characters: turn them into unit words first (same length not needed).
  const work = text
    .replace(/千瓦/g, "kW")
    .replace(/千米/g, "km")
    .replace(/百分之[零〇一二两三四五六七八九十百点\d.]+/g, (m) => " ".repeat(m.length)); // read by percentInWords
  const out: Amount[] = [];
  let i = 0;
  while (i < work.length) {
    const ch = work[i] as string;
    let value: number | null = null;
    let end = i;
    if (/\d/.test(ch) && !/[\d.]/.test(work[i - 1] ?? "")) {
      AR_SPAN.lastIndex = i;
      const m = AR_SPAN.exec(work);
      if (m) {
        const n = Number((m[1] as string).replace(/,/g, ""));
        const mult = m[3] ? (MULTIPLIER[m[3].toLowerCase()] ?? 1) : 1;
        value = n * mult;
        end = i + m[0].length;
        // 1万2千 / 1.2万 handled; a trailing Chinese part like 1万5 is rare and ignored.
      }
    } else if (
      CN_DIGITS.includes(ch) &&
      !(/[国第哪]/.test(work[i - 1] ?? "") || /[a-z]/i.test(work[i - 1] ?? ""))
    ) {
      CN_SPAN.lastIndex = i;
      const m = CN_SPAN.exec(work);
      const span = m?.[0] ?? "";
      const rest = work.slice(i);
      if (span && !NOT_FIGURES.test(rest) && !/^阶段/.test(work.slice(i + span.length))) {
        const u = unitAfter(work.slice(i + span.length));
        const bare = /[万亿萬億]/.test(span) && span.length >= 2;
        const meaningful = u !== null || bare || /[十百千]/.test(span);
        if (meaningful && !/^[万亿千百]/.test(span)) {
          try {
            value = chineseValue(span);
            end = i + span.length;
          } catch {
            value = null;
          }
        }
      }
      if (value === null) {
        i += Math.max(1, span.length);
        continue;
      }
    }
    if (value === null || Number.isNaN(value)) {
      i++;
      continue;
    }
    // A year (2024年) or a date is not a figure.
    if (/^\s*年(?!出栏|产)/.test(work.slice(end)) && value >= 1900 && value <= 2100) {
      i = end;
      continue;
    }
    const u = unitAfter(work.slice(end));
    if (u) {
      value *= u.factor;
      end += u.length;
    }
    const clauseStart = Math.max(
      0,
      ...[",", "，", ";", "；", "。", "!", "?", "？", "、"].map((p) => work.lastIndexOf(p, i - 1) + 1),
    );
    const stops = [",", "，", ";", "；", "。", "!", "?", "？", "、"]
      .map((p) => work.indexOf(p, end))
      .filter((x) => x >= 0);
    const clauseEnd = stops.length ? Math.min(...stops) : work.length;
    out.push({
      value: Math.round(value * 1e6) / 1e6,
      unit: u?.unit ?? null,
      text: work.slice(i, end).trim(),
      index: i,
      clause: work.slice(clauseStart, clauseEnd),
    });
    i = end;
  }
  return out;
}

/** 百分之八十 → 80 (the percent sign in words comes before the figure). */
function percentInWords(text: string): Amount[] {
  const out: Amount[] = [];
  for (const m of text.matchAll(/百分之([零〇一二两三四五六七八九十百点\d.]+)/g)) {
    const raw = m[1] as string;
    const value = /\d/.test(raw) ? Number(raw) : chineseValue(raw);
    out.push({ value, unit: "%", text: m[0], index: m.index, clause: m[0] });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Words

const THINGS: ReadonlyArray<readonly [Thing, RegExp]> = [
  ["coal-boiler", /燃煤锅炉|煤锅炉|烧煤的?锅炉|用煤的?锅炉|coal[- ]?(?:fired )?boilers?/i],
  ["gas-boiler", /燃气锅炉|天然气锅炉|烧气的?锅炉|(?:natural )?gas[- ]?(?:fired )?boilers?/i],
  ["biomass-boiler", /生物质锅炉|生物质.{0,6}锅炉|biomass(?:[- ]fired)? boilers?/i],
  ["boiler", /锅炉|boilers?/i],
  ["tea-stove", /茶水炉|开水炉|tea[- ]?(?:water )?(?:stoves?|boilers?|urns?)/i],
  [
    "business-stove",
    /经营性炉灶|营业性炉灶|经营性.{0,2}炉灶|commercial (?:cooking )?stoves?|business stoves?/i,
  ],
  ["grain-dryer", /储粮烘干|粮食烘干|烘干设备|烘干机|烘干塔|grain[- ]dr(?:yer|ying)s?/i],
  ["agri-processing", /农产品加工|agricultural[- ]product processing|farm[- ]produce processing/i],
  ["self-owned-coal-unit", /自备燃煤机组|自备电厂|自备机组|captive (?:coal )?(?:power )?(?:units?|plants?)/i],
  ["chp", /热电联产|热电厂|热电公司|CHP|combined heat and power|cogeneration/i],
  ["construction-site", /建筑工地|施工工地|工地|在建工程|construction sites?|building sites?/i],
  ["vocs", /VOCs|挥发性有机|密封点|LDAR|泄漏检测|sealing points?|seal points?|volatile organic/i],
  ["hood", /集气罩|侧吸风|吸风|控制风速|风速|capture (?:wind )?(?:speed|velocity)|air velocity|hoods?/i],
  [
    "diesel-truck",
    /柴油货车|柴油车|柴油卡车|柴油(?:重|轻|中)?卡|diesel (?:trucks?|lorr(?:y|ies)|vehicles?|HGVs?)/i,
  ],
  ["lean-burn-gas-truck", /稀薄燃烧|稀燃|lean[- ]burn/i],
  ["truck", /货车|卡车|载货汽车|重卡|trucks?|lorr(?:y|ies)|HGVs?/i],
  ["bus", /公交车|公交|公共汽车|\bbus(?:es)?\b/i],
  ["ride-hailing", /网约车|网约出租|滴滴|ride[- ]?(?:hailing|sharing)|didi/i],
  ["taxi", /巡游出租|出租车|的士|taxis?|cabs?\b/i],
  ["muck-truck", /渣土车|渣土运输车|渣土|muck (?:trucks?|haulers?)|dump trucks?|spoil trucks?/i],
  [
    "cement-mixer",
    /水泥罐车|罐车|搅拌车|cement (?:mixers?|tankers?|trucks?)|concrete mixers?|mixer trucks?/i,
  ],
  [
    "logistics-vehicle",
    /物流车|快递车|配送车|物流货车|logistics (?:vehicles?|vans?|trucks?)|delivery (?:vans?|trucks?|vehicles?)/i,
  ],
  ["postal-vehicle", /邮政用?车|邮车|postal (?:vehicles?|vans?|trucks?)|mail (?:vans?|trucks?)/i],
  [
    "sanitation-vehicle",
    /环卫车|环卫用?车|垃圾车|洒水车|清扫车|sanitation (?:vehicles?|trucks?)|garbage trucks?|street sweepers?/i,
  ],
  ["official-car", /公务用车|公务车|公车|官车|official (?:cars?|vehicles?)|government (?:cars?|vehicles?)/i],
  [
    "emergency-vehicle",
    /应急车辆|应急车|救护车|消防车|警车|emergency vehicles?|ambulances?|fire (?:engines?|trucks?)/i,
  ],
  [
    "nonroad",
    /非道路移动机械|非道路机械|非道路|工程机械(?!制造)|挖掘机|挖机|装载机|铲车|叉车|推土机|压路机|起重机|吊车|non-?road (?:mobile )?machinery|non-?road|excavators?|(?:wheel )?loaders?|bulldozers?|forklifts?|road rollers?|cranes?/i,
  ],
  [
    "restaurant",
    /餐饮|饭店|奶茶店|咖啡店|咖啡馆|面馆|早餐店|小吃|cafes?\b|coffee shops?|bubble tea|餐馆|饭馆|酒楼|烧烤|小吃店|快餐店|火锅店|餐厅|restaurants?|eater(?:y|ies)|food stalls?|diners?|barbecue/i,
  ],
  ["canteen", /食堂|canteens?|cafeterias?/i],
  ["blast-furnace", /高炉|blast furnaces?/i],
  ["converter", /转炉|converters?\b|\bBOF\b/i],
  ["electric-furnace", /电弧炉|电炉|electric(?:[- ]arc)? furnaces?|\bEAF\b/i],
  [
    "brick-line",
    /烧结砖|砖厂|砖瓦厂|空心砌块|砖生产线|制砖|brick(?:works| kilns?| plants?| lines?| factor(?:y|ies))?/i,
  ],
  ["gas-producer", /煤气发生炉|发生炉|gas producers?|coal gasifiers?|producer gas/i],
  [
    "industrial-furnace",
    /工业炉窑|工业窑炉|炉窑|窑炉|加热炉|热处理炉|干燥炉|熔化炉|industrial (?:furnaces?|kilns?)|kilns?|heating furnaces?|melting furnaces?|drying (?:furnaces?|ovens?)|heat[- ]treatment furnaces?/i,
  ],
  ["fireworks", /烟花|爆竹|鞭炮|fireworks?|firecrackers?/i],
  ["straw", /秸秆|straw|crop residues?/i],
  [
    "loose-coal",
    /散煤|烧煤取暖|燃煤取暖|用煤取暖|烧煤炉|煤炉子|煤球|蜂窝煤|loose coal|coal (?:stoves?|for heating)|burn(?:ing)? coal (?:for|to) heat/i,
  ],
  [
    "treatment-facility",
    /水喷淋|简易碱法|简易氨法|微生物脱硝|水膜|湿法除尘脱硫|低温等离子|光氧化|光催化|治理设施|除尘设施|脱硫设施|脱硝设施|低效失效|喷洒脱硫|treatment (?:facilit(?:y|ies)|equipment)|water spray|photo-?oxidation|photocatalytic|plasma|scrubbers?/i,
  ],
  [
    "performance-level",
    /绩效|[ABCD]级|引领性|performance (?:level|grade|rating|class)|grade [A-D]\b|class [A-D]\b|[A-D]-(?:level|grade)/i,
  ],
  ["clean-transport", /清洁运输|clean transport/i],
  ["ammonia", /氨排放|氨气|ammonia/i],
  ["solvent-coating", /溶剂型|solvent[- ]based/i],
  ["subsidy", /奖补|补贴|补助|奖励资金|subsid(?:y|ies)|compensation|grants?/i],
  [
    "fuel-station",
    /自建油罐|流动加油车|黑加油|加油站点|mobile (?:fuel|refuelling|refueling)|unlicensed (?:fuel|gas|petrol) stations?/i,
  ],
  ["farm", /养殖场|养殖|养猪场|养鸡场|牧场|farms?\b|raise|rear/i],
];

const INDUSTRIES: ReadonlyArray<readonly [Industry, RegExp]> = [
  ["steel-structure", /钢结构|steel structures?/i],
  ["steel", /钢铁|炼钢|炼铁|钢厂|steel(?:works| mills?| plants?)?/i],
  ["coking", /焦化|焦炭|焦炉|coking|coke(?: ovens?| plants?)?/i],
  ["cement-clinker", /水泥熟料|熟料|clinker/i],
  ["cement", /水泥|cement/i],
  ["flat-glass", /平板玻璃|浮法玻璃|flat glass|float glass/i],
  ["electrolytic-aluminium", /电解铝|electrolytic alumin(?:i)?um|alumin(?:i)?um smelt/i],
  ["alumina", /氧化铝|alumina\b/i],
  ["coal-chemical", /煤化工|coal[- ]chemicals?|coal[- ]to[- ]/i],
  ["aluminium-carbon", /铝用炭素|铝用碳素|炭素|(?:carbon|prebaked) anodes?|carbon for alumin/i],
  ["brick", /烧结砖|砖瓦|砖厂|制砖|bricks?|tiles?/i],
  ["lead-zinc", /铅锌|铅冶炼|锌冶炼|lead(?:[- ]zinc)? smelt|zinc smelt|lead and zinc/i],
  ["thermal-power", /火电|燃煤电厂|火力发电|coal(?:-fired)? power|thermal power/i],
  ["furniture", /家具|furniture/i],
  ["machinery-manufacturing", /工程机械制造|machinery manufactur/i],
  ["printing", /印刷|printing/i],
  ["coating", /涂装|喷涂|喷漆|spray[- ]?paint|coating/i],
  ["footwear", /制鞋|鞋厂|footwear|shoes?/i],
  ["wood-panel", /人造板|板材|wood[- ]based panels?|plywood|particleboard/i],
  ["chemical", /(?<!煤)化工|chemical/i],
  ["glass", /(?<!平板)玻璃|glass/i],
  ["ceramics", /陶瓷|ceramics?/i],
  ["food", /食品|food processing/i],
  ["textile", /纺织|印染|textiles?|dyeing/i],
];

const FUELS: ReadonlyArray<readonly [Fuel, RegExp]> = [
  ["heavy-oil", /石油焦|渣油|重油|petroleum coke|petcoke|residual oil|heavy oil|fuel oil/i],
  ["coal", /燃煤|烧煤|用煤|煤炭|原煤|散煤|(?<!煤气发生炉.{0,4})煤(?!气|化工)|\bcoal(?!-to)/i],
  ["gas", /燃气|天然气|液化气|烧气|LNG|CNG|\bgas(?![ -]?producer)|natural gas/i],
  ["biomass", /生物质|biomass|wood pellets?/i],
  ["electric", /电加热|电锅炉|电动|纯电|新能源|电能|electric|\bEVs?\b|battery/i],
  ["diesel", /柴油|diesel/i],
];

const PLACES: ReadonlyArray<readonly [Place, RegExp]> = [
  [
    "not-built-up",
    /建成区(?:以)?外|非建成区|不在(?:城市)?建成区|农村|乡下|乡村|郊区|县城外|outside (?:the )?(?:city|urban|built[- ]up)|not in (?:the )?(?:city|built[- ]up)|rural|countryside/i,
  ],
  [
    "built-up",
    /城市建成区|(?<!非)建成区(?!(?:以)?外)|市区|城区|主城区|中心城区|市中心|城里|downtown|city cent(?:re|er)|(?<!outside (?:the )?)built[- ]up area|urban area|(?<!outside )in (?:the )?city/i,
  ],
  [
    "not-planning-area",
    /规划区(?:以)?外|不在(?:城市)?规划区|outside (?:the )?(?:urban |city )?planning (?:area|zone)/i,
  ],
  [
    "planning-area",
    /(?:城市)?规划区(?:内|里)?(?!(?:以)?外)|(?<!outside (?:the )?(?:urban |city )?)planning (?:area|zone)/i,
  ],
  [
    "not-banned-zone",
    /禁用区(?:以)?外|不在禁用区|outside (?:the )?(?:banned|low[- ]emission|restricted|no[- ]go) zone/i,
  ],
  [
    "banned-zone",
    /(?<!不在)禁用区(?!(?:以)?外)|(?<!outside (?:the )?)(?:low[- ]emission|banned|restricted|no[- ]go) zone/i,
  ],
  ["rail-yard", /铁路货场|货场|rail(?:way)? (?:freight )?yards?|freight yards?/i],
  ["logistics-park", /物流园|logistics (?:parks?|hubs?|centres?|centers?)/i],
  [
    "industrial-site",
    /工矿企业|工厂|厂区|厂里|矿山|矿区|factor(?:y|ies)|mines?\b|mining sites?|industrial (?:sites?|enterprises?|plants?)/i,
  ],
  ["construction-site", /施工工地|建筑工地|工地|construction sites?|building sites?/i],
  [
    "not-chp-radius",
    /(?:附近|周边|周围)(?:没有|无)热电|不在.{0,12}(?:供热半径|供热范围|30公里)|no (?:CHP|combined heat)|(?:far|away) from (?:any |a |the )?(?:CHP|combined heat|cogeneration)|outside (?:the )?(?:heating radius|30 ?km)/i,
  ],
  [
    "chp-radius",
    /(?<!不在.{0,12})(?:供热半径|供热范围)(?:内|之内|以内)|热电(?:联产)?(?:电)?厂(?:附近|旁边|旁)|within (?:the )?heating radius|(?:near|next to) (?:a |the )?(?:CHP|combined heat|cogeneration)/i,
  ],
  ["central-heating", /集中供暖|集中供热|district heating|central heating/i],
  [
    "clean-heating-not-covered",
    /(?:未|没有|没)(?:覆盖|完成|改造).{0,6}清洁取暖|清洁取暖未覆盖|(?:not|never) (?:been )?(?:covered|converted)|no clean heating/i,
  ],
  [
    "clean-heating-done",
    /(?:已|已经)(?:完成|实现|改造).{0,8}(?:清洁取暖|煤改气|煤改电)|禁燃区|煤改气|煤改电|clean[- ]heating (?:conversion )?(?:is )?(?:done|completed|finished)|(?:converted|switched) to (?:clean heating|gas|electric)|no-burn zone|high-polluting fuel ban/i,
  ],
  ["state-organ", /国家机关|政府机关|机关驻地|政府大院|government (?:offices?|compound|buildings?)/i],
  [
    "crowded-place",
    /人员密集|商场|广场|医院|学校|车站|crowded|shopping (?:mall|cent(?:re|er))|squares?|stations?/i,
  ],
  ["transport-hub", /交通枢纽|火车站|高铁站|汽车站|机场|transport hubs?|railway stations?|airports?/i],
  [
    "energy-facility",
    /能源设施|加油站|变电站|油库|energy facilit(?:y|ies)|petrol stations?|gas stations?|substations?/i,
  ],
  ["fire-zone", /重点防火区|防火区|林区|fire[- ]prevention (?:zone|area)s?|forests?/i],
];

const ANIMALS: ReadonlyArray<readonly [Animal, RegExp]> = [
  [
    "layer",
    /蛋鸡|产蛋鸡|蛋禽|laying hens?|egg[- ]laying (?:hens?|chickens?)|layers\b|layer (?:hens?|farm|chickens?)|\bhens?\b/i,
  ],
  ["broiler", /肉鸡|白羽鸡|肉禽|broilers?|meat chickens?/i],
  ["pig", /生猪|猪|pigs?\b|hogs?\b|swine|sows?\b|piglets?/i],
  ["chicken", /鸡|chickens?|poultry/i],
  ["cattle", /牛|cattle|cows?\b|dairy|beef/i],
  ["sheep", /羊|sheep|goats?/i],
  ["duck", /鸭|ducks?/i],
  ["goose", /鹅|geese|goose/i],
  ["rabbit", /兔|rabbits?/i],
  ["other", /鸽|驴|马(?!上)|鹌鹑|pigeons?|donkeys?|horses?|quail/i],
];

const DESIGN = /设计|设计规模|设计能力|规划规模|批复|环评|design(?:ed)?|capacity|permitted|licensed/i;
const CURRENT =
  /实际|目前|现在|现有|当前|眼下|current(?:ly)?\b|actual(?:ly)?|right now|at present|at the moment|today/i;
const ANNUAL =
  /年出栏|出栏|每年出|一年出|年产|年销|每年卖|一年卖|sold (?:per|a|each) year|per year|a year|each year|annually|annual|per annum|slaughter/i;
const STOCK =
  /存栏|在栏|常年存|养着|同时养|饲养量|flock|inventory|on hand|in stock|stock(?:ing)?|at any (?:one )?time|herd size|housed/i;

/** Words that ask about an obligation (must / need / may / is it covered), not a mere topic. */
const ASKS =
  /要不要|需不需要|需要|是否|是不是|能不能|能否|可以|可不可以|可否|必须|得不得|算不算|属不属于|属于|纳入|归入|应该|应当|允许|禁止|淘汰|关停|整改|改造|适用|范围内吗|之列|管不管|受不受|有没有(?:要求|规定)|怎么办|咋办|(?:要|会|用|得|该|能|让|准).{0,10}[吗么嘛]|下降多少|减少多少|\bmust\b|\bneeds?\b|\bdo (?:i|we)\b|\bdoes (?:my|our|it|a|this)\b|\bshould\b|\bcan (?:i|we|my|our|it|they|a|the)\b|\bmay (?:i|we)\b|\bam i\b|\bis (?:my|our|it|this|a)\b|\bare (?:we|my|our)\b|allowed|required|\bhave to\b|\bhas to\b|subject to|\bappl(?:y|ies)\b|\bban(?:ned)?\b|phase[sd]? out|retire|\bin the pilot\b|covered|how much (?:must|should|will)/i;

/** The question describes its own business or thing (我家…, our plant …). */
const SELF = /我|咱|本(?:公司|厂|企业|单位)|\b(?:my|our|we|i)\b/i;

const NEW_BUILD =
  /新建|新上|新增|新开|新设|上马|扩建|改建|新(?:\(|（)?改、?扩(?:\)|）)?建|建设一[个条座家]|建一[个条座家]|建个|开一[个家]|开个|办一[个家]|投资建|准备建|打算建|计划建|想建|要建|想上|新购|新买|\bnew\b|\bbuild(?:ing)?\b|\bset(?:ting)? up\b|\bopen(?:ing)? a\b|\bexpand|add(?:ing)? capacity|install(?:ing)? a new|\bbuy(?:ing)?\b|\bpurchas/i;

/** The facts of one question. `question` is NFKC-normalised; Chinese is simplified. */
export function extractFacts(question: string, lang: Lang): QuestionFacts {
  const text = question.normalize("NFKC");
  const things = new Set<Thing>();
  for (const [thing, re] of THINGS) if (re.test(text)) things.add(thing);
  // 网约出租车 is ride-hailing, not a 巡游出租车.
  if (things.has("ride-hailing") && !/巡游|(?<!网约)出租车|taxi/i.test(text.replace(/网约出租车?/g, ""))) {
    things.delete("taxi");
  }
  if (/工程机械制造/.test(text)) things.delete("nonroad");

  // Industry words inside vehicle names (水泥罐车) or product words are not industries.
  const industryText = text
    .replace(/水泥罐车|cement (?:mixers?|tankers?|trucks?)/gi, "")
    .replace(/砖混|brick-?and-?mortar/gi, "");
  const industries: Industry[] = [];
  for (const [industry, re] of INDUSTRIES) {
    if (!re.test(industryText)) continue;
    if (industry === "cement" && industries.includes("cement-clinker") && !/水泥(?!熟料)/.test(industryText))
      continue;
    if (
      industry === "steel" &&
      industries.includes("steel-structure") &&
      !/钢铁|炼钢|炼铁|钢厂/.test(industryText)
    )
      continue;
    industries.push(industry);
  }
  if (industries.includes("brick")) things.add("brick-line");

  const fuelText = text.replace(/煤气发生炉|煤化工/g, "");
  const fuels: Fuel[] = [];
  for (const [fuel, re] of FUELS) if (re.test(fuelText)) fuels.push(fuel);

  const places = new Set<Place>();
  for (const [place, re] of PLACES) if (re.test(text)) places.add(place);
  if (places.has("not-built-up")) places.delete("built-up");
  if (places.has("not-planning-area")) places.delete("planning-area");
  if (places.has("not-banned-zone")) places.delete("banned-zone");
  if (places.has("not-chp-radius")) places.delete("chp-radius");
  if (places.has("clean-heating-not-covered")) places.delete("clean-heating-done");
  if (/(?:不|没)(?:是|在)?(?:施工)?工地/.test(text)) places.delete("construction-site");

  const amounts = [...findAmounts(text), ...percentInWords(text)].sort((a, b) => a.index - b.index);

  const animals: Animal[] = [];
  let animalText = text;
  for (const [animal, re] of ANIMALS) {
    const global = new RegExp(re.source, "gi");
    if (global.test(animalText)) {
      animals.push(animal);
      animalText = animalText.replace(global, " ");
    }
  }
  const animal = animals[0] ?? null;

  const basisOf = (s: string): Basis | null =>
    DESIGN.test(s) ? "design" : CURRENT.test(s) ? "current" : null;
  const periodOf = (s: string): Period | null => {
    const a = ANNUAL.exec(s);
    const st = STOCK.exec(s);
    if (a && st) return a.index < st.index ? "annual" : "stock";
    return a ? "annual" : st ? "stock" : null;
  };
  const basis = basisOf(text);
  const period = periodOf(text);
  const animalCounts: AnimalCount[] = amounts
    .filter((a) => a.unit === "animal" || (a.unit === null && a.value >= 100 && animal !== null))
    .map((a) => ({
      value: a.value,
      text: a.text,
      basis: basisOf(a.clause) ?? (amounts.length === 1 ? basis : null),
      period: periodOf(a.clause) ?? (amounts.length === 1 ? period : null),
    }));
  // With several counts, a clause that says nothing inherits the question's words only if unambiguous.
  if (animalCounts.length > 1) {
    for (const c of animalCounts) {
      c.basis ??= null;
      c.period ??= null;
    }
  }

  let grade: QuestionFacts["grade"] = null;
  const g =
    /(?:绩效|环保绩效|等级|评级|是|为|属于|grade|class|level|rated)\s*[:：]?\s*([ABCD])(?:级|类|\b)|([ABCD])[级类]|([ABCD])-(?:level|grade)/i.exec(
      text,
    );
  if (g) grade = (g[1] ?? g[2] ?? g[3] ?? "").toUpperCase() as "A" | "B" | "C" | "D";
  if (/引领性|leading|pacesetter/i.test(text)) grade = "lead";
  if (
    /未评级|没有评级|没评级|没有绩效|无绩效|未定级|没定级|not (?:been )?(?:rated|graded)|no (?:performance )?(?:grade|rating)/i.test(
      text,
    )
  )
    grade = "none";

  const year = /(20\d{2})\s*年/.exec(text) ?? /\bin (20\d{2})\b|\b(20\d{2})\b/.exec(text);
  const canteenSize: QuestionFacts["canteenSize"] =
    /大型|中型|大中型|大食堂|上千人|几千人|large|medium|big/i.test(text)
      ? "large"
      : /小型|小食堂|几十人|small|tiny/i.test(text)
        ? "small"
        : null;

  return {
    text,
    lang,
    things,
    industries,
    fuels,
    places,
    amounts,
    animal,
    animals,
    animalCounts,
    basis,
    period,
    standard: findStandard(text),
    grade,
    newBuild: NEW_BUILD.test(text),
    asks: ASKS.test(text),
    self: SELF.test(text),
    noFumes:
      /不产生油烟|没有油烟|无油烟|不(?:炒菜|做饭|开火)|no (?:cooking )?fumes|no (?:open )?flame|doesn'?t (?:cook|fry|produce fumes)/i.test(
        text,
      ),
    canteenSize,
    year: year ? Number(year[1] ?? year[2]) : null,
  };
}

const ROMAN: Readonly<Record<string, number>> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6 };
const CN_LEVEL = "零一二三四五六";

function level(token: string): number | null {
  const t = token.toUpperCase();
  if (/^\d$/.test(t)) return Number(t);
  if (t in ROMAN) return ROMAN[t] as number;
  const i = CN_LEVEL.indexOf(token);
  return i >= 0 ? i : null;
}

/** 国四 / 国Ⅳ (NFKC: 国IV) / 国4 / China IV / 第一阶段 / Stage II / 第一阶段以下 (pre-stage-one machinery → 0). */
export function findStandard(text: string): Standard | null {
  if (
    /(?:未达到|达不到|低于|不到|没有达到)第一阶段|第一阶段(?:之前|以前)|无排放标准|没有排放标准|国零|国0|pre[- ]?(?:stage|China) ?(?:I|1)\b|no emission standard|unregulated/i.test(
      text,
    )
  ) {
    return { scheme: "stage", level: 0, text: "第一阶段以前" };
  }
  let m = /国\s*([零一二三四五六]|[0-6]|VI|IV|V|I{1,3})(?![0-9])/i.exec(text);
  if (m) {
    const l = level(m[1] as string);
    if (l !== null) return { scheme: "national", level: l, text: m[0] };
  }
  m = /China\s*([0-6]|VI|IV|V|I{1,3})\b|\bEuro\s*([0-6]|VI|IV|V|I{1,3})\b/i.exec(text);
  if (m) {
    const l = level((m[1] ?? m[2]) as string);
    if (l !== null) return { scheme: "national", level: l, text: m[0] };
  }
  m = /第\s*([一二三四]|[1-4])\s*阶段/.exec(text);
  if (m) {
    const l = level(m[1] as string);
    if (l !== null) return { scheme: "stage", level: l, text: m[0] };
  }
  m = /\b(?:stage|tier)\s*([1-4]|IV|I{1,3})\b/i.exec(text);
  if (m) {
    const l = level(m[1] as string);
    if (l !== null) return { scheme: "stage", level: l, text: m[0] };
  }
  return null;
}
