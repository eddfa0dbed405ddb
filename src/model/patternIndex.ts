/**
 * The one lookup API over a pattern model: entities by id, by name or alias (case-insensitive,
 * multi-word, tolerant of line breaks, hyphens and non-breaking spaces), every mention of a metric
 * or company in a text, and did-you-mean suggestions. Every feature asks this index; none keeps
 * its own list of names or re-reads the model.
 */
import { MentionScanner } from './mentionScanner';
import { editDistance, nameKey, nameKeyMatchCase } from './names';
import type { Company, Metric, PatternModel, Section } from './types';

export type Entity =
  | { readonly kind: 'pattern'; readonly model: PatternModel }
  | { readonly kind: 'section'; readonly model: PatternModel; readonly section: Section }
  | { readonly kind: 'metric'; readonly model: PatternModel; readonly metric: Metric }
  | { readonly kind: 'company'; readonly model: PatternModel; readonly company: Company }
  | { readonly kind: 'strength' | 'weakness'; readonly model: PatternModel; readonly index: number; readonly text: string };

export type EntityKind = Entity['kind'];
export type MetricEntity = Extract<Entity, { kind: 'metric' }>;
export type CompanyEntity = Extract<Entity, { kind: 'company' }>;
export type NamedEntity = MetricEntity | CompanyEntity;

/** A metric or company named in a text, with its offsets in that text. */
export interface Mention {
  readonly entity: NamedEntity;
  readonly start: number;
  readonly end: number;
  /** The text as written. */
  readonly text: string;
  /** The canonical name or alias this text matched, as the model spells it. */
  readonly matched: string;
}

export interface Suggestion {
  readonly entity: Entity;
  /** The name or alias the input is closest to, as the model spells it. */
  readonly name: string;
  readonly distance: number;
}

interface NameEntry {
  readonly entity: Entity;
  readonly spelled: string;
}

interface SuggestionKey extends NameEntry {
  readonly matchCase: boolean;
  readonly key: string;
  readonly caseKey: string;
}

/** A stable id for any entity, e.g. `metric:gpu-utilization-rate` or `strength:2`. */
export function entityKey(entity: Entity): string {
  switch (entity.kind) {
    case 'pattern': return 'pattern';
    case 'section': return `section:${entity.section.id}`;
    case 'metric': return `metric:${entity.metric.id}`;
    case 'company': return `company:${entity.company.id}`;
    default: return `${entity.kind}:${entity.index}`;
  }
}

/** The display name of an entity. */
export function entityName(entity: Entity): string {
  switch (entity.kind) {
    case 'pattern': return entity.model.name;
    case 'section': return entity.section.title;
    case 'metric': return entity.metric.name;
    case 'company': return entity.company.name;
    default: return entity.text;
  }
}

const NO_MENTIONS: readonly Mention[] = Object.freeze([]);

/**
 * A copy of `text` that is a string of its own. A matched name is a slice of the document, and V8
 * keeps a slice's whole parent text alive: a memo key kept as it was matched would hold the
 * document version it was first seen in (megabytes for a long analysis) for the life of the index.
 * Only a memo miss pays the copy, and a document's names are few.
 */
export function ownCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

export class PatternIndex {
  private readonly byKey = new Map<string, Entity>();
  /** Metrics by id, as {@link byKey} holds them: read for every claim, without building a key string each time. */
  private readonly metricsById = new Map<string, Metric>();
  /** Case-insensitive names (the default). */
  private readonly names = new Map<string, NameEntry>();
  /** Aliases that must match case, keyed without case folding. */
  private readonly caseNames = new Map<string, NameEntry>();
  /** Names and aliases searched for in texts; their scanners are built on the first search (activation builds none). */
  private readonly scanned: readonly string[];
  private readonly scannedCase: readonly string[];
  private scanner: MentionScanner | undefined;
  private readonly entryMemo = new Map<string, NameEntry | undefined>();
  private readonly caseEntryMemo = new Map<string, NameEntry | undefined>();
  /**
   * By scanner list (0: case-insensitive names, 1: matchCase aliases) and the scanner's name
   * index: the entry that name stands for. A match the scanner reports with its name's index
   * names what that name names (the same words, other capitals or separators: the same key), so
   * its entry is looked up once per name, not once per match by the text as written (a string
   * hash and a map probe for every mention).
   */
  private readonly entryByName: (NameEntry | undefined)[][] = [[], []];
  private keys: readonly SuggestionKey[] | undefined;
  /** Every entity, in the source's order: pattern, sections, metrics, companies, strengths, weaknesses. */
  readonly entities: readonly Entity[];

