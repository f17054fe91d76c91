/**
 * Which handler answers a query: the one place that decides each kind. The query's intents choose
 * the candidates, in this order; the first that resolves answers, and a handler that finds nothing
 * of its kind declines so the next is tried. Retrieval (topic) always closes the list.
 *
 * | query                                   | handler           | kind                |
 * |-----------------------------------------|-------------------|---------------------|
 * | not a question                          | invalidInput      | invalid_input       |
 * | follow-up on the previous items         | previousItems     | item                |
 * | asks whether an obligation applies      | check             | check               |
 * | names an item (六(五), 3.1.2)            | citedItem         | item / not_covered  |
 * | asks where a phrase comes from          | source            | item                |
 * | a department's tasks                    | departments       | department_listing  |
 * | what is due when                        | deadlines         | deadline_listing    |
 * | about the document itself               | documents         | document            |
 * | anything else                           | topic             | item / not_covered  |
 *
 * How intents combine: a check that also asks whom to turn to ("我厂的锅炉要淘汰吗，找哪个部门") is a
 * check whose payload says `asksWho`, and the departments lead its answer; a who-question without an
 * obligation asked ("秸秆焚烧归谁管") is a topic question whose answer puts the departments first; a
 * department question with a date ("城管局2024年底前要完成什么") is a department listing filtered by
 * the date.
 */
import { askingWords, type Query } from "../understand/index.js";
import type { Handler } from "./deps.js";
import { check } from "./handlers/check.js";
import { citedItem } from "./handlers/cite.js";
import { deadlines } from "./handlers/deadline.js";
import { departments } from "./handlers/department.js";
import { documents } from "./handlers/document.js";
import { previousItems } from "./handlers/follow-up.js";
import { invalidInput } from "./handlers/invalid.js";
import { source } from "./handlers/source.js";
import { topic } from "./handlers/topic.js";

/** Whether a who-question outranks the check its facts would allow: it asks no obligation itself. */
function whoWins(query: Query): boolean {
  return query.intents.includes("who") && !query.facts.asks;
}

/** The handlers to try for a query, in order. */
export function route(query: Query): Handler[] {
  if (query.invalid) return [invalidInput];
  const has = (i: Query["intents"][number]) => query.intents.includes(i);
  const candidates: Handler[] = [];
  if (query.followUp?.kind === "items") candidates.push(previousItems);
  // A question asking an amount or a time ("淘汰国四车补贴多少钱") asks no verdict on the case.
  // …nor does one asking what no policy document gives of a thing it does not describe (营业执照怎么办
  // of a restaurant): its coverage decides. A case with its own figures (a farm's design stock) is checked.
  const offTopic = query.offTopicCue && !query.facts.entities.some((e) => e.described);
  // (Whether a case gets a support — 还能拿到奖补吗 — is a verdict a rule may give.)
  const verdictAsks = query.asksFor.every((name) => askingWords().answerTypes[name]?.verdict);
  if (has("check") && !whoWins(query) && verdictAsks && !offTopic) candidates.push(check);
  // 某县…工作要点第5项 names another place's document: its item 5 is not one of ours.
  if (has("cite") && !(query.offTopicCue && query.docs.length === 0)) candidates.push(citedItem);
  if (has("source")) candidates.push(source);
  // 某市方案里X局有哪些任务 when no loaded plan is that city's: the loaded plans' tasks are not that plan's.
  if (has("department_listing") && !query.otherDocument) candidates.push(departments);
  if (has("deadline_listing") && !query.otherDocument) candidates.push(deadlines);
  // 某省…工作方案的文号 when no loaded document is that one: it asks of a document we do not hold.
  if (has("document") && !(query.offTopicCue && query.docs.length === 0)) candidates.push(documents);
  candidates.push(topic);
  return candidates;
}
