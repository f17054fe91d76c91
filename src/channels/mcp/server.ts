/**
 * The MCP server: the engine's questions and look-ups as tools an AI platform (Dify, FastGPT, MaxKB,
 * Cherry Studio, Claude Desktop) can call. Each tool has a zod input schema and returns structured
 * content checked against an output schema made from the same zod schemas as the JSON API, plus the
 * answer as text for models that read only text. Transport-free: ./http.ts and ./stdio.ts connect it.
 */
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { Lang } from "../../answer/index.js";
import type { Engine } from "../../engine/index.js";
import { exampleQuestions, itemBlock } from "../../render/index.js";
import { checkObligation, UnknownDocument } from "../http/check.js";
import {
  AnswerResult,
  CheckResult,
  DeadlineResult,
  DepartmentResult,
  DocumentsResult,
  ItemResult,
  MAX_QUESTION_CHARS,
  SessionId,
} from "../http/schemas.js";
import type { Asker } from "../http/session.js";

/** What the tools need. */
export interface McpDeps {
  engine: Engine;
  /** Answers in sessions, logging each answer (channel "mcp"). */
  asker: Asker;
  /** Who is calling, for the answer log and to keep sessions apart (an API key's id); null when unknown. */
  client?: { id: string; scope: string } | null;
}

/** The server's name and version as MCP clients see them. */
export const MCP_SERVER_INFO = { name: "policy-bot", version: "0.1.0" } as const;

/** The tools' names. */
export const TOOL_NAMES = [
  "answer_question",
  "get_item",
  "department_tasks",
  "deadlines",
  "check_obligation",
  "list_documents",
] as const;

const docParam = z
  .string()
  .min(1)
  .max(200)
  .describe("A document id from list_documents; all documents when absent");
const langParam = Lang.describe("Language of names and descriptions: zh (default) or en");

const ok = (structured: Record<string, unknown>, text: string): CallToolResult => ({
  content: [{ type: "text", text }],
  structuredContent: structured,
});
const fail = (message: string): CallToolResult => ({
  content: [{ type: "text", text: message }],
  isError: true,
});
const json = (value: unknown) => JSON.stringify(value);

