/**
 * What makes a markdown file an analysis, how the pattern it names is resolved, and what the user
 * sees when the front matter is wrong: one clear finding at the right place, never a crash.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/analysis/analyze';
import { PatternCatalog } from '../../../src/model/patternCatalog';
import { analyze, applyEdits, catalog, doc, findings, textAt } from './analysisHelpers';

describe('analysis: front matter', () => {
  it('resolves the pattern by id, number, "#17", name and alias', () => {
    for (const ref of ['ai-infrastructure', '17', '"#17"', "'#17'", 'AI Infrastructure', 'ai infrastructure', 'AI Infra', 'Pattern 17']) {
      const a = analyze(doc('## The Pattern\n', `pattern: ${ref}`));
      assert.equal(a.isAnalysis, true, ref);
      assert.equal(a.pattern?.model.id, 'ai-infrastructure', ref);
      assert.deepEqual(findings(a, 'unknown-pattern'), [], ref);
      assert.deepEqual(findings(a, 'front-matter'), [], ref);
    }
  });

  it('reads subject, period, author and title, keeping dates as written', () => {
    const a = analyze(doc('Body.\n', 'pattern: ai-infrastructure\nsubject: "CoreWeave: GPU cloud"\nperiod: 2026-09-30\nauthor: Jane Analyst\ntitle: CoreWeave Q3'));
    assert.equal(a.frontMatter?.subject, 'CoreWeave: GPU cloud');
    assert.equal(a.frontMatter?.period, '2026-09-30');
    assert.equal(a.frontMatter?.author, 'Jane Analyst');
    assert.equal(a.frontMatter?.title, 'CoreWeave Q3');
    assert.equal(a.frontMatter?.pattern?.value, 'ai-infrastructure');
    assert.deepEqual(a.frontMatter?.range, { start: { line: 0, character: 0 }, end: { line: 6, character: 3 } });
  });

  it('treats markdown without front matter, or front matter without "pattern", as no analysis and says nothing', () => {
    for (const text of [
      '# Notes\n\nGPU utilization was 140% and Coreweave is great.\n',
      '---\ntitle: A blog post\ntags: [ai]\n---\n\nGPU utilization was 140%.\n',
      '---\ntitle: [broken\n---\n\nText\n',
      '---\n\nA thematic break, then text.\n',
      '',
    ]) {
      const a = analyze(text);
      assert.equal(a.isAnalysis, false, text);
      assert.deepEqual(a.findings, [], text);
      assert.deepEqual(a.claims, [], text);
    }
  });

  it('works with CRLF line ends and a byte-order mark', () => {
    const text = '\ufeff---\r\npattern: ai-infrastructure\r\nsubject: CoreWeave\r\n---\r\n\r\n## The Pattern\r\n\r\nGPU utilization averaged 72% in Q3.\r\n';
    const a = analyze(text);
    assert.equal(a.pattern?.model.id, 'ai-infrastructure');
    assert.equal(a.frontMatter?.subject, 'CoreWeave');
    assert.equal(a.claims.length, 1);
    assert.equal(textAt(text, a.claims[0].valueRange), '72%');
  });

  describe('unknown pattern', () => {
    it('is an error on the value, with did-you-mean and a fix per suggestion', () => {
      const text = doc('## The Pattern\n', 'pattern: ai-infrastucture\nsubject: CoreWeave');
      const a = analyze(text);
      assert.equal(a.isAnalysis, true);
      assert.equal(a.pattern, undefined);
      const [f] = findings(a, 'unknown-pattern');
      assert.equal(f.severity, 'error');
      assert.equal(textAt(text, f.range), 'ai-infrastucture');
      assert.match(f.message, /Unknown pattern "ai-infrastucture"\. Did you mean "ai-infrastructure" \(AI Infrastructure, #17\)\?/);
      assert.equal(f.fixes.length, 1);
      assert.equal(f.fixes[0].preferred, true);
      const fixed = applyEdits(text, f.fixes[0].edits);
      assert.match(fixed, /^---\npattern: ai-infrastructure\nsubject: CoreWeave\n---/);
      const again = analyze(fixed);
      assert.deepEqual(findings(again, 'unknown-pattern'), [], 'the fix, once applied, is not offered again');
      assert.equal(again.pattern?.model.id, 'ai-infrastructure');
    });

    it('replaces a quoted value with its quotes and keeps a trailing comment', () => {
      const text = doc('Body.\n', 'pattern: "AI Infrastucture" # the pattern');
      const [f] = findings(analyze(text), 'unknown-pattern');
      assert.equal(textAt(text, f.range), '"AI Infrastucture"');
      assert.match(applyEdits(text, f.fixes[0].edits), /\npattern: ai-infrastructure # the pattern\n/);
    });

    it('repeats the catalog\'s notice, so a model held back in Restricted Mode is explained, not only unknown', () => {
      const notice = 'Workspace pattern models are not loaded in Restricted Mode: trust this workspace to use them.';
      const restricted = new PatternCatalog(catalog().entries, notice);
      const text = doc('Body.\n', 'pattern: vertical-saas');
      const [f] = findings(analyzeText(text, restricted), 'unknown-pattern');
      assert.match(f.message, /^Unknown pattern "vertical-saas"\. .*Restricted Mode: trust this workspace to use them\.$/);
      const [plain] = findings(analyze(text), 'unknown-pattern');
      assert.ok(!plain.message.includes('Restricted Mode'), 'no notice when the catalog has none');
    });

    it('lists the known patterns when nothing is close, and offers no fix', () => {
      const [f] = findings(analyze(doc('Body.\n', 'pattern: marketplace-network-effects')), 'unknown-pattern');
      assert.match(f.message, /Unknown pattern "marketplace-network-effects"\. Known patterns: "ai-infrastructure" \(AI Infrastructure, #17\)\./);
      assert.deepEqual(f.fixes, []);
    });

    it('an unknown number is unknown too', () => {
      const [f] = findings(analyze(doc('Body.\n', 'pattern: 42')), 'unknown-pattern');
      assert.match(f.message, /Unknown pattern "42"/);
    });
  });

  describe('front-matter mistakes', () => {
    it('reports YAML that does not parse, at the line js-yaml names', () => {
      const text = '---\npattern: ai-infrastructure\nsubject: [CoreWeave\nperiod: Q3\n---\n\nBody\n';
      const a = analyze(text);
      assert.equal(a.isAnalysis, true);
      const [f] = findings(a, 'front-matter');
      assert.match(f.message, /^The front matter is not valid YAML: .+ \(line \d+, column \d+\)\.$/);
      assert.ok(f.range.start.line >= 1 && f.range.start.line <= 3, JSON.stringify(f.range));
      assert.deepEqual(a.claims, []);
    });

    it('reports a duplicated key', () => {
      const [f] = findings(analyze('---\npattern: ai-infrastructure\npattern: 17\n---\n'), 'front-matter');
      assert.match(f.message, /not valid YAML: duplicated mapping key/);
      assert.equal(f.range.start.line, 2);
    });

    it('reports a pattern that is a list or a mapping, on its line', () => {
      const text = '---\nsubject: CoreWeave\npattern:\n  - ai-infrastructure\n  - 17\n---\n';
      const [f] = findings(analyze(text), 'front-matter');
      assert.equal(f.message, '"pattern:" must be one pattern id, number or name (e.g. "pattern: ai-infrastructure"), not a list.');
      assert.equal(f.range.start.line, 2);
      const [g] = findings(analyze('---\npattern: {id: 17}\n---\n'), 'front-matter');
      assert.match(g.message, /not a mapping/);
    });

    it('explains that an unquoted #17 is a YAML comment', () => {
      const [f] = findings(analyze('---\npattern: #17\n---\n'), 'front-matter');
      assert.equal(f.message, '"pattern:" is empty: in YAML a "#" starts a comment. Quote the number: pattern: "#17"');
      assert.equal(f.range.start.line, 1);
    });

    it('reports an empty pattern and a boolean one', () => {
      assert.match(findings(analyze('---\npattern:\n---\n'), 'front-matter')[0].message, /is empty: name the pattern/);
      assert.match(findings(analyze('---\npattern: true\n---\n'), 'front-matter')[0].message, /not boolean true/);
    });

    it('reports a front matter that is never closed, on the opening fence', () => {
      const text = '---\npattern: ai-infrastructure\nsubject: CoreWeave\n\n## The Pattern\n\nGPU utilization was 72%.\n';
      const a = analyze(text);
      const [f] = findings(a, 'front-matter');
      assert.match(f.message, /never closed/);
      assert.deepEqual(f.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
      assert.equal(a.pattern, undefined);
    });

    it('reports a front matter that is not a mapping', () => {
      const [f] = findings(analyze('---\n- pattern: ai-infrastructure\n---\n'), 'front-matter');
      assert.match(f.message, /must be a set of "key: value" lines \(found a list\)/);
    });

    it('never throws on hostile front matter', () => {
      for (const fm of ['pattern: &a [*a]', 'pattern: !!js/function "x"', '__proto__: {polluted: true}\npattern: 17', 'pattern: ' + '['.repeat(5000), `pattern: "${'x'.repeat(100000)}"`]) {
        const a = analyze(`---\n${fm}\n---\n`);
        assert.equal(a.isAnalysis, true, fm.slice(0, 30));
      }
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    });
  });
});
