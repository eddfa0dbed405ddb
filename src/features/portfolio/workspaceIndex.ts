/**
 * The workspace index: one summary per analysis (a markdown file whose front matter names a
 * pattern) in the workspace, built by the portfolio core, kept current as files are created,
 * edited (unsaved edits of open documents count, read through the shared analysis cache), renamed
 * and deleted. Built in the background only once someone asks (a portfolio surface became
 * visible), in time slices (no task on the extension host's thread above ~15 ms of work),
 * cancellable, with window progress for large workspaces, and warm-started from a cache keyed by
 * path, size, modification time and model version. Reads through `vscode.workspace.fs` only, so
 * remote and virtual workspaces work too. Keeps summaries, never texts or trees.
 */
import * as vscode from 'vscode';
import { inertText } from '../inertText';
import { IndexCache, type CachedFile } from './indexCache';
import { EntryInterner } from '../../portfolio/indexEntryCodec';
import type { IndexEntry } from '../../portfolio/types';
import { readExclusions, type ExclusionRules } from './exclusions';
import { Cancelled, KEEPING_SLICE_MS, nextTurn, TimeSlice } from './timeSlices';
import { ColdCode } from './coldCode';
import { ProgressThrottle } from './progressThrottle';
import { platform } from '../platform';
import { uriKeyBelow } from './uriKey';

/** How the index turns a file into an entry (the portfolio core, behind a seam for tests). */
export interface EntrySource<E> {
  /** Folded into the cache key: a new model or core version invalidates every cached entry. */
  version(): string;
  /** The entry of a file's text; undefined when the file is not an analysis. */
  fromText(text: string, uri: vscode.Uri): E | undefined;
  /** The entry of an open document as it is now (unsaved edits included). */
  fromDocument(document: vscode.TextDocument): E | undefined;
  /** Longest text indexed, in characters (the live-check limit). */
  maxChars(): number;
  /** Resolves when fromText and fromDocument may be called (the analysis core loaded); awaited only before a file is analysed. */
  ready?(): Promise<unknown>;
}

export interface IndexedFile<E> {
  /** Made from `key` when read (IndexedByKey): few callers want it. */
  readonly uri: vscode.Uri;
  /** `uri.toString()`, as the index keys it: formatting 10,000 URIs again was 100 ms of the host's thread. */
  readonly key: string;
  readonly entry: E;
}

/**
 * An indexed file whose URI is parsed from its key only when asked for: the index keeps no URI
 * per file (see Listed), and the portfolio's views read the entries, not the URIs.
 */
class IndexedByKey<E> implements IndexedFile<E> {
  constructor(readonly key: string, readonly entry: E) {}

  get uri(): vscode.Uri {
    return vscode.Uri.parse(this.key, true);
  }
}

/** A markdown file the index did not read, and why (listed, never silently dropped). */
export interface SkippedFile {
  readonly uri: vscode.Uri;
  /** Why, translated: shown in the portfolio. */
  readonly reason: string;
  /** The core failed on the file's text (kept until the text changes), rather than the file being unreadable or too large. */
  readonly coreFailed?: true;
}

export interface IndexChange<E = unknown> {
  /** Files whose entry was added, replaced or removed; empty after a full (re)build. */
  readonly uris: readonly vscode.Uri[];
  /** Each of those files' entry before the change (undefined: it had none), so a view can undo its old part without keeping every entry's. */
  readonly previous?: readonly (E | undefined)[];
}

/** An indexed file, under its key (no URI: see Listed). */
interface Record<E> extends CachedFile<E> {
  /** From an open document with unsaved edits: never written to the cache (absent: false; a file taken from the cache is its record as it is). */
  readonly unsaved?: boolean;
  /** Built from this version of the open document. */
  readonly documentVersion?: number;
}

/**
 * A file read but not yet analysed: the analysis runs when the caller takes it, one file per
 * turn of its time-sliced loop. Analysed inside the reads' own continuations, a batch of reads
 * completing together ran as one task of a whole batch of analyses (over 100 ms).
 */
type Analyse<E> = (() => Record<E> | SkippedFile | undefined) & {
  /** The file's text, when the analysis is of a text read from disk (see ColdCode). */
  readonly text?: string;
};
type ReadResult<E> = Record<E> | SkippedFile | Analyse<E> | undefined;