/** A new MCP server with every tool registered over `deps`. */
export function createMcpServer(deps: McpDeps): McpServer {
  const { engine, asker } = deps;
  const client = deps.client ?? null;
  const known = (doc: string | undefined) => doc === undefined || engine.plans.some((p) => p.doc === doc);
  const noDocument = (doc: string | undefined) =>
    fail(`No document ${JSON.stringify(doc)} is loaded; list_documents names them.`);
  const examples = [...exampleQuestions("zh").slice(1, 4), ...exampleQuestions("en").slice(1, 2)]
    .map((q) => `“${q}”`)
    .join(", ");
  const documents = engine
    .documents()
    .map((d) => `《${d.name}》`)
    .join("、");
  const server = new McpServer(MCP_SERVER_INFO, {
    instructions:
      `Answers questions about Chinese government policy documents (${documents}) with the exact clause ` +
      "quoted verbatim, the departments by role and the deadlines. Quote the `quote` of a citation as given; " +
      "do not paraphrase it as the document's words.",
  });

  server.registerTool(
    "answer_question",
    {
      title: "Answer a question about the policy documents",
      description:
        "Ask anything about the documents in Chinese or English: a clause (六(五)), a topic (散煤治理), a department's " +
        "tasks, what is due when, whether an obligation applies to the asker's business — for example " +
        `${examples}. Returns the answer text, the cited clauses with verbatim quotes, departments and ` +
        "deadlines. Pass the returned `session` with a follow-up (谁牵头？ / who leads it?).",
      inputSchema: {
        question: z.string().min(1).max(MAX_QUESTION_CHARS).describe("The question, in Chinese or English"),
        session: SessionId.optional().describe("The session of an earlier answer, to ask a follow-up"),
      },
      outputSchema: AnswerResult,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ question, session }) => {
      const out = await asker.ask({
        question,
        session,
        channel: "mcp",
        user: client?.id ?? null,
        scope: client?.scope ?? "",
      });
      const result: AnswerResult = { ...out.response, session: out.session, answerId: out.answerId };
      return ok(result, out.response.answer);
    },
  );

  server.registerTool(
    "get_item",
    {
      title: "Look up one item (clause) of a document",
      description:
        "The full text of one item with its departments, deadlines, the national item it implements and related " +
        "items. `ref` as people write it: 六(五), 6.5, 第六部分第五条, or with the document's name before it.",
      inputSchema: {
        ref: z.string().min(1).max(100).describe("The item: 六(五), 6.5, 第六部分第五条 …"),
        doc: docParam.optional(),
        lang: langParam.optional(),
      },
      outputSchema: ItemResult,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ ref, doc, lang }) => {
      if (!known(doc)) return noDocument(doc);
      let item = null;
      if (doc && /^\d+(?:\.\d+){0,3}$/.test(ref.trim())) item = engine.item(doc, ref.trim(), lang);
      else {
        const name = doc ? engine.documents().find((d) => d.doc === doc)?.name : undefined;
        item = engine.findItem(name ? `《${name}》${ref}` : ref, lang);
      }
      if (!item) {
        return fail(
          `No single item matches ${JSON.stringify(ref)}${doc ? ` in ${doc}` : ""}: give the document (doc) or a fuller reference.`,
        );
      }
      const result: ItemResult = { item, related: engine.related(item.doc, item.id, 3, lang) };
      return ok(result, itemBlock(item, lang ?? "zh"));
    },
  );

  server.registerTool(
    "department_tasks",
    {
      title: "A department's tasks",
      description:
        "Every item naming a department, with its role (lead 牵头, responsible 负责, support 配合) and deadlines, " +
        "grouped by document. Any name or alias, Chinese or English: 城管局, 市生态环境局, Public Security Bureau.",
      inputSchema: {
        name: z.string().min(1).max(100).describe("The department's name or alias"),
        doc: docParam.optional(),
        lang: langParam.optional(),
      },
      outputSchema: DepartmentResult,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ name, doc, lang }) => {
      if (!known(doc)) return noDocument(doc);
      const tasks = engine.departmentTasks(name, { doc, lang });
      if (!tasks) return fail(`No department is called ${JSON.stringify(name)}.`);
      return ok(tasks, json(tasks));
    },
  );

  server.registerTool(
    "deadlines",
    {
      title: "Deadlines",
      description:
        "The documents' deadlines in date order, grouped by document, each with the sentence it governs and " +
        "whether it has passed as of today. Filter by year, by state (passed / open) and by document.",
      inputSchema: {
        year: z.number().int().min(1900).max(2200).optional().describe("Only deadlines in this year"),
        state: z.enum(["passed", "open"]).optional().describe("Only passed, or only still open, deadlines"),
        doc: docParam.optional(),
        lang: langParam.optional(),
      },
      outputSchema: DeadlineResult,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ year, state, doc, lang }) => {
      if (!known(doc)) return noDocument(doc);
      const listing = engine.deadlines({ year, state, doc }, lang);
      return ok(listing, json(listing));
    },
  );

  server.registerTool(
    "check_obligation",
    {
      title: "Check whether an obligation applies",
      description:
        "Describe the business in words, with its figures (a farm's design stock, a boiler's t/h); the rules " +
        "of the documents judge it. `outcome`: applies, does_not_apply, need_more_info (`missing` says what to " +
        "add), or null when no rule covers what was described.",
      inputSchema: {
        facts: z.string().min(1).max(MAX_QUESTION_CHARS).describe("The business and its figures, in words"),
        doc: docParam.optional(),
      },
      outputSchema: CheckResult,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ facts, doc }) => {
      try {
        const answer = async (question: string) =>
          (await asker.once({ question, channel: "mcp", user: client?.id ?? null })).response;
        const result = await checkObligation(answer, engine.documents(), facts, doc);
        return ok(result, result.answer);
      } catch (error) {
        if (error instanceof UnknownDocument) return noDocument(error.doc);
        throw error;
      }
    },
  );

  server.registerTool(
    "list_documents",
    {
      title: "The loaded documents",
      description:
        "The documents this server answers about: ids, names, issuers, dates, numbers, what they implement.",
      inputSchema: { lang: langParam.optional() },
      outputSchema: DocumentsResult,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ lang }) => {
      const result: DocumentsResult = { documents: engine.documents(lang), today: engine.today() };
      return ok(result, json(result));
    },
  );

  return server;
}
