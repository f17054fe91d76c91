/**
 * Errors as structured log fields and short reasons: never the token (it is in every API URL, and
 * node-fetch puts the URL in its messages), never a payload (it holds message texts, which are
 * logged only at debug).
 */
import { GrammyError, HttpError } from "grammy";

/** Replaces URLs (they hold the token) and the token itself. */
export function scrub(text: string, token = ""): string {
  const noUrls = text.replace(/https?:\/\/\S+/g, "[url]");
  return token ? noUrls.split(token).join("[token]") : noUrls;
}

/**
 * Why a request failed on the way (grammY's HttpError wraps node-fetch's error): the system code
 * (ECONNREFUSED, ECONNRESET, ENOTFOUND …), "not JSON" for an answer that is not the Bot API's, or
 * "timeout"/"aborted".
 */
export function networkCause(err: HttpError): string {
  const inner = err.error as { name?: string; code?: string; type?: string; message?: string } | undefined;
  if (inner?.type === "invalid-json" || inner?.name === "SyntaxError") return "not JSON";
  if (inner?.name === "TimeoutError") return "timeout";
  if (inner?.name === "AbortError") return "aborted";
  return inner?.code ?? scrub(inner?.message ?? err.message);
}

/** An error as log fields, with every occurrence of `token` replaced. */
export function errorFields(err: unknown, token: string): Record<string, unknown> {
  if (err instanceof GrammyError)
    return {
      name: err.name,
      method: err.method,
      code: err.error_code,
      message: scrub(err.description, token),
    };
  if (err instanceof HttpError)
    return { name: err.name, message: scrub(err.message, token), cause: networkCause(err) };
  if (err instanceof Error)
    return { name: err.name, message: scrub(err.message, token), stack: scrub(err.stack ?? "", token) };
  return { message: scrub(String(err), token) };
}