/**
 * A file the build found: with its stat when the listing had it, or a link (never read). The
 * walk's files carry no URI, only their folder and path below it (uriOf makes it when the file is
 * read): a warm start takes every file from the cache by its key, and the 10,000 URIs the walk
 * made (each an object and its path, flattened by the URI's checks) were kept by the records for
 * nothing, and copied by each young-generation collection of the cache's load that they lived
 * through.
 */
interface Listed {
  /** The search's URI; absent for the walk's (folder and relative). */
  readonly uri?: vscode.Uri;
  readonly folder?: WalkedFolder;
  /** The path below `folder`: plain names joined by '/' (the walk's). */
  readonly relative?: string;
  /** `uri.toString()`. */
  readonly key: string;
  readonly stat?: vscode.FileStat | Promise<vscode.FileStat | undefined>;
  /**
   * The walk's stat of a regular file, as numbers (statOf makes the FileStat for a file that is
   * read): a FileStat object per file was 10,000 objects more for each young-generation
   * collection of the cache's load to copy.
   */
  readonly size?: number;
  readonly mtime?: number;
  readonly link?: true;
}

/** A walked folder: its URI, and its path without a trailing '/'. */
interface WalkedFolder {
  readonly uri: vscode.Uri;
  readonly path: string;
}

/** The URI of a listed file: the search's, or made from the walk's folder and path. */
function uriOf(listed: Listed): vscode.Uri {
  if (listed.uri) return listed.uri;
  const folder = listed.folder as WalkedFolder;
  // The walk's names are plain (no '.', '..' or '/'): no joinPath normalization needed, which was a tenth of the warm start.
  return folder.uri.with({ path: `${folder.path}/${listed.relative ?? ''}` });
}

/** A listed file's stat: the search's, or the walk's numbers as a FileStat. */
function statOf(listed: Listed): vscode.FileStat | Promise<vscode.FileStat | undefined> | undefined {
  return listed.stat ?? (listed.size === undefined ? undefined : { type: vscode.FileType.File, size: listed.size, mtime: listed.mtime ?? 0, ctime: 0 });
}

function settled<E>(result: ReadResult<E>): Record<E> | SkippedFile | undefined {
  return typeof result === 'function' ? result() : result;
}

/**
 * The record of a listed file straight from the cache when nothing needs to be awaited for it: its
 * stat came with the listing (not a promise), it is a file of a size the index reads, it is not
 * open in an editor (an open document is the truth, see readRecord), and the cache has it with the
 * same size and modification time. Undefined: readRecord decides (the same checks, in the same order).
 */
function fromCache<E>(listed: Listed, cached: CachedFile<E> | undefined, max: number, open: boolean): Record<E> | undefined {
  if (!cached || open || listed.link) return undefined;
  let size = listed.size;
  let mtime = listed.mtime;
  if (size === undefined) {
    const stat = listed.stat;
    if (!stat || stat instanceof Promise || stat.type !== vscode.FileType.File) return undefined;
    size = stat.size;
    mtime = stat.mtime;
  }
  if (size > max * 4 || cached.size !== size || cached.mtime !== mtime) return undefined;
  // The cached file itself is the record (read-only, never unsaved): no copy of 10,000 of them
  // made at the end of the load, for the young-generation collector to copy again.
  return cached;
}

export const MARKDOWN_GLOB = '**/*.{md,markdown}';
/** Above this many files, indexing shows in the status bar. */
const PROGRESS_THRESHOLD = 200;
/** At most one progress report this often (and the last): progressThrottle.ts. */
const PROGRESS_EVERY_MS = 100;
/** Files stat'ed and read concurrently. */
const BATCH = 48;
const SAVE_DELAY_MS = 2000;

