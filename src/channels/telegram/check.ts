/**
 * /check: a guided obligation check over the engine's guided checks (built from the rules files). The
 * dialog's whole state travels in the
 * buttons' callback_data (check index, language, the option index chosen at each step), so it needs
 * no session store and survives a restart; forged data is rejected by {@link resolveCheck}.
 */
import { InlineKeyboard } from "grammy";
import type { GuidedCheck } from "../../rules/index.js";
import { checkData } from "./callbacks.js";
import { grid } from "./format.js";
import { escapeHtml as esc } from "./html.js";
import { type Lang, t } from "./i18n.js";

/** The keyboard that lets the user pick a check. */
export function chooseCheck(
  checks: readonly GuidedCheck[],
  lang: Lang,
): { html: string; keyboard: InlineKeyboard } | null {
  if (checks.length === 0) return null;
  const keyboard = grid(
    checks.map((c, i) => InlineKeyboard.text(c.title[lang], checkData(i, lang, []))),
    1,
  );
  return { html: esc(t(lang).checkChoose), keyboard };
}

export type CheckState =
  | { kind: "step"; html: string; keyboard: InlineKeyboard }
  | { kind: "done"; check: GuidedCheck; values: Record<string, string>; summary: string; question: string };

/** The next step of a dialog, or its question once every step has an answer; null for forged data. */
export function resolveCheck(
  checks: readonly GuidedCheck[],
  index: number,
  lang: Lang,
  choices: readonly number[],
): CheckState | null {
  const check = checks[index];
  if (!check || check.steps.length === 0 || choices.length > check.steps.length) return null;
  const values: Record<string, string> = {};
  const chosen: string[] = [];
  for (const [i, choice] of choices.entries()) {
    const step = check.steps[i];
    const option = step?.options[choice];
    if (!step || !option) return null;
    values[step.fact] = option.value;
    chosen.push(`${esc(step.prompt[lang])} <b>${esc(option.label[lang])}</b>`);
  }
  const s = t(lang);
  const title = `<b>${esc(check.title[lang])}</b>`;
  if (choices.length === check.steps.length) {
    return {
      kind: "done",
      check,
      values,
      summary: [title, ...chosen.map((c) => `✔ ${c}`)].join("\n"),
      question: check.toQuestion(values, lang),
    };
  }
  const step = check.steps[choices.length];
  if (!step) return null;
  const keyboard = grid(
    step.options.map((option, i) =>
      InlineKeyboard.text(option.label[lang], checkData(index, lang, [...choices, i])),
    ),
    2,
  );
  const html = [
    title,
    ...chosen.map((c) => `✔ ${c}`),
    "",
    `<i>${esc(s.checkStep(choices.length + 1, check.steps.length))}</i>`,
    esc(step.prompt[lang]),
  ].join("\n");
  return { kind: "step", html, keyboard };
}