  constructor(readonly model: PatternModel) {
    const all: Entity[] = [{ kind: 'pattern', model }];
    for (const section of model.sections) all.push({ kind: 'section', model, section });
    for (const metric of model.metrics) all.push({ kind: 'metric', model, metric });
    for (const company of model.companies) all.push({ kind: 'company', model, company });
    model.strengths.forEach((text, index) => all.push({ kind: 'strength', model, index, text }));
    model.weaknesses.forEach((text, index) => all.push({ kind: 'weakness', model, index, text }));
    this.entities = all;
    for (const e of all) {
      this.byKey.set(entityKey(e), e);
      if (e.kind === 'metric') this.metricsById.set(e.metric.id, e.metric);
    }

    const scanned: string[] = [];
    const scannedCase: string[] = [];
    const add = (entity: Entity, spelled: string, matchCase: boolean, scan: boolean): void => {
      if (matchCase) {
        const key = nameKeyMatchCase(spelled);
        if (!this.caseNames.has(key)) this.caseNames.set(key, { entity, spelled });
        if (scan) scannedCase.push(spelled);
      } else {
        const key = nameKey(spelled);
        if (!this.names.has(key)) this.names.set(key, { entity, spelled });
        if (scan) scanned.push(spelled);
      }
    };
    add(all[0], model.name, false, false);
    for (const a of model.aliases) add(all[0], a.text, a.matchCase, false);
    for (const e of all) {
      if (e.kind === 'section') {
        add(e, e.section.title, false, false);
        for (const a of e.section.aliases) add(e, a.text, a.matchCase, false);
      } else if (e.kind === 'metric' || e.kind === 'company') {
        const named = e.kind === 'metric' ? e.metric : e.company;
        add(e, named.name, false, true);
        for (const a of named.aliases) add(e, a.text, a.matchCase, true);
      }
    }
    this.scanned = scanned;
    this.scannedCase = scannedCase;
  }

  /** An entity by its {@link entityKey}. */
  byId(key: string): Entity | undefined {
    return this.byKey.get(key);
  }

  metric(id: string): Metric | undefined {
    return this.metricsById.get(id);
  }

  /** A pattern, section, metric or company by name or alias. Case-insensitive unless the alias says otherwise. */
  lookup(name: string): Entity | undefined {
    return (this.caseNames.get(nameKeyMatchCase(name)) ?? this.names.get(nameKey(name)))?.entity;
  }

  /**
   * Every metric and company mentioned in `text`, left to right, longest name first where names
   * overlap. The result is shared when empty: read it, do not change it.
   */
  mentions(text: string): readonly Mention[] {
    // Case-insensitive names (list 0) and matchCase aliases (list 1) in one pass, by start: where
    // two mentions overlap the earlier one stays, and at the same start the longer one.
    let kept: Mention[] | undefined;
    this.scanner ??= new MentionScanner([{ names: this.scanned, matchCase: false }, { names: this.scannedCase, matchCase: true }]);
    this.scanner.scan(text, (list, start, end, name) => {
      const written = text.slice(start, end);
      const entry = (name >= 0 ? this.entryOfName(list, name) : undefined) ?? this.entryOf(written, list === 1);
      if (!entry || (entry.entity.kind !== 'metric' && entry.entity.kind !== 'company')) return;
      const mention: Mention = { entity: entry.entity, start, end, text: written, matched: entry.spelled };
      const last = kept?.[kept.length - 1];
      if (!kept || !last) kept = [mention];
      else if (mention.start >= last.end) kept.push(mention);
      else if (mention.start === last.start && mention.end > last.end) kept[kept.length - 1] = mention;
    });
    return kept ?? NO_MENTIONS;
  }

  /** The entry of the scanner's name `name` in list `list` (see {@link entryByName}). */
  private entryOfName(list: number, name: number): NameEntry | undefined {
    const known = this.entryByName[list];
    let entry = known[name];
    if (entry === undefined) {
      const spelled = (this.scanner as MentionScanner).nameOf(list, name);
      entry = list === 1 ? this.caseNames.get(nameKeyMatchCase(spelled)) : this.names.get(nameKey(spelled));
      known[name] = entry;
    }
    return entry;
  }

