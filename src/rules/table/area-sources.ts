/**
 * 五、强化面源污染治理,提升精细化管理水平 — area sources. Encodes:
 * - 五(一) 深化扬尘污染综合治理: monitoring at construction sites of 5000 m² or more;
 * - 五(三) 加强秸秆综合利用和禁烧: the straw-burning ban;
 * - 五(四) 依法强化烟花爆竹燃放管控: the fireworks ban.
 */
import { z } from "zod";
import { type Bi, bi, compareText, defineRule, has, type Rule, T } from "../rule.js";

// ---------------------------------------------------------------------------------------------
// 五(一) construction sites

const SITE_PHRASE = "逐步推动5000平方米以上建筑工地安装在线监测和视频监控设施并接入监管平台";
const constructionSite = defineRule({
  id: "construction-site-monitoring",
  itemId: "5.1",
  title: bi("建筑工地在线监测和视频监控", "Online monitoring and video at construction sites"),
  phrases: [SITE_PHRASE, "施工工地严格落实“六个百分之百”"],
  schema: z.object({ areaM2: z.number().nonnegative().nullable() }),
  relevance(q) {
    if (!has(q, "construction-site") || has(q, "nonroad")) return 0;
    if (q.amounts.some((a) => a.unit === "m2") || /监测|监控|摄像|视频|monitor|camera|video/i.test(q.text))
      return 10;
    return 6;
  },
  extract(q) {
    return { areaM2: q.amounts.find((a) => a.unit === "m2")?.value ?? null };
  },
  evaluate(f) {
    if (f.areaM2 === null)
      return {
        outcome: "need_more_info",
        phrase: SITE_PHRASE,
        verdict: T(
          "需要更多信息：工地面积多少平方米？",
          "Need more information: the site's area in square metres.",
        ),
        explanation: T(
          "5000平方米以上的建筑工地要安装在线监测和视频监控设施并接入监管平台；所有施工工地都要落实“六个百分之百”。",
          "Construction sites of 5,000 m² or more install online monitoring and video surveillance linked to the supervision platform; every site applies the “six 100%” dust controls.",
        ),
        missing: [T("工地面积：5000平方米以上还是以下", "site area: 5,000 m² or more, or less")],
      };
    const c = compareText(
      Math.round(f.areaM2 * 100) / 100,
      5000,
      "gte",
      "以上",
      bi("平方米", "m²"),
      bi("需要安装并联网", "so it must install and connect them"),
      bi("不在这一要求范围内", "so this requirement does not cover it"),
    );
    return {
      outcome: c.holds ? "applies" : "does_not_apply",
      phrase: SITE_PHRASE,
      verdict: c.holds
        ? T(
            "是的，需要安装在线监测和视频监控设施并接入监管平台。",
            "Yes — the site needs online monitoring and video linked to the platform.",
          )
        : T(
            "不需要安装在线监测（但仍须落实“六个百分之百”）。",
            "No — online monitoring is not required (the “six 100%” dust rules still apply).",
          ),
      explanation: T(
        `工地面积：${c.text.zh}。五(一)为“逐步推动”。`,
        `Site area: ${c.text.en}. 五(一) phases this in progressively (逐步推动).`,
      ),
    };
  },
});

// ---------------------------------------------------------------------------------------------
// 五(三) straw

const STRAW = "加强秸秆综合利用和禁烧";
const straw = defineRule({
  id: "straw-burning-ban",
  itemId: "5.3",
  title: bi("秸秆禁烧", "Straw burning ban"),
  phrases: [STRAW, "落实秸秆禁烧目标责任考核和奖惩制度"],
  schema: z.object({ burning: z.boolean() }),
  relevance(q) {
    return has(q, "straw") && /烧|焚|burn|fire/i.test(q.text) ? 10 : 0;
  },
  extract() {
    return { burning: true };
  },
  evaluate() {
    return {
      outcome: "applies",
      phrase: STRAW,
      verdict: T("不可以：秸秆禁烧。", "No — burning straw is banned."),
      explanation: T(
        "五(三)：“加强秸秆综合利用和禁烧”，落实秸秆禁烧目标责任考核和奖惩制度，严格执行经济处罚、行政处罚、约谈问责等措施。",
        "五(三): straw burning is banned (禁烧), enforced with fines, administrative penalties and accountability talks; straw is to be used (returned to fields etc.).",
      ),
    };
  },
});

