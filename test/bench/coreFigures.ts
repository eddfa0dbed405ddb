/**
 * The in-process figures: lint (analyzeText) against markdown-it's parse and against
 * markdownlint, the pattern-aware render against bare markdown-it, and the per-hover cost at
 * three document sizes. Each ratio is between numbers taken in this run, interleaved.
 */
import MarkdownIt from 'markdown-it';
import { performance } from 'node:perf_hooks';
import { analyzeText } from '../../src/analysis/analyze';
import { claimsOnLine } from '../../src/analysis/claimsByLine';
import type { Analysis, MetricClaim } from '../../src/analysis/types';
import type { PatternCatalog } from '../../src/model/patternCatalog';
import type { NamedEntity, PatternIndex } from '../../src/model/patternIndex';
import { Random } from '../support/analysisGenerator';
import { analysisOfBytes, analysisOfLines, bundledCatalog } from './benchInputs';
import { loadPackage, optionalModule } from './optionalModule';
import { bytes, ms, ratioRow, type FigureRow } from './report';
import { collectGarbage, median, percentile, timePair } from './timing';

export interface CoreOptions {
  /** Size of the lint and render input (the brief: 1 MB). */
  readonly lintBytes: number;
  /** Document sizes for the hover figure (the brief: 1k, 10k, 100k lines). */
  readonly hoverLines: readonly number[];
  readonly hoversPerSize: number;
  readonly repetitions: number;
  readonly warmup: number;
}

export const FULL_CORE: CoreOptions = { lintBytes: 1_000_000, hoverLines: [1_000, 10_000, 100_000], hoversPerSize: 20_000, repetitions: 9, warmup: 2 };

type MarkdownlintSync = { lint(options: { strings: Record<string, string> }): Record<string, unknown[]> };

interface RendererModule {
  renderDocumentBody(text: string, analysis: Analysis): { html: string };
}

export function lintFigures(options: CoreOptions, catalog: PatternCatalog = bundledCatalog()): FigureRow[] {
  const text = analysisOfBytes(options.lintBytes);
  const size = bytes(Buffer.byteLength(text));
  const md = new MarkdownIt();
  const rows: FigureRow[] = [];

  const vsParse = timePair(() => md.parse(text, {}), () => analyzeText(text, catalog), options);
  rows.push(ratioRow({
    id: 'lint-vs-markdown-it-parse',
    figure: `lint (analyzeText), ${size}`,
    target: '≤ 1.00× markdown-it parse',
    limit: 1.0,
    data: { bytes: Buffer.byteLength(text), subjectMs: vsParse.subjectSamples, referenceMs: vsParse.referenceSamples },
  }, vsParse.subject, vsParse.reference, vsParse.ratio));

  const markdownlint = loadPackage<MarkdownlintSync>('markdownlint/sync');
  // markdownlint takes seconds on 1 MB: fewer repetitions, still interleaved.
  const reps = Math.max(3, Math.ceil(options.repetitions / 2));
  const vsLint = timePair(() => markdownlint.lint({ strings: { doc: text } }), () => analyzeText(text, catalog), { warmup: 1, repetitions: reps });
  rows.push(ratioRow({
    id: 'lint-vs-markdownlint',
    figure: `lint (analyzeText), ${size}`,
    target: '≤ 0.50× markdownlint 0.40',
    limit: 0.5,
    data: { bytes: Buffer.byteLength(text), subjectMs: vsLint.subjectSamples, referenceMs: vsLint.referenceSamples },
  }, vsLint.subject, vsLint.reference, vsLint.ratio));
  return rows;
}