export class WorkspaceIndex<E extends IndexEntry> implements vscode.Disposable {
  private readonly records = new Map<string, Record<E>>();
  private readonly skippedFiles = new Map<string, SkippedFile>();
  private readonly pending = new Map<string, vscode.Uri>();
  private readonly typingTimers = new Map<string, NodeJS.Timeout>();
  private readonly changed = new vscode.EventEmitter<IndexChange<E>>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private rules: ExclusionRules | undefined;
  private buildToken: vscode.CancellationTokenSource | undefined;
  private building: Promise<void> | undefined;
  private draining: Promise<void> | undefined;
  private saveTimer: NodeJS.Timeout | undefined;
  /**
   * Files whose record changed since the cache was last written: only their shards are written
   * again (a warm start that changed nothing writes nothing; a saved edit, one shard).
   */
  private changedKeys = new Set<string>();
  private saving: Promise<void> = Promise.resolve();
  private builtVersion: string | undefined;
  /**
   * The parts entries share (values, ranges, periods, counts): entries from the cache and from the
   * core alike, so that 10,000 entries keep a few thousand of each, not 30,000 (the index's heap).
   * New for each build: what it holds for entries gone since is dropped with it.
   */
  private shared = new EntryInterner();
  private started = false;
  private disposed = false;
  /** Whether this host's analysis code is still cold (its first analyses are split: coldCode.ts). */
  private readonly coldCode = new ColdCode();
  /** The source's `ready` has resolved once (the analysis core is loaded). */
  private coreLoaded = false;

  constructor(
    private readonly source: EntrySource<E>,
    private readonly cache: IndexCache<E>,
    private readonly debounceMs: () => number,
  ) {}

  /** True once the first build has finished (entries may still be updating). */
  get ready(): boolean {
    return this.builtVersion !== undefined;
  }

  /** Every indexed analysis. */
  entries(): IndexedFile<E>[] {
    const out: IndexedFile<E>[] = [];
    for (const [key, r] of this.records) if (r.entry !== undefined) out.push(new IndexedByKey(key, r.entry));
    return out;
  }

  entry(uri: vscode.Uri): E | undefined {
    return this.records.get(uri.toString())?.entry;
  }

  skipped(): SkippedFile[] {
    return [...this.skippedFiles.values()];
  }

  /**
   * Starts the index (first call) and resolves once it is complete and every queued change is in.
   * Nothing happens before the first call: activation never pays for the index.
   */
  async whenReady(): Promise<void> {
    if (!this.started) this.start();
    for (let i = 0; i < 100 && (this.building || this.draining); i++) {
      await this.building;
      await this.draining;
    }
  }

