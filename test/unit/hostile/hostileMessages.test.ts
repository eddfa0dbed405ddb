/**
 * Every message, quick pick and label text that carries user or workspace text is built by
 * userMessages and cannot turn that text into a command link (VS Code's notifications parse
 * `[label](command:…)`, its LinkedText syntax) or an icon (`$(name)` in status bar texts and quick
 * picks), while a reader sees exactly the text (only zero-width spaces are added).
 */
import * as assert from 'node:assert/strict';
import { inertText } from '../../../src/features/inertText';
import { userMessages } from '../../../src/features/userMessages';

/** The link syntax VS Code's notifications turn into links (its LinkedText parser). */
const LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
/** Codicon syntax in labels. */
const ICON = /\$\([A-Za-z0-9~-]+\)/g;

const HOSTILE = [
  'Q3 [Open report](command:workbench.extensions.installExtension?%5B%22x.y%22%5D).html',
  '[run](command:workbench.action.terminal.new)',
  '[site](https://evil.example "title") and [f](file:///etc/passwd)',
  '$(warning) $(loading~spin) Fake status',
  'plain name.md',
];

const builders: Record<string, (text: string) => string> = {
  exported: (t) => userMessages.exported(`reports/${t}`),
  exportCannotOpen: (t) => userMessages.exportCannotOpen(`file:///w/${t}`, new Error(`EACCES ${t}`)),
  exportReplaceQuestion: (t) => userMessages.exportReplaceQuestion(t),
  noModelCalled: (t) => userMessages.noModelCalled(t, `ai-infrastructure, ${t}`),
  modelCreateFailed: (t) => userMessages.modelCreateFailed(new Error(t)),
  modelsLoadFailed: (t) => userMessages.modelsLoadFailed(t),
  modelFileExists: (t) => userMessages.modelFileExists(t),
  savedAsNonModel: (t) => userMessages.savedAsNonModel(t, '.pattern.json'),
  openSourceFailed: (t) => userMessages.openSourceFailed(new Error(t)),
  openLinkFailed: (t) => userMessages.openLinkFailed(new Error(t)),
  rendererLoadFailed: (t) => userMessages.rendererLoadFailed(new Error(`fetch ${t}`)),
  analysisCoreLoadFailed: (t) => userMessages.analysisCoreLoadFailed(new Error(`dist/web/analysis.js: ${t}`)),
  portfolioLoadFailed: (t) => userMessages.portfolioLoadFailed(new Error(`dist/web/portfolio.js: ${t}`)),
  noModelWithId: (t) => userMessages.noModelWithId(t),
  label: (t) => userMessages.label(t),
};

describe('hostile text in notifications, quick picks, status bar and tree labels', () => {
  it('every message userMessages builds is checked below', () => {
    assert.deepEqual(Object.keys(userMessages).sort(), Object.keys(builders).sort());
  });

  for (const [name, build] of Object.entries(builders)) {
    it(`${name}: no command link, no icon, the same text for a reader`, () => {
      for (const text of HOSTILE) {
        const raw = build(text).replace(/\u200b/g, '');
        const message = build(text);
        if (text !== 'plain name.md') assert.ok(raw.match(LINK) || raw.match(ICON), `the raw text of ${name} would be markup: ${raw}`);
        assert.equal(message.match(LINK), null, message);
        assert.equal(message.match(ICON), null, message);
        assert.ok(message.includes(inertText(text)) || name.startsWith('exportCannotOpen'), message);
        assert.equal(message.replace(/\u200b/g, ''), raw);
      }
    });
  }

  it('the review\'s export notification names the file and holds no link', () => {
    const message = userMessages.exported('Q3 [Open report](command:workbench.extensions.installExtension?%5B%22x.y%22%5D).html');
    assert.match(message, /^Pattern Analyst: exported Q3 \[Open report\]\u200b\(command:/);
    assert.equal(message.match(LINK), null);
  });

  it('leaves ordinary text alone', () => {
    for (const text of ['AI Infrastructure', 'Key Metrics & Benchmarks', 'cost (USD) [est.]', 'price $ (approx)']) assert.equal(inertText(text).replace(/\u200b/g, ''), text);
    assert.equal(inertText('AI Infrastructure'), 'AI Infrastructure');
  });
});
