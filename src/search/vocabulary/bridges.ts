/**
 * A bridge table: a word the documents lack (an English key, a Chinese near-synonym) → the corpus
 * words it stands for, each with a weight in (0, 1], best first. Built when the index is built and
 * cached with it.
 */
import { z } from "zod";

/** Word → [[corpus word, weight], …], best first. */
export const Bridges = z.record(z.string(), z.array(z.tuple([z.string(), z.number()])));
export type Bridges = z.infer<typeof Bridges>;

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
    const out: Bridges = {};
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
