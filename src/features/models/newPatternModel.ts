/**
 * Pattern Analyst: New Pattern Model. Asks for the pattern's name, then opens a valid model
 * skeleton either as an untitled JSON editor or as a `*.pattern.json` file the analyst names
 * (never over an existing file). The skeleton's `$schema` gives completion as soon as it opens,
 * and a saved file is picked up by the workspace watcher at once.
 */
import * as vscode from 'vscode';
import { inertText } from '../inertText';
import { userMessages } from '../userMessages';
import { exists } from '../workspaceFiles';
import { MODEL_FILE_SUFFIX } from '../../model/modelSet';
import { idFromName, modelFileName, newModelSkeleton, uniqueId } from '../../model/modelSkeleton';
import type { ModelStore } from '../modelStore';

/** Arguments for scripted use (tests, keybindings); without them the command asks. */
export interface NewPatternModelArgs {
  readonly name?: string;
  /** `'untitled'`, or the file to create (a Uri or its string form). */
  readonly target?: 'untitled' | vscode.Uri | string;
}

type Target = { kind: 'untitled' } | { kind: 'file'; uri: vscode.Uri };

/** Runs the command; resolves to the new document's URI, or undefined when cancelled or refused. */
export async function newPatternModel(store: ModelStore, args: NewPatternModelArgs = {}): Promise<vscode.Uri | undefined> {
  const name = args.name ?? (await vscode.window.showInputBox({
    title: inertText(vscode.l10n.t('New Pattern Model')),
    prompt: inertText(vscode.l10n.t('The name of the pattern, as its source writes it')),
    placeHolder: inertText(vscode.l10n.t('e.g. Vertical AI Agents')),
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' ? inertText(vscode.l10n.t('Give the pattern a name')) : undefined),
  }));
  if (name === undefined || name.trim() === '') return undefined;
  const taken = new Set(store.catalog.indexes.map((i) => i.model.id));
  const id = uniqueId(idFromName(name), taken);
  const content = newModelSkeleton(name, id);

  const target = await chooseTarget(args.target, id);
  if (!target) return undefined;
  if (target.kind === 'untitled') {
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content });
    await vscode.window.showTextDocument(doc);
    return doc.uri;
  }

  const uri = withModelSuffix(target.uri);
  if (await exists(uri)) {
    void vscode.window.showErrorMessage(userMessages.modelFileExists(vscode.workspace.asRelativePath(uri)));
    return undefined;
  }
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  await vscode.window.showTextDocument(uri);
  if (uri.path !== target.uri.path) {
    void vscode.window.showInformationMessage(userMessages.savedAsNonModel(vscode.workspace.asRelativePath(uri), MODEL_FILE_SUFFIX));
  }
  return uri;
}

async function chooseTarget(given: NewPatternModelArgs['target'], id: string): Promise<Target | undefined> {
  if (given === 'untitled') return { kind: 'untitled' };
  if (given instanceof vscode.Uri) return { kind: 'file', uri: given };
  if (typeof given === 'string') return { kind: 'file', uri: vscode.Uri.parse(given) };
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return { kind: 'untitled' };
  const fileName = modelFileName(id);
  const picked = await vscode.window.showQuickPick(
    [
      { label: `$(save) ${inertText(vscode.l10n.t('Save in the workspace…'))}`, description: `patterns/${fileName}`, target: 'file' as const },
      { label: `$(new-file) ${inertText(vscode.l10n.t('Open as an untitled editor'))}`, description: inertText(vscode.l10n.t('save it later as *{0}', MODEL_FILE_SUFFIX)), target: 'untitled' as const },
    ],
    { title: inertText(vscode.l10n.t('New Pattern Model')), placeHolder: inertText(vscode.l10n.t('Where should the new model go?')), ignoreFocusOut: true },
  );
  if (!picked) return undefined;
  if (picked.target === 'untitled') return { kind: 'untitled' };
  const uri = await vscode.window.showSaveDialog({
    title: vscode.l10n.t('New Pattern Model'),
    defaultUri: vscode.Uri.joinPath(folder.uri, 'patterns', fileName),
    filters: { [vscode.l10n.t('Pattern model')]: ['json'] },
    saveLabel: vscode.l10n.t('Create Model'),
  });
  return uri ? { kind: 'file', uri } : undefined;
}

/** Only `*.pattern.json` files are loaded: `foo.json` becomes `foo.pattern.json`, `foo` becomes `foo.pattern.json`. */
function withModelSuffix(uri: vscode.Uri): vscode.Uri {
  if (uri.path.endsWith(MODEL_FILE_SUFFIX)) return uri;
  return uri.with({ path: uri.path.replace(/\.json$/i, '') + MODEL_FILE_SUFFIX });
}
