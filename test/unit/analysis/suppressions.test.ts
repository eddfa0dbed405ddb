/**
 * Inline suppressions on realistic drafts: every comment form hides exactly the findings it names
 * (moved to `suppressed`, with the reason), the preview's claim keeps its true verdict marked as
 * acknowledged, ranges nest and run to the end when unterminated, comments in code are text, and
 * a comment that hides nothing (or names no rule) gets an `unused-suppression` hint.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/analysis/analyze';
import { acknowledgeEdit } from '../../../src/analysis/suppressions';
import { analyze, applyEdits, catalog, doc, findings, textAt } from './analysisHelpers';

const ALL_SECTIONS = [
  '## The Pattern', '', 'Text.', '',
  '## Key Metrics & Benchmarks', '', 'Text.', '',
  '## Who Uses This Pattern', '', 'Text.', '',
  '## Strengths & Weaknesses', '', 'Text.', '',
  '## How AI Is Transforming This Pattern', '', 'Text.', '',
  '## Business Engineer Insight', '', 'Text.', '',
].join('\n');

const MISS = 'GPU utilization averaged 72% in Q3.';
const MISS2 = 'By September GPU utilization was 65%.';

function misses(text: string): string[] {
  return findings(analyze(text), 'benchmark-miss').map((f) => textAt(text, f.range));
}

function unused(text: string): string[] {
  return findings(analyze(text), 'unused-suppression').map((f) => f.message);
}

describe('inline suppressions', () => {
  it('without comments both misses are findings (the baseline the other tests change)', () => {
    assert.deepEqual(misses(doc(`${ALL_SECTIONS}\n${MISS}\n\n${MISS2}\n`)), ['72%', '65%']);
  });

  it('disable-next-line hides the next line\'s miss only, and keeps its reason', () => {
    const text = doc(`${ALL_SECTIONS}\n<!-- pattern-analyst-disable-next-line benchmark-miss -- below target on purpose: ramp-up quarter -->\n${MISS}\n\n${MISS2}\n`);
    const a = analyze(text);
    assert.deepEqual(findings(a, 'benchmark-miss').map((f) => textAt(text, f.range)), ['65%']);
    assert.equal(a.suppressed?.length, 1);
    const hidden = a.suppressed![0];
    assert.equal(textAt(text, hidden.range), '72%');
    assert.equal(hidden.acknowledged.reason, 'below target on purpose: ramp-up quarter');
    assert.match(textAt(text, hidden.acknowledged.range), /^<!-- pattern-analyst-disable-next-line .* -->$/);
    assert.deepEqual(unused(text), []);
  });

  it('the acknowledged claim keeps its true verdict, marked acknowledged (for the preview badge)', () => {
    const text = doc(`${ALL_SECTIONS}\n${MISS} <!-- pattern-analyst-disable-line benchmark-miss -- known -->\n`);
    const a = analyze(text);
    const claim = a.claims.find((c) => textAt(text, c.valueRange) === '72%');
    assert.ok(claim);
    assert.equal(claim.verdict.status, 'misses');
    assert.equal(claim.acknowledged?.reason, 'known');
    const metric = a.metrics.find((m) => m.metricId === claim.metricId);
    assert.ok(metric?.claims.every((c) => c.acknowledged?.reason === 'known'));
  });

  it('disable-line on a scorecard row hides that row\'s miss', () => {
    const text = doc(`${ALL_SECTIONS}\n\n| Metric | Value |\n|---|---|\n| GPU Utilization Rate | 72% | <!-- pattern-analyst-disable-line benchmark-miss -->\n| Net Revenue Retention | 140% |\n`);
    assert.deepEqual(misses(text), []);
    assert.equal(findings(analyze(text), 'impossible-value').length, 1, 'the other row and rule still report');
  });

  it('a comment naming another rule leaves the miss and is itself reported as hiding nothing', () => {
    const text = doc(`${ALL_SECTIONS}\n<!-- pattern-analyst-disable-next-line impossible-value -->\n${MISS}\n`);
    assert.deepEqual(misses(text), ['72%']);
    assert.deepEqual(unused(text), ['This suppression hides nothing: no impossible-value finding on the next line.']);
  });

  it('no rule names means every rule; several are separated by commas or spaces', () => {
    assert.deepEqual(misses(doc(`${ALL_SECTIONS}\n<!-- pattern-analyst-disable-next-line -->\n${MISS}\n`)), []);
    assert.deepEqual(misses(doc(`${ALL_SECTIONS}\n<!-- pattern-analyst-disable-next-line impossible-value, benchmark-miss -->\n${MISS}\n`)), []);
    assert.deepEqual(misses(doc(`${ALL_SECTIONS}\n<!-- pattern-analyst-disable-next-line impossible-value benchmark-miss -->\n${MISS}\n`)), []);
  });

  it('an unknown rule name is reported and never widens to "every rule"', () => {
    const text = doc(`${ALL_SECTIONS}\n<!-- pattern-analyst-disable-next-line benchmark-mis -->\n${MISS}\n`);
    assert.deepEqual(misses(text), ['72%']);
    const [message] = unused(text);
    assert.match(message, /"benchmark-mis", which is not a rule/);
    assert.match(message, /benchmark-miss/);
  });

  it('disable … enable hides what lies between, not after', () => {
    const text = doc(`${ALL_SECTIONS}\n<!-- pattern-analyst-disable benchmark-miss -->\n\n${MISS}\n\n<!-- pattern-analyst-enable benchmark-miss -->\n\n${MISS2}\n`);
    assert.deepEqual(misses(text), ['65%']);
    assert.deepEqual(unused(text), []);
  });

  it('an unterminated disable runs to the end of the document', () => {
    const text = doc(`${ALL_SECTIONS}\n<!-- pattern-analyst-disable benchmark-miss -- draft numbers -->\n\n${MISS}\n\n${MISS2}\n`);
    const a = analyze(text);
    assert.deepEqual(findings(a, 'benchmark-miss'), []);
    assert.deepEqual(a.suppressed?.map((f) => f.acknowledged.reason), ['draft numbers', 'draft numbers']);
  });

  it('nested ranges: enabling one rule keeps a bare disable on for the others; a bare enable ends all', () => {
    const body = [
      '<!-- pattern-analyst-disable -->', '', MISS, '',
      '<!-- pattern-analyst-enable benchmark-miss -->', '', MISS2, '',
      '| Metric | Value |', '|---|---|', '| Net Revenue Retention | 140% |', '',
      '<!-- pattern-analyst-enable -->', '',
      '| Metric | Value |', '|---|---|', '| Net Revenue Retention | 150% |', '',
    ].join('\n');
    const text = doc(`${ALL_SECTIONS}\n${body}`);
    const a = analyze(text);
    assert.deepEqual(findings(a, 'benchmark-miss').map((f) => textAt(text, f.range)), ['65%']);
    assert.deepEqual(findings(a, 'impossible-value').map((f) => textAt(text, f.range)), ['150%']);
    assert.deepEqual(unused(text), []);
  });

  it('an enable with nothing disabled above it is reported', () => {
    const text = doc(`${ALL_SECTIONS}\n<!-- pattern-analyst-enable benchmark-miss -->\n\n${MISS}\n`);
    assert.deepEqual(misses(text), ['72%']);
    assert.deepEqual(unused(text), ['Nothing to enable here: no benchmark-miss was disabled above.']);
  });

  it('disable-file hides the rule everywhere, including findings anchored in the front matter', () => {
    const text = doc('<!-- pattern-analyst-disable-file missing-section -- a one-page note -->\n\nGPU utilization averaged 72%.\n');
    const a = analyze(text);
    assert.deepEqual(findings(a, 'missing-section'), []);
    assert.ok((a.suppressed ?? []).length >= 1);
    assert.ok(a.suppressed!.every((f) => f.rule === 'missing-section' && f.acknowledged.reason === 'a one-page note'));
    assert.deepEqual(misses(text), ['72%']);
  });

  it('comments inside fenced code and inline code are text, not suppressions', () => {
    const fenced = doc(`${ALL_SECTIONS}\n\`\`\`markdown\n<!-- pattern-analyst-disable benchmark-miss -->\n\`\`\`\n\n${MISS}\n`);
    assert.deepEqual(misses(fenced), ['72%']);
    assert.deepEqual(unused(fenced), []);
    const tilde = doc(`${ALL_SECTIONS}\n~~~\n<!-- pattern-analyst-disable-file -->\n~~~\n\n${MISS}\n`);
    assert.deepEqual(misses(tilde), ['72%']);
    const inline = doc(`${ALL_SECTIONS}\nWrite \`<!-- pattern-analyst-disable-line -->\` to acknowledge: ${MISS}\n`);
    assert.deepEqual(misses(inline), ['72%']);
  });

  it('other HTML comments and look-alike names are ignored', () => {
    const text = doc(`${ALL_SECTIONS}\n<!-- TODO check -->\n<!-- pattern-analyst-disabled benchmark-miss -->\n${MISS}\n`);
    assert.deepEqual(misses(text), ['72%']);
    assert.deepEqual(unused(text), []);
  });

  it('broken front matter cannot be suppressed', () => {
    const text = '---\npattern: ai-infrastructure\nsubject: [unclosed\n---\n\n<!-- pattern-analyst-disable-file -->\n';
    const a = analyze(text);
    assert.ok(findings(a, 'front-matter').length > 0);
  });

  it('the inlineSuppressions option turns every comment off (a team that forbids them)', () => {
    const text = doc(`${ALL_SECTIONS}\n<!-- pattern-analyst-disable-next-line benchmark-miss -->\n${MISS}\n`);
    const a = analyzeText(text, catalog(), { inlineSuppressions: false });
    assert.deepEqual(findings(a, 'benchmark-miss').map((f) => textAt(text, f.range)), ['72%']);
    assert.equal(a.suppressed, undefined);
    assert.deepEqual(findings(a, 'unused-suppression'), []);
  });

  it('a thousand alternating comments each hide their own miss, and none is reported unused', () => {
    const body = Array.from({ length: 1000 }, (_, i) => `<!-- pattern-analyst-disable${i % 2 ? '' : '-next-line'} benchmark-miss -->\n${MISS}\n`).join('\n');
    const a = analyze(doc(`${ALL_SECTIONS}\n${body}`));
    assert.equal(findings(a, 'benchmark-miss').length, 0);
    assert.equal(a.suppressed?.filter((f) => f.rule === 'benchmark-miss').length, 1000);
    assert.deepEqual(findings(a, 'unused-suppression'), []);
  });

  describe('the "Acknowledge" edit', () => {
    it('appends a disable-line comment to the finding\'s line; the result hides the miss and nothing else', () => {
      const text = doc(`${ALL_SECTIONS}\n${MISS}\n\n${MISS2}\n`);
      const a = analyze(text);
      const miss = findings(a, 'benchmark-miss')[0];
      const lines = text.split('\n');
      const edit = acknowledgeEdit(miss, lines[miss.range.start.line], a.frontMatter!.range.end.line + 1, '\n');
      assert.ok(edit);
      const after = applyEdits(text, [edit]);
      assert.equal(after.split('\n')[miss.range.start.line], `${MISS} <!-- pattern-analyst-disable-line benchmark-miss -->`);
      assert.deepEqual(misses(after), ['65%']);
      assert.deepEqual(unused(after), []);
    });

    it('for a finding in the front matter, a disable-file comment on the first body line', () => {
      const text = doc('Just a note.\n');
      const a = analyze(text);
      const missing = findings(a, 'missing-section')[0];
      const bodyStart = a.frontMatter!.range.end.line + 1;
      const edit = acknowledgeEdit(missing, text.split('\n')[missing.range.start.line], bodyStart, '\n');
      assert.ok(edit);
      const after = applyEdits(text, [edit]);
      assert.equal(after.split('\n')[bodyStart], '<!-- pattern-analyst-disable-file missing-section -->');
      assert.deepEqual(findings(analyze(after), 'missing-section'), []);
      assert.equal(analyze(after).frontMatter?.pattern?.value, 'ai-infrastructure', 'the front matter is untouched');
    });

    it('is not offered for broken front matter', () => {
      const f = { rule: 'front-matter' as const, severity: 'warning' as const, message: 'x', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, fixes: [] };
      assert.equal(acknowledgeEdit(f, 'pattern: [', 4, '\n'), undefined);
    });
  });
});
