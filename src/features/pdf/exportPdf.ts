/**
 * Pattern Analyst: Export to PDF. The page Export to HTML writes, printed by a Chrome, Edge or
 * Chromium already on the extension host's machine (src/pdf), with a cancellable progress
 * notification. The PDF is written through `vscode.workspace.fs` (remote and virtual workspaces
 * alike); the browser only ever sees a private temporary copy of the page.
 */
import * as vscode from 'vscode';
import { inertText } from '../inertText';
import type { Services } from '../services';
import { exists } from '../workspaceFiles';
import { confirmOverwrite, exportPageFor, parseArgs, toUri } from '../preview/exportHtml';
import { pdfCore } from '../core';
import { printToFile } from './printToFile';

/** Test hook: sees every message the command shows (the message itself is still shown). */
export const pdfTestHooks: { onMessage?: (kind: 'error' | 'info', text: string) => void } = {};

function show(kind: 'error' | 'info', message: string, ...actions: string[]): Thenable<string | undefined> {
  // Translated templates and the names in them alike: no command link, no icon.
  const text = inertText(message);
  pdfTestHooks.onMessage?.(kind, text);
  return kind === 'error' ? vscode.window.showErrorMessage(text, ...actions) : vscode.window.showInformationMessage(text, ...actions);
}

function siblingPdf(source: vscode.Uri): vscode.Uri {
  const name = source.path.split('/').pop() ?? 'analysis.md';
  const base = name.replace(/\.[^.]*$/, '') || name;
  return vscode.Uri.joinPath(source, '..', `${base}.pdf`);
}

/** No browser to print with: say what to install or set, and offer the settings and the HTML export. */
async function reportNoBrowser(message: string, source: vscode.Uri): Promise<void> {
  const settings = vscode.l10n.t('Open Settings');
  const html = vscode.l10n.t('Export to HTML');
  const choice = await show('error', vscode.l10n.t('Pattern Analyst: {0}', message), settings, html);
  if (choice === settings) await vscode.commands.executeCommand('workbench.action.openSettings', 'patternAnalyst.pdf.browserPath');
  if (choice === html) await vscode.commands.executeCommand('patternAnalyst.exportHtml', source);
}

/**
 * The command: `executeCommand('patternAnalyst.exportPdf', { source, target, overwrite })` or
 * from a menu with the document's URI. Returns the written PDF, or undefined when nothing was written.
 */
export async function exportPdf(services: Services, extensionUri: vscode.Uri, first?: unknown, second?: unknown): Promise<vscode.Uri | undefined> {
  const args = parseArgs(first, second);
  const sourceUri = toUri(args.source) ?? vscode.window.activeTextEditor?.document.uri;
  if (!sourceUri) {
    void show('info', vscode.l10n.t('Pattern Analyst: open a markdown analysis first, then export it to PDF.'));
    return undefined;
  }
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(sourceUri);
  } catch (err) {
    void show('error', vscode.l10n.t('Pattern Analyst: cannot open {0} to export it: {1}', sourceUri.toString(true), String(err)));
    return undefined;
  }
  const settings = services.settings();
  // The browser first: without one there is no point asking where to save.
  const browser = pdfCore().findBrowser(settings.pdfBrowserPath);
  if (!browser.found) {
    void reportNoBrowser(browser.message, document.uri);
    return undefined;
  }

  let target = toUri(args.target);
  if (!target) {
    target = await vscode.window.showSaveDialog({
      ...(!document.isUntitled && { defaultUri: siblingPdf(document.uri) }),
      filters: { PDF: ['pdf'] },
      saveLabel: vscode.l10n.t('Export'),
      title: vscode.l10n.t('Export Analysis to PDF'),
    });
    if (!target) return undefined;
  }
  if (target.toString() === document.uri.toString()) {
    void show('error', vscode.l10n.t('Pattern Analyst: the export would replace the analysis itself; choose another file.'));
    return undefined;
  }
  if (args.overwrite !== true && (await exists(target)) && !(await confirmOverwrite(target))) return undefined;

  const written = target;
  const name = written.path.split('/').pop() ?? '';
  const outcome = await printToFile(() => exportPageFor(document, services, extensionUri), written, { browser: browser.path, pageSize: settings.pdfPageSize });
  if (outcome === 'cancelled') {
    void show('info', vscode.l10n.t('Pattern Analyst: PDF export cancelled; nothing was written.'));
    return undefined;
  }
  if (outcome !== 'written') {
    void show('error', vscode.l10n.t('Pattern Analyst: cannot export {0}: {1}. Export to HTML still works.', name, outcome.error));
    return undefined;
  }
  const open = vscode.l10n.t('Open');
  void show('info', vscode.l10n.t('Pattern Analyst: exported {0}', vscode.workspace.asRelativePath(written)), open).then((choice) => {
    if (choice === open) void vscode.commands.executeCommand('vscode.open', written);
  });
  return written;
}
