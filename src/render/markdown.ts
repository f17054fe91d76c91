/**
 * A {@link Card} as Markdown in the subset DingTalk and WeCom markdown messages render: headings,
 * bold, quotes, lists and links — no HTML, no tables, no inline code. Paragraphs are separated by a
 * blank line and lines inside a paragraph end with two spaces, which both apps need to break a line.
 * Buttons become links only when the channel says how to press them (`buttonLink`); otherwise they
 * are left out, since a button that does nothing is worse than none.
 */
import { badgeLabel, type Card, type CardBadge, type CardButton, type CardItem } from "./card.js";

/** A markdown message: the title apps show in notifications and the chat list, and the body. */
export interface MarkdownMessage {
  title: string;
  text: string;
}

/** Options for {@link renderMarkdown}. */
export interface MarkdownOptions {
  /** The link that presses a button in this app, or null when the app cannot press it. */
  buttonLink?: (button: CardButton) => string | null;
  /** Longest notification title (characters); default 40. */
  maxTitle?: number;
}

/**
 * Text made inert as Markdown: emphasis, code and link characters escaped, `<` before a letter (these
 * apps read HTML tags) and a leading `>` or `#` escaped, newlines folded. A comparison such as
 * "10万羽 < 15万羽" stays as written.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n/g, " ")
    .replace(/[\\`*_[\]]/g, (c) => `\\${c}`)
    .replace(/<(?=[A-Za-z/!])/g, "\\<")
    .replace(/^([>#])/, "\\$1");
}

const esc = escapeMarkdown;
/** Lines of one paragraph: a hard line break between them. */
const para = (lines: readonly string[]) => lines.filter((l) => l.length > 0).join("  \n");

function badgeShort(b: CardBadge, lang: Card["lang"]): string {
  return lang === "zh" ? `${b.date}，${b.stateLabel}` : `${b.date}, ${b.stateLabel}`;
}

function itemBlocks(item: CardItem, card: Card): string[] {
  const zh = card.lang === "zh";
  const colon = zh ? "：" : ": ";
  const blocks = [`> ${esc(item.quote)}`];
  const roles: string[] = [];
  const seen = new Set<string>();
  for (const chip of item.chips.filter((c) => !c.noteFrom)) {
    if (seen.has(chip.roleLabel)) continue;
    seen.add(chip.roleLabel);
    const names = item.chips.filter((c) => !c.noteFrom && c.roleLabel === chip.roleLabel).map((c) => c.name);
    roles.push(`**${esc(chip.roleLabel)}**${colon}${esc(names.join(zh ? "、" : ", "))}`);
  }
  const noted = item.chips.filter((c) => c.noteFrom);
  const from = noted[0]?.noteFrom;
  if (from) {
    const names = noted.map((c) => c.name).join(zh ? "、" : ", ");
    roles.push(
      zh
        ? `**另（见${esc(from)}）**${colon}${esc(names)}负责落实`
        : `**Also (standing note in ${esc(from)})**${colon}${esc(names)}`,
    );
  }
  blocks.push(para(roles));
  if (item.badges.length > 0) {
    const label = zh ? "期限" : "Deadlines";
    const list = item.badges.map((b) => esc(badgeLabel(b, card.lang))).join(zh ? "；" : "; ");
    blocks.push(`**${label}**${colon}${list}`);
  }
  if (item.periods) blocks.push(esc(item.periods));
  const impl = item.implements;
  blocks.push(
    para([
      card.source ? `${zh ? "出处" : "Source"}${colon}${esc(card.source)}` : "",
      impl
        ? zh
          ? `落实${colon}《${esc(impl.docName)}》${esc(impl.label)} ${esc(impl.title)}`
          : `Implements${colon}${esc(impl.docName)}, item ${esc(impl.label)} ${esc(impl.title)}`
        : "",
    ]),
  );
  return blocks;
}

/** A list entry that is a link when the button can be pressed. */
function linked(text: string, button: CardButton | undefined, options: MarkdownOptions): string {
  const url = button ? options.buttonLink?.(button) : null;
  return url ? `[${text}](${url})` : text;
}

