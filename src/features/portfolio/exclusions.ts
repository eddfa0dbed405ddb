/**
 * Which markdown files the portfolio skips: anything under `node_modules`, what `files.exclude`
 * hides (its entries set to `true`) and the globs of `patternAnalyst.portfolio.exclude`. A glob
 * excludes a file when it matches the file's workspace-relative path or any folder above it, as
 * VS Code's own excludes do ("**\/drafts" hides everything in every drafts folder).
 */
import * as vscode from 'vscode';
import { excludeMatcher } from './excludeMatcher';

/** Always skipped: dependencies are never the user's analyses. */
const ALWAYS = ['**/node_modules'];

export interface ExclusionRules {
  /** Whether the portfolio skips this file. */
  excludes(uri: vscode.Uri): boolean;
  /**
   * Whether a glob matches this path below `folder` itself (not the folders above it): a walk of
   * the folder tests each folder as it reaches it and does not enter an excluded one, so a file it
   * reaches is excluded exactly when `excludes` says so.
   */
  matches(folder: vscode.WorkspaceFolder, relative: string): boolean;
  /** The globs `matches` tests for `folder` (for a walk in a worker thread, which tests them itself). */
  globs(folder: vscode.WorkspaceFolder): readonly string[];
  /** A cheap pre-filter for `findFiles` (VS Code prunes these folders); `excludes` stays the judge. */
  readonly searchExclude: string;
}

/** The globs for one workspace folder (settings can differ per folder). */
export function excludeGlobs(folder: vscode.WorkspaceFolder | undefined): string[] {
  const files = vscode.workspace.getConfiguration('files', folder).get<Record<string, unknown>>('exclude', {});
  const own = vscode.workspace.getConfiguration('patternAnalyst', folder).get<unknown[]>('portfolio.exclude', []);
  const fromFiles = Object.entries(files ?? {}).filter(([, on]) => on === true).map(([glob]) => glob);
  const fromOwn = Array.isArray(own) ? own.filter((g): g is string => typeof g === 'string' && g.trim() !== '').map((g) => g.trim()) : [];
  return [...ALWAYS, ...fromFiles, ...fromOwn];
}

/** The rules as the settings are now; build again after a configuration change. */
export function readExclusions(): ExclusionRules {
  const perFolder = new Map<string, { readonly globs: readonly string[]; readonly matchers: ((path: string) => boolean)[] }>();
  const rulesFor = (folder: vscode.WorkspaceFolder | undefined): { readonly globs: readonly string[]; readonly matchers: ((path: string) => boolean)[] } => {
    const key = folder?.uri.toString() ?? '';
    let rules = perFolder.get(key);
    if (!rules) {
      const globs = excludeGlobs(folder);
      rules = { globs, matchers: globs.map(excludeMatcher) };
      perFolder.set(key, rules);
    }
    return rules;
  };
  const matchersFor = (folder: vscode.WorkspaceFolder | undefined): ((path: string) => boolean)[] => rulesFor(folder).matchers;
  const globs = new Set(vscode.workspace.workspaceFolders?.flatMap((f) => excludeGlobs(f)) ?? excludeGlobs(undefined));
  // Braces inside the outer braces are not understood by every glob engine: those stay for `excludes`.
  const simple = [...globs].filter((g) => !/[{}]/.test(g));
  return {
    searchExclude: simple.length === 1 ? simple[0] : `{${simple.join(',')}}`,
    matches(folder, relative) {
      return matchersFor(folder).some((m) => m(relative));
    },
    globs: (folder) => rulesFor(folder).globs,
    excludes(uri) {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      const relative = folder ? uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1) : uri.path.replace(/^\//, '');
      const matchers = matchersFor(folder);
      const parts = relative.split('/');
      for (let i = 1; i <= parts.length; i++) {
        const prefix = parts.slice(0, i).join('/');
        if (matchers.some((m) => m(prefix))) return true;
      }
      return false;
    },
  };
}
