/**
 * The PDF export feature: the Export to PDF command, and the `patternAnalyst.canExportPdf`
 * context key its menus and enablement need. Registered only by the node extension host (the
 * one that can start a browser): a browser build of the extension leaves the key unset, so the
 * command stays hidden there. (`isWeb` cannot say this: code-server's workbench is web while its
 * extension host is node and prints fine.)
 */
import * as vscode from 'vscode';
import { COMMANDS, registerCommand } from '../commands';
import type { Services } from '../services';
import { exportPdf, pdfTestHooks } from './exportPdf';

export const CAN_EXPORT_PDF = 'patternAnalyst.canExportPdf';

export interface PdfApi {
  readonly pdfTestHooks: typeof pdfTestHooks;
}

export function register(services: Services, extensionUri: vscode.Uri): vscode.Disposable & { readonly api: PdfApi } {
  void vscode.commands.executeCommand('setContext', CAN_EXPORT_PDF, true);
  const disposable = vscode.Disposable.from(
    registerCommand(COMMANDS.exportPdf, (first?: unknown, second?: unknown) => exportPdf(services, extensionUri, first, second)),
  );
  return Object.assign(disposable, { api: { pdfTestHooks } });
}
