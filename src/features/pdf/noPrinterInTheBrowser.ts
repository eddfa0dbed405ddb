/**
 * What the web build's core.ts door gets in place of dist/pdf.js (esbuild.mjs, webOneFile): the
 * web worker host cannot start a local browser to print with, so src/pdf (child_process, fs) is
 * never bundled there. The PDF commands are hidden and disabled in that host (platform.canPrintPdf
 * sets patternAnalyst.canExportPdf false); should one still be invoked (executeCommand from another
 * extension), the first call into the PDF core fails with a message that says why.
 */
import * as vscode from 'vscode';
import type * as PdfBundle from '../../pdf/pdfBundle';

const why = (): string => vscode.l10n.t('Export to PDF prints with a local Chrome, Edge or Chromium, which VS Code in the browser cannot start. Export to HTML and print it from the browser instead.');

export const findBrowser: typeof PdfBundle.findBrowser = () => {
  throw new Error(why());
};

export const printHtmlToPdf: typeof PdfBundle.printHtmlToPdf = () => Promise.reject(new Error(why()));

/** The same names as src/pdf/printPdf.ts's, so `instanceof` checks in the features hold; never thrown here. */
export class PrintError extends Error {}
export class PrintCancelled extends PrintError {}
