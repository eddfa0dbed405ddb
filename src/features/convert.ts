/**
 * The small adapters from the core's plain positions and findings to VS Code types. The core
 * already speaks 0-based lines and UTF-16 columns, so these only copy numbers.
 */
import * as vscode from 'vscode';
import type { Finding, Severity, TextRange } from '../analysis/types';

// not-for-translation: the product's name, which the Problems panel shows and filters by.
export const DIAGNOSTIC_SOURCE = 'Pattern Analyst';

export function toRange(r: TextRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

const SEVERITY: Readonly<Record<Severity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** A finding as a diagnostic; `code` carries the rule id, so quick fixes can find the finding again. */
export function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(finding.range), finding.message, SEVERITY[finding.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = finding.rule;
  return d;
}