  /** The entry a matched text names. Memoised: a document repeats its names, and keys cost a Unicode normalisation. */
  private entryOf(written: string, caseSensitive: boolean): NameEntry | undefined {
    const memo = caseSensitive ? this.caseEntryMemo : this.entryMemo;
    // One lookup for a name that has an entry (nearly every match); `has` only for a remembered miss.
    const known = memo.get(written);
    if (known !== undefined || memo.has(written)) return known;
    const entry = caseSensitive ? this.caseNames.get(nameKeyMatchCase(written)) : this.names.get(nameKey(written));
    if (memo.size > 10_000) memo.clear();
    memo.set(ownCopy(written), entry);
    return entry;
  }

  /** The mention covering `offset` in `text`, if any (for hovers). */
  mentionAt(text: string, offset: number): Mention | undefined {
    return this.mentions(text).find((m) => offset >= m.start && offset <= m.end);
  }

  /**
   * Names close to `text` (typos, wrong case of a proper name), best first. A name already spelt
   * right gets no suggestion, and neither does a metric or section name in other capitals (those
   * are case-insensitive); a company name in other capitals does ("Coreweave" → "CoreWeave"), since
   * analysts should spell proper names right. A `matchCase` alias is compared with its capitals,
   * so it is never offered for the common word it guards against ("together", "togther").
   */
  suggest(text: string, kinds: readonly EntityKind[] = ['metric', 'company', 'section'], max = 3): Suggestion[] {
    const key = nameKey(text);
    if (key.length < 3) return [];
    const asWritten = nameKeyMatchCase(text);
    const known = this.names.get(key);
    if (known) {
      const miscased = known.entity.kind === 'company' && nameKeyMatchCase(known.spelled) !== asWritten;
      return miscased && kinds.includes('company') ? [{ entity: known.entity, name: known.spelled, distance: 0 }] : [];
    }
    if (this.caseNames.has(asWritten)) return [];
    const limit = Math.max(1, Math.min(3, Math.floor(key.length / 5)));
    const best = new Map<string, Suggestion>();
    for (const { entity, spelled, matchCase, key: nameKeyOf, caseKey } of this.suggestionKeys()) {
      if (!kinds.includes(entity.kind)) continue;
      // A matchCase alias in other capitals is the common word it guards against ("together"), and
      // it is compared with its capitals: "Togther" is near "Together", "togther" is not.
      if (matchCase && nameKeyOf === key) continue;
      const d = matchCase ? editDistance(asWritten, caseKey, limit) : editDistance(key, nameKeyOf, limit);
      if (d === 0 || d > limit) continue;
      const id = entityKey(entity);
      const prior = best.get(id);
      if (!prior || d < prior.distance) best.set(id, { entity, name: spelled, distance: d });
    }
    return [...best.values()].sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name)).slice(0, max);
  }

  /**
   * Every name and alias with its comparison keys, in the order {@link suggest} considers them
   * (case-insensitive names, then matchCase aliases): computed once per model, not per suggestion.
   */
  private suggestionKeys(): readonly SuggestionKey[] {
    if (!this.keys) {
      const keys: SuggestionKey[] = [];
      for (const e of this.names.values()) keys.push({ entity: e.entity, spelled: e.spelled, matchCase: false, key: nameKey(e.spelled), caseKey: '' });
      for (const e of this.caseNames.values()) keys.push({ entity: e.entity, spelled: e.spelled, matchCase: true, key: nameKey(e.spelled), caseKey: nameKeyMatchCase(e.spelled) });
      this.keys = keys;
    }
    return this.keys;
  }

  /** Every name and alias of an entity, canonical name first. */
  namesOf(entity: Entity): string[] {
    switch (entity.kind) {
      case 'metric': return [entity.metric.name, ...entity.metric.aliases.map((a) => a.text)];
      case 'company': return [entity.company.name, ...entity.company.aliases.map((a) => a.text)];
      case 'section': return [entity.section.title, ...entity.section.aliases.map((a) => a.text)];
      case 'pattern': return [entity.model.name, ...entity.model.aliases.map((a) => a.text)];
      default: return [entity.text];
    }
  }
}
