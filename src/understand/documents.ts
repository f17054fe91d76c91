/**
 * Which documents a question names: by document number (with or without the space some pages put
 * inside it), title, plan title, short names and place names from the document's profile (Chinese
 * or English), or the issuer. Returns the ids and the spans that named them (taken out of the text
 * retrieval sees: naming a document is not a topic).
 */
import type { Plan } from "../corpus/index.js";

/** A document named in a question. */
export interface DocumentMention {
  doc: string;
  /** The words that named it, as they stand in the (lower-cased) question. */
  words: string[];
}

const squeeze = (s: string) => s.replace(/\s+/g, "");
const isLatin = (s: string) => /^[\x20-\x7e]+$/.test(s);

/** Every name a document answers to, lower-cased, longest first. */
export function documentNames(plan: Plan): string[] {
  const { meta, profile } = plan;
  const names = [
    meta.title,
    meta.planTitle,
    meta.docNumber,
    meta.docNumber ? squeeze(meta.docNumber) : null,
    profile.name.zh,
    profile.name.en,
    ...profile.aliases,
    ...profile.placeAliases,
    // A national body's name stands for its document (国务院 → the State Council plan).
    profile.level === "national" ? meta.issuer : null,
    profile.level === "national" && meta.issuer === "国务院" ? "state council" : null,
  ];
  return [
    ...new Set(names.filter((n): n is string => !!n && n.length >= 2).map((n) => n.toLowerCase())),
  ].sort((a, b) => b.length - a.length);
}

/** Where `name` stands in `text` (latin names on word boundaries), or -1. */
function indexOfName(text: string, name: string): number {
  if (!isLatin(name)) return text.indexOf(name);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![a-z0-9])${escaped}(?![a-z0-9])`).exec(text)?.index ?? -1;
}

/**
 * The documents a (cleaned, simplified) question names. When several documents share a name (two
 * plans of one city) and the question gives a year that only some of their titles carry, those win.
 */
export function namedDocuments(text: string, plans: readonly Plan[]): DocumentMention[] {
  const lower = text.toLowerCase();
  const found: DocumentMention[] = [];
  for (const plan of plans) {
    const words: string[] = [];
    let rest = lower;
    for (const name of documentNames(plan)) {
      const at = indexOfName(rest, name);
      if (at < 0) continue;
      words.push(name);
      rest = `${rest.slice(0, at)} ${rest.slice(at + name.length)}`;
    }
    if (words.length > 0) found.push({ doc: plan.doc, words });
  }
  if (found.length < 2) return found;
  const years = [...lower.matchAll(/(20\d\d)\s*年?/g)].map((m) => m[1] as string);
  const titleOf = (doc: string) => plans.find((p) => p.doc === doc)?.meta.planTitle ?? "";
  const dated = found.filter((f) => years.some((y) => titleOf(f.doc).includes(y)));
  return dated.length > 0 && dated.length < found.length ? dated : found;
}
