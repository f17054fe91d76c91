/**
 * A corpus id from a file name: ASCII, lowercase, words joined by hyphens. Chinese is written in
 * pinyin (许昌市空气质量.pdf → xu-chang-shi-kong-qi-zhi-liang), so the ids stay typeable.
 */
import { basename, extname } from "node:path";
import { pinyin } from "pinyin-pro";

/** Longest slug kept; longer ones are cut at a hyphen. */
const MAX_LENGTH = 64;

/** Whether a string is a valid slug (what --slug accepts). */
export function isSlug(text: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(text) && text.length <= MAX_LENGTH;
}

/** Normalises any text into a slug; "document" when nothing usable is left. */
export function slugify(text: string): string {
  const syllables = pinyin(text.normalize("NFKC"), {
    toneType: "none",
    type: "array",
    nonZh: "consecutive",
  }).join("-");
  let slug = syllables
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length > MAX_LENGTH) slug = slug.slice(0, MAX_LENGTH).replace(/-[^-]*$/, "");
  return slug || "document";
}

/** The default slug of a file: its name without the extension, slugified. */
export function slugFromFileName(file: string): string {
  return slugify(basename(file, extname(file)));
}
