/**
 * Units a task numbers on a line of their own (责任单位：①市生态环境局　②市经济和信息化局　③赤壁市人民政府) and then names by
 * number in its brackets (①牵头，③④负责，②配合；2025年9月底前): the numbers hold only within the task, so each task (or
 * the task a point belongs to) carries its own key.
 */

/** Circled numbers ① to ⑳. */
const CIRCLED = "\u2460-\u2473";

/** 责任单位：①A　②B…: a label ending in 单位 or 部门, then names each after its circled number. */
const KEY_LINE = new RegExp(
  `^[\\s\\u3000]*[\\p{Script=Han}]{0,6}(?:单位|部门)[：:][\\s\\u3000]*([${CIRCLED}][^\\n]+)$`,
  "mu",
);

/** The key a task's text holds (① → 市生态环境局), or null: at least two numbered names. */
export function readUnitKey(text: string): ReadonlyMap<string, string> | null {
  const line = KEY_LINE.exec(text);
  if (!line) return null;
  const key = new Map<string, string>();
  for (const m of (line[1] as string).matchAll(new RegExp(`([${CIRCLED}])([^${CIRCLED}]+)`, "gu"))) {
    const name = (m[2] as string).replace(/[\s\u3000，,、；;。]+$/u, "").trim();
    if (name !== "") key.set(m[1] as string, name);
  }
  return key.size >= 2 ? key : null;
}

/** A task's text without its key line (the line names the units, it gives them no role). */
export function withoutUnitKey(text: string): string {
  return text.replace(KEY_LINE, "");
}

/** A bracket's numbers written as the names they stand for (③④负责 → 赤壁市人民政府、嘉鱼县人民政府负责). */
export function withUnitNames(inner: string, key: ReadonlyMap<string, string>): string {
  return inner.replace(new RegExp(`[${CIRCLED}]+`, "gu"), (run) =>
    [...run].map((n) => key.get(n) ?? n).join("、"),
  );
}
