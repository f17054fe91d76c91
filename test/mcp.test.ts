// The MCP server through the SDK's own Client: over an in-memory pair (every tool, its schemas, its
// errors), over Streamable HTTP at /mcp on a real server (with and without keys), and over stdio
// (`npm run mcp`, the built entry).
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AnswerResult,
  Asker,
  CheckResult,
  createApp,
  DeadlineResult,
  DepartmentResult,
  DocumentsResult,
  ItemResult,
  type RunningServer,
  startServer,
} from "../src/channels/http/index.js";
import { createMcpServer, TOOL_NAMES } from "../src/channels/mcp/index.js";
import { Conversations, MemoryStore } from "../src/channels/state/index.js";
import type { Engine } from "../src/engine/index.js";
import { ensureBuilt, MemoryLog, testEngine } from "./http-fixtures.js";

const SQ = "shangqiu-air-quality-2024";
let engine: Engine;
beforeAll(async () => {
  engine = await testEngine();
});

type Call = {
  structuredContent?: unknown;
  content: Array<{ type: string; text?: string }>;
  isError?: boolean;
};
const call = async (client: Client, name: string, args: Record<string, unknown>) =>
  (await client.callTool({ name, arguments: args })) as Call;
const text = (r: Call) => r.content.map((c) => c.text ?? "").join("\n");

/** Calls every tool once and checks what comes back (shared by the three transports). */
async function exerciseEveryTool(client: Client): Promise<void> {
  const tools = (await client.listTools()).tools;
  expect(tools.map((t) => t.name).sort()).toEqual([...TOOL_NAMES].sort());
  for (const t of tools) {
    expect(t.inputSchema.type, t.name).toBe("object");
    expect(t.outputSchema?.type, t.name).toBe("object");
    expect(t.description?.length, t.name).toBeGreaterThan(40);
  }

  const answer = await call(client, "answer_question", {
    question: "我的蛋鸡场设计存栏20万羽，要纳入氨排放试点吗",
  });
  const a = AnswerResult.parse(answer.structuredContent);
  expect(a.payload.kind === "check" && a.payload.outcome).toBe("applies");
  expect(text(answer)).toContain("是的，需要纳入试点");

  const item = await call(client, "get_item", { ref: "六(五)", doc: SQ });
  expect(ItemResult.parse(item.structuredContent).item.title).toBe("开展畜禽养殖业氨排放控制试点");
  expect(text(item)).toContain("原文：");

  const dept = DepartmentResult.parse(
    (await call(client, "department_tasks", { name: "城管局" })).structuredContent,
  );
  expect(dept.groups[0]?.entries.some((e) => e.role === "lead" && e.label === "五(一)")).toBe(true);

  const due = DeadlineResult.parse(
    (await call(client, "deadlines", { year: 2024, state: "passed" })).structuredContent,
  );
  expect(due.total).toBeGreaterThan(0);

  const check = CheckResult.parse(
    (await call(client, "check_obligation", { facts: "我有一台35蒸吨的燃煤锅炉" })).structuredContent,
  );
  expect(check.outcome).toBe("applies");
  expect(check.verdicts[0]?.itemId).toBe("3.2");

  const docs = DocumentsResult.parse((await call(client, "list_documents", {})).structuredContent);
  expect(docs.documents.map((d) => d.doc)).toContain(SQ);
}

