/**
 * The benchmark's own parts: the synthetic corpus generator (deterministic, policy-like text that the
 * corpus parser's readers understand), exact brute force, and HNSW recall against it.
 */
import hnswlib from "hnswlib-node";
import { beforeAll, describe, expect, it } from "vitest";
import { bruteForceTopK, recallAtK, VectorMatrix } from "../src/bench/brute.js";
import { mulberry32 } from "../src/bench/prng.js";
import { runScale } from "../src/bench/scale.js";
import { percentile, summarize } from "../src/bench/stats.js";
import { buildPools, SyntheticCorpus } from "../src/bench/synthetic.js";
import { parseDeadlines } from "../src/corpus/deadlines.js";
import { loadCorpus } from "../src/corpus/index.js";
import { findBrackets, parseResponsibility } from "../src/corpus/responsibility.js";
import type { Item } from "../src/corpus/schema.js";
import { HashedNgramEmbeddings } from "../src/search/embeddings.js";

let items: Item[];

beforeAll(() => {
  items = loadCorpus("corpus").plans.flatMap((p) => p.items);
});

describe("synthetic corpus", () => {
  it("is deterministic: same seed and index, same item, in any order", () => {
    const a = SyntheticCorpus.fromItems(items, 7);
    const b = SyntheticCorpus.fromItems(items, 7);
    const forward = [0, 1, 2, 500, 99_999].map((i) => a.item(i));
    const backward = [99_999, 500, 2, 1, 0].map((i) => b.item(i)).reverse();
    expect(backward).toEqual(forward);
    expect(a.query(123)).toBe(b.query(123));
    const other = SyntheticCorpus.fromItems(items, 8);
    expect(other.item(0).text).not.toBe(a.item(0).text);
  });

  it("varies: items differ from each other and from the real ones", () => {
    const corpus = SyntheticCorpus.fromItems(items, 1);
    const texts = Array.from({ length: 500 }, (_, i) => corpus.item(i).text);
    expect(new Set(texts).size).toBe(500);
    const real = new Set(items.map((i) => i.text));
    expect(texts.some((t) => real.has(t))).toBe(false);
  });

  it("looks like policy text: label, title, sentences, a responsibility parenthesis", () => {
    const corpus = SyntheticCorpus.fromItems(items, 3);
    const realTitles = new Set(items.map((i) => i.title));
    for (let i = 0; i < 200; i++) {
      const item = corpus.item(i);
      expect(item.text.startsWith(`${item.label}${item.title}。`)).toBe(true);
      expect(item.label).toMatch(/^\((?:[一二三四五六七八九]|十[一二]?)\)$/);
      expect(item.id).toMatch(/^\d+\.\d+$/);
      expect([...realTitles].some((t) => item.title.endsWith(t))).toBe(true);
      const cjk = (item.text.match(/[\u4e00-\u9fff]/g) ?? []).length;
      expect(cjk / item.text.length).toBeGreaterThan(0.6);
      expect(item.text.length).toBeGreaterThan(40);
      expect(item.text).toMatch(/\)$/);
    }
  });

  it("writes departments the way the parser reads them (parseResponsibility)", () => {
    const corpus = SyntheticCorpus.fromItems(items, 4);
    const roles = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const item = corpus.item(i);
      const last = findBrackets(item.text).at(-1);
      expect(last?.end).toBe(item.text.length);
      const read = parseResponsibility(last?.inner ?? "");
      expect(read, item.text).not.toBeNull();
      expect(read?.departments.map((d) => ({ name: d.name, role: d.role }))).toEqual(item.departments);
      for (const d of item.departments) roles.add(d.role);
    }
    expect([...roles].sort()).toEqual(["lead", "responsible", "support"]);
  });

  it("writes deadlines the way the parser reads them (parseDeadlines)", () => {
    const corpus = SyntheticCorpus.fromItems(items, 5);
    let withDeadlines = 0;
    let approximate = 0;
    for (let i = 0; i < 300; i++) {
      const item = corpus.item(i);
      const read = parseDeadlines(item.text, { heatingSeason: { month: 11, day: 15 } });
      expect(
        read.map((d) => ({ text: d.text, date: d.date, approximate: d.approximate })),
        item.text,
      ).toEqual(item.deadlines);
      if (item.deadlines.length > 0) withDeadlines++;
      approximate += item.deadlines.filter((d) => d.approximate).length;
    }
    expect(withDeadlines).toBeGreaterThan(150);
    expect(withDeadlines).toBeLessThan(300);
    expect(approximate).toBeGreaterThan(0);
  });

  it("keeps PM2.5-style terms and takes apart the real items", () => {
    const pools = buildPools(items);
    expect(pools.sentences.length).toBeGreaterThan(100);
    expect(pools.departments).toContain("市生态环境局");
    for (const s of pools.sentences) {
      expect(parseDeadlines(s, { heatingSeason: { month: 11, day: 15 } })).toEqual([]);
      expect(s.endsWith("。")).toBe(true);
    }
    const corpus = new SyntheticCorpus(pools, 9);
    const pm = Array.from({ length: 2000 }, (_, i) => corpus.item(i).text).filter((t) => t.includes("PM"));
    expect(pm.length).toBeGreaterThan(0);
    for (const t of pm) expect(t).not.toMatch(/PM(?!2\.5|10)\d/);
  });
});

