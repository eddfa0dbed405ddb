/**
 * Authoring with several pattern models loaded: an analysis reads names against the model its
 * front matter names; other documents show a card for every model that has the name; New
 * Analysis can target any loaded model. A second model is put beside the bundled one for the
 * duration of the suite (through the model store, as workspace models are) and removed after.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PatternAnalystApi } from '../../../src/extension';
import { bundledIndex } from '../../../src/model/bundledModel';
import type { CatalogEntry } from '../../../src/model/patternCatalog';
import { PatternIndex } from '../../../src/model/patternIndex';
import type { PatternModel } from '../../../src/model/types';
import { activateExtension, closeAllEditors, fixturePath, waitFor } from './helpers';
import { completionsAt, hoversAt, itemLabel, positionOf } from './authoringHelpers';

/** A second pattern that also lists CoreWeave (with its own note), and a metric of its own. */
function neoCloudModel(): PatternModel {
  const base = bundledIndex().model;
  return {
    ...base,
    id: 'gpu-neocloud',
    number: 42,
    name: 'GPU Neocloud',
    title: 'GPU Neocloud Business Model',
    aliases: [],
    metrics: [{ ...base.metrics[0], id: 'fleet-payback-months', name: 'Fleet Payback Months', benchmarkText: '<30 months per GPU generation', benchmark: undefined, aliases: [] }],
    companies: [{ id: 'coreweave', name: 'CoreWeave', note: 'Neocloud test note: reserved capacity on multi-year contracts', aliases: [] }],
  };
}

describe('Authoring: several models', () => {
  let api: PatternAnalystApi;
  let previous: CatalogEntry[];

  before(async () => {
    api = await activateExtension();
    // Let the workspace's own model scan (started at activation) finish first, or it would replace ours.
    await vscode.commands.executeCommand('patternAnalyst.reloadModels');
    previous = api.services.models.catalog.entries.filter((e) => !e.bundled);
    const refused = api.services.models.setWorkspaceModels([...previous, { index: new PatternIndex(neoCloudModel()), origin: 'integration test', bundled: false }]);
    assert.deepEqual(refused, []);
  });
  after(async () => {
    api.services.models.setWorkspaceModels(previous);
    await closeAllEditors();
  });
  afterEach(closeAllEditors);

  it('outside analyses a name shows one card per model that has it', async () => {
    const doc = await vscode.workspace.openTextDocument(fixturePath('authoring/plain-notes.md'));
    await vscode.window.showTextDocument(doc);
    const { read } = await hoversAt(doc, positionOf(doc, 'Coreweave grew', 2));
    assert.match(read, /CoreWeave — company in AI Infrastructure \(Pattern #17\)/);
    assert.match(read, /GPU-specialized cloud, fastest-growing AI infrastructure/);
    assert.match(read, /CoreWeave — company in GPU Neocloud \(Pattern #42\)/);
    assert.match(read, /Neocloud test note: reserved capacity on multi-year contracts/);
    // The bundled model's card comes first.
    assert.ok(read.indexOf('AI Infrastructure (Pattern #17)') < read.indexOf('GPU Neocloud (Pattern #42)'));
  });

  it('in an analysis only the named model speaks', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '---\npattern: gpu-neocloud\nsubject: CoreWeave\n---\n\nCoreWeave pays back its fleet in 28 months.\n' });
    await vscode.window.showTextDocument(doc);
    await waitFor(() => (api.services.analyses.get(doc).pattern?.model.id === 'gpu-neocloud' ? true : undefined), 'the analysis to name the second model');
    const { read } = await hoversAt(doc, positionOf(doc, 'CoreWeave pays', 2));
    assert.match(read, /Neocloud test note/);
    assert.doesNotMatch(read, /GPU-specialized cloud/);
    const items = (await completionsAt(doc, new vscode.Position(5, 3))).filter((i) => i.kind !== vscode.CompletionItemKind.Text).map(itemLabel);
    assert.ok(items.includes('Fleet Payback Months'), items.join(', '));
    assert.ok(!items.includes('GPU Utilization Rate'), 'the bundled model\'s metrics are not offered');
  });

  it('New Analysis writes the chosen model\'s scaffold', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('patternAnalyst.newAnalysis', { subject: 'CoreWeave', pattern: 'gpu-neocloud' });
    assert.ok(uri);
    const doc = await waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.getText().includes('| Fleet Payback Months |')), 'the new analysis');
    assert.match(doc.getText(), /^pattern: gpu-neocloud$/m);
    assert.match(doc.getText(), /^\| Fleet Payback Months \| value \| <30 months per GPU generation \| source \|$/m);
    assert.doesNotMatch(doc.getText(), /GPU Utilization Rate/);
  });
});
