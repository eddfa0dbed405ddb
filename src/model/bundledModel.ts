/**
 * The bundled Pattern #17 model, validated once by the same loader users' models go through. The
 * JSON is inlined by the bundler, so loading costs no file I/O at activation.
 */
import bundledJson from '../../patterns/ai-infrastructure.pattern.json';
import { loadPatternModel } from './modelLoader';
import { PatternIndex } from './patternIndex';

let cached: PatternIndex | undefined;

/** The index of the bundled model. Throws only if the bundled file itself is broken (a build bug a unit test catches). */
export function bundledIndex(): PatternIndex {
  if (!cached) {
    const result = loadPatternModel(JSON.stringify(bundledJson), { keysUnique: true });
    if (!result.model) throw new Error(`bundled pattern model is invalid: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    cached = new PatternIndex(result.model);
  }
  return cached;
}
