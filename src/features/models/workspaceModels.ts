/**
 * Keeps the analysts' own pattern models loaded: finds and reads them, loads them beside the
 * bundled model through the core (`loadModelSet`), hands the good ones to the ModelStore, puts the
 * problems of the bad ones in the Problems panel, and reloads when a model file is created,
 * changed or deleted, when `models.paths` changes, and when the workspace is trusted.
 *
 * Restricted Mode: nothing from the workspace is loaded (only the bundled model), and the status
 * bar says so; trust granted later loads them without a window reload.
 */
import * as vscode from 'vscode';
import { loadModelSet, MODEL_FILE_GLOB, MODEL_FILE_SUFFIX, problemAt, type ModelFileStatus, type ModelProblem } from '../../model/modelSet';
import type { ModelStore } from '../modelStore';
import { discoverModelFiles, MODEL_EXCLUDE_GLOB, readModelFile, type Discovery } from './modelFiles';
import { ModelDiagnostics } from './modelDiagnostics';
import { ModelStatus } from './modelStatus';


/** Settle time after a burst of file events (a save writes, renames and touches). */
const RELOAD_DEBOUNCE_MS = 150;

/** What a reload did: returned by `patternAnalyst.reloadModels` (and read by the integration tests). */
export interface ModelReloadReport {
  readonly trusted: boolean;
  /** Ids of the workspace models in the catalog now. */
  readonly loaded: readonly string[];
  readonly files: readonly { readonly uri: string; readonly origin: string; readonly status: ModelFileStatus | 'unreadable'; readonly problems: readonly ModelProblem[] }[];
  /** `models.paths` entries that led nowhere. */
  readonly pathProblems: readonly string[];
  /** Workspace model files not loaded because the workspace is not trusted. */
  readonly withheld: number;
}

export class WorkspaceModels implements vscode.Disposable {
  private readonly diagnostics = new ModelDiagnostics();
  private readonly status = new ModelStatus();
  private readonly disposables: vscode.Disposable[] = [];
  private pathWatchers: vscode.Disposable[] = [];
  private watchedKey = '';
  /** Reloads run one after another, so a slow read never lands after a newer one. */
  private queue: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /**
   * What the store holds now, to skip a reload that changes nothing (no tree flicker). '' is the
   * bundled model alone with no notice, which is what the store starts with: the first reload of a
   * workspace without models of its own must not fire a change, because every listener then
   * starts over (the analysis cache forgets, diagnostics and tree coverage re-analyse each open
   * analysis, an open preview renders and posts its whole page again). It landed seconds after
   * activation, just as a first preview painted.
   */
  private appliedFingerprint = '';
  private disposed = false;
  private last: ModelReloadReport | undefined;

