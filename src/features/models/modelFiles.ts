/**
 * Finds and reads the analysts' model files: every `*.pattern.json` in the workspace (outside
 * node_modules) and the files or folders listed in `patternAnalyst.models.paths`. Reads go through
 * `vscode.workspace.fs`, so models load on remote hosts and virtual file systems alike.
 */
import * as vscode from 'vscode';
import { MAX_MODEL_BYTES, MODEL_FILE_GLOB, MODEL_FILE_SUFFIX } from '../../model/modelSet';
import { readSettings } from '../settings';

/** Folders never searched for models: dependencies and version control. */
export const MODEL_EXCLUDE_GLOB = '{**/node_modules/**,**/.git/**}';
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
/** How deep a folder from `models.paths` is searched, and how many entries at most: a path to `/` must not hang the editor. */
const MAX_DEPTH = 8;
const MAX_ENTRIES = 20_000;

/** A model file found, with the name it goes by in messages. */
export interface FoundModelFile {
  readonly uri: vscode.Uri;
  readonly origin: string;
}

/** A model file's text, or why it could not be read. */
export type ReadModelFile =
  | { readonly uri: vscode.Uri; readonly origin: string; readonly text: string }
  | { readonly uri: vscode.Uri; readonly origin: string; /** A whole phrase ("the file …"), translated. */ readonly error: string };

/** A `models.paths` entry that could not be used, said in the setting's own terms. */
export interface PathProblem {
  readonly folder: vscode.WorkspaceFolder;
  readonly path: string;
  readonly message: string;
}

/** What the workspace offers: model files found, and `models.paths` entries that led nowhere. */
export interface Discovery {
  readonly files: readonly FoundModelFile[];
  readonly pathProblems: readonly PathProblem[];
  /** The files and folders named by `models.paths`, resolved (to watch them). */
  readonly watchedPaths: readonly { readonly uri: vscode.Uri; readonly isFolder: boolean }[];
}

/** A short, stable name for a file in messages: workspace-relative when it is in the workspace. */
export function originOf(uri: vscode.Uri): string {
  const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  return vscode.workspace.asRelativePath(uri, multiRoot);
}

/** Resolves a `models.paths` entry against its folder, keeping the folder's scheme (remote, virtual). */
export function resolveModelPath(folder: vscode.WorkspaceFolder, entry: string): vscode.Uri {
  const trimmed = entry.trim();
  if (/^[a-zA-Z]:[\\/]/.test(trimmed) || trimmed.startsWith('\\\\')) return folder.uri.with({ path: vscode.Uri.file(trimmed).path });
  if (trimmed.startsWith('/')) return folder.uri.with({ path: trimmed });
  return vscode.Uri.joinPath(folder.uri, ...trimmed.split(/[\\/]+/).filter((s) => s && s !== '.'));
}

/** Every model file of the workspace and of `models.paths`. Call only in a trusted workspace. */
export async function discoverModelFiles(): Promise<Discovery> {
  const byKey = new Map<string, FoundModelFile>();
  const add = (uri: vscode.Uri): void => {
    if (!byKey.has(uri.toString())) byKey.set(uri.toString(), { uri, origin: originOf(uri) });
  };
  for (const uri of await vscode.workspace.findFiles(MODEL_FILE_GLOB, MODEL_EXCLUDE_GLOB)) add(uri);

  const pathProblems: PathProblem[] = [];
  const watchedPaths: { uri: vscode.Uri; isFolder: boolean }[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    for (const entry of readSettings(folder.uri).modelPaths) {
      if (entry.trim() === '') continue;
      const uri = resolveModelPath(folder, entry);
      let stat: vscode.FileStat;
      try {
        stat = await vscode.workspace.fs.stat(uri);
      } catch {
        pathProblems.push({ folder, path: entry, message: vscode.l10n.t('"{0}" was not found', entry) });
        watchedPaths.push({ uri, isFolder: !entry.toLowerCase().endsWith('.json') });
        continue;
      }
      if (stat.type & vscode.FileType.Directory) {
        watchedPaths.push({ uri, isFolder: true });
        const found: vscode.Uri[] = [];
        const complete = await collectModelFiles(uri, found);
        for (const f of found) add(f);
        if (!complete) pathProblems.push({ folder, path: entry, message: vscode.l10n.t('"{0}" is too large to search whole (more than {1} entries or {2} levels); name a smaller folder', entry, MAX_ENTRIES, MAX_DEPTH) });
        if (found.length === 0) pathProblems.push({ folder, path: entry, message: vscode.l10n.t('"{0}" holds no *{1} file', entry, MODEL_FILE_SUFFIX) });
      } else {
        watchedPaths.push({ uri, isFolder: false });
        add(uri);
      }
    }
  }
  return { files: [...byKey.values()], pathProblems, watchedPaths };
}

/** Collects `*.pattern.json` under a folder; false when it stopped at a limit. */
async function collectModelFiles(root: vscode.Uri, out: vscode.Uri[]): Promise<boolean> {
  let budget = MAX_ENTRIES;
  const walk = async (dir: vscode.Uri, depth: number): Promise<boolean> => {
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(dir);
    } catch {
      return true; // an unreadable sub-folder holds nothing we can load
    }
    for (const [name, type] of entries) {
      if (--budget < 0) return false;
      const child = vscode.Uri.joinPath(dir, name);
      if (type & vscode.FileType.Directory) {
        if (SKIPPED_FOLDERS.has(name)) continue;
        if (depth >= MAX_DEPTH) return false;
        if (!(await walk(child, depth + 1))) return false;
      } else if (name.endsWith(MODEL_FILE_SUFFIX)) {
        out.push(child);
      }
    }
    return true;
  };
  return walk(root, 0);
}

/** Reads a model file as UTF-8 text (byte-order mark dropped), refusing files far too big to be a model. */
export async function readModelFile(file: FoundModelFile): Promise<ReadModelFile> {
  const { uri, origin } = file;
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return { uri, origin, error: vscode.l10n.t('the file is a folder, not a pattern model file') };
    if (stat.size > MAX_MODEL_BYTES) {
      return { uri, origin, error: vscode.l10n.t('the file is {0} MB; a pattern model is at most {1} MB', (stat.size / 1024 / 1024).toFixed(1), MAX_MODEL_BYTES / 1024 / 1024) };
    }
    const bytes = await vscode.workspace.fs.readFile(uri);
    return { uri, origin, text: new TextDecoder('utf-8').decode(bytes) };
  } catch (e) {
    return { uri, origin, error: vscode.l10n.t('the file could not be read: {0}', e instanceof Error ? e.message : String(e)) };
  }
}
