/**
 * The answers kept with a pattern index across analyses (src/analysis/nameAnswers.ts): an analysis
 * that follows others of the same index must be exactly the one a fresh index gives, whatever the
 * earlier documents named (other subjects change a table's value column), and the maps stay bounded.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/analysis/analyze';
import { BoundedMap, MAX_ANSWERS, MAX_KEY_LENGTH, nameAnswersOf } from '../../../src/analysis/nameAnswers';
import type { Analysis } from '../../../src/analysis/types';
import { bundledIndex } from '../../../src/model/bundledModel';
import { PatternCatalog } from '../../../src/model/patternCatalog';
import { generateAnalysis } from '../../support/analysisGenerator';

function freshCatalog(): PatternCatalog {
  return new PatternCatalog([{ index: bundledIndex(), origin: 'bundled', bundled: true }]);
}

/** Without the pattern index object (each catalog has its own) and the parsed YAML. */
function comparable(a: Analysis): unknown {
  const { pattern, frontMatter, ...rest } = a;
  return { ...rest, pattern: pattern?.model.id, frontMatter: frontMatter && { ...frontMatter, data: JSON.stringify(frontMatter.data) } };
}

/** A scorecard whose value column is named after the subject: the same header means another column for another subject. */
function subjectScorecard(subject: string): string {
  return [
    '---', 'pattern: AI Infrastructure', `subject: ${subject}`, '---', '',
    '## Key Metrics & Benchmarks', '',
    '| Metric | CoreWeave | Lambda Labs |', '| --- | --- | --- |', '| GPU Utilization Rate | 91% | 62% |', '',
    '## Strengths & Weaknesses', '', '**GPU Utilisation Rat:** 70%', '',
  ].join('\n');
}

describe('analysis: answers kept with the index across analyses', () => {
  it('an analysis after others of the same index equals one with a fresh index', () => {
    const shared = freshCatalog();
    const texts = [subjectScorecard('CoreWeave'), subjectScorecard('Lambda Labs'), ...[1, 2, 3, 4, 5, 6].map((seed) => generateAnalysis({ seed, minChars: 6_000 }).text)];
    // Twice round: the second time every answer comes from the kept maps.
    for (const text of [...texts, ...texts]) {
      assert.deepEqual(comparable(analyzeText(text, shared)), comparable(analyzeText(text, freshCatalog())));
    }
    const [coreweave, lambda] = [analyzeText(texts[0], shared), analyzeText(texts[1], shared)];
    assert.equal(coreweave.claims[0]?.value.text, '91%');
    assert.equal(lambda.claims[0]?.value.text, '62%');
  });

  it('a map that is full starts afresh instead of growing', () => {
    const map = new BoundedMap<string, number>(3);
    for (const k of ['a', 'b', 'c']) map.set(k, 1);
    map.set('b', 2);
    assert.equal(map.size, 3, 'a key already there is replaced, nothing dropped');
    map.set('d', 1);
    assert.deepEqual([...map.keys()], ['d']);
  });

  it('a long text is answered but its answer is not kept', () => {
    const map = new BoundedMap<string, number>(3);
    map.set('x'.repeat(MAX_KEY_LENGTH), 1);
    map.set('y'.repeat(MAX_KEY_LENGTH + 1), 2);
    assert.deepEqual([...map.values()], [1]);
    const catalog = freshCatalog();
    const long = `GPU Utilization Rate ${'and more words '.repeat(200)}`;
    const text = `---\npattern: AI Infrastructure\nsubject: CoreWeave\n---\n\n## ${long}\n\nGPU utilization was 91% in Q3 2026.\n`;
    assert.deepEqual(comparable(analyzeText(text, catalog)), comparable(analyzeText(text, freshCatalog())));
    const answers = nameAnswersOf(catalog.find('AI Infrastructure') as NonNullable<ReturnType<PatternCatalog['find']>>);
    assert.ok(![...answers.sectionOf.keys(), ...answers.headingNames.keys()].some((k) => k.length > MAX_KEY_LENGTH), 'no long heading kept');
  });

  it('answer() reads a key once, keeps undefined answers too, under the kept form of the key, and no long key', () => {
    const map = new BoundedMap<string, number | undefined>(10);
    const reads: string[] = [];
    const read = (key: string): number | undefined => {
      reads.push(key);
      return key === 'none' ? undefined : key.length;
    };
    const keep = (key: string): string => key.toUpperCase();
    assert.equal(map.answer('abc', read, keep), 3);
    assert.equal(map.answer('none', read, keep), undefined);
    assert.deepEqual([...map.keys()], ['ABC', 'NONE'], 'kept under keep(key)');
    // Asked again under the kept form: answered without reading.
    assert.equal(map.answer('ABC', read, keep), 3);
    assert.equal(map.answer('NONE', read, keep), undefined);
    assert.deepEqual(reads, ['abc', 'none']);
    const long = 'x'.repeat(MAX_KEY_LENGTH + 1);
    assert.equal(map.answer(long, read, keep), MAX_KEY_LENGTH + 1);
    assert.equal(map.size, 2, 'a long key is answered, not kept');
  });

  it('a document of many distinct headings leaves at most MAX_ANSWERS kept per map', () => {
    const catalog = freshCatalog();
    const headings = Array.from({ length: MAX_ANSWERS + 500 }, (_, k) => `## Heading number ${k}\n`).join('\n');
    analyzeText(`---\npattern: AI Infrastructure\n---\n\n${headings}`, catalog);
    const answers = nameAnswersOf(catalog.find('AI Infrastructure') as NonNullable<ReturnType<PatternCatalog['find']>>);
    assert.ok(answers.sectionOf.size <= MAX_ANSWERS && answers.sectionOf.size > 0, `sectionOf holds ${answers.sectionOf.size}`);
    assert.ok(answers.headingNames.size <= MAX_ANSWERS, `headingNames holds ${answers.headingNames.size}`);
  });
});
