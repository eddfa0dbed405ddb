/**
 * Localization in the real extension host: the runner opens a copy of the built extension whose
 * l10n folder holds a pseudo-locale bundle (made from the generated bundle.l10n.json) in a host
 * whose display language is that locale. What the extension shows must come from that file:
 * quick fix titles and tree labels (vscode.l10n.t), the Analyses view's verdict counts (the pure
 * helpers' @vscode/l10n, handed the bundle at activation), and a hostile translation must
 * still reach the notification inert.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, EXTENSION_ID, fixturePath, waitFor } from '../suite/helpers';
import { HOSTILE_KEY, HOSTILE_PREFIX, LOCALE, LOCALE_BUNDLE } from './localeRun';

/** The translations the extension was given, read from the extension's own folder. */
function bundle(): Record<string, string> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext);
  return JSON.parse(readFileSync(path.join(ext.extensionPath, 'l10n', LOCALE_BUNDLE), 'utf8')) as Record<string, string>;
}

function format(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (all, i: string) => (args[Number(i)] === undefined ? all : String(args[Number(i)])));
}

describe('l10n: the extension speaks the display language from its bundle file', () => {
  let translated: Record<string, string>;
  before(() => {
    translated = bundle();
  });

  it(`the host runs in ${LOCALE} and the extension has its translations`, async () => {
    assert.equal(vscode.env.language, LOCALE, 'the host did not switch language (see CodeServerOptions.locale)');
    await activateExtension();
    assert.notEqual(translated['Acknowledge on this line ({0})'], 'Acknowledge on this line ({0})', 'the pseudo bundle differs from English');
  });

  it('a quick fix title comes from the bundle, with its placeholder filled', async () => {
    const doc = await vscode.workspace.openTextDocument(fixturePath('lambda-labs-ai-infrastructure.md'));
    await vscode.window.showTextDocument(doc);
    const miss = await waitFor(() => vscode.languages.getDiagnostics(doc.uri).find((d) => d.code === 'benchmark-miss'), 'the benchmark miss', 15_000);
    // A diagnostic of an earlier check offers nothing (by design): ask until the current one answers.
    const titles = await waitFor(async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, miss.range, vscode.CodeActionKind.QuickFix.value);
      return actions.length > 0 ? actions.map((a) => a.title) : undefined;
    }, 'the quick fixes of the miss', 15_000);
    assert.ok(titles.includes(format(translated['Acknowledge on this line ({0})'], 'benchmark-miss')), titles.join(' | '));
    assert.ok(!titles.includes('Acknowledge on this line (benchmark-miss)'), `the English title is gone: ${titles.join(' | ')}`);
    await closeAllEditors();
  });

  it('tree labels come from the bundle', async () => {
    const api = await activateExtension();
    const labels: string[] = [];
    const walk = (nodes: ReturnType<typeof api.tree.getChildren>): void => {
      for (const node of nodes) {
        const label = api.tree.getTreeItem(node).label;
        labels.push(typeof label === 'string' ? label : label?.label ?? '');
        walk(api.tree.getChildren(node));
      }
    };
    walk(api.tree.getChildren());
    assert.ok(labels.includes(translated.Strengths) && labels.includes(translated.Weaknesses), labels.slice(0, 12).join(' | '));
    assert.ok(!labels.includes('Strengths'));
  });

  it('the verdict counts of the Analyses view (the pure helpers\' @vscode/l10n) come from the same bundle', async () => {
    const api = await activateExtension();
    const feature = await api.portfolio.load();
    await feature.index.whenReady();
    const patterns = feature.tree.getChildren();
    assert.ok(patterns.length > 0, 'the fixture workspace has analyses');
    const description = String(feature.tree.getTreeItem(patterns[0]).description ?? '');
    const parts = description.split(' · ');
    const count = parts.pop() ?? '';
    const counted = (key: string): RegExp => new RegExp(`^${translated[key].replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace('{0}', '\\d+')}$`);
    assert.ok(counted('{0} analyses').test(count) || count === translated['1 analysis'], `count: ${count}`);
    const verdicts = ['{0} impossible', '{0} wrong unit', '{0} misses', '{0} borderline', '{0} meets', '{0} no benchmark'].map(counted);
    assert.ok(parts.length > 0 && parts.every((p) => verdicts.some((v) => v.test(p))), `verdicts: ${description}`);
  });

  it('a hostile translation reaches the notification without a command link or an icon', async () => {
    const api = await activateExtension();
    await closeAllEditors();
    const messages: string[] = [];
    api.pdf.pdfTestHooks.onMessage = (_kind, text) => messages.push(text);
    try {
      await vscode.commands.executeCommand('patternAnalyst.exportPdf');
    } finally {
      api.pdf.pdfTestHooks.onMessage = undefined;
    }
    assert.equal(messages.length, 1, messages.join(' | '));
    const [message] = messages;
    assert.ok(translated[HOSTILE_KEY].startsWith(HOSTILE_PREFIX));
    // A reader sees the translation's words; VS Code finds neither link nor icon syntax in them.
    assert.equal(message.replace(/\u200b/g, ''), translated[HOSTILE_KEY]);
    assert.doesNotMatch(message, /\]\(command:/);
    assert.doesNotMatch(message, /\$\(alert\)/);
  });
});
