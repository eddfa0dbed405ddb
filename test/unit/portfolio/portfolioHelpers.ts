/** The sample portfolio (samples/ and samples/portfolio/) indexed with the bundled model, for the portfolio tests. */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { bundledIndex } from '../../../src/model/bundledModel';
import { PatternCatalog } from '../../../src/model/patternCatalog';
import { buildIndexEntry } from '../../../src/portfolio/indexEntry';
import type { IndexEntry } from '../../../src/portfolio/types';

export const SAMPLES = path.resolve(__dirname, '../../../../samples');

export function catalog(): PatternCatalog {
  return new PatternCatalog([{ index: bundledIndex(), origin: 'bundled', bundled: true }]);
}

export function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? markdownFiles(path.join(dir, e.name)) : e.name.endsWith('.md') ? [path.join(dir, e.name)] : []))
    .sort();
}

export function sampleEntries(): IndexEntry[] {
  const cat = catalog();
  return markdownFiles(SAMPLES).flatMap((f) => buildIndexEntry(f, readFileSync(f, 'utf8'), cat) ?? []);
}

/** An analysis text with a scorecard for the given values. */
export function analysisText(subject: string, period: string, util: string, extra = ''): string {
  return [
    '---', 'pattern: ai-infrastructure', `subject: ${subject}`, `period: ${period}`, '---', '',
    '## Key Metrics & Benchmarks', '',
    '| Metric | Value | Benchmark | Source |', '| --- | --- | --- | --- |',
    `| GPU Utilization Rate | ${util} | >80% | 10-Q |`, '', extra, '',
  ].join('\n');
}
