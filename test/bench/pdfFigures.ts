/**
 * The PDF export's figure: a 1 MB analysis exported to PDF (render the page with its print
 * stylesheet, then print it: browser start, load, layout, PDF) against the browser printing the
 * same page without our print stylesheet, in the same run, interleaved (median of each). Target
 * ≤ 2×. Wire it into runBench.ts as its own group, e.g.
 *   await step('pdf', 'PDF export figure', () => pdfFigures({ bytes: options.quick ? 50_000 : 1_000_000, repetitions: options.quick ? 1 : 3 }));
 * Throws "Chromium not found: ..." on a machine with no Chrome, Edge or Chromium (runBench reports SKIP).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeText } from '../../src/analysis/analyze';
import { findBrowser } from '../../src/pdf/findBrowser';
import { printHtmlToPdf } from '../../src/pdf/printPdf';
import { exportDocumentPage } from '../../src/render/exportDocument';
import { analysisOfBytes, bundledCatalog } from './benchInputs';
import { REPO_ROOT } from './optionalModule';
import { bytes, ratioRow, type FigureRow } from './report';
import { median } from './timing';

export interface PdfBenchOptions {
  /** Size of the analysis (the target: 1 MB). */
  readonly bytes: number;
  /** Samples of each side (each sample starts a browser). */
  readonly repetitions: number;
  /** The browser; default: the one Export to PDF would find. */
  readonly browser?: string;
  readonly log?: (line: string) => void;
}

/** A sample is measured, not cut short: only a stuck browser hits this. */
const BENCH_TIME_LIMIT_MS = 20 * 60_000;

export async function pdfFigures(options: PdfBenchOptions): Promise<FigureRow[]> {
  const found = findBrowser(options.browser);
  if (!found.found) throw new Error(`Chromium not found: ${found.message}`);
  const css = readFileSync(path.join(REPO_ROOT, 'media', 'preview.css'), 'utf8');
  const text = analysisOfBytes(options.bytes);
  const analysis = analyzeText(text, bundledCatalog());
  const bare = await exportDocumentPage(text, analysis, { css, fallbackTitle: 'bench', printStyle: false });

  const ours = async (): Promise<number> => {
    const page = await exportDocumentPage(text, analysis, { css, fallbackTitle: 'bench' });
    return (await printHtmlToPdf(page, { browser: found.path, pageSize: 'a4', timeoutMs: BENCH_TIME_LIMIT_MS })).pdf.length;
  };
  const reference = async (): Promise<number> => (await printHtmlToPdf(bare, { browser: found.path, pageSize: 'a4', timeoutMs: BENCH_TIME_LIMIT_MS })).pdf.length;
  const time = async (fn: () => Promise<number>): Promise<{ ms: number; size: number }> => {
    const t0 = performance.now();
    const size = await fn();
    return { ms: performance.now() - t0, size };
  };

  // One of each to warm the disk cache, then interleaved A B B A ... so load bursts hit both alike.
  await reference();
  await ours();
  const subjectMs: number[] = [];
  const referenceMs: number[] = [];
  let pdfBytes = 0;
  for (let i = 0; i < options.repetitions; i++) {
    const order = i % 2 === 0 ? [reference, ours] : [ours, reference];
    for (const fn of order) {
      const { ms, size } = await time(fn);
      (fn === ours ? subjectMs : referenceMs).push(ms);
      if (fn === ours) pdfBytes = size;
    }
    options.log?.(`pdf sample ${i + 1}/${options.repetitions}: ours ${Math.round(subjectMs[i])} ms, bare ${Math.round(referenceMs[i])} ms`);
  }
  const subject = median(subjectMs);
  const ref = median(referenceMs);
  return [ratioRow({
    id: 'pdf-vs-bare-print',
    figure: `Export to PDF (render + print), ${bytes(Buffer.byteLength(text))} analysis`,
    target: '≤ 2.00× the browser printing the page without our print stylesheet',
    limit: 2,
    data: { bytes: Buffer.byteLength(text), pdfBytes, browser: found.path, subjectMs, referenceMs },
  }, subject, ref)];
}
