/**
 * What a click inside an answer can do, provided by the page (./main.ts) so the renderers stay
 * free of the page's state.
 */
import type { Lang } from "../../answer/index.js";

/** The page's actions. */
export interface Actions {
  /** Shows one item (a related item, the national item implemented) as a card in the conversation. */
  openItem(doc: string, id: string, lang: Lang): void;
  /** Opens the department view on one department. */
  openDepartment(name: string): void;
  /** Asks a question in the conversation. */
  ask(question: string): void;
}
