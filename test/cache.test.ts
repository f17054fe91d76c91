/**
 * The index cache under damage: each case copies a good cache, damages one file, and loads it in a
 * child process (a native crash fails the case instead of killing vitest). Every damaged cache must
 * be rebuilt with one warning and the question still answered; a second load must then use the
 * rewritten cache silently.
 *
 * Two groups: plain damage (bytes overwritten, truncated, deleted — the manifest's checksums catch
 * it), and damage with the manifest's checksums recomputed to match, as a buggy writer or a
 * deliberate edit would leave it — the structural checks (zod shapes, agreement with the corpus, the
 * hnsw file's header and link lists) must catch that before hnswlib reads a byte.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCorpus, projectPaths } from "../src/corpus/index.js";
import { CACHE_FORMAT, CacheManifest } from "../src/search/cache.js";
import { checkHnswFile, HNSW_HEADER_BYTES, HnswFileError, readHnswHeader } from "../src/search/hnsw-file.js";
import { SearchIndex } from "../src/search/index.js";

const root = mkdtempSync(join(tmpdir(), "policy-bot-cache-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** One line the child prints per cache folder. */
interface Loaded {
  cacheDir: string;
  origin: "built" | "cache";
  status: string;
  first: string | null;
  warnings: string[];
}

/** Runs the child over folders; resolves with its result lines, or rejects naming the folder it died in. */
function loadInChild(dirs: string[]): Promise<Map<string, Loaded>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "test/fixtures/open-engine.ts", ...dirs], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.on("close", (code, signal) => {
      const results = new Map<string, Loaded>();
      let last = "";
      for (const line of out.split("\n").filter(Boolean)) {
        const o = JSON.parse(line);
        if (o.start) last = o.start;
        else results.set(o.cacheDir, o);
      }
      if (code === 0) resolve(results);
      else reject(new Error(`child died (code ${code}, signal ${signal}) loading ${last}\n${err}`));
    });
  });
}

/** Loads folders in two children side by side. */
async function loadAll(dirs: string[]): Promise<Map<string, Loaded>> {
  const half = Math.ceil(dirs.length / 2);
  const parts = await Promise.all([loadInChild(dirs.slice(0, half)), loadInChild(dirs.slice(half))]);
  return new Map(parts.flatMap((m) => [...m]));
}

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

type FileName =
  | "hnsw.index"
  | "docs.json"
  | "lexical.json"
  | "generality.json"
  | "vocabulary.json"
  | "manifest.json";

/** One damaged cache. `damage` returns the file's new bytes, or null to delete it. */
interface DamageCase {
  name: string;
  file: FileName;
  damage: (bytes: Buffer) => Buffer | null;
  /** Recompute the manifest's checksums after the damage, so only structural checks can catch it. */
  consistent?: boolean;
  /**
   * "rebuilt": must be rejected. "either": damage the file format cannot reveal (a vector component
   * changed to another finite number) — it may load, but must never crash and must answer.
   */
  expect?: "rebuilt" | "either";
}

const pristine = join(root, "pristine");
let indexDirName = "";
let hnsw: ReturnType<typeof readHnswHeader>;
let hnswBytes: Buffer;

/** Bytes with `patch` written at `at` (negative: from the end). */
const overwrite = (at: number, patch: Buffer | number[]) => (b: Buffer) => {
  const out = Buffer.from(b);
  const p = Buffer.from(patch);
  const start = at < 0 ? out.length + at : at;
  p.copy(out, Math.max(0, Math.min(start, out.length - p.length)));
  return out;
};
const ff = (n: number) => Buffer.alloc(n, 0xff);
const u32 = (v: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(v >>> 0);
  return b;
};
const u64 = (v: bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(v);
  return b;
};
const json = (value: unknown) => () => Buffer.from(JSON.stringify(value));
const editJson = (edit: (o: Record<string, unknown>) => unknown) => (b: Buffer) =>
  Buffer.from(JSON.stringify(edit(JSON.parse(b.toString("utf8")))));

