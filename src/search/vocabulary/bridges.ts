/**
 * A bridge table: a word the documents lack (an English key, a Chinese near-synonym) → the corpus
 * words it stands for, each with a weight in (0, 1], best first. Built when the index is built and
 * cached with it.
 */
import { z } from "zod";

/** Word → [[corpus word, weight], …], best first. */
export type Bridges = Record<string, Array<[string, number]>>;

/**
 * A bridge table as text, one word a line: `word<TAB>target weight<TAB>target weight…`. Cached so:
 * parsing it is ten times cheaper than validating the same table as JSON, and asking reads it at
 * every start.
 */
export function encodeBridges(bridges: Bridges): string {
  return Object.entries(bridges)
    .map(([from, targets]) => [from, ...targets.map(([t, w]) => `${t} ${w}`)].join("\t"))
    .join("\n");
}

/** The encoded table (see {@link encodeBridges}), validated line by line as it is read. */
export const BridgeTable = z.string().transform((text, ctx): Bridges => {
  const out: Bridges = Object.create(null); // no prototype: "constructor" is a word, not a key
  for (const line of text.split("\n")) {
    if (!line) continue;
    const [from, ...fields] = line.split("\t");
    const targets: Array<[string, number]> = [];
    for (const f of fields) {
      const space = f.lastIndexOf(" ");
      const weight = Number(f.slice(space + 1));
      if (space <= 0 || !(weight > 0 && weight <= 1)) {
        ctx.addIssue({ code: "custom", message: `bad bridge "${f}" of ${from}` });
        return z.NEVER;
      }
      targets.push([f.slice(0, space), weight]);
    }
    if (from) out[from] = targets;
  }
  return out;
});

/** Collects candidate bridges, keeping the best weight of each pair. */
export class BridgeBuilder {
  private readonly table = new Map<string, Map<string, number>>();

  /** Records that `from` stands for corpus word `to` with `weight`. */
  add(from: string, to: string, weight: number): void {
    let targets = this.table.get(from);
    if (!targets) {
      targets = new Map();
      this.table.set(from, targets);
    }
    targets.set(to, Math.max(targets.get(to) ?? 0, weight));
  }

  /** The table: per word, targets of at least `minWeight`, best first (ties: shorter, then code order), at most `limit`. */
  build(minWeight: number, limit: number): Bridges {
    const out: Bridges = Object.create(null); // no prototype: "constructor" is a word, not a key
    for (const from of [...this.table.keys()].sort()) {
      const targets = [...(this.table.get(from) as Map<string, number>)]
        .filter(([, w]) => w >= minWeight)
        .sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1))
        .slice(0, limit)
        .map(([to, w]) => [to, Math.round(w * 1000) / 1000] as [string, number]);
      if (targets.length > 0) out[from] = targets;
    }
    return out;
  }
}

/** The targets of a bridge within `ratio` of its best weight and at least `minWeight`, at most `limit`. */
export function bestTargets(
  targets: ReadonlyArray<readonly [string, number]> | undefined,
  options: { minWeight: number; ratio: number; limit: number },
): Array<readonly [string, number]> {
  if (!targets || targets.length === 0) return [];
  const best = (targets[0] as readonly [string, number])[1];
  return targets
    .filter(([, w]) => w >= options.minWeight && w >= best * options.ratio)
    .slice(0, options.limit);
}
