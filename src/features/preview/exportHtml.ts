/**
 * Pattern Analyst: Export to HTML. Writes one self-contained page (inline CSS, no scripts, no
 * external references) through the same renderer as the preview. Goes through
 * `vscode.workspace.fs` only (remote hosts have no local disk), and never replaces an existing
 * file without a modal confirmation — unless a caller passes `overwrite: true` explicitly.
 */
import * as vscode from 'vscode';
import { inertText } from '../inertText';
import { exists } from '../workspaceFiles';
import { userMessages } from '../userMessages';
import type { ExportImages } from '../../render/exportDocument';
import type { Services } from '../services';
import { rendererCore, whenAnalysisCore } from '../core';
import { documentFolder, realFileInFolder, resolveInFolder } from './documentFolder';

/** Arguments for automation and tests: `executeCommand('patternAnalyst.exportHtml', { source, target })`. */
export interface ExportArgs {
  readonly source?: vscode.Uri | string;
  readonly target?: vscode.Uri | string;
  /** Replace an existing target without asking. Only honoured when passed explicitly. */
  readonly overwrite?: boolean;
}

/** Test hook: answers the overwrite question instead of the modal dialog when set. */
export const exportTestHooks: { confirmOverwrite?: (target: vscode.Uri) => Promise<boolean> } = {};

export function toUri(value: vscode.Uri | string | undefined): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && value) return /^[a-z][a-z0-9+.-]*:/i.test(value) && !/^[a-z]:[\\/]/i.test(value) ? vscode.Uri.parse(value) : vscode.Uri.file(value);
  return undefined;
}

export function parseArgs(first: unknown, second: unknown): ExportArgs {
  if (first instanceof vscode.Uri) return { source: first, ...(second && typeof second === 'object' ? (second as ExportArgs) : {}) };
  if (first && typeof first === 'object') return first as ExportArgs;
  return {};
}


function siblingHtml(source: vscode.Uri): vscode.Uri {
  const name = source.path.split('/').pop() ?? 'analysis.md';
  const base = name.replace(/\.[^.]*$/, '') || name;
  return vscode.Uri.joinPath(source, '..', `${base}.html`);
}

export async function confirmOverwrite(target: vscode.Uri): Promise<boolean> {
  if (exportTestHooks.confirmOverwrite) return exportTestHooks.confirmOverwrite(target);
  const replace = vscode.l10n.t('Replace');
  const answer = await vscode.window.showWarningMessage(
    userMessages.exportReplaceQuestion(target.path.split('/').pop() ?? ''),
    { modal: true, detail: userMessages.label(vscode.workspace.asRelativePath(target)) },
    replace,
  );
  return answer === replace;
}

/**
 * The document's local images as the export reads them: inside its folder only, by path and by
 * real location (links resolved, see realFileInFolder), through workspace.fs.
 */
function exportImages(source: vscode.Uri): ExportImages | undefined {
  const folder = documentFolder(source);
  if (!folder) return undefined;
  const real = async (path: string): Promise<vscode.Uri | undefined> => {
    const uri = resolveInFolder(folder, path);
    return uri && realFileInFolder(folder, uri);
  };
  return {
    size: async (path) => {
      const uri = await real(path);
      return uri ? (await vscode.workspace.fs.stat(uri)).size : undefined;
    },
    read: async (path) => {
      const uri = await real(path);
      if (!uri) throw new Error(vscode.l10n.t('{0} is not inside the document\'s folder', path));
      return vscode.workspace.fs.readFile(uri);
    },
  };
}

/** Renders a document to a complete HTML page (the export's content, without writing it): the same page `pattern-analyst render` writes. */
export async function exportPageFor(document: vscode.TextDocument, services: Services, extensionUri: vscode.Uri): Promise<string> {
  const css = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'media', 'preview.css')));
  const images = exportImages(document.uri);
  const history = services.portfolio.history(document.uri.toString());
  const [renderer] = await Promise.all([rendererCore(extensionUri), whenAnalysisCore()]);
  return renderer.exportDocumentPage(document.getText(), services.analyses.get(document), {
    css,
    ...(history && { history }),
    fallbackTitle: document.uri.path.split('/').pop() || vscode.l10n.t('Analysis'),
    ...(images && { images }),
  });
}

/** The command. Returns the written file, or undefined when nothing was written. */
export async function exportHtml(services: Services, extensionUri: vscode.Uri, first?: unknown, second?: unknown): Promise<vscode.Uri | undefined> {
  const args = parseArgs(first, second);
  const sourceUri = toUri(args.source) ?? vscode.window.activeTextEditor?.document.uri;
  if (!sourceUri) {
    void vscode.window.showInformationMessage(inertText(vscode.l10n.t('Pattern Analyst: open a markdown analysis first, then export it.')));
    return undefined;
  }
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(sourceUri);
  } catch (err) {
    void vscode.window.showErrorMessage(userMessages.exportCannotOpen(sourceUri.toString(true), err));
    return undefined;
  }
  let target = toUri(args.target);
  if (!target) {
    const defaultUri = document.isUntitled ? undefined : siblingHtml(document.uri);
    target = await vscode.window.showSaveDialog({
      ...(defaultUri ? { defaultUri } : {}),
      filters: { HTML: ['html', 'htm'] },
      saveLabel: vscode.l10n.t('Export'),
      title: vscode.l10n.t('Export Analysis to HTML'),
    });
    if (!target) return undefined;
  }
  if (target.toString() === document.uri.toString()) {
    void vscode.window.showErrorMessage(inertText(vscode.l10n.t('Pattern Analyst: the export would replace the analysis itself; choose another file.')));
    return undefined;
  }
  if (args.overwrite !== true && (await exists(target)) && !(await confirmOverwrite(target))) return undefined;
  const page = await exportPageFor(document, services, extensionUri);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(page));
  const written = target;
  const open = vscode.l10n.t('Open');
  void vscode.window.showInformationMessage(userMessages.exported(vscode.workspace.asRelativePath(written)), open).then((choice) => {
    if (choice === open) void vscode.commands.executeCommand('vscode.open', written);
  });
  return written;
}
