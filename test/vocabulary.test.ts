import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../src/corpus/index.js";
import { createEngine, type Engine } from "../src/engine/index.js";
import { SearchIndex } from "../src/search/index.js";
import {
  activeLexicon,
  BridgeTable,
  cedictPath,
  contentWords,
  encodeBridges,
  keyFactor,
  keynessOf,
  lemmas,
  lexiconMatches,
  loadLexicon,
  oneLetterApart,
  readCedict,
  SoundIndex,
  TypoRepairer,
  VocabularyFile,
  vocabularySources,
} from "../src/search/vocabulary/index.js";

const temp: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "policy-bot-vocabulary-"));
  temp.push(d);
  return d;
};
afterAll(() => {
  for (const d of temp) rmSync(d, { recursive: true, force: true });
});

let index: SearchIndex;
let engine: Engine;
beforeAll(async () => {
  const cacheDir = tempDir();
  index = await SearchIndex.open(loadCorpus("corpus"), { cacheDir });
  engine = await createEngine({ cacheDir });
}, 180_000);

/** Every plan term a text expands to, whichever source gave it. */
const termsOf = (text: string) => index.vocabulary.expand(text).flatMap((e) => e.terms);

describe("the domain lexicon (data/lexicon.yaml)", () => {
  it("loads, validated, with every part", () => {
    const lexicon = loadLexicon();
    expect(lexicon.words).toContain("燃煤锅炉");
    expect(lexicon.plain.find(([k]) => k === "放鞭炮")?.[1]).toBe("燃放烟花爆竹");
    expect(lexicon.englishTerms.get("ultra-low emission")).toBe("超低排放");
    expect(lexicon.topics.has("straw")).toBe(true);
    expect(lexicon.asking.has("handle")).toBe(true);
  });

  it("matches an English phrase written with a hyphen or in British spelling", () => {
    const lexicon = loadLexicon();
    const terms = (text: string) => lexiconMatches(text, lexicon).matches.map((m) => m.terms);
    expect(terms("the minimum clean-transport share")).toContain("清洁运输");
    expect(terms("the straw comprehensive utilisation rate")).toContain("综合利用");
  });

  it("finds everyday words through their first character as a key-by-key scan would, longest first, each once", () => {
    const lexicon = loadLexicon();
    // The scan the first-character index stands in for: every key in the lexicon's order.
    const scanned = (text: string) => {
      let rest = text.toLowerCase();
      const found: string[] = [];
      for (const [word, terms] of lexicon.plain)
        if (rest.includes(word)) {
          found.push(terms);
          rest = rest.split(word).join(" ");
        }
      return found;
    };
    const gold = readFileSync(join(import.meta.dirname, "..", "eval", "gold.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((line) => (JSON.parse(line) as { q: string }).q)
      .filter((q) => !/[a-z]/i.test(q));
    const texts = [...gold, "拉土的车半夜去加油，煤炉子烧煤取暖", "养鸡场的臭味冲鼻子"];
    let matched = 0;
    for (const text of texts) {
      const terms = lexiconMatches(text, lexicon).matches.map((m) => m.terms);
      expect(terms, text).toEqual(scanned(text));
      matched += terms.length;
    }
    expect(matched).toBeGreaterThan(20);
  });

  it("names the file and the entry when it is malformed", () => {
    const dir = tempDir();
    const file = join(dir, "lexicon.yaml");
    writeFileSync(file, "groups:\n  - name: a\n    plain: |\n      鞭炮 烟花爆竹\n");
    expect(() => loadLexicon(file)).toThrow(/lexicon\.yaml[\s\S]*key: plan terms/);
    writeFileSync(
      file,
      "groups:\n  - name: a\n    plain: |\n      鞭炮: 烟花爆竹\n  - name: b\n    plain: |\n      鞭炮: 爆竹\n",
    );
    expect(() => loadLexicon(file)).toThrow(/鞭炮.*in a and in b|鞭炮.*in b and in a/);
  });

  it("holds genre terms, not questions: no training question of 8 or more characters is in it", () => {
    const text = readFileSync("data/lexicon.yaml", "utf8");
    const files = [
      ...readdirSync("eval")
        .filter((f) => f.endsWith(".jsonl"))
        .map((f) => join("eval", f)),
      "eval/dev/dev.jsonl",
      "eval/holdout/holdout.jsonl",
    ];
    const questions = files.flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => String((JSON.parse(l) as { q?: unknown }).q ?? "").trim()),
    );
    expect(questions.filter((q) => q.length >= 8 && text.includes(q))).toEqual([]);
  });
});

