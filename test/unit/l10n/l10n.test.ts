/**
 * Runtime strings are localizable the VS Code way: the build exports every `l10n.t` message of
 * src/ into l10n/bundle.l10n.json (`npm run l10n`, part of `npm run build`), no user-visible prose
 * in src/features bypasses l10n, and a translation, however hostile, cannot turn a message into a
 * command link or an icon. That a translation file is used in the real extension host is the
 * integration tier's l10n suite.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { getL10nJson } from '@vscode/l10n-dev';
import { userMessages } from '../../../src/features/userMessages';
import { verdictSummary } from '../../../src/features/portfolio/verdictSummary';
import { untranslatedText } from '../../support/untranslatedText';

const ROOT = path.resolve(__dirname, '../../../..');

function sourceFiles(dir: string): string[] {
  return (readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => path.join(dir, f));
}

const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

describe('l10n: the generated bundle', () => {
  it('holds exactly the messages of every l10n.t call in src/ (the build\'s export is current)', async function () {
    this.timeout(60_000);
    const fresh = await getL10nJson(sourceFiles('src').map((f) => ({ extension: '.ts', contents: read(f) })));
    const built = JSON.parse(read('l10n/bundle.l10n.json')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(built).sort(), Object.keys(fresh).sort(), 'l10n/bundle.l10n.json is stale: run npm run build (or npm run l10n)');
    assert.deepEqual(built, fresh);
    // Messages the user sees from each kind of place: a sanity check that the export found the calls.
    for (const message of ['Pattern Analyst: exported {0}', 'Acknowledge on this line ({0})', 'Copied to the clipboard', '{0} misses', 'Publication style']) {
      assert.ok(message in built, `${message} is missing`);
    }
  });

  it('every l10n.t call passes its message as a literal, so the export can see it', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles('src')) {
      read(file).split('\n').forEach((line, i) => {
        // A call whose first argument is not a string literal or a { message } object.
        if (/\bl10n\.t\(\s*(?!['"{]|$)/.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    assert.deepEqual(offenders, []);
  });

  it('no translation file holds a message the source no longer has, or lacks a placeholder', () => {
    const bundle = JSON.parse(read('l10n/bundle.l10n.json')) as Record<string, string | { message: string }>;
    const translations = readdirSync(path.join(ROOT, 'l10n')).filter((f) => /^bundle\.l10n\..+\.json$/.test(f));
    for (const file of translations) {
      const translated = JSON.parse(read(path.join('l10n', file))) as Record<string, string>;
      for (const [key, text] of Object.entries(translated)) {
        assert.ok(key in bundle, `${file}: "${key}" is not a message of the source`);
        const placeholders = (s: string): string[] => (s.match(/\{[^}]+\}/g) ?? []).sort();
        const source = bundle[key];
        assert.deepEqual(placeholders(text), placeholders(typeof source === 'string' ? source : source.message), `${file}: "${key}"`);
      }
    }
  });
});

describe('l10n: no user-visible prose in src/features bypasses it', () => {
  it('src/features and src/extension.ts', () => {
    const found = [...sourceFiles('src/features'), 'src/extension.ts'].flatMap((f) => untranslatedText(f, read(f)).map((u) => `${f}:${u.line}: ${u.text}`));
    assert.deepEqual(found, []);
  });

  it('the lint finds what it is for, and leaves markup, ids and marked exceptions alone', () => {
    const code = [
      "void vscode.window.showInformationMessage('Pattern Analyst: open a markdown analysis first.');",
      'item.tooltip = `${count} analyses of ${name}`;',
      "const ok = vscode.l10n.t('Copied to the clipboard');",
      "const named = l10n.t({ message: 'Hello {name} there', args: { name }, comment: ['a name'] });",
      "const html = `<button type=\"button\" id=\"pa-x\" title=\"${attr(t)}\">${esc(label)}</button>`;",
      "void vscode.commands.executeCommand('workbench.action.openSettings', 'patternAnalyst.pdf.browserPath');",
      "// not-for-translation: a product name.\nconst SOURCE = 'Pattern Analyst';",
      "import { x } from 'some module';",
    ].join('\n');
    assert.deepEqual(untranslatedText('sample.ts', code).map((u) => u.line), [1, 2]);
  });
});

describe('l10n: translations cannot inject', () => {
  afterEach(() => l10n.config({ contents: {} }));

  const LINK = /\[[^\]]+\]\((?:https?:\/\/|command:|file:)[^)\s]+\)/i;
  const ICON = /\$\([A-Za-z0-9~-]+\)/;

  it('a translated template is used, and the name in it stays inert too', () => {
    l10n.config({ contents: { 'Pattern Analyst: exported {0}': 'Pattern Analyst : {0} exporté' } });
    assert.equal(userMessages.exported('Q3.html'), 'Pattern Analyst : Q3.html exporté');
    assert.equal(userMessages.exported('Q3 [x](command:evil).html'), 'Pattern Analyst : Q3 [x]\u200b(command:evil).html exporté');
  });

  it('a hostile translation gets neither a command link nor an icon into a notification', () => {
    l10n.config({
      contents: {
        'Pattern Analyst: exported {0}': '[Open it](command:workbench.action.terminal.new) $(warning) {0}',
        'Pattern Analyst: no pattern model with id "{0}" is loaded.': '[x](https://evil.example) {0}',
      },
    });
    for (const message of [userMessages.exported('a.html'), userMessages.noModelWithId('m')]) {
      assert.doesNotMatch(message, LINK, message);
      assert.doesNotMatch(message, ICON, message);
    }
    // A reader still sees the translation's words.
    assert.equal(userMessages.exported('a.html').replace(/\u200b/g, ''), '[Open it](command:workbench.action.terminal.new) $(warning) a.html');
  });

  it('pure helpers of src/features translate through the same bundle', () => {
    l10n.config({ contents: { '{0} misses': '{0} verfehlt', 'no values stated': 'keine Werte' } });
    assert.equal(verdictSummary([]), 'keine Werte');
  });
});

describe('l10n: every built bundle that carries @vscode/l10n hands it the translations', () => {
  it('dist/*.js with @vscode/l10n inside call configurePureL10n (development build, names kept)', () => {
    const dist = path.join(ROOT, 'dist');
    const bundles = readdirSync(dist).filter((f) => f.endsWith('.js'));
    const carrying = bundles.filter((f) => readFileSync(path.join(dist, f), 'utf8').includes('node_modules/@vscode/l10n/'));
    assert.ok(carrying.includes('extension.js'), `bundles with @vscode/l10n: ${carrying.join(', ')}`);
    for (const f of carrying) assert.match(readFileSync(path.join(dist, f), 'utf8'), /(?<!function )configurePureL10n\(\)/, `${f} never configures its @vscode/l10n`);
  });
});
