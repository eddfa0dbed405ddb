/**
 * The five rules on realistic drafts: what is reported, where, with which message and severity,
 * and that each fix produces the expected text and is not offered again once applied.
 */
import * as assert from 'node:assert/strict';
import { analyze, applyEdits, doc, findings, textAt } from './analysisHelpers';

const ALL_SECTIONS = [
  '## The Pattern', '', 'Text.', '',
  '## Key Metrics & Benchmarks', '', 'Text.', '',
  '## Who Uses This Pattern', '', 'Text.', '',
  '## Strengths & Weaknesses', '', 'Text.', '',
  '## How AI Is Transforming This Pattern', '', 'Text.', '',
  '## Business Engineer Insight', '', 'Text.', '',
].join('\n');

describe('rule: benchmark-miss', () => {
  it('warns on a value that misses its benchmark, at the value, with the one verdict message', () => {
    const text = doc(`${ALL_SECTIONS}\nGPU utilization averaged 72% in Q3.\n`);
    const [f] = findings(analyze(text), 'benchmark-miss');
    assert.equal(f.severity, 'warning');
    assert.equal(textAt(text, f.range), '72%');
    assert.equal(f.message, 'GPU Utilization Rate: 72% — below the benchmark: >80% target for profitability');
    assert.deepEqual(f.fixes, []);
  });

  it('says nothing for values that meet the benchmark, borderline values, or metrics without a numeric benchmark', () => {
    const body = [
      'GPU utilization: 85%',
      'Customer retention: at least 96%',
      'GPU utilization: 75–85%',
      'GPU utilization: ~80%',
      'Revenue per GPU hour: $0.40',
      'Capacity growth: -30%',
      '',
    ].join('\n');
    const a = analyze(doc(body));
    assert.equal(a.claims.length, 6);
    assert.deepEqual(findings(a, 'benchmark-miss'), []);
    assert.deepEqual(a.claims.map((c) => c.verdict.status), ['meets', 'meets', 'borderline', 'borderline', 'no-benchmark', 'no-benchmark']);
  });

  it('a range misses only when all of it misses; "under" and "at most" bounds too', () => {
    const a = analyze(doc('GPU utilization: 70–75%\nCustomer retention: under 90%\nGPU utilization: at most 80%\n'));
    assert.equal(findings(a, 'benchmark-miss').length, 3);
  });
});

describe('rule: impossible-value', () => {
  it('warns on values outside the unit and on wrong units', () => {
    const text = doc([
      '| Metric | Value |', '|---|---|',
      '| GPU Utilization Rate | 140% |',
      '| Customer Retention | $5 |',
      '| Revenue per GPU Hour | 72% |',
      '',
      'Customer retention was -5% after the migration.',
      '',
    ].join('\n'));
    const a = analyze(text);
    const fs = findings(a, 'impossible-value');
    assert.deepEqual(fs.map((f) => textAt(text, f.range)), ['140%', '$5', '72%', '-5%']);
    assert.ok(fs.every((f) => f.severity === 'warning'));
    assert.equal(fs[0].message, 'GPU Utilization Rate: 140% — impossible: GPU Utilization Rate cannot exceed 100%');
    assert.match(fs[1].message, /^Customer Retention: \$5 — wrong unit: Customer Retention is a percentage/);
    assert.match(fs[2].message, /^Revenue per GPU Hour: 72% — wrong unit: Revenue per GPU Hour is measured in USD per GPU-hour/);
    assert.equal(fs[3].message, 'Customer Retention: -5% — impossible: Customer Retention cannot be below 0%');
    assert.deepEqual(findings(a, 'benchmark-miss'), [], 'an impossible value is not also a miss');
  });
});

