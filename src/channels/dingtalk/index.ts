/**
 * The DingTalk (钉钉) robot in Stream mode: no public address needed. `startDingTalk(engine, deps)` is
 * what `npm start` calls when DINGTALK_CLIENT_ID and DINGTALK_CLIENT_SECRET are set.
 */
export { CHANNEL, DingTalkBot, type DingTalkBotDeps, dtmdLink } from "./bot.js";
export { type DingTalkConfig, DingTalkEnv, dingTalkConfigured, loadDingTalkConfig } from "./config.js";
export { addressed, isGroup, questionOf, RobotMessage, senderOf } from "./message.js";
export { type ReplyBody, type ReplyOptions, type ReplyResult, sendReply, splitMarkdown } from "./reply.js";
export { type DingTalkDeps, type DingTalkRunning, startDingTalk } from "./start.js";
export { type CallbackOutcome, StreamConnection, type StreamOptions } from "./stream.js";
