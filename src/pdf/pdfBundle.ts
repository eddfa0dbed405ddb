/**
 * The entry point of dist/pdf.js: the PDF printer (node only), which the editor loads on the
 * first Export to PDF (src/features/core.ts: pdfCore) rather than at every activation.
 */
export { findBrowser } from './findBrowser';
export { PrintCancelled, printHtmlToPdf, PrintError } from './printPdf';
