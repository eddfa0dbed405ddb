/**
 * Claims: the values an analysis states for the pattern's metrics, found in tables, labels and
 * sentences the way analysts write them; and everything that must NOT be read as a claim (code,
 * comments, front matter, dates, targets, values in another sentence).
 */
import * as assert from 'node:assert/strict';
import { analyze, claimTuples, doc, textAt } from './analysisHelpers';

function claimsOf(body: string): [string, string, string][] {
  return claimTuples(analyze(doc(body)));
}

describe('analysis: claims in tables', () => {
  it('reads the scorecard the New Analysis command writes, with sources', () => {
    const body = [
      '## Key Metrics & Benchmarks',
      '',
      '| Metric | Value | Benchmark | Source |',
      '| --- | --- | --- | --- |',
      '| GPU Utilization Rate | 72% | >80% target for profitability | Q3 10-Q, MD&A |',
      '| Revenue per GPU Hour | $2.10 | Pricing per H100/B200 hour | Earnings call |',
      '| Customer Retention | 96% | >95% annual | |',
      '| Capacity Growth Rate | 18% QoQ | GPU fleet expansion quarter-over-quarter | 10-Q |',
      '',
    ].join('\n');
    const text = doc(body);
    const a = analyze(text);
    assert.deepEqual(claimTuples(a), [
      ['gpu-utilization-rate', '72%', 'misses'],
      ['revenue-per-gpu-hour', '$2.10', 'no-benchmark'],
      ['customer-retention', '96%', 'meets'],
      ['capacity-growth-rate', '18%', 'no-benchmark'],
    ]);
    assert.deepEqual(a.claims.map((c) => c.source), ['Q3 10-Q, MD&A', 'Earnings call', undefined, '10-Q']);
    assert.ok(a.claims.every((c) => c.context === 'table'));
    assert.equal(textAt(text, a.claims[0].nameRange), 'GPU Utilization Rate');
    assert.equal(textAt(text, a.claims[1].valueRange), '$2.10');
    assert.deepEqual(a.metrics.map((m) => [m.metricId, m.claims.length]), [
      ['gpu-utilization-rate', 1], ['revenue-per-gpu-hour', 1], ['customer-retention', 1], ['capacity-growth-rate', 1],
    ]);
  });

  it('takes the latest period column when there is no Value column', () => {
    const body = '| KPI | Q1 2026 | Q3 2026 | Q2 2026 | Target |\n|:--|--:|--:|--:|--:|\n| GPU utilization | 65% | 83% | 78% | >80% |\n';
    assert.deepEqual(claimsOf(body), [['gpu-utilization-rate', '83%', 'meets']]);
  });

  it('falls back to the first valued cell after the name, skipping benchmark and prior columns', () => {
    const body = '| | Benchmark | Prior | CoreWeave now | Notes |\n|---|---|---|---|---|\n| Customer retention | >95% | 99% | n/a | see below |\n| Retention rate | 95% | 99% | 97% | |\n';
    assert.deepEqual(claimsOf(body), [['customer-retention', '97%', 'meets']]);
  });

  it('uses a column header named after the subject, and a unit given in the header', () => {
    const body = '| Metric | CoreWeave | Peers |\n|---|---|---|\n| GPU utilization | 84 % | 70% |\n\n| Metric | Value (%) |\n|---|---|\n| Customer retention | 94 |\n';
    assert.deepEqual(claimsOf(body), [['gpu-utilization-rate', '84 %', 'meets'], ['customer-retention', '94', 'misses']]);
  });

  it('reads 0.xx as a fraction in a percent metric\'s value cell, and does not claim bare integers', () => {
    const body = '| Metric | Value |\n|---|---|\n| GPU utilization | 0.72 |\n| Customer retention | 96 |\n| Revenue per GPU hour | n/a |\n';
    const a = analyze(doc(body));
    assert.deepEqual(claimTuples(a), [['gpu-utilization-rate', '0.72', 'misses']]);
    assert.equal(a.claims[0].value.low, 72);
  });

  it('handles cells with emphasis, escaped pipes, inline code and no outer pipes', () => {
    const body = 'Metric | Value | Source\n--- | --- | ---\n**GPU Utilization Rate** | **~72%** | `10-Q \\| p.12`\nCustomer retention | `99%` | deck\n';
    const text = doc(body);
    const a = analyze(text);
    assert.deepEqual(claimTuples(a), [['gpu-utilization-rate', '~72%', 'misses']]);
    assert.equal(a.claims[0].source, '`10-Q \\| p.12`');
    assert.equal(textAt(text, a.claims[0].valueRange), '~72%');
  });

  it('ignores tables whose rows name no metric', () => {
    const body = '| Company | Share |\n|---|---|\n| AWS | 31% |\n| Lambda Labs | 2% |\n';
    assert.deepEqual(claimsOf(body), []);
  });
});

