/**
 * The HTTP channel: the web chat page, the JSON API (+ OpenAPI) and MCP over Streamable HTTP on one
 * Hono app, and the server that listens for it.
 */
export { CHANNEL_HEADER } from "./api.js";
export { type AppOptions, createApp, describeIssues, type HttpApp } from "./app.js";
export { checkObligation, UnknownDocument } from "./check.js";
export { bindRefusal, type HttpConfig, isLoopback, loadHttpConfig } from "./config.js";
export { departmentDirectory } from "./directory.js";
export type { Client, GuardEnv } from "./guard.js";
export * from "./schemas.js";
export { type RunningServer, startServer } from "./server.js";
export { Asker, type AskInput, type AskOutput } from "./session.js";
export { WebAssets } from "./static.js";
