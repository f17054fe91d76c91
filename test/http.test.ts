// The HTTP app through Hono's app.request(): the JSON API, its OpenAPI document, keys, limits, the
// page's files and the mount point — no socket.

import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import {
  AnswerResult,
  CheckResult,
  createApp,
  DeadlineResult,
  ItemResult,
} from "../src/channels/http/index.js";
import { MemoryStore } from "../src/channels/state/index.js";
import type { Engine } from "../src/engine/index.js";
import { MemoryLog, testEngine } from "./http-fixtures.js";
import { tempDir } from "./temp-dir.js";

const SQ = "shangqiu-air-quality-2024";
const KEY = "k-0123456789abcdef";
let engine: Engine;
beforeAll(async () => {
  engine = await testEngine();
});

type App = ReturnType<typeof createApp>["app"];
const post = (app: App, path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const ask = async (app: App, question: string, session?: string, headers?: Record<string, string>) => {
  const res = await post(app, "/v1/answer", { question, session }, headers);
  expect(res.status).toBe(200);
  return AnswerResult.parse(await res.json());
};

describe("POST /v1/answer", () => {
  it("answers with the Response, a new session and the answer's id in the log", async () => {
    const log = new MemoryLog();
    const { app } = createApp({ engine, log, webDir: null });
    const r = await ask(app, "我的蛋鸡场设计存栏20万羽，要纳入氨排放试点吗");
    expect(r.kind).toBe("check");
    expect(r.payload.kind === "check" && r.payload.outcome).toBe("applies");
    expect(r.citations[0]?.label).toBe("六(五)");
    expect(r.session).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.answerId).toBe("a1");
    expect(log.records[0]).toMatchObject({
      channel: "api",
      question: "我的蛋鸡场设计存栏20万羽，要纳入氨排放试点吗",
    });
    expect(log.records[0]?.latencyMs).toBeGreaterThan(0);
  });

  it("keeps the conversation: a follow-up with the session is read against the previous answer", async () => {
    const { app } = createApp({ engine, webDir: null });
    const topic = await ask(app, "散煤治理");
    expect(topic.citations[0]?.label).toBe("三(四)");
    const followUp = await ask(app, "谁牵头？", topic.session);
    expect(followUp.session).toBe(topic.session);
    expect(followUp.kind).toBe("item");
    expect(followUp.payload.kind === "item" && followUp.payload.focus).toBe("departments");
    expect(followUp.citations[0]?.label).toBe("三(四)");
    // Without the session the same words have nothing to refer to.
    const alone = await ask(app, "谁牵头？");
    expect(alone.citations[0]?.label).not.toBe("三(四)");
  });

  it("keeps two API clients' sessions apart even when they send the same session id", async () => {
    const other = "k-fedcba9876543210";
    const { app } = createApp({ engine, webDir: null, apiKeys: [KEY, other] });
    const session = "shared-session-0001";
    await ask(app, "散煤治理", session, { authorization: `Bearer ${KEY}` });
    const mine = await ask(app, "谁牵头？", session, { authorization: `Bearer ${KEY}` });
    const theirs = await ask(app, "谁牵头？", session, { authorization: `Bearer ${other}` });
    expect(mine.citations[0]?.label).toBe("三(四)");
    expect(theirs.citations[0]?.label).not.toBe("三(四)");
  });

  it("logs the web page's questions as channel web, and still answers when the log fails", async () => {
    const log = new MemoryLog();
    const errors: unknown[] = [];
    const { app } = createApp({ engine, log, webDir: null, onError: (e) => errors.push(e) });
    await ask(app, "六(五)", undefined, { "x-policy-bot-channel": "web" });
    expect(log.records[0]?.channel).toBe("web");
    log.failing = true;
    const r = await ask(app, "六(五)");
    expect(r.answerId).toBeNull();
    expect(r.citations[0]?.label).toBe("六(五)");
    expect(String(errors[0])).toContain("disk full");
  });

  it("rejects bad input with 400 and a message naming the field", async () => {
    const { app } = createApp({ engine, webDir: null });
    const cases: Array<[unknown, RegExp]> = [
      ["{not json", /Malformed JSON/],
      [{}, /^question: /],
      [{ question: 42 }, /^question: .*string/],
      [{ question: "   " }, /question: question is empty/],
      [{ question: "六(五)", session: "short" }, /session: a session id is/],
      [{ question: "x".repeat(2001) }, /question: .*2000/],
    ];
    for (const [body, message] of cases) {
      const res = await post(app, "/v1/answer", body);
      expect(res.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      const json = (await res.json()) as { error: string; message: string };
      expect(json.error).toBe("bad_request");
      expect(json.message).toMatch(message);
    }
  });

  it("refuses a body over the limit with 413", async () => {
    const { app } = createApp({ engine, webDir: null, bodyLimitBytes: 1024 });
    const res = await post(app, "/v1/answer", { question: "六".repeat(2000) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: "payload_too_large" });
  });
});

describe("look-ups", () => {
  it("GET /v1/items/{doc}/{id}: the item with its full text, the quote inside it, and related items", async () => {
    const { app } = createApp({ engine, webDir: null });
    const res = await app.request(`/v1/items/${SQ}/6.5`);
    expect(res.status).toBe(200);
    const { item, related } = ItemResult.parse(await res.json());
    expect(item.label).toBe("六(五)");
    expect(item.text.slice(item.quoteStart, item.quoteStart + item.quote.length)).toBe(item.quote);
    expect(item.implements?.label).toBe("六(二十四)");
    expect(related.length).toBeGreaterThan(0);
    const en = ItemResult.parse(await (await app.request(`/v1/items/${SQ}/6.5?lang=en`)).json());
    expect(en.item.docName).toBe("Shangqiu Air Quality Continuous Improvement Action Plan");
    expect((await app.request(`/v1/items/${SQ}/9.99`)).status).toBe(404);
    expect((await app.request("/v1/items/no-such-plan/6.5")).status).toBe(404);
    expect((await app.request(`/v1/items/${SQ}/six`)).status).toBe(400);
    expect((await app.request(`/v1/items/${SQ}/6.5?lang=fr`)).status).toBe(400);
  });

  it("GET /v1/departments/{name}: tasks by role, by any name; ?doc= narrows; unknown → 404", async () => {
    const { app } = createApp({ engine, webDir: null });
    const res = await app.request(`/v1/departments/${encodeURIComponent("城管局")}`);
    expect(res.status).toBe(200);
    const tasks = (await res.json()) as {
      departments: Array<{ name: string }>;
      groups: Array<{ entries: Array<{ label: string; role: string }> }>;
    };
    expect(tasks.departments[0]?.name).toBe("市城市管理局");
    expect(tasks.groups[0]?.entries.find((e) => e.role === "lead")?.label).toBe("五(一)");
    const scoped = await app.request(
      `/v1/departments/${encodeURIComponent("Public Security Bureau")}?doc=${SQ}&lang=en`,
    );
    expect(scoped.status).toBe(200);
    expect((await app.request(`/v1/departments/${encodeURIComponent("天气局")}`)).status).toBe(404);
    expect((await app.request(`/v1/departments/${encodeURIComponent("城管局")}?doc=nope`)).status).toBe(404);
  });

  it("GET /v1/departments: the directory the department view lists", async () => {
    const { app } = createApp({ engine, webDir: null });
    const dir = (await (await app.request("/v1/departments")).json()) as {
      departments: Array<{ name: string; items: number; leads: number }>;
    };
    expect(dir.departments[0]?.name).toBe("市生态环境局");
    expect(dir.departments.find((d) => d.name === "市城市管理局")).toMatchObject({ items: 9, leads: 1 });
  });

  it("GET /v1/deadlines: by year and state as of the server's today; bad filters → 400", async () => {
    const { app } = createApp({ engine, webDir: null });
    const res = await app.request("/v1/deadlines?year=2024&state=passed");
    const listing = DeadlineResult.parse(await res.json());
    expect(listing.total).toBeGreaterThan(0);
    expect(listing.today).toBe("2025-06-01");
    const entries = listing.groups.flatMap((g) => g.entries);
    expect(entries.every((e) => e.deadline.date.startsWith("2024") && e.deadline.passed)).toBe(true);
    const open = DeadlineResult.parse(await (await app.request(`/v1/deadlines?state=open&doc=${SQ}`)).json());
    expect(open.groups.map((g) => g.doc)).toEqual([SQ]);
    expect(open.groups.flatMap((g) => g.entries).every((e) => !e.deadline.passed)).toBe(true);
    for (const bad of ["year=abc", "state=late", "year=2024.5"]) {
      const r = await app.request(`/v1/deadlines?${bad}`);
      expect(r.status, bad).toBe(400);
    }
  });

  it("GET /v1/documents and /healthz", async () => {
    const { app } = createApp({ engine, webDir: null });
    const docs = (await (await app.request("/v1/documents")).json()) as {
      documents: Array<{ doc: string }>;
      today: string;
    };
    expect(docs.documents.map((d) => d.doc).sort()).toEqual([SQ, "state-council-2023-24"]);
    expect(await (await app.request("/healthz")).json()).toEqual({
      status: "ok",
      documents: 2,
      items: 74,
      today: "2025-06-01",
    });
  });

  it("POST /v1/check: an obligation judged from facts in words, optionally in one document; logged", async () => {
    const log = new MemoryLog();
    const { app } = createApp({ engine, log, webDir: null });
    const judge = async (body: unknown) => {
      const res = await post(app, "/v1/check", body);
      expect(res.status).toBe(200);
      return CheckResult.parse(await res.json());
    };
    const farm = await judge({ facts: "我的蛋鸡场设计存栏20万羽" });
    expect(farm.outcome).toBe("applies");
    expect(farm.verdicts[0]?.itemId).toBe("6.5");
    const small = await judge({ facts: "养猪场年出栏5000头", doc: SQ });
    expect(small.outcome).toBe("does_not_apply");
    const none = await judge({ facts: "明天天气怎么样" });
    expect(none.outcome).toBeNull();
    expect(log.records.map((r) => r.question)).toEqual([
      "我的蛋鸡场设计存栏20万羽",
      "《商丘市空气质量持续改善行动计划》养猪场年出栏5000头",
      "明天天气怎么样",
    ]);
    expect((await post(app, "/v1/check", { facts: "燃煤锅炉", doc: "nope" })).status).toBe(404);
    expect((await post(app, "/v1/check", { facts: "" })).status).toBe(400);
  });

  it("POST /v1/feedback records a vote on a logged answer; an unknown id is 404", async () => {
    const log = new MemoryLog();
    const { app } = createApp({ engine, log, webDir: null });
    const r = await ask(app, "六(五)");
    const ok = await post(app, "/v1/feedback", { answerId: r.answerId, vote: "up" });
    expect(ok.status).toBe(200);
    expect(log.votes).toEqual([{ answerId: "a1", vote: "up", user: "ip:local" }]);
    expect((await post(app, "/v1/feedback", { answerId: "a99", vote: "down" })).status).toBe(404);
    expect((await post(app, "/v1/feedback", { answerId: "a1", vote: "meh" })).status).toBe(400);
    // With logging off (the default) there is nothing to vote on.
    const off = createApp({ engine, webDir: null }).app;
    expect((await post(off, "/v1/feedback", { answerId: "a1", vote: "up" })).status).toBe(404);
  });

  it("GET /v1/examples: the example questions of data/examples.yaml, per language", async () => {
    const { app } = createApp({ engine, webDir: null });
    const zh = (await (await app.request("/v1/examples")).json()) as { examples: string[] };
    const en = (await (await app.request("/v1/examples?lang=en")).json()) as { examples: string[] };
    expect(zh.examples).toContain("六(五)");
    expect(en.examples.some((q) => /^[A-Z]/.test(q))).toBe(true);
  });

  it("unknown /v1 routes are JSON 404s", async () => {
    const { app } = createApp({ engine, webDir: null });
    const res = await app.request("/v1/nothing");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: "not_found" });
  });
});

