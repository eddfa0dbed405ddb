/**
 * The inputs every in-process figure shares: the catalog with the bundled model (as the editor
 * and the CLI build it) and generated analyses of the named sizes, made once per run.
 */
import { bundledIndex } from '../../src/model/bundledModel';
import { PatternCatalog } from '../../src/model/patternCatalog';
import { generateAnalysis } from '../support/analysisGenerator';

export const BENCH_SEED = 17;

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