describe("sources", () => {
  it("are all on by default; a setting names some or none; an unknown name is an error", () => {
    expect([...vocabularySources(undefined)]).toEqual(["lexicon", "english", "synonyms", "pinyin"]);
    expect([...vocabularySources("none")]).toEqual([]);
    expect([...vocabularySources("lexicon, pinyin")]).toEqual(["lexicon", "pinyin"]);
    expect(() => vocabularySources("lexicon,wordnet")).toThrow(/unknown source wordnet/);
  });
});

describe("CC-CEDICT, compacted at install time", () => {
  it("is in dist/cedict.tsv with senses, proper nouns marked and variant links", () => {
    expect(existsSync(cedictPath())).toBe(true);
    const cedict = readCedict();
    expect(cedict?.entries.get("秸秆")?.senses).toContain("straw");
    expect(cedict?.entries.get("国务院")?.senses[0]).toMatch(/^@state council/);
    expect(cedict?.entries.get("门坎")?.links).toContain("门槛");
  });

  it("bridge tables survive their text form, and a bad weight is an error", () => {
    const table = { 秸秆: [["straw", 1] as [string, number]], 冬天: [["冬季", 0.86] as [string, number]] };
    expect(BridgeTable.parse(encodeBridges(table))).toEqual(table);
    expect(() => BridgeTable.parse("冬天\t冬季 7")).toThrow(/bad bridge/);
  });
});

describe("English through the dictionary", () => {
  it("reads English words in the forms glosses have them", () => {
    expect(contentWords("The restaurants were banned")).toEqual(["restaurant", "banned"]);
    expect(lemmas("banned")).toContain("ban");
    expect(lemmas("mining")[1]).toBe("mine");
  });

  it("carries English words to the corpus's Chinese", () => {
    expect(termsOf("can farmers burn straw after the harvest")).toEqual(
      expect.arrayContaining(["秸秆", "焚烧"]),
    );
    expect(termsOf("refuel at nighttime")).toEqual(expect.arrayContaining(["加油", "夜间"]));
    expect(termsOf("harbours in coastal regions")).toEqual(expect.arrayContaining(["区域"]));
    // The genre's own phrases come from the lexicon, whole.
    expect(termsOf("airports in key regions")).toEqual(expect.arrayContaining(["机场", "重点区域"]));
    expect(termsOf("electrolytic aluminium capacity")).toContain("电解");
  });

  it("counts as topic evidence only for the lexicon's topic words", () => {
    const straw = index.vocabulary.expand("straw").find((e) => e.source === "english");
    expect(straw?.topic).toBe(true);
    const business = index.vocabulary.expand("a business licence").find((e) => e.source === "english");
    expect(business?.topic ?? false).toBe(false);
  });

  it("does not bridge asking words alone, nor proper nouns by one word", () => {
    expect(index.vocabulary.expand("What does it handle?")).toEqual([]);
    expect(termsOf("China")).not.toContain("唐山");
  });
});

describe("Chinese near-synonyms through shared glosses", () => {
  it("reach corpus words: shared glosses, variants, and glosses that are lexicon phrases", () => {
    expect(termsOf("冬天")).toContain("冬季");
    expect(termsOf("平米")).toContain("平方米");
    expect(termsOf("公车")).toContain("公务用车");
    expect(termsOf("采石场")).toEqual(expect.arrayContaining(["矿山", "砂石骨料"]));
    expect(index.vocabulary.isKnownTerm("采石场")).toBe(true);
  });

  it("do not take a word's other senses for it, nor make everyday words known", () => {
    expect(termsOf("内容")).not.toContain("含量");
    expect(termsOf("明天")).not.toContain("未来");
    expect(index.vocabulary.isKnownTerm("网上")).toBe(false);
  });

  it("weigh targets by how much they are the corpus's own words (keyness)", () => {
    const corpus = new Map([
      ["秸秆", 16],
      ["人民", 6],
      ["其他", 8800],
    ]);
    const key = keynessOf(corpus, { counts: { 秸秆: 131, 人民: 43719 }, total: 6e7 });
    expect(keyFactor(key.get("秸秆"))).toBe(1);
    expect(keyFactor(key.get("人民"))).toBeLessThan(0.5);
  });
});

