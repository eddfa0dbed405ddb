/**
 * The folder a document's local images may come from: its own folder (and below), nothing else.
 * Used for the webview's `localResourceRoots`, the preview's image URIs and the export's inlining,
 * so the three agree on which images a document can show.
 */
import * as vscode from 'vscode';
import { platform } from '../platform';

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

/**
 * The file an export may read for `target` (already inside `folder` by its path, see
 * {@link resolveInFolder}), judged by where it really is: on disk, both are resolved with realpath
 * and the target must be inside the folder's real location (a link `logo.png -> ../outside/x.png`
 * or a folder link `sub -> ../outside` is refused; the resolved file is returned to be read); on
 * other file systems, where links cannot be resolved, a link anywhere on the way is refused. The
 * web worker host has no disk (platform.ts): there every scheme, `file:` included, takes the
 * second way, through `workspace.fs` alone.
 */
export async function realFileInFolder(folder: vscode.Uri, target: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (target.scheme === 'file' && folder.scheme === 'file' && platform.realFileOnDisk) return platform.realFileOnDisk(folder, target);
  const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  let step = folder;
  for (const segment of target.path.slice(base.length).split('/').filter(Boolean)) {
    step = vscode.Uri.joinPath(step, segment);
    const stat = await vscode.workspace.fs.stat(step);
    if (stat.type & vscode.FileType.SymbolicLink) return undefined;
  }
  return target;
}
