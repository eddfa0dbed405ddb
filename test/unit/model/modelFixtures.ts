/**
 * Shared inputs of the model tests: the repository's own files (bundled model, schema, source
 * text) read from disk as a user's editor would read them, a way to derive a broken model from the
 * bundled one, and the schema compiled with ajv the way VS Code's JSON support reads it.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { loadPatternModel } from '../../../src/model/modelLoader';
import { PatternIndex } from '../../../src/model/patternIndex';
import type { PatternModel } from '../../../src/model/types';

/**
 * The repository root, found from the compiled test's location (out/test/unit/model). `out/` may
 * hold copies of package.json and patterns/ (emitted for JSON imports), never tsconfig.json.
 */
export const repoRoot: string = (() => {
  let dir = __dirname;
  while (!['package.json', 'tsconfig.json', 'schemas'].every((f) => fs.existsSync(path.join(dir, f)))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`repository root not found above ${__dirname}`);
    dir = parent;
  }
  return dir;
})();

export function readRepoFile(...segments: string[]): string {
  return fs.readFileSync(path.join(repoRoot, ...segments), 'utf8');
}

export const bundledModelText = (): string => readRepoFile('patterns', 'ai-infrastructure.pattern.json');
export const sourceText = (): string => readRepoFile('test', 'fixtures', 'pattern-17-ai-infrastructure.txt');

/** The bundled model as plain JSON (a fresh copy each call, safe to mutate). */
export function bundledJson(): Record<string, unknown> {
  return JSON.parse(bundledModelText()) as Record<string, unknown>;
}

/** The bundled model through the real loader; fails the test with the loader's errors if it does not load. */
export function bundledModel(): PatternModel {
  const result = loadPatternModel(bundledModelText());
  if (!result.model) throw new Error(`bundled model does not load: ${JSON.stringify(result.errors, null, 2)}`);
  return result.model;
}

export function bundledPatternIndex(): PatternIndex {
  return new PatternIndex(bundledModel());
}

/** A copy of the bundled model with one change applied, as the text a user would have saved. */
export function mutatedModelText(change: (model: any) => void): string { // eslint-disable-line @typescript-eslint/no-explicit-any
  const model = bundledJson();
  change(model);
  return JSON.stringify(model, null, 2);
}

/** The smallest model the format allows, as JSON (fresh copy each call). */
export function minimalModelJson(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id: 'minimal',
    name: 'Minimal Pattern',
    sections: [{ id: 'the-pattern', kind: 'prose', title: 'The Pattern', paragraphs: ['One paragraph.'] }],
  };
}

/** Keywords VS Code's JSON support adds to JSON Schema; ajv must know them to run in strict mode. */
const VSCODE_KEYWORDS = [
  'markdownDescription', 'defaultSnippets', 'patternErrorMessage', 'errorMessage', 'enumDescriptions',
  'markdownEnumDescriptions', 'deprecationMessage', 'doNotSuggest', 'suggestSortText', 'allowComments', 'allowTrailingCommas',
];

export function schemaJson(): Record<string, unknown> {
  return JSON.parse(readRepoFile('schemas', 'pattern-model.schema.json')) as Record<string, unknown>;
}

/**
 * The schema compiled by ajv in strict mode (so a misspelt keyword fails instead of being ignored).
 * `strictRequired` is off because `if`/`then` legitimately require properties defined elsewhere.
 */
export function compileSchema(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, strictTypes: true, strictTuples: true });
  ajv.addVocabulary(VSCODE_KEYWORDS);
  return ajv.compile(schemaJson());
}

export function schemaErrorsText(errors: readonly ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
}
