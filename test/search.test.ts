import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Document } from "@langchain/core/documents";
import { afterAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../src/corpus/index.js";
import { HashedNgramEmbeddings } from "../src/search/embeddings.js";
import { normalizeQuery, resolveCitation, SearchIndex } from "../src/search/index.js";
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

describe("query normalisation", () => {
  it("turns traditional characters into simplified and keeps the language", () => {
    expect(normalizeQuery("燃煤鍋爐").text).toBe("燃煤锅炉");
    expect(normalizeQuery("煙花爆竹怎麼管").text).toBe("烟花爆竹怎么管");
    expect(normalizeQuery("燃煤锅炉").lang).toBe("zh");
    expect(normalizeQuery("What is the Public Security Bureau responsible for?").lang).toBe("en");
    expect(normalizeQuery("What does 六(五) say?").lang).toBe("en");
  });

  it("adds the plan's terms for English and colloquial wording, and canonical departments", () => {
    expect(normalizeQuery("Must my egg farm join the ammonia pilot?").expansions.join(" ")).toMatch(
      /蛋鸡.*氨排放|氨排放.*蛋鸡/s,
    );
    expect(normalizeQuery("过年能放鞭炮吗").expansions).toContain("燃放烟花爆竹");
    expect(normalizeQuery("渣土车").expansions).toContain("渣土运输车");
    expect(normalizeQuery("环保局负责什么").departments).toEqual(["市生态环境局"]);
  });

  it("strips control characters, tags and emoji", () => {
    expect(normalizeQuery("<b>燃煤锅炉</b>\u0000\u0007 🔥").text).toBe("燃煤锅炉");
  });
});

describe("citation forms", () => {
  const cite = (q: string) => {
    const m = resolveCitation(normalizeQuery(q).text, corpus.plans);
    return m?.kind === "item" ? `${m.item.doc}#${m.item.id}` : (m?.kind ?? null);
  };
  it("resolves 六(五), 六（五）, 六、(五), 第六部分第五条 and 6.5 to the same item", () => {
    for (const q of [
      "六(五)",
      "六（五）",
      "六、(五)",
      "第六部分第五条",
      "6.5",
      "item 6.5",
      "六(五)讲了什么",
    ]) {
      expect(cite(q), q).toBe("shangqiu-air-quality-2024#6.5");
    }
  });
  it("does not read figures as citations", () => {
    for (const q of ["PM2.5目标", "控制风速不低于0.3米/秒", "优良天数比率达到74.5%", "1.2万头生猪"])
      expect(cite(q), q).toBeNull();
  });
  it("reports an item that does not exist", () => {
    expect(cite("六(九)")).toBe("missing");
  });
  it("resolves an item numbered across sections in the national plan", () => {
    expect(cite("国务院计划第十一条")).toBe("state-council-2023-24#3.11");
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
    const q = normalizeQuery("燃煤锅炉淘汰");
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
    const first = (q: string) => index.search(normalizeQuery(q), { limit: 1 })[0]?.item.id;
    expect(first("燃煤锅炉淘汰")).toBe("3.2");
    expect(first("畜禽养殖氨排放")).toBe("6.5");
    expect(first("fireworks")).toBe("5.4");
    expect(first("秸秆焚烧")).toBe("5.3");
  });
});
