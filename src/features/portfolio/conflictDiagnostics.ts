/**
 * Cross-analysis `conflicting-value` in the Problems panel: the same subject, period and metric
 * stated with different values in two analyses, reported at both places, each pointing at the
 * other (related information). Computed by the portfolio core over the whole index, so only once
 * the index is built (a portfolio surface was shown), and again as it changes.
 */
import * as vscode from 'vscode';
import { crossAnalysisConflicts } from '../../portfolio/conflicts';
import type { CrossConflict, IndexEntry } from '../../portfolio/types';
import { DIAGNOSTIC_SOURCE } from '../convert';
import { inertText } from '../inertText';
import type { Services } from '../services';
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
      this.publish();
    }, DELAY_MS);
  }

  /** Computes and publishes now. */
  publish(): void {
    if (!this.index.ready) return;
    const severity = level(this.services);
    const entries = this.index.entries().map((f) => f.entry);
    const conflicts: CrossConflict[] = [];
    if (severity !== undefined) {
      for (const pattern of this.services.models.catalog.indexes) {
        const mine = entries.filter((e) => e.patternId === pattern.model.id);
        if (mine.length > 1) conflicts.push(...crossAnalysisConflicts(mine, pattern, this.displayName));
      }
    }
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
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