/** The Markdown message of a card. */
export function renderMarkdown(card: Card, options: MarkdownOptions = {}): MarkdownMessage {
  const zh = card.lang === "zh";
  const blocks: string[] = [];
  if (card.title) blocks.push(`### ${esc(card.title)}`);
  // Ask buttons come in the card's order: one per candidate, then one per related item.
  const asks = card.buttons.filter((b) => b.action === "ask");

  if (card.verdicts.length === 1) {
    const v = card.verdicts[0];
    if (v) blocks.push(para([esc(v.explanation), v.badge ? esc(badgeLabel(v.badge, card.lang)) : ""]));
  } else if (card.verdicts.length > 1) {
    blocks.push(
      card.verdicts
        .map((v) => {
          const due = v.badge ? `（${esc(badgeLabel(v.badge, card.lang))}）` : "";
          return `- **${esc(v.text)}** ${esc(v.explanation)}${due}`;
        })
        .join("\n"),
    );
  }
  if (card.lines.length > 0) blocks.push(para(card.lines.map(esc)));

  for (const item of card.items) {
    const heading = `${item.label} ${item.title}`;
    if (heading !== card.title) blocks.push(`#### ${esc(heading)}`);
    blocks.push(...itemBlocks(item, card));
  }

  for (const [i, d] of card.documents.entries()) {
    if (i > 0) blocks.push(`#### ${zh ? "另收录：" : "Also loaded: "}${esc(d.name)}`);
    else if (d.name !== card.title) blocks.push(`#### ${esc(d.name)}`);
    blocks.push(d.facts.map((f) => `- **${esc(f.label)}**${zh ? "：" : ": "}${esc(f.value)}`).join("\n"));
  }

  for (const g of card.groups) {
    blocks.push(`#### ${esc(zh ? `《${g.docName}》` : g.docName)}`);
    for (const section of g.sections) {
      const rows = section.rows.map((row) => {
        const head = `${esc(row.label)} ${esc(row.title)}`;
        if (card.kind === "deadline_listing") {
          const b = row.badges[0];
          const when = b ? `**${esc(b.text)}**（${esc(badgeShort(b, card.lang))}）` : "";
          return `- ${when} ${head}${row.detail ? `${zh ? "：" : ": "}“${esc(row.detail)}”` : ""}`;
        }
        const due = row.badges.map((b) => esc(badgeShort(b, card.lang))).join(zh ? "；" : "; ");
        const extra = [row.detail ? esc(row.detail) : "", due].filter(Boolean).join(zh ? "；" : "; ");
        return `- ${head}${extra ? (zh ? `（${extra}）` : ` (${extra})`) : ""}`;
      });
      blocks.push([section.heading ? `**${esc(section.heading)}**` : "", ...rows].filter(Boolean).join("\n"));
    }
  }

  if (card.candidates.length > 0) {
    blocks.push(
      card.candidates
        .map((c, i) => {
          const label = `${c.label} ${c.title}`;
          const text = zh ? `《${esc(c.docName)}》${esc(label)}` : `${esc(c.docName)}: ${esc(label)}`;
          return `- ${linked(text, asks[i], options)}`;
        })
        .join("\n"),
    );
  }

  if (card.related.length > 0) {
    const head = `**${zh ? "相关条款" : "Related items"}**`;
    const first = card.items[0];
    const rows = card.related.map((l, i) => {
      const label = `${l.label} ${l.title}`;
      const other =
        first && l.doc !== first.doc ? (zh ? `（《${esc(l.docName)}》）` : ` (${esc(l.docName)})`) : "";
      return `- ${linked(esc(label), asks[card.candidates.length + i], options)}${other}`;
    });
    blocks.push([head, ...rows].join("\n"));
  }

  if (card.notes.length > 0) blocks.push(para(card.notes.map(esc)));

  const votes = card.buttons
    .filter((b) => b.action === "feedback")
    .flatMap((b) => {
      const url = options.buttonLink?.(b);
      return url ? [`[${esc(b.label)}](${url})`] : [];
    });
  if (votes.length > 0) blocks.push(votes.join("　"));

  const max = options.maxTitle ?? 40;
  const plain = card.title || (zh ? "回答" : "Answer");
  const title = plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
  return { title, text: blocks.filter((b) => b.length > 0).join("\n\n") };
}
