/**
 * 七、完善制度机制,提升大气环境管理水平 — air-quality management. Encodes:
 * - 七(三) 积极有效应对重污染天气: staggered production for cement and brick kilns;
 * - 七(四) 开展环境绩效等级提升行动: seasonal production control below A/B level.
 */
import { z } from "zod";
import { bi, defineRule, has, type Rule, T } from "../rule.js";

// ---------------------------------------------------------------------------------------------
// 七(三) heavy-pollution weather

const STAGGERED = "继续实施水泥、砖瓦窑行业错峰生产";
const staggered = defineRule({
  id: "staggered-production",
  itemId: "7.3",
  title: bi("水泥、砖瓦窑错峰生产", "Staggered production for cement and brick kilns"),
  phrases: [STAGGERED],
  schema: z.object({ industry: z.string().nullable() }),
  relevance(q) {
    const ind = q.industries.some((i) => i === "cement" || i === "cement-clinker" || i === "brick");
    return ind && /错峰|停产|限产|staggered|off-peak|production (?:halt|pause|stop)/i.test(q.text) ? 11 : 0;
  },
  extract(q) {
    return {
      industry: q.industries.find((i) => i === "cement" || i === "cement-clinker" || i === "brick") ?? null,
    };
  },
  evaluate() {
    return {
      outcome: "applies",
      phrase: STAGGERED,
      verdict: T(
        "是的，水泥、砖瓦窑行业继续实施错峰生产。",
        "Yes — cement and brick-kiln plants remain under staggered production.",
      ),
      explanation: T(
        `七(三)：“${STAGGERED}”。`,
        "七(三): staggered (off-peak) production continues for the cement and brick-kiln industries.",
      ),
    };
  },
});

// ---------------------------------------------------------------------------------------------
// 七(四) performance levels

const SEASONAL = "对达不到A、B级或绩效引领性标准的企业,秋冬季期间依法实施季节性生产调控";
const seasonal = defineRule({
  id: "seasonal-production-control",
  itemId: "7.4",
  title: bi("绩效A、B级以下企业季节性生产调控", "Seasonal production control below A/B"),
  phrases: [SEASONAL],
  schema: z.object({ grade: z.enum(["A", "B", "C", "D", "lead", "none"]).nullable() }),
  relevance(q) {
    if (q.newBuild && has(q, "performance-level")) return 0;
    if (has(q, "performance-level") || q.grade !== null) return 9;
    if (/秋冬季|季节性|autumn|winter/i.test(q.text) && /生产调控|限产|停产|production|curtail/i.test(q.text))
      return 7;
    return 0;
  },
  extract(q) {
    return { grade: q.grade };
  },
  evaluate(f) {
    if (f.grade === null)
      return {
        outcome: "need_more_info",
        phrase: SEASONAL,
        verdict: T(
          "需要更多信息：企业的环保绩效等级是多少？",
          "Need more information: the plant's environmental performance grade.",
        ),
        explanation: T(
          `七(四)：“${SEASONAL}”。`,
          "七(四): plants below grade A/B or the leading standard are under seasonal production control in autumn and winter.",
        ),
        missing: [
          T(
            "绩效等级：A、B、引领性，还是C、D或未评级",
            "performance grade: A, B or leading; or C, D or unrated",
          ),
        ],
      };
    const exempt = f.grade === "A" || f.grade === "B" || f.grade === "lead";
    const g =
      f.grade === "lead"
        ? bi("绩效引领性", "leading")
        : f.grade === "none"
          ? bi("未评级", "unrated")
          : bi(`${f.grade}级`, `grade ${f.grade}`);
    return {
      outcome: exempt ? "does_not_apply" : "applies",
      phrase: SEASONAL,
      verdict: exempt
        ? T(
            `不需要：${g.zh}企业不在季节性生产调控之列。`,
            `No — a ${g.en} plant is not under seasonal production control.`,
          )
        : T(
            "是的，秋冬季期间依法实施季节性生产调控。",
            "Yes — it is under seasonal production control in autumn and winter.",
          ),
      explanation: T(
        `${g.zh}${exempt ? "达到" : "达不到"}A、B级或绩效引领性标准；七(四)：“${SEASONAL}”。`,
        `${g.en} ${exempt ? "meets" : "is below"} grade A/B or the leading standard; 七(四) puts plants below it under seasonal production control in autumn and winter.`,
      ),
    };
  },
});

/** The rules of this section, in the order of the plan's items. */
export const MANAGEMENT_RULES: readonly Rule[] = [staggered, seasonal];