describe('analysis: claims in labels and lists', () => {
  it('reads "Metric: value" in every common spelling', () => {
    const body = [
      'GPU utilization: 72%',
      '**Customer retention:** 96%',
      '- **Revenue per GPU hour**: $2.10/GPU-hour',
      '* Capacity growth: 18% QoQ',
      '1. GPU Utilization Rate:\t85%',
      '',
    ].join('\n');
    const a = analyze(doc(body));
    assert.deepEqual(claimTuples(a), [
      ['gpu-utilization-rate', '72%', 'misses'],
      ['customer-retention', '96%', 'meets'],
      ['revenue-per-gpu-hour', '$2.10/GPU-hour', 'no-benchmark'],
      ['capacity-growth-rate', '18%', 'no-benchmark'],
      ['gpu-utilization-rate', '85%', 'meets'],
    ]);
    assert.ok(a.claims.every((c) => c.context === 'label'));
  });

  it('keeps each label line to itself when lines are soft-wrapped into one paragraph', () => {
    const body = 'GPU utilization: (not disclosed)\nCustomer retention: 96%\n';
    assert.deepEqual(claimsOf(body), [['customer-retention', '96%', 'meets']]);
  });

  it('reads labels inside block quotes and nested lists', () => {
    const body = '> GPU utilization: 91%\n\n- Metrics\n  - Customer retention: 90%\n';
    assert.deepEqual(claimsOf(body), [['gpu-utilization-rate', '91%', 'meets'], ['customer-retention', '90%', 'misses']]);
  });
});

