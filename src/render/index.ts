/**
 * Rendering per channel, always from the payload: plain text (CLI, terminal, the Response's
 * `answer`), Telegram HTML, and Markdown cards for the web and Markdown-based chat apps.
 */
export { exampleQuestions } from "./examples.js";
export { deadlineText, departmentName, departmentsLine, helpText, itemBlock, renderText } from "./text.js";
