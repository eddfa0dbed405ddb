/**
 * The false-positive rate of `conflicting-value` on realistic analyses, not fixtures made to
 * trigger it: the hand-written samples, and 500 generated analyses whose sentences come from known
 * templates. The generator writes random values everywhere, so its analyses DO contradict
 * themselves; the oracle here is the template a flagged statement came from (independent of the
 * rule's own reasoning): only the templates that state the subject's own current figure may be
 * flagged, never one about a peer, another period, a change, a comparison or a target.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { sentenceAround } from '../../../src/analysis/conflictRules';
import { generateAnalysis } from '../../support/analysisGenerator';
import { analyze } from './analysisHelpers';

const SAMPLES = path.resolve(__dirname, '../../../../samples');

/** Generator templates that state the analysis's own current figure (so a contradiction there is real). */
const OWN_FIGURE = [
  /^\s*[-*]?\s*\d*\.?\s*Blended .* came in at .* as older A100 capacity repriced\./,
  /\*\*(GPU Utilization Rate|Customer Retention):\*\*/,
  /reached .* the fastest since .* went public\./,
];

describe('rule: conflicting-value, false positives on realistic analyses', () => {
  it('the samples raise it only where a sample plants a conflict', () => {
    const files = walk(SAMPLES);
    assert.ok(files.length >= 4);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const found = analyze(text).findings.filter((f) => f.rule === 'conflicting-value');
      const planted = /conflict-planted: true/.test(text);
      if (!planted) assert.deepEqual(found.map((f) => f.message), [], path.relative(SAMPLES, file));
    }
  });

  it('on 500 generated analyses every flagged statement is the subject\'s own current figure (0 false positives)', () => {
    let flagged = 0;
    let otherStatements = 0;
    const falsePositives: string[] = [];
    for (let seed = 1; seed <= 500; seed++) {
      const { text } = generateAnalysis({ seed });
      const lines = text.split('\n');
      const a = analyze(text);
      const atStatements = a.findings.filter((f) => f.rule === 'conflicting-value' && !lines[f.range.start.line].trimStart().startsWith('|'));
      for (const f of atStatements) {
        flagged++;
        const sentence = sentenceAround(lines, f.range.start.line, f.range.start.character);
        const own = OWN_FIGURE.some((re) => re.test(sentence) || re.test(lines[f.range.start.line])) || ownReport(sentence, text);
        if (!own) falsePositives.push(`seed ${seed}: ${sentence}`);
      }
      otherStatements += a.claims.filter((c) => c.context !== 'table').length;
    }
    assert.deepEqual(falsePositives, []);
    // The measure is meaningful: the rule does fire on the generator's self-contradictions, and most statements are left alone.
    assert.ok(flagged > 50, `flagged ${flagged}`);
    assert.ok(flagged < otherStatements / 2, `${flagged} of ${otherStatements}`);
  });
});

/**
 * The generator's "<company> reported <metric> of <value> in <period>." and "In <period>, <company>
 * added N GPUs; <growth> was <value>." about the analysis's own subject ("Lambda" for Lambda Labs,
 * "Azure" for Microsoft Azure) and period.
 */
function ownReport(sentence: string, text: string): boolean {
  const subject = /^subject: (.*)$/m.exec(text)?.[1]?.toLowerCase() ?? '';
  const period = /^period: (.*)$/m.exec(text)?.[1] ?? '';
  const reported = /([A-Z][A-Za-z ]+?) reported .* in ([^.]+)\.\s*$/.exec(sentence);
  const added = /In ([^,]+), ([A-Z][A-Za-z ]+?) added [\d,]+ GPUs;/.exec(sentence);
  const [company, when] = reported ? [reported[1], reported[2]] : added ? [added[2], added[1]] : ['', ''];
  const names = company.trim().toLowerCase();
  return names !== '' && (subject === names || subject.split(' ').includes(names)) && when.trim() === period;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.md') ? [path.join(dir, e.name)] : []));
}