describe('rule: missing-section', () => {
  it('reports each absent section once, in model order, as information on the pattern value', () => {
    const text = doc('## The Pattern\n\nText.\n\n## Strengths & Weaknesses\n\nText.\n');
    const a = analyze(text);
    const fs = findings(a, 'missing-section');
    assert.deepEqual(fs.map((f) => f.message), [
      'Section "Key Metrics & Benchmarks" of AI Infrastructure is missing.',
      'Section "Who Uses This Pattern" of AI Infrastructure is missing.',
      'Section "How AI Is Transforming This Pattern" of AI Infrastructure is missing.',
      'Section "Business Engineer Insight" of AI Infrastructure is missing.',
    ]);
    assert.ok(fs.every((f) => f.severity === 'information' && f.fixes.length === 1));
    assert.equal(textAt(text, fs[0].range), 'ai-infrastructure');
    assert.deepEqual(a.sections.map((s) => [s.sectionId, s.present, s.line]), [
      ['the-pattern', true, 6], ['key-metrics', false, undefined], ['who-uses', false, undefined],
      ['strengths-weaknesses', true, 10], ['ai-transformation', false, undefined], ['insight', false, undefined],
    ]);
  });

  it('inserts the skeleton after the previous present section, before the next one', () => {
    const text = doc('# CoreWeave\n\n## The Pattern\n\nText.\n\n### Detail\n\nMore.\n\n## Strengths & Weaknesses\n\nText.\n');
    const fix = findings(analyze(text), 'missing-section')[0].fixes[0];
    assert.equal(fix.title, 'Insert section "Key Metrics & Benchmarks"');
    const fixed = applyEdits(text, fix.edits);
    assert.ok(fixed.includes(
      '### Detail\n\nMore.\n\n## Key Metrics & Benchmarks\n\nTODO: state GPU Utilization Rate, Revenue per GPU Hour, Customer Retention, Capacity Growth Rate, each with its source.\n\n## Strengths & Weaknesses\n',
    ), fixed);
    const again = analyze(fixed);
    assert.ok(!findings(again, 'missing-section').some((f) => f.message.includes('Key Metrics')), 'not offered again');
    assert.equal(again.sections[1].present, true);
  });

  it('inserts before the first present section when none precedes, and at the end when none follows', () => {
    const text = doc('Intro.\n\n## Key Metrics & Benchmarks\n\nText.');
    const fs = findings(analyze(text), 'missing-section');
    const first = applyEdits(text, fs[0].fixes[0].edits);
    assert.ok(first.includes('Intro.\n\n## The Pattern\n\nTODO: your analysis.\n\n## Key Metrics & Benchmarks\n'), first);
    const last = applyEdits(text, fs[fs.length - 1].fixes[0].edits);
    assert.ok(last.endsWith('## Key Metrics & Benchmarks\n\nText.\n\n## Business Engineer Insight\n\nTODO: your analysis.\n'), JSON.stringify(last));
  });

  it('applying every fix one after the other yields all sections in the pattern\'s order', () => {
    let text = doc('## Who Uses This Pattern\n\nText.\n');
    for (let i = 0; i < 10; i++) {
      const f = findings(analyze(text), 'missing-section')[0];
      if (!f) break;
      text = applyEdits(text, f.fixes[0].edits);
    }
    const a = analyze(text);
    assert.deepEqual(findings(a, 'missing-section'), []);
    const lines = a.sections.map((s) => s.line ?? -1);
    assert.deepEqual([...lines].sort((x, y) => x - y), lines, 'sections in model order');
  });

  it('fills an empty analysis: a blank line after the front matter, then the section', () => {
    const text = '---\npattern: ai-infrastructure\n---\n';
    const f = findings(analyze(text), 'missing-section')[0];
    assert.equal(applyEdits(text, f.fixes[0].edits), '---\npattern: ai-infrastructure\n---\n\n## The Pattern\n\nTODO: your analysis.\n');
    const noBreak = '---\npattern: ai-infrastructure\n---';
    const g = findings(analyze(noBreak), 'missing-section')[0];
    assert.equal(applyEdits(noBreak, g.fixes[0].edits), '---\npattern: ai-infrastructure\n---\n\n## The Pattern\n\nTODO: your analysis.\n');
  });

  it('keeps the document\'s CRLF line ends and heading level', () => {
    const text = '---\r\npattern: 17\r\n---\r\n\r\n### The Pattern\r\n\r\nText.\r\n';
    const f = findings(analyze(text), 'missing-section')[0];
    assert.equal(f.fixes[0].edits[0].newText, '\r\n### Key Metrics & Benchmarks\r\n\r\nTODO: state GPU Utilization Rate, Revenue per GPU Hour, Customer Retention, Capacity Growth Rate, each with its source.\r\n');
  });

  it('matches headings case-insensitively, with "and" for "&", numbering and trailing colons', () => {
    const text = doc([
      '## 1. the pattern', '', '## II. KEY METRICS AND BENCHMARKS:', '', '### 3) Who uses this pattern — hyperscalers', '',
      '## Strengths and Weaknesses <!-- draft -->', '', '## Section 5: How AI is Transforming this Pattern', '', '## `Business Engineer Insight` ##', '',
    ].join('\n'));
    const a = analyze(text);
    assert.deepEqual(findings(a, 'missing-section'), []);
    assert.deepEqual(a.headings.map((h) => h.sectionId), ['the-pattern', 'key-metrics', 'who-uses', 'strengths-weaknesses', 'ai-transformation', 'insight']);
  });

  it('never inserts into a code fence left open at the end: the section goes before the fence, which stays open', () => {
    const body = '## The Pattern\n\nText.\n\n## Key Metrics & Benchmarks\n\nGPU utilization was 72%.\n\n```python\nutilization = 0.72\n## not a heading\n';
    const text = doc(body);
    const insight = findings(analyze(text), 'missing-section').find((f) => f.message.includes('Business Engineer Insight'));
    assert.ok(insight, 'the section is missing');
    const fixed = applyEdits(text, insight.fixes[0].edits);
    assert.ok(fixed.endsWith('GPU utilization was 72%.\n\n## Business Engineer Insight\n\nTODO: your analysis.\n\n```python\nutilization = 0.72\n## not a heading\n'), JSON.stringify(fixed));
    const again = analyze(fixed);
    assert.equal(again.sections.find((s) => s.sectionId === 'insight')?.present, true);
    assert.ok(!findings(again, 'missing-section').some((f) => f.message.includes('Business Engineer Insight')), 'not offered again');
  });

  it('the same for a fence opened in a list item or a quote, a ~~~ fence, CRLF, and an HTML comment left open', () => {
    const cases: [string, string][] = [
      ['- Item\n\n  ~~~\n  code', '  ~~~'],
      ['> Quote\n> ```\n> code', '> ```'],
      ['Text. <!-- a note\nthat never ends', 'Text. <!-- a note'],
      ['````\n```\n## Still code', '````'],
    ];
    for (const [tail, opener] of cases) {
      for (const eol of ['\n', '\r\n']) {
        const text = doc(`## The Pattern\n\n${tail}`).replace(/\n/g, eol);
        const f = findings(analyze(text), 'missing-section')[0];
        const fixed = applyEdits(text, f.fixes[0].edits);
        assert.ok(fixed.includes(`## Key Metrics & Benchmarks${eol}`), JSON.stringify(fixed));
        assert.ok(fixed.indexOf('## Key Metrics') < fixed.indexOf(opener.replace(/\n/g, eol)), `before the opener: ${JSON.stringify(fixed)}`);
        assert.equal(analyze(fixed).sections.find((s) => s.sectionId === 'key-metrics')?.present, true, JSON.stringify(fixed));
      }
    }
  });

  it('headings in code, quotes and lists are not sections; setext headings are', () => {
    const text = doc('```\n## The Pattern\n```\n\n> ## Key Metrics & Benchmarks\n\nWho Uses This Pattern\n---------------------\n');
    const a = analyze(text);
    assert.deepEqual(a.sections.filter((s) => s.present).map((s) => s.sectionId), ['who-uses']);
  });
});

