/**
 * The JSON API's handlers: each a few lines from a validated request to the engine and back, typed
 * by its route (./routes.ts). Validation, keys, limits and errors are the app's (./app.ts).
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Engine } from "../../engine/index.js";
import { exampleQuestions } from "../../render/index.js";
import { checkObligation, UnknownDocument } from "./check.js";
import { departmentDirectory } from "./directory.js";
import type { GuardEnv } from "./guard.js";
import {
  answerRoute,
  checkRoute,
  deadlinesRoute,
  departmentRoute,
  directoryRoute,
  documentsRoute,
  examplesRoute,
  feedbackRoute,
  healthRoute,
  itemRoute,
} from "./routes.js";
import type { Asker } from "./session.js";

/** The header the web page sends so its answers are logged as channel "web" rather than "api". */
export const CHANNEL_HEADER = "x-policy-bot-channel";

/** Registers every API route on `app`. */
export function registerApi(app: OpenAPIHono<GuardEnv>, engine: Engine, asker: Asker): void {
  const notFound = (message: string) => ({ error: "not_found" as const, message });
  const noDocument = (doc: string) => notFound(`no document ${JSON.stringify(doc)} is loaded`);
  const known = (doc: string | undefined) => doc === undefined || engine.plans.some((p) => p.doc === doc);

  const channelOf = (c: Context) => (c.req.header(CHANNEL_HEADER) === "web" ? "web" : "api");

  app.openapi(answerRoute, async (c) => {
    const { question, session } = c.req.valid("json");
    const client = c.get("client");
    const out = await asker.ask({
      question,
      session,
      channel: channelOf(c),
      user: client.id,
      scope: client.scope,
    });
    return c.json({ ...out.response, session: out.session, answerId: out.answerId }, 200);
  });

  app.openapi(itemRoute, (c) => {
    const { doc, id } = c.req.valid("param");
    const { lang } = c.req.valid("query");
    if (!known(doc)) return c.json(noDocument(doc), 404);
    const item = engine.item(doc, id, lang);
    if (!item) return c.json(notFound(`${doc} has no item ${id}`), 404);
    return c.json({ item, related: engine.related(doc, id, 3, lang) }, 200);
  });

  app.openapi(directoryRoute, (c) => c.json(departmentDirectory(engine), 200));

  app.openapi(departmentRoute, (c) => {
    const { name } = c.req.valid("param");
    const { doc, lang } = c.req.valid("query");
    if (!known(doc)) return c.json(noDocument(doc ?? ""), 404);
    const tasks = engine.departmentTasks(name, { doc, lang });
    if (!tasks) return c.json(notFound(`no department is called ${JSON.stringify(name)}`), 404);
    return c.json(tasks, 200);
  });

  app.openapi(deadlinesRoute, (c) => {
    const { year, state, doc, lang } = c.req.valid("query");
    if (!known(doc)) return c.json(noDocument(doc ?? ""), 404);
    return c.json(engine.deadlines({ year, state, doc }, lang), 200);
  });

  app.openapi(documentsRoute, (c) => {
    const { lang } = c.req.valid("query");
    return c.json({ documents: engine.documents(lang), today: engine.today() }, 200);
  });

  app.openapi(examplesRoute, (c) => {
    const { lang } = c.req.valid("query");
    return c.json({ examples: [...exampleQuestions(lang ?? "zh")] }, 200);
  });

  app.openapi(checkRoute, async (c) => {
    const { facts, doc } = c.req.valid("json");
    try {
      const user = c.get("client").id;
      const answer = async (question: string) =>
        (await asker.once({ question, channel: channelOf(c), user })).response;
      return c.json(await checkObligation(answer, engine.documents(), facts, doc), 200);
    } catch (error) {
      if (error instanceof UnknownDocument) return c.json(noDocument(error.doc), 404);
      throw error;
    }
  });

  app.openapi(feedbackRoute, (c) => {
    const { answerId, vote } = c.req.valid("json");
    if (!asker.feedback(answerId, vote, c.get("client").id)) {
      return c.json(notFound(`no logged answer has the id ${JSON.stringify(answerId)}`), 404);
    }
    return c.json({ ok: true } as const, 200);
  });

  app.openapi(healthRoute, (c) =>
    c.json(
      {
        status: "ok" as const,
        documents: engine.plans.length,
        items: engine.plans.reduce((n, p) => n + p.items.length, 0),
        today: engine.today(),
      },
      200,
    ),
  );
}
