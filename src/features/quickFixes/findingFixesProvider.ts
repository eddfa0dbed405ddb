/**
 * Quick fixes for Pattern Analyst diagnostics: each fix the core attached to a finding becomes a
 * code action whose WorkspaceEdit holds all of the fix's edits, so applying it is one undo step.
 * Nothing here edits a document; the editor applies an action only when the user picks it.
 */
import * as vscode from 'vscode';
import type { Finding } from '../../analysis/types';
import { DIAGNOSTIC_SOURCE, toRange } from '../convert';
import { analysisCore, whenAnalysisCore } from '../core';
import type { Services } from '../services';

export class FindingFixesProvider implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly services: Services) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return [];
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
    // Acknowledging is offered only where inline suppressions count (the team's file wins over the setting).
    const team = await this.services.configs.forDocument(document.uri);
    await whenAnalysisCore();
    const inline = team.config.inlineSuppressions ?? this.services.settings().inlineSuppressions;
    const analysis = this.services.analyses.get(document);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      // Diagnostics are copies: find the finding again by rule and place. A stale diagnostic
      // (the text moved since) matches nothing and offers nothing, rather than a wrong edit.
      const finding = analysis.findings.find((f) => sameFinding(f, diagnostic)) ?? analysis.suppressed?.find((f) => sameFinding(f, diagnostic));
      if (!finding) continue;
      for (const fix of finding.fixes) {
        if (fix.edits.length === 0) continue;
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.preferred === true;
        const edit = new vscode.WorkspaceEdit();
        for (const e of fix.edits) edit.replace(document.uri, toRange(e.range), e.newText);
        action.edit = edit;
        actions.push(action);
      }
      const acknowledge = inline ? this.acknowledgeAction(document, finding, analysis.frontMatter ? analysis.frontMatter.range.end.line + 1 : 0) : undefined;
      if (acknowledge) {
        acknowledge.diagnostics = [diagnostic];
        actions.push(acknowledge);
      }
    }
    return actions;
  }

  /** "Acknowledge on this line": one inserted suppression comment, one undo step. */
  private acknowledgeAction(document: vscode.TextDocument, finding: Finding, bodyStart: number): vscode.CodeAction | undefined {
    const line = finding.range.start.line;
    if (line >= document.lineCount) return undefined;
    const edit = analysisCore().acknowledgeEdit(finding, document.lineAt(line).text, bodyStart, document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n');
    if (!edit) return undefined;
    const title = line < bodyStart ? vscode.l10n.t('Acknowledge in this file ({0})', finding.rule) : vscode.l10n.t('Acknowledge on this line ({0})', finding.rule);
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.insert(document.uri, toRange(edit.range).start, edit.newText);
    action.edit = workspaceEdit;
    return action;
  }
}

function sameFinding(finding: Finding, diagnostic: vscode.Diagnostic): boolean {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return code === finding.rule && toRange(finding.range).isEqual(diagnostic.range) && diagnostic.message === finding.message;
}
