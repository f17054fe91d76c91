/**
 * The shapes of what the JSON API and the MCP tools take and give, built from the answer layer's zod
 * schemas: the single source of their TypeScript types, of request validation, of the OpenAPI
 * document (src/channels/http/routes.ts names them) and of the MCP tools' input and output schemas.
 */
import { z } from "zod";
import {
  Citation,
  DeadlineListingPayload,
  DepartmentListingPayload,
  DocumentInfo,
  ItemLink,
  Lang,
  Response,
  Verdict,
} from "../../answer/index.js";
import { IsoDate } from "../../corpus/index.js";
import { Outcome } from "../../rules/index.js";

/** A conversation's id: the server makes one when a client sends none; the client sends it back for follow-ups. */
export const SessionId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,128}$/, "a session id is 8–128 letters, digits, '-' or '_'");
export type SessionId = z.infer<typeof SessionId>;

/** The longest question the API accepts (the engine itself answers longer input with invalid_input). */
export const MAX_QUESTION_CHARS = 2000;

/** A question, with the session of the conversation it continues. */
export const AnswerRequest = z.object({
  question: z.string().trim().min(1, "question is empty").max(MAX_QUESTION_CHARS),
  session: SessionId.optional(),
});
export type AnswerRequest = z.infer<typeof AnswerRequest>;

/** The Response, with the session to send with the next question and the id to vote on. */
export const AnswerResult = Response.extend({
  session: SessionId,
  /** Id of this answer in the answer log (for POST /v1/feedback); null when logging is off. */
  answerId: z.string().nullable(),
});
export type AnswerResult = z.infer<typeof AnswerResult>;

/** `?lang=` on the look-ups: the language of document names, English department names and descriptions. */
export const LangQuery = z.object({ lang: Lang.optional() });

/** One item of one document. */
export const ItemParams = z.object({
  doc: z.string().min(1).max(200),
  id: z.string().regex(/^\d+(?:\.\d+){0,3}$/, "an item id is like 6.5 or 3.1.2"),
});

/** An item with the items closest to it. */
export const ItemResult = z.object({ item: Citation, related: z.array(ItemLink) });
export type ItemResult = z.infer<typeof ItemResult>;

/** A department's tasks, optionally in one document. */
export const DepartmentQuery = LangQuery.extend({ doc: z.string().min(1).max(200).optional() });

/** A department's tasks, grouped by document (the payload of a department_listing answer). */
export const DepartmentResult = DepartmentListingPayload;
export type DepartmentResult = z.infer<typeof DepartmentResult>;

/** Every department the documents name, for the web page's department view. */
export const DepartmentDirectory = z.object({
  departments: z.array(
    z.object({
      name: z.string(),
      en: z.string().nullable(),
      /** Items that name it themselves (standing notes not counted). */
      items: z.number().int(),
      /** Items it leads. */
      leads: z.number().int(),
      docs: z.array(z.string()),
    }),
  ),
});
export type DepartmentDirectory = z.infer<typeof DepartmentDirectory>;

/** Which deadlines: a year, passed or still open, one document. */
export const DeadlineQuery = LangQuery.extend({
  year: z.coerce.number().int().min(1900).max(2200).optional(),
  state: z.enum(["passed", "open"]).optional(),
  doc: z.string().min(1).max(200).optional(),
});
export type DeadlineQuery = z.infer<typeof DeadlineQuery>;

/** Deadlines grouped by document, in date order (the payload of a deadline_listing answer). */
export const DeadlineResult = DeadlineListingPayload;
export type DeadlineResult = z.infer<typeof DeadlineResult>;

/** The loaded documents and the server's today (which decides passed deadlines). */
export const DocumentsResult = z.object({ documents: z.array(DocumentInfo), today: IsoDate });
export type DocumentsResult = z.infer<typeof DocumentsResult>;

/** Whether an obligation applies: the business described in words, optionally one document. */
export const CheckRequest = z.object({
  facts: z.string().trim().min(1, "facts is empty").max(MAX_QUESTION_CHARS),
  doc: z.string().min(1).max(200).optional(),
});
export type CheckRequest = z.infer<typeof CheckRequest>;

/** The outcome of a check, its verdicts and clauses; `outcome` is null when no rule decides. */
export const CheckResult = z.object({
  /** applies / does_not_apply / need_more_info; null when no rule covers what was described. */
  outcome: Outcome.nullable(),
  verdicts: z.array(Verdict),
  /** Facts still needed for a verdict, each naming its choices. */
  missing: z.array(z.string()),
  /** The answer in words (verdict first), in the language of `facts`. */
  answer: z.string(),
  citations: z.array(Citation),
});
export type CheckResult = z.infer<typeof CheckResult>;

/** Example questions for a help text or the web page's first screen (from data/examples.yaml). */
export const ExamplesResult = z.object({ examples: z.array(z.string()) });
export type ExamplesResult = z.infer<typeof ExamplesResult>;

/** A vote on an answer. */
export const FeedbackRequest = z.object({
  answerId: z.string().min(1).max(200),
  vote: z.enum(["up", "down"]),
});
export type FeedbackRequest = z.infer<typeof FeedbackRequest>;

/** The vote was recorded. */
export const FeedbackResult = z.object({ ok: z.literal(true) });

/** The server is up: what it has loaded. */
export const Health = z.object({
  status: z.literal("ok"),
  documents: z.number().int(),
  items: z.number().int(),
  today: IsoDate,
});

/** Every error the API returns: a stable code and a message for people. */
export const ApiError = z.object({
  error: z.enum([
    "bad_request",
    "unauthorized",
    "forbidden",
    "not_found",
    "payload_too_large",
    "rate_limited",
    "internal",
  ]),
  message: z.string(),
});
export type ApiError = z.infer<typeof ApiError>;