describe("homophone typos repaired by pinyin", () => {
  const repair = (t: string) => index.vocabulary.repairTypos(t).text;

  it("repairs words the corpus has, typed with a same-sounding character", () => {
    expect(repair("秸杆禁烧谁管")).toContain("秸秆禁烧");
    expect(repair("工地扬沉怎么治理")).toContain("扬尘");
    expect(repair("燃媒锅炉能不能用")).toContain("燃煤锅炉");
    expect(repair("猪场设计年出拦两万头")).toContain("年出栏");
    expect(repair("chengpinyou质量")).toContain("成品油");
  });

  it("repairs a term inside a longer dictionary word that holds it (烧考店 → 烧烤店)", () => {
    expect(repair("楼下新开了家烧考店，油烟大")).toContain("烧烤店");
    // …but a dictionary word that merely sounds like the term is still left alone.
    expect(repair("坐火车去烧烤店")).toBe("坐火车去烧烤店");
  });

  it("leaves 多 asking a measure alone (多远 is no typo of the plan's 多元)", () => {
    expect(repair("养鸡场离学校要多远")).toBe("养鸡场离学校要多远");
    expect(repair("工地扬沉要管多久")).toBe("工地扬尘要管多久");
  });

  it("leaves a word of the genre alone that sounds like a plan's word (供汽 is no typo of 供气)", () => {
    expect(repair("锅炉给园区企业供汽")).toBe("锅炉给园区企业供汽");
  });

  it("allows one syllable a letter off inside a longer stretch", () => {
    expect(oneLetterApart("jie", "xie")).toBe(true);
    expect(oneLetterApart("zhao", "zao")).toBe(true);
    expect(oneLetterApart("jie", "xiu")).toBe(false);
    expect(repair("国二非道路移动机戒禁用区划定了吗")).toContain("非道路移动机械禁用区");
    expect(repair("移动机戒")).toBe("移动机戒");
  });

  it("makes misspelt department names recognisable", () => {
    expect(repair("工业和信息话局管什么")).toContain("工业和信息化局");
    expect(repair("农业农村具的任务")).toContain("农业农村局");
    expect(repair("商丘海官有任务吗")).toContain("商丘海关");
    expect(engine.understand("市工业和信息话局负责哪些任务").departments).toContain("市工业和信息化局");
  });

  it("never changes what the corpus says, real words that merely sound alike, or English", () => {
    for (const t of [
      "燃煤锅炉淘汰",
      "坐火车去",
      "一下",
      "适用范围",
      "公示一下",
      "When was the Shangqiu plan issued?",
    ])
      expect(repair(t)).toBe(t);
    const sentence = index.plans[0]?.items[0]?.text.slice(0, 80) ?? "";
    expect(repair(sentence)).toBe(sentence);
  });

  it("judges a stretch by the words around it (a short stretch of function words is left alone)", () => {
    const words = ["重污染天气", "应急", "减排"];
    // A toy segmenter: the longest known word at each place, else one character.
    const segmenterOf = (known: readonly string[]) => (t: string) => {
      const out: string[] = [];
      for (let i = 0; i < t.length; ) {
        const w = known.find((x) => t.startsWith(x, i)) ?? (t[i] as string);
        out.push(w);
        i += w.length;
      }
      return out;
    };
    const segment = segmenterOf(words);
    const repairer = new TypoRepairer(
      new SoundIndex(["重污染天气应急减排"]),
      segment,
      new Set(words),
      new Set(),
    );
    expect(repairer.repair("重污然天气应急").repairs.map((r) => r.to)).toEqual(["重污染天气应急"]);
    expect(repairer.repair("的是").repairs).toEqual([]);
    // A verb before 的 is no typo of two characters the corpus has side by side (排的 → 牌的).
    const plateWords = ["厂牌", "号牌", "废气"];
    const plates = new TypoRepairer(
      new SoundIndex(["车辆号牌的管理"]),
      segmenterOf(plateWords),
      new Set(plateWords),
      new Set(),
    );
    expect(plates.repair("黄磷厂排的废气").repairs).toEqual([]);
    // 管 is a verb typed on purpose (管车的, 谁管): no typo of 罐 in 水泥罐车.
    const tankWords = ["水泥", "罐车"];
    const tanks = new TypoRepairer(
      new SoundIndex(["水泥罐车全部实现新能源化"]),
      segmenterOf(tankWords),
      new Set(tankWords),
      new Set(),
    );
    expect(tanks.repair("我是车队管车的").repairs).toEqual([]);
    expect(tanks.repair("水泥灌车").repairs.map((r) => r.to)).toEqual(["水泥罐车"]);
  });
});

