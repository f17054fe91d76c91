/**
 * Follow-ups: a question that only makes sense after the previous answer. "谁牵头？" and "几时到期？"
 * ask about the previous items; "换成生猪呢，年出栏5000头", "and for broilers?" and "只有一半呢？"
 * change the facts of the previous check; "这几条里哪条说秸秆？" narrows the previous items; a short
 * elliptical "燃煤锅炉呢？" keeps the previous documents; "国家层面的要求呢？" asks the previous topic of
 * another document. A complete new question starts afresh.
 */
import { type Item, type Plan, parseSmallNumeral } from "../corpus/index.js";
import {
  batchesIn,
  extractFacts,
  findAmounts,
  isKindOf,
  POWER_PLANT,
  type QuestionFacts,
  quotesThreshold,
  rivalCues,
  sameMeasure,
  whereIds,
  withFuel,
  withoutCancelledPlaces,
  withoutCues,
  withoutFuel,
  withoutIndustries,
  withoutPlaces,
} from "../rules/index.js";
import { askingWords, refusingKinds } from "./asking.js";
import { textWithout } from "./clean.js";
import { namedDocuments } from "./documents.js";
import type { UnderstandDeps } from "./index.js";
import { ref as itemRef } from "./refs.js";
import type { Context, FollowUp, ItemRef, Query } from "./schema.js";

/** Below this much topic of its own (about one rare word) a question leans on the previous answer. */
const OWN_TOPIC = 2.5;
/** Below this residue a question has no topic at all of its own (省里又是怎么定的). */
const NO_TOPIC = 1;

