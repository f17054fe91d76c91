/**
 * The typed understanding of one question: everything later stages need, read once from the raw
 * text. Resolving and rendering read the {@link Query}, never the raw text again.
 */
import { z } from "zod";
import { IsoDate, Level, Role } from "../corpus/index.js";
import type { QuestionFacts } from "../rules/index.js";

/** The language of a question and of its answer. */
export const Lang = z.enum(["zh", "en"]);
export type Lang = z.infer<typeof Lang>;

/**
 * An item reference as written: 六(五), 第六部分第五条, 6.5, 三(一)1., or a bare (三十九) that only
 * documents numbered across sections can resolve. `doc` is set when the question names the document.
 */
export const ItemRef = z.object({
  written: z.string().min(1),
  /** Section, then the number at each level below it; a bare across-sections number has one element and `across`. */
  path: z.array(z.number().int().positive()).min(1).max(4),
  /** A bare (三十九) / 第三十九条: the printed item number in a document numbered across sections. */
  across: z.boolean(),
  /** The section is left out: (六)3 is item 3 under (六), in whichever section has it. */
  partial: z.boolean().default(false),
  /** For a section named with its title (二、工作目标): the title's first words, to confirm the section. */
  hint: z.string().nullable().default(null),
  /** 注释[17]: the task that carries note marker 17 (path holds the note's number). */
  footnote: z.boolean().default(false),
});
export type ItemRef = z.infer<typeof ItemRef>;

/** Which deadlines a question asks for: a year, an exact date, passed or open, the heating-season convention. */
export const DeadlineAsk = z.object({
  year: z.number().int().nullable(),
  /** An exact date (2024-12-31), or for the heating season the year's start as written (month-day per document). */
  date: IsoDate.nullable(),
  /** A month and day without a year (6月15日前 → "06-15"): that day in whichever year a plan sets it. */
  monthDay: z
    .string()
    .regex(/^\d{2}-\d{2}$/)
    .nullable()
    .default(null),
  state: z.enum(["passed", "open"]).nullable(),
  /** 采暖季前: each document's own heating-season date; `date`'s year (if any) is the year asked. */
  heatingSeason: z.boolean(),
  /** The words that expressed it (taken out before measuring what else the question asks). */
  matched: z.array(z.string()),
});
export type DeadlineAsk = z.infer<typeof DeadlineAsk>;

/**
 * What the question asks for. Several may hold at once ("我厂的锅炉要淘汰吗，找哪个部门" is `check`
 * and `who`); the resolver decides how they combine (src/answer/route.ts).
 * - cite: names an item; source: asks where a phrase comes from (X出自哪条);
 * - check: asks whether an obligation applies to the asker's facts;
 * - department_listing / deadline_listing: a department's tasks, or what is due when;
 * - document: about the document itself (issuer, dates, numbers);
 * - who / when: asks whose task the topic is, or its deadline;
 * - topic: anything else about the content (retrieval).
 */
export const Intent = z.enum([
  "cite",
  "source",
  "check",
  "department_listing",
  "deadline_listing",
  "document",
  "who",
  "when",
  "topic",
]);
export type Intent = z.infer<typeof Intent>;

/** One item as a conversation remembers it. */
export const ItemKey = z.object({ doc: z.string().min(1), id: z.string().min(1) });
export type ItemKey = z.infer<typeof ItemKey>;

/**
 * What one answer leaves for the next question: the documents and items it was about, the facts of a
 * check, the department or deadline it listed.
 */
export const Turn = z.object({
  /** The topic of the question that produced this context (its text, or what a follow-up took over). */
  question: z.string(),
  /** The plan terms its words were carried to (English, colloquial): a follow-up on its topic needs them too. */
  expansions: z.array(z.string()).default([]),
  kind: z.string(),
  docs: z.array(z.string()),
  items: z.array(ItemKey),
  /** The text whose facts the last check judged (a follow-up can change one of them). */
  factsText: z.string().nullable(),
  /** The last check asked for facts it needs (need_more_info): a next turn only stating facts gives them. */
  awaiting: z.boolean().default(false),
  departments: z.array(z.string()),
  deadline: DeadlineAsk.nullable(),
});
export type Turn = z.infer<typeof Turn>;

/**
 * What a conversation carries from one answer to the next question: the documents and items it was
 * about, the facts of a check, the department or deadline it listed — and the turn before it, which a
 * question turning back to it (回到市里的，这个试点…) leans on. Plain JSON, so any channel can store it (in
 * memory or in Redis) and pass it back with the next question.
 */
export const Context = Turn.extend({ earlier: Turn.nullable().default(null) });
export type Context = z.infer<typeof Context>;

