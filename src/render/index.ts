/**
 * Rendering per channel, always from the payload: plain text (CLI, terminal, the Response's
 * `answer`), Telegram HTML, and Markdown cards for the web and Markdown-based chat apps.
 */
export {
  badgeLabel,
  Card,
  CardBadge,
  CardButton,
  CardChip,
  CardDocument,
  CardGroup,
  CardItem,
  type CardOptions,
  CardRow,
  CardVerdict,
  renderCard,
} from "./card.js";
export { exampleQuestions } from "./examples.js";
export { escapeMarkdown, type MarkdownMessage, type MarkdownOptions, renderMarkdown } from "./markdown.js";
export {
  citationHtml,
  deadlineListingReply,
  departmentListingReply,
  documentsHtml,
  fullItemHtml,
  itemButtons,
  itemDepartmentsHtml,
  itemLinkButtons,
  relatedReply,
  renderTelegram,
  type TelegramAction,
  type TelegramButton,
  type TelegramReply,
} from "./telegram.js";
export { cleanText, escapeHtml, MESSAGE_LIMIT, splitHtml, truncate } from "./telegram-html.js";
export { deadlineText, departmentName, departmentsLine, helpText, itemBlock, renderText } from "./text.js";