/** Plain damage to every file: start, middle, end, truncation, emptied, deleted. */
function plainCases(): DamageCase[] {
  const files: FileName[] = ["hnsw.index", "docs.json", "lexical.json", "generality.json", "manifest.json"];
  return files.flatMap((file) => [
    { name: `${file}: 8 bytes overwritten at the start`, file, damage: overwrite(0, ff(8)) },
    {
      name: `${file}: 8 bytes overwritten in the middle`,
      file,
      damage: (b: Buffer) => overwrite(Math.floor(b.length / 2), [0, 0, 0, 0, 0xff, 0xff, 0xff, 0x0f])(b),
    },
    { name: `${file}: 8 bytes overwritten at the end`, file, damage: overwrite(-8, ff(8)) },
    { name: `${file}: one bit flipped in the middle`, file, damage: flipBit(0.5) },
    { name: `${file}: truncated to half`, file, damage: (b: Buffer) => b.subarray(0, b.length >> 1) },
    {
      name: `${file}: truncated by one byte`,
      file,
      damage: (b: Buffer) => b.subarray(0, b.length - 1),
      // The manifest ends with a newline: without it, it says the same.
      expect: file === "manifest.json" ? ("either" as const) : undefined,
    },
    { name: `${file}: emptied`, file, damage: () => Buffer.alloc(0) },
    { name: `${file}: deleted`, file, damage: () => null },
  ]);
}

function flipBit(at: number) {
  return (b: Buffer) => {
    const out = Buffer.from(b);
    const i = Math.floor(out.length * at);
    out[i] = (out[i] as number) ^ 0x04;
    return out;
  };
}

