/**
 * The on-disk cache of a built {@link SearchIndex}: one directory per key, every file verified
 * before use. A directory holds `hnsw.index` and `docs.json` (the vector store), `lexical.json`,
 * `generality.json`, `vocabulary.json` (the corpus's bridges from questions' words), and — written last, so its presence means the rest is complete — `manifest.json`:
 * the format version, the key, the index geometry, and each file's size and SHA-256.
 *
 * Reading checks, in order: the manifest's shape and version and key; that each listed file exists
 * with its size and checksum; each JSON file's shape (zod) and its agreement with the corpus (one
 * entry per item, in order); the hnsw file's own header and link lists against the manifest's
 * geometry (hnsw-file.ts). Only then do the index bytes reach hnswlib. Anything wrong rejects the
 * whole directory with a reason, and the caller rebuilds.
 */
import { createHash } from "node:crypto";
import { readdirSync, rmSync, statSync } from "node:fs";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { z } from "zod";
import { checkHnswFile, HnswGeometry } from "./hnsw-file.js";
import { LexicalIndex, type LexicalIndexData } from "./lexical.js";
import { HnswVectorStore, StoredDocs, VECTOR_STORE_FILES } from "./vector-store.js";
import { serializeVocabulary, type VocabularyData, VocabularyFile } from "./vocabulary/index.js";

/**
 * Version of the directory layout and manifest. Part of the cache key, so a version change never
 * reads an old directory; checked in the manifest as well. 1 was the unverified layout with a
 * `complete` marker; 3 adds `vocabulary.json`; 4 derives its sound-alike words against every text typos are
 * repaired against.
 */
export const CACHE_FORMAT = 4;

/** The files of a cache directory; the manifest is written last. */
export const CACHE_FILES = {
  ...VECTOR_STORE_FILES,
  lexical: "lexical.json",
  generality: "generality.json",
  vocabulary: "vocabulary.json",
  manifest: "manifest.json",
} as const;

/** The data files the manifest lists (all but itself). */
const DataFile = z.enum([
  CACHE_FILES.index,
  CACHE_FILES.docs,
  CACHE_FILES.lexical,
  CACHE_FILES.generality,
  CACHE_FILES.vocabulary,
]);

