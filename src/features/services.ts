/**
 * What every feature's `register()` receives: the models, the per-document analysis cache, a
 * settings getter and what the portfolio's workspace index knows. Injected, never reached for, so
 * features stay testable and share one parse.
 */
import type * as vscode from 'vscode';
import type { IndexEntry, ScorecardHistory } from '../portfolio/types';
import type { ModelStore } from './modelStore';
import type { AnalysisCache } from './analysisCache';
import type { Settings } from './settings';
import type { TeamConfigStore } from './teamConfig/teamConfigStore';

/** The workspace index as other features may use it: only once built, never building it. */
export interface PortfolioReader {
  /** Every indexed analysis, or undefined while no portfolio surface has built the index. */
  readyEntries(): readonly IndexEntry[] | undefined;
  /** The subject's earlier periods per metric for the analysis at `uri` (the scorecard's sparklines); undefined before the index is built or without any. */
  history(uri: string): ScorecardHistory | undefined;
  /** "72% in Q3 2026, from 75% in Q2 2026 and 78% in Q1 2026" for a metric of the analysis at `uri`; undefined without earlier periods. */
  historySentence(uri: string, metricId: string, valueText: string): string | undefined;
  /** Fires when indexed analyses change. */
  readonly onDidChange: vscode.Event<void>;
}

export interface Services {
  readonly models: ModelStore;
  readonly analyses: AnalysisCache;
  readonly settings: () => Settings;
  readonly portfolio: PortfolioReader;
  /** The team's `.pattern-analyst.jsonc` for each document (wins over the settings). */
  readonly configs: TeamConfigStore;
}
