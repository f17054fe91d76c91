/**
 * The HTTP app: the web chat page, the JSON API with its OpenAPI document and the MCP endpoint on one
 * Hono app over one engine — a thin adapter that tests drive with `app.request()` and ./server.ts
 * serves on a port. Other channels can mount their webhook handlers on it (`mount`).
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context, Handler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import type { ZodError } from "zod";
import { projectPaths } from "../../corpus/index.js";
import type { Engine } from "../../engine/index.js";
import { type AnswerLog, noAnswerLog } from "../log/index.js";
import { mcpHandler } from "../mcp/index.js";
import { Conversations, MemoryStore, type StateStore } from "../state/index.js";
import { registerApi } from "./api.js";
import { apiError, authenticate, type GuardEnv, rateLimit } from "./guard.js";
import { Asker } from "./session.js";
import { WebAssets } from "./static.js";

/** What the app is made of; everything but the engine has a default. */
export interface AppOptions {
  engine: Engine;
  /** Conversations and rate-limit counters (default: in memory). */
  store?: StateStore;
  /** Where answers and votes are recorded (default: nowhere, {@link noAnswerLog}). */
  log?: AnswerLog;
  /** Accepted API keys; none means the API is open to whoever reaches it (loopback only, see ./server.ts). */
  apiKeys?: readonly string[];
  /** Requests per minute per client on /v1 and /mcp; 0 switches the limit off (default 120). */
  ratePerMinute?: number;
  /** Largest request body on /v1 and /mcp, in bytes (default 16 KiB). */
  bodyLimitBytes?: number;
  /** The built page's folder (default dist/web under the project root); null serves no page. */
  webDir?: string | null;
  /** The address clients reach the server at, for the OpenAPI document's `servers` (default: as requested). */
  publicUrl?: string;
  /** Told about errors the app answers with 500, and about answer-log failures. */
  onError?: (error: unknown) => void;
}

/** The app and what the start-up needs of it. */
export interface HttpApp {
  /** The Hono app: `app.fetch` for a server, `app.request()` for tests. */
  readonly app: OpenAPIHono<GuardEnv>;
  /** The sessions-and-log core the API and MCP share. */
  readonly asker: Asker;
  /** The page's files, as loaded. */
  readonly web: WebAssets;
  /**
   * Routes every request for exactly `path` to `handler`, ahead of the app's own routes and its key
   * check (a webhook proves itself with its own secret): how the Telegram webhook shares the port.
   */
  mount(path: string, handler: Handler): void;
}

/** "question: too short; session: …" from a zod error. */
export function describeIssues(error: ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join(".") : "body"}: ${i.message}`).join("; ");
}

/** Builds the app over an engine. */
export function createApp(options: AppOptions): HttpApp {
  const engine = options.engine;
  const store = options.store ?? new MemoryStore();
  const onError = options.onError ?? (() => {});
  const apiKeys = options.apiKeys ?? [];
  const asker = new Asker(engine, new Conversations(store, "http"), options.log ?? noAnswerLog, onError);
  const web = WebAssets.load(
    options.webDir === undefined ? `${projectPaths().root}/dist/web` : options.webDir,
  );
  const mounts = new Map<string, Handler>();

  const app = new OpenAPIHono<GuardEnv>({
    defaultHook: (result, c) => {
      if (!result.success)
        return apiError(c, 400, { error: "bad_request", message: describeIssues(result.error) });
    },
  });

  app.use("*", async (c, next) => {
    const mounted = mounts.get(c.req.path);
    if (mounted) return mounted(c, next);
    await next();
    c.header("X-Content-Type-Options", "nosniff");
  });

  const limit = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: (c) =>
        apiError(c, 413, {
          error: "payload_too_large",
          message: `the request body is over ${maxSize} bytes`,
        }),
    });
  for (const path of ["/v1/*", "/mcp"]) {
    app.use(path, authenticate(apiKeys), rateLimit(store, options.ratePerMinute ?? 120));
  }
  app.use("/v1/*", limit(options.bodyLimitBytes ?? 16 * 1024));
  app.use("/mcp", limit(Math.max(options.bodyLimitBytes ?? 16 * 1024, 64 * 1024)));

  registerApi(app, engine, asker);

  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "One of the server's API_KEYS (only when it has any)",
  });
  app.doc("/openapi.json", (c) => ({
    openapi: "3.0.3",
    info: {
      title: "policy-bot API",
      version: "1.0.0",
      description:
        "Answers questions about Chinese government policy documents (air-quality action plans) with the exact " +
        "clause, the departments by role and the deadlines — offline. Every quote is verbatim from the document.",
    },
    servers: [{ url: options.publicUrl ?? new URL(c.req.url).origin }],
    ...(apiKeys.length > 0 ? { security: [{ bearerAuth: [] }] } : {}),
  }));

  app.all(
    "/mcp",
    mcpHandler((c) => ({ engine, asker, client: c.get("client") })),
  );

  app.on(["GET", "HEAD"], "*", (c, next) => {
    if (!web.ready && c.req.path === "/") {
      return c.text(
        "The web page is not built: run `npm run build` (npm install does it), then restart.",
        503,
      );
    }
    return web.serve(c) ?? next();
  });

  app.notFound((c) =>
    c.req.path.startsWith("/v1/")
      ? apiError(c, 404, { error: "not_found", message: `no route ${c.req.method} ${c.req.path}` })
      : c.text("Not found", 404),
  );

  app.onError((error, c: Context) => {
    if (error instanceof HTTPException && error.status < 500) {
      // Hono's validator: "Malformed JSON in request body" and the like.
      return apiError(c, error.status === 413 ? 413 : 400, {
        error: error.status === 413 ? "payload_too_large" : "bad_request",
        message: error.message || "bad request",
      });
    }
    onError(error);
    return apiError(c, 500, {
      error: "internal",
      message: "the server failed to answer; it has been logged",
    });
  });

  return {
    app,
    asker,
    web,
    mount: (path, handler) => {
      mounts.set(path, handler);
    },
  };
}
