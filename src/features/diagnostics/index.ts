/**
 * The diagnostics feature: analysis findings in the Problems panel and as squiggles.
 */
import type * as vscode from 'vscode';
import type { Services } from '../services';
import { AnalysisDiagnostics } from './analysisDiagnostics';

export function register(services: Services): vscode.Disposable {
  return new AnalysisDiagnostics(services);
}
