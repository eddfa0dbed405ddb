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
 * A quick test for any verb form, so most blocks skip the per-metric searches: true exactly when
 * the text holds one of {@link VERB_FORMS}' words, in any letter case ("has grown" holds "grown").
 * Why written out, prefixes shared, rather than derived from VERB_FORMS: the engine tries an
 * alternation's branches one by one at every position, and 4 branches cost about a third of the
 * 16 of the derived expression, on every paragraph with a number. A unit test holds the two to
 * the same answers (test/unit/analysis/inflectedMentions.test.ts).
 */
export const ANY_VERB = /gr(?:ew|ow(?:s|n|ing))|expand(?:ed|s|ing)|increas(?:ed|es|ing)|declin(?:ed|es|ing)/i;

interface Inflection {
  readonly regex: RegExp;
  readonly entity: MetricEntity;
}

const cache = new WeakMap<PatternIndex, readonly Inflection[]>();

function inflectionsOf(index: PatternIndex): readonly Inflection[] {
  let list = cache.get(index);
  if (!list) {
    const built: Inflection[] = [];
    for (const e of index.entities) {
      if (e.kind !== 'metric') continue;
      const stems = new Set<string>();
      for (const name of index.namesOf(e)) {
        const words = name.trim().split(/\s+/);
        const verb = VERB_FORMS[words[words.length - 1].toLowerCase()];
        if (words.length < 2 || !verb) continue;
        stems.add(`${namePattern(words.slice(0, -1).join(' '))}\\s+${verb}`);
      }
      if (stems.size) built.push({ regex: new RegExp(`(?<![\\p{L}\\p{N}_])(?:${[...stems].join('|')})(?![\\p{L}\\p{N}_])`, 'giu'), entity: e });
    }
    list = built;
    cache.set(index, list);
  }
  return list;
}

/** The index's mentions in `text` plus verb-form mentions of metrics, left to right, without overlaps. */
export function mentionsWithVerbs(index: PatternIndex, text: string, mentions: readonly Mention[]): readonly Mention[] {
  const extra: Mention[] = [];
  const inflections = inflectionsOf(index);
  if (inflections.length === 0 || !ANY_VERB.test(text)) return mentions;
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
