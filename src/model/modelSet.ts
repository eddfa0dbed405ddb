/**
 * Loads a set of analysts' `*.pattern.json` files beside the bundled model, the one way the editor
 * and the CLI both do it: each file through the loader, in a stable order (sorted by origin), so
 * that "the second model with an id" is the same file everywhere. Broken files and duplicate ids
 * become {@link ModelProblem}s with a range in that file; every other model keeps working.
 *
 * Pure: the edges read the files (vscode.workspace.fs, node:fs) and hand over their text.
 */
import { findNodeAtOffset, parseTree, type Node } from 'jsonc-parser';
import { bundledIndex } from './bundledModel';
import { lineColumnOf, loadPatternModel } from './modelLoader';
import { PatternCatalog, type CatalogEntry } from './patternCatalog';
import { PatternIndex } from './patternIndex';
import type { PatternModel } from './types';

/** Largest model file read at all: a pattern model is a few kilobytes; anything far bigger is a mistake. */
export const MAX_MODEL_BYTES = 2 * 1024 * 1024;

/** Problems reported per file at most; a file with more is broken wholesale and more would only be noise. */
export const MAX_PROBLEMS_PER_FILE = 100;

/** The glob a workspace's model files match. */
export const MODEL_FILE_GLOB = '**/*.pattern.json';
export const MODEL_FILE_SUFFIX = '.pattern.json';

/** One model file as an edge read it. `origin` names it in messages (a path or a URI). */
export interface ModelFile {
  readonly origin: string;
  readonly text: string;
}

/** 0-based line and UTF-16 character, like the editor's positions. */
export interface ModelPosition {
  readonly line: number;
  readonly character: number;
}

export interface ModelRange {
  readonly start: ModelPosition;
  readonly end: ModelPosition;
}

/** Something wrong with one model file, and where. */
export interface ModelProblem {
  readonly origin: string;
  /** The reason, after the JSON path where it helps: `$.metrics[0].unit: missing required property "kind"`. */
  readonly message: string;
  /** JSON path of the offending value (`$` for syntax errors). */
  readonly path: string;
  readonly range: ModelRange;
}

export type ModelFileStatus =
  /** Loaded and in the catalog. */
  | 'ok'
  /** Not a valid model: see its problems. */
  | 'invalid'
  /** Valid, but its id is taken by a model loaded before it: refused. */
  | 'duplicate-id'
  /** A byte-for-byte-equivalent copy of an already loaded model (e.g. the bundled model kept in a repo): skipped quietly. */
  | 'same-as-loaded';

export interface ModelFileResult {
  readonly origin: string;
  readonly status: ModelFileStatus;
  readonly model?: PatternModel;
  readonly problems: readonly ModelProblem[];
}

export interface ModelSet {
  /** The bundled model and every accepted workspace model, bundled first. */
  readonly catalog: PatternCatalog;
  /** The accepted workspace models only (what the editor's ModelStore takes). */
  readonly entries: readonly CatalogEntry[];
  /** One result per file, in load order. */
  readonly files: readonly ModelFileResult[];
  /** Every problem of every file, in load order. */
  readonly problems: readonly ModelProblem[];
}

/** The bundled model's catalog entry. */
export function bundledEntry(): CatalogEntry {
  return { index: bundledIndex(), origin: 'bundled', bundled: true };
}

/** Compares origins by code unit, not locale, so every machine loads files in the same order. */
function byOrigin(a: ModelFile, b: ModelFile): number {
  return a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : 0;
}

/**
 * Loads model files beside the bundled model. Never throws. Files are taken in origin order;
 * a file whose id is already loaded is refused with a problem on its `id`, unless it is an exact
 * copy of the loaded model (then it is skipped without a problem: it changes nothing).
 */
export function loadModelSet(files: readonly ModelFile[], base: readonly CatalogEntry[] = [bundledEntry()]): ModelSet {
  const catalog = new PatternCatalog(base);
  const entries: CatalogEntry[] = [];
  const results: ModelFileResult[] = [];
  const problems: ModelProblem[] = [];
  const seenOrigins = new Set<string>();
  for (const file of [...files].sort(byOrigin)) {
    if (seenOrigins.has(file.origin)) continue;
    seenOrigins.add(file.origin);
    const result = loadOne(file, catalog, entries);
    results.push(result);
    problems.push(...result.problems);
  }
  return { catalog, entries, files: results, problems };
}

