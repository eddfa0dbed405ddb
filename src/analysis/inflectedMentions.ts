/**
 * Metric names as verbs: analysts write "capacity grew 18%" as often as "capacity growth of 18%".
 * For every metric name or alias of the index that ends in a nominalised verb ("capacity growth",
 * "fleet expansion"), the verb forms ("capacity grew", "fleet expanded") are mentions too. Derived
 * from the index's names, so a model's own aliases drive it; used for claims only (a verb form is
 * never a near-miss candidate).
 */
import { namePattern } from '../model/names';
import { entityName, type Mention, type MetricEntity, type PatternIndex } from '../model/patternIndex';

export const VERB_FORMS: Readonly<Record<string, string>> = {
  growth: '(?:grew|grows|grown|growing|has\\s+grown|have\\s+grown)',
  expansion: '(?:expanded|expands|expanding)',
  increase: '(?:increased|increases|increasing)',
  decline: '(?:declined|declines|declining)',
};

/**
 * The words of {@link VERB_FORMS} written out, prefixes shared, for a quick test that lets most
 * blocks skip the per-metric searches. Why written out rather than derived from VERB_FORMS: the
 * engine tries an alternation's branches one by one at every position, and 4 branches cost about a
 * third of the 16 of the derived expression, on every paragraph with a number. A unit test holds
 * each to its VERB_FORMS entry (test/unit/analysis/inflectedMentions.test.ts).
 */
export const VERB_WORDS: Readonly<Record<string, string>> = {
  growth: 'gr(?:ew|ow(?:s|n|ing))',
  expansion: 'expand(?:ed|s|ing)',
  increase: 'increas(?:ed|es|ing)',
  decline: 'declin(?:ed|es|ing)',
};

/**
 * A test, in any letter case, for the words of the given {@link VERB_WORDS} entries. Each ASCII
 * letter becomes a class of its two cases ("[Gg][Rr]…"): the same answers as the `i` flag without
 * `u` (which matches an ASCII letter only by itself and its other case), about 1.4 times faster.
 */
export function verbTest(kinds: readonly string[]): RegExp {
  const source = kinds.map((k) => VERB_WORDS[k]).join('|');
  return new RegExp(source.replace(/[a-z]/g, (c) => `[${c.toUpperCase()}${c}]`));
}

/** True exactly when the text holds one of {@link VERB_FORMS}' words, in any letter case ("has grown" holds "grown"). */
export const ANY_VERB = verbTest(Object.keys(VERB_WORDS));

interface Inflection {
  readonly regex: RegExp;
  readonly entity: MetricEntity;
}

interface Inflections {
  readonly list: readonly Inflection[];
  /**
   * The quick test for the verbs this index's names use only: a block with none of them has no
   * verb-form mention (the bundled pattern's names end in "growth" and "expansion", so "increased"
   * and "declined" need not be looked for; half the quick test's work on every block with a number).
   */
  readonly quick: RegExp;
}

const cache = new WeakMap<PatternIndex, Inflections>();

function inflectionsOf(index: PatternIndex): Inflections {
  let found = cache.get(index);
  if (!found) {
    const built: Inflection[] = [];
    const kinds = new Set<string>();
    for (const e of index.entities) {
      if (e.kind !== 'metric') continue;
      const stems = new Set<string>();
      for (const name of index.namesOf(e)) {
        const words = name.trim().split(/\s+/);
        const kind = words[words.length - 1].toLowerCase();
        const verb = VERB_FORMS[kind];
        if (words.length < 2 || !verb) continue;
        kinds.add(kind);
        stems.add(`${namePattern(words.slice(0, -1).join(' '))}\\s+${verb}`);
      }
      if (stems.size) built.push({ regex: new RegExp(`(?<![\\p{L}\\p{N}_])(?:${[...stems].join('|')})(?![\\p{L}\\p{N}_])`, 'giu'), entity: e });
    }
    // A name ending in an inherited key of VERB_FORMS ("… constructor") is read as before, behind the full test.
    const own = [...kinds].every((k) => Object.prototype.hasOwnProperty.call(VERB_WORDS, k));
    found = { list: built, quick: own ? verbTest([...kinds]) : ANY_VERB };
    cache.set(index, found);
  }
  return found;
}

/** The index's mentions in `text` plus verb-form mentions of metrics, left to right, without overlaps. */
export function mentionsWithVerbs(index: PatternIndex, text: string, mentions: readonly Mention[]): readonly Mention[] {
  const extra: Mention[] = [];
  const { list: inflections, quick } = inflectionsOf(index);
  if (inflections.length === 0 || !quick.test(text)) return mentions;
  for (const { regex, entity } of inflections) {
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (mentions.some((x) => x.start < end && x.end > start)) continue;
      extra.push({ entity, start, end, text: m[0], matched: entityName(entity) });
    }
  }
  if (extra.length === 0) return mentions;
  // Both lists are by start (extra per metric in turn: sorted once); merged as a stable sort would, mentions first.
  if (inflections.length > 1) extra.sort((a, b) => a.start - b.start);
  const merged: Mention[] = [];
  let i = 0;
  let j = 0;
  while (i < mentions.length || j < extra.length) {
    if (j >= extra.length || (i < mentions.length && mentions[i].start <= extra[j].start)) merged.push(mentions[i++]);
    else merged.push(extra[j++]);
  }
  return merged;
}
