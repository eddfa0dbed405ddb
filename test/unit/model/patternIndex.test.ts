/**
 * The one lookup API over the bundled model: every name an analyst writes for a metric or company
 * (including the aliases the issue names) resolves, in any capitalisation and across line breaks,
 * non-breaking spaces and hyphens; mentions in prose are found with exact offsets; common words
 * marked `matchCase` are not taken for companies; and near-misses get the right suggestion.
 */
import * as assert from 'assert';
import { entityKey, entityName, type Entity, type Mention } from '../../../src/model/patternIndex';
import { PatternIndex } from '../../../src/model/patternIndex';
import { loadPatternModel } from '../../../src/model/modelLoader';
import { bundledPatternIndex, minimalModelJson } from './modelFixtures';

const index = bundledPatternIndex();

function keyOf(entity: Entity | undefined): string | undefined {
  return entity ? entityKey(entity) : undefined;
}

/** Mentions as `[text, entity key, start]`, the way a reader checks them. */
function mentionsOf(text: string): [string, string, number][] {
  return index.mentions(text).map((m: Mention) => [m.text, entityKey(m.entity), m.start]);
}

describe('PatternIndex: lookup by name and alias', () => {
  const metricNames: [string, string][] = [
    ['GPU Utilization Rate', 'gpu-utilization-rate'],
    ['GPU utilization', 'gpu-utilization-rate'],
    ['utilization rate', 'gpu-utilization-rate'],
    ['Revenue per GPU Hour', 'revenue-per-gpu-hour'],
    ['revenue per GPU-hour', 'revenue-per-gpu-hour'],
    ['$/GPU-hour', 'revenue-per-gpu-hour'],
    ['Customer Retention', 'customer-retention'],
    ['retention', 'customer-retention'],
    ['Capacity Growth Rate', 'capacity-growth-rate'],
    ['capacity growth', 'capacity-growth-rate'],
    ['fleet growth', 'capacity-growth-rate'],
  ];
  for (const [name, id] of metricNames) {
    it(`"${name}" is metric ${id}`, () => assert.strictEqual(keyOf(index.lookup(name)), `metric:${id}`));
  }

  const companyNames: [string, string][] = [
    ['AWS', 'aws'], ['Amazon Web Services', 'aws'],
    ['Azure', 'microsoft-azure'], ['Microsoft Azure', 'microsoft-azure'],
    ['Google Cloud', 'google-cloud'], ['GCP', 'google-cloud'],
    ['Lambda', 'lambda-labs'], ['Lambda Labs', 'lambda-labs'],
    ['Together', 'together-ai'], ['Together AI', 'together-ai'],
    ['CoreWeave', 'coreweave'],
  ];
  for (const [name, id] of companyNames) {
    it(`"${name}" is company ${id}`, () => assert.strictEqual(keyOf(index.lookup(name)), `company:${id}`));
  }

  it('ignores case, and treats line breaks, non-breaking spaces and hyphens as spaces', () => {
    for (const written of ['gpu utilization rate', 'GPU UTILIZATION RATE', 'GPU\nutilization', 'GPU\r\nUtilization Rate', 'GPU\u00a0Utilization Rate',
      'GPU  \t utilization', 'revenue per GPU hour', 'Revenue-per-GPU-Hour', 'REVENUE PER GPU\u00a0HOUR', '  retention  ', 'amazon web services', 'gcp', 'google\ncloud']) {
      assert.ok(index.lookup(written), `"${JSON.stringify(written)}" does not resolve`);
    }
    assert.strictEqual(keyOf(index.lookup('GPU\nutilization')), 'metric:gpu-utilization-rate');
    assert.strictEqual(keyOf(index.lookup('revenue per GPU hour')), 'metric:revenue-per-gpu-hour');
    assert.strictEqual(keyOf(index.lookup('GOOGLE CLOUD')), 'company:google-cloud');
  });

  it('a matchCase alias resolves only with its own capitals', () => {
    assert.strictEqual(index.lookup('together'), undefined);
    assert.strictEqual(index.lookup('TOGETHER'), undefined);
    assert.strictEqual(index.lookup('lambda'), undefined);
    // The canonical names stay case-insensitive.
    assert.strictEqual(keyOf(index.lookup('together ai')), 'company:together-ai');
    assert.strictEqual(keyOf(index.lookup('LAMBDA LABS')), 'company:lambda-labs');
  });

  it('finds the pattern and its sections by name, and nothing for unknown names', () => {
    assert.strictEqual(index.lookup('AI Infrastructure')?.kind, 'pattern');
    assert.strictEqual(keyOf(index.lookup('key metrics & benchmarks')), 'section:key-metrics');
    assert.strictEqual(index.lookup('Churn'), undefined);
    assert.strictEqual(index.lookup(''), undefined);
    assert.strictEqual(index.lookup('GPU'), undefined, 'a word of a name is not the name');
  });

  it('byId and metric() reach entities by their stable keys', () => {
    assert.strictEqual(index.metric('customer-retention')?.name, 'Customer Retention');
    assert.strictEqual(index.metric('aws'), undefined);
    assert.strictEqual(entityName(index.byId('company:coreweave') as Entity), 'CoreWeave');
    assert.strictEqual(entityName(index.byId('weakness:2') as Entity), 'Utilization risk if AI demand slows');
    assert.strictEqual(index.byId('metric:nope'), undefined);
  });

  it('lists every entity once, in the source order', () => {
    const keys = index.entities.map(entityKey);
    assert.strictEqual(new Set(keys).size, keys.length);
    assert.deepStrictEqual(keys.slice(0, 7), ['pattern', 'section:the-pattern', 'section:key-metrics', 'section:who-uses',
      'section:strengths-weaknesses', 'section:ai-transformation', 'section:insight']);
    assert.strictEqual(keys.length, 1 + 6 + 4 + 6 + 4 + 4);
  });

  it('namesOf gives the canonical name first, then the aliases', () => {
    const aws = index.byId('company:aws') as Entity;
    assert.deepStrictEqual(index.namesOf(aws), ['AWS', 'Amazon Web Services']);
  });
});