/** Damage with matching checksums: the hnsw file's header, link lists, labels; JSON valid but wrong. */
function consistentCases(): DamageCase[] {
  const h = hnsw;
  const cases: DamageCase[] = [];
  const add = (name: string, file: FileName, damage: DamageCase["damage"], expect: DamageCase["expect"]) =>
    cases.push({ name, file, damage, consistent: true, expect: expect ?? "rebuilt" });
  const fields: Array<[string, number, number]> = [
    ["offsetLevel0", 0, 8],
    ["maxElements", 8, 8],
    ["elements", 16, 8],
    ["sizeDataPerElement", 24, 8],
    ["labelOffset", 32, 8],
    ["offsetData", 40, 8],
    ["maxLevel", 48, 4],
    ["entryPoint", 52, 4],
    ["maxM", 56, 8],
    ["maxM0", 64, 8],
    ["m", 72, 8],
    ["mult", 80, 8],
    ["efConstruction", 88, 8],
  ];
  for (const [field, at, width] of fields) {
    add(`hnsw header ${field}: all ones`, "hnsw.index", overwrite(at, ff(width)), undefined);
    const current = hnswBytes.subarray(at, at + width);
    if (current.some((byte) => byte !== 0))
      add(`hnsw header ${field}: zero`, "hnsw.index", overwrite(at, Buffer.alloc(width)), undefined);
    // A bigger capacity than needed, or a double's last mantissa byte (~1e-14): harmless, may load.
    const harmless = field === "mult" || field === "maxElements";
    const plusOne = (b: Buffer) => overwrite(at, [((b[at] as number) + 1) & 0xff])(b);
    add(`hnsw header ${field}: +1`, "hnsw.index", plusOne, harmless ? "either" : undefined);
  }
  const block = (i: number) => HNSW_HEADER_BYTES + i * h.sizeDataPerElement;
  for (const i of [0, h.elements - 1]) {
    add(`element ${i}: link count 0xffff`, "hnsw.index", overwrite(block(i), [0xff, 0xff]), undefined);
    add(`element ${i}: link count maxM0+1`, "hnsw.index", overwrite(block(i), [h.maxM0 + 1, 0]), undefined);
    add(`element ${i}: neighbour id huge`, "hnsw.index", overwrite(block(i) + 4, u32(0x0fffffff)), undefined);
    add(
      `element ${i}: neighbour id = elements`,
      "hnsw.index",
      overwrite(block(i) + 4, u32(h.elements)),
      undefined,
    );
    add(`element ${i}: marked deleted`, "hnsw.index", overwrite(block(i) + 2, [1]), undefined);
    add(`element ${i}: label huge`, "hnsw.index", overwrite(block(i) + h.labelOffset, ff(8)), undefined);
    add(
      `element ${i}: label duplicated`,
      "hnsw.index",
      overwrite(block(i) + h.labelOffset, u64(i === 0 ? 1n : 0n)),
      undefined,
    );
    add(
      `element ${i}: vector component NaN`,
      "hnsw.index",
      overwrite(block(i) + h.offsetData, [0, 0, 0xc0, 0x7f]),
      undefined,
    );
    add(
      `element ${i}: vector component zeroed`,
      "hnsw.index",
      overwrite(block(i) + h.offsetData, [0, 0, 0, 0]),
      "either",
    );
  }
  // The upper-level link lists: the first element that has any.
  let at = HNSW_HEADER_BYTES + h.elements * h.sizeDataPerElement;
  let upper = -1;
  for (let i = 0; i < h.elements; i++) {
    const size = hnswBytes.readUInt32LE(at);
    if (size > 0) {
      upper = at;
      break;
    }
    at += 4;
  }
  expect(upper).toBeGreaterThan(0);
  const size = hnswBytes.readUInt32LE(upper);
  add("upper links: size +4", "hnsw.index", overwrite(upper, u32(size + 4)), undefined);
  add("upper links: size huge", "hnsw.index", overwrite(upper, ff(4)), undefined);
  add("upper links: size 0 (lists become garbage)", "hnsw.index", overwrite(upper, u32(0)), undefined);
  add("upper links: count 0xffff", "hnsw.index", overwrite(upper + 4, [0xff, 0xff]), undefined);
  add(
    "upper links: neighbour out of range",
    "hnsw.index",
    overwrite(upper + 8, u32(h.elements + 7)),
    undefined,
  );
  add("hnsw: truncated by 4 bytes", "hnsw.index", (b) => b.subarray(0, b.length - 4), undefined);
  add("hnsw: truncated to the header", "hnsw.index", (b) => b.subarray(0, HNSW_HEADER_BYTES), undefined);
  add("hnsw: truncated inside the header", "hnsw.index", (b) => b.subarray(0, 40), undefined);
  add("hnsw: one byte appended", "hnsw.index", (b) => Buffer.concat([b, Buffer.from([0])]), undefined);
  add("hnsw: emptied", "hnsw.index", () => Buffer.alloc(0), undefined);
  // Seeded 8-byte garbage inside vector data: no format can tell it from a real vector.
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed;
  };
  for (let k = 0; k < 6; k++) {
    const i = next() % h.elements;
    const d = next() % (h.labelOffset - h.offsetData - 8);
    const garbage = [0x12, 0x34, 0x56, 0x3e, 0x9a, 0xbc, 0xde, 0x3e]; // two finite floats
    add(
      `element ${i}: vector bytes ${d}… replaced`,
      "hnsw.index",
      overwrite(block(i) + h.offsetData + d - (d % 4), garbage),
      "either",
    );
  }

  add(
    "lexical.json: valid shape, no documents",
    "lexical.json",
    json({ version: 2, k1: 1.2, b: 0.75, lengths: [], terms: [], offsets: [0], docs: [], tfs: [] }),
    undefined,
  );
  add(
    "lexical.json: a posting to document 9999",
    "lexical.json",
    editJson((o) => ({ ...o, docs: [9999, ...(o.docs as number[]).slice(1)] })),
    undefined,
  );
  add(
    "lexical.json: term frequency 0",
    "lexical.json",
    editJson((o) => ({ ...o, tfs: [0, ...(o.tfs as number[]).slice(1)] })),
    undefined,
  );
  add(
    "lexical.json: a length is a string",
    "lexical.json",
    editJson((o) => ({ ...o, lengths: ["7", ...(o.lengths as number[]).slice(1)] })),
    undefined,
  );
  add(
    "lexical.json: one document short",
    "lexical.json",
    editJson((o) => ({ ...o, lengths: (o.lengths as number[]).slice(1) })),
    undefined,
  );
  add("lexical.json: an array", "lexical.json", json([]), undefined);
  add("lexical.json: null", "lexical.json", json(null), undefined);
  add(
    "docs.json: two items swapped",
    "docs.json",
    editJson((o) => {
      const docs = [...(o.docs as unknown[])];
      [docs[0], docs[1]] = [docs[1], docs[0]];
      return { ...o, docs };
    }),
    undefined,
  );
  add(
    "docs.json: 256 dimensions",
    "docs.json",
    editJson((o) => ({ ...o, dimensions: 256 })),
    undefined,
  );
  add(
    "docs.json: no documents",
    "docs.json",
    editJson((o) => ({ ...o, docs: [] })),
    undefined,
  );
  add(
    "docs.json: an unknown item",
    "docs.json",
    editJson((o) => {
      const docs = [...(o.docs as Array<{ metadata: object }>)];
      docs[3] = { ...(docs[3] as { metadata: object }), metadata: { doc: "nope", id: "9.9" } };
      return { ...o, docs };
    }),
    undefined,
  );
  add("generality.json: an array", "generality.json", json([1, 2]), undefined);
  add("vocabulary.json: an array", "vocabulary.json", json([]), undefined);
  add(
    "vocabulary.json: an unknown source",
    "vocabulary.json",
    editJson((o) => ({ ...o, sources: ["telepathy"] })),
    undefined,
  );
  add(
    "vocabulary.json: a table is a number",
    "vocabulary.json",
    editJson((o) => ({ ...o, english: 7 })),
    undefined,
  );
  add(
    "generality.json: a negative frequency",
    "generality.json",
    editJson((o) => ({ ...o, 人民: -1 })),
    undefined,
  );
  add(
    "generality.json: a string frequency",
    "generality.json",
    editJson((o) => ({ ...o, 人民: "many" })),
    undefined,
  );

  const manifest = (edit: (m: CacheManifest) => unknown) => editJson((o) => edit(o as CacheManifest));
  add(
    "manifest: format 1",
    "manifest.json",
    manifest((m) => ({ ...m, format: 1 })),
    undefined,
  );
  add(
    `manifest: format ${CACHE_FORMAT + 1}`,
    "manifest.json",
    manifest((m) => ({ ...m, format: CACHE_FORMAT + 1 })),
    undefined,
  );
  add(
    "manifest: no format",
    "manifest.json",
    manifest(({ format: _f, ...m }) => m),
    undefined,
  );
  add(
    "manifest: another key",
    "manifest.json",
    manifest((m) => ({ ...m, key: "0".repeat(24) })),
    undefined,
  );
  add(
    "manifest: elements 75",
    "manifest.json",
    manifest((m) => ({ ...m, hnsw: { ...m.hnsw, elements: 75 } })),
    undefined,
  );
  add(
    "manifest: 256 dimensions",
    "manifest.json",
    manifest((m) => ({ ...m, hnsw: { ...m.hnsw, dimensions: 256 } })),
    undefined,
  );
  add(
    "manifest: lexical.json not listed",
    "manifest.json",
    manifest((m) => ({ ...m, files: m.files.filter((f) => f.name !== "lexical.json") })),
    undefined,
  );
  add(
    "manifest: a checksum changed",
    "manifest.json",
    manifest((m) => ({ ...m, files: m.files.map((f) => ({ ...f, sha256: "0".repeat(64) })) })),
    undefined,
  );
  add(
    "manifest: a size changed",
    "manifest.json",
    manifest((m) => ({ ...m, files: m.files.map((f) => ({ ...f, bytes: f.bytes + 1 })) })),
    undefined,
  );
  add("manifest: an empty object", "manifest.json", json({}), undefined);
  return cases;
}

