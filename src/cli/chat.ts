/**
 * `npm run chat`: the terminal chat over the engine, whatever else is configured.
 */

import { config } from "dotenv";
import { runChat } from "../channels/terminal.js";
import { createEngine, engineOptionsFromEnv } from "../engine/index.js";

// Deployment settings (DEFAULT_DOCUMENTS, CORPUS_DIRS, …) from .env as for `npm start`.
config({ quiet: true });

createEngine(engineOptionsFromEnv())
  .then((engine) => runChat(engine))
  .catch((error: unknown) => {
    process.stderr.write(`chat: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
