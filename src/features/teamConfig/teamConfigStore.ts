/**
 * The editor's side of the team config (`.pattern-analyst.jsonc`): for a document, the nearest
 * config file from its folder up to its workspace folder (the nearest wins, as in the CLI),
 * parsed by the same core function (analysis/teamConfig). Files are read through
 * `workspace.fs` (remote and virtual workspaces work) and cached per folder until a config file
 * is created, changed or deleted; then `onDidChange` fires so open analyses are checked again.
 * A broken file's problems are shown in the Problems panel at their lines; the defaults (and
 * whatever part of the file is valid) keep working.
 */
import * as vscode from 'vscode';
import type { TeamConfig } from '../../analysis/teamConfig';
import { CONFIG_FILE_NAME, MAX_CONFIG_BYTES } from '../../analysis/teamConfigName';
import { DIAGNOSTIC_SOURCE } from '../convert';
import { whenAnalysisCore } from '../core';

export interface DocumentConfig {
  readonly config: TeamConfig;
  /** The config file, when one applies. */
  readonly file?: vscode.Uri;
  /** Its folder: the config's relative paths start there. */
  readonly dir?: vscode.Uri;
}

const EMPTY_CONFIG: TeamConfig = { rules: {}, ruleOptions: {}, models: [], ignore: [] };
const NONE: DocumentConfig = { config: EMPTY_CONFIG };

export class TeamConfigStore implements vscode.Disposable {
  private readonly byFolder = new Map<string, Promise<DocumentConfig>>();
  private readonly problems = vscode.languages.createDiagnosticCollection('patternAnalyst.config');
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires when a config file was created, changed or deleted. */
  readonly onDidChange = this.changed.event;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const reset = (uri: vscode.Uri): void => {
      this.byFolder.clear();
      this.problems.delete(uri);
      this.changed.fire();
    };
    this.disposables.push(
      watcher, this.problems, this.changed,
      watcher.onDidCreate(reset), watcher.onDidChange(reset), watcher.onDidDelete(reset),
      vscode.workspace.onDidChangeWorkspaceFolders(() => reset(vscode.Uri.parse('untitled:none'))),
    );
  }

  /** The config that applies to a document (none for untitled documents or outside a folder). */
  forDocument(uri: vscode.Uri): Promise<DocumentConfig> {
    if (uri.scheme === 'untitled') return Promise.resolve(NONE);
    const dir = vscode.Uri.joinPath(uri, '..');
    const key = dir.toString();
    let hit = this.byFolder.get(key);
    if (!hit) {
      hit = this.search(dir, vscode.workspace.getWorkspaceFolder(uri)?.uri);
      this.byFolder.set(key, hit);
    }
    return hit;
  }

  /** From `start` up to the workspace folder (or only `start` outside one). */
  private async search(start: vscode.Uri, root: vscode.Uri | undefined): Promise<DocumentConfig> {
    for (let dir = start; ; dir = vscode.Uri.joinPath(dir, '..')) {
      const found = await this.read(dir);
      if (found) return found;
      if (!root || dir.path === root.path || !dir.path.startsWith(root.path) || dir.path === '/') return NONE;
    }
  }

  private async read(dir: vscode.Uri): Promise<DocumentConfig | undefined> {
    const file = vscode.Uri.joinPath(dir, CONFIG_FILE_NAME);
    let bytes: Uint8Array;
    try {
      const stat = await vscode.workspace.fs.stat(file);
      if (!(stat.type & vscode.FileType.File)) return undefined;
      if (stat.size > MAX_CONFIG_BYTES) {
        this.problems.set(file, [problem(0, 0, vscode.l10n.t('The config file is larger than {0} KB; it is ignored.', MAX_CONFIG_BYTES / 1024))]);
        return { config: EMPTY_CONFIG, file, dir };
      }
      bytes = await vscode.workspace.fs.readFile(file);
    } catch {
      return undefined;
    }
    const parsed = (await whenAnalysisCore()).parseTeamConfig(new TextDecoder().decode(bytes));
    this.problems.set(file, parsed.problems.map((p) => problem(p.line, p.character, p.message)));
    return { config: parsed.config, file, dir };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function problem(line: number, character: number, message: string): vscode.Diagnostic {
  const d = new vscode.Diagnostic(new vscode.Range(line, character, line, character + 1), message, vscode.DiagnosticSeverity.Error);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = 'config';
  return d;
}

/** The path of a document relative to its config's folder (`/`-separated), or undefined outside it. */
export function pathFromConfig(found: DocumentConfig, uri: vscode.Uri): string | undefined {
  if (!found.dir || uri.scheme !== found.dir.scheme || uri.authority !== found.dir.authority) return undefined;
  const base = found.dir.path.endsWith('/') ? found.dir.path : `${found.dir.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
}