describe("names written by a lookalike character", () => {
  const repairer = (corpus: string[]) =>
    new TypoRepairer(
      new SoundIndex(corpus),
      (t) => [...t],
      new Set<string>(),
      new Set(),
      new Set(["亳州", "荥阳市"]),
      new Map([
        ["亳", ["毫"]],
        ["毫", ["亳"]],
        ["荥", ["荧"]],
        ["荧", ["荥"]],
      ]),
    );

  it("repairs a name typed by its shape (毫 hao is no homophone of 亳 bo)", () => {
    const r = repairer(["亳州市大气污染防治"]);
    expect(r.repair("毫州扬尘怎么管").text).toBe("亳州扬尘怎么管");
    expect(r.repair("荧阳市方案").text).toBe("荥阳市方案");
  });

  it("leaves a spelling the corpus has, and words that are no name, alone", () => {
    expect(repairer(["排放浓度不高于20毫州"]).repair("毫州").text).toBe("毫州");
    expect(repairer(["亳州"]).repair("浓度20毫克").text).toBe("浓度20毫克");
  });

  it("reads its groups from data/lexicon.yaml", () => {
    expect(loadLexicon().lookalikes.get("毫")).toContain("亳");
    expect(loadLexicon().lookalikes.get("亳")).toContain("毫");
  });
});

describe("the sound index's verbatim look-up", () => {
  it("agrees with a scan of the texts, for stretches of the corpus and strings it lacks", () => {
    const texts = loadCorpus("corpus").plans.flatMap((p) => p.items.map((i) => i.text));
    const sounds = new SoundIndex(texts);
    const joined = `\u0000${texts.join("\u0000")}\u0000`;
    let seed = 11;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const probes = ["", "扬", "扬尘", "扬沉", "PM2.5", "2025年", "燃煤锅炉", "锅炉燃煤", "\u0000"];
    for (let k = 0; k < 400; k++) {
      const text = texts[next(texts.length)] as string;
      const start = next(text.length);
      const piece = text.slice(start, start + 1 + next(12));
      probes.push(piece, `${piece}的`, [...piece].reverse().join(""));
    }
    for (const probe of probes) expect(sounds.has(probe), probe).toBe(joined.includes(probe));
  });
});

describe("the cache", () => {
  it("stores the vocabulary with the index and reads it back the same", async () => {
    const cacheDir = tempDir();
    const built = await SearchIndex.open(loadCorpus("corpus"), { cacheDir });
    const cached = await SearchIndex.open(loadCorpus("corpus"), { cacheDir });
    expect(cached.origin).toBe("cache");
    const [dir] = readdirSync(cacheDir).filter((d) => d.startsWith("index-"));
    const file = VocabularyFile.parse(
      JSON.parse(readFileSync(join(cacheDir, dir as string, "vocabulary.json"), "utf8")),
    );
    expect(Object.keys(file.english).length).toBeGreaterThan(1000);
    for (const q of ["burn straw", "冬天烧散煤", "采石场整改"])
      expect(cached.vocabulary.expand(q)).toEqual(built.vocabulary.expand(q));
    expect(activeLexicon().hash).toMatch(/^[0-9a-f]{16}$/);
  }, 180_000);
});
