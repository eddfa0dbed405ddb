/**
 * Keeps the tree's coverage marks in step with the active analysis: which sections it has, which
 * metrics it states and how they fare. Reads the shared analysis cache; computes nothing itself.
 */
import * as vscode from 'vscode';
import type { Analysis, MetricClaim } from '../../analysis/types';
import { valueWithVerdict } from '../../analysis/verdictDisplay';
import { withAnalysisCore } from '../core';
import type { Services } from '../services';
import type { PatternTreeProvider, TreeCoverage } from './patternTreeProvider';

export function coverageOf(analysis: Analysis): TreeCoverage | undefined {
  if (!analysis.pattern) return undefined;
  const sections = new Map(analysis.sections.map((s) => [s.sectionId, s.present]));
  const metrics = new Map<string, string | undefined>(
    analysis.metrics.map((m) => [m.metricId, m.claims.length === 0 ? undefined : summarize(m.claims)]),
  );
  return { modelId: analysis.pattern.model.id, sections, metrics };
}

/** "72% ✗ misses, 18% ○ no benchmark": each distinct value once (a scorecard row and a sentence often state the same one). */
function summarize(claims: readonly MetricClaim[]): string {
  const parts = claims.map((c) => valueWithVerdict(c.value.text.trim(), c.verdict.status));
  return [...new Set(parts)].join(', ');
}

export function registerTreeCoverage(tree: PatternTreeProvider, services: Services): vscode.Disposable {
  let timer: NodeJS.Timeout | undefined;
  const update = (): void => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') return tree.setCoverage(undefined);
    // The active editor is read again once the core is there (the web host's first update waits for it).
    void withAnalysisCore(() => {
      const now = vscode.window.activeTextEditor;
      if (now?.document.languageId === 'markdown') tree.setCoverage(coverageOf(services.analyses.get(now.document)));
    });
  };
  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(update, services.settings().debounceMs);
  };
  // Just after activation, not inside it (as the diagnostics' first check).
  timer = setTimeout(update, 0);
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) schedule();
    }),
    services.models.onDidChange(update),
    // A new size limit may bring an analysis into (or out of) live checks.
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('patternAnalyst.checks.maxDocumentSizeMB')) update();
    }),
    { dispose: () => timer && clearTimeout(timer) },
  );
}
