/**
 * Analysts' own pattern models in a real extension host: model files written into the fixture
 * workspace while this suite runs (and removed after it, so other suites see the bundled model
 * alone) are picked up by the file watcher with no window reload. A second valid model joins the
 * tree and checks the analyses that name it; a broken model gets an error at its place in the
 * Problems panel and loads once fixed on disk; a duplicate id is refused with a clear error; a
 * model's hostile strings stay text in the tree and hover cards. Also New Pattern Model and the
 * schema its `$schema` points at.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PatternAnalystApi } from '../../../src/extension';
import type { ModelReloadReport } from '../../../src/features/models';
import { inertText as inertLinks } from '../../../src/features/inertText';
import { loadPatternModel } from '../../../src/model/modelLoader';
import { SCHEMA_URI } from '../../../src/model/modelSkeleton';
import { activateExtension, closeAllEditors, fixturePath, REPO_ROOT, waitFor } from './helpers';

const SOURCE_DIR = vscode.Uri.file(path.join(REPO_ROOT, 'test', 'fixtures', 'workspace-models'));
const MODELS_DIR = vscode.Uri.file(fixturePath('models'));
const modelUri = (name: string): vscode.Uri => vscode.Uri.joinPath(MODELS_DIR, name);

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

async function removeModelsDir(): Promise<void> {
  try {
    await vscode.workspace.fs.delete(MODELS_DIR, { recursive: true, useTrash: false });
  } catch {
    // not there: nothing to remove
  }
}

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/** The 0-based position of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string): vscode.Position {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" is in the text`);
  const before = text.slice(0, offset).split('\n');
  return new vscode.Position(before.length - 1, before[before.length - 1].length);
}

const modelDiagnostics = (uri: vscode.Uri): vscode.Diagnostic[] =>
  vscode.languages.getDiagnostics(uri).filter((d) => d.code === 'pattern-model');

describe('Workspace pattern models', () => {
  let api: PatternAnalystApi;
  const modelIds = (): string[] => api.services.models.catalog.indexes.map((i) => i.model.id);

  before(async () => {
    api = await activateExtension();
    await removeModelsDir();
    await vscode.workspace.fs.createDirectory(MODELS_DIR);
    for (const name of ['vertical-saas.pattern.json', 'broken.pattern.json', 'hostile.pattern.json']) {
      await vscode.workspace.fs.copy(vscode.Uri.joinPath(SOURCE_DIR, name), modelUri(name), { overwrite: true });
    }
    // The watcher loads them: no command, no window reload.
    await waitFor(() => (modelIds().includes('vertical-saas') && modelIds().includes('hostile-pattern') ? true : undefined), 'the watcher to load the copied models', 10_000);
  });

  after(async () => {
    await closeAllEditors();
    await removeModelsDir();
    // Leave the bundled model alone in the catalog for the suites after this one.
    await waitFor(() => (modelIds().length === 1 ? true : undefined), 'the workspace models to unload after their files were deleted', 10_000);
  });

  afterEach(closeAllEditors);

  it('a second valid model appears in the tree beside the bundled one', () => {
    const roots = api.tree.getChildren().map((n) => api.tree.getTreeItem(n));
    const labels = roots.map(label);
    assert.equal(labels[0], 'AI Infrastructure', 'the bundled model comes first');
    assert.ok(labels.includes('Vertical SaaS'), `tree roots: ${labels.join(' | ')}`);
    const saas = api.tree.getChildren().find((n) => label(api.tree.getTreeItem(n)) === 'Vertical SaaS');
    assert.ok(saas);
    const metrics = api.tree.getChildren(saas).find((n) => label(api.tree.getTreeItem(n)) === 'Key Metrics & Benchmarks');
    assert.ok(metrics);
    assert.deepEqual(api.tree.getChildren(metrics).map((n) => label(api.tree.getTreeItem(n))), ['Net Revenue Retention', 'Gross Margin']);
  });

  it('an analysis naming the second model is checked against its benchmarks', async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: [
        '---', 'pattern: vertical-saas', 'subject: Example Clinic Software', '---', '', '# Example Clinic Software', '',
        '## Key Metrics & Benchmarks', '', '| Metric | Value |', '| --- | --- |', '| Net Revenue Retention | 105% |', '| Gross Margin | 81% |', '',
      ].join('\n'),
    });
    await vscode.window.showTextDocument(doc);
    const analysis = api.services.analyses.get(doc);
    assert.equal(analysis.pattern?.model.id, 'vertical-saas');
    const miss = await waitFor(
      () => vscode.languages.getDiagnostics(doc.uri).find((d) => /Net Revenue Retention/.test(d.message) && /120/.test(d.message)),
      'a benchmark-miss diagnostic for Net Revenue Retention (105% against >120%)',
    );
    assert.equal(miss.range.start.line, 11);
    assert.equal(miss.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(!vscode.languages.getDiagnostics(doc.uri).some((d) => /unknown pattern|no known pattern/i.test(d.message)), 'the pattern is known');
  });

  it('a broken model: an error at its place in the Problems panel; the other models still load', async () => {
    const uri = modelUri('broken.pattern.json');
    const text = await readText(uri);
    const [d] = await waitFor(() => {
      const ds = modelDiagnostics(uri);
      return ds.length > 0 ? ds : undefined;
    }, 'the broken model\'s diagnostic');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(d.source, 'Pattern Analyst');
    assert.equal(d.message, '$.metrics[0].unit: missing required property "kind"');
    // The loader points at the key of the offending value: the first metric's "unit".
    assert.deepEqual(d.range.start, positionOf(text, '"unit"'));
    assert.deepEqual(d.range.end, positionOf(text, '"unit"').translate(0, '"unit"'.length));
    assert.ok(!modelIds().includes('broken-pattern'));
    assert.ok(modelIds().includes('ai-infrastructure') && modelIds().includes('vertical-saas'));
  });

  it('fixing the broken model on disk reloads it, with no window reload', async () => {
    const uri = modelUri('broken.pattern.json');
    const text = await readText(uri);
    await writeText(uri, text.replace('"unit": { "label"', '"unit": { "kind": "percent", "label"'));
    await waitFor(() => (modelIds().includes('broken-pattern') ? true : undefined), 'the fixed model to load', 10_000);
    await waitFor(() => (modelDiagnostics(uri).length === 0 ? true : undefined), 'its diagnostic to clear');
    const labels = api.tree.getChildren().map((n) => label(api.tree.getTreeItem(n)));
    assert.ok(labels.includes('Broken Pattern'), `tree roots: ${labels.join(' | ')}`);
  });

  it('a second model with an id already loaded is refused with a clear error on its "id"', async () => {
    const uri = modelUri('zz-duplicate.pattern.json');
    const text = (await readText(vscode.Uri.joinPath(SOURCE_DIR, 'vertical-saas.pattern.json'))).replace('"name": "Vertical SaaS"', '"name": "Duplicate SaaS"');
    await writeText(uri, text);
    const [d] = await waitFor(() => {
      const ds = modelDiagnostics(uri);
      return ds.length > 0 ? ds : undefined;
    }, 'the duplicate id diagnostic', 10_000);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(d.message, '$.id: duplicate pattern id "vertical-saas": already used by models/vertical-saas.pattern.json, so this model is not loaded; give it an id of its own');
    assert.deepEqual(d.range.start, positionOf(text, '"vertical-saas"'));
    const saas = api.services.models.catalog.find('vertical-saas');
    assert.equal(saas?.model.name, 'Vertical SaaS', 'the first model keeps the id');
    assert.ok(!api.tree.getChildren().some((n) => label(api.tree.getTreeItem(n)) === 'Duplicate SaaS'));
    await vscode.workspace.fs.delete(uri);
    await waitFor(() => (modelDiagnostics(uri).length === 0 ? true : undefined), 'the diagnostic to go with the deleted file', 10_000);
  });

  it('model text quoted in a notification can never become a clickable (command) link', () => {
    // The link syntax VS Code's notifications turn into links (its LinkedText parser).
    const linkPattern = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
    const quoted = '$.id: "[Open terminal](command:workbench.action.terminal.new)" is not valid';
    assert.ok(quoted.match(linkPattern), 'the raw text would be a link');
    assert.equal(inertLinks(quoted).match(linkPattern), null);
    assert.equal(inertLinks(quoted).replace(/\u200b/g, ''), quoted, 'what a reader sees is unchanged');
  });

  it('Reload Pattern Models reloads every model and reports what it loaded', async () => {
    const report = await vscode.commands.executeCommand<ModelReloadReport>('patternAnalyst.reloadModels');
    assert.equal(report.trusted, true);
    assert.deepEqual([...report.loaded].sort(), ['broken-pattern', 'hostile-pattern', 'vertical-saas']);
    assert.ok(report.files.every((f) => f.status === 'ok'), JSON.stringify(report.files.map((f) => [f.origin, f.status])));
  });

  it('a model\'s hostile strings stay text: tree tooltips and hover cards allow no HTML and no other command links', async () => {
    const hostile = api.tree.getChildren().find((n) => n.type === 'entity' && n.entity.kind === 'pattern' && n.index.model.id === 'hostile-pattern');
    assert.ok(hostile);
    const row = api.tree.getTreeItem(hostile);
    assert.match(label(row), /^Hostile <img src=x onerror=alert\('name'\)>/, 'a label is plain text, shown as written');
    const items = [row, ...api.tree.getChildren(hostile).flatMap((n) => [n, ...api.tree.getChildren(n)]).map((n) => api.tree.getTreeItem(n))];
    for (const item of items) {
      const tip = item.tooltip;
      if (tip instanceof vscode.MarkdownString) {
        assert.ok(!tip.isTrusted, `tooltip of "${label(item)}" is not trusted`);
        assert.ok(!tip.supportHtml, `tooltip of "${label(item)}" renders no HTML`);
      }
    }

    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '---\npattern: hostile-pattern\n---\n\nThe Hostile Rate is 40%.\n' });
    await vscode.window.showTextDocument(doc);
    const hovers = await waitFor(async () => {
      const hs = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(4, 8));
      return hs.some((h) => h.contents.some((c) => c instanceof vscode.MarkdownString && /Hostile Rate/.test(c.value))) ? hs : undefined;
    }, 'the hover card of "Hostile Rate"');
    const cards = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString && /Hostile Rate/.test(c.value));
    for (const card of cards) {
      assert.ok(!card.supportHtml, 'the card renders no HTML');
      assert.ok(card.isTrusted !== true, 'the card is not trusted for every command');
      // Escaped (`\<script\>`) is text; an unescaped tag would be markup.
      assert.doesNotMatch(card.value, /(?<!\\)<\/?(script|img|iframe|a |b |u>)/i, `no raw HTML tag from the model reaches the card:\n${card.value}`);
      for (const link of card.value.matchAll(/(?<!\\)\]\(([a-z-]+):([^)\s]*)/gi)) {
        assert.equal(`${link[1]}:${link[2].split('?')[0]}`, 'command:patternAnalyst.showInTree', `only the card's own link is a link: ${link[0]}`);
      }
    }
  });

  it('patternAnalyst.models.paths adds files and folders outside the workspace, and says which paths lead nowhere', async () => {
    const config = vscode.workspace.getConfiguration('patternAnalyst');
    // Relative to the workspace folder: test/fixtures/cli/duplicate-id/patterns holds two models with one id.
    await config.update('models.paths', ['../cli/duplicate-id/patterns', 'no-such-folder'], vscode.ConfigurationTarget.Global);
    try {
      await waitFor(() => (modelIds().includes('marketplace') ? true : undefined), 'the model from models.paths to load', 10_000);
      const report = await vscode.commands.executeCommand<ModelReloadReport>('patternAnalyst.reloadModels');
      assert.deepEqual(report.pathProblems, ['"no-such-folder" was not found']);
      const second = report.files.find((f) => f.origin.endsWith('duplicate-id/patterns/b-second.pattern.json'));
      assert.equal(second?.status, 'duplicate-id');
      assert.equal(api.services.models.catalog.find('marketplace')?.model.name, 'Marketplace', 'the first file (in path order) keeps the id');
      const secondUri = vscode.Uri.file(path.join(REPO_ROOT, 'test', 'fixtures', 'cli', 'duplicate-id', 'patterns', 'b-second.pattern.json'));
      assert.match(modelDiagnostics(secondUri)[0]?.message ?? '', /duplicate pattern id "marketplace": already used by .*a-first\.pattern\.json/);
    } finally {
      await config.update('models.paths', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => (!modelIds().includes('marketplace') ? true : undefined), 'the models.paths model to unload when the setting is cleared', 10_000);
  });

  it('New Pattern Model opens a valid skeleton in an untitled JSON editor, with an id not already loaded and a $schema the extension serves', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('patternAnalyst.newPatternModel', { name: 'Vertical SaaS', target: 'untitled' });
    assert.ok(uri, 'the command returns the new document');
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    assert.ok(doc);
    assert.equal(doc.uri.scheme, 'untitled');
    assert.equal(doc.languageId, 'json');
    assert.equal(vscode.window.activeTextEditor?.document, doc, 'it is shown');
    const loaded = loadPatternModel(doc.getText());
    assert.deepEqual(loaded.errors, []);
    assert.equal(loaded.model?.id, 'vertical-saas-2');
    assert.equal((JSON.parse(doc.getText()) as { $schema: string }).$schema, SCHEMA_URI);
    // What VS Code's JSON support fetches for that $schema: the extension's pattern-model schema.
    const schema = await vscode.workspace.openTextDocument(vscode.Uri.parse(SCHEMA_URI));
    const parsed = JSON.parse(schema.getText()) as { title: string; properties: Record<string, unknown> };
    assert.equal(parsed.title, 'Pattern Analyst pattern model');
    assert.ok(parsed.properties.metrics && parsed.properties.sections);
    // And VS Code's JSON support uses it: completion offers the schema's properties the skeleton leaves out.
    const offered = await waitFor(async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(1, 2));
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      return labels.includes('family') ? labels : undefined;
    }, 'schema completion ("family") in the new model', 20_000);
    assert.ok(offered.includes('marketSize'), offered.join(', '));
  });

  it('New Pattern Model saves a named file, never over an existing one, and the watcher loads it', async () => {
    const uri = modelUri('scaffolded.json');
    const created = await vscode.commands.executeCommand<vscode.Uri>('patternAnalyst.newPatternModel', { name: 'Scaffolded Pattern', target: uri });
    assert.equal(created?.path, modelUri('scaffolded.pattern.json').path, 'saved as *.pattern.json so it is loaded');
    await waitFor(() => (modelIds().includes('scaffolded-pattern') ? true : undefined), 'the scaffolded model to load', 10_000);
    const before = await readText(created);
    const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('patternAnalyst.newPatternModel', { name: 'Other Name', target: created });
    assert.equal(again, undefined, 'refused');
    assert.equal(await readText(created), before, 'the existing file is untouched');
  });
});
