/**
 * Models written to mislead or to stall: a key written twice (JSON keeps the last value, a reader
 * sees the first) is an error at its own line; names and aliases past the loader's bounds are
 * refused with a clear error; and matching names costs the same however repetitive they are, so
 * even names the loader would refuse (or the most a model may hold) check a document line of the
 * same words within the CPU guard. The CLI loads the nearest model with no trust gate, so these are
 * also run there, as in CI on a pull request.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeText } from '../../../src/analysis/analyze';
import { MentionScanner } from '../../../src/model/mentionScanner';
import { lineColumnOf, loadPatternModel, MAX_NAME_CHARS, MAX_NAME_WORDS, MAX_NAMES } from '../../../src/model/modelLoader';
import { PatternCatalog } from '../../../src/model/patternCatalog';
import { PatternIndex } from '../../../src/model/patternIndex';
import { GUARD_MS, withCpuTime } from '../../support/cpuGuard';
import { hostileModel, repetitiveAliasModel } from '../../support/hostileInputs';
import { assertCliIsBuilt, assertNoStackTrace, CLI } from '../cli/cliHarness';

const words = (n: number, word = 'a'): string => Array.from({ length: n }, () => word).join(' ');

describe('hostile models: duplicate keys', () => {
  it('a key written twice is an error at the second one\'s line, naming the first line', () => {
    const text = '{\n  "schemaVersion": 1,\n  "id": "first-id",\n  "name": "P",\n  "sections": [{ "id": "s", "kind": "prose", "title": "S" }],\n  "id": "second-id"\n}\n';
    const result = loadPatternModel(text);
    assert.equal(result.model, undefined, 'the model is not loaded as second-id');
    assert.equal(result.errors.length, 1, JSON.stringify(result.errors));
    const [error] = result.errors;
    assert.equal(error.path, '$.id');
    assert.match(error.message, /duplicate key "id" \(first on line 3\)/);
    assert.equal(lineColumnOf(text, error.offset ?? -1).line, 6);
  });

  it('finds repeats at any depth, keeps keys of different objects apart, and counts a byte-order mark', () => {
    const model = JSON.parse(hostileModel({})) as Record<string, unknown>;
    const text = `\uFEFF${JSON.stringify(model, null, 2).replace('"direction": "higher"', '"direction": "higher",\n        "direction": "lower"')}`;
    const result = loadPatternModel(text);
    assert.deepEqual(result.errors.map((e) => e.path), ['$.metrics[0].extensionNote.direction']);
    assert.equal(text.slice(result.errors[0].offset, (result.errors[0].offset ?? 0) + 11), '"direction"');
    // Every object has its own "id": no repeat.
    assert.ok(loadPatternModel(JSON.stringify(model)).model);
  });
});

describe('hostile models: names bounded, matching independent of repetition', function () {
  this.timeout(60_000);

  it('refuses the review\'s 20 aliases of 2,000 repeated words with a clear error per alias', () => {
    const { value: result, cpuMs } = withCpuTime(() => loadPatternModel(repetitiveAliasModel(20, 2000)));
    assert.ok(cpuMs < GUARD_MS, `took ${cpuMs.toFixed(0)} ms of CPU`);
    assert.equal(result.model, undefined);
    assert.equal(result.errors.length, 20);
    assert.match(result.errors[0].message, new RegExp(`too long to be a name \\(2000 words, 3999 characters\\): a name or alias has at most ${MAX_NAME_WORDS} words`));
    assert.equal(result.errors[0].path, '$.metrics[0].aliases[0]');
  });

  it('accepts names at the bounds and refuses one word or one character more', () => {
    const at = (alias: string): boolean => loadPatternModel(repetitiveAliasModel(1, 1).replace('"aliases":["a"]', `"aliases":[${JSON.stringify(alias)}]`)).model !== undefined;
    assert.ok(at(words(MAX_NAME_WORDS)));
    assert.ok(!at(words(MAX_NAME_WORDS + 1)));
    assert.ok(at('x'.repeat(MAX_NAME_CHARS)));
    assert.ok(!at('x'.repeat(MAX_NAME_CHARS + 1)));
    const many = JSON.parse(hostileModel({})) as { metrics: { aliases: string[] }[] };
    many.metrics[0].aliases = Array.from({ length: MAX_NAMES }, (_, i) => `alias ${i}`);
    assert.match(loadPatternModel(JSON.stringify(many)).errors[0]?.message ?? '', /more than 1000 names and aliases/);
  });

  it('matches 20 aliases of 2,000 repeated words against a line of the same words within the guard (past the bounds, the scanner itself)', () => {
    const aliases = Array.from({ length: 20 }, (_, i) => words(2000 - i));
    const scanner = new MentionScanner([{ names: aliases, matchCase: false }]);
    const line = words(2000);
    const hits: [number, number][] = [];
    const { cpuMs } = withCpuTime(() => scanner.scan(line, (_k, start, end) => hits.push([start, end])));
    assert.ok(cpuMs < GUARD_MS, `took ${cpuMs.toFixed(0)} ms of CPU`);
    // The longest alias fits the whole line.
    assert.deepEqual(hits, [[0, line.length]]);
  });

  it('checks a table of lines of the same words against the most repetitive model the loader accepts within the guard', () => {
    const model = JSON.parse(hostileModel({})) as { metrics: { aliases: string[] }[] };
    model.metrics[0].aliases = Array.from({ length: 900 }, (_, i) => `${words(MAX_NAME_WORDS - 1)} a${i}`);
    const loaded = loadPatternModel(JSON.stringify(model));
    assert.ok(loaded.model, JSON.stringify(loaded.errors.slice(0, 2)));
    const catalog = new PatternCatalog([{ index: new PatternIndex(loaded.model), origin: 'hostile.pattern.json', bundled: false }]);
    const row = `| ${words(2000)} | 72% |`;
    const text = `---\npattern: hostile-pattern\n---\n\n# Doc\n\n${words(2000)} 72%\n\n| Metric | Value |\n| --- | --- |\n${`${row}\n`.repeat(20)}`;
    const { value: analysis, cpuMs } = withCpuTime(() => analyzeText(text, catalog));
    assert.ok(cpuMs < GUARD_MS, `took ${cpuMs.toFixed(0)} ms of CPU`);
    assert.ok(analysis.isAnalysis);
  });

  it('the CLI refuses the nearest such model with a file:line:col error, quickly, and exits 2', () => {
    assertCliIsBuilt();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pa-hostile-model-'));
    try {
      writeFileSync(path.join(dir, 'hostile.pattern.json'), repetitiveAliasModel(20, 2000));
      writeFileSync(path.join(dir, 'analysis.md'), `---\npattern: hostile-pattern\n---\n\n# Doc\n\n${words(2000)}\n\n| Metric | Value |\n| --- | --- |\n| ${words(2000)} | 72% |\n`);
      const started = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [CLI, 'lint', 'analysis.md'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      assertNoStackTrace({ code: r.status, stdout: r.stdout, stderr: r.stderr });
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /hostile\.pattern\.json:\d+:\d+: error: .*too long to be a name/);
      assert.ok(seconds < 20, `took ${seconds.toFixed(1)} s`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
