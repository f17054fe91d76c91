/**
 * What the bot's features share: the engine, the configuration, the logger, the state store (and
 * the per-chat conversations kept in it) and the answer log. Built once by createBot.
 */
import type { Logger } from "pino";
import type { Engine } from "../../engine/index.js";
import type { AnswerLog } from "../log/index.js";
import type { Conversations, StateStore } from "../state/index.js";
import type { BotConfig } from "./config.js";

/** The dependencies of every feature (a grammY Composer) of the bot. */
export interface BotServices {
  engine: Engine;
  config: BotConfig;
  logger: Logger;
  store: StateStore;
  /** Each chat's last answer context, for follow-up questions. */
  conversations: Conversations;
  answerLog: AnswerLog;
  /** Prefix of this bot's keys in the store (its numeric id), so bots sharing a store keep apart. */
  keyPrefix: string;
  /** Ids of the loaded documents, the most specific first. */
  docs: readonly string[];
  /** The document bare deep links (`6_5`) and bare item numbers in commands refer to. */
  primaryDoc: string | null;
}
