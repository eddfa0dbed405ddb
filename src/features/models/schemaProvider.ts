/**
 * Serves the pattern-model JSON schema at `pattern-analyst-schema:/pattern-model.schema.json`, the
 * `$schema` that New Pattern Model writes. VS Code's JSON support fetches a `$schema` of any scheme
 * other than http(s) with `openTextDocument`, so this gives completion and validation in untitled
 * and saved models alike, with no network and no path into the extension's install folder (which
 * changes with every update) written into the analyst's file.
 */
import * as vscode from 'vscode';
import { SCHEMA_URI } from '../../model/modelSkeleton';

const SCHEMA = vscode.Uri.parse(SCHEMA_URI);

export class SchemaContentProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly extensionUri: vscode.Uri) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    if (uri.path !== SCHEMA.path) throw new Error(vscode.l10n.t('Pattern Analyst serves only {0}', SCHEMA_URI));
    const file = vscode.Uri.joinPath(this.extensionUri, 'schemas', 'pattern-model.schema.json');
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file));
  }
}

export function registerSchemaProvider(extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(SCHEMA.scheme, new SchemaContentProvider(extensionUri));
}