/** Words that ask about the previous items rather than a new topic. */
const ABOUT_ITEMS =
  /原文|全文|具体|详细|详情|说了什么|讲了什么|怎么说|哪些部门|责任部门|部门|(?:要求|标准|目标|指标)?(?:是|要)?达到(?:多少|多高|几)|(?:要求|标准|目标|指标)(?:是|为)?(?:多少|多高|几)|more detail|full text|details?|what does it say|what(?:'s| is) the (?:target|requirement|required (?:rate|share|level))/i;
/** Words that narrow the previous items. */
const WITHIN =
  /这几条|这些条|这几项|这些项|上面|以上|其中|这里面|这些里|among (?:these|them|those)|which of (?:these|them|those)/i;
/** Words that change the facts of the previous question. */
const CHANGE =
  /^还有|^(?:现在|后来|以后)?不再?[\u4e00-\u9fa5]{1,4}了(?=[，,。])|^另外还有|^另有|(?:^|[，,。.\s]|不好意思|抱歉|对不起)(?:搞|弄|说|写)错了|^更正|^纠正一下|(?:^|[，,])(?:实际上?|其实)(?:是|有|只有)|重新(?:数|算|量|核)了|\bactually\b|也算|也要|也得|也需要|也包括|也包含|\b(?:correction|i was wrong|i meant)\b|\b(?:count|included) too\b|换成|改成|换为|改为|改烧|改用|换烧|如果是|如果|要是|假如|假设|那.{0,16}呢|呢\s*(?:[?？,，]|$)|what about|how about|and for|and if|and what about|instead|what if|\bif (?:it|i|we|they)\b|^and\b|那(?:又|会|该|还)?(?:怎样|怎么样|咋样|如何)\s*[?？]?\s*$|\b(?:then what|what then)\b|\bthen\s*\?+\s*$/i;
/** Asking the plan for a figure, a list or a manner (要降多少, 有哪些, 怎么做, how much, which) —
 * unless it changes the case ({@link CHANGE}: 那要是…呢, 如果…, what if), when it leans on it. */
const WH_OF_PLAN = /多少|哪些|哪几|什么|怎么|如何|\bhow (?:much|many|far)\b|\bwhich\b|\bwhat\b/i;
/** A turn that asks something (a question mark, 吗 / 呢, a question word, an English question's first word): not only facts given. */
const ASKS_SOMETHING =
  /[?？吗呢么]|什么|啥|哪|多少|(?<![十百千万好这那])几|怎么|咋|是否|是不是|要不要|能不能|算不算|^\s*(?:what|which|how|who|when|where|why|does|do|is|are|can|must|should)\b/i;
/** Words opening a question of its own in a conversation: 顺便问下, 另外请教一个问题, 还有件事, 换个话题, "by the way". */
const ASKS_ANEW =
  /^(?:顺便|另外|再|还)(?:问|请教)(?:一下|下|个|一个)?|^(?:还有|另有|另外)(?:一)?(?:个|件)(?:问题|事情?|事儿)|^换个(?:问题|话题)|^(?:by the way|btw|unrelated|on another (?:note|topic)|(?:another|a different|a separate|one more|a second) question)\b/i;
/** Asking whether the previous obligation still holds of the changed case (还在淘汰范围里吗, "is it still covered?"). */
const STILL =
  /还(?:在|算|属于)[^，。？?]{0,10}(?:范围|之列|名单|里)|还(?:要|得|需要)(?:淘汰|关停|退出|改造)吗|\bstill (?:in|covered|included|on the list|subject to|affected)\b/i;
/** Asking what holds now, whatever the rule ("any obligation then?", 有啥讲究): the rules the change brings in answer. */
const ANY_RULE =
  /\bany (?:obligations?|requirements?|rules?|restrictions?)\b|\b(?:do|need) anything\b|\bwhat (?:rules|requirements|obligations)\b|有(?:啥|什么)(?:讲究|要求|规定)|没(?:什么|啥)要求|什么要求/i;
/**
 * The very one the previous check was about (这台锅炉, "that boiler"), not a kind of it (那种) — or it changed into
 * another (如果改成燃气锅炉呢: the case's boiler, burning gas).
 */
const SAME_ONE =
  /这台|那台|这辆|那辆|该(?:台|辆)|^(?:那|那么)?(?:如果|要是|若是?|假如)?(?:改成|改为|改用|改烧)|\b(?:this|that|the same) (?:one|boiler|truck|vehicle|machine|kiln|stove)\b|\bif it(?:'s| is| were| was| ran| runs| burned| burns)\b/i;
/** Another one of the kind the previous check was about (还有一台…, "a second boiler"): a case of its own. */
const ANOTHER =
  /还有一(?:台|辆|家|座|条|个|处)|另(?:外)?(?:有)?一(?:台|辆|家|座|条|个|处)|\b(?:another|a second|the other) (?:one|[a-z-]+)\b/i;
/** A turn that asks an obligation in words of its own (要装…吗, 需不需要, 是否, "do we need"), not only 呢. */
const ASKS_ITSELF =
  /(?:要|得|需要|必须|应该|能|可以)[^，。,]{1,16}吗|要不要|需不需要|用不用|是否|\b(?:do|does|must|should) (?:we|i|it|they)\b/i;
/** A fuel the turn asks the thing must take (这台也得新能源？), not one it burns. */
const ASKED_FUEL =
  /(?:得|要|必须|需要|应该|应当)(?:换成|改成|换|改|买|购买|用|采购|是|上)?(?:的)?(?:新能源|纯电|电动)/;
/** A turn opening on something besides what was said (另外还有…, 还有…, 另有…). */
const BESIDES = /^(?:另外|此外|另有|还有)/;
/** Words that take back what was said (说错了, "sorry, correction"): what follows replaces, not adds. */
const CORRECTS =
  /(?:^|[，,。.\s])(?:说|搞|弄|写)错了|^更正|^纠正一下|\b(?:correction|i was wrong|i meant|my mistake)\b/i;
/** A change of size relative to the previous figures. */
const RELATIVE: ReadonlyArray<readonly [RegExp, number]> = [
  [/一半|减半|half/i, 0.5],
  [/三分之一|a third/i, 1 / 3],
  [/四分之一|a quarter/i, 0.25],
  [/翻倍|加倍|两倍|double|twice/i, 2],
  [/三倍|triple/i, 3],
  [/十倍|ten times/i, 10],
];
/** A figure said to come on top of the case's (又多了300个, 再加2台, another 5,000): it adds, not replaces. */
const ADDS_ON_TOP =
  /又(?:多|增加|新增|添|加|上)了?|再(?:加上?|多|增加|新增|添)|(?:新)?增加了|多出了?|\b(?:another|an extra|an additional)\s+[\d,.]+|\b[\d,.]+\s*(?:k\s*)?more\b/i;
/** A figure said to come off the case's (又少了200个, 拆了2台, 5,000 fewer): it subtracts. */
const SUBTRACTS = /(?:又)?(?:少了|减少了|减了|拆了|去掉了?)|\b[\d,.]+\s*(?:k\s*)?fewer\b/i;
/** Words that point back to the previous topic. */
const ANAPHORA =
  /这个|这方面|这块|这一块|这件事|这项|这条|该项|此项|对此|此事|这事|那个|那方面|同样|也有|这台|那台|这辆|那辆|这些车|这批|这座|这家|这样|那样|这种情况|也(?:是)?(?:这么|那么)|那还|还算|还拦|\b(?:that|this|it|the same)\b/i;
/** A measure of the previous topic pointed back at (那个比例, 这个目标, that target): no topic of its own. */
const THAT_MEASURE =
  /(?:那个|这个|这一|那一|该)(?:比例|比率|目标|指标|要求|任务|标准|数字|限值|措施)|\b(?:that|this|the same) (?:ratio|rate|share|target|figure|requirement|rule|task|measure)\b/i;
/** Asking what a document requires, with no topic of its own (省里对这个怎么规定): the previous topic. */
const ASKS_RULES =
  /(?:怎么|咋)(?:要求|规定|说)|有(?:什么|啥|何)(?:要求|规定)|要求(?:是)?(?:什么|啥)|定(?:的|了)?(?:是)?多少|(?:标准|指标|目标|比例)(?:是|为)?(?:多少|啥|什么)|\bwhat does it (?:say|require)|\b(?:and )?(?:under|in) the\b/i;
/** Asking whether a document sets a requirement (有比例要求吗, 有没有硬性规定). */
const REQUIREMENT_ASKED = /有(?:没有)?[\p{Script=Han}]{0,4}?(?:要求|规定)(?:吗|么|没有?)/u;
/** Pointing back at the one thing the previous check was about (这台, that machine). */
const THAT_THING =
  /这台|那台|这辆|那辆|这批|这是一台|这是一辆|它是一台|这些车|这家|这座|这个厂|这种|那种|该(?:台|辆|企业|厂|项目)|\b(?:this|that|the same) (?:one|machine|boiler|truck|vehicle|farm|site|plant|project)\b/i;

/** What a thing serves, a place's name in it (用于城区集中供暖): not where the thing stands. */
const SERVED = /(?:专门)?(?:用于|专供|供|给|为)[\u4e00-\u9fa5]{0,6}?(?:集中供暖|集中供热|供暖|供热|取暖)/g;

/** Saying where the case is (就在某市下面, 位于某县境内, "it's in that county"). */
const LOCATED =
  /(?:就|是|都|也)?(?:在|位于|属于|归)[\u4e00-\u9fa5]{2,8}(?:下面|下边|下辖|管辖|境内|辖区|范围内?|里|内)|\b(?:it'?s|we'?re|it is|we are|located) in\b/i;
/** Asking about a document rather than saying where the case is. */
const ABOUT_A_DOCUMENT = /方案|计划|文件|规定|要求|政策|\bplan\b|\bpolicy\b/i;

/** Asking in turn what was just asked (国家定的又是多少, 省里又怎么要求): the previous topic, of another document. */
const IN_TURN = /又(?:是|要|该|得|怎么|咋|如何|定|有)/;

/** Pointing back at a kind of thing the previous question named (这类车, 那种锅炉, these vehicles). */
const KIND_POINTED_BACK =
  /(?:这|那|该)(?:类|种|些)[\p{Script=Han}]|\b(?:these|those|such) (?:vehicles|trucks|cars|boilers|plants|farms|sites|projects)\b/iu;
/** Asking how much a plan sets (PM2.5要降多少, 要达到几成): a question of the plan's figure, no fact of a case. */
const ASKS_AMOUNT =
  /(?:降|减|下降|削减|降低|提高|提升|达到|控制在?)(?:到|低)?(?:多少|几)|\bby how much\b|\bhow much (?:lower|less|higher|reduction)\b/i;
/** Asking a plan's target (目标是多少, 目标定的多少, "what is the target"). */
const ASKS_TARGET =
  /目标值?[^，,。？?]{0,6}?(?:是多少|多少|是什么|定的|定了)|\bwhat(?:'s| is| are) (?:the|its|their) (?:\w+ )?targets?\b/i;
/**
 * Asking from what size a rule starts (国家计划从多大面积起算, 多少蒸吨以上才算, "from what size"): after a check, the
 * threshold of the previous case's kind, asked of the document named — no topic of its own.
 */
const ASKS_THRESHOLD =
  /(?:多大|多少|几)[\p{Script=Han}]{0,4}?(?:起|以上|开始|才算|才要|才需要|算数)|门槛|\bfrom what (?:size|area|capacity)\b|\bwhat (?:size|threshold)\b/iu;
/** Pointing back at places or kinds the previous question named. */
const THOSE =
  /这些|那些|这类|那类|\b(?:those|these|such) (?:cities|places|areas|regions|plants|farms|companies|sites)\b/i;
/** Words that say how a case stands rather than what it is (已经达标, 还没有, no longer). */
const STATE =
  /已经|已|还没|没有|尚未|未|不再|达标|超标|不(?:开火|炒菜|做饭|喷漆|刷漆)|只卖|\balready\b|\bno longer\b|\bnot yet\b|\bstill\b|\bno (?:frying|cooking)\b/i;

/**
 * A statement that answers what a check asked for (是稀薄燃烧的, 查了一下是设计规模, "it's
 * lean-burn", "actually it's 800"): it adds to the case, it is no new question.
 */
const ADDS =
  /^(?:补充(?:一下|说明)?|另外|忘了说|再补充|是|就是|其实是|实际是|都是|对[,，]?|嗯[,，]?|查了下|查了一下|核实了|确认了|it'?s\b|it is\b|they'?re\b|they are\b|we'?re\b|we are\b|actually\b|sorry\b|yes\b|also\b|plus\b|in addition\b|i forgot\b)/i;

/**
 * Asking one more obligation of the same case: 还得…吗, 也要…吗, 那净化装置也要装吗 (the obligation's
 * object may come first), "do we also have to …".
 */
const ALSO_ASKS =
  /^(?:那|那么)?[\p{Script=Han}A-Za-z]{0,8}?(?:还|也)(?:得|要|需要|用|必须|应该)|\b(?:also|as well|too)\b/iu;
/** Saying the new thing has the case's figures (一样的数, 规模一样, "the same number"). */
const SAME_FIGURES =
  /(?:一样|同样|相同)的?(?:数|数量|数目|规模|量)|(?:数|数量|数目|规模|数字|量)(?:也|都)?(?:一样|相同|不变)|(?:一样|同样)多|\bsame (?:number|numbers|count|figures?|size|amount|capacity|output|scale)\b/i;
/** A thing named alone ("ducks?", 肉鸡？): after a check, the same question of it. */
const bareThing = (text: string) =>
  /[\u4e00-\u9fff]/.test(text)
    ? text.replace(/[\s?？.!！。,，]/g, "").length <= 8 && !/[吗么]/.test(text)
    : (text.match(/[a-z0-9'-]+/gi) ?? []).length <= 4 && !ASKS_OF_ITS_OWN.test(text);
/** An English question of its own, however short ("is there a subsidy?"), as 吗 makes one: no thing named alone. */
const ASKS_OF_ITS_OWN =
  /^\s*(?:and\s+)?(?:is|are|was|were|do|does|did|can|could|will|would|must|should|shall|has|have|what|which|who|when|where|why|how)\b/i;

/** A count the previous case also counts (1000个 after 密封点900个): a new figure for it. */
function counts(previous: string, text: string): boolean {
  const fresh = findAmounts(text).filter((a) => COUNTS.has(a.unit ?? "") && a.value !== 1);
  return fresh.length > 0 && findAmounts(previous).some((a) => COUNTS.has(a.unit ?? ""));
}

/** Words that may stand beside a figure given alone (exactly, 正好, 整). */
const AROUND_FIGURE =
  /\b(?:exactly|just|only|about|around|roughly|precisely|what about|how about|and|if it(?:'s| is| were)|at)\b|正好|刚好|恰好|刚刚|整|左右|大约|大概|如果是|要是|那|呢|吗|的|[?？.!！。,，\s]/gi;

/** A text without the years it names (2020年, "the 2020 level"): they date a figure, they are none. */
function withoutYears(text: string): string {
  return text.replace(/(?<!\d)(?:19|20)\d{2}(?!\d)\s*年?/g, "");
}

/** A text that is a figure and nothing more ("only two million?", 正好七千万块的呢). */
function bareFigure(text: string): boolean {
  const amounts = findAmounts(text);
  if (amounts.length !== 1) return false;
  const rest = amounts.reduce((t, a) => t.replace(a.text, ""), text).replace(AROUND_FIGURE, "");
  return rest.length <= 2;
}

/** An aspect of what was asked before (那一块, 这方面, 那部分), named with a topic of its own. */
const ASPECT = /[\p{Script=Han}]{2,}(?:那|这)(?:一)?(?:块|方面|部分|环节)(?:呢|的呢)?\s*[?？]?$/u;
/** Whether what was said holds the same for something else: X要求一样吗, X也是这样吗, X也适用吗. */
const SAME_AS_BEFORE =
  /^[\p{Script=Han}A-Za-z0-9.]{2,12}?(?:的)?(?:要求|规定|标准|目标)?(?:也|还)?(?:是)?(?:一样|相同|同样|这样|一致|适用)(?:的)?(?:吗|么|嘛|不|没)?\s*[?？]?$/u;
/** An elliptical question: short, ending in 呢 or opening with 那/and. */
const ELLIPTICAL = /^(?:那|那么|还有|and\b|what about|how about)|呢\s*[?？]?$/i;

/** What an elliptical question wraps its words in: 那…的截止时间呢？ */
const ELLIPSIS_FRAME =
  /^(?:那么?|还有)|(?:的)?(?:(?:截止|完成|办结)?(?:时间|时限|期限|日期)|什么时候|啥时候|几时|谁(?:来)?(?:负责|牵头|管))?(?:呢)?\s*[?？。]?$/g;

/**
 * Whether a short elliptical question's own words stand verbatim in the previous answer's first item
 * (整改 in an item on 排查 and 整改; a year in an item with a target for each year).
 */
function namesPartOfPrevious(text: string, context: Context, deps: UnderstandDeps): boolean {
  const words = text.replace(ELLIPSIS_FRAME, "").trim();
  if (!/^[\p{Script=Han}\d]{2,8}$/u.test(words) || /^\d+$/.test(words)) return false;
  return previousItem(context, deps)?.item.text.includes(words) ?? false;
}

/** The previous answer's first item and its plan, when the plan is loaded. */
function previousItem(context: Context, deps: UnderstandDeps): { plan: Plan; item: Item } | null {
  const first = context.items[0];
  const plan = deps.plans.find((p) => p.doc === first?.doc);
  const item = plan?.items.find((i) => i.id === first?.id);
  return plan && item ? { plan, item } : null;
}

/** Tonnes beside tonnes an hour (40吨的呢 after 20吨/小时): a boiler's size said both ways. */
const tonnes = (a: string | null, b: string | null) =>
  a !== null && b !== null && [a, b].every((u) => u === "t" || u === "t/h");

/** A figure with a unit, as the facts reader found it. */
type Figure = ReturnType<typeof findAmounts>[number];
const withUnit = (text: string): Figure[] =>
  // One machine (换成一台国三的) is an article, not a figure of the case.
  findAmounts(text).filter(
    (a) => a.unit !== null && a.unit !== "piece" && !(a.unit === "unit" && a.value === 1),
  );

/** 200000 → 20万, 17.5 → 17.5: a figure written back the way a question writes it. */
function figure(value: number): string {
  const v = Math.round(value * 100) / 100;
  return v >= 1e4 && v % 100 === 0 ? `${v / 1e4}万` : String(v);
}

/** The previous figures scaled: 30万羽 → 15万羽 for 一半. */
function scaleFigures(text: string, factor: number): string {
  let out = text;
  for (const a of withUnit(text).reverse()) {
    const unit = a.text.replace(/^[\d.,\s零〇一二两三四五六七八九十百千万亿]+/, "");
    out = `${out.slice(0, a.index)}${figure(a.value * factor)}${unit}${out.slice(a.index + a.text.length)}`;
  }
  return out;
}

/** Counts that stand for one another in a follow-up: 只有800个呢 after 密封点1200个. */
const COUNTS = new Set(["piece", "point", "unit"]);
/** Two units that measure the same: the same unit, or counts (800个 and 300个密封点). */
const sameCount = (a: string | null, b: string | null) =>
  a !== null && b !== null && (a === b || (COUNTS.has(a) && COUNTS.has(b)));

/** The numeral a figure's text opens with (150k, 1.2 million, 二十万): what is left names its unit. */
const NUMERAL =
  /^[\d.,\s零〇一二两三四五六七八九十百千万亿]+(?:k\b\s*)?(?:(?:million|thousand|billion|hundred)\b\s*)?/i;

/** Whether words name animals (laying hens), not only count them (birds). */
const namesAnimals = (words: string) =>
  extractFacts(words, /[\u4e00-\u9fff]/.test(words) ? "zh" : "en").entities.some((e) => e.kind === "animal");

/**
 * A follow-up's output said in batches (每批十万只，一年出六批) said as the year's figure it makes (年出栏60万只),
 * so it takes the place of the case's yearly figure rather than being read as one.
 */
function yearOfBatches(text: string): string {
  const batches = batchesIn(text);
  if (!batches) return text;
  const { batch, times, words } = batches;
  const zh = /[\u4e00-\u9fff]/.test(text);
  const value = batch.value * times;
  const unitWords = batch.text.replace(NUMERAL, "");
  const yearly = zh ? `年出栏${figure(value)}${unitWords}` : `${value} ${unitWords.trim()} a year`;
  return [{ index: batch.index, text: batch.text, by: yearly }, ...words.map((w) => ({ ...w, by: "" }))]
    .sort((a, b) => b.index - a.index)
    .reduce((t, w) => `${t.slice(0, w.index)}${w.by}${t.slice(w.index + w.text.length)}`, text);
}

/**
 * The previous text with its figures of the same units replaced by the new ones (or the new ones
 * added). A count (800个) replaces a count; a bare number ("what if it were 6 million?") replaces
 * the previous figure when there is exactly one, taking its unit.
 */
function replaceFigures(previous: string, said: string): string {
  const next = yearOfBatches(said);
  // 另一条, 一台: one of a thing counts it, it measures nothing.
  const amounts = findAmounts(next).filter((a) => !(a.value === 1 && COUNTS.has(a.unit ?? "")));
  const fresh = amounts.filter((a) => a.unit !== null);
  // 个 is a count only when a count is given for it (900个 for 1200个): otherwise 一个 is just "one".
  const counting = fresh.some((f) => COUNTS.has(f.unit as string));
  const old = counting ? findAmounts(previous).filter((a) => a.unit !== null) : withUnit(previous);
  const bare = amounts.filter((a) => a.unit === null);
  // A bare number is never a share (95%): it stands for the one other figure.
  const measured = old.filter((o) => o.unit !== "%");
  let out = previous;
  let replaced = false;
  const used = new Set<Figure>();
  // 设计年出栏12000头 after 存栏3000头: a figure of another measure is one more fact, not a correction.
  // So is a design figure after a current one (实际出栏120万羽, then 设计的年出栏是90万羽).
  const measures = (text: string) =>
    new Map(
      extractFacts(text, /[\u4e00-\u9fff]/.test(text) ? "zh" : "en").amounts.map(
        (a) => [a.index, { period: a.period, basis: a.basis }] as const,
      ),
    );
  const [before, after] = [measures(previous), measures(next)];
  const sameMeasureAs = (o: Figure) => (f: Figure) => {
    const [a, b] = [before.get(o.index), after.get(f.index)];
    const differ = (x: string | null | undefined, y: string | null | undefined) => !!x && !!y && x !== y;
    return !differ(a?.period, b?.period) && !differ(a?.basis, b?.basis);
  };
  // 又多了300个 after 800个: the new figure is a difference, counted onto the old one of its unit.
  const sign = ADDS_ON_TOP.test(next) ? 1 : SUBTRACTS.test(next) ? -1 : 0;
  for (const o of [...old].reverse()) {
    const same =
      fresh.filter(sameMeasureAs(o)).find((f) => f.unit === o.unit) ??
      // 30 MW after 20 t/h: the boiler's size in another unit (not a power plant's 30万千瓦).
      fresh.find(
        (f) =>
          (tonnes(f.unit, o.unit) || (!POWER_PLANT.test(next) && sameMeasure(f.unit, o.unit))) &&
          !old.some((x) => x.unit === f.unit),
      ) ??
      fresh.find((f) => COUNTS.has(f.unit as string) && COUNTS.has(o.unit as string)) ??
      (measured.length === 1 && measured[0] === o && fresh.length === 0 && bare.length === 1
        ? bare[0]
        : undefined);
    if (!same) continue;
    used.add(same);
    const unitWords = o.text.replace(NUMERAL, "");
    // 200,000 birds after 150k laying hens: the new figure of the same animals, named as before.
    const sameAnimals =
      same.unit === "animal" && namesAnimals(unitWords) && !namesAnimals(same.text.replace(NUMERAL, ""));
    const number = same.unit === null ? same.text : (NUMERAL.exec(same.text)?.[0] ?? same.text).trim();
    const difference =
      sign !== 0 && (same.unit === null || sameCount(o.unit, same.unit)) && o.value + sign * same.value >= 0;
    const text = difference
      ? `${figure(o.value + sign * same.value)}${/^[A-Za-z]/.test(unitWords) ? " " : ""}${unitWords}`
      : same.unit === null || sameAnimals
        ? `${number} ${unitWords}`.replace(/(\d) (?=[^ -~])/, "$1")
        : same.text;
    out = `${out.slice(0, o.index)}${text}${out.slice(o.index + o.text.length)}`;
    replaced = true;
  }
  // A bare number after a case whose one figure has no unit either (15,000 sold a year → 9,000).
  const lone = findAmounts(previous);
  if (!replaced && old.length === 0 && fresh.length === 0 && bare.length === 1 && lone.length === 1) {
    const [o, b] = [lone[0] as Figure, bare[0] as Figure];
    return `${previous.slice(0, o.index)}${b.text}${previous.slice(o.index + o.text.length)}`;
  }
  if (!replaced) return `${previous}，${next}`;
  // Where the new case stands counts too ("…, located outside the planning area"), and so does a
  // figure of a new kind ("…, the nearest CHP plant 60 km away"): their words follow, without the
  // figures already put in place.
  const lang = /[\u4e00-\u9fff]/.test(next) ? "zh" : "en";
  const placed = extractFacts(next, lang).places.size > 0;
  const rest = [...amounts]
    .filter((a) => used.has(a) || a.unit === null)
    .reverse()
    .reduce((t, a) => `${t.slice(0, a.index)}${t.slice(a.index + a.text.length)}`, next);
  // So does a fact without a figure said beside the new one (是肉鸡，设计年出栏20万羽; 28兆瓦的，排放稳定达标) —
  // not the case's own thing named again ("the boiler is actually 35 km away").
  const restFacts = extractFacts(rest, lang);
  const own =
    restFacts.entities.length > 0 && sameThings(restFacts, previous, lang)
      ? restFacts.entities.reduce((t, e) => t.split(e.mention).join(""), rest)
      : rest;
  if (!placed && !fresh.some((f) => !used.has(f)) && !statesFacts(own, lang)) return out;
  return placed ? replacePlaces(out, rest, lang) : `${out}，${rest}`;
}

/** Cues that say what a question is or does, not a fact of its case. */
const NOT_A_FACT = new Set(["asks", "self"]);

/** Whether a text says a fact of a case: a thing, fuel, trade, grade, standard or a state (稳定达标). */
function statesFacts(text: string, lang: Query["lang"]): boolean {
  const f = extractFacts(text, lang);
  return (
    f.things.size > 0 ||
    f.entities.length > 0 ||
    f.fuels.length > 0 ||
    f.industries.length > 0 ||
    f.grade !== null ||
    f.standard !== null ||
    [...f.cues].some((c) => !NOT_A_FACT.has(c))
  );
}

/** Whether the things a follow-up names (if any) are those of the previous case ("the boiler" after a boiler). */
function sameThings(own: ReturnType<typeof extractFacts>, previous: string, lang: Query["lang"]): boolean {
  const before = extractFacts(previous, lang).entities;
  return own.entities.every((e) =>
    before.some(
      (b) =>
        b.kind === e.kind &&
        b.animal === e.animal &&
        // "the boiler" is the coal boiler named before; 肉鸡 is not the pigs.
        (e.thing === b.thing || e.thing === e.kind) &&
        (!e.fuel || e.fuel === b.fuel),
    ),
  );
}

/** Whether the things a text names are all things the previous case named (that photo-oxidation unit). */
function namesOnlyPrevious(
  own: ReturnType<typeof extractFacts>,
  previous: string,
  previousThings: ReadonlySet<string>,
  lang: Query["lang"],
): boolean {
  return [...own.things].every((t) => previousThings.has(t)) && sameThings(own, previous, lang);
}

/** Whether a figure of the text has a unit the previous text also measures (50 t/h after 15 t/h). */
function sharesUnit(previous: string, text: string): boolean {
  const units = withUnit(previous).map((a) => a.unit);
  const converts = !POWER_PLANT.test(text);
  return withUnit(text).some((a) =>
    units.some((u) => u === a.unit || tonnes(u, a.unit) || (converts && sameMeasure(u, a.unit))),
  );
}

/** Whether a text names a place the rule books know (周口, 南阳市, Heze). */
function namesPlace(text: string, deps: UnderstandDeps): boolean {
  return (deps.places?.(text) ?? []).length > 0;
}

/** Whether a text says nothing but a place the rule books know (某市呢？, 换成某市的话, "and Heze?"). */
function onlyAPlace(text: string, deps: UnderstandDeps): boolean {
  const spans = deps.places?.(text) ?? [];
  if (spans.length === 0) return false;
  const rest = withoutSpans(text, spans)
    .replace(/换成|改成|放到|放在|如果|要是|的话|那么?|呢|在|市|\b(?:and|what about|how about|in)\b/gi, "")
    .replace(/[\s\p{P}]/gu, "");
  return rest.length === 0;
}

/** A text with the given spans taken out. */
function withoutSpans(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string {
  let out = text;
  for (const s of [...spans].reverse()) out = `${out.slice(0, s.start)}${out.slice(s.end)}`;
  return out;
}

/** The previous text with the clauses that said where the case stood replaced by the new place. */
function replacePlaces(previous: string, next: string, lang: Query["lang"]): string {
  // Inside the planning area after outside it: the old place goes from its clause, the new one is
  // added; a clause naming only places the new text names too stays as it was.
  const fresh = extractFacts(next, lang).places;
  const kept = previous
    .split(/[，;；]|,(?!\d{3})/)
    .map((clause) => {
      const places = extractFacts(clause, lang).places;
      return [...places].every((p) => fresh.has(p)) ? clause : withoutPlaces(clause);
    })
    .filter((clause) => /[\p{Script=Han}a-z0-9]/iu.test(clause));
  return [...kept, next].join("，");
}

/** The cues of a text and their opposites (key-region ↔ not-key-region). */
function opposedCues(text: string, lang: Query["lang"]): Set<string> {
  return new Set(
    [...extractFacts(text, lang).cues].map((c) => (c.startsWith("not-") ? c.slice(4) : `not-${c}`)),
  );
}

/** Whether the previous case's cues state a fact the new text turns round (不在重点区域 → 在重点区域). */
function opposes(previousCues: Iterable<string>, next: string, lang: Query["lang"]): boolean {
  const opposite = opposedCues(next, lang);
  return [...previousCues].some((c) => opposite.has(c));
}

/**
 * The previous text without the words stating what the new one turns round; the rest of their clause
 * stays when it says more (…outside the key regions and want a new 40 t/h boiler; our city is in a key
 * region and we are replacing city buses), else the clause goes.
 */
function withoutOpposed(previous: string, next: string, lang: Query["lang"]): string {
  const opposite = opposedCues(next, lang);
  return previous
    .split(/(?<=[，,、;；])/)
    .flatMap((clause) => {
      const turned = new Set([...extractFacts(clause, lang).cues].filter((c) => opposite.has(c)));
      if (turned.size === 0) return [clause];
      const rest = withoutCues(clause, turned);
      return withUnit(clause).length > 0 || saysMore(rest, lang) ? [rest] : [];
    })
    .join("");
}

/** Whether what is left of a clause still states a fact of the case (a thing, a figure, a place). */
function saysMore(rest: string, lang: Query["lang"]): boolean {
  const f = extractFacts(rest, lang);
  return f.entities.length > 0 || f.amounts.length > 0 || f.places.size > 0;
}

/** The previous text with its emission standard replaced by the new one (那国三的呢 after 国四). */
function replaceStandard(previous: string, next: string, lang: Query["lang"]): string | null {
  const fresh = extractFacts(next, lang).standard;
  if (!fresh) return null;
  // Every mention of the old standard goes (Stage II (China II) → Stage III).
  let out = previous;
  for (let round = 0; round < 3; round++) {
    const old = extractFacts(out, lang).standard;
    if (!old || old.text === fresh.text || !out.includes(old.text)) break;
    // Not inside a longer one (Stage II within Stage III).
    const escaped = old.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    out = out.replace(new RegExp(`${escaped}(?![IVXivx0-9一二三四五六])`, "g"), fresh.text);
  }
  // An emission stage is an engine's: the case said electric before (电动的) burns a fuel now.
  if (extractFacts(out, lang).fuels.includes("electric")) out = withoutFuel(out, "electric");
  return out === previous && !extractFacts(previous, lang).standard ? `${previous}，${fresh.text}` : out;
}

/** Where a question's clauses part: Chinese and English punctuation. */
const CLAUSE_BREAK = /[,，;；。]|(?<=[.?!])\s+/;

/** The previous case's clauses that give a figure, the things they name taken out: figures for a new thing. */
function figureClauses(previous: string, lang: Query["lang"]): string {
  return previous
    .split(CLAUSE_BREAK)
    .filter((clause) => withUnit(clause).length > 0)
    .map((clause) =>
      extractFacts(clause, lang)
        .entities.filter((e) => !/\d/.test(e.mention))
        .reduce((t, e) => t.split(e.mention).join(""), clause),
    )
    .join("，");
}

/** The clauses of the previous text that name no animal and no figure: what it asked (要纳入氨排放试点吗). */
function askingClauses(previous: string, lang: Query["lang"], own: QuestionFacts): string {
  return previous
    .split(CLAUSE_BREAK)
    .map((clause) => {
      const f = extractFacts(clause, lang);
      // A figure quoting the rule's threshold (属于35蒸吨/小时以下要全面淘汰的吗) asks; it is no fact of the case.
      const quoting =
        f.amounts.length > 0 &&
        f.amounts.every((a) => quotesThreshold(clause.slice(a.index + a.text.length)));
      if (f.entities.some((e) => e.kind === "animal") || (f.amounts.length > 0 && !quoting)) return "";
      // The new thing takes the place of the one named before (救护车呢 after 我在城区跑网约车): its
      // name goes, the rest of the clause (在城区) stays — and so does a thing that is also where the
      // new one is used (the construction site of an excavator). A standard the question gives
      // replaces the old one.
      const gone = (c: string, facts: QuestionFacts) =>
        facts.entities
          .filter((e) => !facts.places.has(e.thing) || own.places.has(e.thing))
          .reduce((text, e) => text.split(e.mention).join(""), c);
      // A thing named twice (叉车、装载机 are one kind) goes with all its names.
      let kept = gone(clause, f);
      for (let round = 0; round < 3; round++) {
        const again = gone(kept, extractFacts(kept, lang));
        if (again === kept) break;
        kept = again;
      }
      if (own.standard && f.standard) kept = kept.split(f.standard.text).join("");
      return withoutCancelledPlaces(kept, own.places);
    })
    .filter((clause) => clause.trim().length > 0)
    .join("，");
}

/**
 * Of the previous case's clauses, those that ask (要做低VOCs原辅材料替代吗): another trade asked the same
 * question does not keep how the old one worked (不刷漆不上胶). All of them when none asks.
 */
function questionClauses(clauses: string): string {
  const asking = clauses
    .split("，")
    .filter((c) => /[吗?？]|是否|要不要|需不需要|用不用|\b(?:do|does|must|need|should|have to)\b/i.test(c));
  return asking.length > 0 ? asking.join("，") : clauses;
}

/**
 * A case checked against a local plan is in that plan's place: asked of another document (国家层面呢？),
 * it keeps it (a boiler of a city in a key region is in one) unless its words say where it is.
 */
function placedWhereItWas(factsText: string, context: Context, query: Query, deps: UnderstandDeps): string {
  if ((deps.places?.(factsText) ?? []).length > 0) return factsText;
  const local = deps.plans.filter((p) => context.docs.includes(p.doc) && p.profile.place !== null);
  const place =
    local.length === 1 && !query.docs.includes(local[0]?.doc ?? "") ? local[0]?.profile.place : null;
  if (!place) return factsText;
  return query.lang === "en" ? `${factsText} (in ${place.en})` : `${factsText}，在${place.zh}`;
}

/** What is asked of an item named by its place (第三点几时到期, 下一条谁牵头): no topic of its own. */
const ASKED_OF_ITEM =
  /(?:什么时候|啥时候|几时|何时)(?:要|得|需要)?(?:完成|到期|截止|办结|做完|干完)?|(?:是)?谁(?:来)?(?:负责|牵头|管|落实)|(?:的)?(?:截止|完成|办结)?(?:时间|时限|期限)/gu;
/**
 * 第二条呢 / 那第三条呢 after an answer about an item: its point so numbered when it has points, else the item
 * numbered so beside it — in its document, under the same parent (3.3.1.1 → 3.3.1.2) — when there is one; a bare number asked with a
 * topic of its own, or with no such item beside, is read as it stands.
 */
function numberedBeside(
  query: Query,
  context: Context,
  deps: UnderstandDeps,
): { ref: ItemRef; doc: string } | null {
  // 第二点呢 / 第（2）点呢 names no item anywhere (点 is no item's word): a point beside the previous one.
  const point =
    query.refs.length === 0
      ? /第\s*[(（]?\s*([一二三四五六七八九十\d]{1,3})\s*[)）]?\s*点/.exec(query.text)
      : null;
  const n = point ? parseSmallNumeral(point[1] as string) : null;
  const [ref, ...more] = point && n ? [itemRef(point[0], [n], { across: true })] : query.refs;
  if (!ref?.across || ref.path.length !== 1 || more.length > 0 || query.docs.length > 0) return null;
  // Little besides the number (呢, 讲什么, 是啥, 什么时候完成): a topic of its own is asked where it is.
  const rest = query.text
    .replace(ref.written, "")
    .replace(ASKED_OF_ITEM, "")
    .replace(/[\s\p{P}]/gu, "");
  if (rest.length > 5) return null;
  const previous = previousItem(context, deps);
  if (!previous || previous.item.level < 2) return null;
  const { plan, item } = previous;
  // An item shown with its points (1. 2. 3.): 第二点 / 第二条 is its point, not the item after it. A point
  // shown with its own （1）（2）: 第二点 is the point beside it, as its item counts them.
  const itsPoint = plan.items.find((i) => i.parent === item.id && i.number === ref.path[0]);
  const sibling = plan.items.find(
    (i) =>
      i !== item &&
      i.level === item.level &&
      i.parent === item.parent &&
      i.section === item.section &&
      i.number === ref.path[0],
  );
  const next = item.level >= 3 && point ? (sibling ?? itsPoint) : (itsPoint ?? sibling);
  return next ? { ref: { ...ref, path: next.path, across: false }, doc: plan.doc } : null;
}

/** A step from the previous item: 下一条呢, 上一项, 再下一条, 下下条, 后一点, 下一个呢; "the following clause", "the one before". */
const STEP_ZH =
  /(?<![最以之然])(?:再)?(下下|上上|[下上前后])\s*(?:一|1)?\s*(?:条|项|款|点|个(?=\s*(?:呢|是|讲|说|[?？。]|$)))/u;
// ("the last item" is the plan's final one, no step.)
const STEP_EN =
  /\b(?:(next|following)|(previous|preceding|prior))\s+(?:one|item|point|clause|measure|task|entry)\b|\bthe\s+(?:one|item|clause)\s+(after|before)\s+(?:that|it|this)\b/i;
/**
 * What a step question wraps around its step: 呢, 讲的什么, 是谁牵头, what does it say — and the
 * courtesies and the place it stands in (好的谢谢, 这一部分的, "OK thanks", "in that section cover").
 */
const STEP_FRAME =
  /^(?:那|那么|还有|and|so|ok|okay|what about|how about|what's|what is|show me|then)\b|呢|讲(?:的)?(?:是)?(?:什么|啥)|说(?:的)?(?:是)?(?:什么|啥)|(?:是)?(?:什么|啥)(?:内容)?|内容|好的|谢谢|(?:这|那|同)一?(?:部分|节|章)(?:里|中)?的?|\b(?:the|about|what|does|it|say|says|ok|okay|thanks|thank you|please|cover|covers|is|in (?:that|this|the same) (?:section|part|chapter))\b/giu;

function stepOf(text: string): { by: number; written: string } | null {
  const zh = STEP_ZH.exec(text);
  if (zh) {
    const where = zh[1] as string;
    const back = where.startsWith("上") || where === "前";
    return { by: (back ? -1 : 1) * where.length, written: zh[0] };
  }
  const en = STEP_EN.exec(text);
  if (!en) return null;
  const back = Boolean(en[2]) || en[3]?.toLowerCase() === "before";
  return { by: back ? -1 : 1, written: en[0] };
}

/**
 * 下一条呢 / 上一项 / "the following one" after an answer about an item: the item that many places on (下下条: two) at its own
 * level, in the order the plan prints them — across sections, as a reader turns the page (六(二十四) → 七(二十五)).
 * A point steps among its item's points and past the last one to the item after. A question with a topic
 * of its own besides the step is read as it stands.
 */
function steppedBeside(
  query: Query,
  context: Context,
  deps: UnderstandDeps,
): { ref: ItemRef; doc: string } | null {
  if (query.refs.length > 0 || query.docs.length > 0) return null;
  const step = stepOf(query.text);
  if (!step) return null;
  const rest = query.text
    .replace(step.written, "")
    .replace(ASKED_OF_ITEM, "")
    .replace(STEP_FRAME, "")
    .replace(/[\s\p{P}]/gu, "");
  if (rest.length > 6) return null;
  const previous = previousItem(context, deps);
  if (!previous) return null;
  const { plan, item } = previous;
  const among = (level: number, parent: string | null) =>
    plan.items.filter((i) => i.level === level && (level < 3 || i.parent === parent));
  let from = item;
  let row = among(from.level, from.parent);
  let at = row.indexOf(from) + step.by;
  // Past a point's last (or before its first) sibling: the item beside its parent.
  if ((at < 0 || at >= row.length) && from.level >= 3) {
    const parent = plan.items.find((i) => i.id === from.parent);
    if (parent) {
      from = parent;
      row = among(from.level, from.parent);
      at = row.indexOf(from) + Math.sign(step.by);
    }
  }
  const next = row[at];
  if (!next) return null;
  return {
    ref: {
      written: step.written,
      path: next.path,
      across: false,
      partial: false,
      hint: null,
      footnote: false,
    },
    doc: plan.doc,
  };
}

/**
 * Whether a turn naming a document asks nothing of its own but of that document (省里呢, and in the provincial
 * one?), or little, asking what the document says of the previous topic.
 */
function asksOnlyOfDocument(query: Query, context: Context): boolean {
  const text = query.text;
  return (
    (query.residue < NO_TOPIC && query.intents.every((i) => i === "topic" || i === "who" || i === "when")) ||
    (query.residue < OWN_TOPIC && (ELLIPTICAL.test(text) || ANAPHORA.test(text) || ASKS_RULES.test(text))) ||
    // 省里对这类锅炉怎么定的: the kind pointed back at is the previous topic, asked with a little of its own.
    // So is 国家定的比例又是多少: a measure asked in turn of the other document.
    (query.residue < 2 * OWN_TOPIC && (KIND_POINTED_BACK.test(text) || IN_TURN.test(text))) ||
    // 省里对这件事有没有硬性规定: the previous topic pointed back at, a kind of requirement asked of it.
    (query.residue < 2 * OWN_TOPIC &&
      ANAPHORA.test(text) &&
      (ASKS_RULES.test(text) || REQUIREMENT_ASKED.test(text))) ||
    // 从多大面积起 asked of another plan after a check: where its rule for the same kind starts.
    (query.residue < 2 * OWN_TOPIC && context.kind === "check" && ASKS_THRESHOLD.test(text))
  );
}

/**
 * The follow-up reading of a question against the previous turn, or null when the question stands
 * on its own. The returned query carries the previous documents, items or changed facts.
 */
export function readFollowUp(
  asked: Query,
  context: Context,
  deps: UnderstandDeps,
): { query: Query; followUp: FollowUp } | null {
  // The previous answer's own documents named again (项目在重点区域（a key region the national plan names）,
  // 长三角呢 after the national plan's regions): not another document to ask — where a check's case is, or
  // the topic itself. Naming one of several narrows the question.
  const sameDocument =
    asked.docs.length > 0 &&
    asked.docs.length === context.docs.length &&
    asked.docs.every((d) => context.docs.includes(d));
  const query = sameDocument ? { ...asked, docs: [] } : asked;
  const text = query.text;
  const beside = numberedBeside(query, context, deps) ?? steppedBeside(query, context, deps);
  if (query.refs.length > 0 && !beside) return null;
  // 顺便问下 / "by the way" before a topic of its own: a new question, not the case of the last one changed.
  if (ASKS_ANEW.test(text.trim()) && query.residue >= OWN_TOPIC) return null;
  let again = false;
  const follow = (kind: FollowUp["kind"], changes: Partial<Query>) => {
    const followUp: FollowUp = {
      kind,
      context,
      again: kind === "facts" && (again || STILL.test(text)) && !ANY_RULE.test(text),
    };
    const docs = query.docs.length > 0 ? query.docs : context.docs;
    // An elliptical question in a conversation about a document (那油墨呢？) asks within it, as if it
    // named it: its words are looked for there.
    const named = query.named || ((kind === "scope" || kind === "aspect") && docs.length > 0);
    return { query: { ...query, docs, named, ...changes, followUp }, followUp };
  };
  // 第二条呢 / 下一条呢 after an item: the item of that number, or that many places on, beside it.
  if (beside) {
    const intents = [...new Set(["cite" as const, ...query.intents.filter((i) => i !== "topic")])];
    return follow("scope", { refs: [beside.ref], docs: [beside.doc], named: true, intents });
  }
  // The case as changed: its facts, and what to look for (with what these words mean).
  const withFacts = (factsText: string, expansions: readonly string[] = query.expansions) =>
    follow("facts", {
      factsText,
      facts: extractFacts(factsText, query.lang),
      topic: factsText,
      searchText: `${factsText} ${expansions.join(" ")}`,
    });

  // The facts the last verdict asked for, given (锅炉是12蒸吨/小时, "it's a 12 t/h one."): a statement, no
  // question of its own, adding to the case — not a new case of the thing named again without its fuel.
  // (A figure in a unit the case already had restates the case — 是肉鸡，一年出栏180万羽 after 30万只 — as before.)
  if (
    context.kind === "check" &&
    context.awaiting &&
    context.factsText !== null &&
    query.docs.length === 0 &&
    !sharesUnit(context.factsText, text) &&
    !ASKS_SOMETHING.test(text) &&
    !query.facts.asks &&
    (withUnit(text).length > 0 || query.facts.fuels.length > 0 || query.facts.standard !== null)
  )
    return withFacts(`${context.factsText}，${text}`, [...context.expansions, ...query.expansions]);

  // Where the case is (厂子就在某市下面呢？ after a check): a fact of the case, not the document of that place.
  // So is a place alone (某市呢？) after a check whose case stood in a place: the case moves there.
  const movesCase = (facts: string) => onlyAPlace(text, deps) && namesPlace(facts, deps);
  if (
    query.docs.length > 0 &&
    context.kind === "check" &&
    context.factsText !== null &&
    ((LOCATED.test(text) && !ABOUT_A_DOCUMENT.test(text)) || movesCase(context.factsText))
  ) {
    const factsText = movesCase(context.factsText)
      ? `${withoutSpans(context.factsText, deps.places?.(context.factsText) ?? [])}，${text}`
      : `${context.factsText}，${text}`;
    return follow("facts", {
      docs: context.docs,
      factsText,
      facts: extractFacts(factsText, query.lang),
      topic: factsText,
      searchText: `${factsText} ${[...context.expansions, ...query.expansions].join(" ")}`,
    });
  }
  // Another document for the previous topic: 国家层面的要求呢？ / And the city's own plan on that?
  // (The previous answer's own document asked of the same topic, 国家文件咋写的 after the national plan's item: that
  // item again.)
  const onlyScope = asksOnlyOfDocument(query, context);
  if (query.docs.length > 0 || (sameDocument && onlyScope && context.kind !== "check")) {
    // The thing of the previous check asked of another document (国家计划里，这台国二的要淘汰吗): the
    // same case, and what this question asks of it.
    // So is the previous case's figure given again with no thing of its own (国家计划对那台50蒸吨的怎么算).
    const said = extractFacts(text, query.lang);
    // (A figure the facts drop names the rule: 5000平米这个也是硬性要求 asks the other document's rule.)
    const measured = said.amounts.some((a) => a.unit !== null);
    const figureAgain =
      context.factsText !== null &&
      context.kind === "check" &&
      !THAT_THING.test(text) &&
      sharesUnit(context.factsText, text) &&
      said.entities.length === 0 &&
      measured;
    if (!onlyScope && figureAgain && context.factsText !== null) {
      return withFacts(placedWhereItWas(replaceFigures(context.factsText, text), context, query, deps), [
        ...context.expansions,
        ...query.expansions,
      ]);
    }
    if (!onlyScope && context.factsText !== null && context.kind === "check" && THAT_THING.test(text)) {
      return withFacts(
        `${replaceStandard(context.factsText, text, query.lang) ?? context.factsText}，${text}`,
      );
    }
    // The same case with a fact added, asked of the document it names (如果锅炉是给小区集中供暖的，某市的
    // 规定还拦着吗): the case as it was, with what is added, judged by that document.
    if (
      !onlyScope &&
      context.factsText !== null &&
      context.kind === "check" &&
      (CHANGE.test(text) || ANAPHORA.test(text)) &&
      withUnit(text).length === 0 &&
      sameThings(said, context.factsText, query.lang)
    )
      return withFacts(placedWhereItWas(`${context.factsText}，${text}`, context, query, deps), [
        ...context.expansions,
        ...query.expansions,
      ]);
    // The previous case's rule named by its figure, asked of the document it names (国家文件里5000平米这个也是
    // 硬性要求？): that document's clause on the same topic, no case.
    const namesRule = context.kind === "check" && withUnit(text).length > 0 && !measured;
    if (!onlyScope && !namesRule) return null;
    if (namesRule)
      return follow("topic", {
        intents: query.intents.filter((i) => i !== "check"),
        searchText: [context.question, ...context.expansions, query.searchText].join(" "),
        expansions: [...new Set([...context.expansions, ...query.expansions])],
        topic: `${context.question} ${text}`,
      });
    // A document's own target asked after a check (某市给自己定的细颗粒物目标定了多少): a question of that plan, not
    // the case judged by it — the case gives no target.
    if (context.kind === "check" && ASKS_TARGET.test(text) && withUnit(text).length === 0) return null;
    // After a check, the same case is asked of the other document's rules.
    // A figure of the case given again (国家计划对那台15吨的呢) takes the place of the one it had.
    if (context.factsText !== null && context.kind === "check") {
      const own = extractFacts(text, query.lang);
      const figures = sharesUnit(context.factsText, text)
        ? replaceFigures(context.factsText, text)
        : own.fuels.length > 0
          ? withFuel(context.factsText, text)
          : (replaceStandard(context.factsText, text, query.lang) ?? context.factsText);
      return withFacts(placedWhereItWas(figures, context, query, deps), [
        ...context.expansions,
        ...query.expansions,
      ]);
    }
    // The previous question without the words that named its document (its city…): they would pull the
    // search back to it.
    const previousWords = namedDocuments(context.question.toLowerCase(), deps.plans).flatMap((n) => n.words);
    const previousTopic = textWithout(context.question, previousWords);
    return follow("topic", {
      searchText: [previousTopic, ...context.expansions, query.searchText].join(" "),
      expansions: [...new Set([...context.expansions, ...query.expansions])],
      topic: `${context.question} ${text}`,
    });
  }

  // A changed fact of the previous question: a relative size, a new figure, or a new thing.
  const own = extractFacts(text, query.lang);
  // A wh-question naming its document (or a region only it names) with a topic of its own and nothing of
  // a case (那某区域的细颗粒物要降多少, after asking whether a city is in the key regions): a question of
  // the plan, not the case changed.
  if (
    context.kind === "check" &&
    asked.docs.length > 0 &&
    !own.asks &&
    own.fuels.length === 0 &&
    own.entities.length === 0 &&
    own.things.size === 0 &&
    own.places.size === 0 &&
    withUnit(text).length === 0 &&
    query.residue >= 2 * OWN_TOPIC &&
    WH_OF_PLAN.test(text) &&
    !CHANGE.test(text)
  )
    return null;
  // A rival said in place of what the case had (要是改用催化燃烧呢, after 水喷淋): the case without it.
  const previousAsked = context.factsText ?? context.question;
  const rivalled = rivalCues(own.cues);
  const replaced = [...extractFacts(previousAsked, query.lang).cues].filter((c) => rivalled.has(c));
  const previous =
    context.kind === "check" && CHANGE.test(text) && replaced.length > 0
      ? withoutCues(previousAsked, new Set(replaced))
      : previousAsked;
  const ownThing = own.entities.length > 0 || own.things.size > 0;
  const ownFigure = withUnit(text).length > 0;
  const relative = RELATIVE.find(([re]) => re.test(text));
  let factsText: string | null = null;
  // A statement right after a check that gives where or how much, and names no thing of its own to
  // judge (离30万千瓦的热电厂五十里地, 厂子在乡下): it adds to the case, as 补充一下 does. The case's own thing said
  // again, no figure of its own beside it (离热电厂50公里，锅炉一直达标), is no other thing.
  // One figure given for the case's one figure, its year aside ("once we expand there will be 1,200").
  // (其中一台, 这一辆 point at one of the case's things: no figure.)
  const oneOfThem = (a: Figure) => a.value === 1 && (a.unit === "unit" || a.unit === "piece");
  const soleFigure =
    findAmounts(withoutYears(text)).filter((a) => !oneOfThem(a)).length === 1 &&
    withUnit(previous).length === 1;
  const statement =
    context.kind === "check" &&
    !/[?？吗呢么吧]/.test(text) &&
    (own.entities.length === 0 ||
      (own.entities.every(
        (e) => e.fuel === null && e.standard === null && e.figures.every((f) => f.unit === "km"),
      ) &&
        sameThings(own, previous, query.lang))) &&
    (own.places.size > 0 ||
      namesPlace(text, deps) ||
      withUnit(text).length > 0 ||
      counts(previous, text) ||
      // "Once we expand there will be 1,200." — one bare figure for the case's one figure.
      (own.entities.length === 0 && soleFigure) ||
      // 数了，大概两千个 after a check that asked how many: the count it lacked.
      (text.length <= 20 && findAmounts(text).some((a) => COUNTS.has(a.unit ?? "") && a.value > 1)) ||
      statesFacts(text, query.lang));
  const adds = (context.kind === "check" && ADDS.test(text.trim()) && !/[?？吗]/.test(text)) || statement;
  // Things the case did not have and that are no thing of their own (集中供暖用的, a CHP plant 50 km
  // away beside the boiler) add to it; a thing it had gets a new value (降到C级了呢).
  // The previous case's facts, read once for the branches below.
  const previousFacts = extractFacts(previous, query.lang);
  const previousThings = previousFacts.things;
  // Nothing named but things the case already had (奖补 again; 绩效 with another grade).
  const onlyItsThings = own.entities.length === 0 && [...own.things].every((t) => previousThings.has(t));
  const addsThings =
    own.entities.length === 0 && own.things.size > 0 && [...own.things].every((t) => !previousThings.has(t));
  // A complete question of its own — a thing, its figure and what it asks, with no word leaning on
  // the previous one (烧结砖厂，一年产能4000万块标砖，在乡下，要退出吗？) — starts afresh.
  const complete =
    ownThing &&
    ownFigure &&
    own.asks &&
    text.length >= 14 &&
    !CHANGE.test(text) &&
    !ELLIPTICAL.test(text) &&
    !ANAPHORA.test(text) &&
    !THOSE.test(text) &&
    !ADDS.test(text.trim());
  // The previous case's figures, read once for the branch below.
  const previousAmounts = findAmounts(previous);
  if (complete) factsText = null;
  // 又多了300个 / 拆了2台 after a check with a figure of that unit: the case's figure changed by it.
  else if (
    context.kind === "check" &&
    (ADDS_ON_TOP.test(text) || SUBTRACTS.test(text)) &&
    findAmounts(text).some((a) => previousAmounts.some((p) => sameCount(p.unit, a.unit)))
  )
    factsText = replaceFigures(previous, text);
  // Another one, with its own thing and figure (还有一台29兆瓦的燃煤锅炉…这台呢): its own case, asked what the
  // previous one asked.
  // (Another one of no kind of its own, 那另一台28兆瓦的呢, is one more of the previous kind: a changed figure.)
  // (Asking a question of its own — 另外一个工地4800平方，要装在线监测吗 — it asks that, not what the previous one asked.)
  else if (context.kind === "check" && ANOTHER.test(text) && own.entities.length > 0 && ownFigure)
    factsText = ASKS_ITSELF.test(text)
      ? text
      : [text, askingClauses(previous, query.lang, own)].filter(Boolean).join("，");
  // The same thing of another emission standard (换成一台国三的挖掘机): the standard replaced, and what else
  // is said of it kept, not a second machine beside the first.
  else if (
    context.kind === "check" &&
    own.standard !== null &&
    own.entities.length > 0 &&
    sameThings(own, previous, query.lang) &&
    previousFacts.standard !== null
  ) {
    const rest = [own.standard.text, ...own.entities.map((e) => e.mention)].reduce(
      (t, w) => t.split(w).join(""),
      text,
    );
    const replaced = replaceStandard(previous, text, query.lang) ?? previous;
    factsText = statesFacts(rest, query.lang) ? `${replaced}，${rest}` : replaced;
  }
  // The standard alone corrected or changed (其实是国二的, "it's actually China IV"): the same case of that
  // standard, not one stating both.
  else if (
    context.factsText !== null &&
    own.standard !== null &&
    own.entities.length === 0 &&
    (CHANGE.test(text) || context.kind === "check") &&
    previousFacts.standard !== null
  )
    factsText = replaceStandard(previous, text, query.lang);
  // Another performance grade for the same case (要是评成C级呢): the new grade first, where the case's own is read.
  else if (
    context.kind === "check" &&
    own.grade !== null &&
    previousFacts.grade !== null &&
    own.grade !== previousFacts.grade &&
    !ownFigure &&
    onlyItsThings
  )
    factsText = `${text}，${previous}`;
  // The same thing pointed back at with another fuel (这台锅炉改烧天然气呢, "what if that boiler burned
  // gas?"): the case as it was, burning it — its size kept. A thing of another kind (那台茶水炉) is a case of its own.
  else if (
    context.kind === "check" &&
    context.factsText !== null &&
    SAME_ONE.test(text) &&
    !ANOTHER.test(text) &&
    !ownFigure &&
    own.standard === null &&
    own.fuels.length > 0 &&
    !ASKED_FUEL.test(text) &&
    whereIds(own.places).length === 0 &&
    own.entities.every((e) => previousFacts.entities.some((p) => p.kind === e.kind))
  ) {
    factsText = withFuel(previous, text);
    again = true;
  }
  // The same thing pointed back at, with a fact but no new size or place (如果这台锅炉是集中供暖用的呢): the
  // case as it was, with what is added. What it serves (集中供暖) is no place it moves to.
  else if (
    context.kind === "check" &&
    context.factsText !== null &&
    THAT_THING.test(text) &&
    !ownFigure &&
    whereIds(extractFacts(text.replace(SERVED, ""), query.lang).places).length === 0 &&
    own.entities.length > 0 &&
    sameThings(own, previous, query.lang)
  )
    factsText = `${previous}，${text}`;
  else if (relative && CHANGE.test(text)) factsText = scaleFigures(previous, relative[1]);
  // A figure alone after a check ("exactly two million?", 正好5000的？): the same case at that figure.
  else if (context.kind === "check" && !ownThing && bareFigure(text))
    factsText = replaceFigures(previous, text);
  // The same measure at another figure, named but with no unit ("and if the 2020 figure had been 45?", 要是2020年浓度是
  // 42呢): the case's one figure replaced — its year is no figure.
  else if (context.kind === "check" && !ownThing && !ownFigure && CHANGE.test(text) && soleFigure)
    factsText = replaceFigures(previous, withoutYears(text));
  // Another thing of the same kind said in place of the first (说错了，是肉鸡，年出栏30万只): the case
  // is the new one, asked what the previous one asked — not both side by side.
  else if (
    context.kind === "check" &&
    CORRECTS.test(text) &&
    own.entities.length > 0 &&
    own.entities.some((e) => e.figures.length > 0) &&
    !sameThings(own, previous, query.lang) &&
    own.entities.every((e) => previousFacts.entities.some((p) => p.kind === e.kind))
  )
    factsText = [text, askingClauses(previous, query.lang, own)].filter(Boolean).join("，");
  // The asker supplies a fact the check asked for: the same figure corrected (with its unit or bare),
  // or one more fact.
  else if (adds && (ownFigure ? sharesUnit(previous, text) : !ownThing && findAmounts(text).length > 0))
    factsText = replaceFigures(previous, text);
  // A place said of the case (其实厂子在规划区里面) takes the place of where it stood before — so does one asked
  // of it (要是这个城市在重点区域呢, after a case outside them).
  // (Asked so, it names nothing else: no industry, no figure — 另一条年产7000万的呢？也在规划区外 is another line.)
  else if (
    (adds ||
      (context.kind === "check" &&
        CHANGE.test(text) &&
        own.industries.length === 0 &&
        findAmounts(text).length === 0 &&
        !namesPlace(text, deps))) &&
    !ownThing &&
    !ownFigure &&
    own.places.size > 0
  )
    // (Its clauses stating what the new place turns round go too: outside the key regions → in a key region.)
    factsText = replacePlaces(
      opposes(previousFacts.cues, text, query.lang) ? withoutOpposed(previous, text, query.lang) : previous,
      text,
      query.lang,
    );
  // …and a fact asked the other way round (在重点区域呢 after 不在重点区域): the old clause goes.
  else if (
    context.kind === "check" &&
    CHANGE.test(text) &&
    !ownThing &&
    !ownFigure &&
    opposes(previousFacts.cues, text, query.lang)
  )
    factsText = `${withoutOpposed(previous, text, query.lang)}，${text}`;
  // …and so does a named one (在某市。 after a check that asked where).
  else if (adds && !ownThing && !ownFigure && namesPlace(text, deps))
    factsText = `${withoutSpans(previous, deps.places?.(previous) ?? [])}，${text}`;
  else if (
    adds &&
    (ownThing || ownFigure || own.places.size > 0 || own.standard !== null || statesFacts(text, query.lang))
  )
    factsText = `${previous}，${text}`;
  // A new thing with no figure swaps the thing of a check (救护车呢), also when a question about the
  // check's items came between; after an answer that was no check (燃气锅炉呢 after the coal-boiler
  // items) it is a new topic in the same documents.
  // The same thing with another size, and maybe a new fact about it (50 t/h, CHP 60 km away).
  // (A fact it turns round goes as above — the same boiler, but back inside a key region — and a place it
  // names takes the place of the one the case had: 50 t/h, and outside the key regions.)
  else if (
    context.factsText !== null &&
    sameThings(own, previous, query.lang) &&
    sharesUnit(previous, text)
  ) {
    let kept = opposes(previousFacts.cues, text, query.lang)
      ? withoutOpposed(previous, text, query.lang)
      : previous;
    if (namesPlace(text, deps)) kept = withoutSpans(kept, deps.places?.(kept) ?? []);
    factsText = replaceFigures(kept, text);
  }
  // 蛋鸡，存栏的 after 我养鸡，20万羽: the case's animal named more narrowly — the same case, told its kind.
  else if (
    context.kind === "check" &&
    own.entities.length > 0 &&
    own.entities.every(
      (e) =>
        e.figures.length === 0 &&
        previousFacts.entities.some(
          (p) => e.thing !== null && p.thing !== null && isKindOf(e.thing, p.thing),
        ),
    )
  )
    factsText = `${previous}，${text}`;
  // 换成烧天然气的锅炉呢 after a coal boiler of 十几吨: the same kind of thing, sized before and not now,
  // burning another fuel — the case with its fuel changed, its size and the rest kept. (A kind of thing
  // with a rule of its own, 稀薄燃烧的燃气货车 after 国四柴油货车, is a new case: it was never sized.)
  else if (
    context.kind === "check" &&
    CHANGE.test(text) &&
    own.fuels.length > 0 &&
    own.entities.length > 0 &&
    own.entities.every((e) =>
      previousFacts.entities.some((b) => b.kind === e.kind && b.animal === e.animal && b.figures.length > 0),
    ) &&
    findAmounts(text).length === 0
  )
    factsText = withFuel(previous, text);
  // …or said of the same case (离热电厂32公里，这样还要关吗).
  else if (addsThings && (CHANGE.test(text) || ANAPHORA.test(text)) && context.factsText !== null)
    factsText = `${previous}，${text}`;
  // Besides what an answer that judged nothing spoke of, a thing of the asker's own asked of (另外还有两台国四
  // 柴油货车跑干线，在淘汰范围里不): a case of its own — the previous question's words are no facts of it.
  else if (context.kind !== "check" && BESIDES.test(text) && own.asks && own.entities.length > 0)
    factsText = null;
  else if (
    ownThing &&
    // A thing the case already had, with no figure of its own (奖补 again, with a later year), is no new case.
    !(onlyItsThings && findAmounts(text).length === 0) &&
    (CHANGE.test(text) || (context.kind === "check" && bareThing(text))) &&
    (context.kind === "check" ||
      context.factsText !== null ||
      ownFigure ||
      // 网约车也算吗 after a question about buses and taxis: the same question of another thing.
      extractFacts(context.question, query.lang).entities.length > 0)
  ) {
    // Said to have the same figures (肉鸡呢，一样的数; "same number of broilers?"), the new thing takes the old ones.
    const same =
      SAME_FIGURES.test(text) && findAmounts(text).length === 0 ? figureClauses(previous, query.lang) : "";
    factsText = [text, same, askingClauses(previous, query.lang, own)].filter(Boolean).join("，");
  }
  // A figure of its own but no thing to measure can only be read against the previous question; so
  // can a bare count or number after a check ("只剩八百来个了呢？", "what if it were 6 million?").
  else if (ownFigure && !ownThing) factsText = replaceFigures(previous, text);
  else if (context.factsText !== null && CHANGE.test(text) && own.standard && !ownThing)
    factsText = replaceStandard(previous, text, query.lang);
  else if (
    context.factsText !== null &&
    (CHANGE.test(text) || ANAPHORA.test(text)) &&
    !ownThing &&
    findAmounts(text).some((a) => !oneOfThem(a))
  )
    factsText = replaceFigures(previous, text);
  // Another trade (换成做鞋的厂子呢, a flour mill that paints nothing): the same question of a business
  // in it, the previous trade's words gone.
  else if (
    (context.kind === "check" || context.factsText !== null) &&
    (CHANGE.test(text) || bareThing(text)) &&
    !ownThing &&
    own.industries.length > 0 &&
    // After a thing of no trade (a restaurant that only sells cold dishes), the trade says how it works.
    (previousFacts.industries.length > 0 || previousFacts.entities.length === 0)
  )
    factsText = [text, withoutIndustries(questionClauses(askingClauses(previous, query.lang, own)))]
      .filter(Boolean)
      .join("，");
  // Another fuel (换成天然气呢, "what if it burned wood pellets?"): the same thing burning it — also
  // when questions about the check's items came between.
  else if (
    (context.kind === "check" || context.factsText !== null) &&
    CHANGE.test(text) &&
    !ownThing &&
    own.fuels.length > 0 &&
    !ASKED_FUEL.test(text)
  )
    factsText = withFuel(previous, text);
  // Another named place (换成周口呢, "and Heze?"): the same case there, its old place names gone.
  else if (context.kind === "check" && CHANGE.test(text) && !ownThing && !ownFigure && namesPlace(text, deps))
    factsText = `${withoutSpans(previous, deps.places?.(previous) ?? [])}，${text}`;
  // A fact of another kind said of the same case (掺点生活垃圾呢？ after 掺点煤烧行不行, "we throw some coal
  // in with the pellets — is that ban relevant to us?"): a change or a pointer back that names no thing
  // or figure but says how the case stands.
  // So does one naming the case's own thing again ("if that photo-oxidation unit only treats odours").
  else if (
    context.kind === "check" &&
    context.factsText !== null &&
    (CHANGE.test(text) || ANAPHORA.test(text)) &&
    !ASKS_AMOUNT.test(text) &&
    (!ownThing ||
      (own.grade === null &&
        own.standard === null &&
        namesOnlyPrevious(own, previous, previousThings, query.lang))) &&
    !ownFigure &&
    text.length <= (query.lang === "zh" ? 40 : 120) &&
    statesFacts(text, query.lang)
  )
    factsText = `${previous}，${text}`;
  // One more obligation asked of the same case (还得装在线监控吗, "do we also need to …"): a short
  // question after a check that names nothing new.
  else if (
    context.kind === "check" &&
    context.factsText !== null &&
    !ownThing &&
    !ownFigure &&
    own.asks &&
    text.length <= 24 &&
    ALSO_ASKS.test(text)
  )
    factsText = `${previous}，${text}`;
  // A changed state of the same case (要是已经改完了呢, "what if it's no longer …"): a short
  // question after a check that says how things stand, and names nothing new.
  else if (
    context.kind === "check" &&
    CHANGE.test(text) &&
    !ownThing &&
    !ownFigure &&
    text.length <= 24 &&
    STATE.test(text)
  )
    factsText = `${previous}，${text}`;
  // Only the place moved (要是只在建成区外面跑呢): the same case, somewhere else.
  else if (context.factsText !== null && CHANGE.test(text) && !ownThing && own.places.size > 0)
    factsText = replacePlaces(previous, text, query.lang);
  // A case placed among what the previous question spoke of ("one of those cities", 这些地方): the
  // previous question says where.
  else if (context.factsText === null && own.asks && ownThing && THOSE.test(text)) {
    // Its things are the question's own (the previous one spoke of boilers in general).
    const things = extractFacts(context.question, query.lang).entities.map((e) => e.mention);
    // …and what it asked (扩大到哪些地方) is no part of where the case is: this question asks of it.
    const where = textWithout(context.question, things).replace(
      new RegExp(askingWords().contentAsk.source, "gi"),
      "",
    );
    factsText = `${where}，${text}`;
  }
  // A new fuel said beside the change (那45蒸吨烧天然气的呢, 熔化炉已经改烧天然气了, 烧天然气的茶水炉呢): the
  // case burns it, whatever thing it names; the previous fuel goes.
  if (factsText !== null && own.fuels.length > 0) {
    const before = extractFacts(factsText, query.lang).fuels;
    if (before.some((f) => f !== own.fuels[0])) factsText = withFuel(factsText, text);
  }
  // A named place beside a changed figure (60蒸吨的，放到某市呢): the case moves there too.
  const named = deps.places?.(text) ?? [];
  if (factsText !== null && named.length > 0 && context.factsText !== null && !factsText.endsWith(text)) {
    const where = named.map((p) => text.slice(p.start, p.end)).join("、");
    if (!factsText.includes(where))
      factsText = `${withoutSpans(factsText, deps.places?.(factsText) ?? [])}，在${where}`;
  } else if (factsText !== null && named.length > 0 && context.factsText !== null) {
    // (如果牧场在某市呢 added to the case: the place it names takes the place of the one the case had.)
    const before = factsText.slice(0, factsText.length - text.length);
    const there = deps.places?.(before) ?? [];
    if (there.length > 0) factsText = `${withoutSpans(before, there)}${text}`;
  }
  // A place of the vocabulary said beside another change (the Stage II one in a logistics park
  // instead): the case stands there, its old place gone.
  if (factsText !== null && own.places.size > 0 && !factsText.includes(text)) {
    const there = extractFacts(factsText, query.lang).places;
    if ([...own.places].some((p) => !there.has(p))) factsText = replacePlaces(factsText, text, query.lang);
  }
  if (factsText !== null) return withFacts(factsText);
  if (context.items.length === 0) return null;

  // Narrowing the previous items: 这几条里哪条说秸秆？ (By a role alone — 其中我们牵头的是哪几条 — it is the
  // previous items asked about, below.)
  if (WITHIN.test(text) && !(query.role !== null && query.residue < OWN_TOPIC)) return follow("within", {});

  // A part of the previous first item said alone (整改呢？ / 整改的完成时限呢 after an item that
  // sets one date for 排查 and another for 整改): that item, asked as the previous question asked.
  if (ELLIPTICAL.test(text) && namesPartOfPrevious(text, context, deps))
    return follow("items", { topic: context.question });

  // About the previous items: 谁牵头？ 几时到期？ 原文呢？
  const asksAboutItems =
    query.intents.includes("who") ||
    query.intents.includes("when") ||
    query.role !== null ||
    ABOUT_ITEMS.test(text);
  // 具体能补多少钱: an amount (a kind of answer only some items give) is looked for, not assumed there.
  const asksAmount =
    query.asksFor.length > 0 && !query.intents.includes("who") && !query.intents.includes("when");
  // (A turn naming a thing of its own and asking whether a rule takes it is a question of its own, however few
  // its other words; asking the date as well does not make it one about the last answer's items.)
  const ownCase = own.asks && own.entities.length > 0 && !POINTS_BACK_TO_THING.test(text);
  if (
    asksAboutItems &&
    !asksAmount &&
    !ownCase &&
    (query.residue < OWN_TOPIC ||
      THAT_MEASURE.test(text) ||
      IN_IT.test(text) ||
      pointsAtPreviousTopic(text, context)) &&
    query.departments.length === 0
  ) {
    return follow("items", { topic: context.question });
  }

  // One aspect of the previous topic (监测那一块呢, 执法这方面呢) — or a new topic said so (烧烤那块呢).
  if (context.docs.length > 0 && ASPECT.test(text) && text.length <= 24) return follow("aspect", {});
  // The previous answer asked again of a part of it (县城要求一样吗？, 秋冬季也是这样吗): the items that speak of
  // that part, the previous ones first — a question about the clause, no verdict on a case.
  if (context.docs.length > 0 && SAME_AS_BEFORE.test(text) && text.length <= 20 && context.kind !== "check")
    return follow("aspect", {
      intents: ["topic"],
      searchText: [context.question, ...context.expansions, query.searchText].join(" "),
      expansions: [...new Set([...context.expansions, ...query.expansions])],
    });
  // An elliptical new topic keeps the previous documents.
  if (context.docs.length > 0 && ELLIPTICAL.test(text) && text.length <= 24) return follow("scope", {});
  // A short question naming no document, item or department right after an answer (改好的户还让烧煤不,
  // 路边冒烟的车谁查): asked of the conversation's documents, the previous answer's item first when it is
  // among the best found — the conversation is still about it (not found there, it is asked alone).
  // So is a turn opening on the previous thing done (换完了…, 纳进去以后…, 关了之后…): what follows asks
  // about it, however long.
  if (
    (text.length <= SHORT_TURN[query.lang] || AFTER_DONE.test(text)) &&
    query.docs.length === 0 &&
    query.refs.length === 0 &&
    query.departments.length === 0 &&
    !query.named
  )
    return follow("aspect", { named: false });
  return null;
}

/** A thing pointed back at (那台锅炉, 这几辆车, "that boiler"): the previous case, not one of the question's own. */
const POINTS_BACK_TO_THING =
  /[这那][台辆座家个条些几]|\b(?:that|those|this|these|the same)\s+(?:[a-z-]+\s+){0,2}[a-z-]+s?\b/i;

/** A turn opening inside what was just answered (里头排查和整改各是哪天): its words are parts of those items. */
const IN_IT = /^(?:那)?(?:里头|里面|其中|这里面|这当中|当中)/;

/** A thing pointed at (这个试点, 该项工作): what follows the pointing word. */
const POINTED = /(?:这个|那个|这项|那项|该项?)([\p{Script=Han}]{2})/gu;

/**
 * Whether the question points at the thing the previous question asked of (这个试点谁管, after one on the
 * pilot — its plan named again or not): its words are the previous topic's, not a topic of their own.
 */
function pointsAtPreviousTopic(text: string, context: Context): boolean {
  return [...text.matchAll(POINTED)].some(
    ([, thing]) => thing !== undefined && context.question.includes(thing),
  );
}

/** A turn opening on the previous answer's thing done, with no object of its own (换完了, 纳进去以后, 关了之后). */
const AFTER_DONE =
  /^(?:那|那么|等|要是|如果|真)?(?:(?:换|改|装|关|拆|停|纳|评|建|弄|搞)(?:完|好|掉|进去|上|成)(?:了|以后|之后|后)|(?:换|改|装|关|拆|停|整改|替代|改造|淘汰|安装)了?(?:以后|之后))/;

/**
 * Longest question (characters) read as leaning on the previous answer when it says nothing of where it is.
 * (English takes some two and a half letters for each character a Chinese question takes: "who runs the pilot
 * then?" says what 试点谁负责 says.)
 */
const SHORT_TURN: Record<Query["lang"], number> = { zh: 12, en: 32 };

/** Whether a question asks if what was said holds the same for something else (县城也一样吗). */
export function asksSameAsBefore(text: string): boolean {
  return SAME_AS_BEFORE.test(text);
}

/** Words pointing back at what the previous question spoke of (the older ones, those trucks, 这几台, 那些车). */
const POINTS_BACK =
  /\b(?:the (?:older|newer|old|new|other|remaining|bigger|smaller) ones|(?:those|these|them|they)\b)|这几|那几|这些|那些|它们/i;

/** Whether a question points back at what the previous answer was about (它们, 这些, those): it cannot stand alone. */
export function pointsBack(query: Query): boolean {
  return POINTS_BACK.test(query.text);
}

/** Longest question (characters) that may lean on the previous answer when it is not covered alone. */
const LEANING: Record<Query["lang"], number> = { zh: 20, en: 40 };

/**
 * A short question the documents do not cover on its own, asked right after an answer with items
 * and asking nothing off-topic (到期没弄完咋整？), is read as about those items — or null when it
 * cannot be: it names a document or an item, asks for what no document gives, or is long enough to
 * stand alone.
 */
export function leanOnPrevious(
  query: Query,
  context: Context | null,
  /** The question shares a phrase of the previous item's own (资金奖补): it may say more and still lean on it. */
  sharesItsPhrase = false,
  /** The previous items give the kind of answer the question asks for (有奖补吗 after the item granting it). */
  previousGive = false,
): Query | null {
  if (!context || context.items.length === 0) return null;
  const scoped = query.followUp?.kind === "scope" || query.followUp?.kind === "aspect";
  if (query.followUp !== null && !scoped) return null;
  // A scope follow-up is "named" by the conversation, not by the question.
  const namesOwn = query.named && !scoped;
  if (query.invalid || query.offTopicCue || query.refs.length > 0 || namesOwn) return null;
  // Asking for a kind of answer no item found gives (罚多少, 打几折, 要带哪些材料): it leans on the previous
  // items only when they give it.
  // (A kind that only ranks — 有啥好处, 会有什么后果 — is asked of them as of any other item.)
  if (refusingKinds(query.asksFor).length > 0 && !previousGive) return null;
  // (One pointing back at what was asked — the older ones, 那几辆 — may say more and still lean on it.)
  if (query.text.length > LEANING[query.lang] * (pointsBack(query) || sharesItsPhrase ? 2 : 1)) return null;
  const followUp: FollowUp = { kind: "items", context, again: false };
  // The conversation's topic stays what it was, for the turns after this one.
  const expansions = [...new Set([...context.expansions, ...query.expansions])];
  return { ...query, docs: context.docs, topic: context.question, expansions, followUp };
}
