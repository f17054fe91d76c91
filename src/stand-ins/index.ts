/**
 * Local stand-ins of the platforms the chat channels talk to, for offline tests and benchmarks:
 * Telegram's Bot API and DingTalk's Stream gateway.
 */
export * from "./dingtalk.js";
export * from "./telegram-bot-api.js";