describe('analysis: claims in sentences', () => {
  it('reads the value nearest after the name in the same sentence', () => {
    const text = doc('GPU utilization averaged 72% in Q3 2026, while retention of 96% held up.\n');
    const a = analyze(text);
    assert.deepEqual(claimTuples(a), [['gpu-utilization-rate', '72%', 'misses'], ['customer-retention', '96%', 'meets']]);
    assert.ok(a.claims.every((c) => c.context === 'sentence'));
    assert.equal(textAt(text, a.claims[0].nameRange), 'GPU utilization');
    assert.equal(textAt(text, a.claims[1].nameRange), 'retention');
  });

  it('never takes a value from another sentence', () => {
    assert.deepEqual(claimsOf('GPU utilization is the number to watch. At 72% the fleet is below the line.\n'), []);
    assert.deepEqual(claimsOf('We track GPU utilization closely!\n72% is the figure.\n'), []);
  });

  it('does not end a sentence at decimals or abbreviations', () => {
    assert.deepEqual(claimsOf('Revenue per GPU hour, i.e. the blended price, was approx. $2.10 vs. $2.40 a year ago.\n'), [['revenue-per-gpu-hour', 'approx. $2.10', 'no-benchmark']]);
  });

  it('joins soft-wrapped lines of one sentence', () => {
    const text = doc('The GPU utilization of the fleet averaged\n72% in the quarter.\n');
    const a = analyze(text);
    assert.deepEqual(claimTuples(a), [['gpu-utilization-rate', '72%', 'misses']]);
    assert.deepEqual(a.claims[0].valueRange.start, { line: 7, character: 0 });
  });

  it('reads "capacity grew 18%" and other verb forms of growth metrics', () => {
    assert.deepEqual(claimsOf('Capacity grew 18% quarter-over-quarter; the GPU fleet expanded 22% in Q2.\n'), [
      ['capacity-growth-rate', '18%', 'no-benchmark'],
      ['capacity-growth-rate', '22%', 'no-benchmark'],
    ]);
    assert.deepEqual(claimsOf('Capacity growth was -5% as a site closed.\n'), [['capacity-growth-rate', '-5%', 'no-benchmark']]);
  });

  it('skips targets, comparisons and the start of "from X to Y"', () => {
    assert.deepEqual(claimsOf('GPU utilization, against the 80% target, came in at 76%.\n'), [['gpu-utilization-rate', '76%', 'misses']]);
    assert.deepEqual(claimsOf('GPU utilization rose from 65% to 82% this year.\n'), [['gpu-utilization-rate', '82%', 'meets']]);
    assert.deepEqual(claimsOf('GPU utilization rose 5% to 79%.\n'), [['gpu-utilization-rate', '79%', 'misses']]);
    assert.deepEqual(claimsOf('Customer retention fell 3% this year.\n'), []);
    assert.deepEqual(claimsOf('GPU utilization stayed below the 80% benchmark.\n'), []);
  });

  it('pairs "A and B were X and Y" in order, and otherwise gives each value to the nearest name before it', () => {
    assert.deepEqual(claimsOf('GPU utilization and customer retention were 84% and 97% respectively.\n'), [
      ['gpu-utilization-rate', '84%', 'meets'],
      ['customer-retention', '97%', 'meets'],
    ]);
    assert.deepEqual(claimsOf('GPU utilization hit 84% and customer retention 97%.\n'), [
      ['gpu-utilization-rate', '84%', 'meets'],
      ['customer-retention', '97%', 'meets'],
    ]);
    assert.deepEqual(claimsOf('GPU utilization and customer retention both improved to 90%.\n'), [['customer-retention', '90%', 'misses']]);
  });

  it('reads a value written just before the name', () => {
    assert.deepEqual(claimsOf('CoreWeave reported 96% customer retention for the year.\n'), [['customer-retention', '96%', 'meets']]);
  });

  it('reads every value form', () => {
    const cases: [string, string, number, number][] = [
      ['GPU utilization was 72 % in Q3.', '72 %', 72, 72],
      ['GPU utilization was 72\u00a0% in Q3.', '72\u00a0%', 72, 72],
      ['GPU utilization was 0.72 in Q3.', '0.72', 72, 72],
      ['GPU utilization was 70–75% in Q3.', '70–75%', 70, 75],
      ['GPU utilization was 70-75% in Q3.', '70-75%', 70, 75],
      ['GPU utilization was 70 to 75% in Q3.', '70 to 75%', 70, 75],
      ['GPU utilization was ~72% in Q3.', '~72%', 72, 72],
      ['GPU utilization was about 72% in Q3.', 'about 72%', 72, 72],
      ['GPU utilization was over 90% in Q3.', 'over 90%', 90, 90],
      ['GPU utilization was more than 90% in Q3.', 'more than 90%', 90, 90],
      ['GPU utilization was under 70% in Q3.', 'under 70%', 70, 70],
      ['GPU utilization was at least 96% in Q3.', 'at least 96%', 96, 96],
      ['Revenue per GPU hour was $2.10 in Q3.', '$2.10', 2.1, 2.1],
      ['Revenue per GPU hour was $2.10/GPU-hour in Q3.', '$2.10/GPU-hour', 2.1, 2.1],
      ['Revenue per GPU hour was USD 2.10 in Q3.', 'USD 2.10', 2.1, 2.1],
      ['Revenue per GPU hour was $1,250.50 for a full node-week.', '$1,250.50', 1250.5, 1250.5],
      ['Customer retention was -5% in the quarter.', '-5%', -5, -5],
    ];
    for (const [sentence, written, low, high] of cases) {
      const a = analyze(doc(sentence + '\n'));
      assert.equal(a.claims.length, 1, sentence);
      assert.equal(a.claims[0].value.text, written, sentence);
      assert.deepEqual([a.claims[0].value.low, a.claims[0].value.high], [low, high], sentence);
    }
  });

  it('reads 0.xx as a fraction only right next to the name', () => {
    assert.deepEqual(claimsOf('GPU utilization of 0.85 beats the target.\n'), [['gpu-utilization-rate', '0.85', 'meets']]);
    assert.deepEqual(claimsOf('GPU utilization improved in the third quarter of the year with a ratio of 0.85.\n'), []);
  });

  it('claims a wrong-unit value only when it directly follows the name', () => {
    assert.deepEqual(claimsOf('Customer retention of $5 per seat.\n'), [['customer-retention', '$5 per seat', 'wrong-unit']]);
    assert.deepEqual(claimsOf('Revenue per GPU hour rose 12% to $2.10.\n'), [['revenue-per-gpu-hour', '$2.10', 'no-benchmark']]);
    assert.deepEqual(claimsOf('Revenue per GPU hour grew 12% this year.\n'), []);
  });

  it('does not read dates, quarters, years, model names or counts as values', () => {
    assert.deepEqual(claimsOf('GPU utilization in Q3 2026 (as of 2026-09-30, FY2026, H100 and B200 fleets, 3 regions) was not disclosed.\n'), []);
  });

  it('works with tabs, odd spacing and non-breaking spaces in names', () => {
    assert.deepEqual(claimsOf('GPU\u00a0utilization\t  averaged   72%   in Q3.\n'), [['gpu-utilization-rate', '72%', 'misses']]);
    assert.deepEqual(claimsOf('Gpu-Utilization   rate\u00a0:  81%\n'), [['gpu-utilization-rate', '81%', 'meets']]);
  });
});

