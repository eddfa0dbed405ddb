/**
 * One analysis per document version, shared by diagnostics, hovers, tree coverage and the
 * preview, so a keystroke parses the document once however many features look at it.
 */
import * as vscode from 'vscode';
import { analyzeText } from '../analysis/analyze';
import type { Analysis } from '../analysis/types';
import type { ModelStore } from './modelStore';

interface Entry {
  readonly version: number;
  readonly analysis: Analysis;
}

export class AnalysisCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly models: ModelStore) {
    this.disposables.push(
      vscode.workspace.onDidCloseTextDocument((doc) => this.entries.delete(doc.uri.toString())),
      // A changed model changes every verdict: forget everything.
      models.onDidChange(() => this.entries.clear()),
    );
  }

  /** The analysis of a document at its current version, computed at most once per version. */
  get(document: vscode.TextDocument): Analysis {
    const key = document.uri.toString();
    const hit = this.entries.get(key);
    if (hit && hit.version === document.version) return hit.analysis;
    const analysis = analyzeText(document.getText(), this.models.catalog);
    this.entries.set(key, { version: document.version, analysis });
    return analysis;
  }

  dispose(): void {
    this.entries.clear();
    for (const d of this.disposables) d.dispose();
  }
}