  private start(): void {
    this.started = true;
    const watcher = vscode.workspace.createFileSystemWatcher(MARKDOWN_GLOB, false, false, true);
    // Deletions of anything: a deleted folder reports only itself, not the analyses inside it.
    const deletions = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
    this.disposables.push(
      watcher,
      deletions,
      watcher.onDidCreate((uri) => this.queue(uri)),
      watcher.onDidChange((uri) => this.queue(uri)),
      deletions.onDidDelete((uri) => this.removeUnder(uri)),
      vscode.workspace.onDidRenameFiles((e) => {
        for (const { oldUri, newUri } of e.files) {
          this.removeUnder(oldUri);
          void this.queueUnder(newUri);
        }
      }),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.removeUnder(uri))),
      vscode.workspace.onDidChangeTextDocument((e) => this.typed(e.document)),
      // A save is the clearest signal there is: re-indexed at once, not after the typing debounce.
      // At its START: the text being saved is the document's text now, and the save's round trip
      // (onDidSaveTextDocument came 0.6 s after document.save() in code-server) is not waited for.
      // Nothing is awaited in the listener (no waitUntil): the save is never held up, and VS Code
      // never counts this listener against its save-participant budget. A save participant that
      // edits the document after this is an edit like any other (the typing debounce); the save
      // event below then keeps the entry (same document version) or takes the saved text.
      vscode.workspace.onWillSaveTextDocument((e) => this.saved(e.document)),
      vscode.workspace.onDidSaveTextDocument((doc) => this.saved(doc)),
      // Unsaved edits were dropped: the file on disk is the truth again.
      vscode.workspace.onDidCloseTextDocument((doc) => this.isCandidate(doc.uri) && this.records.get(doc.uri.toString())?.unsaved && this.queue(doc.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('files.exclude') || e.affectsConfiguration('patternAnalyst.portfolio.exclude') || e.affectsConfiguration('patternAnalyst.checks.maxDocumentSizeMB')) this.rebuild();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.rebuild()),
    );
    this.rebuild();
  }

  /** Builds the whole index again (cheap with the cache); cancels a build under way. */
  rebuild(): void {
    if (this.disposed || !this.started) return;
    this.buildToken?.cancel();
    const tokenSource = (this.buildToken = new vscode.CancellationTokenSource());
    const run = this.build(tokenSource.token).catch((e: unknown) => {
      if (!(e instanceof Cancelled) && !tokenSource.token.isCancellationRequested) {
        void vscode.window.showErrorMessage(inertText(vscode.l10n.t('Pattern Analyst could not index the workspace\'s analyses: {0}', e instanceof Error ? e.message : String(e))));
      }
    });
    const building = run.finally(() => {
      if (this.building === building) this.building = undefined;
      tokenSource.dispose();
      // Changes that arrived while the build ran (queued, not lost) are applied now.
      this.drain();
    });
    this.building = building;
  }

  /** Called when the models change: rebuild only if they changed what an entry says. */
  modelsChanged(): void {
    if (this.started && this.builtVersion !== undefined && this.source.version() !== this.builtVersion) this.rebuild();
  }

  private async build(token: vscode.CancellationToken): Promise<void> {
    // The worker that walks and checks the cache (node host) boots while the steps below run: a
    // worker's boot was a fifth of a warm start, with the host's thread idle waiting for it.
    platform.prepareIndexWorker?.();
    // Tasks of their own: the caller's (a surface's first request, the portfolio bundle's load)
    // is long enough, and hashing the models and reading the settings are a few ms each.
    await nextTurn();
    if (token.isCancellationRequested) throw new Cancelled();
    const version = this.source.version();
    const rules = (this.rules = readExclusions());
    await nextTurn();
    if (token.isCancellationRequested) throw new Cancelled();
    // The cache is read while the folders are walked (or searched): on a window reload its files
    // are the workspace's analyses, and the listing still decides which files there are.
    const walking = this.walk(rules, token);
    const shared = (this.shared = new EntryInterner());
    const loading = this.cache.load(version, token, shared);
    const walked = await walking;
    const cached = await loading;
    const listed = walked ?? (await this.search(rules, cached, token));
    if (token.isCancellationRequested) throw new Cancelled();
    const work = async (report?: (done: number) => void): Promise<void> => {
      const slice = new TimeSlice(token);
      // The files listed, to drop the others afterwards: only when the index held any before this build
      // (a window's first build, the warm start, has nothing to drop: a set of 10,000 keys for nothing).
      const seen = this.records.size > 0 || this.skippedFiles.size > 0 ? new Set<string>() : undefined;
      const max = this.source.maxChars();
      for (let i = 0; i < listed.length; i += BATCH) {
        const batch = listed.slice(i, i + BATCH);
        // Once per batch, not once per file: the list of open documents is built anew on every read of it.
        const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d] as const));
        // A file the cache has as it is on disk (a warm start's every file) is taken here, with no
        // promise of its own: 10,000 of them through readRecord were a tenth of the warm start.
        const results: ReadResult<E>[] = batch.map((l) => fromCache(l, cached.get(l.key), max, open.has(l.key)));
        if (results.some((r) => r === undefined)) {
          const read = await Promise.all(batch.map((l, j) => results[j] ?? (l.link ? Promise.resolve(this.linkSkipped(uriOf(l))) : this.readRecord(uriOf(l), cached.get(l.key), max, statOf(l), open.get(l.key) ?? null))));
          read.forEach((r, j) => (results[j] = r));
        }
        if (token.isCancellationRequested) throw new Cancelled();
        let analysed = false;
        for (let j = 0; j < batch.length; j++) {
          seen?.add(batch[j].key);
          // The batch's first analysis starts a turn of its own: the turn the reads completed in may
          // have required the analysis core (30 ms), and that and the first analysis (its code not
          // yet compiled) were one task of 60 ms on a cold start.
          const result = results[j];
          if (typeof result === 'function' && !analysed) {
            analysed = true;
            await slice.yield();
          }
          if (typeof result === 'function' && result.text !== undefined && this.coldCode.cold) {
            await this.splitWhileCold(result, batch[j], slice);
            continue;
          }
          const record = settled(result);
          // A cached file taken as it is (above, or by readRecord) is not written to the cache again.
          this.apply(batch[j].key, record, record !== undefined && record === cached.get(batch[j].key));
          if (slice.due) await slice.pause();
        }
        report?.(Math.min(i + BATCH, listed.length));
      }
      if (!seen) return;
      for (const key of [...this.records.keys()]) {
        if (!seen.has(key)) {
          this.records.delete(key);
          this.changedKeys.add(key);
        }
      }
      for (const key of [...this.skippedFiles.keys()]) if (!seen.has(key)) this.skippedFiles.delete(key);
    };
    const total = listed.length;
    if (total > PROGRESS_THRESHOLD) {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: inertText(vscode.l10n.t('Indexing analyses')) }, async (progress) => {
        const throttle = new ProgressThrottle(total, PROGRESS_EVERY_MS);
        await work((done) => {
          const increment = throttle.increment(done);
          if (increment !== undefined) progress.report({ message: `${done}/${total}`, increment });
        });
      });
    } else {
      await work();
    }
    this.builtVersion = version;
    this.changed.fire({ uris: [] });
    this.scheduleSave();
  }

  /**
   * One file's analysis while the analysis code is cold (coldCode.ts): its text's prefixes first,
   * each in a task of its own, their entries dropped; then its whole text in a task of its own.
   */
  private async splitWhileCold(analyse: Analyse<E>, listed: Listed, slice: TimeSlice): Promise<void> {
    const text = analyse.text ?? '';
    const uri = uriOf(listed);
    let took = 0;
    for (const prefix of this.coldCode.prefixes(text)) {
      await slice.yield();
      const t0 = performance.now();
      try {
        this.source.fromText(prefix, uri);
      } catch {
        // A prefix the core fails on says nothing of the whole text (analysed below, as ever).
      }
      took += performance.now() - t0;
    }
    await slice.yield();
    const t0 = performance.now();
    this.apply(listed.key, analyse());
    this.coldCode.analysed(took + performance.now() - t0);
    if (slice.due) await slice.pause();
  }

  /**
   * The markdown files of `file:` workspace folders, walked on disk with their stats (the node
   * host, in its worker thread given the exclusion globs; platform/diskWalk.ts follows no link, so
   * every path is the file's real place inside its folder). Undefined where there is no walk (the web worker host, other schemes) or a folder
   * cannot be walked: the search decides then.
   */
  private async walk(rules: ExclusionRules, token: vscode.CancellationToken): Promise<Listed[] | undefined> {
    const walk = platform.walkMarkdownFiles;
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (!walk || folders.length === 0 || folders.some((f) => f.uri.scheme !== 'file')) return undefined;
    // A folder inside another: each file belongs to (and is judged by the settings of) its innermost folder.
    const nested = folders.some((a) => folders.some((b) => a !== b && b.uri.path.startsWith(`${a.uri.path.replace(/\/$/, '')}/`)));
    // The listing is kept to the build's end, and runs beside the cache's decoding: the same shorter turns.
    const slice = new TimeSlice(token, KEEPING_SLICE_MS);
    const pause = (): Promise<void> | undefined => (slice.due ? slice.pause().catch(() => undefined) : undefined);
    const walks = folders.map((folder) => walk(folder.uri, { excluded: (relative) => rules.matches(folder, relative), globs: rules.globs(folder), cancelled: () => token.isCancellationRequested, pause }));
    const out: Listed[] = [];
    // One folder's walk lists each file once; only several folders can list one file twice (nested).
    const seen = folders.length > 1 ? new Set<string>() : undefined;
    for (let f = 0; f < folders.length; f++) {
      const files = await walks[f];
      if (!files) return undefined;
      const base = folders[f].uri;
      const path = base.path.replace(/\/$/, '');
      const folder: WalkedFolder = { uri: base, path };
      // The folder's URI as a string with its '/': a path of characters no URI encodes is that plus the
      // path as it is (formatting each file's URI was a seventh of the warm start's work on this thread).
      const prefix = base.with({ path: `${path}/` }).toString();
      for (const file of files) {
        if (slice.due) await slice.pause();
        const relative = file.relative;
        if (nested && vscode.workspace.getWorkspaceFolder(uriOf({ folder, relative, key: '' })) !== folders[f]) continue;
        const key = uriKeyBelow(prefix, relative) ?? uriOf({ folder, relative, key: '' }).toString();
        if (seen) {
          if (seen.has(key)) continue;
          seen.add(key);
        }
        out.push(file.link ? { folder, relative, key, link: true } : { folder, relative, key, size: file.size ?? 0, mtime: file.mtime ?? 0 });
      }
    }
    return out;
  }

  /**
   * The markdown files by `workspace.findFiles` (every other host and scheme), the exclusions
   * applied to its answer. While the search runs, the cached files are stat'ed: on a window reload
   * they are the workspace's analyses, and the search and ten thousand stats one batch after
   * another each took about a second.
   */
  private async search(rules: ExclusionRules, cached: ReadonlyMap<string, CachedFile<E>>, token: vscode.CancellationToken): Promise<Listed[]> {
    const searching = Promise.resolve(vscode.workspace.findFiles(MARKDOWN_GLOB, rules.searchExclude, undefined, token));
    let searched = false;
    void searching.finally(() => (searched = true)).catch(() => undefined);
    const stats = new Map<string, Promise<vscode.FileStat | undefined>>();
    const statOf = (key: string, uri: vscode.Uri): Promise<vscode.FileStat | undefined> => {
      let p = stats.get(key);
      if (!p) stats.set(key, (p = Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined)));
      return p;
    };
    const slice = new TimeSlice(token);
    for (const key of cached.keys()) {
      if (searched) break;
      statOf(key, vscode.Uri.parse(key, true));
      await slice.pause();
    }
    const found = await searching;
    const out: Listed[] = [];
    // Filtered between time slices: 10,000 workspace-folder lookups and glob tests are one long task.
    for (const uri of found) {
      if (!rules.excludes(uri)) {
        const key = uri.toString();
        // Files not stat'ed yet are stat'ed with their batch.
        out.push({ uri, key, ...(stats.has(key) && { stat: statOf(key, uri) }) });
      }
      await slice.pause();
    }
    return out;
  }

  /**
   * A changed file (an event, an edit) reached through a link on its path: a link inside the
   * workspace leads to a file indexed under its own path already, one outside it to a file that
   * is not the workspace's. The build's walk never takes such a path; events and documents can.
   */
  private async throughLink(uri: vscode.Uri): Promise<boolean> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!platform.isLinkFree || uri.scheme !== 'file' || folder?.uri.scheme !== 'file') return false;
    return (await platform.isLinkFree(folder.uri, uri)) === false;
  }

  private linkSkipped(uri: vscode.Uri): SkippedFile {
    return { uri, reason: vscode.l10n.t('a symbolic link (only files inside the workspace are read)') };
  }

  /** Reads one file into a record (or a reason it was skipped); uses the cache when size and time agree. */
  private async readRecord(uri: vscode.Uri, cached: CachedFile<E> | undefined, max: number, statted?: vscode.FileStat | Promise<vscode.FileStat | undefined>, openDocument?: vscode.TextDocument | null): Promise<ReadResult<E>> {
    const open = openDocument === undefined ? this.openDocument(uri) : (openDocument ?? undefined);
    if (open?.isDirty) {
      await this.coreReady();
      const documentVersion = open.version;
      // Already indexed at this version (the typing debounce, then the save beginning): unchanged.
      const previous = this.records.get(uri.toString());
      if (previous?.unsaved && previous.documentVersion === documentVersion) return previous;
      return () => ({ size: -1, mtime: -1, entry: this.safely(() => this.source.fromDocument(open), uri), unsaved: true, documentVersion });
    }
    const stat = await (statted ?? Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined));
    if (!stat) return undefined;
    if (stat.type & vscode.FileType.SymbolicLink) return this.linkSkipped(uri);
    if (!(stat.type & vscode.FileType.File)) return undefined;
    // UTF-8 is at least one byte a character: a file of more bytes than 4× the limit is certainly too long.
    if (stat.size > max * 4) return { uri, reason: vscode.l10n.t('too large to index ({0} MB)', (stat.size / 1e6).toFixed(1)) };
    // The cached file itself, as fromCache() takes it (the build knows it by that: unchanged).
    if (cached && cached.size === stat.size && cached.mtime === stat.mtime) return cached;
    // Only what is analysed below needs the analysis core: a warm start whose files all come from
    // the cache never loads it (its require was a task of its own on the host's thread).
    await this.coreReady();
    // Open and saved: the editor has analysed this version already (the shared analysis cache).
    if (open) {
      // The save event and the file watcher's event after a save: the entry already comes from this
      // version of the document (indexed when the save began, or by an earlier event of the same
      // save); kept as the same object, now saved (no second change for every view to redo).
      const previous = this.records.get(uri.toString());
      const documentVersion = open.version;
      if (previous?.documentVersion === documentVersion) {
        if (!previous.unsaved && previous.size === stat.size && previous.mtime === stat.mtime) return previous;
        // Indexed from the unsaved text of this very version (a dirty document's version is never
        // that of a freshly opened one): what the save wrote.
        if (previous.unsaved) return { size: stat.size, mtime: stat.mtime, entry: previous.entry, unsaved: false, documentVersion };
      }
      return () => ({ size: stat.size, mtime: stat.mtime, entry: this.safely(() => this.source.fromDocument(open), uri), unsaved: false, documentVersion });
    }
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch (e) {
      return { uri, reason: vscode.l10n.t('unreadable: {0}', e instanceof Error ? e.message : String(e)) };
    }
    if (text.length > max) return { uri, reason: vscode.l10n.t('too large to index ({0} characters; limit patternAnalyst.checks.maxDocumentSizeMB)', text.length.toLocaleString('en-US')) };
    return Object.assign(() => ({ size: stat.size, mtime: stat.mtime, entry: this.safely(() => this.source.fromText(text, uri), uri), unsaved: false }), { text });
  }

  /**
   * The source's `ready`. Until it has resolved once, called in a turn of its own: on the desktop it
   * requires the analysis core (20–40 ms) in the task that calls it, and the first readRecord to
   * call it ran in a turn that had done its share of work already.
   */
  private async coreReady(): Promise<void> {
    if (!this.source.ready) return;
    if (!this.coreLoaded) await new TimeSlice().yield();
    await this.source.ready();
    this.coreLoaded = true;
  }

  /** A core failure on one file skips that file with its reason, never the whole index. */
  private safely(make: () => E | undefined, uri: vscode.Uri): E | undefined {
    try {
      const entry = make();
      return entry && (this.shared.entry(entry) as E);
    } catch (e) {
      this.skippedFiles.set(uri.toString(), { uri, reason: vscode.l10n.t('could not be indexed: {0}', e instanceof Error ? e.message : String(e)), coreFailed: true });
      return undefined;
    }
  }

  /** `unchanged`: the result is the cached file as it is (the cache need not be written again for it). */
  private apply(key: string, result: Record<E> | SkippedFile | undefined, unchanged = false): void {
    if (!unchanged) this.changedKeys.add(key);
    if (!result) {
      this.records.delete(key);
      this.skippedFiles.delete(key);
    } else if ('reason' in result) {
      this.records.delete(key);
      this.skippedFiles.set(key, result);
    } else {
      this.records.set(key, result);
      if (!this.skippedFiles.get(key)?.coreFailed) this.skippedFiles.delete(key);
    }
  }

  // ---- Changes ----------------------------------------------------------------------------

  private isCandidate(uri: vscode.Uri): boolean {
    if (!/\.(md|markdown)$/i.test(uri.path) || !vscode.workspace.getWorkspaceFolder(uri)) return false;
    return !(this.rules ??= readExclusions()).excludes(uri);
  }

  private openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    const key = uri.toString();
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  }

  /** An edit in an open document: re-indexed a debounce after typing stops. */
  private typed(document: vscode.TextDocument): void {
    if (document.languageId !== 'markdown' || !this.isCandidate(document.uri)) return;
    const key = document.uri.toString();
    clearTimeout(this.typingTimers.get(key));
    this.typingTimers.set(key, setTimeout(() => {
      this.typingTimers.delete(key);
      this.queue(document.uri);
    }, this.debounceMs()));
  }

  private saved(document: vscode.TextDocument): void {
    if (document.languageId !== 'markdown' || !this.isCandidate(document.uri)) return;
    const key = document.uri.toString();
    clearTimeout(this.typingTimers.get(key));
    this.typingTimers.delete(key);
    this.queue(document.uri);
  }

  private queue(uri: vscode.Uri): void {
    if (this.disposed) return;
    this.pending.set(uri.toString(), uri);
    this.drain();
  }

  /** A created or renamed path: a file, or a folder whose analyses are queued one by one. */
  private async queueUnder(uri: vscode.Uri): Promise<void> {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type & vscode.FileType.Directory) {
        const inside = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, MARKDOWN_GLOB));
        inside.forEach((u) => this.pending.set(u.toString(), u));
        this.drain();
      } else this.queue(uri);
    } catch {
      // Gone again already.
    }
  }

  private removeUnder(uri: vscode.Uri): void {
    const prefix = `${uri.toString().replace(/\/$/, '')}/`;
    const removed: vscode.Uri[] = [];
    const previous: E[] = [];
    for (const [key, r] of this.records) {
      if (key === uri.toString() || key.startsWith(prefix)) {
        this.records.delete(key);
        this.changedKeys.add(key);
        if (r.entry !== undefined) {
          removed.push(vscode.Uri.parse(key, true));
          previous.push(r.entry);
        }
      }
    }
    for (const key of [...this.skippedFiles.keys()]) if (key === uri.toString() || key.startsWith(prefix)) this.skippedFiles.delete(key);
    if (removed.length) {
      this.changed.fire({ uris: removed, previous });
      this.scheduleSave();
    }
  }

  /** Applies queued changes, after the build when one is under way. */
  private drain(): void {
    if (this.draining || this.building || !this.ready || this.pending.size === 0) return;
    const run = (async () => {
      const slice = new TimeSlice();
      while (this.pending.size > 0 && !this.disposed && !this.building) {
        const batch = [...this.pending.values()].slice(0, BATCH);
        batch.forEach((u) => this.pending.delete(u.toString()));
        const changed: vscode.Uri[] = [];
        const previous: (E | undefined)[] = [];
        const max = this.source.maxChars();
        const results = await Promise.all(batch.map(async (uri) => {
          if (!this.isCandidate(uri)) return undefined;
          return (await this.throughLink(uri)) ? this.linkSkipped(uri) : this.readRecord(uri, undefined, max);
        }));
        for (let i = 0; i < batch.length; i++) {
          const before = this.records.get(batch[i].toString())?.entry;
          this.apply(batch[i].toString(), settled(results[i]));
          const after = this.records.get(batch[i].toString())?.entry;
          if (before !== after) {
            changed.push(batch[i]);
            previous.push(before);
          }
          await slice.pause().catch(() => undefined);
        }
        if (changed.length) this.changed.fire({ uris: changed, previous });
      }
      this.scheduleSave();
    })();
    this.draining = run.finally(() => {
      this.draining = undefined;
      this.drain();
    });
  }

  private scheduleSave(): void {
    if (this.saveTimer || this.disposed || this.changedKeys.size === 0) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.persist();
    }, SAVE_DELAY_MS);
  }

  /**
   * Writes the warm-start cache now: the shards of the files changed since the last write (saved
   * files only: unsaved edits are not what the next start finds on disk). One write at a time.
   */
  persist(): Promise<void> {
    const run = this.saving.then(async () => {
      const version = this.builtVersion;
      if (!version) return;
      const changed = this.changedKeys;
      this.changedKeys = new Set();
      const files = new Map<string, CachedFile<E>>();
      for (const [key, r] of this.records) if (!r.unsaved) files.set(key, { size: r.size, mtime: r.mtime, entry: r.entry });
      await this.cache.save(version, files, changed);
    });
    this.saving = run.catch(() => undefined);
    return run;
  }

  dispose(): void {
    this.disposed = true;
    this.buildToken?.cancel();
    clearTimeout(this.saveTimer);
    for (const t of this.typingTimers.values()) clearTimeout(t);
    this.changed.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
