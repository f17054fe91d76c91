/**
 * The layout of an hnswlib index file (`HierarchicalNSW::saveIndex`, hnswlib 0.7 as bundled by
 * hnswlib-node 3), checked in JavaScript before the native reader sees it. hnswlib trusts the file:
 * a wrong element count, neighbour id or link-list size makes it read or write out of bounds and
 * kill the process with SIGSEGV, which no try/catch can catch. So every field it would use to
 * index memory is checked here against the geometry the caller expects.
 *
 * Layout (little-endian, 64-bit `size_t`): a 96-byte header; then `elements` level-0 blocks of
 * `sizeDataPerElement` bytes (link count u16, flags u8, pad u8, `maxM0` neighbour ids u32, the
 * vector as `dimensions` float32, the label u64); then, per element, a u32 byte length and that many
 * bytes of upper-level link lists (`maxM` + 1 u32 each level).
 */
import { z } from "zod";

/** The header fields of an hnswlib index file. */
export const HnswHeader = z.object({
  offsetLevel0: z.number(),
  maxElements: z.number(),
  elements: z.number(),
  sizeDataPerElement: z.number(),
  labelOffset: z.number(),
  offsetData: z.number(),
  maxLevel: z.number(),
  entryPoint: z.number(),
  maxM: z.number(),
  maxM0: z.number(),
  m: z.number(),
  mult: z.number(),
  efConstruction: z.number(),
});
export type HnswHeader = z.infer<typeof HnswHeader>;

/** What the caller knows the file must hold (from the cache manifest and the document list). */
export const HnswGeometry = z.object({
  dimensions: z.number().int().positive(),
  elements: z.number().int().nonnegative(),
  m: z.number().int().positive(),
  efConstruction: z.number().int().positive(),
});
export type HnswGeometry = z.infer<typeof HnswGeometry>;

/** Size of the fixed header: ten size_t, an int, an unsigned int, a double… in saveIndex order. */
export const HNSW_HEADER_BYTES = 96;
const U32 = 4;
const LABEL_BYTES = 8;
const FLOAT_BYTES = 4;

/** Why a file is not an index hnswlib can safely read. */
export class HnswFileError extends Error {
  override name = "HnswFileError";
}

/** A size_t field as a safe integer, or an error naming it (a value above 2^53 is damage anyway). */
function sizeT(buf: Buffer, offset: number, field: string): number {
  const v = buf.readBigUInt64LE(offset);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new HnswFileError(`hnsw header: ${field} is ${v}`);
  return Number(v);
}

/** Reads the header; throws {@link HnswFileError} when the file is shorter than one. */
export function readHnswHeader(buf: Buffer): HnswHeader {
  if (buf.length < HNSW_HEADER_BYTES)
    throw new HnswFileError(`hnsw file has ${buf.length} bytes, shorter than its header`);
  return {
    offsetLevel0: sizeT(buf, 0, "offsetLevel0"),
    maxElements: sizeT(buf, 8, "maxElements"),
    elements: sizeT(buf, 16, "elements"),
    sizeDataPerElement: sizeT(buf, 24, "sizeDataPerElement"),
    labelOffset: sizeT(buf, 32, "labelOffset"),
    offsetData: sizeT(buf, 40, "offsetData"),
    maxLevel: buf.readInt32LE(48),
    entryPoint: buf.readUInt32LE(52),
    maxM: sizeT(buf, 56, "maxM"),
    maxM0: sizeT(buf, 64, "maxM0"),
    m: sizeT(buf, 72, "m"),
    mult: buf.readDoubleLE(80),
    efConstruction: sizeT(buf, 88, "efConstruction"),
  };
}

/**
 * Checks a whole index file against the expected geometry: header fields, the exact file length,
 * every link list's count and neighbour ids, the labels (each position 0…n-1 once, as
 * {@link HnswVectorStore} assigns them), no deleted marks, finite vectors. Throws
 * {@link HnswFileError} naming the first problem; returns the header when the file is sound.
 */
