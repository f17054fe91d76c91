/**
 * `npm run chat`: the terminal chat over the engine, whatever else is configured.
 */

import { runChat } from "../channels/terminal.js";
import { createEngine } from "../engine/index.js";

createEngine()
  .then((engine) => runChat(engine))
  .catch((error: unknown) => {
    process.stderr.write(`chat: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