describe('analysis: what is never a claim', () => {
  it('skips fenced code (``` and ~~~), indented code, inline code and HTML comments', () => {
    const body = [
      '```',
      'GPU utilization: 10%',
      '```',
      '',
      '~~~yaml',
      'retention: 10%',
      '~~~',
      '',
      '    GPU utilization: 11%',
      '',
      'The field `GPU utilization: 12%` is a placeholder.',
      '',
      '<!-- GPU utilization: 13% -->',
      '<!--',
      'Customer retention: 14%',
      '-->',
      '',
      'Text with ~~GPU utilization 15%~~ struck out.',
      '',
      'GPU utilization: 99%',
      '',
    ].join('\n');
    assert.deepEqual(claimsOf(body), [['gpu-utilization-rate', '99%', 'meets']]);
  });

  it('an unclosed fence swallows the rest, as in CommonMark', () => {
    assert.deepEqual(claimsOf('````md\nGPU utilization: 10%\n```\nCustomer retention: 12%\n'), []);
  });

  it('a four-space indented line inside a list item is the item\'s text, not code', () => {
    assert.deepEqual(claimsOf('- Scorecard\n\n    GPU utilization: 85%\n'), [['gpu-utilization-rate', '85%', 'meets']]);
  });

  it('link targets and URLs are not values', () => {
    assert.deepEqual(claimsOf('GPU utilization (see [the 10-Q](https://example.com/q3-2026/72%25)) is https://x.test/80 per the filing.\n'), []);
  });

  it('the front matter is not a claim', () => {
    const a = analyze('---\npattern: ai-infrastructure\nnote: "GPU utilization: 50%"\n---\n\nNo numbers here.\n');
    assert.deepEqual(a.claims, []);
  });
});
