/**
 * `npm run chat`: the terminal chat over the engine, whatever else is configured.
 */
import { createEngine } from "../answer/index.js";
import { runChat } from "../channels/terminal.js";

createEngine()
  .then((engine) => runChat(engine))
  .catch((error: unknown) => {
    process.stderr.write(`chat: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
