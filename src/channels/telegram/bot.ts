/**
 * The Telegram adapter over the {@link Engine}: commands, free questions, buttons, inline mode.
 * `createBot` only builds the middleware; nothing touches the network until the bot is started
 * (see run.ts).
 */
import { autoRetry } from "@grammyjs/auto-retry";
import { limit } from "@grammyjs/ratelimiter";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type Context, GrammyError, HttpError, InlineKeyboard } from "grammy";
import type { InlineQueryResultArticle, LanguageCode, Message } from "grammy/types";
import type { Logger } from "pino";
import type { Citation } from "../../answer/schema.js";
import { isPassed, todayIso } from "../../corpus/deadlines.js";
import type { Item, Role } from "../../corpus/schema.js";
import type { DeadlineFilter, Engine } from "../../engine/index.js";
import { deepLinkPayload, itemData, parseCallbackData, parseDeepLink } from "./callbacks.js";
import { chooseCheck, resolveCheck } from "./check.js";
import type { BotConfig } from "./config.js";
import {
  departmentName,
  docIndex,
  grid,
  itemDepartments,
  itemKeyboard,
  itemLine,
  renderCitation,
  renderDepartments,
  renderItem,
  renderResponse,
} from "./format.js";
import { cleanText, escapeHtml as esc, splitHtml, truncate } from "./html.js";
import { type Lang, langOfText, langOfUser, STRINGS, t } from "./i18n.js";
import { UpdateTracker } from "./tracker.js";

export interface BotDeps {
  engine: Engine;
  config: BotConfig;
  logger: Logger;
}

/** Longest question passed to the engine; longer ones get a polite refusal. */
export const MAX_QUESTION = 1000;
/** Longest inline query looked up (Telegram's own limit). */
export const MAX_INLINE_QUERY = 256;
/** Update types the bot asks Telegram for. */
export const ALLOWED_UPDATES = ["message", "callback_query", "inline_query"] as const;

export const COMMANDS = ["start", "help", "clause", "dept", "deadlines", "check", "about"] as const;

/** setMyCommands lists: English by default, Chinese for zh clients. */
export function commandLists(): Array<{
  language_code?: LanguageCode;
  commands: Array<{ command: string; description: string }>;
}> {
  const list = (lang: Lang) => COMMANDS.map((c) => ({ command: c, description: STRINGS[lang].commands[c] }));
  return [{ commands: list("en") }, { language_code: "zh", commands: list("zh") }];
}

const trackers = new WeakMap<Bot, UpdateTracker>();

/** The tracker of a bot made by {@link createBot}. */
export function trackerOf(bot: Bot): UpdateTracker {
  const tracker = trackers.get(bot);
  if (!tracker) throw new Error("not a bot made by createBot");
  return tracker;
}

/** An error as a log field: no payload (it holds message texts), no token. */
export function errorFields(err: unknown, token: string): Record<string, unknown> {
  const scrub = (s: string) => (token ? s.split(token).join("[token]") : s);
  if (err instanceof GrammyError)
    return { name: err.name, method: err.method, code: err.error_code, message: scrub(err.description) };
  if (err instanceof HttpError)
    return { name: err.name, message: scrub(err.message), cause: scrub(String(err.error)) };
  if (err instanceof Error)
    return { name: err.name, message: scrub(err.message), stack: scrub(err.stack ?? "") };
  return { message: scrub(String(err)) };
}

const answeredCallbacks = new WeakSet<Context>();

/** Answers a callback query at most once per update. */
async function answerCallback(ctx: Context, text?: string, alert = false): Promise<void> {
  if (!ctx.callbackQuery || answeredCallbacks.has(ctx)) return;
  answeredCallbacks.add(ctx);
  await ctx.answerCallbackQuery(text ? { text: truncate(text, 200), show_alert: alert } : undefined);
}

function isGroup(ctx: Context): boolean {
  return ctx.chat?.type === "group" || ctx.chat?.type === "supergroup";
}

/** The bot's own command at the start of a message (`/clause`, `/clause@thisbot`), if any. */
function ownCommand(ctx: Context, msg: Message): boolean {
  const text = msg.text ?? msg.caption ?? "";
  const entity = (msg.entities ?? msg.caption_entities ?? []).find(
    (e) => e.type === "bot_command" && e.offset === 0,
  );
  if (!entity) return false;
  const [, at] = text.slice(0, entity.length).split("@");
  return at === undefined || at.toLowerCase() === ctx.me.username.toLowerCase();
}