describe('rule: near-miss-name', () => {
  it('flags near-miss names where a name is expected, with a fix to the canonical name', () => {
    const text = doc([
      '| Metric | Value |', '|---|---|', '| GPU Utilisation Rat | 85% |', '',
      'Custmer retention: 96%', '',
      '### Microsft Azure', '',
      '- **Lambda Lab** — GPU cloud for researchers', '',
    ].join('\n'));
    const a = analyze(text);
    const fs = findings(a, 'near-miss-name');
    assert.deepEqual(fs.map((f) => [textAt(text, f.range), f.fixes[0].edits[0].newText]), [
      ['GPU Utilisation Rat', 'GPU Utilization Rate'],
      ['Custmer retention', 'Customer Retention'],
      ['Microsft Azure', 'Microsoft Azure'],
      ['Lambda Lab', 'Lambda Labs'],
    ]);
    assert.ok(fs.every((f) => f.severity === 'hint' && f.fixes[0].preferred === true));
    assert.equal(fs[0].message, '"GPU Utilisation Rat" is not a name in AI Infrastructure. Did you mean "GPU Utilization Rate"?');
    let fixed = text;
    for (const f of [...fs].reverse()) fixed = applyEdits(fixed, f.fixes[0].edits);
    assert.ok(fixed.includes('| GPU Utilization Rate | 85% |') && fixed.includes('Customer Retention: 96%') && fixed.includes('### Microsoft Azure') && fixed.includes('- **Lambda Labs** — GPU'));
    assert.deepEqual(findings(analyze(fixed), 'near-miss-name'), [], 'fixes applied once are not offered again');
  });

  it('flags a company written in the wrong case anywhere in prose', () => {
    const text = doc('We compare Coreweave with aws and Google cloud; COREWEAVE in capitals is left alone.\n');
    const fs = findings(analyze(text), 'near-miss-name');
    assert.deepEqual(fs.map((f) => [textAt(text, f.range), f.fixes[0].edits[0].newText, f.message]), [
      ['Coreweave', 'CoreWeave', '"Coreweave" is written "CoreWeave".'],
      ['aws', 'AWS', '"aws" is written "AWS".'],
      ['Google cloud', 'Google Cloud', '"Google cloud" is written "Google Cloud".'],
    ]);
  });

  it('never flags exact names, aliases, or ordinary words in name places', () => {
    const text = doc([
      '| Metric | Value | Source |', '|---|---|---|',
      '| GPU utilization | 85% | 10-Q |', '| Retention rate | 96% | deck |', '| $/GPU-hour | $2.10 | call |', '| Fleet expansion | 18% | 10-Q |', '',
      'Source: company filings', 'Note: figures are illustrative', 'GCP: strong', 'Azure: second', '',
      '### CoreWeave', '', '### Together AI', '', '### Risks', '',
      '- **Amazon Web Services** — largest cloud', '- **Lambda**: GPU cloud', '',
      'The team worked together on it.',
    ].join('\n'));
    assert.deepEqual(findings(analyze(text), 'near-miss-name'), []);
  });

  it('does not flag a known name with extra words ("GPU utilization (fleet-wide)")', () => {
    const text = doc('| Metric | Value |\n|---|---|\n| GPU utilization (fleet-wide) | 85% |\n| Q3 GPU utilization | 86% |\n');
    const a = analyze(text);
    assert.deepEqual(findings(a, 'near-miss-name'), []);
    assert.equal(a.claims.length, 2);
  });
});

describe('rules: only analyses are checked', () => {
  it('gives no findings for an analysis-free document full of would-be mistakes', () => {
    const a = analyze('# Notes\n\n| Metric | Value |\n|---|---|\n| GPU Utilisation Rat | 140% |\n\nCoreweave retention: $5\n');
    assert.equal(a.isAnalysis, false);
    assert.deepEqual(a.findings, []);
  });

  it('an unknown pattern stops the other rules (there is no model to check against)', () => {
    const a = analyze(doc('GPU utilization: 140%\n', 'pattern: nope'));
    assert.deepEqual(a.findings.map((f) => f.rule), ['unknown-pattern']);
  });
});
