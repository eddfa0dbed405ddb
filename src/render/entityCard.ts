/**
 * What a card about a metric or company says (the hover card today; the preview and the CLI can
 * reuse it): the source's verbatim facts, the extension's own note kept apart and labelled, and
 * the verdicts of values the analyst stated. Built as structured parts, then formatted as escaped
 * markdown, so no model or document text can turn into markup, links or commands.
 */
import type { MetricClaim, VerdictStatus } from '../analysis/types';
import { verdictDisplay } from '../analysis/verdictDisplay';
import { nameKey } from '../model/names';
import { entityKey, type NamedEntity } from '../model/patternIndex';
import type { PatternModel, SectionKind } from '../model/types';
import { escapeMarkdown } from './patternMarkdown';
import { keepCard, keepMarkdown, keptCard, keptMarkdown } from './plainCardMemo';

export interface CardVerdict {
  readonly status: VerdictStatus;
  /** The verdict as the core words it, e.g. "72% — below the benchmark: >80% target for profitability". */
  readonly message: string;
}

export interface EntityCard {
  readonly kind: 'metric' | 'company';
  /** Canonical name. */
  readonly name: string;
  /** The alias as written in the document, when it is not the canonical name. */
  readonly writtenAs?: string;
  readonly patternId: string;
  /** e.g. "AI Infrastructure (Pattern #17)". */
  readonly patternLabel: string;
  /** `entityKey`, e.g. `metric:gpu-utilization-rate` (for Show in Pattern Tree). */
  readonly key: string;
  /** Title of the pattern section the entity belongs to. */
  readonly section?: string;
  /** Metric: the source's benchmark, verbatim. */
  readonly benchmark?: string;
  /** Metric: which way is better, and whether the extension's note or the benchmark says so. */
  readonly better?: { readonly direction: 'higher' | 'lower'; readonly from: 'extension' | 'benchmark' };
  readonly unit?: string;
  /** Metric: the extension's definition (never the source's). */
  readonly extensionNote?: string;
  /** Company: the source's note, verbatim. */
  readonly sourceNote?: string;
  /** Who the source is, e.g. "FourWeekMBA", for attributing the source's note. */
  readonly sourceName?: string;
  /** Verdicts of the values stated for this metric on the hovered line. */
  readonly verdicts: readonly CardVerdict[];
}

/**
 * The card for a metric or company mention.
 * @param entity the metric or company, from `PatternIndex.mentionAt` or `lookup`
 * @param options `writtenAs`: the text as written; `claims`: the analysis claims on the hovered line
 */
export function entityCard(entity: NamedEntity, options: { writtenAs?: string; claims?: readonly MetricClaim[] } = {}): EntityCard {
  // Most hovers: no claim on the line is about the entity, so the card is the same every time.
  if (!aboutEntity(entity, options.claims)) return keptCard(entity, options.writtenAs) ?? keepCard(entity, options.writtenAs, freshEntityCard(entity, options));
  return freshEntityCard(entity, options);
}

function aboutEntity(entity: NamedEntity, claims: readonly MetricClaim[] | undefined): boolean {
  if (entity.kind !== 'metric' || !claims) return false;
  for (const c of claims) if (c.metricId === entity.metric.id) return true;
  return false;
}

/** {@link entityCard} built afresh (never kept): what a kept card must equal. */
export function freshEntityCard(entity: NamedEntity, options: { writtenAs?: string; claims?: readonly MetricClaim[] } = {}): EntityCard {
  const model = entity.model;
  const name = entity.kind === 'metric' ? entity.metric.name : entity.company.name;
  const writtenAs = options.writtenAs !== undefined && once(keys, options.writtenAs, nameKey) !== once(keys, name, nameKey) ? options.writtenAs : undefined;
  // Literals, not `{ ...base, … }`: V8 builds a spread followed by more keys key by key, which
  // was a third of a hover's time (2.6 of 7 µs per card in the hover bench).
  const patternId = model.id;
  const label = patternLabel(model);
  const key = entityKey(entity);
  const sourceName = model.source.publisher ?? model.source.author;
  if (entity.kind === 'company') {
    const section = sectionTitle(model, 'companies');
    return { kind: entity.kind, name, writtenAs, patternId, patternLabel: label, key, section, sourceName, sourceNote: entity.company.note, verdicts: [] };
  }
  const metric = entity.metric;
  const section = sectionTitle(model, 'metrics');
  const noted = metric.extensionNote?.direction;
  const comparator = metric.benchmark?.comparator;
  const better = noted
    ? { direction: noted, from: 'extension' as const }
    : comparator
      ? { direction: comparator.startsWith('>') ? ('higher' as const) : ('lower' as const), from: 'benchmark' as const }
      : undefined;
  const verdicts: CardVerdict[] = [];
  for (const c of options.claims ?? []) {
    if (c.metricId === metric.id) verdicts.push({ status: c.verdict.status, message: c.verdict.message });
  }
  return {
    kind: entity.kind,
    name,
    writtenAs,
    patternId,
    patternLabel: label,
    key,
    section,
    sourceName,
    benchmark: metric.benchmarkText,
    better,
    unit: metric.unit.label,
    extensionNote: metric.extensionNote?.definition,
    verdicts,
  };
}

