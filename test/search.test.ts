import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Document } from "@langchain/core/documents";
import { afterAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../src/corpus/index.js";
import { HashedNgramEmbeddings } from "../src/search/embeddings.js";
import { DEFAULT_FUSION, expandTerms, lexicalTerms, SearchIndex, unglued } from "../src/search/index.js";
import { HnswVectorStore } from "../src/search/vector-store.js";

const corpus = loadCorpus("corpus");
const temp: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "policy-bot-"));
  temp.push(d);
  return d;
};
afterAll(() => {
  for (const d of temp) rmSync(d, { recursive: true, force: true });
});

describe("lexical terms", () => {
  it("reads a full name the genre abbreviates as its abbreviation (挥发性有机物 → VOCs), so either form finds the other", () => {
    expect(lexicalTerms("挥发性有机物储罐")).toContain("vocs");
    expect(lexicalTerms("细颗粒物浓度")).toContain("pm2.5");
    expect(lexicalTerms("挥发性有机物储罐")).not.toContain("~有机");
  });
});

describe("local embeddings and the hnswlib vector store", () => {
  const embeddings = new HashedNgramEmbeddings({ dimensions: 256 });
  it("gives deterministic unit vectors, closer for related texts", async () => {
    const [a, b, c] = await embeddings.embedDocuments([
      "燃煤锅炉关停整合",
      "淘汰燃煤锅炉",
      "餐饮油烟净化装置",
    ]);
    const dot = (x: number[], y: number[]) => x.reduce((s, v, i) => s + v * (y[i] as number), 0);
    expect(dot(a as number[], a as number[])).toBeCloseTo(1, 6);
    expect(dot(a as number[], b as number[])).toBeGreaterThan(dot(a as number[], c as number[]));
    expect(await embeddings.embedQuery("燃煤锅炉关停整合")).toEqual(a);
  });

  it("saves and loads through SaveableVectorStore with the same results", async () => {
    const store = new HnswVectorStore(embeddings, 256);
    await store.addDocuments(
      ["燃煤锅炉关停整合", "畜禽养殖业氨排放控制试点", "烟花爆竹燃放管控", "餐饮油烟专项治理"].map(
        (t, i) => new Document({ pageContent: t, metadata: { i } }),
      ),
    );
    const before = await store.similaritySearch("氨排放试点", 2);
    expect(before[0]?.pageContent).toBe("畜禽养殖业氨排放控制试点");
    const dir = tempDir();
    await store.save(dir);
    const loaded = await HnswVectorStore.load(dir, embeddings);
    expect((await loaded.similaritySearch("氨排放试点", 2)).map((d) => d.pageContent)).toEqual(
      before.map((d) => d.pageContent),
    );
  });
});

describe("the index cache", () => {
  it("builds once, loads from cache, and rebuilds when the corpus changes", async () => {
    const cacheDir = tempDir();
    const first = await SearchIndex.open(corpus, { cacheDir });
    expect(first.origin).toBe("built");
    const second = await SearchIndex.open(corpus, { cacheDir });
    expect(second.origin).toBe("cache");
    const q = { searchText: "燃煤锅炉淘汰" };
    expect(second.search(q).map((h) => h.item.id)).toEqual(first.search(q).map((h) => h.item.id));

    const corpusDir = tempDir();
    cpSync("corpus", corpusDir, { recursive: true });
    appendFileSync(join(corpusDir, "shangqiu-air-quality-2024.txt"), "\n");
    const changed = await SearchIndex.open(loadCorpus(corpusDir), { cacheDir });
    expect(changed.origin).toBe("built");
  });

  it("rebuilds a damaged cache instead of using it", async () => {
    const cacheDir = tempDir();
    await SearchIndex.open(corpus, { cacheDir });
    const [dir] = readdirSync(cacheDir).filter((d) => d.startsWith("index-"));
    writeFileSync(join(cacheDir, dir as string, "lexical.json"), "{not json");
    const reopened = await SearchIndex.open(corpus, { cacheDir });
    expect(reopened.origin).toBe("built");
  });
});

