/**
 * Many documents at once: a synthetic corpus of N plans × M items written as real plan pages (a
 * notice, a preamble citing the national plan, sections 一、… and items (一)… with department
 * parentheses and deadlines drawn the plans' way), loaded, indexed and questioned through the real
 * engine — with each ranker handing fusion its best candidates (the product) and, beside it, ranking
 * every item (the first version's way).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadCorpus, type Plan } from "../corpus/index.js";
import { createEngine } from "../engine/index.js";
import { mixSeed, mulberry32, pick } from "./prng.js";
import { type LatencySummary, summarize } from "./stats.js";
import { SyntheticCorpus } from "./synthetic.js";

/** What the many-documents run measured. */
export interface ManyDocumentsResult {
  plans: number;
  items: number;
  /** Writing the pages, loading (parsing) them, building the index with no cache. */
  writeMs: number;
  loadMs: number;
  buildMs: number;
  /** Memory once loaded and indexed: heap used and resident set (MB, this process). */
  heapMb: number;
  rssMb: number;
  questions: number;
  /** answer() latency per question, warm: the product (top-k candidates) and every item ranked. */
  topK: LatencySummary;
  exhaustive: LatencySummary;
}

const PLACE_CHARS = "安宁平远清河阳泉石林城东西南北新昌丰华兴隆盛德庆永和嘉福云山海江湖川岭川原峰溪桥台湾";
const SECTION_TITLES = [
  "总体要求",
  "优化产业结构,促进产业绿色发展",
  "优化能源结构,加快能源绿色低碳发展",
  "优化交通运输结构,大力发展绿色运输体系",
  "强化面源污染治理,提升精细化管理水平",
  "强化多污染物减排,切实降低排放强度",
  "完善制度机制,提升大气环境管理水平",
  "加强能力建设,严格执法监督",
  "完善环境经济政策,支撑大气环境质量改善",
  "压实工作责任,汇聚行动合力",
];
const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** A place name for plan `p` (distinct for up to |chars|² plans). */
function placeOf(p: number): string {
  const n = PLACE_CHARS.length;
  return `${PLACE_CHARS[p % n]}${PLACE_CHARS[Math.floor(p / n) % n]}${p >= n * n ? p : ""}市`;
}

/** Plan `p` as a page: notice, preamble, sections of `perSection` items from the synthetic corpus. */
export function syntheticPlanPage(corpus: SyntheticCorpus, p: number, items: number): string {
  const place = placeOf(p);
  const title = `${place}空气质量持续改善行动计划`;
  const lines = [
    `${place}人民政府关于印发${title}的通知`,
    `${place.slice(0, 1)}政〔2024〕${p + 1}号`,
    "各县(市、区)人民政府,市人民政府各部门:",
    `现将《${title}》印发给你们,请认真贯彻执行。`,
    `${place}人民政府`,
    "2024年7月31日",
    title,
    "为贯彻落实《国务院关于印发〈空气质量持续改善行动计划〉的通知》(国发〔2023〕24号),制定本行动计划。",
  ];
  const perSection = Math.ceil(items / SECTION_TITLES.length);
  for (let s = 0; s * perSection < items; s++) {
    lines.push(`${NUMERALS[s]}、${SECTION_TITLES[s % SECTION_TITLES.length]}`);
    for (let i = 0; i < perSection && s * perSection + i < items; i++) {
      const item = corpus.item(p * items + s * perSection + i);
      lines.push(item.text.replace(/^\([^)]*\)/, `(${NUMERALS[i]})`));
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Questions a user of one of these plans might ask: topics (half naming the place), departments, deadlines. */
function questions(corpus: SyntheticCorpus, plans: readonly Plan[], items: number, count: number): string[] {
  const random = mulberry32(mixSeed(corpus.seed, 77));
  const out: string[] = [];
  for (let q = 0; q < count; q++) {
    const plan = pick(random, plans);
    const p = Number(/(\d+)号/.exec(plan.meta.docNumber ?? "")?.[1] ?? 1) - 1;
    const topic = corpus.query(p * items + Math.floor(random() * items));
    const place = plan.profile.place?.zh ?? "";
    const kind = q % 10;
    if (kind === 8) out.push(`${place}生态环境局牵头哪些任务`);
    else if (kind === 9) out.push(`${place}到2025年年底前要做完的任务`);
    else out.push(q % 2 === 0 ? `${place}${topic}` : topic);
  }
  return out;
}

/** Writes, loads, indexes and questions `plans` synthetic plans of `items` items each. */
export async function measureManyDocuments(
  projectRoot: string,
  plans: number,
  items: number,
  questionCount: number,
): Promise<ManyDocumentsResult> {
  const real = loadCorpus(join(projectRoot, "corpus")).plans.flatMap((p) => p.items);
  const corpus = SyntheticCorpus.fromItems(real, 20240501);
  const dir = mkdtempSync(join(tmpdir(), "policy-bot-many-"));
  const cacheDir = mkdtempSync(join(tmpdir(), "policy-bot-many-cache-"));
  try {
    let started = performance.now();
    for (let p = 0; p < plans; p++)
      writeFileSync(join(dir, `plan-${String(p).padStart(5, "0")}.txt`), syntheticPlanPage(corpus, p, items));
    const writeMs = performance.now() - started;
    started = performance.now();
    const loaded = loadCorpus(dir);
    const loadMs = performance.now() - started;
    if (loaded.warnings.length > 0)
      throw new Error(`synthetic plans not loaded: ${loaded.warnings[0]?.reason}`);
    started = performance.now();
    const engine = await createEngine({ corpusDir: dir, cacheDir, onWarning: () => {} });
    const buildMs = performance.now() - started - loadMs; // createEngine parses again, then builds
    const memory = process.memoryUsage();
    const asked = questions(corpus, engine.plans, items, questionCount);
    const time = async (mode: "top-k" | "exhaustive") => {
      engine.index.mode = mode;
      for (const q of asked.slice(0, 10)) await engine.answer(q); // warm-up
      const ms: number[] = [];
      for (const q of asked) {
        const t = performance.now();
        await engine.answer(q);
        ms.push(performance.now() - t);
      }
      return summarize(ms);
    };
    const topK = await time("top-k");
    const exhaustive = await time("exhaustive");
    return {
      plans,
      items: engine.plans.reduce((n, p) => n + p.items.length, 0),
      writeMs,
      loadMs,
      buildMs,
      heapMb: memory.heapUsed / 1024 ** 2,
      rssMb: memory.rss / 1024 ** 2,
      questions: asked.length,
      topK,
      exhaustive,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  }
}
