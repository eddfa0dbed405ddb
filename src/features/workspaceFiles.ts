/**
 * File checks through `vscode.workspace.fs`, which works on remote and virtual workspaces too
 * (code-server, Codespaces), unlike node's fs.
 */
import * as vscode from 'vscode';

/** Whether a file or folder exists at `uri`. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
