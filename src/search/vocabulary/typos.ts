/**
 * Homophone typos repaired against the documents' own text. People type Chinese by pinyin and pick
 * the wrong character of the same sound (扬沉 for 扬尘, 燃媒 for 燃煤, 工业和信息话局 for
 * 工业和信息化局): a stretch of the question that the corpus does not contain, whose toneless pinyin
 * equals a stretch the corpus (or a department's name, or a lexicon word) does contain, is replaced
 * by it; inside a longer stretch, one syllable may be a letter off (机戒 jijie for 机械 jixie). Pinyin
 * typed in latin letters (chengpinyou) is read the same way. Only stretches of equal length are
 * compared; nothing the corpus itself contains is ever changed.
 */
import { HAN_RUN, primaryReading, type SoundIndex, syllablesOf } from "./pinyin.js";

/** One repair: what the question said and what the corpus says. */
export interface Repair {
  from: string;
  to: string;
  /** How sure: 1 for a long stretch with one character changed, less for short stretches and more changes. */
  confidence: number;
}

/** A text with its typos repaired, and the repairs made. */
export interface Repaired {
  text: string;
  repairs: Repair[];
}

/** Below this confidence a repair is not made. */
export const MIN_REPAIR_CONFIDENCE = 0.5;

/**
 * Lower-case latin letters beside Chinese: pinyin typed without switching the input method — not a word's part
 * after an apostrophe (Ma'anshan, Xi'an are places in English).
 */