/** One file of the cache as the manifest records it. */
export const ManifestEntry = z.object({
  name: DataFile,
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ManifestEntry = z.infer<typeof ManifestEntry>;

/** `manifest.json`: what the directory must hold for it to be used. */
export const CacheManifest = z.object({
  format: z.literal(CACHE_FORMAT),
  /** The cache key the directory is named after. */
  key: z.string().min(1),
  /** When it was written (ISO 8601), for people reading the directory. */
  written: z.string(),
  /** The vector index's geometry; `elements` is also the number of items indexed. */
  hnsw: HnswGeometry,
  files: z.array(ManifestEntry),
});
export type CacheManifest = z.infer<typeof CacheManifest>;

/** General-language frequency of each corpus word (`generality.json`). */
export const Generality = z.record(z.string(), z.number().nonnegative());
export type Generality = z.infer<typeof Generality>;

/** The parts of a built index the cache stores. */
export interface CachedIndex {
  vectors: HnswVectorStore;
  lexical: LexicalIndex;
  generality: Generality;
  vocabulary: VocabularyData;
}

/** What a cache directory must match to be used for this corpus and code. */
export interface CacheExpectation {
  key: string;
  /** `doc` and `id` of every item, in index order. */
  items: ReadonlyArray<{ doc: string; id: string }>;
  /** Embedding width and HNSW build parameters of this code. */
  dimensions: number;
  m: number;
  efConstruction: number;
}

/** Why a cache directory was not used; `message` is one line for a log. */
export class CacheRejected extends Error {
  override name = "CacheRejected";
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** Parses a JSON file's bytes with `parse` (a zod parse); a failure names the file and the first issue. */
function parseFile<T>(name: string, bytes: Buffer, parse: (json: unknown) => T): T {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new CacheRejected(`${name}: not JSON`);
  }
  try {
    return parse(json);
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw new CacheRejected(`${name}: ${(error as Error).message}`);
    const issue = error.issues[0];
    throw new CacheRejected(`${name}: wrong shape at ${issue?.path.join(".") || "top"}: ${issue?.message}`);
  }
}

/**
 * The BM25 data checked against the corpus: one length per item, sane parameters. (The postings'
 * consistency — offsets, item numbers, counts ≥ 1 — is checked by LexicalIndex.fromJSON itself.)
 */
function checkLexical(data: LexicalIndexData, items: number): void {
  const bad = (what: string): never => {
    throw new CacheRejected(`${CACHE_FILES.lexical}: ${what}`);
  };
  if (data.lengths.length !== items) bad(`${data.lengths.length} documents, expected ${items}`);
  if (!(data.k1 > 0 && data.b >= 0 && data.b <= 1)) bad(`parameters k1 ${data.k1}, b ${data.b}`);
}

/** The document list checked against the corpus: item i of the index is item i of the corpus. */
function checkDocs(stored: StoredDocs, expected: CacheExpectation): void {
  const { items } = expected;
  if (stored.docs.length !== items.length)
    throw new CacheRejected(`${CACHE_FILES.docs}: ${stored.docs.length} documents, expected ${items.length}`);
  if (
    stored.dimensions !== expected.dimensions ||
    stored.params.m !== expected.m ||
    stored.params.efConstruction !== expected.efConstruction
  )
    throw new CacheRejected(`${CACHE_FILES.docs}: index parameters differ from this code's`);
  stored.docs.forEach((d, i) => {
    const item = items[i];
    if (d.metadata.doc !== item?.doc || d.metadata.id !== item?.id)
      throw new CacheRejected(`${CACHE_FILES.docs}: entry ${i} is not item ${item?.doc}#${item?.id}`);
  });
}

/**
 * Reads and verifies a cache directory. Returns null when there is none (nothing to warn about);
 * throws {@link CacheRejected} with the reason when there is one that must not be used.
 */
export async function readIndexCache(
  dir: string,
  expected: CacheExpectation,
  embeddings: EmbeddingsInterface,
): Promise<CachedIndex | null> {
  let manifestBytes: Buffer;
  try {
    manifestBytes = await readFile(join(dir, CACHE_FILES.manifest));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    // No manifest: no cache, unless the directory exists (an interrupted or foreign write).
    const exists = await stat(dir).then(
      () => true,
      () => false,
    );
    if (exists) throw new CacheRejected(`${CACHE_FILES.manifest} missing`);
    return null;
  }
  const manifest = parseFile(CACHE_FILES.manifest, manifestBytes, (j) =>
    z.object({ format: z.unknown() }).parse(j),
  );
  if (manifest.format !== CACHE_FORMAT)
    throw new CacheRejected(`format ${JSON.stringify(manifest.format)}, this code reads ${CACHE_FORMAT}`);
  const { key, hnsw, files } = parseFile(CACHE_FILES.manifest, manifestBytes, (j) => CacheManifest.parse(j));
  if (key !== expected.key) throw new CacheRejected(`key ${key}, expected ${expected.key}`);
  const geometry = {
    dimensions: expected.dimensions,
    elements: expected.items.length,
    m: expected.m,
    efConstruction: expected.efConstruction,
  };
  const sameGeometry =
    hnsw.dimensions === geometry.dimensions &&
    hnsw.elements === geometry.elements &&
    hnsw.m === geometry.m &&
    hnsw.efConstruction === geometry.efConstruction;
  if (!sameGeometry)
    throw new CacheRejected(`index geometry ${JSON.stringify(hnsw)}, expected ${JSON.stringify(geometry)}`);
  const needed = DataFile.options.filter((f) => f !== CACHE_FILES.index || hnsw.elements > 0);
  const listed = files.map((f) => f.name);
  if (listed.length !== needed.length || !needed.every((f) => listed.includes(f)))
    throw new CacheRejected(`manifest lists ${listed.join(", ")}; expected ${needed.join(", ")}`);

  const read = await Promise.all(
    files.map((f) =>
      readFile(join(dir, f.name)).catch((error: NodeJS.ErrnoException) => {
        throw new CacheRejected(`${f.name}: ${error.code ?? "unreadable"}`);
      }),
    ),
  );
  const bytes = new Map<string, Buffer>();
  files.forEach((f, i) => {
    const b = read[i] as Buffer;
    if (b.length !== f.bytes)
      throw new CacheRejected(`${f.name}: ${b.length} bytes, manifest says ${f.bytes}`);
    if (sha256(b) !== f.sha256) throw new CacheRejected(`${f.name}: checksum mismatch`);
    bytes.set(f.name, b);
  });
  const file = (name: string) => bytes.get(name) as Buffer;

  const stored = parseFile(CACHE_FILES.docs, file(CACHE_FILES.docs), (j) => StoredDocs.parse(j));
  checkDocs(stored, expected);
  // fromJSON validates with zod (the index's largest file: parse it once).
  const lexical = parseFile(CACHE_FILES.lexical, file(CACHE_FILES.lexical), LexicalIndex.fromJSON);
  checkLexical(lexical.toJSON(), expected.items.length);
  const generality = parseFile(CACHE_FILES.generality, file(CACHE_FILES.generality), (j) =>
    Generality.parse(j),
  );
  const vocabulary = parseFile(CACHE_FILES.vocabulary, file(CACHE_FILES.vocabulary), (j) =>
    VocabularyFile.parse(j),
  );
  const indexBytes = bytes.get(CACHE_FILES.index) ?? null;
  if (indexBytes) {
    try {
      checkHnswFile(indexBytes, geometry);
    } catch (error) {
      throw new CacheRejected((error as Error).message);
    }
  }
  let vectors: HnswVectorStore;
  try {
    vectors = await HnswVectorStore.restore(stored, indexBytes, embeddings);
  } catch (error) {
    throw new CacheRejected(`${CACHE_FILES.index}: ${(error as Error).message}`);
  }
  return { vectors, lexical, generality, vocabulary };
}

/** Caches of other keys older than this are removed; younger ones may belong to a process still running. */
const STALE_CACHE_MS = 60 * 60 * 1000;

/**
 * Writes a cache directory: the files into a temporary directory, each checksummed as written,
 * the manifest last, then one rename into place — readers see a whole directory or none. A
 * directory already at `dir` (the rejected one being replaced) is first renamed aside, atomically;
 * if another process installs one meanwhile, it wins and ours is dropped. Old caches of other keys
 * and leftovers of interrupted writes are removed. Throws on failure; the caller decides whether
 * that matters (the cache is an optimisation).
 */
export async function writeIndexCache(
  cacheDir: string,
  dir: string,
  key: string,
  index: CachedIndex,
): Promise<void> {
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  try {
    await mkdir(tmp, { recursive: true });
    await index.vectors.save(tmp);
    await writeFile(join(tmp, CACHE_FILES.lexical), JSON.stringify(index.lexical.toJSON()));
    await writeFile(join(tmp, CACHE_FILES.generality), JSON.stringify(index.generality));
    await writeFile(join(tmp, CACHE_FILES.vocabulary), serializeVocabulary(index.vocabulary));
    const geometry: HnswGeometry = {
      dimensions: index.vectors.dimensions,
      elements: index.vectors.size,
      m: index.vectors.params.m,
      efConstruction: index.vectors.params.efConstruction,
    };
    const files: ManifestEntry[] = [];
    for (const name of DataFile.options) {
      if (name === CACHE_FILES.index && geometry.elements === 0) continue;
      const b = await readFile(join(tmp, name));
      // What hnswlib wrote must pass the check a reader applies, or every later run would rebuild.
      if (name === CACHE_FILES.index) checkHnswFile(b, geometry);
      files.push({ name, bytes: b.length, sha256: sha256(b) });
    }
    const manifest: CacheManifest = {
      format: CACHE_FORMAT,
      key,
      written: new Date().toISOString(),
      hnsw: geometry,
      files,
    };
    await writeFile(join(tmp, CACHE_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
    const aside = `${dir}.old-${process.pid}-${Date.now()}`;
    await rename(dir, aside).then(
      () => rm(aside, { recursive: true, force: true }),
      () => {},
    );
    try {
      await rename(tmp, dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOTEMPTY" && code !== "EEXIST") throw error;
      // Another process installed the same key first: its files are as good as ours.
    }
  } finally {
    await rm(tmp, { recursive: true, force: true }).catch(() => {});
  }
  removeStaleCaches(cacheDir, dir);
}

/** Removes other keys' directories (and interrupted writes) not touched for {@link STALE_CACHE_MS}. */
function removeStaleCaches(cacheDir: string, keep: string): void {
  for (const name of readdirSync(cacheDir)) {
    const p = join(cacheDir, name);
    try {
      const old = Date.now() - statSync(p).mtimeMs > STALE_CACHE_MS;
      if (p !== keep && name.startsWith("index-") && old) rmSync(p, { recursive: true, force: true });
    } catch {
      // Removed by another process meanwhile.
    }
  }
}
