/**
 * Checks while writing an analysis, in a real VS Code: diagnostics that follow the text (appear
 * when a value misses its benchmark, disappear when it is fixed), obey the settings, stay off
 * non-analyses, and quick fixes that apply as one edit and go away with a single undo.
 * Every edit is made on an untitled copy of a fixture, so the fixture files never change.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, fixturePath, waitFor } from './helpers';
import { codeOf, ours, positionOf, untitledCopy } from './authoringHelpers';

/** Diagnostics land after a debounce on a busy machine: poll, with a generous deadline. */
const DEADLINE = 10_000;

async function replace(doc: vscode.TextDocument, needle: string, text: string): Promise<void> {
  const start = positionOf(doc, needle, 0);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(start, start.translate(0, needle.length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

function onLine(doc: vscode.TextDocument, needle: string, rule: string): vscode.Diagnostic | undefined {
  const line = positionOf(doc, needle, 0).line;
  return ours(doc.uri).find((d) => codeOf(d) === rule && d.range.start.line === line);
}

describe('Authoring: diagnostics', () => {
  before(activateExtension);
  afterEach(async () => {
    await vscode.workspace.getConfiguration('patternAnalyst').update('checks.benchmarkMiss', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  it('a value that misses its benchmark is flagged, and the flag goes when the value is fixed', async () => {
    const doc = await untitledCopy('authoring/coreweave-scorecard.md');
    await vscode.window.showTextDocument(doc);
    const miss = await waitFor(() => onLine(doc, '| GPU Utilization Rate | 72%', 'benchmark-miss'), 'the benchmark-miss diagnostic', DEADLINE);
    assert.equal(miss.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(miss.source, 'Pattern Analyst');
    assert.match(miss.message, /72%/);
    assert.match(miss.message, />80% target for profitability/);
    // Values that meet their benchmark are not flagged.
    assert.equal(onLine(doc, '| Customer Retention | 97%', 'benchmark-miss'), undefined);

    await replace(doc, '| 72% |', '| 85% |');
    await waitFor(() => (onLine(doc, '| GPU Utilization Rate | 85%', 'benchmark-miss') ? undefined : true), 'the diagnostic to go after the fix', DEADLINE);
    await replace(doc, '| 85% |', '| 140% |');
    const impossible = await waitFor(() => onLine(doc, '| GPU Utilization Rate | 140%', 'impossible-value'), 'the impossible-value diagnostic', DEADLINE);
    assert.match(impossible.message, /140%/);
  });

  it('the settings set each rule\'s severity, and off removes it', async () => {
    const doc = await untitledCopy('authoring/coreweave-scorecard.md');
    await vscode.window.showTextDocument(doc);
    await waitFor(() => onLine(doc, '| GPU Utilization Rate | 72%', 'benchmark-miss'), 'the benchmark-miss diagnostic', DEADLINE);
    const config = vscode.workspace.getConfiguration('patternAnalyst');
    await config.update('checks.benchmarkMiss', 'error', vscode.ConfigurationTarget.Global);
    await waitFor(() => (onLine(doc, '| GPU Utilization Rate | 72%', 'benchmark-miss')?.severity === vscode.DiagnosticSeverity.Error ? true : undefined), 'severity error', DEADLINE);
    await config.update('checks.benchmarkMiss', 'off', vscode.ConfigurationTarget.Global);
    await waitFor(() => (ours(doc.uri).some((d) => codeOf(d) === 'benchmark-miss') ? undefined : true), 'benchmark-miss to be off', DEADLINE);
    // Other rules still report.
    assert.ok(ours(doc.uri).some((d) => codeOf(d) === 'missing-section'));
  });

  it('documents that are not analyses get no diagnostics, and closing an analysis clears its own', async () => {
    const analysis = await untitledCopy('authoring/coreweave-scorecard.md');
    const notes = await vscode.workspace.openTextDocument(fixturePath('authoring/plain-notes.md'));
    await vscode.window.showTextDocument(notes);
    await vscode.window.showTextDocument(analysis);
    // Once the analysis has its diagnostics the checker has run over every open document.
    await waitFor(() => (ours(analysis.uri).length > 0 ? true : undefined), 'diagnostics on the analysis', DEADLINE);
    assert.deepEqual(ours(notes.uri), []);
    await closeAllEditors();
    await waitFor(() => (ours(analysis.uri).length === 0 ? true : undefined), 'diagnostics to be cleared on close', DEADLINE);
  });
});

describe('Authoring: quick fixes', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  /** The quick fixes the light bulb offers at a diagnostic (the command does not carry `diagnostics` back: match by title). */
  async function fixesAt(doc: vscode.TextDocument, diagnostic: vscode.Diagnostic, title: RegExp): Promise<vscode.CodeAction[]> {
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    return actions.filter((a) => title.test(a.title));
  }

  it('a missing section gets a fix that inserts its heading; applying it is one edit, one undo takes it back', async () => {
    const doc = await untitledCopy('authoring/coreweave-scorecard.md');
    const editor = await vscode.window.showTextDocument(doc);
    const original = doc.getText();
    const missing = await waitFor(() => ours(doc.uri).find((d) => codeOf(d) === 'missing-section' && /Business Engineer Insight/.test(d.message)), 'the missing-section diagnostic', DEADLINE);
    const actions = await fixesAt(doc, missing, /Business Engineer Insight/);
    assert.equal(actions.length, 1, 'one fix is offered');
    const fix = actions[0];
    assert.ok(fix.isPreferred);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.ok(fix.edit);
    // Offering the fix changed nothing.
    assert.equal(doc.getText(), original);

    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.getText(), /^## Business Engineer Insight$/m);
    await waitFor(() => (ours(doc.uri).some((d) => codeOf(d) === 'missing-section' && /Business Engineer Insight/.test(d.message)) ? undefined : true), 'the diagnostic to go', DEADLINE);

    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => (doc.getText() === original ? true : undefined), 'one undo to restore the text');
  });

  it('a misspelt metric name gets the canonical name as the preferred fix', async () => {
    const doc = await untitledCopy('authoring/coreweave-scorecard.md');
    await vscode.window.showTextDocument(doc);
    await replace(doc, '| GPU Utilization Rate |', '| GPU Utilisation Rat |');
    const nearMiss = await waitFor(() => onLine(doc, '| GPU Utilisation Rat |', 'near-miss-name'), 'the near-miss-name diagnostic', DEADLINE);
    assert.equal(doc.getText(nearMiss.range), 'GPU Utilisation Rat');
    const actions = await fixesAt(doc, nearMiss, /GPU Utilization Rate/);
    const preferred = actions.find((a) => a.isPreferred);
    assert.ok(preferred?.edit, `a preferred fix among ${actions.map((a) => a.title).join(', ')}`);
    const before = doc.getText();
    assert.ok(await vscode.workspace.applyEdit(preferred.edit));
    assert.equal(doc.getText(), before.replace('| GPU Utilisation Rat |', '| GPU Utilization Rate |'));
    await waitFor(() => (ours(doc.uri).some((d) => codeOf(d) === 'near-miss-name') ? undefined : true), 'the near-miss diagnostic to go', DEADLINE);
    // The table row reads as a claim again: the value is judged against the benchmark.
    await waitFor(() => onLine(doc, '| GPU Utilization Rate | 72%', 'benchmark-miss'), 'the benchmark-miss diagnostic on the fixed row', DEADLINE);
  });

  it('an unknown pattern in front matter offers the closest known pattern', async () => {
    const doc = await untitledCopy('authoring/coreweave-scorecard.md');
    await vscode.window.showTextDocument(doc);
    await replace(doc, 'pattern: ai-infrastructure', 'pattern: ai-infrastructur');
    const unknown = await waitFor(() => ours(doc.uri).find((d) => codeOf(d) === 'unknown-pattern'), 'the unknown-pattern diagnostic', DEADLINE);
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Error);
    const [fix] = await fixesAt(doc, unknown, /ai-infrastructure/);
    assert.ok(fix?.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.getText(), /^pattern: ai-infrastructure$/m);
    await waitFor(() => (ours(doc.uri).some((d) => codeOf(d) === 'unknown-pattern') ? undefined : true), 'the unknown-pattern diagnostic to go', DEADLINE);
  });
});
