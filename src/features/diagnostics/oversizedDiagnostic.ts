/**
 * The one message an analysis too large to be checked live gets, instead of its findings: how
 * large it is, the limit, and the two ways to check it anyway.
 */
import * as vscode from 'vscode';
import type { OversizedDocument } from '../analysisCache';
import { DIAGNOSTIC_SOURCE } from '../convert';
import { CHARS_PER_MB } from '../settings';

/** The diagnostic's code: not a rule of the core (nothing was analysed), so no rule setting hides it. */
export const OVERSIZED_CODE = 'document-too-large';

/** "10.5 MB", "2 MB", "0.5 MB". */
function megabytes(chars: number): string {
  const mb = chars / CHARS_PER_MB;
  return vscode.l10n.t('{0} MB', Number.isInteger(mb) ? mb : Number(mb.toFixed(mb < 10 ? 2 : 1)));
}

export function oversizedMessage(oversized: OversizedDocument, fileName: string): string {
  return vscode.l10n.t(
    'This document is {0}; Pattern Analyst checks documents up to {1} live, so it has no checks, verdicts or coverage here. Run `pattern-analyst lint {2}` to check it, or raise the setting "patternAnalyst.checks.maxDocumentSizeMB".',
    megabytes(oversized.chars), megabytes(oversized.maxChars), fileName,
  );
}

/** An information diagnostic on the document's first line. */
export function oversizedDiagnostic(oversized: OversizedDocument, document: vscode.TextDocument): vscode.Diagnostic {
  const name = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1) || '<file>';
  const fileName = /^[\w.@+-]+$/.test(name) ? name : `"${name.replace(/"/g, '\\"')}"`;
  const d = new vscode.Diagnostic(document.lineAt(0).range, oversizedMessage(oversized, fileName), vscode.DiagnosticSeverity.Information);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = OVERSIZED_CODE;
  return d;
}