/** Copies the good cache into a fresh folder and applies one case's damage; returns the folder. */
function prepare(c: DamageCase, n: number): string {
  const cacheDir = join(root, `case-${n}`);
  cpSync(pristine, cacheDir, { recursive: true });
  const dir = join(cacheDir, indexDirName);
  const path = join(dir, c.file);
  const damaged = c.damage(readFileSync(path));
  if (damaged === null) rmSync(path);
  else writeFileSync(path, damaged);
  if (c.consistent && c.file !== "manifest.json") {
    const m = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as CacheManifest;
    for (const f of m.files) {
      const b = readFileSync(join(dir, f.name));
      f.bytes = b.length;
      f.sha256 = sha256(b);
    }
    writeFileSync(join(dir, "manifest.json"), JSON.stringify(m));
  }
  return cacheDir;
}

const cases: DamageCase[] = [];
const dirs: string[] = [];
let first = new Map<string, Loaded>();
let second = new Map<string, Loaded>();

beforeAll(async () => {
  mkdirSync(pristine);
  const built = await loadInChild([pristine]);
  expect(built.get(pristine)?.origin).toBe("built");
  [indexDirName] = readdirSync(pristine).filter((d) => d.startsWith("index-")) as [string];
  hnswBytes = readFileSync(join(pristine, indexDirName, "hnsw.index"));
  hnsw = readHnswHeader(hnswBytes);
  cases.push(...plainCases(), ...consistentCases());
  // Extra folder-level damage: the old layout (a `complete` marker, no manifest), a file replaced by a folder.
  cases.push({
    name: "format-1 layout: complete marker, no manifest",
    file: "manifest.json",
    damage: () => null,
  });
  cases.forEach((c, n) => {
    dirs.push(prepare(c, n));
  });
  writeFileSync(join(dirs.at(-1) as string, indexDirName, "complete"), new Date().toISOString());
  const folder = join(root, "case-folder");
  cpSync(pristine, folder, { recursive: true });
  rmSync(join(folder, indexDirName, "hnsw.index"));
  mkdirSync(join(folder, indexDirName, "hnsw.index"));
  cases.push({ name: "hnsw.index replaced by a folder", file: "hnsw.index", damage: (b) => b });
  dirs.push(folder);
  first = await loadAll(dirs);
  second = await loadAll(dirs);
}, 900_000);