describe("brute force and recall", () => {
  it("finds the exact top k (checked against a full sort)", () => {
    const random = mulberry32(42);
    const dim = 16;
    const m = new VectorMatrix(300, dim);
    const unit = () => {
      const v = Array.from({ length: dim }, () => random() - 0.5);
      const n = Math.hypot(...v);
      return v.map((x) => x / n);
    };
    const rows = Array.from({ length: 300 }, unit);
    for (const r of rows) m.push(r);
    const q = unit();
    const sorted = rows
      .map((r, label) => ({ label, score: r.reduce((s, x, j) => s + x * (q[j] as number), 0) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 10);
    const top = bruteForceTopK(m, q, 10);
    expect(top.map((t) => t.label)).toEqual(sorted.map((s) => s.label));
    expect(
      recallAtK(
        sorted.map((s) => s.label),
        top,
        10,
      ),
    ).toBe(1);
    expect(recallAtK(sorted.map((s) => s.label).slice(0, 5), top, 10)).toBe(0.5);
  });

  it("HNSW over synthetic items reaches recall@10 ≥ 0.9 against brute force", () => {
    const corpus = SyntheticCorpus.fromItems(items, 11);
    const embeddings = new HashedNgramEmbeddings({ dimensions: 128 });
    const n = 1500;
    const m = new VectorMatrix(n, 128);
    const index = new hnswlib.HierarchicalNSW("cosine", 128);
    index.initIndex({ maxElements: n, m: 16, efConstruction: 100, randomSeed: 100 });
    for (let i = 0; i < n; i++) {
      const v = embeddings.embed(corpus.item(i).text);
      index.addPoint(v, i);
      m.push(v);
    }
    index.setEf(64);
    let recall = 0;
    const queries = 40;
    for (let q = 0; q < queries; q++) {
      const v = embeddings.embed(corpus.query(n + q));
      recall += recallAtK(index.searchKnn(v, 10).neighbors, bruteForceTopK(m, v, 10), 10);
    }
    expect(recall / queries).toBeGreaterThanOrEqual(0.9);
  });

  it("runScale measures a small index end to end", async () => {
    const corpus = SyntheticCorpus.fromItems(items, 12);
    const r = await runScale(corpus, { size: 800, dimensions: 64, queries: 20, efs: [32, 128] });
    expect(r.size).toBe(800);
    expect(r.pipelined).toBe(false);
    expect(r.diskBytes).toBeGreaterThan(800 * 64 * 4);
    expect(r.efs.map((e) => e.ef)).toEqual([32, 128]);
    for (const e of r.efs) {
      expect(e.latency.n).toBe(20);
      expect(e.recall).toBeGreaterThan(0.8);
      expect(e.recall).toBeLessThanOrEqual(1);
    }
    expect((r.efs[1]?.recall ?? 0) >= (r.efs[0]?.recall ?? 1) - 1e-9).toBe(true);
  });
});

describe("stats", () => {
  it("takes nearest-rank percentiles", () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 0.5)).toBe(50);
    expect(percentile(xs, 0.95)).toBe(95);
    expect(percentile(xs, 0.99)).toBe(99);
    expect(summarize(xs).max).toBe(100);
    expect(Number.isNaN(percentile([], 0.5))).toBe(true);
  });
});
