/**
 * An obligation check with the facts given in words (the API's POST /v1/check and the MCP tool
 * check_obligation): the engine judges them as a question, scoped to one document when asked.
 */
import type { DocumentInfo, Response } from "../../answer/index.js";
import type { CheckResult } from "./schemas.js";

/** Raised when the document asked for is not loaded. */
export class UnknownDocument extends Error {
  constructor(readonly doc: string) {
    super(`no document ${JSON.stringify(doc)} is loaded`);
  }
}

/**
 * Judges whether an obligation applies to the business `facts` describes, through `answer` (an
 * Asker's, which logs it). With `doc`, the question names that document by its
 * name, as a person would, so only its rules judge it.
 */
export async function checkObligation(
  answer: (question: string) => Promise<Response>,
  documents: readonly DocumentInfo[],
  facts: string,
  doc?: string,
): Promise<CheckResult> {
  let question = facts;
  if (doc !== undefined) {
    const info = documents.find((d) => d.doc === doc);
    if (!info) throw new UnknownDocument(doc);
    question = `《${info.name}》${facts}`;
  }
  const response = await answer(question);
  const check = response.payload.kind === "check" ? response.payload : null;
  return {
    outcome: check?.outcome ?? null,
    verdicts: check?.verdicts ?? [],
    missing: [...new Set(check?.verdicts.flatMap((v) => v.check.missing) ?? [])],
    answer: response.answer,
    citations: response.citations,
  };
}