  constructor(private readonly store: ModelStore) {
    const watcher = vscode.workspace.createFileSystemWatcher(MODEL_FILE_GLOB);
    // Deleting a folder reports the folder alone, not the model files inside it.
    const folderWatcher = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
    this.disposables.push(
      folderWatcher,
      folderWatcher.onDidDelete((uri) => {
        if (this.holdsLoadedFile(uri)) this.scheduleReload();
      }),
      this.diagnostics,
      this.status,
      watcher,
      watcher.onDidCreate(() => this.scheduleReload()),
      watcher.onDidChange(() => this.scheduleReload()),
      watcher.onDidDelete(() => this.scheduleReload()),
      // A save the watcher may miss (excluded folders, some remote file systems) still reloads.
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (doc.uri.path.endsWith(MODEL_FILE_SUFFIX) || this.isWatchedPath(doc.uri)) this.scheduleReload();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('patternAnalyst.models.paths')) this.scheduleReload();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.scheduleReload()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.reload()),
    );
  }

  /** The report of the latest reload, if one ran. */
  get lastReport(): ModelReloadReport | undefined {
    return this.last;
  }

  /** Reloads every workspace model now (after any reload already running). */
  reload(): Promise<ModelReloadReport> {
    const run = this.queue.then(() => this.doReload());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private scheduleReload(): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.reload();
    }, RELOAD_DEBOUNCE_MS);
  }

  private async doReload(): Promise<ModelReloadReport> {
    if (!vscode.workspace.isTrusted) return this.applyRestricted();
    const discovery = await discoverModelFiles();
    this.watchPaths(discovery);
    const read = await Promise.all(discovery.files.map(readModelFile));
    const readable = read.flatMap((r) => ('text' in r ? [{ origin: r.origin, text: r.text }] : []));
    const set = loadModelSet(readable);

    const uriOf = new Map(read.map((r) => [r.origin, r.uri] as const));
    const files: ModelReloadReport['files'][number][] = set.files.map((f) => ({
      uri: (uriOf.get(f.origin) as vscode.Uri).toString(), origin: f.origin, status: f.status, problems: f.problems,
    }));
    for (const r of read) {
      if ('error' in r) files.push({ uri: r.uri.toString(), origin: r.origin, status: 'unreadable', problems: [problemAt(r.origin, '', '$', r.error, 0)] });
    }
    if (this.disposed) return this.report(true, set.entries.map((e) => e.index.model.id), files, discovery, 0);

    const fingerprint = readable.length === 0 ? '' : JSON.stringify(readable.map((f) => [f.origin, f.text]).sort());
    if (fingerprint !== this.appliedFingerprint) {
      this.store.setWorkspaceModels(set.entries);
      this.appliedFingerprint = fingerprint;
    }
    this.diagnostics.set(new Map(files.map((f) => [f.uri, { uri: vscode.Uri.parse(f.uri), problems: f.problems }])));
    const pathProblems = discovery.pathProblems.map((p) => p.message);
    this.status.update({
      trusted: true,
      withheld: 0,
      broken: files.filter((f) => f.problems.length > 0).map((f) => ({ origin: f.origin, firstMessage: f.problems[0].message, count: f.problems.length })),
      pathProblems,
      loaded: set.entries.length,
    });
    return this.report(true, set.entries.map((e) => e.index.model.id), files, discovery, 0);
  }

  /** Restricted Mode: the bundled model only; count what is held back so the status can say so. */
  private async applyRestricted(): Promise<ModelReloadReport> {
    this.diagnostics.clear();
    const withheld = (await vscode.workspace.findFiles(MODEL_FILE_GLOB, MODEL_EXCLUDE_GLOB)).length;
    if (this.disposed) return this.report(false, [], [], { files: [], pathProblems: [], watchedPaths: [] }, withheld);
    // An analysis naming a held-back model then says why it is unknown, not only that it is.
    const fingerprint = withheld > 0 ? 'restricted:withheld' : '';
    if (this.appliedFingerprint !== fingerprint) {
      this.store.setWorkspaceModels([], withheld > 0 ? vscode.l10n.t('Workspace pattern models are not loaded in Restricted Mode: trust this workspace to use them.') : undefined);
      this.appliedFingerprint = fingerprint;
    }
    if (!this.disposed) this.status.update({ trusted: false, withheld, broken: [], pathProblems: [], loaded: 0 });
    return this.report(false, [], [], { files: [], pathProblems: [], watchedPaths: [] }, withheld);
  }

  private report(trusted: boolean, loaded: string[], files: ModelReloadReport['files'], discovery: Discovery, withheld: number): ModelReloadReport {
    this.last = { trusted, loaded, files, pathProblems: discovery.pathProblems.map((p) => p.message), withheld };
    return this.last;
  }

  /** Watches the `models.paths` entries (they may lie outside the workspace, where the main watcher does not look). */
  private watchPaths(discovery: Discovery): void {
    const key = discovery.watchedPaths.map((p) => `${p.isFolder}:${p.uri.toString()}`).sort().join('\n');
    if (key === this.watchedKey) return;
    this.watchedKey = key;
    for (const d of this.pathWatchers) d.dispose();
    this.pathWatchers = [];
    for (const p of discovery.watchedPaths) {
      const pattern = p.isFolder
        ? new vscode.RelativePattern(p.uri, MODEL_FILE_GLOB)
        : new vscode.RelativePattern(vscode.Uri.joinPath(p.uri, '..'), p.uri.path.slice(p.uri.path.lastIndexOf('/') + 1));
      const w = vscode.workspace.createFileSystemWatcher(pattern);
      this.pathWatchers.push(w, w.onDidCreate(() => this.scheduleReload()), w.onDidChange(() => this.scheduleReload()), w.onDidDelete(() => this.scheduleReload()));
    }
  }

  /** Whether a deleted path was a model file we read, or a folder above one. */
  private holdsLoadedFile(uri: vscode.Uri): boolean {
    const prefix = `${uri.toString()}/`;
    return (this.last?.files ?? []).some((f) => f.uri === uri.toString() || f.uri.startsWith(prefix));
  }

  private isWatchedPath(uri: vscode.Uri): boolean {
    const s = uri.toString();
    return this.watchedKey.split('\n').some((line) => {
      const base = line.slice(line.indexOf(':') + 1);
      return base !== '' && (s === base || s.startsWith(`${base}/`));
    });
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.pathWatchers) d.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
