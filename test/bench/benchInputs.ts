/**
 * The inputs every in-process figure shares: the catalog with the bundled model (as the editor
 * and the CLI build it), generated analyses of the named sizes, made once per run, and the
 * statistics of each (printed and stored with every run, so a figure says what it ran on).
 */
import { createHash } from 'node:crypto';
import { analyzeText } from '../../src/analysis/analyze';
import { bundledIndex } from '../../src/model/bundledModel';
import { PatternCatalog } from '../../src/model/patternCatalog';
import { generateAnalysis } from '../support/analysisGenerator';

export const BENCH_SEED = 17;

/** The sizes the speed targets hold at: an analysis as analysts write it, a long one, and a book. */
export const SIZES = [
  { name: '4 KB', bytes: 4 * 1024 },
  { name: '100 KB', bytes: 100 * 1024 },
  { name: '1 MB', bytes: 1024 * 1024 },
] as const;

export type SizeName = (typeof SIZES)[number]['name'];

export function bundledCatalog(): PatternCatalog {
  return new PatternCatalog([{ index: bundledIndex(), origin: 'bundled', bundled: true }]);
}

const cache = new Map<string, string>();

/** A generated analysis of at least `bytes` UTF-8 bytes (the same text for the same size and seed). */
export function analysisOfBytes(bytes: number, seed = BENCH_SEED): string {
  const key = `b${bytes}:${seed}`;
  let text = cache.get(key);
  if (text === undefined) {
    // Characters ≈ bytes for this mostly-ASCII prose; top up until the byte count is reached.
    let chars = bytes;
    text = generateAnalysis({ seed, minChars: chars }).text;
    while (Buffer.byteLength(text) < bytes) {
      chars += Math.max(1024, bytes - Buffer.byteLength(text));
      text = generateAnalysis({ seed, minChars: chars }).text;
    }
    cache.set(key, text);
  }
  return text;
}

/** A generated analysis of at least `lines` lines. */
export function analysisOfLines(lines: number, seed = BENCH_SEED): string {
  const key = `l${lines}:${seed}`;
  let text = cache.get(key);
  if (text === undefined) {
    text = generateAnalysis({ seed, minLines: lines }).text;
    cache.set(key, text);
  }
  return text;
}

/** What a generated analysis is made of: enough to see whether two runs measured the same thing. */
export interface CorpusStats {
  readonly seed: number;
  readonly bytes: number;
  readonly lines: number;
  /** Distinct non-blank lines / non-blank lines: 1.0 is no repetition at all. */
  readonly uniqueLineShare: number;
  readonly claimsPerKB: number;
  readonly findingsPerKB: number;
  /** First 16 hex digits of the text's SHA-256. */
  readonly sha256: string;
}

export function corpusStats(text: string, seed = BENCH_SEED, catalog = bundledCatalog()): CorpusStats {
  const bytes = Buffer.byteLength(text);
  const lines = text.split('\n');
  const nonBlank = lines.filter((l) => l.trim() !== '');
  const analysis = analyzeText(text, catalog);
  const kb = bytes / 1024;
  const round = (n: number, digits: number): number => Math.round(n * 10 ** digits) / 10 ** digits;
  return {
    seed,
    bytes,
    lines: lines.length,
    uniqueLineShare: round(new Set(nonBlank).size / Math.max(1, nonBlank.length), 3),
    claimsPerKB: round(analysis.claims.length / kb, 2),
    findingsPerKB: round(analysis.findings.length / kb, 2),
    sha256: createHash('sha256').update(text).digest('hex').slice(0, 16),
  };
}

export function formatCorpus(name: string, s: CorpusStats): string {
  return `${name}: ${s.bytes.toLocaleString('en-US')} bytes, ${s.lines.toLocaleString('en-US')} lines, ${(s.uniqueLineShare * 100).toFixed(1)}% unique lines, ${s.claimsPerKB} claims/KB, ${s.findingsPerKB} findings/KB, seed ${s.seed}, sha256 ${s.sha256}`;
}
