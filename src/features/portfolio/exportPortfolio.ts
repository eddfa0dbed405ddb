/**
 * Pattern Analyst: Export Portfolio to HTML / CSV / PDF. Writes the same page and table as the
 * CLI's `pattern-analyst portfolio --format html|csv|pdf` (the core's renderers) for the indexed
 * analyses of one pattern, as of a period; the PDF is that page printed as Export to PDF prints an
 * analysis (src/features/pdf/printToFile.ts). Through `vscode.workspace.fs` only, and never replaces an
 * existing file without a modal confirmation unless the caller passes `overwrite: true`.
 */
import * as vscode from 'vscode';
import { inertText } from '../inertText';
import { parsePeriod } from '../../portfolio/periods';
import type { IndexEntry } from '../../portfolio/types';
import type { PortfolioExportFormat } from '../../render/portfolioProtocol';
import { pdfCore } from '../core';
import { printToFile } from '../pdf/printToFile';
import type { Services } from '../services';
import { exists } from '../workspaceFiles';
import { renderPortfolioExport } from './portfolioExportFormats';
import type { WorkspaceIndex } from './workspaceIndex';

export interface PortfolioExportArgs {
  readonly format?: PortfolioExportFormat;
  /** The pattern's id (default: the one with the most analyses). */
  readonly pattern?: string;
  /** A period label: the matrix as of it. */
  readonly asOf?: string;
  readonly target?: vscode.Uri | string;
  /** Replace an existing target without asking. Only honoured when passed explicitly. */
  readonly overwrite?: boolean;
}

/** Test hook: answers the overwrite question instead of the modal dialog when set. */
export const portfolioExportTestHooks: {
  confirmOverwrite?: (target: vscode.Uri) => Promise<boolean>;
  /** Sees every error or information message the PDF export shows (the message is still shown). */
  onMessage?: (kind: 'error' | 'info', text: string) => void;
} = {};

function show(kind: 'error' | 'info', message: string, ...actions: string[]): Thenable<string | undefined> {
  // Translated templates and the names in them alike: no command link, no icon.
  const text = inertText(message);
  portfolioExportTestHooks.onMessage?.(kind, text);
  return kind === 'error' ? vscode.window.showErrorMessage(text, ...actions) : vscode.window.showInformationMessage(text, ...actions);
}

const FILTERS: Readonly<Record<PortfolioExportFormat, Record<string, string[]>>> = { html: { HTML: ['html', 'htm'] }, csv: { CSV: ['csv'] }, pdf: { PDF: ['pdf'] } };

export interface ExportHost {
  readonly services: Services;
  readonly index: WorkspaceIndex<IndexEntry>;
  readonly extensionUri: vscode.Uri;
  displayName(uri: string): string;
}

function toUri(value: vscode.Uri | string | undefined): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && value) return /^[a-z][a-z0-9+.-]*:/i.test(value) && !/^[a-z]:[\\/]/i.test(value) ? vscode.Uri.parse(value) : vscode.Uri.file(value);
  return undefined;
}

export async function exportPortfolio(host: ExportHost, args: PortfolioExportArgs): Promise<vscode.Uri | undefined> {
  const format: PortfolioExportFormat = args.format === 'csv' || args.format === 'pdf' ? args.format : 'html';
  await host.index.whenReady();
  const entries = host.index.entries().map((f) => f.entry);
  const catalog = host.services.models.catalog;
  const counts = new Map<string, number>();
  for (const e of entries) if (e.patternId) counts.set(e.patternId, (counts.get(e.patternId) ?? 0) + 1);
  const pattern = (args.pattern ? catalog.find(args.pattern) : undefined) ?? [...catalog.indexes].sort((a, b) => (counts.get(b.model.id) ?? 0) - (counts.get(a.model.id) ?? 0))[0];
  if (!pattern) return undefined;
  const asOfParsed = args.asOf ? parsePeriod(args.asOf) : undefined;
  if (args.asOf && !asOfParsed?.period) {
    void show('error', vscode.l10n.t('Pattern Analyst: "{0}" is not a period the portfolio understands.', args.asOf.slice(0, 80)));
    return undefined;
  }
  // The browser first: without one there is no point asking where to save.
  const browser = format === 'pdf' ? pdfCore().findBrowser(host.services.settings().pdfBrowserPath) : undefined;
  if (browser && !browser.found) {
    const settings = vscode.l10n.t('Open Settings');
    const html = vscode.l10n.t('Export Portfolio to HTML');
    void show('error', vscode.l10n.t('Pattern Analyst: {0}', browser.message), settings, html).then((choice) => {
      if (choice === settings) void vscode.commands.executeCommand('workbench.action.openSettings', 'patternAnalyst.pdf.browserPath');
      if (choice === html) void vscode.commands.executeCommand('patternAnalyst.exportPortfolioHtml', { pattern: pattern.model.id, ...(args.asOf ? { asOf: args.asOf } : {}) });
    });
    return undefined;
  }
  let target = toUri(args.target);
  if (!target) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    target = await vscode.window.showSaveDialog({
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `${pattern.model.id}-portfolio.${format}`) } : {}),
      filters: FILTERS[format],
      saveLabel: vscode.l10n.t('Export'),
      title: vscode.l10n.t('Export Portfolio to {0}', format.toUpperCase()),
    });
    if (!target) return undefined;
  }
  if (host.index.entry(target)) {
    void show('error', vscode.l10n.t('Pattern Analyst: the export would replace an analysis; choose another file.'));
    return undefined;
  }
  if (args.overwrite !== true && (await exists(target)) && !(await confirmOverwrite(target))) return undefined;
  const written = target;
  if (browser?.found) {
    const outcome = await printToFile(() => renderPortfolioExport('pdf', entries, pattern, asOfParsed?.period, host), written, { browser: browser.path, pageSize: host.services.settings().pdfPageSize });
    if (outcome !== 'written') {
      void show(outcome === 'cancelled' ? 'info' : 'error', outcome === 'cancelled'
        ? vscode.l10n.t('Pattern Analyst: PDF export cancelled; nothing was written.')
        : vscode.l10n.t('Pattern Analyst: cannot export {0}: {1}. Export Portfolio to HTML still works.', written.path.split('/').pop() ?? 'PDF', outcome.error));
      return undefined;
    }
  } else {
    const text = await renderPortfolioExport(format, entries, pattern, asOfParsed?.period, host);
    await vscode.workspace.fs.writeFile(written, new TextEncoder().encode(text));
  }
  const open = vscode.l10n.t('Open');
  void vscode.window.showInformationMessage(inertText(vscode.l10n.t('Pattern Analyst: exported the portfolio to {0}', vscode.workspace.asRelativePath(written))), open).then((choice) => {
    if (choice === open) void vscode.commands.executeCommand('vscode.open', written);
  });
  return written;
}

async function confirmOverwrite(target: vscode.Uri): Promise<boolean> {
  if (portfolioExportTestHooks.confirmOverwrite) return portfolioExportTestHooks.confirmOverwrite(target);
  const replace = vscode.l10n.t('Replace');
  const answer = await vscode.window.showWarningMessage(
    inertText(vscode.l10n.t('{0} already exists. Replace it with the exported portfolio?', target.path.split('/').pop() ?? '')),
    { modal: true, detail: vscode.workspace.asRelativePath(target) },
    replace,
  );
  return answer === replace;
}
