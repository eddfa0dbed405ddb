/**
 * Cross-analysis `conflicting-value` in the Problems panel: the same subject, period and metric
 * stated with different values in two analyses, reported at both places, each pointing at the
 * other (related information). Computed by the portfolio core over the whole index, so only once
 * the index is built (a portfolio surface was shown), and again as it changes.
 */
import * as vscode from 'vscode';
import { crossAnalysisConflicts } from '../../portfolio/conflicts';
import { periodKey } from '../../portfolio/periods';
import { subjectKey } from '../../portfolio/subjects';
import type { CrossConflict, IndexEntry } from '../../portfolio/types';
import { DIAGNOSTIC_SOURCE } from '../convert';
import { inertText } from '../inertText';
import type { Services } from '../services';
import { TimeSlice } from './timeSlices';
import type { WorkspaceIndex } from './workspaceIndex';

const LEVELS = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, information: vscode.DiagnosticSeverity.Information, hint: vscode.DiagnosticSeverity.Hint } as const;
/** Conflicts are re-computed at most this often while the index changes. */
const DELAY_MS = 150;
/**
 * Work per turn of a check. Shorter than the index's slices: a full check follows a build, when
 * the young generation is full of the build's entries, and a collection falling in one of its
 * turns adds to that turn (a 15 ms turn with a collection was the warm start's longest task, 48
 * ms). Nothing waits for the check but the Problems panel, so its extra turns cost no one.
 */
const CHECK_SLICE_MS = 5;

function level(services: Services): vscode.DiagnosticSeverity | undefined {
  const v = services.settings().checks['conflicting-value'];
  return v === 'off' ? undefined : LEVELS[v];
}