export function checkHnswFile(buf: Buffer, expected: HnswGeometry): HnswHeader {
  const h = readHnswHeader(buf);
  const fail = (what: string): never => {
    throw new HnswFileError(`hnsw file: ${what}`);
  };
  const { dimensions, elements, m, efConstruction } = expected;
  if (h.elements !== elements) fail(`holds ${h.elements} elements, expected ${elements}`);
  if (h.m !== m || h.maxM !== m || h.maxM0 !== 2 * m) fail(`M ${h.m}/${h.maxM}/${h.maxM0}, expected ${m}`);
  if (h.efConstruction !== efConstruction)
    fail(`efConstruction ${h.efConstruction}, expected ${efConstruction}`);
  // Written as !(… <= …) so that NaN fails too.
  if (!(Math.abs(h.mult - 1 / Math.log(m)) <= 1e-9)) fail(`level multiplier ${h.mult}`);
  const sizeLinks0 = h.maxM0 * U32 + U32;
  const sizeLinks = h.maxM * U32 + U32;
  if (h.offsetLevel0 !== 0 || h.offsetData !== sizeLinks0) fail("level-0 offsets do not match M");
  if (h.labelOffset !== sizeLinks0 + dimensions * FLOAT_BYTES)
    fail(`vector width ${(h.labelOffset - sizeLinks0) / FLOAT_BYTES}, expected ${dimensions} dimensions`);
  if (h.sizeDataPerElement !== h.labelOffset + LABEL_BYTES) fail("element size does not match its parts");
  // hnswlib allocates (and, for its locks, touches) memory for the whole capacity on load: a damaged
  // capacity would exhaust memory. HnswVectorStore never grows past max(16, twice its elements).
  if (h.maxElements < elements || h.maxElements > Math.max(16, 2 * elements))
    fail(`capacity ${h.maxElements} for ${elements} elements`);
  if (elements > 0 && (h.maxLevel < 0 || h.entryPoint >= elements)) fail("entry point out of range");
  const level0End = HNSW_HEADER_BYTES + elements * h.sizeDataPerElement;
  if (buf.length < level0End) fail(`truncated: ${buf.length} bytes, level 0 alone needs ${level0End}`);

  // Everything after the header is 4-byte words at 4-byte offsets: read it as one Uint32Array
  // (a 20 MB index is checked in milliseconds this way, not in hundreds as with readUInt32LE).
  const words = wordsOf(buf);
  const wordCount = words.length;
  const linkWords = (at: number, max: number, where: string, level0: boolean) => {
    const head = words[at >>> 2] as number;
    const count = head & 0xffff;
    // Level 0: byte 2 is the deleted mark (never set here), byte 3 unused; upper levels: both unused.
    if (head >>> 16 !== 0) fail(`${where}: ${level0 ? "marked deleted" : "flags in the list header"}`);
    if (count > max) fail(`${where}: ${count} links, at most ${max}`);
    const first = (at >>> 2) + 1;
    for (let j = first; j < first + count; j++) {
      if ((words[j] as number) >= elements) fail(`${where}: neighbour ${words[j]} of ${elements} elements`);
    }
  };
  const seenLabels = new Uint8Array(elements);
  for (let i = 0; i < elements; i++) {
    const block = HNSW_HEADER_BYTES + i * h.sizeDataPerElement;
    linkWords(block, h.maxM0, `element ${i} level 0`, true);
    const data = (block + h.offsetData) >>> 2;
    for (let d = data; d < data + dimensions; d++) {
      // A float32 with every exponent bit set is Infinity or NaN.
      if (((words[d] as number) & 0x7f800000) === 0x7f800000)
        fail(`element ${i} has a non-finite vector component`);
    }
    const labelAt = (block + h.labelOffset) >>> 2;
    const label = words[labelAt] as number;
    if (words[labelAt + 1] !== 0 || label >= elements || seenLabels[label])
      fail(`element ${i} has label ${sizeT(buf, block + h.labelOffset, "label")}`);
    seenLabels[label] = 1;
  }
  let at = level0End;
  let topLevel = -1;
  let entryLevel = 0;
  for (let i = 0; i < elements; i++) {
    if (at + U32 > buf.length) fail(`truncated in the link lists of element ${i}`);
    const bytes = words[at >>> 2] as number;
    at += U32;
    if (bytes % sizeLinks !== 0) fail(`element ${i}: link-list size ${bytes} is not whole levels`);
    const levels = bytes / sizeLinks;
    if (levels > h.maxLevel) fail(`element ${i} has ${levels} levels above the top level ${h.maxLevel}`);
    if (at + bytes > wordCount * U32) fail(`truncated in the link lists of element ${i}`);
    for (let l = 0; l < levels; l++)
      linkWords(at + l * sizeLinks, h.maxM, `element ${i} level ${l + 1}`, false);
    at += bytes;
    topLevel = Math.max(topLevel, levels);
    if (i === h.entryPoint) entryLevel = levels;
  }
  if (at !== buf.length) fail(`${buf.length - at} bytes after the last link list`);
  if (elements > 0 && (topLevel !== h.maxLevel || entryLevel !== h.maxLevel))
    fail(`top level ${h.maxLevel} is not the entry point's (${entryLevel}) or the highest (${topLevel})`);
  return h;
}

/** The buffer as little-endian 32-bit words (copied when it is not 4-byte aligned in memory). */
function wordsOf(buf: Buffer): Uint32Array {
  // A fresh Uint8Array owns its ArrayBuffer from offset 0 (a Buffer copy might sit unaligned in the pool).
  const aligned = buf.byteOffset % 4 === 0 ? buf : new Uint8Array(buf);
  return new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.length >>> 2);
}
