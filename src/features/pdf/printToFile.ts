/**
 * Prints a self-contained HTML page to a PDF file, with a cancellable progress notification: the
 * editor side of every PDF deliverable. Export to PDF passes the analysis' exported page; the
 * portfolio's export can pass its page the same way (with `printStylesheet()` from
 * src/render/printStyle.ts in its CSS for the running header and page numbers).
 */
import * as vscode from 'vscode';
import { inertText } from '../inertText';
import type { PageSize } from '../../pdf/printPdf';
import { pdfCore } from '../core';

export type PrintOutcome = 'written' | 'cancelled' | { readonly error: string };

export interface PrintToFileOptions {
  /** The browser's executable, from `pdfCore().findBrowser(settings.pdfBrowserPath)`. */
  readonly browser: string;
  readonly pageSize: PageSize;
}

/** Renders the page (`render`), prints it and writes the PDF to `target` through workspace.fs. */
export async function printToFile(render: () => Promise<string>, target: vscode.Uri, options: PrintToFileOptions): Promise<PrintOutcome> {
    return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: inertText(vscode.l10n.t('Exporting {0}', target.path.split('/').pop() ?? '')), cancellable: true },
    async (progress, token): Promise<PrintOutcome> => {
      const abort = new AbortController();
      const onCancel = token.onCancellationRequested(() => abort.abort());
      try {
        progress.report({ message: vscode.l10n.t('Rendering the page') });
        const page = await render();
        if (token.isCancellationRequested) return 'cancelled';
        const { pdf } = await pdfCore().printHtmlToPdf(page, {
          browser: options.browser,
          pageSize: options.pageSize,
          signal: abort.signal,
          onProgress: (step) => progress.report({ message: step }),
        });
        if (token.isCancellationRequested) return 'cancelled';
        progress.report({ message: vscode.l10n.t('Writing the PDF') });
        await vscode.workspace.fs.writeFile(target, pdf);
        return 'written';
      } catch (err) {
        if (err instanceof pdfCore().PrintCancelled) return 'cancelled';
        return { error: err instanceof pdfCore().PrintError ? err.message : String(err) };
      } finally {
        onCancel.dispose();
      }
    },
  );
}