describe("keys and limits", () => {
  it("with API keys: 401 without or with a wrong key, 200 with one; /healthz and /openapi.json stay open", async () => {
    const { app } = createApp({ engine, webDir: null, apiKeys: [KEY] });
    const none = await post(app, "/v1/answer", { question: "六(五)" });
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    expect(await none.json()).toMatchObject({
      error: "unauthorized",
      message: expect.stringContaining("Authorization: Bearer"),
    });
    expect(
      (await post(app, "/v1/answer", { question: "六(五)" }, { authorization: "Bearer wrong-key-000000" }))
        .status,
    ).toBe(401);
    expect(
      (await post(app, "/v1/answer", { question: "六(五)" }, { authorization: `Bearer ${KEY}` })).status,
    ).toBe(200);
    expect((await app.request("/mcp", { method: "POST", body: "{}" })).status).toBe(401);
    expect((await app.request("/healthz")).status).toBe(200);
    expect((await app.request("/openapi.json")).status).toBe(200);
  });

  it("without keys, answers only requests addressed to localhost (no DNS rebinding)", async () => {
    const { app } = createApp({ engine, webDir: null });
    const evil = await app.request("http://attacker.example/v1/documents", {
      headers: { host: "attacker.example" },
    });
    expect(evil.status).toBe(403);
    expect(await evil.json()).toMatchObject({ error: "forbidden" });
    for (const host of ["localhost:3000", "127.0.0.1:3000", "[::1]:3000"]) {
      expect((await app.request("/v1/documents", { headers: { host } })).status, host).toBe(200);
    }
  });

  it("limits requests per client per minute through the store: 429 with Retry-After beyond", async () => {
    let now = 1_000_000;
    const store = new MemoryStore({ now: () => now });
    const { app } = createApp({ engine, webDir: null, store, ratePerMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await app.request("/v1/documents")).status).toBe(200);
    const limited = await app.request("/v1/documents");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ error: "rate_limited" });
    now += 60_000;
    expect((await app.request("/v1/documents")).status).toBe(200);
  });
});

