/**
 * `npm start`: the product. One HTTP server (HOST, default 127.0.0.1; PORT, default 3000) serving the
 * web chat page, the JSON API (/v1, /openapi.json) and MCP (/mcp); the chat channels start beside it
 * when their credentials are configured (.env or the environment). The terminal chat is `npm run chat`.
 */
import { config } from "dotenv";
import { bindRefusal, createApp, loadHttpConfig, startServer } from "../channels/http/index.js";
import { openAnswerLog } from "../channels/log/index.js";
import { createStore } from "../channels/state/index.js";
import { createEngine, engineOptionsFromEnv } from "../engine/index.js";

config({ quiet: true });

const say = (line: string) => process.stderr.write(`policy-bot: ${line}\n`);

async function main(): Promise<void> {
  const http = loadHttpConfig();
  const refusal = bindRefusal(http.host, http.apiKeys);
  if (refusal) throw new Error(refusal);
  // Conversations and rate limits: Redis when REDIS_URL is set (several instances), else memory.
  const store = await createStore(process.env);
  const engine = await createEngine(engineOptionsFromEnv());
  // Every answer and vote of every channel, for `npm run report` (ANSWER_LOG=off switches it off).
  const log = openAnswerLog({ onWarning: (m) => say(`answer log: ${m}`) });
  const web = createApp({
    engine,
    store,
    log,
    apiKeys: http.apiKeys,
    ratePerMinute: http.ratePerMinute,
    bodyLimitBytes: http.bodyLimitBytes,
    publicUrl: http.publicUrl,
    onError: (error) =>
      say(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });
  const server = await startServer(web.app.fetch, http);
  process.stdout.write(`policy-bot: web chat and API on ${server.url} (MCP at ${server.url}mcp)\n`);
  if (!web.web.ready) say("the web page is not built: run `npm run build`");

  // ── Chat channels: each starts when its credentials are set. A channel that receives webhooks mounts
  // its handler on this server with `web.mount(path, handler)` instead of opening a port of its own.
  const channels: Array<Promise<void>> = [];
  if (process.env.TELEGRAM_BOT_TOKEN) {
    const { startBot } = await import("../channels/telegram/index.js");
    channels.push(
      startBot(engine, {
        store,
        answerLog: log,
        // Webhook mode shares this server (and PORT) instead of opening a port of its own.
        mountWebhook: (path, handler) => web.mount(path, (c) => handler(c.req.raw)),
      }).catch((error: unknown) => {
        say(`telegram: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      }),
    );
  }
  const stoppers: Array<() => Promise<void>> = [];
  const { dingTalkConfigured } = await import("../channels/dingtalk/index.js");
  if (dingTalkConfigured(process.env)) {
    const { startDingTalk } = await import("../channels/dingtalk/index.js");
    // Resolves once connected (it retries until then); the web server is already serving meanwhile.
    const running = startDingTalk(engine, { store, log, handleSignals: false });
    stoppers.push(async () => (await running).stop());
    channels.push(
      running.then(
        (r) => r.done,
        (error: unknown) => {
          say(`dingtalk: ${error instanceof Error ? error.message : String(error)}`);
          process.exit(1);
        },
      ),
    );
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // Telegram stops on the same signal itself, DingTalk when told; give them a moment, then close the rest.
    await Promise.allSettled(stoppers.map((s) => s()));
    await Promise.race([Promise.allSettled(channels), new Promise((r) => setTimeout(r, 10_000).unref())]);
    await server.close();
    log.close();
    await store.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  say(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
