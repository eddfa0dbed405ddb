/**
 * The folder a document's local images may come from: its own folder (and below), nothing else.
 * Used for the webview's `localResourceRoots`, the preview's image URIs and the export's inlining,
 * so the three agree on which images a document can show.
 */
import * as vscode from 'vscode';

/** The document's folder, or undefined for documents that have none (untitled, virtual without a path). */
export function documentFolder(uri: vscode.Uri): vscode.Uri | undefined {
  if (uri.scheme === 'untitled' || !uri.path.includes('/')) return undefined;
  return vscode.Uri.joinPath(uri, '..');
}

/**
 * A relative image path resolved inside the document's folder, or undefined when it is absolute,
 * has a scheme, or climbs out of the folder (`../secret.png`).
 */
export function resolveInFolder(folder: vscode.Uri, path: string): vscode.Uri | undefined {
  if (path === '' || path.startsWith('/') || path.startsWith('\\') || /^[a-z][a-z0-9+.-]*:/i.test(path)) return undefined;
  const target = vscode.Uri.joinPath(folder, path.replace(/\\/g, '/'));
  const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return target.scheme === folder.scheme && target.authority === folder.authority && target.path.startsWith(base) ? target : undefined;
}