describe("/openapi.json", () => {
  it("documents every route from the zod schemas, with operation ids and the error shape", async () => {
    const { app } = createApp({ engine, webDir: null });
    const doc = (await (await app.request("http://localhost:3000/openapi.json")).json()) as {
      openapi: string;
      servers: Array<{ url: string }>;
      paths: Record<
        string,
        Record<
          string,
          { operationId?: string; requestBody?: unknown; parameters?: Array<{ name: string; in: string }> }
        >
      >;
      components: { schemas: Record<string, { required?: string[]; properties?: Record<string, unknown> }> };
    };
    expect(doc.openapi).toBe("3.0.3");
    expect(doc.servers[0]?.url).toBe("http://localhost:3000");
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/healthz",
      "/v1/answer",
      "/v1/check",
      "/v1/deadlines",
      "/v1/departments",
      "/v1/departments/{name}",
      "/v1/documents",
      "/v1/examples",
      "/v1/feedback",
      "/v1/items/{doc}/{id}",
    ]);
    const ops = Object.values(doc.paths).flatMap((p) => Object.values(p));
    expect(ops.every((o) => typeof o.operationId === "string")).toBe(true);
    expect(doc.components.schemas.AnswerRequest?.required).toEqual(["question"]);
    expect(Object.keys(doc.components.schemas.AnswerResult?.properties ?? {})).toEqual(
      expect.arrayContaining(["kind", "payload", "citations", "session", "answerId"]),
    );
    expect(doc.components.schemas.Error?.required).toEqual(["error", "message"]);
    const deadlines = doc.paths["/v1/deadlines"]?.get?.parameters?.map((p) => `${p.in}:${p.name}`);
    expect(deadlines).toEqual(
      expect.arrayContaining(["query:year", "query:state", "query:doc", "query:lang"]),
    );
  });

  it("declares bearer security when the server has keys, and the public URL when configured", async () => {
    const { app } = createApp({
      engine,
      webDir: null,
      apiKeys: [KEY],
      publicUrl: "https://policy.example.gov.cn",
    });
    const doc = (await (await app.request("/openapi.json")).json()) as {
      security?: unknown;
      servers: Array<{ url: string }>;
    };
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.servers[0]?.url).toBe("https://policy.example.gov.cn");
  });
});

