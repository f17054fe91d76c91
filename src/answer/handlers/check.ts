/**
 * An obligation question (a farm's design capacity, and whether it joins the ammonia pilot): the rules of each document in
 * scope judge the question's facts; every verdict is kept, the overall outcome says which applies,
 * and the rule's item is cited with the phrase that decides. Declines when no rule is about the
 * question (retrieval then answers the topic).
 */
import { type Item, implementsPlan, type Plan } from "../../corpus/index.js";
import { overallOutcome } from "../../rules/index.js";
import { ownCase, placedElsewhere } from "../../understand/index.js";
import { citeItem, deadlineView } from "../citation.js";
import { citing, type Handler, resolved } from "../deps.js";
import { covers, quoteFor, retrieve, scopeOf } from "../retrieval.js";
import type { Citation, Verdict } from "../schema.js";

/** A rule's clause must be among this many of retrieval's best items of its plan, unless the asker gives their own case. */
const TOP_AGREEMENT = 3;
/** A rule's relevance from which, asked of its own document, a question is about it (the books' 9–10). */
const SQUARELY_RELEVANT = 9;
/** Below this relevance a verdict only touches the question (the books give 8–10 to what a question is about). */
const WEIGHTY = 8;

/** Resolves an obligation check. */
export const check: Handler = (query, deps) => {
  const scoped = scopeOf(query, deps.plans);
  // A case put in another city (某市的村子) is no business of a city's plan; the national plan's rules judge it.
  const judge = (plans: readonly Plan[]) =>
    plans.flatMap((plan) =>
      (placedElsewhere(plan, query.text, query.factsText) ? [] : deps.rules(query, plan)).flatMap((r) => {
        const item = plan.items.find((i) => i.id === r.itemId);
        if (!item) return [];
        return [
          {
            check: r.check,
            verdict: r.verdict[query.lang],
            doc: plan.doc,
            itemId: item.id,
            phrase: r.phrase,
            // The item's deadline this case falls under matters only when the item has several.
            deadline: r.deadline && item.deadlines.length > 1 ? deadlineView(r.deadline, deps.today) : null,
            item,
            relevance: r.relevance,
          },
        ];
      }),
    );
  const verdicts: Array<Verdict & { item: Item; relevance: number }> = judge(scoped ?? deps.plans);
  // The documents the question names, and those they implement: a city's plan named by its place has no
  // rule on whether the city is in the national key regions; the national plan it implements has one.
  // Only when the named documents do not cover the question: a city plan's own clause on a topic
  // outranks a national rule about it.
  const asked = new Set(query.docs);
  // A case put outside the places of the plans the conversation was in is theirs to pass up too (a village of
  // another city asked after a city plan's check) — not when the question itself names them (that city's own plan).
  const elsewhere =
    !query.named && (scoped?.every((p) => placedElsewhere(p, query.text, query.factsText)) ?? false);
  if (
    scoped &&
    verdicts.length === 0 &&
    (elsewhere || !covers(deps.index, query, retrieve(deps.index, query, 3)))
  ) {
    const higher = deps.plans.filter((g) => !scoped.includes(g) && scoped.some((p) => implementsPlan(p, g)));
    verdicts.push(...judge(higher));
    for (const g of higher) asked.add(g.doc);
  }
  // A verdict on an item decides over — and stands for — the verdict on the national item it
  // implements (the city's coal-boiler rule over the national one, which its answer links).
  const overridden = verdicts.filter((v) =>
    verdicts.some((o) => o !== v && deps.index.implementedItem(o.item) === v.item),
  );
  for (const v of overridden) verdicts.splice(verdicts.indexOf(v), 1);
  // A verdict answers the question only when its clause is what the question is about: the asker's
  // own case or figure, a changed fact of the previous check, or retrieval agreeing (拉煤的大货车能不能改走铁路 is about rail freight, not
  // about the vehicle rule its words also touch).
  const hits = retrieve(deps.index, query, 10);
  const onTopic = (v: (typeof verdicts)[number]) => {
    const inPlan = hits.filter((h) => h.item.doc === v.doc);
    return inPlan.slice(0, TOP_AGREEMENT).some((h) => h.item === v.item);
  };
  // A follow-up that changes the facts of the previous check is that check again.
  const recheck = query.followUp?.kind === "facts";
  // A rule the question is squarely about, asked of the document it names, needs no agreement.
  const squarely = (v: (typeof verdicts)[number]) => asked.has(v.doc) && v.relevance >= SQUARELY_RELEVANT;
  if (!recheck && !ownCase(query) && !verdicts.some((v) => onTopic(v) || squarely(v))) return null;
  // A changed fact of the previous check asks that check again: a rule it did not touch, which only
  // wants facts nobody gave it (the site's area, for excavators asked about), says nothing here.
  // The item the previous check led with (those after it may be items merely related).
  const before = new Set(
    recheck && query.followUp ? query.followUp.context.items.slice(0, 1).map((k) => `${k.doc}#${k.id}`) : [],
  );
  const again = (v: (typeof verdicts)[number]) => before.has(`${v.doc}#${v.itemId}`);
  if (verdicts.some(again))
    for (const v of verdicts.filter((x) => !again(x) && x.check.outcome === "need_more_info"))
      verdicts.splice(verdicts.indexOf(v), 1);
  // The verdicts that decide the overall outcome lead (the kiln that must close before the trucks
  // that may stay), each group in relevance order — the previous check's document first among its
  // group (离省界50里呢 is the national border consultation asked again, not a city rule its words touch).
  // Asked again of the same thing (这台锅炉烧天然气呢, 还在淘汰范围里吗), the previous check's own verdict leads
  // and answers; the rules the change brings in follow it.
  const askedAgain = (v: (typeof verdicts)[number]) => (query.followUp?.again ?? false) && again(v);
  // A verdict the question is squarely about decides over one it touches only weakly (asked of a brick line's
  // exit subsidy, the line's exit itself): the weak one is shown, not counted.
  // With none squarely about it (换成玻璃厂呢, kept on the items it followed only), the verdict on the item the
  // conversation was on decides — not one on an item merely cited beside it.
  const weighty = verdicts.filter((v) => v.relevance >= WEIGHTY);
  const continued = verdicts.filter(again);
  const deciding = weighty.length > 0 ? weighty : continued.length > 0 ? continued : verdicts;
  const overall = verdicts.find(askedAgain)?.check.outcome ?? overallOutcome(deciding);
  const previousDoc = verdicts.find(again)?.doc;
  const rank = (v: (typeof verdicts)[number]) =>
    (askedAgain(v) ? 4 : 0) + (v.check.outcome === overall ? 2 : 0) + (v.doc === previousDoc ? 1 : 0);
  verdicts.sort((a, b) => rank(b) - rank(a));
  const first = verdicts[0];
  if (!first) return null;
  const c = citing(query, deps);
  const citations: Citation[] = [];
  for (const v of verdicts) {
    if (!citations.some((x) => x.doc === v.doc && x.id === v.itemId))
      citations.push(citeItem(v.item, v.phrase, 1, c));
  }
  // Beside a verdict, only items both rankers put near the top are worth a mention.
  const near = (rank: number | null) => rank !== null && rank <= 3;
  const related = hits
    .slice(0, 5)
    .filter(
      (h) =>
        !citations.some((x) => x.doc === h.item.doc && x.id === h.item.id) &&
        near(h.vectorRank) &&
        near(h.lexicalRank),
    );
  for (const h of related.slice(0, 2))
    citations.push(
      citeItem(h.item, quoteFor(deps.index, h.item, query), Math.round(h.score * 1000) / 1000, c),
    );
  const payloadVerdicts = verdicts.map(({ item: _item, relevance: _relevance, ...v }) => v);
  return resolved(
    query,
    "answered",
    {
      kind: "check",
      outcome: overall,
      verdicts: payloadVerdicts,
      asksWho: query.intents.includes("who"),
    },
    citations,
    first.check,
  );
};