describe("a damaged index cache", () => {
  it("has a sound pristine index file and a manifest of this format", () => {
    const m = CacheManifest.parse(
      JSON.parse(readFileSync(join(pristine, indexDirName, "manifest.json"), "utf8")),
    );
    expect(m.format).toBe(CACHE_FORMAT);
    expect(m.files.map((f) => f.name).sort()).toEqual([
      "docs.json",
      "generality.json",
      "hnsw.index",
      "lexical.json",
      "vocabulary.json",
    ]);
    expect(checkHnswFile(hnswBytes, m.hnsw).elements).toBe(m.hnsw.elements);
    expect(cases.length).toBeGreaterThan(100);
  });

  it("is never used when it must not be: each case rebuilt with one warning, or loaded, and answered", () => {
    const failures: string[] = [];
    cases.forEach((c, n) => {
      const r = first.get(dirs[n] as string);
      const wanted = c.expect ?? "rebuilt";
      if (!r) failures.push(`${c.name}: no result`);
      else if (r.status !== "answered" || r.first !== "3.2")
        failures.push(`${c.name}: answered ${r.status} ${r.first}`);
      else if (wanted === "rebuilt" && (r.origin !== "built" || r.warnings.length !== 1))
        failures.push(`${c.name}: origin ${r.origin}, warnings ${JSON.stringify(r.warnings)}`);
      else if (r.warnings.some((w) => !/^warning: index cache \S+ not used \(.+\); rebuilding it$/.test(w)))
        failures.push(`${c.name}: unexpected stderr ${JSON.stringify(r.warnings)}`);
    });
    expect(failures).toEqual([]);
  });

  it("is replaced by a good cache: the next load uses it silently", () => {
    const failures = cases.flatMap((c, n) => {
      const r = second.get(dirs[n] as string);
      return r?.origin === "cache" && r.warnings.length === 0 && r.first === "3.2"
        ? []
        : [`${c.name}: ${JSON.stringify(r)}`];
    });
    expect(failures).toEqual([]);
  });
});

describe("the hnsw file check", () => {
  it("names what is wrong", () => {
    const geometry = { dimensions: 512, elements: hnsw.elements, m: 16, efConstruction: 200 };
    expect(() => checkHnswFile(hnswBytes, { ...geometry, dimensions: 256 })).toThrow(/256 dimensions/);
    expect(() => checkHnswFile(hnswBytes, { ...geometry, elements: 3 })).toThrow(/expected 3/);
    expect(() => checkHnswFile(hnswBytes.subarray(0, 10), geometry)).toThrow(HnswFileError);
  });
});

describe("cache warnings", () => {
  it("go to the caller's logger when one is given", async () => {
    const cacheDir = join(root, "logger");
    cpSync(pristine, cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, indexDirName, "lexical.json"), "{not json");
    const messages: string[] = [];
    const corpus = loadCorpus(projectPaths().corpus);
    const index = await SearchIndex.open(corpus, { cacheDir, onWarning: (m) => messages.push(m) });
    expect(index.origin).toBe("built");
    expect(messages).toEqual([expect.stringMatching(/lexical\.json: (checksum mismatch|\d+ bytes)/)]);
    const again = await SearchIndex.open(corpus, { cacheDir, onWarning: (m) => messages.push(m) });
    expect(again.origin).toBe("cache");
    expect(messages).toHaveLength(1);
  });

  it("report a cache folder that cannot be written, and the index still works", async () => {
    const cacheDir = join(root, "read-only");
    writeFileSync(cacheDir, "a file where the cache folder should be");
    const messages: string[] = [];
    const corpus = loadCorpus(projectPaths().corpus);
    const index = await SearchIndex.open(corpus, { cacheDir, onWarning: (m) => messages.push(m) });
    expect(index.origin).toBe("built");
    expect(index.search({ searchText: "燃煤锅炉" })[0]?.item.id).toBe("3.2");
    expect(messages.some((m) => /not written/.test(m))).toBe(true);
  });
});