function loadOne(file: ModelFile, catalog: PatternCatalog, entries: CatalogEntry[]): ModelFileResult {
  const { origin, text } = file;
  const loaded = loadPatternModel(text);
  if (!loaded.model) {
    const root = treeOf(text);
    const shown = loaded.errors.slice(0, MAX_PROBLEMS_PER_FILE);
    const problems = shown.map((e) => problemAt(origin, text, e.path, e.message, e.offset, root));
    const hidden = loaded.errors.length - shown.length;
    if (hidden > 0) problems.push(problemAt(origin, text, '$', `${hidden} more problems not shown; fix the ones above first`, 0, root));
    return { origin, status: 'invalid', problems };
  }
  const model = loaded.model;
  const entry: CatalogEntry = { index: new PatternIndex(model), origin, bundled: false };
  if (catalog.add(entry).ok) {
    entries.push(entry);
    return { origin, status: 'ok', model, problems: [] };
  }
  const holder = catalog.entries.find((e) => e.index.model.id === model.id);
  if (holder && JSON.stringify(holder.index.model) === JSON.stringify(model)) {
    return { origin, status: 'same-as-loaded', model, problems: [] };
  }
  const owner = holder?.bundled ? 'the bundled model (which is never replaced)' : (holder?.origin ?? 'another model');
  const reason = `duplicate pattern id "${model.id}": already used by ${owner}, so this model is not loaded; give it an id of its own`;
  return { origin, status: 'duplicate-id', model, problems: [problemAt(origin, text, '$.id', reason, idOffset(text))] };
}

/**
 * The parse tree that squiggle ranges are measured on, or undefined when the text cannot give one:
 * jsonc-parser recurses once per nesting level, so a file nested thousands of levels deep (which
 * the loader refuses) would overflow the stack here and break the "never throws" promise.
 */
function treeOf(text: string): Node | undefined {
  try {
    return parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  } catch {
    return undefined;
  }
}

/** Offset of the top-level `id` value, for the duplicate-id squiggle. */
function idOffset(text: string): number | undefined {
  const root = parseTree(text, [], { allowTrailingComma: false, disallowComments: true });
  const prop = root?.children?.find((p) => p.type === 'property' && p.children?.[0]?.value === 'id');
  return prop?.children?.[1]?.offset;
}

/**
 * A problem with a range covering the offending token (a value, a key, or one brace of an object).
 * `root` is the file's parse tree when the caller already has it.
 */
export function problemAt(origin: string, text: string, path: string, reason: string, offset: number | undefined, root?: Node): ModelProblem {
  const start = Math.min(Math.max(offset ?? 0, 0), text.length);
  const length = tokenLength(text, start, root ?? treeOf(text));
  const message = path === '$' || path === '' ? reason : `${path}: ${reason}`;
  return { origin, message, path, range: { start: positionOf(text, start), end: positionOf(text, start + length) } };
}

function tokenLength(text: string, offset: number, root: Node | undefined): number {
  if (offset >= text.length) return 0;
  const node = root ? findNodeAtOffset(root, offset, false) : undefined;
  if (node && node.offset === offset && node.type !== 'object' && node.type !== 'array' && node.type !== 'property') {
    // A value or a key: underline it whole, but not past its own line (a long string stays readable).
    const lineEnd = text.indexOf('\n', offset);
    return Math.max(1, Math.min(node.length, (lineEnd < 0 ? text.length : lineEnd) - offset));
  }
  // An object, an array, or a syntax error: one character is enough to point at the place.
  return 1;
}

function positionOf(text: string, offset: number): ModelPosition {
  const { line, column } = lineColumnOf(text, offset);
  return { line: line - 1, character: column - 1 };
}

/** `file:line:col: error: message` (1-based), the form problem matchers read. */
export function formatModelProblem(problem: ModelProblem, displayOrigin: string = problem.origin): string {
  return `${displayOrigin}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: error: ${problem.message}`;
}
