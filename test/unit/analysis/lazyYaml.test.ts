/**
 * js-yaml is loaded on the first front matter, not with the analysis core, and the editor's bundle
 * leaves both to files of their own (dist/analysis.js, dist/yaml.js) required on first use, so
 * that activation does not compile them (the bench's activation figure). Checked in a fresh node
 * process, whose module cache nothing else has filled, and in the built bundles themselves.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const OUT_SRC = path.resolve(__dirname, '..', '..', '..', 'src');
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** Analyses each text in a fresh node process; returns, after each, whether js-yaml was loaded and what was found. */
function inFreshProcess(texts: readonly string[]): { yamlLoaded: boolean; isAnalysis: boolean; subject?: string; findings: number }[] {
  const script = `
    const { analyzeText } = require(${JSON.stringify(path.join(OUT_SRC, 'analysis', 'analyze.js'))});
    const { bundledIndex } = require(${JSON.stringify(path.join(OUT_SRC, 'model', 'bundledModel.js'))});
    const { PatternCatalog } = require(${JSON.stringify(path.join(OUT_SRC, 'model', 'patternCatalog.js'))});
    const catalog = new PatternCatalog([{ index: bundledIndex(), origin: 'bundled', bundled: true }]);
    const out = JSON.parse(process.argv[1]).map((text) => {
      const a = analyzeText(text, catalog);
      const yamlLoaded = Object.keys(require.cache).some((k) => k.includes(require('node:path').sep + 'js-yaml' + require('node:path').sep));
      return { yamlLoaded, isAnalysis: a.isAnalysis, subject: a.frontMatter && a.frontMatter.subject, findings: a.findings.length };
    });
    process.stdout.write(JSON.stringify(out));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script, JSON.stringify(texts)], { encoding: 'utf8' })) as ReturnType<typeof inFreshProcess>;
}

describe('analysis: js-yaml is loaded lazily', () => {
  it('is not loaded for documents without front matter, and is once a front matter needs it', function () {
    this.timeout(20_000);
    const results = inFreshProcess([
      '# Notes\n\nGPU utilization was 72%.\n',
      'Text first\n---\npattern: ai-infrastructure\n---\n',
      '\ufeff# BOM, no front matter\n',
      // Plain `key: value` lines are read without it (src/analysis/plainYaml.ts)…
      '---\r\npattern: ai-infrastructure\r\nsubject: CoreWeave\r\n---\r\n\r\n## The Pattern\r\n',
      // …a quoted value is not.
      '---\r\npattern: ai-infrastructure\r\nsubject: "CoreWeave"\r\n---\r\n\r\n## The Pattern\r\n',
    ]);
    assert.deepEqual(results.map((r) => r.yamlLoaded), [false, false, false, false, true]);
    assert.deepEqual(results.slice(0, 3).map((r) => r.isAnalysis), [false, false, false]);
    // Both front matters were read exactly as before.
    for (const r of results.slice(3)) {
      assert.equal(r.isAnalysis, true);
      assert.equal(r.subject, 'CoreWeave');
    }
  });

  it('a broken front matter still gets its YAML error once js-yaml is loaded on demand', function () {
    this.timeout(20_000);
    const [broken] = inFreshProcess(['---\npattern: ai-infrastructure\nsubject: [unclosed\n---\n']);
    assert.equal(broken.yamlLoaded, true);
    assert.equal(broken.isAnalysis, true);
    assert.equal(broken.findings, 1);
  });

  it('the extension bundle leaves the analysis core to dist/analysis.js, the renderer to dist/renderer.js and js-yaml to dist/yaml.js, each required on first use', function () {
    const read = (name: string): string => readFileSync(path.join(REPO_ROOT, 'dist', name), 'utf8');
    if (!existsSync(path.join(REPO_ROOT, 'dist', 'extension.js'))) this.skip();
    const extension = read('extension.js');
    const analysis = read('analysis.js');
    // A message of the front matter reader, and one of js-yaml's own.
    assert.doesNotMatch(extension, /is not valid YAML/, 'the analysis core is not inlined in dist/extension.js');
    assert.doesNotMatch(extension, /is removed in js-yaml/, 'js-yaml is not inlined in dist/extension.js');
    assert.equal(extension.match(/require\("\.\/analysis\.js"\)/g)?.length, 1, 'one require of ./analysis.js');
    assert.equal(extension.match(/require\("\.\/yaml\.js"\)/g), null, 'no require of ./yaml.js from the extension itself');
    // The renderer likewise (features/core.ts is the one place that requires either bundle).
    assert.doesNotMatch(extension, /Parser rule not found/, 'markdown-it is not inlined in dist/extension.js');
    assert.equal(extension.match(/require\("\.\/renderer\.js"\)/g)?.length, 1, 'one require of ./renderer.js');
    assert.match(read('renderer.js'), /Parser rule not found/);
    assert.match(analysis, /is not valid YAML/);
    assert.doesNotMatch(analysis, /is removed in js-yaml/, 'js-yaml is not inlined in dist/analysis.js');
    assert.equal(analysis.match(/require\("\.\/yaml\.js"\)/g)?.length, 1, 'one require of ./yaml.js');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const yaml = require(path.join(REPO_ROOT, 'dist', 'yaml.js')) as typeof import('js-yaml');
    assert.deepEqual(yaml.load('pattern: "17"\nperiod: 2026-09-30', { schema: yaml.CORE_SCHEMA }), { pattern: '17', period: '2026-09-30' });
  });
});
