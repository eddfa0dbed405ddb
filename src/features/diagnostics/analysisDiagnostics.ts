/**
 * Keeps the Problems panel in step with each open analysis: the findings of the shared cached
 * analysis, at the severity the settings give each rule (`off` hides a rule). Runs at once when a
 * document opens, a debounce after typing stops, and again for every document when the settings
 * or the models change. Documents that are not analyses (no `pattern:` front matter) get none; an
 * analysis too large to check live gets one information message saying so.
 */
import * as vscode from 'vscode';
import { applyLevels } from '../../analysis/checkLevels';
import { toDiagnostic } from '../convert';
import { whenAnalysisCore } from '../core';
import type { Services } from '../services';
import { pathFromConfig } from '../teamConfig/teamConfigStore';
import { oversizedDiagnostic } from './oversizedDiagnostic';

/** Views of other content (diffs, our read-only pattern pages, output) are never checked. */
const SKIPPED_SCHEMES = new Set(['git', 'gitfs', 'output', 'pattern-analyst', 'vscode-scm', 'merge-conflict.conflict-diff', 'review']);

export class AnalysisDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('patternAnalyst');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly services: Services) {
    this.disposables.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((doc) => this.check(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('patternAnalyst')) this.checkAll();
      }),
      services.models.onDidChange(() => this.checkAll()),
      // A team config created, changed or deleted: every open analysis may change.
      services.configs.onDidChange(() => this.checkAll()),
    );
    // Documents already open are checked just after activation, not inside it: their first
    // analysis (and the bundled model's loading) would otherwise count as activation time.
    const initial = setTimeout(() => this.checkAll(), 0);
    this.disposables.push({ dispose: () => clearTimeout(initial) });
  }

  /** Checks every open document now. */
  checkAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.check(doc);
  }

  private schedule(doc: vscode.TextDocument): void {
    if (!this.wanted(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      // The document may have closed while we waited.
      if (!doc.isClosed) this.check(doc);
    }, this.services.settings().debounceMs));
  }

  private check(doc: vscode.TextDocument): void {
    void this.checkNow(doc);
  }

  private async checkNow(doc: vscode.TextDocument): Promise<void> {
    if (!this.wanted(doc)) return;
    const version = doc.version;
    // The team's config first (read once per folder, then cached); a document edited meanwhile
    // is checked by its own scheduled check.
    const [team, core] = await Promise.all([this.services.configs.forDocument(doc.uri), whenAnalysisCore()]);
    if (doc.isClosed || doc.version !== version) return;
    const relative = pathFromConfig(team, doc.uri);
    if (relative !== undefined && core.isIgnored(team.config, relative)) {
      this.collection.delete(doc.uri);
      return;
    }
    // Too large to check live: one message saying so, on analyses only (other files expect nothing).
    const oversized = this.services.analyses.oversized(doc);
    if (oversized) {
      if (oversized.isAnalysis) this.collection.set(doc.uri, [oversizedDiagnostic(oversized, doc)]);
      else this.collection.delete(doc.uri);
      return;
    }
    const settings = this.services.settings();
    // The team's file wins over a person's settings, for levels and for inline suppressions.
    const levels = core.effectiveLevels(settings.checks, team.config);
    // The shared analysis runs the rules these levels show (a rule off here and by default is skipped).
    const analysis = this.services.analyses.get(doc, levels);
    if (!analysis.isAnalysis) {
      this.collection.delete(doc.uri);
      return;
    }
    const inline = team.config.inlineSuppressions ?? settings.inlineSuppressions;
    const findings = inline ? analysis.findings : core.findingsWithoutSuppressions(analysis);
    this.collection.set(doc.uri, applyLevels(findings, levels).map(toDiagnostic));
  }

  private wanted(doc: vscode.TextDocument): boolean {
    return doc.languageId === 'markdown' && !SKIPPED_SCHEMES.has(doc.uri.scheme);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }
}
