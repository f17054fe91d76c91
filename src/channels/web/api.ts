/**
 * The page's calls to the JSON API on the same server: the conversation's session (kept for the tab),
 * an access key when the server asks for one (kept in this browser), and errors as messages.
 */
import type {
  AnswerResult,
  DeadlineResult,
  DepartmentDirectory,
  DepartmentResult,
  DocumentsResult,
  ItemResult,
} from "../http/schemas.js";

const SESSION = "policy-bot.session";
const KEY = "policy-bot.key";

/** A failed call: the HTTP status (0 when the server could not be reached) and the server's message. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function storage(kind: "session" | "local"): Storage | null {
  try {
    return kind === "session" ? window.sessionStorage : window.localStorage;
  } catch {
    return null;
  }
}

/** Forgets the conversation: the next question starts a new one. */
export function newConversation(): void {
  storage("session")?.removeItem(SESSION);
}

/** Keeps the access key for this browser. */
export function setAccessKey(key: string): void {
  storage("local")?.setItem(KEY, key.trim());
}

async function call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", "X-Policy-Bot-Channel": "web" };
  const key = storage("local")?.getItem(KEY);
  if (key) headers.Authorization = `Bearer ${key}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiFailure(0, "offline");
  }
  const data = (await res.json().catch(() => null)) as { message?: string } | null;
  if (!res.ok) throw new ApiFailure(res.status, data?.message ?? res.statusText);
  return data as T;
}

/** Asks a question in the current conversation. */
export async function ask(question: string): Promise<AnswerResult> {
  const session = storage("session")?.getItem(SESSION) ?? undefined;
  const result = await call<AnswerResult>("POST", "/v1/answer", { question, session });
  storage("session")?.setItem(SESSION, result.session);
  return result;
}

/** One item with its related items. */
export function item(doc: string, id: string, lang: string): Promise<ItemResult> {
  return call("GET", `/v1/items/${encodeURIComponent(doc)}/${encodeURIComponent(id)}?lang=${lang}`);
}

/** The department directory. */
export function departments(): Promise<DepartmentDirectory> {
  return call("GET", "/v1/departments");
}

/** One department's tasks. */
export function departmentTasks(name: string, lang: string): Promise<DepartmentResult> {
  return call("GET", `/v1/departments/${encodeURIComponent(name)}?lang=${lang}`);
}

/** Deadlines by year and state. */
export function deadlines(filter: { year?: string; state?: string }, lang: string): Promise<DeadlineResult> {
  const q = new URLSearchParams({ lang });
  if (filter.year) q.set("year", filter.year);
  if (filter.state) q.set("state", filter.state);
  return call("GET", `/v1/deadlines?${q}`);
}

/** The loaded documents and the server's today. */
export function documents(lang: string): Promise<DocumentsResult> {
  return call("GET", `/v1/documents?lang=${lang}`);
}

/** Example questions for the first screen. */
export async function examples(lang: string): Promise<string[]> {
  return (await call<{ examples: string[] }>("GET", `/v1/examples?lang=${lang}`)).examples;
}

/** A vote on an answer. */
export async function vote(answerId: string, value: "up" | "down"): Promise<void> {
  await call("POST", "/v1/feedback", { answerId, vote: value });
}
