/**
 * Errors as structured log fields: never the token (it is in every API URL), never a payload (it
 * holds message texts, which are logged only at debug).
 */
import { GrammyError, HttpError } from "grammy";

/** An error as log fields, with every occurrence of `token` replaced. */
export function errorFields(err: unknown, token: string): Record<string, unknown> {
  const scrub = (s: string) => (token ? s.split(token).join("[token]") : s);
  if (err instanceof GrammyError)
    return { name: err.name, method: err.method, code: err.error_code, message: scrub(err.description) };
  if (err instanceof HttpError) {
    const cause = err.error as { message?: string; cause?: { code?: string } } | undefined;
    return {
      name: err.name,
      message: scrub(err.message),
      cause: scrub(String(cause?.cause?.code ?? cause?.message ?? err.error)),
    };
  }
  if (err instanceof Error)
    return { name: err.name, message: scrub(err.message), stack: scrub(err.stack ?? "") };
  return { message: scrub(String(err)) };
}