describe('PatternIndex: mentions in prose', () => {
  it('finds metrics and companies in a realistic paragraph with exact offsets', () => {
    const text = 'CoreWeave reported GPU utilization of 72% last quarter, while AWS and Azure kept customer retention above 95%.';
    const found = mentionsOf(text);
    assert.deepStrictEqual(found, [
      ['CoreWeave', 'company:coreweave', 0],
      ['GPU utilization', 'metric:gpu-utilization-rate', text.indexOf('GPU')],
      ['AWS', 'company:aws', text.indexOf('AWS')],
      ['Azure', 'company:microsoft-azure', text.indexOf('Azure')],
      ['customer retention', 'metric:customer-retention', text.indexOf('customer retention')],
    ]);
    for (const m of index.mentions(text)) assert.strictEqual(text.slice(m.start, m.end), m.text);
  });

  it('prefers the longest name where names overlap', () => {
    const cases: [string, string, string][] = [
      ['Our GPU Utilization Rate hit 85%.', 'GPU Utilization Rate', 'GPU Utilization Rate'],
      ['Customer Retention was 97% annual.', 'Customer Retention', 'Customer Retention'],
      ['We moved to Microsoft Azure in 2024.', 'Microsoft Azure', 'Microsoft Azure'],
      ['Lambda Labs cut prices.', 'Lambda Labs', 'Lambda Labs'],
      ['Together AI serves open models.', 'Together AI', 'Together AI'],
      ['Google Cloud Platform grew.', 'Google Cloud Platform', 'Google Cloud Platform'],
      ['Capacity growth of 30% quarter-over-quarter.', 'Capacity growth', 'capacity growth'],
    ];
    for (const [text, written, matched] of cases) {
      const ms = index.mentions(text);
      assert.strictEqual(ms.length, 1, `${text}: ${JSON.stringify(ms.map((m) => m.text))}`);
      assert.strictEqual(ms[0].text, written);
      assert.strictEqual(ms[0].matched, matched);
    }
  });

  it('matches across a line break, a non-breaking space and a hyphen, reporting the text as written', () => {
    const text = 'Fleet-wide GPU\nutilization averaged 78%; revenue per GPU\u00a0hour was $2.10 and $/GPU-hour will rise.';
    const found = mentionsOf(text);
    assert.deepStrictEqual(found, [
      ['GPU\nutilization', 'metric:gpu-utilization-rate', text.indexOf('GPU\n')],
      ['revenue per GPU\u00a0hour', 'metric:revenue-per-gpu-hour', text.indexOf('revenue')],
      ['$/GPU-hour', 'metric:revenue-per-gpu-hour', text.indexOf('$/GPU')],
    ]);
  });

  it('does not take the common word "together" for Together AI, but takes "Together" and "Lambda"', () => {
    assert.deepStrictEqual(mentionsOf('We worked together on the capex plan.'), []);
    assert.deepStrictEqual(mentionsOf('Putting it all together, margins are thin.'), []);
    const text = 'Smaller clouds such as Lambda and Together undercut the hyperscalers.';
    assert.deepStrictEqual(mentionsOf(text), [
      ['Lambda', 'company:lambda-labs', text.indexOf('Lambda')],
      ['Together', 'company:together-ai', text.indexOf('Together')],
    ]);
    assert.deepStrictEqual(mentionsOf('Write it as a lambda expression.'), []);
  });

  it('does not match inside words', () => {
    assert.deepStrictEqual(mentionsOf('AWSome results; Azurean skies; GCPX; retentions; preretention; subutilization rate.'), []);
    assert.deepStrictEqual(mentionsOf('Lambdas and Togetherness.'), []);
  });

  it('finds a name next to punctuation, in markdown, at the very start and end of the text', () => {
    const text = 'AWS: **GPU utilization** (72%) vs. `Azure`—see GCP';
    assert.deepStrictEqual(mentionsOf(text).map((m) => [m[0], m[2]]), [
      ['AWS', 0], ['GPU utilization', text.indexOf('GPU')], ['Azure', text.indexOf('Azure')], ['GCP', text.length - 3],
    ]);
  });

  it('mentionAt finds the mention under an offset, and nothing between mentions', () => {
    const text = 'Our retention is 96% at CoreWeave.';
    assert.strictEqual(index.mentionAt(text, text.indexOf('retention') + 3)?.matched, 'retention');
    assert.strictEqual(index.mentionAt(text, text.indexOf('96')), undefined);
    assert.strictEqual(keyOf(index.mentionAt(text, text.indexOf('CoreWeave'))?.entity), 'company:coreweave');
  });

  it('returns nothing for text without names, and copes with empty and very long text', () => {
    assert.deepStrictEqual(index.mentions(''), []);
    assert.deepStrictEqual(index.mentions('Margins improved in the third quarter.'), []);
    const long = 'Lorem ipsum dolor sit amet. '.repeat(20_000) + 'GCP';
    const found = index.mentions(long);
    assert.strictEqual(found.length, 1);
    assert.strictEqual(found[0].start, long.length - 3);
  });
});