describe("hybrid retrieval", () => {
  it("ranks the right item first for plain topic questions", async () => {
    const index = await SearchIndex.open(corpus, { cacheDir: tempDir() });
    const first = (q: string) =>
      index.search({ searchText: [q, ...expandTerms(q)].join(" ") }, { limit: 1 })[0]?.item.id;
    expect(first("燃煤锅炉淘汰")).toBe("3.2");
    expect(first("畜禽养殖氨排放")).toBe("6.5");
    expect(first("fireworks")).toBe("5.4");
    expect(first("秸秆焚烧")).toBe("5.3");
  });

  it("lets the national plan answer first a topic only it treats, and the city's plan a shared one", async () => {
    const index = await SearchIndex.open(corpus, { cacheDir: tempDir() });
    const first = (q: string) => {
      const hit = index.search({ searchText: q, text: q }, { limit: 1 })[0];
      return hit && `${hit.item.doc}#${hit.item.id}`;
    };
    // 火炬 (flares) is in the national plan's 6.21 only; the city's plan never names it.
    expect(first("石化企业火炬系统燃烧废气")).toBe("state-council-2023-24#6.21");
    // Without the asker's own words, the expansions alone do not lift the general plan.
    expect(
      index.search({ searchText: "石化企业火炬系统燃烧废气", text: "" }, { limit: 1 })[0]?.item.doc,
    ).toBe("shangqiu-air-quality-2024");
    expect(first("燃煤锅炉淘汰")).toBe("shangqiu-air-quality-2024#3.2");
  });

  it("weighs the lexical ranking by the question's language: an English question's plan terms count more", async () => {
    const index = await SearchIndex.open(corpus, { cacheDir: tempDir() });
    const plans = corpus.plans.filter((p) => p.doc === "state-council-2023-24");
    const text = "goal for rail freight volume growth in the plan by 2025";
    const query = { searchText: `${text} 货物运输 目标 指标 铁路`, text };
    // Lexical evidence only for English: the vector ranking decides a Chinese question alone, the lexical one
    // (which finds the freight item first) an English one.
    const fusion = { k: 5, vectorWeight: 1, lexicalWeight: 0, englishLexicalWeight: 10 };
    const zh = index.search({ ...query, lang: "zh" }, { limit: 3, plans, fusion });
    const en = index.search({ ...query, lang: "en" }, { limit: 3, plans, fusion });
    expect(zh[0]?.vectorRank).toBe(1);
    expect(en[0]?.lexicalRank).toBe(1);
    expect(en[0]?.item.id).toBe("4.14");
    expect(zh[0]?.item.id).not.toBe("4.14");
  });
});

describe("fusion lets a clear lexical first count", () => {
  it("puts the item whose words the question shares far better than any other before a weaker vector first", async () => {
    const index = await SearchIndex.open(corpus, { cacheDir: tempDir() });
    const plans = corpus.plans.filter((p) => p.doc === "state-council-2023-24");
    const q = "养殖场的氨排放有啥要求";
    const query = { searchText: q, text: q };
    // Plain reciprocal rank fusion: the vector ranking's first (2.4, on the steel industry) outranks 6.24 (ammonia),
    // the lexical first by a wide margin, which the vector ranking puts far down.
    const plain = index.search(query, {
      limit: 3,
      plans,
      fusion: { ...DEFAULT_FUSION, lexicalScoreShare: 0 },
    });
    const shared = index.search(query, { limit: 3, plans });
    expect(plain[0]?.item.id).not.toBe("6.24");
    expect(shared[0]?.item.id).toBe("6.24");
    expect(shared[0]?.lexicalRank).toBe(1);
  });
});

