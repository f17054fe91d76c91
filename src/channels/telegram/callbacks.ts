/**
 * callback_data and deep-link payloads: short, self-describing and validated, so a button survives a
 * restart (and another instance) and forged data is recognised. They carry the document's id, so
 * buttons work with several documents; every callback_data fits Telegram's 64 bytes and every deep
 * link its 64 characters of A–Z a–z 0–9 _ -.
 *
 *   f:<doc>:6.5:z                full text of that document's 六(五), in Chinese (z) / English (e)
 *   r:…  related items;  d:…  the item's departments
 *   f:#1a2b3c4d:6.5:e                   a document id too long to fit, by the first 8 hex of its SHA-1
 *   v:u:<answer id>  v:d:<answer id>   👍 / 👎 on a logged answer
 *   k:ammonia-pilot:z                  start that guided check (k:#3:z by its index when the id cannot travel)
 *   s:1:2                              guided check: at step 1, option 2 (the dialogue is in the store)
 */
import { createHash } from "node:crypto";
import type { Lang } from "./i18n.js";

/** Telegram's limit on callback_data, in bytes. */
export const CALLBACK_LIMIT = 64;

/** What an item button shows: full text, related items, departments. */
export type ItemAction = "f" | "r" | "d";

/** Parsed callback data. */
export type CallbackData =
  | { kind: "item"; action: ItemAction; docRef: string; id: string; lang: Lang }
  | { kind: "vote"; vote: "up" | "down"; answerId: string }
  | { kind: "check-start"; checkId: string; lang: Lang }
  | { kind: "check-step"; step: number; option: number };

const langCode = (lang: Lang) => (lang === "zh" ? "z" : "e");
const codeLang = (code: string | undefined): Lang | null =>
  code === "z" ? "zh" : code === "e" ? "en" : null;
const fits = (data: string) => Buffer.byteLength(data, "utf8") <= CALLBACK_LIMIT;

/** The short form of a document id: `#` and the first 8 hex digits of its SHA-1. */
export function docHash(doc: string): string {
  return `#${createHash("sha1").update(doc).digest("hex").slice(0, 8)}`;
}

/** callback_data for an item button; the document by id when it fits, else by its hash. */
export function itemData(action: ItemAction, doc: string, id: string, lang: Lang): string {
  const plain = `${action}:${doc}:${id}:${langCode(lang)}`;
  if (/^[A-Za-z0-9._-]+$/.test(doc) && fits(plain)) return plain;
  const hashed = `${action}:${docHash(doc)}:${id}:${langCode(lang)}`;
  if (!fits(hashed)) throw new Error(`callback_data over 64 bytes for item ${id}`);
  return hashed;
}

/** callback_data for a vote; null when the answer id is too long to carry. */
export function voteData(vote: "up" | "down", answerId: string): string | null {
  const data = `v:${vote === "up" ? "u" : "d"}:${answerId}`;
  return fits(data) ? data : null;
}

/** callback_data starting a guided check: by its id, or `#<index>` when the id cannot travel. */
export function checkStartData(checkId: string, index: number, lang: Lang): string {
  const data = `k:${checkId}:${langCode(lang)}`;
  return /^[A-Za-z0-9_-]{1,50}$/.test(checkId) && fits(data) ? data : `k:#${index}:${langCode(lang)}`;
}

/** callback_data choosing `option` at `step` of the guided check shown in the message. */
export function checkStepData(step: number, option: number): string {
  return `s:${step}:${option}`;
}

/** Parses callback data; null for anything this bot did not write. */
export function parseCallbackData(data: string): CallbackData | null {
  if (!fits(data)) return null;
  let m = /^([frd]):(#[0-9a-f]{8}|[A-Za-z0-9._-]+):(\d{1,3}(?:\.\d{1,3}){0,3}):([ze])$/.exec(data);
  if (m) {
    const lang = codeLang(m[4]);
    return lang
      ? { kind: "item", action: m[1] as ItemAction, docRef: m[2] ?? "", id: m[3] ?? "", lang }
      : null;
  }
  m = /^v:([ud]):(.+)$/.exec(data);
  if (m) return { kind: "vote", vote: m[1] === "u" ? "up" : "down", answerId: m[2] ?? "" };
  m = /^k:([A-Za-z0-9_-]{1,50}|#\d{1,3}):([ze])$/.exec(data);
  if (m) {
    const lang = codeLang(m[2]);
    return lang ? { kind: "check-start", checkId: m[1] ?? "", lang } : null;
  }
  m = /^s:(\d{1,2}):(\d{1,2})$/.exec(data);
  if (m) return { kind: "check-step", step: Number(m[1]), option: Number(m[2]) };
  return null;
}

/** The loaded document a reference in callback data or a deep link names (its id or its hash), or null. */
export function resolveDocRef(ref: string, docs: readonly string[]): string | null {
  if (ref.startsWith("#")) return docs.find((d) => docHash(d) === ref) ?? null;
  return docs.includes(ref) ? ref : null;
}

/**
 * Deep-link payload for an item (t.me/bot?start=…): `6_5` for the primary document (so links made
 * before several documents were loaded keep working), `6_5-<doc id>` for another, `6_5--<hash>` when
 * the id has characters a deep link cannot carry or is too long.
 */
export function deepLinkPayload(doc: string, id: string, primaryDoc: string | null): string {
  const item = id.replace(/\./g, "_");
  if (doc === primaryDoc) return item;
  const plain = `${item}-${doc}`;
  if (/^[A-Za-z0-9-]+$/.test(doc) && plain.length <= 64) return plain;
  return `${item}--${docHash(doc).slice(1)}`;
}

/** Parses a deep-link payload; `docRef` null means the primary document. */
export function parseDeepLink(payload: string): { docRef: string | null; id: string } | null {
  const m = /^(\d{1,3}(?:_\d{1,3}){0,3})(?:--([0-9a-f]{8})|-([A-Za-z0-9-]+))?$/.exec(payload.trim());
  if (!m) return null;
  const id = (m[1] ?? "").replace(/_/g, ".");
  return { docRef: m[2] ? `#${m[2]}` : (m[3] ?? null), id };
}