describe("the page's files and the mount point", () => {
  it("serves the built page with a CSP, an ETag (304 when unchanged) and gzip", async () => {
    const dir = tempDir("pb-web");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(`${dir}/index.html`, `<!doctype html><title>t</title>${"<p>x</p>".repeat(100)}`);
    writeFileSync(`${dir}/app.js`, "console.log(1)");
    const { app, web } = createApp({ engine, webDir: dir });
    expect(web.ready).toBe(true);
    const page = await app.request("/", { headers: { "accept-encoding": "gzip, br" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(page.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await page.arrayBuffer())).toString()).toContain("<title>t</title>");
    const again = await app.request("/", { headers: { "if-none-match": page.headers.get("etag") ?? "" } });
    expect(again.status).toBe(304);
    expect((await app.request("/app.js")).headers.get("content-type")).toContain("javascript");
    expect((await app.request("/nothing.js")).status).toBe(404);
  });

  it("says how to build the page when it is missing", async () => {
    const { app } = createApp({ engine, webDir: "/nonexistent" });
    const res = await app.request("/");
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("npm run build");
  });

  it("routes a mounted path to its handler ahead of keys and routes (a webhook)", async () => {
    const http = createApp({ engine, webDir: null, apiKeys: [KEY] });
    const seen: string[] = [];
    http.mount("/telegram/hook", async (c) => {
      seen.push(await c.req.text());
      return c.text("ok");
    });
    const res = await http.app.request("/telegram/hook", { method: "POST", body: "update" });
    expect(res.status).toBe(200);
    expect(seen).toEqual(["update"]);
  });
});