describe('PatternIndex: suggestions for near-miss names', () => {
  it('suggests GPU Utilization Rate for "GPU Utilisation Rat"', () => {
    const [best] = index.suggest('GPU Utilisation Rat');
    assert.ok(best, 'no suggestion');
    assert.strictEqual(entityName(best.entity), 'GPU Utilization Rate');
    assert.ok(index.namesOf(best.entity).includes(best.name), `"${best.name}" is not a name of the metric`);
    assert.ok(best.distance >= 1);
  });

  it('suggests CoreWeave for "Coreweave" (a company spelt with the wrong capitals)', () => {
    const [best] = index.suggest('Coreweave');
    assert.ok(best, 'no suggestion');
    assert.strictEqual(best.name, 'CoreWeave');
    assert.strictEqual(keyOf(best.entity), 'company:coreweave');
  });

  it('suggests nothing for a name already spelt right', () => {
    assert.deepStrictEqual(index.suggest('CoreWeave'), []);
    assert.deepStrictEqual(index.suggest('GPU Utilization Rate'), []);
    assert.deepStrictEqual(index.suggest('gpu utilization rate'), [], 'metric names are case-insensitive: no fix to offer');
  });

  it('suggests the proper spelling of any company name or alias written in other capitals', () => {
    assert.deepStrictEqual(index.suggest('aws').map((s) => s.name), ['AWS']);
    assert.deepStrictEqual(index.suggest('amazon web services').map((s) => s.name), ['Amazon Web Services']);
    assert.deepStrictEqual(index.suggest('Together ai').map((s) => s.name), ['Together AI']);
    assert.deepStrictEqual(index.suggest('aws', ['metric']), [], 'only when companies are asked for');
  });

  it('does not offer a matchCase alias for the common word it guards against, even misspelt', () => {
    assert.deepStrictEqual(index.suggest('together').map((s) => s.name), []);
    assert.deepStrictEqual(index.suggest('togther').map((s) => s.name), []);
    assert.deepStrictEqual(index.suggest('lambda').map((s) => s.name), []);
    assert.deepStrictEqual(index.suggest('Togther').map((s) => s.name), ['Together'], 'a capitalised typo is the company');
  });

  it('suggests nothing for unrelated words and for very short input', () => {
    assert.deepStrictEqual(index.suggest('Quarterly revenue'), []);
    assert.deepStrictEqual(index.suggest('AW'), []);
  });

  it('can be limited to some kinds of entity', () => {
    assert.deepStrictEqual(index.suggest('Coreweave', ['metric']), []);
    assert.strictEqual(index.suggest('Custmer Retention', ['metric'])[0]?.name, 'Customer Retention');
  });
});

describe('PatternIndex: any valid model', () => {
  it('works for a model with no metrics or companies', () => {
    const result = loadPatternModel(JSON.stringify(minimalModelJson()));
    assert.ok(result.model, JSON.stringify(result.errors));
    const small = new PatternIndex(result.model);
    assert.deepStrictEqual(small.mentions('AWS and GPU utilization'), []);
    assert.strictEqual(small.lookup('minimal pattern')?.kind, 'pattern');
    assert.deepStrictEqual(small.suggest('Coreweave'), []);
  });

  it('matches names with regex characters literally', () => {
    const json = minimalModelJson();
    json.sections = [{ id: 'metrics', kind: 'metrics', title: 'Metrics' }];
    json.metrics = [{ id: 'ltv-cac', name: 'LTV/CAC (x)', benchmarkText: '>3x', unit: { kind: 'multiple', label: 'x' }, aliases: ['C++ share', 'a.b'] }];
    const result = loadPatternModel(JSON.stringify(json));
    assert.ok(result.model, JSON.stringify(result.errors));
    const small = new PatternIndex(result.model);
    assert.deepStrictEqual(small.mentions('Our LTV/CAC (x) is 4; C++ share 10%; axb; a.b.').map((m) => m.text), ['LTV/CAC (x)', 'C++ share', 'a.b']);
  });
});