export function renderFigures(options: CoreOptions, catalog: PatternCatalog = bundledCatalog()): FigureRow[] {
  const renderer = optionalModule<RendererModule>('src/render/documentRenderer');
  if (!renderer) {
    return [{ id: 'render-vs-markdown-it', figure: 'pattern-aware render', measured: '—', reference: '—', target: '≤ 1.25× markdown-it render', status: 'SKIP', note: 'src/render/documentRenderer is not on this branch yet' }];
  }
  const text = analysisOfBytes(options.lintBytes);
  const size = bytes(Buffer.byteLength(text));
  const md = new MarkdownIt();
  const analysis = analyzeText(text, catalog);
  const rows: FigureRow[] = [];
  // The preview renders with the analysis the shared cache already holds for this version.
  const cached = timePair(() => md.render(text), () => renderer.renderDocumentBody(text, analysis), options);
  rows.push(ratioRow({
    id: 'render-vs-markdown-it',
    figure: `pattern-aware render, ${size}`,
    target: '≤ 1.25× markdown-it render',
    limit: 1.25,
    note: 'renderDocumentBody with the cached analysis of this version (what the preview does per update)',
    data: { subjectMs: cached.subjectSamples, referenceMs: cached.referenceSamples },
  }, cached.subject, cached.reference, cached.ratio));
  const cold = timePair(() => md.render(text), () => renderer.renderDocumentBody(text, analyzeText(text, catalog)), { ...options, repetitions: Math.max(3, Math.ceil(options.repetitions / 2)) });
  const coldRow = ratioRow({
    id: 'render-with-analysis-vs-markdown-it',
    figure: `render incl. analyzeText, ${size}`,
    target: '(information)',
    limit: Infinity,
    data: { subjectMs: cold.subjectSamples, referenceMs: cold.referenceSamples },
  }, cold.subject, cold.reference, cold.ratio);
  rows.push({ ...coldRow, status: 'INFO' });
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Hover: what EntityHoverProvider.provideHover does per hover, minus the vscode wrappers.

interface CardModule {
  entityCard(entity: NamedEntity, options?: { writtenAs?: string; claims?: readonly MetricClaim[] }): unknown;
  entityCardMarkdown(card: never, links?: readonly { title: string; target: string }[]): string;
  commandLinkTarget?(command: string, args: readonly unknown[]): string;
}

interface HoverPoint {
  readonly line: number;
  readonly character: number;
}

/** The per-version analysis cache, as features/analysisCache keeps it (a Map keyed by URI). */
class VersionedCache {
  private readonly entries = new Map<string, { version: number; analysis: Analysis }>();
  constructor(private readonly compute: () => Analysis) {}
  get(uri: string, version: number): Analysis {
    const hit = this.entries.get(uri);
    if (hit && hit.version === version) return hit.analysis;
    const analysis = this.compute();
    this.entries.set(uri, { version, analysis });
    return analysis;
  }
}

/**
 * One hover, as the provider computes it: cheap mention check on the line, the cached analysis,
 * the claims on the line, the mention in the document's pattern, and the card's markdown.
 * Returns the markdown length (so the work cannot be optimised away).
 */
export function hoverOnce(cards: CardModule, catalog: PatternCatalog, cache: VersionedCache, lines: readonly string[], at: HoverPoint): number {
  const lineText = lines[at.line];
  const anyMention = catalog.indexes.some((index) => index.mentionAt(lineText, at.character));
  const analysis = cache.get('file:///bench/analysis.md', 1);
  const claims = claimsOnLine(analysis, at.line);
  if (!anyMention) return claims.length;
  const indexes: readonly PatternIndex[] = analysis.pattern ? [analysis.pattern] : catalog.indexes;
  let out = 0;
  for (const index of indexes) {
    const m = index.mentionAt(lineText, at.character);
    if (!m) continue;
    const card = cards.entityCard(m.entity, { writtenAs: m.text, claims });
    out += cards.entityCardMarkdown(card as never, [{ title: 'Show in Pattern Tree', target: 'command:patternAnalyst.showInTree' }]).length;
  }
  return out;
}

/** Hover points on names (most hovers land on a name: that is when the card is built). */
function hoverPoints(catalog: PatternCatalog, lines: readonly string[], count: number, seed: number): HoverPoint[] {
  const r = new Random(seed);
  const index = catalog.indexes[0];
  const points: HoverPoint[] = [];
  let guard = 0;
  while (points.length < count && guard++ < count * 50) {
    const line = r.int(0, lines.length - 1);
    const mentions = index.mentions(lines[line]);
    if (mentions.length > 0) {
      const m = r.pick(mentions);
      points.push({ line, character: r.int(m.start, m.end) });
    } else if (r.chance(0.1)) {
      points.push({ line, character: r.int(0, lines[line].length) });
    }
  }
  return points;
}

export function hoverFigures(options: CoreOptions, catalog: PatternCatalog = bundledCatalog()): FigureRow[] {
  const cards = optionalModule<CardModule>('src/render/entityCard');
  if (!cards) {
    return [{ id: 'hover', figure: 'hover computation', measured: '—', reference: '—', target: '≤ 50 µs p99, flat', status: 'SKIP', note: 'src/render/entityCard is not on this branch yet' }];
  }
  const sizes = options.hoverLines.map((lines) => {
    const text = analysisOfLines(lines);
    const cache = new VersionedCache(() => analyzeText(text, catalog));
    cache.get('file:///bench/analysis.md', 1);
    const docLines = text.split(/\r?\n/);
    return { lines, docLines, cache, points: hoverPoints(catalog, docLines, options.hoversPerSize, 1000 + lines), samples: [] as number[] };
  });
  // Warm up every size, then take the samples in interleaved batches so noise hits all sizes alike.
  for (const s of sizes) for (const p of s.points.slice(0, 500)) hoverOnce(cards, catalog, s.cache, s.docLines, p);
  const batch = 500;
  let sink = 0;
  for (let from = 0; from < options.hoversPerSize; from += batch) {
    for (const s of sizes) {
      collectGarbage();
      for (const p of s.points.slice(from, from + batch)) {
        const t0 = performance.now();
        sink += hoverOnce(cards, catalog, s.cache, s.docLines, p);
        s.samples.push((performance.now() - t0));
      }
    }
  }
  if (sink < 0) throw new Error('unreachable');
  const base = percentile(sizes[0].samples, 99);
  return sizes.map((s) => {
    const p50 = median(s.samples);
    const p99 = percentile(s.samples, 99);
    const flat = p99 / base;
    const ok = p99 <= 0.05 && flat <= 2;
    return {
      id: `hover-${s.lines}`,
      figure: `hover, ${s.lines.toLocaleString('en-US')} lines (p50 / p99)`,
      measured: `${ms(p50)} / ${ms(p99)}`,
      reference: `p99 at ${sizes[0].lines.toLocaleString('en-US')} lines: ${ms(base)}`,
      ratio: flat,
      target: '≤ 50 µs p99, flat (≤ 2× the 1k p99)',
      status: ok ? 'PASS' : 'MISS',
      data: { lines: s.docLines.length, hovers: s.samples.length, p50Ms: p50, p90Ms: percentile(s.samples, 90), p99Ms: p99, maxMs: Math.max(...s.samples) },
    } satisfies FigureRow;
  });
}