/** Whether a group message is meant for the bot: its command, a mention, or a reply to it. */
function addressedInGroup(ctx: Context, msg: Message): boolean {
  if (ownCommand(ctx, msg)) return true;
  if (msg.reply_to_message?.from?.id === ctx.me.id) return true;
  const text = msg.text ?? msg.caption ?? "";
  const mention = `@${ctx.me.username}`.toLowerCase();
  for (const e of msg.entities ?? msg.caption_entities ?? []) {
    if (e.type === "mention" && text.slice(e.offset, e.offset + e.length).toLowerCase() === mention)
      return true;
    if (e.type === "text_mention" && e.user?.id === ctx.me.id) return true;
  }
  return false;
}

/** The question in a message, without the bot's @mention. */
function questionText(ctx: Context, text: string): string {
  const mention = new RegExp(`@${ctx.me.username.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "gi");
  return cleanText(text).replace(mention, " ").replace(/\s+/g, " ").trim();
}

function langFor(ctx: Context, text?: string): Lang {
  return (text ? langOfText(text) : null) ?? langOfUser(ctx.from?.language_code);
}

/** A Citation for an item, so inline mode and /clause share the citation layout. */
function itemCitation(item: Item): Citation {
  return {
    doc: item.doc,
    id: item.id,
    label: item.label,
    title: item.title,
    quote: item.text,
    score: 1,
    departments: itemDepartments(item).map((d) => ({ name: d.name, role: d.role })),
    deadlines: item.deadlines.map((d) => ({
      text: d.text,
      date: d.date,
      passed: isPassed(d.date, todayIso()),
    })),
  };
}

export function createBot(deps: BotDeps): Bot {
  const { engine, config, logger } = deps;
  const bot = new Bot(config.token, { client: { apiRoot: config.apiRoot } });
  const tracker = new UpdateTracker();
  trackers.set(bot, tracker);
  const plans = engine.plans;
  const checks = engine.guidedChecks();
  const rc = () => ({ plans, today: engine.today() });

  // --- API: bounded retries on 429/5xx (getUpdates is retried by the runner itself, sooner), and
  // the offset bookkeeping for a graceful stop.
  const retry = autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 10 });
  bot.api.config.use((prev, method, payload, signal) =>
    method === "getUpdates" ? prev(method, payload, signal) : retry(prev, method, payload, signal),
  );
  bot.api.config.use(async (prev, method, payload, signal) => {
    const res = await prev(method, payload, signal);
    if (method === "getUpdates" && res.ok && Array.isArray(res.result)) {
      for (const u of res.result as Array<{ update_id: number }>)
        if (u.update_id > tracker.lastFetchedId) tracker.lastFetchedId = u.update_id;
    } else if (!res.ok) {
      logger.warn({ method, code: res.error_code, description: res.description }, "Bot API call failed");
    }
    return res;
  });

  const findItem = (doc: number, id: string): Item | null =>
    plans[doc]?.items.find((i) => i.id === id) ?? null;

  /** Sends HTML, split on paragraph boundaries; the keyboard goes under the last part. */
  async function send(
    ctx: Context,
    html: string,
    keyboard?: InlineKeyboard,
    replyTo?: number,
  ): Promise<void> {
    const parts = splitHtml(html);
    for (const [i, part] of parts.entries()) {
      const last = i === parts.length - 1;
      await ctx.reply(part, {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        ...(last && keyboard ? { reply_markup: keyboard } : {}),
        ...(i === 0 && replyTo !== undefined
          ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } }
          : {}),
      });
    }
  }

  /** In groups, replies quote the message they answer. */
  const replyTarget = (ctx: Context) => (isGroup(ctx) ? ctx.msg?.message_id : undefined);

  async function showItem(ctx: Context, item: Item, lang: Lang): Promise<void> {
    await send(
      ctx,
      renderItem(item, rc(), lang),
      itemKeyboard(docIndex(plans, item.doc), item.id, lang),
      replyTarget(ctx),
    );
  }

  async function answerQuestion(ctx: Context, raw: string): Promise<void> {
    const text = questionText(ctx, raw);
    const lang = langFor(ctx, text);
    if (text.length === 0) return send(ctx, esc(t(lang).emptyQuestion), undefined, replyTarget(ctx));
    if (text.length > MAX_QUESTION)
      return send(ctx, esc(t(lang).tooLong(MAX_QUESTION)), undefined, replyTarget(ctx));
    // Show "typing…" only when the engine is slow, to spare an API call for quick answers.
    const typing = setTimeout(() => {
      ctx.replyWithChatAction("typing").catch(() => {});
    }, 400);
    let response: Awaited<ReturnType<Engine["answer"]>>;
    try {
      response = await engine.answer(text);
    } finally {
      clearTimeout(typing);
    }
    logger.debug({ update_id: ctx.update.update_id, question: text, status: response.status }, "answered");
    const rendered = renderResponse(response, rc());
    await send(ctx, rendered.html, rendered.keyboard, replyTarget(ctx));
  }

  // --- Middleware, in order.

  // 1. Accounting and structured logs (never message texts above debug).
  bot.use(async (ctx, next) => {
    tracker.begin();
    const started = performance.now();
    try {
      await next();
    } finally {
      tracker.end();
      const type = Object.keys(ctx.update).find((k) => k !== "update_id") ?? "unknown";
      logger.info(
        {
          update_id: ctx.update.update_id,
          type,
          chat_id: ctx.chat?.id,
          ms: Math.round(performance.now() - started),
        },
        "update handled",
      );
    }
  });

  // 2. One chat at a time, in order; other chats run concurrently.
  bot.use(sequentialize((ctx: Context) => (ctx.chat?.id ?? ctx.from?.id)?.toString()));

  // 3. Updates the bot does not serve: edits, channel posts; non-addressed group traffic.
  bot.use(async (ctx, next) => {
    const u = ctx.update;
    if (u.edited_message || u.channel_post || u.edited_channel_post) {
      logger.debug({ update_id: u.update_id }, "ignored update type");
      return;
    }
    if (u.message && isGroup(ctx) && !addressedInGroup(ctx, u.message)) return;
    if (u.message && ctx.chat?.type === "channel") return;
    await next();
  });

  // 4. Allowlist.
  if (config.allowedChatIds) {
    const allowed = config.allowedChatIds;
    bot.use(async (ctx, next) => {
      const id = ctx.chat?.id ?? ctx.from?.id;
      if (id !== undefined && allowed.has(id)) return next();
      const lang = langOfUser(ctx.from?.language_code);
      logger.info({ update_id: ctx.update.update_id, chat_id: id }, "chat not on the allowlist");
      if (ctx.callbackQuery) await answerCallback(ctx, t(lang).notAllowed, true);
      else if (ctx.inlineQuery) await ctx.answerInlineQuery([], { cache_time: 60, is_personal: true });
      else if (ctx.message) await ctx.reply(esc(t(lang).notAllowed), { parse_mode: "HTML" });
    });
  }

  // 5. Per-user rate limit; the first excess in a window gets a polite note, the rest are dropped.
  const notified = new Map<string, number>();
  bot.use(
    limit({
      timeFrame: config.rateLimit.windowMs,
      limit: config.rateLimit.max,
      alwaysReply: true,
      keyGenerator: (ctx: Context) => ctx.from?.id.toString(),
      onLimitExceeded: async (ctx: Context) => {
        const lang = langOfUser(ctx.from?.language_code);
        const key = String(ctx.from?.id);
        logger.info({ update_id: ctx.update.update_id, user_id: ctx.from?.id }, "rate limited");
        try {
          if (ctx.callbackQuery) return await answerCallback(ctx, t(lang).rateLimited);
          if (ctx.inlineQuery) return await ctx.answerInlineQuery([], { cache_time: 5, is_personal: true });
          const last = notified.get(key) ?? 0;
          if (Date.now() - last < config.rateLimit.windowMs) return;
          notified.set(key, Date.now());
          if (ctx.message) await ctx.reply(esc(t(lang).rateLimited), { parse_mode: "HTML" });
        } catch (err) {
          logger.warn({ err: errorFields(err, config.token) }, "rate-limit notice failed");
        }
      },
    }),
  );

  // --- Commands.
  bot.command("start", async (ctx) => {
    const link = parseDeepLink(ctx.match);
    const lang = langOfUser(ctx.from?.language_code);
    if (link) {
      const item = findItem(link.doc, link.id);
      if (item) return showItem(ctx, item, lang);
    }
    if (ctx.match.trim() === "help") return send(ctx, t(lang).help, undefined, replyTarget(ctx));
    const name = ctx.from?.first_name ?? "";
    await send(ctx, esc(t(lang).start(cleanText(name).slice(0, 64))), undefined, replyTarget(ctx));
  });

  bot.command("help", async (ctx) => {
    await send(ctx, t(langFor(ctx, ctx.match)).help, undefined, replyTarget(ctx));
  });

  bot.command("clause", async (ctx) => {
    const ref = cleanText(ctx.match).trim();
    const lang = langFor(ctx, /\p{Script=Han}/u.test(ref) ? "" : ref);
    if (!ref) return send(ctx, esc(t(lang).clauseUsage), undefined, replyTarget(ctx));
    const item = ref.length <= 64 ? engine.findItem(ref) : null;
    if (!item) return send(ctx, esc(t(lang).itemNotFound(truncate(ref, 64))), undefined, replyTarget(ctx));
    await showItem(ctx, item, lang);
  });

  bot.command("dept", async (ctx) => {
    const name = cleanText(ctx.match).trim();
    const lang = langFor(ctx, name);
    const s = t(lang);
    if (!name) return send(ctx, esc(s.deptUsage), undefined, replyTarget(ctx));
    const listing = name.length <= 100 ? engine.departmentItems(name) : null;
    if (!listing) return send(ctx, esc(s.deptUnknown(truncate(name, 64))), undefined, replyTarget(ctx));
    const names = listing.departments.map((d) => departmentName(d, lang)).join(lang === "zh" ? "、" : "; ");
    const blocks = [`<b>${esc(s.deptTitle(names))}</b>`];
    if (listing.entries.length === 0) blocks.push(esc(s.deptNone));
    for (const role of ["lead", "responsible", "support"] as Role[]) {
      const entries = listing.entries.filter((e) => e.role === role);
      if (entries.length === 0) continue;
      const seen = new Set<string>();
      const lines = [`<b>${esc(s.roles[role])}</b> (${entries.length})`];
      for (const e of entries) {
        const key = `${e.item.doc}:${e.item.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        lines.push(itemLine(e.item) + (e.viaStandingNote ? ` <i>(${esc(s.viaStandingNote)})</i>` : ""));
      }
      blocks.push(lines.join("\n"));
    }
    await send(ctx, blocks.join("\n\n"), undefined, replyTarget(ctx));
  });

  bot.command("deadlines", async (ctx) => {
    const arg = cleanText(ctx.match).trim().toLowerCase();
    const lang = langOfUser(ctx.from?.language_code);
    const s = t(lang);
    let filter: DeadlineFilter = {};
    let what = s.deadlineFilter.all;
    if (/^\d{4}$/.test(arg)) {
      filter = { year: Number(arg) };
      what = s.deadlineFilter.year(Number(arg));
    } else if (["overdue", "passed", "past", "已过期", "逾期", "过期"].includes(arg)) {
      filter = { state: "passed" };
      what = s.deadlineFilter.passed;
    } else if (["open", "upcoming", "pending", "未到期", "未过期"].includes(arg)) {
      filter = { state: "open" };
      what = s.deadlineFilter.open;
    } else if (arg !== "" && arg !== "all" && arg !== "全部") {
      return send(ctx, esc(s.deadlinesUsage), undefined, replyTarget(ctx));
    }
    const list = engine.deadlineItems(filter);
    const blocks = [`<b>${esc(s.deadlinesTitle(what))}</b> — ${esc(engine.today())}`];
    if (list.length === 0) blocks.push(esc(s.deadlinesNone));
    const byDate = new Map<string, typeof list>();
    for (const entry of list) {
      const group = byDate.get(entry.deadline.date) ?? [];
      group.push(entry);
      byDate.set(entry.deadline.date, group);
    }
    for (const [date, entries] of byDate) {
      const passed = entries[0] ? isPassed(entries[0].deadline.date, todayIso()) : false;
      const lines = [`<b>${esc(date)}</b> ${passed ? `⏰ ${esc(s.passed)}` : `🕒 ${esc(s.open)}`}`];
      for (const { item, deadline } of entries)
        lines.push(`• <b>${esc(item.label)}</b> ${esc(truncate(item.title, 80))} — ${esc(deadline.text)}`);
      blocks.push(lines.join("\n"));
    }
    await send(ctx, blocks.join("\n\n"), undefined, replyTarget(ctx));
  });

  bot.command("check", async (ctx) => {
    const lang = langFor(ctx, ctx.match);
    const choose = chooseCheck(checks, lang);
    if (!choose) return send(ctx, esc(t(lang).checkNone), undefined, replyTarget(ctx));
    // With a single check, go straight to its first step.
    const only = resolveCheck(checks, 0, lang, []);
    if (choose.keyboard.inline_keyboard.length === 1 && only?.kind === "step")
      return send(ctx, only.html, only.keyboard, replyTarget(ctx));
    await send(ctx, choose.html, choose.keyboard, replyTarget(ctx));
  });

  bot.command("about", async (ctx) => {
    const lang = langFor(ctx, ctx.match);
    const s = t(lang);
    const f = s.aboutFields;
    const plan = plans[0];
    if (!plan) return;
    const m = plan.meta;
    const sep = lang === "zh" ? ":" : ": ";
    const row = (k: string, v: string | null | undefined) => (v ? `${esc(k)}${sep}${esc(v)}` : null);
    const lines = [
      `<b>${esc(s.about)}</b>`,
      row(f.planTitle, m.planTitle),
      row(f.title, m.title),
      row(f.issuer, m.issuer),
      row(f.docNumber, m.docNumber),
      row(f.signed, m.signed),
      row(f.published, m.published),
      row(f.effective, m.effective),
      row(f.indexNumber, m.indexNumber),
      row(f.sourceOffice, m.sourceOffice),
      row(f.implements, m.implements.join(lang === "zh" ? "、" : ", ")),
      row(f.items, String(plan.items.length)),
    ].filter((x): x is string => x !== null);
    const others = plans
      .slice(1)
      .map((p) => `• ${esc(p.meta.planTitle)}${p.meta.docNumber ? ` (${esc(p.meta.docNumber)})` : ""}`);
    const blocks = [lines.join("\n")];
    if (others.length > 0) blocks.push([`<b>${esc(f.others)}</b>`, ...others].join("\n"));
    blocks.push(`<i>${esc(s.aboutNote)}</i>`);
    await send(ctx, blocks.join("\n\n"), undefined, replyTarget(ctx));
  });

  // --- Buttons.
  bot.on("callback_query:data", async (ctx) => {
    const data = parseCallbackData(ctx.callbackQuery.data);
    const lang = data?.lang ?? langOfUser(ctx.from.language_code);
    const s = t(lang);
    if (!data) {
      logger.info({ update_id: ctx.update.update_id }, "unknown callback data");
      return answerCallback(ctx, s.unknownButton);
    }
    if (data.kind === "check") {
      const state = resolveCheck(checks, data.check, lang, data.choices);
      if (!state) return answerCallback(ctx, s.checkExpired);
      if (state.kind === "step") {
        await answerCallback(ctx);
        await editOrSend(ctx, state.html, state.keyboard);
        return;
      }
      await answerCallback(ctx, s.checkDone);
      await editOrSend(ctx, state.summary);
      const response = await engine.answer(state.question);
      const rendered = renderResponse(response, rc());
      await send(ctx, rendered.html, rendered.keyboard);
      return;
    }
    const item = findItem(data.doc, data.id);
    if (!item) return answerCallback(ctx, s.unknownButton);
    if (!ctx.chat) {
      // A button under an inline message: there is no chat to send to.
      return answerCallback(ctx, `${item.label} ${item.title}`, true);
    }
    await answerCallback(ctx);
    if (data.action === "f") return showItem(ctx, item, lang);
    if (data.action === "r") {
      const related = engine.related(item, 5);
      if (related.length === 0) return send(ctx, esc(s.relatedNone));
      const keyboard = grid(
        related.map((r) =>
          InlineKeyboard.text(
            truncate(`${r.label} ${r.title}`, 40),
            itemData("f", docIndex(plans, r.doc), r.id, lang),
          ),
        ),
        1,
      );
      const html = [`<b>${esc(s.relatedTitle(item.label))}</b>`, ...related.map(itemLine)].join("\n");
      return send(ctx, html, keyboard);
    }
    const depts = renderDepartments(itemDepartments(item), lang);
    await send(
      ctx,
      `<b>${esc(s.deptOfItem(item.label))}</b> ${esc(item.title)}\n\n${depts ?? esc(s.deptOfItemNone)}`,
    );
  });

  async function editOrSend(ctx: Context, html: string, keyboard?: InlineKeyboard): Promise<void> {
    if (!ctx.callbackQuery?.message) return send(ctx, html, keyboard);
    try {
      await ctx.editMessageText(html, {
        parse_mode: "HTML",
        ...(keyboard ? { reply_markup: keyboard } : {}),
      });
    } catch (err) {
      if (err instanceof GrammyError && /not modified/i.test(err.description)) return;
      if (err instanceof GrammyError && err.error_code === 400) return send(ctx, html, keyboard);
      throw err;
    }
  }

  // Callback queries without data (games) still get an answer.
  bot.on("callback_query", (ctx) => answerCallback(ctx, t(langOfUser(ctx.from.language_code)).unknownButton));

  // --- Inline mode.
  bot.on("inline_query", async (ctx) => {
    const query = cleanText(ctx.inlineQuery.query).trim().slice(0, MAX_INLINE_QUERY);
    const lang = langFor(ctx, query);
    const s = t(lang);
    if (!query) {
      await ctx.answerInlineQuery([], {
        cache_time: 300,
        button: { text: s.inlineHint, start_parameter: "help" },
      });
      return;
    }
    const citations: Citation[] = [];
    const exact = engine.findItem(query);
    if (exact) citations.push(itemCitation(exact));
    for (const c of await engine.search(query, 50)) citations.push(c);
    const seen = new Set<string>();
    const results: InlineQueryResultArticle[] = [];
    for (const c of citations) {
      const doc = docIndex(plans, c.doc);
      const id = `${doc}:${c.id}`;
      if (seen.has(id)) continue;
      seen.add(id);
      results.push({
        type: "article",
        id,
        title: truncate(`${c.label} ${c.title}`, 100),
        description: truncate(c.quote.replace(/\s+/g, " "), 120),
        input_message_content: {
          message_text: citationMessage(c, lang),
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
        },
        reply_markup: new InlineKeyboard().url(
          s.openInBot,
          `https://t.me/${ctx.me.username}?start=${deepLinkPayload(doc, c.id)}`,
        ),
      });
      if (results.length >= 50) break;
    }
    await ctx.answerInlineQuery(results, {
      cache_time: 300,
      ...(results.length === 0 ? { button: { text: s.inlineNone, start_parameter: "help" } } : {}),
    });
  });

  /** A citation that fits one message: the quote is shortened when the whole would not. */
  function citationMessage(c: Citation, lang: Lang): string {
    let quote = c.quote;
    let html = renderCitation(c, rc(), lang);
    while (html.length > 4000 && quote.length > 50) {
      quote = truncate(quote, Math.floor(quote.length * 0.8));
      html = renderCitation({ ...c, quote }, rc(), lang);
    }
    return html;
  }

  // --- Free questions (an unknown command gets a pointer to /help).
  bot.on("message:text", async (ctx) => {
    if (ownCommand(ctx, ctx.message)) {
      const lang = langOfUser(ctx.from?.language_code);
      const usage = COMMANDS.map((c) => `/${c}`).join(" ");
      return send(ctx, `${esc(t(lang).unknownCommand)}\n${usage}`, undefined, replyTarget(ctx));
    }
    await answerQuestion(ctx, ctx.message.text);
  });

  // Stickers, photos, voice …: a hint in private chats (and when addressed in a group).
  bot.on("message", async (ctx) => {
    await send(ctx, esc(t(langOfUser(ctx.from?.language_code)).textOnly), undefined, replyTarget(ctx));
  });

  // --- Error boundary: log without texts or token, answer politely, never crash.
  bot.catch(async (err) => {
    const ctx = err.ctx;
    logger.error(
      { update_id: ctx.update.update_id, chat_id: ctx.chat?.id, err: errorFields(err.error, config.token) },
      "update failed",
    );
    const lang = langOfUser(ctx.from?.language_code);
    try {
      if (ctx.callbackQuery) await answerCallback(ctx, t(lang).error);
      else if (ctx.inlineQuery) await ctx.answerInlineQuery([], { cache_time: 5 });
      else if (ctx.message && ctx.chat) await ctx.reply(esc(t(lang).error), { parse_mode: "HTML" });
    } catch (e) {
      logger.warn(
        { update_id: ctx.update.update_id, err: errorFields(e, config.token) },
        "error reply failed",
      );
    }
  });

  return bot;
}
