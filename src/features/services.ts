/**
 * What every feature's `register()` receives: the models, the per-document analysis cache and a
 * settings getter. Injected, never reached for, so features stay testable and share one parse.
 */
import type { ModelStore } from './modelStore';
import type { AnalysisCache } from './analysisCache';
import type { Settings } from './settings';
import type { TeamConfigStore } from './teamConfig/teamConfigStore';

export interface Services {
  readonly models: ModelStore;
  readonly analyses: AnalysisCache;
  readonly settings: () => Settings;
  /** The team's `.pattern-analyst.jsonc` for each document (wins over the settings). */
  readonly configs: TeamConfigStore;
}