describe("coverage counts against a question only the asker's own words", () => {
  it("an expansion the documents lack is no evidence against the question", async () => {
    const index = await SearchIndex.open(corpus, { cacheDir: tempDir() });
    const withExpansion = "燃煤锅炉 量子纠缠";
    expect(index.coverage(withExpansion).unmatchedWeight).toBeGreaterThan(0);
    expect(index.coverage(withExpansion, { own: "燃煤锅炉怎么整治" }).unmatchedWeight).toBe(0);
  });

  it("a year the documents never name counts against a question, a year they use does not", async () => {
    const index = await SearchIndex.open(corpus, { cacheDir: tempDir() });
    expect(index.coverage("2025 燃煤锅炉").unmatchedWords).toEqual([]);
    expect(index.coverage("2031 燃煤锅炉").unmatchedWords).toEqual(["2031"]);
  });
});

describe("a function character the segmenter glued to a word", () => {
  it("is taken off when the rest is a word the documents use (跟雄安 → 雄安, 岸电全 → 岸电)", () => {
    const present = (w: string) => ["雄安", "岸电"].includes(w);
    expect(unglued("跟雄安", present)).toBe("雄安");
    expect(unglued("岸电全", present)).toBe("岸电");
    // Not when the rest is no word of theirs, nor from a word of two characters.
    expect(unglued("跟长沙", present)).toBeNull();
    expect(unglued("和安", present)).toBeNull();
  });

  it("takes off the kind a list names once after its members (公交车 of 公交、出租车辆)", () => {
    const present = (w: string) => ["公交", "出租"].includes(w);
    expect(unglued("公交车", present)).toBe("公交");
    expect(unglued("出租车", present)).toBe("出租");
    expect(unglued("环卫车", present)).toBeNull();
  });

  it("takes off the 厂 of a works named by a trade the documents name (钢铁厂 of a plan writing 钢铁行业)", () => {
    const present = (w: string) => ["钢铁", "焦化", "污水处理"].includes(w);
    const isTrade = (w: string) => ["钢铁", "焦化"].includes(w);
    expect(unglued("钢铁厂", present, isTrade)).toBe("钢铁");
    expect(unglued("焦化厂", present, isTrade)).toBe("焦化");
    // Not a works of something the documents mention but never as a trade, nor of a word they lack.
    expect(unglued("污水处理厂", present, isTrade)).toBeNull();
    expect(unglued("造纸厂", present, isTrade)).toBeNull();
  });
});

describe("coverage on one scale, whatever the corpus size", () => {
  it("scores a question alike with one plan pair and with ten documents loaded", async () => {
    const small = await SearchIndex.open(corpus, { cacheDir: tempDir() });
    // Ten documents of the genre, the same ten however many the development set grows to (the first by
    // name, copied apart: parsing all five hundred without a cache takes half a minute of its own).
    const docs = "eval/genre/dev/docs";
    const apart = tempDir();
    const names = readdirSync(docs)
      .filter((f) => f.endsWith(".txt"))
      .sort((a, b) => a.localeCompare(b))
      .slice(0, 10);
    for (const name of names) cpSync(join(docs, name), join(apart, name));
    const ten = loadCorpus(apart).plans;
    expect(ten).toHaveLength(10);
    const large = await SearchIndex.open(
      { ...corpus, plans: [...corpus.plans, ...ten] },
      { cacheDir: tempDir() },
    );
    expect(large.coverage("x").rareIdf).toBeGreaterThan(small.coverage("x").rareIdf + 1);
    for (const q of ["燃煤锅炉淘汰", "怎么申请低保", "秸秆禁烧归谁管"]) {
      const [a, b] = [small.coverage(q), large.coverage(q)];
      // A word the documents lack weighs the same. What they share does not weigh more for the
      // documents added; it may weigh less when the added documents use it too (秸秆 is in most air
      // plans), but not collapse.
      expect(b.unmatchedWeight, q).toBeLessThanOrEqual(a.unmatchedWeight);
      expect(b.matchedIdf / a.matchedIdf, q).toBeGreaterThan(0.5);
      expect(b.matchedIdf / a.matchedIdf, q).toBeLessThan(1.15);
    }
  });
});