/** How a follow-up relates to the previous turn. */
export const FollowUp = z.object({
  /**
   * - items: asks about the previous items (谁牵头？几时到期？);
   * - facts: changes the facts of the previous check (换成生猪呢，年出栏5000头 / and for broilers? / 只有一半呢？);
   * - within: narrows the previous items (这几条里哪条说秸秆？);
   * - scope: keeps the previous documents for a new topic;
   * - topic: the previous topic, in the documents this question names;
   * - aspect: a topic named as one aspect of the previous one (监测那一块呢): a new topic in the
   *   previous documents, where a previous item that has it comes first.
   */
  kind: z.enum(["items", "facts", "within", "scope", "topic", "aspect"]),
  context: Context,
  /**
   * For `facts`: the previous check asked again of the very same thing with one fact changed (这台锅炉
   * 烧的是天然气呢, "is it still covered?") — its verdict on the changed case is the answer, before any
   * rule the change brings in.
   */
  again: z.boolean().default(false),
});
export type FollowUp = z.infer<typeof FollowUp>;

/** Why an input is not a question at all: nothing in it, far too long, or text with no question (啊啊啊, asdfgh). */
export const InvalidReason = z.enum(["empty", "too_long", "not_a_question"]);
export type InvalidReason = z.infer<typeof InvalidReason>;

/**
 * A document the question asks of that none loaded is, where it says which: a title set off as one (《…条例》),
 * or a level (省里对… when no provincial document is held). A refusal says so.
 */
export const AbsentDocument = z.union([
  z.object({ title: z.string() }).strict(),
  z.object({ level: Level }).strict(),
]);
export type AbsentDocument = z.infer<typeof AbsentDocument>;

/** The understanding of one question. */
export const Query = z.object({
  /** The question exactly as received. */
  raw: z.string(),
  /** Cleaned (markup, invisible characters, emoji out; NFKC; spaces collapsed) and in simplified Chinese. */
  text: z.string(),
  lang: Lang,
  /** Set when the input is not a question; every other field is then empty. */
  invalid: InvalidReason.nullable(),
  /**
   * Ids of the documents the question is about: those it names (title, short name, number, issuer or
   * place), or the deployment's default documents when it names none (see `named`).
   */
  docs: z.array(z.string()),
  /** Whether the question itself names its documents (naming one is evidence it is about it). */
  named: z.boolean().default(false),
  /**
   * The words that frame the question rather than say what it asks about: those that name its
   * documents, with the words of their titles it repeats (湖南臭氧方案: 湖南, 臭氧, 方案), and those that
   * ask who or when (期限, 什么时候). Naming a document is no evidence that it covers the topic asked.
   */
  framing: z.array(z.string()).default([]),
  refs: z.array(ItemRef),
  /** The phrase of a source question (“绿岛”是哪条说的 → 绿岛). */
  phrase: z.string().nullable(),
  /** Canonical names of the departments the question names (环保局 → 市生态环境局). */
  departments: z.array(z.string()),
  /** The role a department question singles out (牵头 → lead). */
  role: Role.nullable(),
  deadline: DeadlineAsk.nullable(),
  /** The facts a rule can check, read from the question (or merged with the previous check's). */
  facts: z.custom<QuestionFacts>(),
  /** The text the facts were read from (the question, or the previous check's text changed by it). */
  factsText: z.string(),
  /**
   * The question's topic in words: the question itself, or — for a follow-up — what it took from the
   * previous turn (the next follow-up refers back to this).
   */
  topic: z.string(),
  intents: z.array(Intent),
  /** How much topic the question carries beyond listing words, department names and dates. */
  residue: z.number(),
  /** Plan terms added for English or colloquial wording, and department names. */
  expansions: z.array(z.string()),
  /** The asker's English words that no document uses and the vocabulary does not carry to a plan term. */
  unbridged: z.array(z.string()),
  /**
   * The question asks for something no policy document gives (a recommendation, a price, the
   * weather), or names a document title no loaded document has.
   */
  offTopicCue: z.boolean(),
  /**
   * Among those cues, it names a document of a place or a year no loaded document is (某市方案, 某县…工作要点,
   * Luoyang's own plan) or asks of a city or county none is about (某县交通运输局牵头哪些任务): what it asks of
   * that place no loaded document answers, whatever their items say.
   */
  otherDocument: z.boolean().default(false),
  /** The document asked of that none loaded is, where the question says which (see {@link AbsentDocument}). */
  absent: AbsentDocument.nullable().default(null),
  /**
   * The kinds of answer it asks for that only some items give (money, clock, today — the answer
   * types of data/asking.yaml); none when it asks for the content of a clause.
   */
  asksFor: z.array(z.string()).default([]),
  /**
   * The measure whose figure it asks (碘值 of 活性炭碘值至少要多少), when an answer type reads one: an item
   * answers only by giving that measure a figure.
   */
  measure: z.string().nullable().default(null),
  /** Plan terms the dictionary gives for the asker's English words (ranking help; weak evidence). */
  translations: z.array(z.string()),
  /** What the indexes see: the text without document names, and the expansions. */
  searchText: z.string(),
  followUp: FollowUp.nullable(),
});
export type Query = z.infer<typeof Query>;
