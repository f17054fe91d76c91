/**
 * Inline keyboards from the renderer's buttons: each {@link TelegramAction} becomes callback data
 * carrying the document's id, and answers that were logged get a 👍/👎 row.
 */
import { InlineKeyboard } from "grammy";
import type { TelegramButton } from "../../render/index.js";
import type { Lang } from "../../understand/index.js";
import { type ItemAction, itemData, voteData } from "./callbacks.js";

const ACTIONS: Record<TelegramButton["action"]["kind"], ItemAction> = {
  full: "f",
  related: "r",
  departments: "d",
};

/** The keyboard for rows of buttons (and a vote row when `answerId` is given); undefined when empty. */
export function keyboardOf(
  rows: readonly (readonly TelegramButton[])[],
  lang: Lang,
  answerId: string | null = null,
): InlineKeyboard | undefined {
  const keyboard = InlineKeyboard.from(
    rows
      .filter((row) => row.length > 0)
      .map((row) =>
        row.map((b) =>
          InlineKeyboard.text(b.text, itemData(ACTIONS[b.action.kind], b.action.doc, b.action.id, lang)),
        ),
      ),
  );
  const up = answerId ? voteData("up", answerId) : null;
  const down = answerId ? voteData("down", answerId) : null;
  if (up && down) keyboard.row().text("👍", up).text("👎", down);
  return keyboard.inline_keyboard.some((row) => row.length > 0) ? keyboard : undefined;
}