describe("MCP tools (in memory)", () => {
  let client: Client;
  let log: MemoryLog;
  beforeAll(async () => {
    log = new MemoryLog();
    const asker = new Asker(engine, new Conversations(new MemoryStore(), "mcp"), log);
    const server = createMcpServer({ engine, asker, client: { id: "test", scope: "" } });
    const [a, b] = InMemoryTransport.createLinkedPair();
    client = new Client({ name: "test", version: "1.0.0" });
    await Promise.all([server.connect(a), client.connect(b)]);
  });
  afterAll(async () => {
    await client.close();
  });

  it("lists every tool with input and output schemas, and each call returns valid structured content", async () => {
    await exerciseEveryTool(client);
    // The answer and the check are logged, as channel mcp, for the client the server was made for.
    expect(log.records.map((r) => [r.channel, r.question])).toEqual([
      ["mcp", "我的蛋鸡场设计存栏20万羽，要纳入氨排放试点吗"],
      ["mcp", "我有一台35蒸吨的燃煤锅炉"],
    ]);
    expect(log.records[0]?.user).toBe("test");
  });

  it("answers a follow-up in the session the first answer returned", async () => {
    const first = AnswerResult.parse(
      (await call(client, "answer_question", { question: "散煤治理" })).structuredContent,
    );
    const next = AnswerResult.parse(
      (await call(client, "answer_question", { question: "谁牵头？", session: first.session }))
        .structuredContent,
    );
    expect(next.citations[0]?.label).toBe("三(四)");
    expect(next.payload.kind === "item" && next.payload.focus).toBe("departments");
  });

  it("looks items up by id, by reference and in English; scopes checks to a document", async () => {
    const byId = ItemResult.parse(
      (await call(client, "get_item", { ref: "6.5", doc: SQ, lang: "en" })).structuredContent,
    );
    expect(byId.item.docName).toBe("Shangqiu Air Quality Continuous Improvement Action Plan");
    const byRef = ItemResult.parse(
      (await call(client, "get_item", { ref: "商丘计划六(五)" })).structuredContent,
    );
    expect(byRef.item.id).toBe("6.5");
    const scoped = CheckResult.parse(
      (await call(client, "check_obligation", { facts: "养猪场年出栏5000头", doc: SQ })).structuredContent,
    );
    expect(scoped.outcome).toBe("does_not_apply");
    const none = CheckResult.parse(
      (await call(client, "check_obligation", { facts: "我开了一家面包店" })).structuredContent,
    );
    expect(none.outcome).toBeNull();
  });

  it("reports what cannot be found as tool errors the model can read", async () => {
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ["get_item", { ref: "九十九(九)" }, /No single item matches/],
      ["get_item", { ref: "6.5", doc: "nope" }, /No document "nope"/],
      ["department_tasks", { name: "天气局" }, /No department is called/],
      ["deadlines", { doc: "nope" }, /No document/],
      ["check_obligation", { facts: "燃煤锅炉", doc: "nope" }, /No document/],
    ];
    for (const [name, args, message] of cases) {
      const r = await call(client, name, args);
      expect(r.isError, name).toBe(true);
      expect(text(r)).toMatch(message);
    }
    // Arguments that break the input schema are refused before the tool runs.
    const bad = await call(client, "deadlines", { year: "soon" });
    expect(bad.isError).toBe(true);
    expect(text(bad)).toMatch(/year/);
  });
});

describe("MCP over Streamable HTTP at /mcp", () => {
  let server: RunningServer;
  let keyed: RunningServer;
  const KEY = "k-0123456789abcdef";
  beforeAll(async () => {
    server = await startServer(createApp({ engine, webDir: null }).app.fetch, {
      host: "127.0.0.1",
      port: 0,
      apiKeys: [],
    });
    keyed = await startServer(createApp({ engine, webDir: null, apiKeys: [KEY] }).app.fetch, {
      host: "127.0.0.1",
      port: 0,
      apiKeys: [KEY],
    });
  });
  afterAll(async () => {
    await server.close();
    await keyed.close();
  });

  it("serves every tool to the SDK's client", async () => {
    const client = new Client({ name: "test", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}mcp`)));
    await exerciseEveryTool(client);
    await client.close();
  });

  it("needs the key when the server has keys", async () => {
    const denied = new Client({ name: "test", version: "1.0.0" });
    await expect(
      denied.connect(new StreamableHTTPClientTransport(new URL(`${keyed.url}mcp`))),
    ).rejects.toThrow();
    const client = new Client({ name: "test", version: "1.0.0" });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${keyed.url}mcp`), {
        requestInit: { headers: { Authorization: `Bearer ${KEY}` } },
      }),
    );
    const r = await call(client, "get_item", { ref: "六(五)" });
    expect(ItemResult.parse(r.structuredContent).item.id).toBe("6.5");
    await client.close();
  });

  it("answers GET with 405: the endpoint is stateless, POST only", async () => {
    const res = await fetch(`${server.url}mcp`, { headers: { accept: "text/event-stream" } });
    expect(res.status).toBe(405);
  });
});

describe("MCP over stdio (npm run mcp)", () => {
  beforeAll(() => {
    ensureBuilt();
  });

  it("serves every tool from the built entry, with nothing but the protocol on stdout", async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ["dist/mcp.js"],
      cwd: process.cwd(),
      stderr: "pipe",
    });
    const client = new Client({ name: "test", version: "1.0.0" });
    await client.connect(transport);
    expect(client.getServerVersion()?.name).toBe("policy-bot");
    // The instructions name the loaded documents (from the corpus, not from code).
    expect(client.getInstructions()).toContain("《商丘市空气质量持续改善行动计划》");
    const tools = await client.listTools();
    expect(tools.tools).toHaveLength(TOOL_NAMES.length);
    const r = await call(client, "answer_question", { question: "城管局牵头哪些任务" });
    expect(AnswerResult.parse(r.structuredContent).kind).toBe("department_listing");
    const item = await call(client, "get_item", { ref: "五(一)" });
    expect(ItemResult.parse(item.structuredContent).item.title).toBe("深化扬尘污染综合治理");
    await client.close();
  });
});