const LATIN_RUN = /(?<![A-Za-z'’])[a-z]{4,}(?![A-Za-z])/g;
/** Characters people type as words of their own (管 too: 谁管, 管车的); a typo is seldom one of them. */
const FUNCTION_CHARS = new Set([
  ..."的了和与及或等在对将把被是为有于以从向到按由其之也都并而且就要会能可吗呢吧啊呀么嘛我你他她它这那哪几还个上下中里说讲没不很又给让得地着过管",
]);

interface Span {
  start: number;
  end: number;
  target: string;
  confidence: number;
}

/** Changed characters a stretch of `length` may have and still be a typo of the corpus's stretch. */
function allowedChanges(length: number): number {
  return length <= 3 ? 1 : length <= 7 ? 2 : 3;
}

/** Whether two syllables differ by one letter added, dropped or changed (zhao/zao, jie/xie, lin/ling). */
export function oneLetterApart(a: string, b: string): boolean {
  if (a === b || !a || !b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return a.length - i - j <= 1 && b.length - i - j <= 1;
}

/** Confidence of a repair of a stretch of `length` with `changes` characters changed. */
function confidenceOf(length: number, changes: number): number {
  const base = length >= 4 ? 1 : length === 3 ? 0.85 : 0.7;
  return base / changes ** 0.5;
}

/** Repairs homophone typos against the corpus (built once per corpus). */
/** 多 asking a measure (多远, 多久, 多大): a question word, not a stretch of a plan's text. */
const HOW_MUCH = /多[远久大高长宽深重厚粗快]/g;

/** A character that writes a number: a figure, never a typo for a word. */
const NUMERAL = /[零〇一二两三四五六七八九十百千万亿几半]/;

export class TypoRepairer {
  /**
   * `sounds`: the corpus texts (item texts, department names and aliases, lexicon words) by sound.
   * `segment`: the segmenter without its guessing (dictionary words only).
   */
  constructor(
    private readonly sounds: SoundIndex,
    private readonly segment: (text: string) => string[],
    /** Words of the corpus: a character inside one is settled. */
    private readonly corpusWords: { has(word: string): boolean },
    /** Dictionary words that sound like corpus words but are other words (火车 beside 货车, 一下 beside 以下). */
    private readonly otherWords: ReadonlySet<string>,
    /** Names written as they are meant, never repaired: places (a banner's short name that sounds like a common word) and departments. */
    private readonly names: ReadonlySet<string> = new Set(),
    /** Characters that look alike but sound apart (亳 → 毫): a name typed by its shape is repaired to the name. */
    private readonly lookalikes: ReadonlyMap<string, readonly string[]> = new Map(),
  ) {}

  /** A name with one character written as its lookalike (毫州) → the name (亳州), longest first; built once. */
  private misshapen?: ReadonlyArray<readonly [string, string]>;

  /**
   * The names' lookalike spellings. Pinyin cannot reach them (毫 hao is no homophone of 亳 bo): people who
   * write by hand or by strokes pick the character by its shape. A spelling the corpus itself contains,
   * or another name, is a word of its own and never taken for a typo.
   */
  private misshapenNames(): ReadonlyArray<readonly [string, string]> {
    if (this.misshapen) return this.misshapen;
    const out = new Map<string, string>();
    for (const name of this.names)
      [...name].forEach((c, i) => {
        for (const other of this.lookalikes.get(c) ?? []) {
          const spelt = name.slice(0, i) + other + name.slice(i + 1);
          if (!this.names.has(spelt) && !this.has(spelt) && !out.has(spelt)) out.set(spelt, name);
        }
      });
    this.misshapen = [...out].sort((a, b) => b[0].length - a[0].length);
    return this.misshapen;
  }

  /** Where a run holds one of the names, or asks how much (多远 is no typo of 多元): those characters are settled. */
  private namedAt(run: string): boolean[] {
    const settled = new Array<boolean>(run.length).fill(false);
    for (const m of run.matchAll(HOW_MUCH)) settled.fill(true, m.index, m.index + m[0].length);
    for (let i = 0; i < run.length; i++)
      for (let n = 2; n <= 8 && i + n <= run.length; n++)
        if (this.names.has(run.slice(i, i + n))) settled.fill(true, i, i + n);
    return settled;
  }

  /** Whether the corpus contains `text` verbatim. */
  has(text: string): boolean {
    return this.sounds.has(text);
  }

  /** The text with its typos repaired. */
  repair(text: string): Repaired {
    const repairs: Repair[] = [];
    // Latin pinyin only inside a Chinese question: in English, a place name in pinyin and guiding stay English.
    const chinese = HAN_RUN.test(text);
    HAN_RUN.lastIndex = 0;
    let out = text.replace(LATIN_RUN, (latin) => {
      const found = chinese ? this.fromLatinPinyin(latin) : null;
      if (!found) return latin;
      repairs.push({ from: latin, to: found, confidence: 0.8 });
      return found;
    });
    for (const [spelt, name] of this.lookalikes.size > 0 ? this.misshapenNames() : [])
      if (out.includes(spelt)) {
        out = out.replaceAll(spelt, name);
        repairs.push({ from: spelt, to: name, confidence: 0.9 });
      }
    out = out.replace(HAN_RUN, (run) => {
      if (run.length < 2 || this.has(run)) return run;
      const settled = this.namedAt(run);
      // A repair may reach over a name (某市海官 → 某市海关) but never change it; nor does it change a
      // numeral (年出拦两万头 → 年出栏两万头, not 年出栏量).
      const spans = this.spansOf(run)
        .filter((s) => ![...s.target].some((c, k) => settled[s.start + k] && run[s.start + k] !== c))
        .map((s) => ({
          ...s,
          target: [...s.target]
            .map((c, k) => (NUMERAL.test(run[s.start + k] as string) ? (run[s.start + k] as string) : c))
            .join(""),
        }))
        .filter((s) => s.target !== run.slice(s.start, s.end));
      if (spans.length === 0) return run;
      let fixed = "";
      let at = 0;
      for (const s of spans) {
        fixed += run.slice(at, s.start) + s.target;
        repairs.push({ from: run.slice(s.start, s.end), to: s.target, confidence: s.confidence });
        at = s.end;
      }
      return fixed + run.slice(at);
    });
    return { text: out, repairs };
  }

  /** The best non-overlapping repairs within one Han run, in order. */
  private spansOf(run: string): Span[] {
    const chars = [...run];
    if (chars.length !== run.length) return []; // characters beyond the basic plane: leave alone
    // The most common reading only: rare readings (池 che, 概 gui) would make everything sound alike.
    const readings = chars.map((c) => primaryReading(c));
    // A typo leaves a pair of characters the corpus never has side by side (扬沉, 机戒); a seed far from
    // every such pair can only find stretches the question already spells as the corpus does. Seeds
    // up to two places before one are kept: a near-miss syllable (戒) is reached from the seed before it.
    const unseen: number[] = [];
    for (let k = 0; k + 1 < chars.length; k++) if (!this.sounds.has(run.slice(k, k + 2))) unseen.push(k);
    if (unseen.length === 0) return [];
    const nearUnseen = (i: number) => unseen.some((k) => i >= k - 2 && i <= k + 1);
    const before = this.tokensOf(run);
    const candidates: Span[] = [];
    // Alignments already followed: (question start, corpus run, corpus start) packed in one number.
    const seen = new Set<number>();
    const n = chars.length;
    for (let i = 0; i + 1 < n; i++) {
      if (!nearUnseen(i)) continue;
      for (const place of this.sounds.places(readings[i] as string, readings[i + 1] as string)) {
        const r = Math.floor(place / 0x10000);
        const p = place % 0x10000;
        const { text: corpusRun, syllables } = this.sounds.runs[r] as { text: string; syllables: string[] };
        let qs = i;
        let ps = p;
        while (qs > 0 && ps > 0 && syllables[ps - 1] && readings[qs - 1] === syllables[ps - 1]) {
          qs--;
          ps--;
        }
        const key = (r * 0x10000 + ps) * 0x10000 + qs;
        if (seen.has(key)) continue;
        seen.add(key);
        let qe = i + 2;
        let pe = p + 2;
        let nearMiss = false;
        for (;;) {
          while (qe < n && pe < syllables.length && syllables[pe] && readings[qe] === syllables[pe]) {
            qe++;
            pe++;
          }
          // One syllable a letter off (改照 gaizhao for 改造 gaizao, 机戒 jijie for 机械 jixie), inside
          // a stretch that goes on matching for two more syllables: a near-homophone typo.
          if (
            nearMiss ||
            qe + 2 >= n ||
            pe + 2 >= syllables.length ||
            !oneLetterApart(readings[qe] as string, syllables[pe] as string) ||
            !syllables[pe + 1] ||
            readings[qe + 1] !== syllables[pe + 1] ||
            !syllables[pe + 2] ||
            readings[qe + 2] !== syllables[pe + 2]
          )
            break;
          nearMiss = true;
          qe++;
          pe++;
        }
        // A stretch spelt as the corpus spells it is no typo.
        let differs = false;
        for (let k = 0; k < qe - qs && !differs; k++) differs = run[qs + k] !== corpusRun[ps + k];
        if (!differs) continue;
        const span = this.judge(run, qs, qe, corpusRun.slice(ps, pe), before, nearMiss);
        if (span) candidates.push(span);
      }
    }
    // Longest and surest first; a stretch overlapping one already taken is dropped.
    candidates.sort((x, y) => y.end - y.start - (x.end - x.start) || y.confidence - x.confidence);
    const taken: Span[] = [];
    for (const c of candidates) if (!taken.some((t) => c.start < t.end && t.start < c.end)) taken.push(c);
    return taken.sort((x, y) => x.start - y.start);
  }

  /** For each character of a text, the dictionary word it belongs to and where that word starts. */
  private tokensOf(text: string): Array<{ word: string; start: number }> {
    const out: Array<{ word: string; start: number }> = [];
    let at = 0;
    for (const word of this.segment(text)) {
      for (let k = 0; k < word.length; k++) out.push({ word, start: at });
      at += word.length;
    }
    return out;
  }

  /**
   * A candidate stretch `run[start, end)` sounding like corpus stretch `target`, if it is a repair.
   * A typo leaves characters that belong to no word of the corpus (扬/沉, 秸杆); its repair makes
   * them part of one (扬尘, 秸秆). So fewer changed characters may be stray after the repair than
   * before — or none, in a stretch long enough to be evidence by itself (泄露检测与修复). A repair
   * never splits a word of the question that reaches beyond the stretch (不进城市 is not 晋城).
   */
  private judge(
    run: string,
    start: number,
    end: number,
    target: string,
    before: Array<{ word: string; start: number }>,
    nearMiss = false,
  ): Span | null {
    const changed: number[] = [];
    for (let k = start; k < end; k++) if (run[k] !== target[k - start]) changed.push(k);
    const length = end - start;
    if (changed.length === 0 || changed.length > allowedChanges(length)) return null;
    if (nearMiss && length < 5) return null;
    // A short stretch with every character changed is two different words that sound alike.
    if (changed.length === length) return null;
    if (this.has(run.slice(start, end))) return null;
    // Two characters holding a function word are no stretch of a term unless the corpus has them as a
    // word: 排的 is the verb before 的, no typo of 牌的.
    if (length === 2 && [...target].some((c) => FUNCTION_CHARS.has(c)) && !this.corpusWords.has(target))
      return null;
    // Function words (的, 是, 有) are typed on purpose; a short stretch changing one is not a typo.
    if (length < 5 && changed.some((k) => FUNCTION_CHARS.has(run[k] as string))) return null;
    const crosses = (k: number) => {
      const t = before[k] as { word: string; start: number };
      return t.word.length > 1 && (t.start < start || t.start + t.word.length > end);
    };
    if (crosses(start) || crosses(end - 1)) return null;
    const after = this.tokensOf(run.slice(0, start) + target + run.slice(end));
    // After the repair, a dictionary word holding the whole repaired term settles its characters too
    // (烧考店 → 烧烤店: the dictionary's 烧烤店 holds the genre's 烧烤).
    const holdsTarget = (w: string) => w.includes(target) && this.corpusWords.has(target);
    const stray = (tokens: Array<{ word: string }>, repaired: boolean) =>
      changed.filter((k) => {
        const w = (tokens[k] as { word: string }).word;
        if (repaired && w.length > target.length && holdsTarget(w)) return false;
        return w.length < 2 || !(this.corpusWords.has(w) || this.otherWords.has(w));
      }).length;
    const [was, is] = [stray(before, false), stray(after, true)];
    if (!(is < was || (is === 0 && length >= 5))) return null;
    const confidence = confidenceOf(length, changed.length) * (nearMiss ? 0.8 : 1);
    return confidence < MIN_REPAIR_CONFIDENCE ? null : { start, end, target, confidence };
  }

  /** The corpus stretch whose toneless pinyin is exactly these latin letters (chengpinyou → 成品油). */
  private fromLatinPinyin(latin: string): string | null {
    for (const split of this.syllableSplits(latin)) {
      if (split.length < 2 || (split.length === 2 && latin.length < 6)) continue;
      const found = this.sounds.find(split);
      if (found) return found;
    }
    return null;
  }

  /** Every way to read a latin string as a sequence of syllables the corpus uses, fewest syllables first. */
  private syllableSplits(latin: string): string[][] {
    const out: string[][] = [];
    const walk = (at: number, acc: string[]) => {
      if (out.length >= 8) return;
      if (at === latin.length) {
        out.push([...acc]);
        return;
      }
      for (let n = Math.min(6, latin.length - at); n >= 1; n--) {
        const s = latin.slice(at, at + n);
        if (this.sounds.syllables.has(s)) walk(at + n, [...acc, s]);
      }
    };
    walk(0, []);
    return out.sort((a, b) => a.length - b.length);
  }
}

/**
 * Dictionary words that are not the corpus's but sound exactly like a stretch of it (火车 beside
 * 货车, 一下 beside 以下, 适用 beside 使用): people write them on purpose, so they are never
 * "repaired". Computed when the index is built.
 */
export function soundAlikeWords(
  words: Iterable<string>,
  sounds: SoundIndex,
  corpusWords: { has(word: string): boolean },
): string[] {
  const out: string[] = [];
  for (const w of words) {
    // Question words are what the segmenter makes of a question: mostly two to four characters.
    if (w.length < 2 || w.length > 4 || corpusWords.has(w) || sounds.has(w)) continue;
    if (sounds.find(syllablesOf(w)) !== null) out.push(w);
  }
  return out.sort();
}
