/**
 * What one analysis read from each block of a document, kept for the next analysis of the same
 * document. Why: the live preview analyses every version it shows (it updates before the
 * diagnostics' debounce), and an edit changes one block while all the others read exactly as
 * before; re-reading them was most of the preview's work per edit at the sizes analysts write.
 *
 * Why it is safe:
 * - a block's reading (its headings, claims and findings) depends only on the block and on the
 *   context {@link AnalysisMemo.begin} compares (the pattern, the front matter's subject and
 *   period, which rules run); {@link blockKey} holds everything the block is made of, its lines
 *   and columns included, so a reused reading is the one a fresh read would give;
 * - what is kept is immutable (readonly types), and shared the way the analysis cache already
 *   shares one analysis between features;
 * - it is bounded: only the blocks of the last analysis are kept.
 *
 * Owned by the caller, one per document (src/features/analysisCache.ts keeps one per open
 * document), so the core stays pure; a one-shot analysis (the CLI, the portfolio index) has none.
 * test/unit/analysis/analysisMemo.test.ts checks, over random edit sequences, that an analysis
 * with a memo equals one without.
 */
import type { FrontMatterResult } from './frontMatter';
import type { Finding, Heading, MetricClaim } from './types';

/** What reading one block added to the analysis. */
export interface BlockReading {
  readonly headings: readonly Heading[];
  readonly claims: readonly MetricClaim[];
  readonly findings: readonly Finding[];
}

export class AnalysisMemo {
  /** The last front matter read: its lines through the closing fence, and what was read from them. */
  private frontMatter: { readonly bom: number; readonly lines: readonly string[]; readonly result: FrontMatterResult } | undefined;
  private context: readonly unknown[] | undefined;
  private previous = new Map<string, BlockReading>();
  private kept = new Map<string, BlockReading>();
  private reusedNow = 0;
  /** How many blocks the last analysis reused rather than read. */
  reused = 0;

  /**
   * Starts an analysis in `context` (compared item by item with the last one's: a different
   * pattern, subject, period or rule set forgets every reading).
   */
  begin(context: readonly unknown[]): void {
    const same = this.context !== undefined && this.context.length === context.length && this.context.every((v, i) => v === context[i]);
    if (!same) this.previous = new Map();
    this.context = context;
    this.kept = new Map();
    this.reusedNow = 0;
  }

  /** The reading of the block with this key in the last analysis, kept for the next one too. */
  reuse(key: string): BlockReading | undefined {
    const reading = this.previous.get(key);
    if (reading) {
      this.kept.set(key, reading);
      this.reusedNow++;
    }
    return reading;
  }

  keep(key: string, reading: BlockReading): void {
    this.kept.set(key, reading);
  }

  /** Ends the analysis: the blocks it read are those the next one may reuse. */
  end(): void {
    this.previous = this.kept;
    this.kept = new Map();
    this.reused = this.reusedNow;
  }

  /**
   * The front matter's reading, the last one's while its lines are unchanged: a closed front
   * matter is read from its own lines alone (up to the first closing fence), so the YAML is not
   * parsed again on every edit of the body. An unclosed one is always read afresh.
   */
  frontMatterOf(lines: readonly string[], bom: number, read: () => FrontMatterResult): FrontMatterResult {
    const last = this.frontMatter;
    if (last && last.bom === bom && last.lines.length <= lines.length && last.lines.every((line, i) => line === lines[i])) return last.result;
    const result = read();
    this.frontMatter = result.bodyStart > 0 ? { bom, lines: lines.slice(0, result.bodyStart), result } : undefined;
    return result;
  }

  /** Forgets everything (a changed model). */
  clear(): void {
    this.frontMatter = undefined;
    this.context = undefined;
    this.previous = new Map();
    this.kept = new Map();
  }

  /** How many block readings the next analysis may reuse. */
  get size(): number {
    return this.previous.size;
  }
}