function range(r: CrossConflict['range']): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export class ConflictDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('patternAnalyst.portfolio');
  private readonly disposables: vscode.Disposable[] = [this.collection];
  private timer: NodeJS.Timeout | undefined;
  private runs = 0;
  private disposed = false;
  /**
   * The analyses changed since the last check ('all': check every bucket again). A conflict lies
   * within one bucket (pattern, subject, period), so a saved edit re-checks the bucket its analysis
   * left and the one it joined, and republishes the diagnostics of their files alone.
   */
  private changes: Map<string, vscode.Uri> | 'all' = 'all';
  /** Each analysis's bucket key, the buckets' analyses, and each bucket's conflicts, as last checked. */
  private readonly bucketOf = new Map<string, string>();
  private readonly buckets = new Map<string, Map<string, IndexEntry>>();
  private readonly found = new Map<string, readonly CrossConflict[]>();
  private severity: vscode.DiagnosticSeverity | undefined;
  /** Every bucket was checked by the last run that finished (none superseded it midway). */
  private complete = false;
  /** The conflicts last published (for tests and the API). */
  conflicts: readonly CrossConflict[] = [];

  constructor(private readonly services: Services, private readonly index: WorkspaceIndex<IndexEntry>, private readonly displayName: (uri: string) => string) {
    this.disposables.push(
      index.onDidChange((e) => {
        if (e.uris.length === 0) this.changes = 'all';
        else if (this.changes !== 'all') for (const uri of e.uris) this.changes.set(uri.toString(), uri);
        this.schedule();
      }),
      services.models.onDidChange(() => {
        this.changes = 'all';
        this.schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('patternAnalyst.checks.conflictingValue')) {
          this.changes = 'all';
          this.schedule();
        }
      }),
    );
    if (index.ready) this.schedule();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.publish();
    }, DELAY_MS);
  }

  private static bucketKey(entry: IndexEntry): string | undefined {
    return entry.patternId && entry.subject && entry.period ? `${entry.patternId}\u0000${subjectKey(entry)}\u0000${periodKey(entry.period)}` : undefined;
  }

  /**
   * Computes and publishes: after a build (or a change of models or severity) every bucket, each in
   * its own turn of a time-sliced loop (the whole index in one call held the host's thread for
   * hundreds of ms at 10,000 analyses); after changed analyses, only their buckets. A newer run
   * supersedes one still under way (and takes over its changes).
   */
  async publish(): Promise<void> {
    if (!this.index.ready) return;
    const run = ++this.runs;
    const changes = this.changes;
    this.changes = new Map();
    const severity = level(this.services);
    // A run superseded while it checks every bucket leaves them incomplete: the next run checks every bucket too.
    const superseded = (): boolean => run !== this.runs || this.disposed;
    const slice = new TimeSlice(undefined, CHECK_SLICE_MS);
    const dirty = new Set<string>();
    const files = new Set<string>();
    const full = changes === 'all' || severity !== this.severity || !this.complete;
    if (full) {
      this.complete = false;
      this.bucketOf.clear();
      this.buckets.clear();
      this.found.clear();
      for (const { key: uriKey, entry } of this.index.entries()) {
        const key = ConflictDiagnostics.bucketKey(entry);
        if (key) this.join(uriKey, entry, key);
        await slice.pause();
      }
      // Only a bucket of two analyses or more can hold a conflict. After a full clear, a bucket of one
      // has no conflicts to find or to remove, and no file's diagnostics to set: the files set
      // again are those of the conflicts found. 10,000 analyses are mostly buckets of one, and
      // each was an array, a list of conflicts and set entries more for the collector.
      for (const [key, bucket] of this.buckets) if (bucket.size > 1) dirty.add(key);
    } else {
      for (const [uriKey, uri] of changes) {
        const before = this.bucketOf.get(uriKey);
        if (before) {
          this.leave(uriKey, before);
          dirty.add(before);
        }
        const entry = this.index.entry(uri);
        const after = entry && ConflictDiagnostics.bucketKey(entry);
        if (entry && after) {
          this.join(uriKey, entry, after);
          dirty.add(after);
        }
        files.add(uriKey);
      }
    }
    const patterns = new Map(this.services.models.catalog.indexes.map((p) => [p.model.id, p]));
    const checked = new Map<string, readonly CrossConflict[]>();
    for (const key of dirty) {
      const bucket = this.buckets.get(key);
      const entries = bucket ? [...bucket.values()] : [];
      const pattern = severity !== undefined && entries.length > 1 ? patterns.get(entries[0].patternId ?? '') : undefined;
      checked.set(key, pattern ? crossAnalysisConflicts(entries, pattern, this.displayName) : []);
      for (const e of entries) files.add(e.uri);
      if (full) {
        await slice.pause();
        if (superseded()) return;
      }
    }
    if (superseded()) return;
    for (const [key, conflicts] of checked) {
      for (const c of this.found.get(key) ?? []) files.add(c.uri);
      if (conflicts.length) this.found.set(key, conflicts);
      else this.found.delete(key);
    }
    this.severity = severity;
    this.complete = true;
    this.conflicts = [...this.found.values()].flat().sort((x, y) => x.uri.localeCompare(y.uri) || x.range.start.line - y.range.start.line);
    const byUri = new Map<string, vscode.Diagnostic[]>();
    for (const key of dirty) {
      for (const c of this.found.get(key) ?? []) {
        const d = new vscode.Diagnostic(range(c.range), inertText(c.message), severity);
        d.source = DIAGNOSTIC_SOURCE;
        d.code = c.rule;
        const other = vscode.Uri.parse(c.other.uri, true);
        d.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(other, range(c.other.range)), inertText(vscode.l10n.t('The other value: {0}', c.other.text)))];
        const list = byUri.get(c.uri) ?? [];
        list.push(d);
        byUri.set(c.uri, list);
      }
    }
    if (full) this.collection.clear();
    // Each file's diagnostics come from its one bucket: the files of the buckets checked are set
    // again (or cleared), every other file keeps what it has.
    for (const uri of full ? byUri.keys() : files) {
      const list = byUri.get(uri);
      if (list?.length) this.collection.set(vscode.Uri.parse(uri, true), list);
      else this.collection.delete(vscode.Uri.parse(uri, true));
    }
  }

  private join(uriKey: string, entry: IndexEntry, key: string): void {
    this.bucketOf.set(uriKey, key);
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = new Map()));
    bucket.set(uriKey, entry);
  }

  private leave(uriKey: string, key: string): void {
    this.bucketOf.delete(uriKey);
    const bucket = this.buckets.get(key);
    bucket?.delete(uriKey);
    if (bucket?.size === 0) this.buckets.delete(key);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