// ---------------------------------------------------------------------------------------------
// 五(四) fireworks

const FIREWORKS =
  "严禁在国家机关驻地、人员密集场所、交通枢纽地区、能源设施安全保护区、重点防火区等城市人民政府禁止的区域和时段内燃放烟花爆竹";
const FIREWORK_PLACES: Readonly<Record<string, Bi>> = {
  "state-organ": bi("国家机关驻地", "a state organ's premises"),
  "crowded-place": bi("人员密集场所", "a crowded place"),
  "transport-hub": bi("交通枢纽地区", "a transport hub"),
  "energy-facility": bi("能源设施安全保护区", "an energy-facility protection zone"),
  "fire-zone": bi("重点防火区", "a key fire-prevention zone"),
};
const fireworks = defineRule({
  id: "fireworks-ban",
  itemId: "5.4",
  title: bi("烟花爆竹禁放", "Fireworks ban"),
  phrases: [FIREWORKS, "强化烟花爆竹批发零售经营许可证的颁发和管理"],
  schema: z.object({ place: z.string().nullable(), selling: z.boolean() }),
  relevance(q) {
    return has(q, "fireworks") ? 10 : 0;
  },
  extract(q) {
    const place = Object.keys(FIREWORK_PLACES).find((p) => q.places.has(p as never)) ?? null;
    return { place, selling: /卖|销售|批发|零售|经营|sell|selling|retail|wholesale/i.test(q.text) };
  },
  evaluate(f) {
    if (f.selling)
      return {
        outcome: "applies",
        phrase: "强化烟花爆竹批发零售经营许可证的颁发和管理",
        verdict: T(
          "销售烟花爆竹须取得批发零售经营许可证。",
          "Selling fireworks requires a wholesale or retail licence.",
        ),
        explanation: T(
          "五(四)：“强化烟花爆竹批发零售经营许可证的颁发和管理”，并加大违规销售打击力度。",
          "五(四): wholesale and retail fireworks licences are tightened and illegal sales are targeted.",
        ),
      };
    if (f.place) {
      const p = FIREWORK_PLACES[f.place] as Bi;
      return {
        outcome: "applies",
        phrase: FIREWORKS,
        verdict: T(
          `不可以：严禁在${p.zh}燃放烟花爆竹。`,
          `No — setting off fireworks in ${p.en} is strictly prohibited.`,
        ),
        explanation: T(
          `五(四)：“${FIREWORKS}”。`,
          "五(四): fireworks are strictly banned at state organs' premises, crowded places, transport hubs, energy-facility protection zones, key fire-prevention zones and other areas and times the city government prohibits.",
        ),
      };
    }
    return {
      outcome: "need_more_info",
      phrase: FIREWORKS,
      verdict: T(
        "需要更多信息：燃放地点和时段是否在城市人民政府划定的禁放范围内？",
        "Need more information: is the place and time within the areas and periods the city government bans?",
      ),
      explanation: T(
        `五(四)：“${FIREWORKS}”。具体禁放范围由城市人民政府确定。`,
        "五(四): fireworks are banned at state organs' premises, crowded places, transport hubs, energy-facility zones, key fire-prevention zones and other areas and times the city government designates.",
      ),
      missing: [
        T(
          "地点与时段：是否属于国家机关驻地、人员密集场所、交通枢纽等禁放区域和时段",
          "place and time: a state organ's premises, crowded place, transport hub or other banned area and period?",
        ),
      ],
    };
  },
});

/** The rules of this section, in the order of the plan's items. */
export const AREA_SOURCE_RULES: readonly Rule[] = [constructionSite, straw, fireworks];
