/**
 * What every feature's `register()` receives: the models, the per-document analysis cache and a
 * settings getter. Injected, never reached for, so features stay testable and share one parse.
 */
import type { ModelStore } from './modelStore';
import type { AnalysisCache } from './analysisCache';
import type { Settings } from './settings';

export interface Services {
  readonly models: ModelStore;
  readonly analyses: AnalysisCache;
  readonly settings: () => Settings;
}
