/**
 * The PDF export feature: the Export to PDF command, and the `patternAnalyst.canExportPdf`
 * context key its menus and enablement need. The key is true only in the node extension host (the
 * one that can start a browser, platform.canPrintPdf): the web build sets it false and registers
 * no command, so the PDF commands stay hidden there. (`isWeb` cannot say this: code-server's
 * workbench is web while its extension host is node and prints fine.)
 */
import * as vscode from 'vscode';
import { COMMANDS, registerCommand } from '../commands';
import { platform } from '../platform';
import type { Services } from '../services';
import { exportPdf, pdfTestHooks } from './exportPdf';

export const CAN_EXPORT_PDF = 'patternAnalyst.canExportPdf';

export interface PdfApi {
  readonly pdfTestHooks: typeof pdfTestHooks;
}

export function register(services: Services, extensionUri: vscode.Uri): vscode.Disposable & { readonly api: PdfApi } {
  void vscode.commands.executeCommand('setContext', CAN_EXPORT_PDF, platform.canPrintPdf);
  if (!platform.canPrintPdf) return Object.assign(new vscode.Disposable(() => undefined), { api: { pdfTestHooks } });
  const disposable = vscode.Disposable.from(
    registerCommand(COMMANDS.exportPdf, (first?: unknown, second?: unknown) => exportPdf(services, extensionUri, first, second)),
  );
  return Object.assign(disposable, { api: { pdfTestHooks } });
}