/** "AI Infrastructure (Pattern #17)", or the bare name for an unnumbered model. */
export function patternLabel(model: PatternModel): string {
  return model.number !== undefined ? `${model.name} (Pattern #${model.number})` : model.name;
}

function sectionTitle(model: PatternModel, kind: SectionKind): string | undefined {
  return model.sections.find((s) => s.kind === kind)?.title;
}

/**
 * A card is built on every hover, from the same few model strings each time: their escaped forms
 * and name keys are kept (both are pure functions of the string). The bench's hover profile put 80%
 * of a hover in escaping and normalising these strings again. Bounded: cleared when full.
 */
const escaped = new Map<string, string>();
const keys = new Map<string, string>();
const MEMO_LIMIT = 2_000;

function once(memo: Map<string, string>, text: string, compute: (text: string) => string): string {
  let out = memo.get(text);
  if (out === undefined) {
    out = compute(text);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(text, out);
  }
  return out;
}

/**
 * The target of a `command:` link with JSON arguments, percent-encoded so that no character of an
 * id (parentheses, quotes, spaces) can end the markdown link early.
 */
export function commandLinkTarget(command: string, args: readonly unknown[]): string {
  const encoded = encodeURIComponent(JSON.stringify(args)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `command:${command}?${encoded}`;
}

export interface CardLink {
  readonly title: string;
  /** Already URL-encoded; must not contain spaces or parentheses. */
  readonly target: string;
}

/**
 * The card as markdown. Every model and document string is escaped; the only markup is this
 * function's own, and the only link targets are the ones the caller passes.
 */
export function entityCardMarkdown(card: EntityCard, links: readonly CardLink[] = []): string {
  const kept = keptMarkdown(card, links);
  if (kept !== undefined) return kept;
  const markdown = freshEntityCardMarkdown(card, links);
  keepMarkdown(card, links, markdown);
  return markdown;
}

/** {@link entityCardMarkdown} written afresh (never kept): what a kept card's markdown must equal. */
export function freshEntityCardMarkdown(card: EntityCard, links: readonly CardLink[] = []): string {
  const e = (text: string): string => once(escaped, text, escapeMarkdown);
  const out: string[] = [];
  const kindWord = card.kind === 'metric' ? 'metric' : 'company';
  out.push(`**${e(card.name)}**${card.writtenAs !== undefined ? ` (written “${e(card.writtenAs)}”)` : ''} — ${kindWord} in *${e(card.patternLabel)}*`);
  for (const v of card.verdicts) out.push(`${verdictDisplay(v.status).symbol} **${e(v.message)}**`);
  const facts: string[] = [];
  if (card.benchmark !== undefined) facts.push(`**Benchmark** (source, verbatim): ${e(card.benchmark)}`);
  if (card.better) facts.push(`**Better:** ${card.better.direction}${card.better.from === 'extension' ? ' (Pattern Analyst\'s note)' : ' (from the benchmark)'}`);
  if (card.unit !== undefined) facts.push(`**Unit:** ${e(card.unit)}`);
  if (card.sourceNote !== undefined) facts.push(`**Source's note**${card.sourceName ? ` (${e(card.sourceName)})` : ''}: ${e(card.sourceNote)}`);
  if (card.section !== undefined) facts.push(`**Section:** ${e(card.section)}`);
  if (card.kind === 'company') facts.push(`**Pattern:** ${e(card.patternLabel)}`);
  // Two trailing spaces: a hard line break, so the facts read as a compact list.
  if (facts.length) out.push(facts.join('  \n'));
  if (card.extensionNote !== undefined) out.push(`*Pattern Analyst's note, not the source's:* ${e(card.extensionNote)}`);
  if (links.length) out.push(links.map((l) => `[${e(l.title)}](${l.target})`).join(' · '));
  return out.join('\n\n');
}
