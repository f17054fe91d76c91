/**
 * The commands: /start (with deep links to items), /help, /clause, /dept and /deadlines (each with
 * an optional document), /about. Each asks the engine and renders its payload; nothing here knows
 * about the documents' content.
 */
import { Composer, type Context } from "grammy";
import {
  citationHtml,
  cleanText,
  deadlineListingReply,
  departmentListingReply,
  documentsHtml,
  escapeHtml as esc,
  itemButtons,
  renderTelegram,
  truncate,
} from "../../../render/index.js";
import { answerQuestion } from "../answering.js";
import { parseDeepLink, resolveDocRef } from "../callbacks.js";
import { type Lang, langOfText, langOfUser, t } from "../i18n.js";
import { keyboardOf } from "../keyboard.js";
import { replyHtml } from "../reply.js";
import type { BotServices } from "../services.js";

/** The reply's language: the text's script when it has letters, else the user's Telegram language. */
export function langFor(ctx: Context, text = ""): Lang {
  return langOfText(text) ?? langOfUser(ctx.from?.language_code);
}

/** The loaded document a command argument names (its id, title, place or number), or null. */
export function documentNamed(s: BotServices, text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (s.docs.includes(trimmed)) return trimmed;
  return s.engine.understand(trimmed).docs[0] ?? null;
}

const PASSED_WORDS = new Set(["overdue", "passed", "past", "已过期", "逾期", "过期"]);
const OPEN_WORDS = new Set(["open", "upcoming", "pending", "未到期", "未过期"]);
const ALL_WORDS = new Set(["all", "全部"]);

/** /start, /help, /clause, /dept, /deadlines, /about. */
export function commands(s: BotServices): Composer<Context> {
  const c = new Composer<Context>();

  c.command("start", async (ctx) => {
    const payload = ctx.match.trim();
    const lang = langOfUser(ctx.from?.language_code);
    if (payload === "help") return replyHtml(ctx, t(lang).help);
    const link = parseDeepLink(payload);
    if (link) {
      const doc = link.docRef === null ? s.primaryDoc : resolveDocRef(link.docRef, s.docs);
      const item = doc ? s.engine.item(doc, link.id, lang) : null;
      if (item)
        return replyHtml(
          ctx,
          citationHtml(item, lang),
          keyboardOf(itemButtons(item.doc, item.id, lang), lang),
        );
    }
    const docs = s.engine
      .documents(lang)
      .map((d) => (lang === "zh" ? `《${d.name}》` : d.name))
      .join(lang === "zh" ? "、" : "; ");
    const name = truncate(cleanText(ctx.from?.first_name ?? ""), 64);
    await replyHtml(ctx, esc(t(lang).start(name, docs)));
  });

  c.command("help", (ctx) => replyHtml(ctx, t(langFor(ctx, ctx.match)).help));

  c.command("clause", async (ctx) => {
    const ref = cleanText(ctx.match).trim();
    // Item numbers have no letters of their own: a Chinese reference makes a Chinese reply.
    const lang = langFor(ctx, /\p{Script=Han}/u.test(ref) ? ref : "");
    if (!ref) return replyHtml(ctx, esc(t(lang).clauseUsage));
    await answerQuestion(ctx, s, ref, (r) => {
      const first = r.kind === "item" ? r.citations[0] : undefined;
      const item = first ? (s.engine.item(first.doc, first.id, lang) ?? first) : null;
      return item
        ? { reply: { html: citationHtml(item, lang), buttons: itemButtons(item.doc, item.id, lang) }, lang }
        : { reply: renderTelegram(r), lang: r.lang };
    });
  });

  c.command("dept", async (ctx) => {
    const text = cleanText(ctx.match).trim();
    const lang = langFor(ctx, text);
    if (!text) return replyHtml(ctx, esc(t(lang).deptUsage));
    const doc = documentNamed(s, text);
    const listing =
      text.length <= 100 ? s.engine.departmentTasks(text, { lang, ...(doc ? { doc } : {}) }) : null;
    if (!listing) return replyHtml(ctx, esc(t(lang).deptUnknown(truncate(text, 64))));
    const reply = departmentListingReply(listing, lang);
    await replyHtml(ctx, reply.html, keyboardOf(reply.buttons, lang));
  });

  c.command("deadlines", async (ctx) => {
    const text = cleanText(ctx.match).trim();
    const lang = langFor(ctx, text.replace(/\b(overdue|passed|past|open|upcoming|pending|all)\b/gi, ""));
    const filter: { year?: number; state?: "passed" | "open"; doc?: string } = {};
    const rest: string[] = [];
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const lower = word.toLowerCase();
      if (/^\d{4}$/.test(word)) filter.year = Number(word);
      else if (PASSED_WORDS.has(lower)) filter.state = "passed";
      else if (OPEN_WORDS.has(lower)) filter.state = "open";
      else if (!ALL_WORDS.has(lower)) rest.push(word);
    }
    if (rest.length > 0) {
      const doc = documentNamed(s, rest.join(" "));
      if (!doc) {
        const usage = /^[a-z]+$/i.test(rest.join(""))
          ? t(lang).deadlinesUsage
          : t(lang).unknownDocument(truncate(rest.join(" "), 64));
        return replyHtml(ctx, esc(usage));
      }
      filter.doc = doc;
    }
    const reply = deadlineListingReply(s.engine.deadlines(filter, lang), lang);
    await replyHtml(ctx, reply.html, keyboardOf(reply.buttons, lang));
  });

  c.command("about", (ctx) => {
    const lang = langFor(ctx, ctx.match);
    return replyHtml(ctx, documentsHtml(s.engine.documents(lang), lang));
  });

  return c;
}
