/**
 * Start-up's first contact with the Bot API (getMe), failing clearly: a rejected token (401) or a
 * wrong API root (404, or something that is not a Bot API at all) stops at once with a message
 * naming the variable to fix; an unreachable API is retried — briefly by default (start-up then
 * fails well within 30 s), or for STARTUP_RETRY_SECONDS when set — each attempt logged.
 */
import { Api, GrammyError, HttpError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Logger } from "pino";
import { backoffMs, sleep } from "./backoff.js";
import type { BotConfig } from "./config.js";
import { networkCause, scrub } from "./log-fields.js";

/** Start-up could not reach a usable Bot API; `message` says what to fix. */
export class StartupError extends Error {
  constructor(
    message: string,
    /** Whether trying again later might work (network trouble, 5xx) — unlike a bad token or root. */
    readonly transient: boolean,
  ) {
    super(message);
    this.name = "StartupError";
  }
}

/** How long start-up keeps trying an unreachable API when STARTUP_RETRY_SECONDS is 0 (ms). */
export const DEFAULT_STARTUP_BUDGET_MS = 10_000;
/** One getMe attempt's time limit (ms). */
const ATTEMPT_TIMEOUT_MS = 8_000;

/** Explains a failed getMe in terms of the configuration. */
export function explainStartupFailure(err: unknown, apiRoot: string): StartupError {
  if (err instanceof GrammyError) {
    if (err.error_code === 401)
      return new StartupError(
        "Telegram rejected TELEGRAM_BOT_TOKEN (401 Unauthorized): check the token with @BotFather",
        false,
      );
    if (err.error_code === 404)
      return new StartupError(
        `the Bot API at TELEGRAM_API_ROOT=${apiRoot} answered 404 Not Found to getMe: check TELEGRAM_API_ROOT (the server's root, without /bot… and without a trailing slash) and the token`,
        false,
      );
    return new StartupError(
      `the Bot API at ${apiRoot} answered ${err.error_code} ${err.description} to getMe`,
      err.error_code >= 500 || err.error_code === 429,
    );
  }
  if (err instanceof HttpError) {
    const cause = networkCause(err);
    if (cause === "not JSON")
      return new StartupError(
        `TELEGRAM_API_ROOT=${apiRoot} did not answer like a Bot API (not JSON): check the address`,
        true, // a proxy's error page looks the same, and passes
      );
    const why =
      cause === "timeout" || cause === "aborted" ? `no answer within ${ATTEMPT_TIMEOUT_MS / 1000} s` : cause;
    return new StartupError(`could not reach the Bot API at TELEGRAM_API_ROOT=${apiRoot}: ${why}`, true);
  }
  return new StartupError(`getMe failed: ${scrub(err instanceof Error ? err.message : String(err))}`, true);
}

/**
 * The bot's own user, from getMe; throws a {@link StartupError} once the configuration is shown
 * wrong or the retry budget is spent.
 */
export async function connect(
  config: BotConfig,
  logger: Logger,
  signal?: AbortSignal,
): Promise<UserFromGetMe> {
  const api = new Api(config.token, {
    apiRoot: config.apiRoot,
    timeoutSeconds: ATTEMPT_TIMEOUT_MS / 1000 + 1,
  });
  const budget = config.startupRetryMs > 0 ? config.startupRetryMs : DEFAULT_STARTUP_BUDGET_MS;
  const giveUpAt = Date.now() + budget;
  for (let attempt = 1; ; attempt++) {
    try {
      const timeout = AbortSignal.timeout(ATTEMPT_TIMEOUT_MS);
      // grammY types signals with its own shim; Node's AbortSignal is what it uses at run time.
      return await api.getMe((signal ? AbortSignal.any([signal, timeout]) : timeout) as never);
    } catch (err) {
      const problem = explainStartupFailure(err, config.apiRoot);
      const delay = backoffMs(attempt - 1, { baseMs: 1000, capMs: 30_000 });
      if (!problem.transient || signal?.aborted || Date.now() + delay >= giveUpAt) throw problem;
      logger.warn(
        { attempt, delay_ms: delay, problem: problem.message },
        "start-up: Bot API not usable yet, retrying",
      );
      await sleep(delay, signal);
    }
  }
}
