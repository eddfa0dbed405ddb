/**
 * Workspace-relative names of analyses, as `vscode.workspace.asRelativePath` gives them, without
 * asking the workspace for each one: asRelativePath copies the folder list and walks the
 * workspace's folder tree on every call, and the portfolio names a thousand files when it opens
 * (~0.2 ms each, 200 ms of the extension host's open). The folders are read once (again after they
 * change); a URI inside one of them, with its path cased exactly as the folder's, is named by
 * slicing its path. Anything else (outside every folder, another casing, the root itself) is
 * still asked of asRelativePath, so the answer is the same either way.
 */
import * as vscode from 'vscode';

interface Folder {
  readonly scheme: string;
  readonly authority: string;
  /** The folder's path with one trailing slash: a file inside it starts with this. */
  readonly prefix: string;
  readonly name: string;
}

export class RelativeNames implements vscode.Disposable {
  private folders: readonly Folder[] | undefined;
  private readonly listener = vscode.workspace.onDidChangeWorkspaceFolders(() => (this.folders = undefined));

  /** The name of `uri` (a URI's text) as asRelativePath names it: with the folder's name in a multi-root workspace. */
  name(uri: string): string {
    let parsed: vscode.Uri;
    try {
      parsed = vscode.Uri.parse(uri, true);
    } catch {
      return uri;
    }
    const folders = (this.folders ??= RelativeNames.read());
    // The innermost folder holding it, as the workspace chooses among nested folders.
    let best: Folder | undefined;
    for (const f of folders) {
      if (f.scheme === parsed.scheme && f.authority === parsed.authority && parsed.path.startsWith(f.prefix) && parsed.path.length > f.prefix.length && (!best || f.prefix.length > best.prefix.length)) best = f;
    }
    if (!best || folders.length === 0) return RelativeNames.asked(parsed, folders.length > 1);
    const relative = parsed.path.slice(best.prefix.length);
    return folders.length > 1 ? `${best.name}/${relative}` : relative;
  }

  private static read(): Folder[] {
    return (vscode.workspace.workspaceFolders ?? []).map((f) => ({
      scheme: f.uri.scheme,
      authority: f.uri.authority,
      prefix: f.uri.path.endsWith('/') ? f.uri.path : `${f.uri.path}/`,
      name: f.name,
    }));
  }

  private static asked(uri: vscode.Uri, multiRoot: boolean): string {
    try {
      return vscode.workspace.asRelativePath(uri, multiRoot);
    } catch {
      return uri.toString();
    }
  }

  dispose(): void {
    this.listener.dispose();
  }
}
