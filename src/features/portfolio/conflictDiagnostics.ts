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
  /** The conflicts last published (for tests and the API). */
  conflicts: readonly CrossConflict[] = [];

  constructor(private readonly services: Services, private readonly index: WorkspaceIndex<IndexEntry>, private readonly displayName: (uri: string) => string) {
    this.disposables.push(
      index.onDidChange(() => this.schedule()),
      services.models.onDidChange(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('patternAnalyst.checks.conflictingValue')) this.schedule();
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

  /**
   * Computes and publishes. Conflicts are only ever between analyses of one pattern, subject and
   * period: the entries are bucketed by those first, and each bucket is checked in its own turn of
   * a time-sliced loop (the whole index in one call held the host's thread for hundreds of ms at
   * 10,000 analyses). A newer run supersedes one still under way.
   */
  async publish(): Promise<void> {
    if (!this.index.ready) return;
    const run = ++this.runs;
    const severity = level(this.services);
    const conflicts: CrossConflict[] = [];
    if (severity !== undefined) {
      const slice = new TimeSlice();
      const buckets = new Map<string, IndexEntry[]>();
      for (const { entry } of this.index.entries()) {
        if (entry.patternId && entry.subject && entry.period) {
          const key = `${entry.patternId}\u0000${subjectKey(entry)}\u0000${periodKey(entry.period)}`;
          const bucket = buckets.get(key);
          if (bucket) bucket.push(entry);
          else buckets.set(key, [entry]);
        }
        await slice.pause();
      }
      const patterns = new Map(this.services.models.catalog.indexes.map((p) => [p.model.id, p]));
      for (const bucket of buckets.values()) {
        const pattern = bucket.length > 1 ? patterns.get(bucket[0].patternId ?? '') : undefined;
        if (pattern) conflicts.push(...crossAnalysisConflicts(bucket, pattern, this.displayName));
        await slice.pause();
        if (run !== this.runs) return;
      }
      conflicts.sort((x, y) => x.uri.localeCompare(y.uri) || x.range.start.line - y.range.start.line);
    }
    if (run !== this.runs || this.disposed) return;
    this.conflicts = conflicts;
    const byUri = new Map<string, vscode.Diagnostic[]>();
    for (const c of conflicts) {
      const d = new vscode.Diagnostic(range(c.range), inertText(c.message), severity);
      d.source = DIAGNOSTIC_SOURCE;
      d.code = c.rule;
      const other = vscode.Uri.parse(c.other.uri, true);
      d.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(other, range(c.other.range)), inertText(vscode.l10n.t('The other value: {0}', c.other.text)))];
      const list = byUri.get(c.uri) ?? [];
      list.push(d);
      byUri.set(c.uri, list);
    }
    this.collection.clear();
    for (const [uri, list] of byUri) this.collection.set(vscode.Uri.parse(uri, true), list);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
