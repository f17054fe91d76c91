/**
 * The JSON API's routes as OpenAPI route definitions: method, path, the zod schemas of what each
 * takes and gives (from ./schemas.ts), and the errors it may return. The handlers (./api.ts) are typed
 * from these, and /openapi.json is generated from them — one source for both.
 */
import { createRoute, z } from "@hono/zod-openapi";
import {
  AnswerRequest,
  AnswerResult,
  ApiError,
  CheckRequest,
  CheckResult,
  DeadlineQuery,
  DeadlineResult,
  DepartmentDirectory,
  DepartmentQuery,
  DepartmentResult,
  DocumentsResult,
  ExamplesResult,
  FeedbackRequest,
  FeedbackResult,
  Health,
  ItemParams,
  ItemResult,
  LangQuery,
} from "./schemas.js";

/**
 * `schema.openapi(...)` for any schema. zod 4 copies prototype methods onto each schema when it is
 * made, so schemas made before @hono/zod-openapi extended zod (the answer layer's, loaded first by the
 * engine) lack the method; calling it from the prototype works for all of them.
 */
function openapi<T extends z.ZodType>(
  schema: T,
  ...args: [refId: string, metadata?: Record<string, unknown>] | [metadata: Record<string, unknown>]
): T {
  return (z.ZodType.prototype.openapi as (...a: unknown[]) => T).apply(schema, args);
}

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

const ErrorBody = openapi(ApiError, "Error");

/** The errors every /v1 route may return. */
const errors = {
  400: json(ErrorBody, "Invalid input: the message says which field and why"),
  401: json(ErrorBody, "Missing or invalid API key (only when the server has API keys)"),
  429: json(ErrorBody, "Too many requests from this client; see Retry-After"),
} as const;

const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});

/** POST /v1/answer */
export const answerRoute = createRoute({
  method: "post",
  path: "/v1/answer",
  operationId: "answer",
  tags: ["answers"],
  summary: "Answer a question about the policy documents",
  description:
    "Answers in Chinese or English with the exact clause (verbatim quote), departments by role and deadlines. " +
    "Send the returned `session` with the next question to ask a follow-up (谁牵头？ / who leads it?).",
  request: {
    ...body(
      openapi(AnswerRequest, "AnswerRequest", {
        example: { question: "六(五)" },
      }),
    ),
  },
  responses: {
    200: json(openapi(AnswerResult, "AnswerResult"), "The answer, its session and its id"),
    413: json(ErrorBody, "The body is too large"),
    ...errors,
  },
});

/** GET /v1/items/{doc}/{id} */
export const itemRoute = createRoute({
  method: "get",
  path: "/v1/items/{doc}/{id}",
  operationId: "getItem",
  tags: ["documents"],
  summary: "One item of a document, with its full text and the items closest to it",
  request: {
    params: ItemParams.extend({
      doc: openapi(ItemParams.shape.doc, { description: "A document id from GET /v1/documents" }),
      id: openapi(ItemParams.shape.id, { example: "6.5" }),
    }),
    query: LangQuery,
  },
  responses: {
    200: json(openapi(ItemResult, "ItemResult"), "The item"),
    404: json(ErrorBody, "No such document or item"),
    ...errors,
  },
});

/** GET /v1/departments */
export const directoryRoute = createRoute({
  method: "get",
  path: "/v1/departments",
  operationId: "listDepartments",
  tags: ["departments"],
  summary: "Every department the documents name, with how many items name it",
  responses: { 200: json(openapi(DepartmentDirectory, "DepartmentDirectory"), "The departments"), ...errors },
});

/** GET /v1/departments/{name} */
export const departmentRoute = createRoute({
  method: "get",
  path: "/v1/departments/{name}",
  operationId: "departmentTasks",
  tags: ["departments"],
  summary: "A department's tasks with its role in each (lead, responsible, support), grouped by document",
  description: "Any name or alias, Chinese or English: 城管局, 市城市管理局, Public Security Bureau.",
  request: {
    params: z.object({ name: z.string().min(1).max(100).openapi({ example: "城管局" }) }),
    query: DepartmentQuery,
  },
  responses: {
    200: json(openapi(DepartmentResult, "DepartmentTasks"), "The department's tasks"),
    404: json(ErrorBody, "No department of that name"),
    ...errors,
  },
});

/** GET /v1/deadlines */
export const deadlinesRoute = createRoute({
  method: "get",
  path: "/v1/deadlines",
  operationId: "deadlines",
  tags: ["deadlines"],
  summary: "Deadlines by year and state (passed or still open as of the server's today), grouped by document",
  request: { query: DeadlineQuery },
  responses: {
    200: json(openapi(DeadlineResult, "Deadlines"), "The deadlines, in date order"),
    404: json(ErrorBody, "No such document"),
    ...errors,
  },
});

/** GET /v1/documents */
export const documentsRoute = createRoute({
  method: "get",
  path: "/v1/documents",
  operationId: "documents",
  tags: ["documents"],
  summary: "The loaded documents: names, issuers, dates, numbers, the plans they implement",
  request: { query: LangQuery },
  responses: { 200: json(openapi(DocumentsResult, "Documents"), "The documents"), ...errors },
});

/** GET /v1/examples */
export const examplesRoute = createRoute({
  method: "get",
  path: "/v1/examples",
  operationId: "examples",
  tags: ["documents"],
  summary: "Example questions, for a help text or a first screen",
  request: { query: LangQuery },
  responses: { 200: json(openapi(ExamplesResult, "Examples"), "The examples, most useful first"), ...errors },
});

/** POST /v1/check */
export const checkRoute = createRoute({
  method: "post",
  path: "/v1/check",
  operationId: "checkObligation",
  tags: ["answers"],
  summary: "Check whether an obligation applies to a business described in words",
  description:
    "`facts` describes the business in words, with its figures (a farm's design stock, a boiler's t/h); `outcome` is applies, " +
    "does_not_apply or need_more_info (then `missing` names what to add), or null when no rule covers it.",
  request: {
    ...body(
      openapi(CheckRequest, "CheckRequest", { example: { facts: "我厂有一台每小时10蒸吨的燃煤锅炉" } }),
    ),
  },
  responses: {
    200: json(openapi(CheckResult, "CheckResult"), "The outcome with its verdicts and clauses"),
    404: json(ErrorBody, "No such document"),
    413: json(ErrorBody, "The body is too large"),
    ...errors,
  },
});

/** POST /v1/feedback */
export const feedbackRoute = createRoute({
  method: "post",
  path: "/v1/feedback",
  operationId: "feedback",
  tags: ["answers"],
  summary: "Vote on an answer (👍 up / 👎 down); a later vote by the same client replaces the earlier one",
  request: { ...body(openapi(FeedbackRequest, "FeedbackRequest")) },
  responses: {
    200: json(FeedbackResult, "Recorded"),
    404: json(ErrorBody, "No logged answer has that id (or logging is off)"),
    ...errors,
  },
});

/** GET /healthz */
export const healthRoute = createRoute({
  method: "get",
  path: "/healthz",
  operationId: "health",
  tags: ["server"],
  summary: "Liveness: what the server has loaded",
  responses: { 200: json(openapi(Health, "Health"), "Up") },
});
