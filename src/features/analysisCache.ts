/**
 * One analysis per document version, shared by diagnostics, hovers, tree coverage and the
 * preview, so a keystroke parses the document once however many features look at it.
 *
 * It runs the rules someone will see: those on at the levels the Problems panel last showed the
 * document at (the person's settings and the team's file), and those on by default, which the
 * portfolio counts. A rule off in both (the evidence rules, unless turned on) costs nothing.
 *
 * Documents longer than `checks.maxDocumentSizeMB` are not analysed: reading a 10 MB document
 * blocks the extension host for over a second, on every edit. Such a document's analysis holds
 * only its front matter, and `oversized()` says why, so diagnostics can tell the user once.
 */
import * as vscode from 'vscode';
import type { AnalysisMemo } from '../analysis/analysisMemo';
import { DEFAULT_LEVELS, levelsToRun, type CheckLevel, type PartialLevels } from '../analysis/checkLevels';
import type { Analysis, RuleId } from '../analysis/types';
import { analysisCore, whenAnalysisCore } from './core';
import type { ModelStore } from './modelStore';
import { readSettings } from './settings';

/** A document too large to be checked live. */
export interface OversizedDocument {
  /** Its length in characters. */
  readonly chars: number;
  /** The limit it exceeds, in characters. */
  readonly maxChars: number;
  /** True when its front matter names a pattern: an analysis whose author expects checks. */
  readonly isAnalysis: boolean;
}

interface Entry {
  readonly version: number;
  readonly maxChars: number;
  readonly analysis: Analysis;
  readonly oversized?: OversizedDocument;
  /** The rules whose work this analysis skipped. */
  readonly skipped: readonly RuleId[];
}

/** The core never looks further than this for the end of a front matter block. */
const FRONT_MATTER_LINES = 1000;

export class AnalysisCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  /** Per open document, what its last analysis read from each block: the next version re-reads only the blocks an edit changed. */
  private readonly memos = new Map<string, AnalysisMemo>();
  /** Per open document, the levels its diagnostics were last shown at (what the next versions must run). */
  private readonly shownAt = new Map<string, PartialLevels>();
  private readonly disposables: vscode.Disposable[] = [];
  /** The size limit, read on first use and again after the setting changes. */
  private limit: number | undefined;

  constructor(
    private readonly models: ModelStore,
    private readonly maxChars: () => number = () => readSettings().maxDocumentChars,
  ) {
    this.disposables.push(
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.entries.delete(doc.uri.toString());
        this.memos.delete(doc.uri.toString());
        this.shownAt.delete(doc.uri.toString());
      }),
      // A changed model changes every verdict: forget everything.
      models.onDidChange(() => {
        this.entries.clear();
        this.memos.clear();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('patternAnalyst.checks.maxDocumentSizeMB')) this.limit = undefined;
      }),
    );
  }

  /**
   * The analysis of a document at its current version, computed at most once per version (and
   * again only when a rule it skipped is now wanted). `shown`: the levels its findings are about to
   * be shown at (diagnostics pass them); without, those they were last shown at, else the defaults.
   * Every rule on at either those levels or the defaults runs.
   */
  get(document: vscode.TextDocument, shown?: PartialLevels): Analysis {
    return this.entry(document, shown).analysis;
  }

  /** Set when the document is longer than the live-check limit (its analysis is then empty but for the front matter). */
  oversized(document: vscode.TextDocument): OversizedDocument | undefined {
    return this.entry(document, undefined).oversized;
  }

  private entry(document: vscode.TextDocument, shown: PartialLevels | undefined): Entry {
    const key = document.uri.toString();
    const maxChars = (this.limit ??= this.maxChars());
    if (shown) this.shownAt.set(key, shown);
    const levels = levelsToRun(DEFAULT_LEVELS, shown ?? this.shownAt.get(key) ?? DEFAULT_LEVELS);
    const hit = this.entries.get(key);
    if (hit && hit.version === document.version && hit.maxChars === maxChars && hit.skipped.every((rule) => levels[rule] === 'off')) return hit;
    // The length without building the text: a 10 MB string on every hover would cost more than the check.
    const chars = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
    // A document grown past the limit keeps no readings of its blocks (they would only hold memory).
    if (chars > maxChars) this.memos.delete(key);
    const entry: Entry = chars > maxChars
      ? { version: document.version, maxChars, skipped: [], ...this.frontMatterOnly(document, chars, maxChars) }
      : { version: document.version, maxChars, skipped: skippedBy(levels), analysis: this.analyze(key, document.getText(), levels) };
    this.entries.set(key, entry);
    return entry;
  }

  /**
   * The analysis of a text that is no open document (a workspace file the portfolio index reads),
   * with the current models, running the rules on by default (those the portfolio counts): by this
   * extension's loaded core (the portfolio bundle carries no copy of its own), not kept. The core
   * must be loaded: `coreReady()` first.
   */
  analyzeText(text: string): Analysis {
    return analysisCore().analyzeText(text, this.models.catalog, { levels: DEFAULT_LEVELS });
  }

  /**
   * Resolves once `analyzeText` may be called: this extension's analysis core loaded (required on the
   * desktop, in the task that asks, which is not the one that then analyses; read in the browser).
   */
  async coreReady(): Promise<void> {
    await whenAnalysisCore();
  }

  private analyze(key: string, text: string, levels: Readonly<Record<RuleId, CheckLevel>>): Analysis {
    const core = analysisCore();
    let memo = this.memos.get(key);
    if (!memo) {
      memo = new core.AnalysisMemo();
      this.memos.set(key, memo);
    }
    return core.analyzeText(text, this.models.catalog, { memo, levels });
  }

  /** Reads only the front matter of a document too large to analyse: the preview still shows its header. */
  private frontMatterOnly(document: vscode.TextDocument, chars: number, maxChars: number): { analysis: Analysis; oversized: OversizedDocument } {
    const lines: string[] = [];
    for (let i = 0; i < Math.min(document.lineCount, FRONT_MATTER_LINES); i++) lines.push(document.lineAt(i).text);
    const fm = analysisCore().readFrontMatter(lines, lines[0]?.charCodeAt(0) === 0xfeff ? 1 : 0);
    return {
      analysis: { isAnalysis: false, ...(fm.frontMatter && { frontMatter: fm.frontMatter }), headings: [], claims: [], sections: [], metrics: [], findings: [] },
      oversized: { chars, maxChars, isAnalysis: fm.namesPattern },
    };
  }

  dispose(): void {
    this.entries.clear();
    this.memos.clear();
    this.shownAt.clear();
    for (const d of this.disposables) d.dispose();
  }
}

function skippedBy(levels: Readonly<Record<RuleId, CheckLevel>>): RuleId[] {
  return (Object.keys(levels) as RuleId[]).filter((rule) => levels[rule] === 'off');
}
