/**
 * Document → full HTML body: the one function the preview, the HTML export and the CLI render
 * an analysis with, so all three show exactly the same thing. Pure: no editor, no file system;
 * images from disk arrive through the {@link ImagePolicy} callback the caller provides.
 */
import type MarkdownIt from 'markdown-it';
import type { Analysis } from '../analysis/types';
import { DOCUMENT_CLOSE, DOCUMENT_OPEN } from './previewSegments';
import { frontMatterTitle, renderCoverage, renderHeader, renderScorecard } from './analysisBlocks';
import type { ScorecardHistory } from '../portfolio/types';
import { prepareSource, type PreparedSource } from './claimMarks';
import { createMarkdownEngine, type EngineEnv, type ImagePolicy, type MarkerKind } from './markdownEngine';

export type { ImagePolicy, MarkerKind } from './markdownEngine';

export interface RenderOptions {
  /** Where images may come from; by default only nothing (every image shows as blocked). */
  readonly images?: ImagePolicy;
  /** Show the scorecard and coverage at the top when the document has no marker (default true). */
  readonly analysisBlocks?: boolean;
  /**
   * Longest text rendered, in characters (default {@link DEFAULT_MAX_CHARS}). A longer document is
   * cut at a line end and says so at the end: rendering is synchronous, and a 10 MB hostile
   * document must not freeze the editor for many seconds.
   */
  readonly maxChars?: number;
  /** Earlier periods of the analysis's subject (from the portfolio index): sparklines in the scorecard. */
  readonly history?: ScorecardHistory;
}

/** About 2 MB of text: a few hundred pages, far beyond any real analysis. */
export const DEFAULT_MAX_CHARS = 2_000_000;

export interface RenderedDocument {
  /** The body: a `<div class="pa-document">` with the header, analysis blocks and the rendered markdown. */
  readonly html: string;
  /** The document's title (front-matter `title`), for a page or panel title. */
  readonly title?: string;
  /** Relative image paths the document uses (decoded), so an exporter can load them and render again. */
  readonly localImages: readonly string[];
}

let engine: MarkdownIt | undefined;

/** The one configured engine every render shares (per-render data travels in its `env`). */
export function sharedEngine(): MarkdownIt {
  engine ??= createMarkdownEngine();
  return engine;
}

/** What a render parses, and the per-render data its plugins read and fill. */
export interface DocumentInput {
  readonly analysis: Analysis;
  readonly options: RenderOptions;
  /** The note after a cut document ('' when it is shown whole). */
  readonly truncated: string;
  readonly prepared: PreparedSource;
  readonly env: EngineEnv;
  readonly markers: Record<MarkerKind, () => string>;
}

/** Cuts an over-long document and prepares its source and `env` (shared with the incremental renderer). */
export function documentInput(text: string, analysis: Analysis, options: RenderOptions): DocumentInput {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  let truncated = '';
  if (text.length > maxChars) {
    const cut = text.lastIndexOf('\n', maxChars);
    const shown = cut > 0 ? cut : maxChars;
    truncated = `<p class="pa-truncated">The document is ${formatSize(text.length)} long; only its first ${formatSize(shown)} are shown.</p>`;
    text = text.slice(0, shown);
  }
  const prepared = prepareSource(text, analysis.frontMatter, analysis.claims);
  const markers: Record<MarkerKind, () => string> = {
    scorecard: () => renderScorecard(analysis, options.history ? { history: options.history } : {}),
    coverage: () => renderCoverage(analysis),
  };
  const env: EngineEnv = {
    claims: prepared.claims,
    markerKey: prepared.markerKey,
    images: options.images ?? {},
    marker: (kind) => markers[kind](),
    localImages: [],
    markersSeen: new Set(),
  };
  return { analysis, options, truncated, prepared, env, markers };
}

export { DOCUMENT_CLOSE, DOCUMENT_OPEN };

/** The parts of a document around its markdown: header and analysis blocks before, the cut note and end anchor after. */
export interface DocumentFrame {
  readonly top: readonly string[];
  readonly truncated: string;
  readonly end: string;
  readonly lineCount: number;
}

/** The header, analysis blocks not placed by the document, cut note and end anchor around the rendered markdown. */
export function documentFrame(input: DocumentInput): DocumentFrame {
  const { analysis, options, prepared, env, markers } = input;
  const top: string[] = [];
  const headerLine = prepared.frontMatterLines?.[0] ?? 0;
  top.push(renderHeader(analysis, headerLine));
  if (options.analysisBlocks !== false && analysis.isAnalysis) {
    if (!env.markersSeen.has('scorecard')) top.push(`<div class="pa-marker pa-marker-scorecard pa-auto">${markers.scorecard()}</div>`);
    if (!env.markersSeen.has('coverage') && analysis.pattern) top.push(`<div class="pa-marker pa-marker-coverage pa-auto">${markers.coverage()}</div>`);
  }
  return { top, truncated: input.truncated, end: `<div class="code-line pa-end" data-line="${prepared.lineCount}"></div>`, lineCount: prepared.lineCount };
}

/** The whole body around the rendered markdown: header, analysis blocks not placed by the document, end anchor. */
export function assembleDocument(input: DocumentInput, body: string, frame: DocumentFrame = documentFrame(input)): RenderedDocument {
  const html = `${DOCUMENT_OPEN}${frame.top.join('')}${body}${frame.truncated}${frame.end}${DOCUMENT_CLOSE}`;
  const title = frontMatterTitle(input.analysis.frontMatter);
  return { html, ...(title ? { title } : {}), localImages: input.env.localImages };
}

/**
 * Renders an analyst's markdown with its analysis: a header from the front matter instead of the
 * YAML, verdict badges after every recognised value, the scorecard and section coverage (at the
 * top, or where `<!-- pattern-scorecard -->` / `<!-- pattern-coverage -->` lines place them), and
 * `data-line` source lines on every block for scroll sync. Raw HTML in the document stays text.
 * The live preview renders edits with src/render/incrementalRenderer.ts instead, which gives
 * exactly this HTML.
 */
export function renderDocumentBody(text: string, analysis: Analysis, options: RenderOptions = {}): RenderedDocument {
  const input = documentInput(text, analysis, options);
  return assembleDocument(input, sharedEngine().render(input.prepared.text, input.env));
}

function formatSize(chars: number): string {
  return chars >= 1_000_000 ? `${(chars / 1_000_000).toFixed(1)} million characters` : `${chars.toLocaleString('en-US')} characters`;
}
