/**
 * Pure parts of the bot: configuration, callback data, HTML escaping and splitting.
 */
import { describe, expect, it } from "vitest";
import {
  CALLBACK_LIMIT,
  checkData,
  itemData,
  parseCallbackData,
  parseDeepLink,
} from "../src/channels/telegram/callbacks.js";
import { BotConfigError, loadBotConfig } from "../src/channels/telegram/config.js";
import { escapeHtml, MESSAGE_LIMIT, splitHtml } from "../src/channels/telegram/html.js";
import { parseTelegramHtml } from "../src/stand-ins/telegram-bot-api.js";

const TOKEN = "123456:ABCdef_ghi-JKLmnop";

describe("loadBotConfig", () => {
  it("applies defaults", () => {
    const c = loadBotConfig({ TELEGRAM_BOT_TOKEN: TOKEN });
    expect(c).toMatchObject({
      token: TOKEN,
      apiRoot: "https://api.telegram.org",
      mode: "polling",
      webhookUrl: null,
      webhookSecret: null,
      port: 8080,
      allowedChatIds: null,
      logLevel: "info",
      rateLimit: { max: 20, windowMs: 10_000 },
    });
  });

  it("reads every variable", () => {
    const c = loadBotConfig({
      TELEGRAM_BOT_TOKEN: ` ${TOKEN} `,
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081/",
      BOT_MODE: "Webhook",
      WEBHOOK_URL: "https://bot.example.org/hook",
      WEBHOOK_SECRET: "abc_DEF-123",
      PORT: "3000",
      ALLOWED_CHAT_IDS: "12345, -100987654321,",
      LOG_LEVEL: "DEBUG",
      RATE_LIMIT_MAX: "5",
      RATE_LIMIT_WINDOW_SECONDS: "30",
    });
    expect(c.token).toBe(TOKEN);
    expect(c.apiRoot).toBe("http://127.0.0.1:8081");
    expect(c.mode).toBe("webhook");
    expect(c.port).toBe(3000);
    expect([...(c.allowedChatIds ?? [])]).toEqual([12345, -100987654321]);
    expect(c.logLevel).toBe("debug");
    expect(c.rateLimit).toEqual({ max: 5, windowMs: 30_000 });
  });

  it("lists every invalid variable in one readable error, without the token", () => {
    let error: unknown;
    try {
      loadBotConfig({
        TELEGRAM_BOT_TOKEN: "not-a-token-secret",
        TELEGRAM_API_ROOT: "ftp://x",
        BOT_MODE: "push",
        PORT: "eighty",
        ALLOWED_CHAT_IDS: "12,abc",
        LOG_LEVEL: "loud",
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BotConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/^Invalid bot configuration:/);
    for (const name of [
      "TELEGRAM_BOT_TOKEN",
      "TELEGRAM_API_ROOT",
      "BOT_MODE",
      "PORT",
      "ALLOWED_CHAT_IDS",
      "LOG_LEVEL",
    ])
      expect(message).toContain(name);
    expect((error as BotConfigError).problems).toHaveLength(6);
    expect(message).not.toContain("not-a-token-secret");
  });

  it("requires a token, and a URL and secret in webhook mode", () => {
    expect(() => loadBotConfig({})).toThrow(/TELEGRAM_BOT_TOKEN is required/);
    expect(() => loadBotConfig({ TELEGRAM_BOT_TOKEN: TOKEN, BOT_MODE: "webhook" })).toThrow(
      /WEBHOOK_URL is required when BOT_MODE=webhook[\s\S]*WEBHOOK_SECRET is required/,
    );
    expect(() =>
      loadBotConfig({
        TELEGRAM_BOT_TOKEN: TOKEN,
        BOT_MODE: "webhook",
        WEBHOOK_URL: "http://insecure.example",
        WEBHOOK_SECRET: "bad secret!",
      }),
    ).toThrow(/WEBHOOK_URL must be an https:\/\/ URL[\s\S]*WEBHOOK_SECRET must be/);
  });
});

describe("callback data", () => {
  it("round-trips and stays within 64 bytes", () => {
    expect(parseCallbackData(itemData("f", 0, "6.5", "zh"))).toEqual({
      kind: "item",
      action: "f",
      doc: 0,
      id: "6.5",
      lang: "zh",
    });
    const long = checkData(
      12,
      "en",
      Array.from({ length: 40 }, (_, i) => i % 36),
    );
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(CALLBACK_LIMIT);
    expect(parseCallbackData(long)).toMatchObject({ kind: "check", check: 12, lang: "en" });
    expect(() =>
      checkData(
        1,
        "zh",
        Array.from({ length: 70 }, () => 1),
      ),
    ).toThrow(/64 bytes/);
  });

  it("rejects anything it did not write", () => {
    for (const bad of [
      "",
      "f",
      "f:0:6.5",
      "f:0:6.5:x",
      "q:0:6.5:z",
      "f:a:6.5:z",
      "k:0:z:ABC",
      "f:0:6.5:z:extra",
      "六",
    ])
      expect(parseCallbackData(bad), bad).toBeNull();
  });

  it("parses deep links", () => {
    expect(parseDeepLink("6_5")).toEqual({ doc: 0, id: "6.5" });
    expect(parseDeepLink("d1-3_2")).toEqual({ doc: 1, id: "3.2" });
    expect(parseDeepLink("help")).toBeNull();
    expect(parseDeepLink("")).toBeNull();
  });
});

describe("HTML", () => {
  it("escapes what Telegram's parser treats as markup", () => {
    const evil = `<b>x</b> & "q" <script>`;
    expect(parseTelegramHtml(escapeHtml(evil))).toBe(evil);
  });

  it("keeps short messages whole", () => {
    expect(splitHtml("<b>a</b>\n\nb")).toEqual(["<b>a</b>\n\nb"]);
    expect(splitHtml("   ")).toEqual([]);
  });

  it("splits long messages on paragraph boundaries into valid parts", () => {
    const paragraphs = Array.from(
      { length: 60 },
      (_, i) => `<b>第${i}段</b>\n${escapeHtml("内容<&>".repeat(30))}`,
    );
    const html = paragraphs.join("\n\n");
    const parts = splitHtml(html);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(p.startsWith("<b>第")).toBe(true);
      parseTelegramHtml(p);
    }
    expect(parts.join("\n\n")).toBe(html);
  });

  it("splits one huge paragraph inside tags without breaking tags or entities", () => {
    const html = `<b>Title</b>\n\n<blockquote>${escapeHtml("长文本&<>".repeat(2000))}\n${"行".repeat(5000)}</blockquote>`;
    const parts = splitHtml(html);
    expect(parts.length).toBeGreaterThan(2);
    let text = "";
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      text += parseTelegramHtml(p);
    }
    const original = parseTelegramHtml(html).replace(/\s+/g, "");
    expect(text.replace(/\s+/g, "")).toBe(original);
  });
});
