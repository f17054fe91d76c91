/**
 * /check: the guided obligation checks of `engine.guidedChecks()`, one step a message edit, options
 * as buttons. The dialogue's state (which check, which options so far) is kept in the StateStore
 * under the chat and the message, so any instance can take the next step and an old button pressed
 * again is recognised as stale. The last step turns the choices into the check's question, which is
 * answered like any other.
 */
import { Composer, type Context, InlineKeyboard } from "grammy";
import type { GuidedCheck } from "../../../engine/index.js";
import { escapeHtml as esc } from "../../../render/index.js";
import { answerQuestion } from "../answering.js";
import { checkStartData, checkStepData, parseCallbackData } from "../callbacks.js";
import { type Lang, t } from "../i18n.js";
import { answerCallback, editOrReply, replyHtml } from "../reply.js";
import type { BotServices } from "../services.js";
import { langFor } from "./commands.js";

/** A dialogue in progress, as stored. */
interface CheckState {
  check: string;
  lang: Lang;
  /** The option chosen at each step so far. */
  choices: number[];
}

/** A guided check dialogue lasts at most this long (ms). */
const CHECK_TTL_MS = 24 * 60 * 60 * 1000;

/** The step message: the choices so far, then the next prompt with its options as buttons. */
function stepMessage(check: GuidedCheck, state: CheckState): { html: string; keyboard?: InlineKeyboard } {
  const { lang, choices } = state;
  const chosen = choices.map((choice, i) => {
    const step = check.steps[i];
    return `✔ ${esc(step?.prompt[lang] ?? "")} <b>${esc(step?.options[choice]?.label[lang] ?? "")}</b>`;
  });
  const lines = [`<b>${esc(check.title[lang])}</b>`, ...chosen];
  const step = check.steps[choices.length];
  if (!step) return { html: lines.join("\n") };
  const buttons = step.options.map((option, i) =>
    InlineKeyboard.text(option.label[lang], checkStepData(choices.length, i)),
  );
  const keyboard = InlineKeyboard.from(
    Array.from({ length: Math.ceil(buttons.length / 2) }, (_, row) => buttons.slice(row * 2, row * 2 + 2)),
  );
  lines.push(
    "",
    `<i>${esc(t(lang).checkStep(choices.length + 1, check.steps.length))}</i>`,
    esc(step.prompt[lang]),
  );
  return { html: lines.join("\n"), keyboard };
}

/** /check and its buttons. */
export function checkDialogue(s: BotServices): Composer<Context> {
  const c = new Composer<Context>();
  const checks = () => s.engine.guidedChecks();
  const key = (chat: number, message: number) => `${s.keyPrefix}:check:${chat}:${message}`;

  /** Shows a check's next step (or, when complete, answers it) in the message the buttons sit under. */
  async function advance(ctx: Context, check: GuidedCheck, state: CheckState): Promise<void> {
    const chat = ctx.chat?.id;
    if (chat === undefined) return;
    const { html, keyboard } = stepMessage(check, state);
    const messageId = ctx.callbackQuery?.message?.message_id;
    if (state.choices.length < check.steps.length) {
      const shown = await editOrReply(ctx, html, keyboard);
      if (shown !== null && shown !== messageId && messageId !== undefined)
        await s.store.delete(key(chat, messageId));
      if (shown !== null) await s.store.set(key(chat, shown), state, CHECK_TTL_MS);
      return;
    }
    if (messageId !== undefined) await s.store.delete(key(chat, messageId));
    await editOrReply(ctx, html);
    const values: Record<string, string> = {};
    state.choices.forEach((choice, i) => {
      const step = check.steps[i];
      const option = step?.options[choice];
      if (step && option) values[step.fact] = option.value;
    });
    await answerQuestion(ctx, s, check.toQuestion(values, state.lang));
  }

  c.command("check", async (ctx) => {
    const lang = langFor(ctx, ctx.match);
    const all = checks();
    const only = all.length === 1 ? all[0] : undefined;
    if (all.length === 0) return replyHtml(ctx, esc(t(lang).checkNone));
    if (only) return advance(ctx, only, { check: only.id, lang, choices: [] });
    const keyboard = InlineKeyboard.from(
      all.map((check, i) => [InlineKeyboard.text(check.title[lang], checkStartData(check.id, i, lang))]),
    );
    await replyHtml(ctx, esc(t(lang).checkChoose), keyboard);
  });

  c.callbackQuery(/^[ks]:/, async (ctx, next) => {
    const data = parseCallbackData(ctx.callbackQuery.data);
    const chat = ctx.chat?.id;
    const message = ctx.callbackQuery.message?.message_id;
    if (!data || (data.kind !== "check-start" && data.kind !== "check-step")) return next();
    if (chat === undefined || message === undefined) return answerCallback(ctx, t("zh").checkExpired);
    if (data.kind === "check-start") {
      const byIndex = /^#(\d+)$/.exec(data.checkId);
      const check = byIndex ? checks()[Number(byIndex[1])] : checks().find((x) => x.id === data.checkId);
      if (!check) return answerCallback(ctx, t(data.lang).checkExpired);
      await answerCallback(ctx);
      return advance(ctx, check, { check: check.id, lang: data.lang, choices: [] });
    }
    const state = await s.store.get<CheckState>(key(chat, message));
    const check = state ? checks().find((x) => x.id === state.check) : undefined;
    // No dialogue under this message, or this step was answered already (a second press).
    if (
      !state ||
      !check ||
      data.step !== state.choices.length ||
      !check.steps[data.step]?.options[data.option]
    )
      return answerCallback(ctx, t(state?.lang ?? "zh").checkExpired);
    const next_ = { ...state, choices: [...state.choices, data.option] };
    await answerCallback(
      ctx,
      next_.choices.length === check.steps.length ? t(state.lang).checkDone : undefined,
    );
    await advance(ctx, check, next_);
  });
  return c;
}
