/**
 * callback_data: short, self-describing and validated, so a button survives a restart and forged
 * data is recognised. Every string stays within Telegram's 64 bytes.
 *
 *   f:0:6.5:z   full text of item 6.5 of document 0, in Chinese (z) or English (e)
 *   r:0:6.5:e   related items
 *   d:0:6.5:z   departments of the item
 *   k:1:z:021   guided check 1, options chosen so far by index (one base-36 digit a step)
 */
import type { Lang } from "./i18n.js";

export const CALLBACK_LIMIT = 64;

export type ItemAction = "f" | "r" | "d";

export type CallbackData =
  | { kind: "item"; action: ItemAction; doc: number; id: string; lang: Lang }
  | { kind: "check"; check: number; lang: Lang; choices: number[] };

const langCode = (lang: Lang) => (lang === "zh" ? "z" : "e");
const codeLang = (code: string): Lang | null => (code === "z" ? "zh" : code === "e" ? "en" : null);

export function itemData(action: ItemAction, doc: number, id: string, lang: Lang): string {
  return checked(`${action}:${doc}:${id}:${langCode(lang)}`);
}

export function checkData(check: number, lang: Lang, choices: readonly number[]): string {
  return checked(`k:${check}:${langCode(lang)}:${choices.map((c) => c.toString(36)).join("")}`);
}

function checked(data: string): string {
  if (Buffer.byteLength(data, "utf8") > CALLBACK_LIMIT)
    throw new Error(`callback_data over 64 bytes: ${data}`);
  return data;
}

/** Parses callback data; null for anything this bot did not write. */
export function parseCallbackData(data: string): CallbackData | null {
  if (Buffer.byteLength(data, "utf8") > CALLBACK_LIMIT) return null;
  let m = /^([frd]):(\d{1,2}):(\d{1,2}\.\d{1,2}):([ze])$/.exec(data);
  if (m) {
    const lang = codeLang(m[4] ?? "");
    if (!lang) return null;
    return { kind: "item", action: m[1] as ItemAction, doc: Number(m[2]), id: m[3] ?? "", lang };
  }
  m = /^k:(\d{1,2}):([ze]):([0-9a-z]{0,40})$/.exec(data);
  if (m) {
    const lang = codeLang(m[2] ?? "");
    if (!lang) return null;
    return {
      kind: "check",
      check: Number(m[1]),
      lang,
      choices: [...(m[3] ?? "")].map((c) => Number.parseInt(c, 36)),
    };
  }
  return null;
}

/** Deep-link payload for an item: `6_5` for the first document, `d1-6_5` for another. */
export function deepLinkPayload(doc: number, id: string): string {
  const item = id.replace(".", "_");
  return doc === 0 ? item : `d${doc}-${item}`;
}

export function parseDeepLink(payload: string): { doc: number; id: string } | null {
  const m = /^(?:d(\d{1,2})-)?(\d{1,2})_(\d{1,2})$/.exec(payload.trim());
  if (!m) return null;
  return { doc: m[1] ? Number(m[1]) : 0, id: `${m[2]}.${m[3]}` };
}
