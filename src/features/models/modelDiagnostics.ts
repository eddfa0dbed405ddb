/**
 * Problems of the analysts' model files in the Problems panel, each at its place in the file
 * (the loader's JSON offsets turned into positions by the core), so a broken model is one click
 * away from its fix.
 */
import * as vscode from 'vscode';
import type { ModelProblem } from '../../model/modelSet';
import { DIAGNOSTIC_SOURCE } from '../convert';

export const MODEL_DIAGNOSTIC_SOURCE = DIAGNOSTIC_SOURCE;
/** The diagnostic code of every model problem: filter the Problems panel by it. */
export const MODEL_DIAGNOSTIC_CODE = 'pattern-model';

export function toDiagnostic(problem: ModelProblem): vscode.Diagnostic {
  const { start, end } = problem.range;
  const range = new vscode.Range(start.line, start.character, end.line, end.character);
  const d = new vscode.Diagnostic(range, problem.message, vscode.DiagnosticSeverity.Error);
  d.source = MODEL_DIAGNOSTIC_SOURCE;
  d.code = MODEL_DIAGNOSTIC_CODE;
  return d;
}

export class ModelDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('pattern-models');

  /** Replaces every model diagnostic: files not listed have none. */
  set(problemsByFile: ReadonlyMap<string, { readonly uri: vscode.Uri; readonly problems: readonly ModelProblem[] }>): void {
    this.collection.clear();
    for (const { uri, problems } of problemsByFile.values()) {
      if (problems.length > 0) this.collection.set(uri, problems.map(toDiagnostic));
    }
  }

  clear(): void {
    this.collection.clear();
  }

  dispose(): void {
    this.collection.dispose();
  }
}
