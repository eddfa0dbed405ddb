/**
 * `pattern-analyst render --format pdf`: the exported page printed by a Chromium-family browser
 * already on the machine (src/pdf). Ctrl+C ends the browser and removes its temporary profile
 * before the CLI exits.
 */
import { findBrowser } from '../pdf/findBrowser';
import { PrintCancelled, printHtmlToPdf, PrintError, type PageSize } from '../pdf/printPdf';
import { CliError, printable, type CliIo } from './cliIo';

export interface PdfOptions {
  readonly pageSize: PageSize;
  readonly browser?: string;
  /** Time limit in milliseconds (tests); the printer's default otherwise. */
  readonly timeoutMs?: number;
}

/** Exit code of a run stopped by Ctrl+C (128 + SIGINT), as shells report it. */
export const EXIT_INTERRUPTED = 130;

/** The PDF of `page`, or a {@link CliError} saying what to install or set. */
export async function printPageForCli(page: string, options: PdfOptions, io: CliIo): Promise<Buffer> {
  const browser = findBrowser(options.browser);
  if (!browser.found) throw new CliError(browser.message);
  const abort = new AbortController();
  const onInterrupt = (): void => abort.abort();
  process.once('SIGINT', onInterrupt);
  try {
    io.err(printable(`printing (${options.pageSize === 'a4' ? 'A4' : 'Letter'}) with ${browser.path}`));
    const result = await printHtmlToPdf(page, {
      browser: browser.path,
      pageSize: options.pageSize,
      signal: abort.signal,
      ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
    });
    return result.pdf;
  } catch (e) {
    if (e instanceof PrintCancelled) throw new CliError('interrupted: nothing was written', EXIT_INTERRUPTED);
    if (e instanceof PrintError) throw new CliError(`cannot print the PDF: ${e.message}`);
    throw e;
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
}
