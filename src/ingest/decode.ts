/**
 * Bytes → text for pages and plain-text files: Chinese government sites still serve GBK/GB2312 pages,
 * often with a wrong or missing declaration, so the encoding is decided from the bytes first.
 */
import iconv from "iconv-lite";

/** The text and how it was decoded. */
export interface DecodedText {
  text: string;
  /** The encoding used: utf-8, utf-16le, utf-16be or gb18030 (which reads GBK and GB2312 too). */
  encoding: string;
  /** The charset the file declared (HTML meta), lower-cased, or null. */
  declared: string | null;
  /** Characters that could not be decoded (U+FFFD in the result). */
  replacements: number;
}

/** Labels that name GBK or one of its subsets; GB18030 is their superset, so it decodes them all. */
const CHINESE_LABELS =
  /^(?:gb2312|gbk|gb18030|x-gbk|cp936|csgb2312|chinese|iso-ir-58|gb_2312-80|ms936|windows-936)$/;

/** The charset an HTML document declares in its first bytes (`<meta charset>` or http-equiv), or null. */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("latin1");
  const m = /<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m?.[1]?.toLowerCase() ?? null;
}

const countReplacements = (text: string) => (text.match(/\uFFFD/g) ?? []).length;

/**
 * Decodes bytes: a byte-order mark wins; then UTF-8 when the bytes are valid UTF-8 (GBK text almost
 * never is, so a page that declares GBK but is UTF-8 is read right); then the declared charset when
 * iconv knows it; else GB18030. The BOM is not kept.
 */
export function decodeText(bytes: Uint8Array, declared: string | null = null): DecodedText {
  const result = (text: string, encoding: string): DecodedText => ({
    text,
    encoding,
    declared,
    replacements: countReplacements(text),
  });
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return result(new TextDecoder("utf-8").decode(bytes.subarray(3)), "utf-8");
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return result(iconv.decode(Buffer.from(bytes.subarray(2)), "utf-16le"), "utf-16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return result(iconv.decode(Buffer.from(bytes.subarray(2)), "utf-16be"), "utf-16be");
  try {
    return result(new TextDecoder("utf-8", { fatal: true }).decode(bytes), "utf-8");
  } catch {
    // not UTF-8: fall through to the declared or the Chinese default
  }
  const label =
    declared && !CHINESE_LABELS.test(declared) && iconv.encodingExists(declared) ? declared : "gb18030";
  return result(iconv.decode(Buffer.from(bytes), label), label);
}
