/**
 * Turns the text of a `*.pattern.json` file into a typed {@link PatternModel}, or into a list of
 * clear errors (JSON path + reason + offset) that an editor can show as squiggles and the CLI as
 * `file:line:col` lines. It mirrors `schemas/pattern-model.schema.json` (a unit test keeps the two
 * in step) but is hand-written so that messages read well and the bundle stays small.
 *
 * The result is built from known keys only, field by field: keys such as `__proto__` or
 * `constructor` in a model are reported as unknown and can never reach an object's prototype.
 */
import { parseTree, findNodeAtLocation, printParseErrorCode, visit, type Node, type ParseError } from 'jsonc-parser';
import { nameKey, nameWords } from './names';
import type {
  AliasSpec, Benchmark, Comparator, Company, ExtensionNote, Metric, MetricUnit, ModelError, PatternModel,
  Section, SectionKind, SourceInfo, UnitKind,
} from './types';

export interface LoadResult {
  /** Present only when there were no errors. */
  readonly model?: PatternModel;
  readonly errors: readonly ModelError[];
}

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const COMPARATORS: readonly Comparator[] = ['>', '>=', '<', '<='];
const UNIT_KINDS: readonly UnitKind[] = ['percent', 'currency', 'number', 'multiple'];
const SECTION_KINDS: readonly SectionKind[] = ['prose', 'metrics', 'companies', 'strengthsWeaknesses'];
/**
 * Longest string accepted anywhere in a model: keeps a hostile model from bloating every hover.
 * Counted in characters (code points), as JSON Schema's `maxLength` counts them, so the schema
 * and the loader draw the line at the same place.
 */
const MAX_STRING = 10_000;
/**
 * Longest metric or company name or alias, in words and in characters. Each is searched for at
 * every word start of every document: the bundled model's longest has 6 words and
 * 35 characters. A hostile model's 2,000-word aliases made one line take 27 s to check.
 */
export const MAX_NAME_WORDS = 12;
export const MAX_NAME_CHARS = 120;
/** Most names and aliases in one model (the bundled model has 47). */
export const MAX_NAMES = 1_000;
/** Deeper than any real model (about 6 levels); the JSON parser recurses, so deeper input could overflow the stack. */
const MAX_DEPTH = 64;

type Json = unknown;
type Segment = string | number;

/** Collects errors with their JSON paths while the validators walk the value. */
class Reporter {
  readonly errors: { segments: Segment[]; message: string }[] = [];
  report(segments: Segment[], message: string): void {
    this.errors.push({ segments, message });
  }
}

function formatPath(segments: readonly Segment[]): string {
  return '$' + segments.map((s) => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`)).join('');
}

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  // JSON.stringify would print a number too large for JSON (1e999 parses to Infinity) as "null".
  if (typeof v === 'number') return `number ${Number.isFinite(v) ? v : 'too large to represent'}`;
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)?.slice(0, 40)}`;
}

/** Checks the keys of an object: required ones present, no unknown ones. */
function checkKeys(r: Reporter, at: Segment[], obj: Record<string, Json>, required: readonly string[], optional: readonly string[]): void {
  for (const key of required) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) r.report(at, `missing required property "${key}"`);
  }
  const allowed = new Set([...required, ...optional]);
  for (const key of Object.keys(obj)) {
    if (!allowed.has(key)) r.report([...at, key], `unknown property "${key}" (allowed: ${[...allowed].join(', ')})`);
  }
}

function own(obj: Record<string, Json>, key: string): Json {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

function str(r: Reporter, at: Segment[], v: Json, opts: { required?: boolean; pattern?: RegExp; patternHint?: string } = {}): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') {
    r.report(at, `expected a string, found ${describe(v)}`);
    return undefined;
  }
  if (opts.required !== false && v.trim() === '') {
    r.report(at, 'must not be empty');
    return undefined;
  }
  if (v.length > MAX_STRING) {
    const length = codePointLength(v);
    if (length > MAX_STRING) {
      r.report(at, `is ${length} characters long; the limit is ${MAX_STRING}`);
      return undefined;
    }
  }
  if (v.includes('\u0000')) {
    r.report(at, 'contains a NUL character (\\u0000); model text must be plain text');
    return undefined;
  }
  if (opts.pattern && !opts.pattern.test(v)) {
    r.report(at, `"${v.slice(0, 60)}" is not valid: ${opts.patternHint ?? 'wrong format'}`);
    return undefined;
  }
  return v;
}

function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A high surrogate followed by a low one is one character.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

function num(r: Reporter, at: Segment[], v: Json, integer = false): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    r.report(at, `expected a number, found ${describe(v)}`);
    return undefined;
  }
  if (integer && !Number.isInteger(v)) {
    r.report(at, `expected a whole number, found ${v}`);
    return undefined;
  }
  return v;
}

function oneOf<T extends string>(r: Reporter, at: Segment[], v: Json, allowed: readonly T[]): T | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    r.report(at, `expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, found ${describe(v)}`);
    return undefined;
  }
  return v as T;
}

function arr<T>(r: Reporter, at: Segment[], v: Json, item: (at: Segment[], v: Json) => T | undefined): T[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    r.report(at, `expected an array, found ${describe(v)}`);
    return [];
  }
  const out: T[] = [];
  v.forEach((el, i) => {
    const parsed = item([...at, i], el);
    if (parsed !== undefined) out.push(parsed);
  });
  return out;
}

function obj(r: Reporter, at: Segment[], v: Json): Record<string, Json> | undefined {
  if (v === undefined) return undefined;
  if (!isObject(v)) {
    r.report(at, `expected an object, found ${describe(v)}`);
    return undefined;
  }
  return v;
}

function alias(r: Reporter, at: Segment[], v: Json): AliasSpec | undefined {
  if (typeof v === 'string') {
    const text = str(r, at, v);
    return text === undefined ? undefined : { text, matchCase: false };
  }
  const o = obj(r, at, v);
  if (!o) return undefined;
  checkKeys(r, at, o, ['text'], ['matchCase']);
  const text = str(r, [...at, 'text'], own(o, 'text'));
  const matchCase = own(o, 'matchCase');
  if (matchCase !== undefined && typeof matchCase !== 'boolean') r.report([...at, 'matchCase'], `expected true or false, found ${describe(matchCase)}`);
  return text === undefined ? undefined : { text, matchCase: matchCase === true };
}

function aliases(r: Reporter, at: Segment[], v: Json): AliasSpec[] {
  return arr(r, at, v, (a, el) => alias(r, a, el));
}

function benchmark(r: Reporter, at: Segment[], v: Json): Benchmark | undefined {
  const o = obj(r, at, v);
  if (!o) return undefined;
  checkKeys(r, at, o, ['comparator', 'value'], ['period', 'basis']);
  const comparator = oneOf(r, [...at, 'comparator'], own(o, 'comparator'), COMPARATORS);
  const value = num(r, [...at, 'value'], own(o, 'value'));
  const period = str(r, [...at, 'period'], own(o, 'period'));
  const basis = str(r, [...at, 'basis'], own(o, 'basis'));
  if (comparator === undefined || value === undefined) return undefined;
  return { comparator, value, ...(period !== undefined && { period }), ...(basis !== undefined && { basis }) };
}

function unit(r: Reporter, at: Segment[], v: Json): MetricUnit | undefined {
  const o = obj(r, at, v);
  if (!o) return undefined;
  checkKeys(r, at, o, ['kind', 'label'], ['currency', 'per', 'period', 'min', 'max']);
  const kind = oneOf(r, [...at, 'kind'], own(o, 'kind'), UNIT_KINDS);
  const label = str(r, [...at, 'label'], own(o, 'label'));
  const currency = str(r, [...at, 'currency'], own(o, 'currency'), { pattern: /^[A-Z]{3}$/, patternHint: 'use a three-letter ISO code such as "USD"' });
  const per = str(r, [...at, 'per'], own(o, 'per'));
  const period = str(r, [...at, 'period'], own(o, 'period'));
  const min = num(r, [...at, 'min'], own(o, 'min'));
  const max = num(r, [...at, 'max'], own(o, 'max'));
  if (min !== undefined && max !== undefined && min > max) r.report([...at, 'max'], `max (${max}) is below min (${min})`);
  if (kind === 'currency' && currency === undefined && own(o, 'currency') === undefined) r.report(at, 'a currency unit needs "currency" (e.g. "USD")');
  if (kind === undefined || label === undefined) return undefined;
  return {
    kind, label,
    ...(currency !== undefined && { currency }), ...(per !== undefined && { per }), ...(period !== undefined && { period }),
    ...(min !== undefined && { min }), ...(max !== undefined && { max }),
  };
}

function extensionNote(r: Reporter, at: Segment[], v: Json): ExtensionNote | undefined {
  const o = obj(r, at, v);
  if (!o) return undefined;
  checkKeys(r, at, o, [], ['definition', 'direction']);
  const definition = str(r, [...at, 'definition'], own(o, 'definition'));
  const direction = oneOf(r, [...at, 'direction'], own(o, 'direction'), ['higher', 'lower'] as const);
  return { ...(definition !== undefined && { definition }), ...(direction !== undefined && { direction }) };
}

const id = (r: Reporter, at: Segment[], v: Json): string | undefined =>
  str(r, at, v, { pattern: ID_PATTERN, patternHint: 'use lower-case letters, digits and single hyphens, e.g. "gpu-utilization-rate"' });

function metric(r: Reporter, at: Segment[], v: Json): Metric | undefined {
  const o = obj(r, at, v);
  if (!o) return undefined;
  checkKeys(r, at, o, ['id', 'name', 'benchmarkText', 'unit'], ['benchmark', 'aliases', 'extensionNote']);
  const mid = id(r, [...at, 'id'], own(o, 'id'));
  const name = str(r, [...at, 'name'], own(o, 'name'));
  const benchmarkText = str(r, [...at, 'benchmarkText'], own(o, 'benchmarkText'));
  const bm = own(o, 'benchmark') === undefined ? undefined : benchmark(r, [...at, 'benchmark'], own(o, 'benchmark'));
  const u = unit(r, [...at, 'unit'], own(o, 'unit'));
  const al = aliases(r, [...at, 'aliases'], own(o, 'aliases'));
  const note = own(o, 'extensionNote') === undefined ? undefined : extensionNote(r, [...at, 'extensionNote'], own(o, 'extensionNote'));
  if (mid === undefined || name === undefined || benchmarkText === undefined || u === undefined) return undefined;
  return { id: mid, name, benchmarkText, unit: u, aliases: al, ...(bm && { benchmark: bm }), ...(note && { extensionNote: note }) };
}

function company(r: Reporter, at: Segment[], v: Json): Company | undefined {
  const o = obj(r, at, v);
  if (!o) return undefined;
  checkKeys(r, at, o, ['id', 'name', 'note'], ['aliases']);
  const cid = id(r, [...at, 'id'], own(o, 'id'));
  const name = str(r, [...at, 'name'], own(o, 'name'));
  const note = str(r, [...at, 'note'], own(o, 'note'));
  const al = aliases(r, [...at, 'aliases'], own(o, 'aliases'));
  if (cid === undefined || name === undefined || note === undefined) return undefined;
  return { id: cid, name, note, aliases: al };
}

function section(r: Reporter, at: Segment[], v: Json): Section | undefined {
  const o = obj(r, at, v);
  if (!o) return undefined;
  checkKeys(r, at, o, ['id', 'kind', 'title'], ['paragraphs', 'aliases']);
  const sid = id(r, [...at, 'id'], own(o, 'id'));
  const kind = oneOf(r, [...at, 'kind'], own(o, 'kind'), SECTION_KINDS);
  const title = str(r, [...at, 'title'], own(o, 'title'));
  const paragraphs = arr(r, [...at, 'paragraphs'], own(o, 'paragraphs'), (a, el) => str(r, a, el));
  const al = aliases(r, [...at, 'aliases'], own(o, 'aliases'));
  if (sid === undefined || kind === undefined || title === undefined) return undefined;
  return { id: sid, kind, title, paragraphs, aliases: al };
}

function source(r: Reporter, at: Segment[], v: Json): SourceInfo {
  const o = v === undefined ? {} : obj(r, at, v) ?? {};
  checkKeys(r, at, o, [], ['publisher', 'author', 'collection', 'document', 'url', 'headerLines', 'closing']);
  const fields: Record<string, string> = {};
  for (const key of ['publisher', 'author', 'collection', 'document', 'closing'] as const) {
    const s = str(r, [...at, key], own(o, key));
    if (s !== undefined) fields[key] = s;
  }
  const url = str(r, [...at, 'url'], own(o, 'url'), { pattern: /^https?:\/\//i, patternHint: 'use an http(s) address' });
  if (url !== undefined) fields.url = url;
  return { ...fields, headerLines: arr(r, [...at, 'headerLines'], own(o, 'headerLines'), (a, el) => str(r, a, el)) };
}

/**
 * Ids must be unique within a list, and no two entities may answer to the same name or alias.
 * Names are compared with the index's own {@link nameKey}, and claimed in the index's order
 * (pattern, sections, metrics, companies), so whatever the index could confuse is refused here.
 */
function checkUniqueness(r: Reporter, model: PatternModel): void {
  const lists: [string, readonly { id: string }[]][] = [['sections', model.sections], ['metrics', model.metrics], ['companies', model.companies]];
  for (const [key, list] of lists) {
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first !== undefined) r.report([key, i, 'id'], `duplicate id "${item.id}" (also at ${formatPath([key, first, 'id'])})`);
      else seen.set(item.id, i);
    });
  }
  const owners = new Map<string, string>();
  let names = 0;
  /** `searched`: a metric's or company's name or alias, looked for at every word start of every document. */
  const claim = (text: string, owner: string, at: Segment[], searched = false): void => {
    if (++names === MAX_NAMES + 1) r.report([], `the model has more than ${MAX_NAMES} names and aliases; the limit keeps checking documents fast`);
    const words = searched ? nameWords(text).length : 0;
    if (searched && (words > MAX_NAME_WORDS || text.length > MAX_NAME_CHARS)) {
      r.report(at, `"${text.slice(0, 40)}${text.length > 40 ? '…' : ''}" is too long to be a name (${words} words, ${text.length} characters): a name or alias has at most ${MAX_NAME_WORDS} words and ${MAX_NAME_CHARS} characters, so that finding it in documents stays fast`);
      return;
    }
    const key = nameKey(text);
    const prior = owners.get(key);
    if (prior !== undefined && prior !== owner) r.report(at, `the name "${text}" already names ${prior}; names and aliases must be unique across the pattern, its sections, metrics and companies`);
    else owners.set(key, owner);
  };
  claim(model.name, 'the pattern', ['name']);
  model.aliases.forEach((a, j) => claim(a.text, 'the pattern', ['aliases', j]));
  model.sections.forEach((s, i) => {
    claim(s.title, `section "${s.id}"`, ['sections', i, 'title']);
    s.aliases.forEach((a, j) => claim(a.text, `section "${s.id}"`, ['sections', i, 'aliases', j]));
  });
  model.metrics.forEach((m, i) => {
    claim(m.name, `metric "${m.id}"`, ['metrics', i, 'name'], true);
    m.aliases.forEach((a, j) => claim(a.text, `metric "${m.id}"`, ['metrics', i, 'aliases', j], true));
  });
  model.companies.forEach((c, i) => {
    claim(c.name, `company "${c.id}"`, ['companies', i, 'name'], true);
    c.aliases.forEach((a, j) => claim(a.text, `company "${c.id}"`, ['companies', i, 'aliases', j], true));
  });
  const kinds = new Map<SectionKind, number>();
  model.sections.forEach((s, i) => {
    if (s.kind !== 'prose') {
      if (kinds.has(s.kind)) r.report(['sections', i, 'kind'], `only one section may have kind "${s.kind}"`);
      kinds.set(s.kind, i);
    }
  });
  if (model.metrics.length > 0 && !kinds.has('metrics')) r.report(['sections'], 'the model lists metrics but no section has kind "metrics" to show them');
  if (model.companies.length > 0 && !kinds.has('companies')) r.report(['sections'], 'the model lists companies but no section has kind "companies" to show them');
  if ((model.strengths.length > 0 || model.weaknesses.length > 0) && !kinds.has('strengthsWeaknesses')) {
    r.report(['sections'], 'the model lists strengths or weaknesses but no section has kind "strengthsWeaknesses" to show them');
  }
}

function validate(r: Reporter, v: Json): PatternModel | undefined {
  const o = obj(r, [], v);
  if (!o) return undefined;
  checkKeys(r, [], o, ['schemaVersion', 'id', 'name', 'sections'],
    ['$schema', 'number', 'symbol', 'title', 'family', 'marketSize', 'tagline', 'aliases', 'source', 'metrics', 'companies', 'strengths', 'weaknesses']);
  str(r, ['$schema'], own(o, '$schema'));
  const version = own(o, 'schemaVersion');
  if (version !== undefined && version !== 1) r.report(['schemaVersion'], `unsupported schemaVersion ${describe(version)}; this version of Pattern Analyst reads schemaVersion 1`);
  const pid = id(r, ['id'], own(o, 'id'));
  const name = str(r, ['name'], own(o, 'name'));
  const number = num(r, ['number'], own(o, 'number'), true);
  // Analyses name a pattern by "17" or "#17": zero or a negative number could never be found.
  if (number !== undefined && number < 1) r.report(['number'], `expected a positive whole number, found ${number}`);
  const optional: Record<string, string> = {};
  for (const key of ['symbol', 'title', 'family', 'marketSize', 'tagline'] as const) {
    const s = str(r, [key], own(o, key));
    if (s !== undefined) optional[key] = s;
  }
  const sections = arr(r, ['sections'], own(o, 'sections'), (a, el) => section(r, a, el));
  if (Array.isArray(own(o, 'sections')) && (own(o, 'sections') as Json[]).length === 0) r.report(['sections'], 'a pattern needs at least one section');
  const model: PatternModel = {
    schemaVersion: 1,
    id: pid ?? '',
    name: name ?? '',
    ...(number !== undefined && { number }),
    ...optional,
    aliases: aliases(r, ['aliases'], own(o, 'aliases')),
    source: source(r, ['source'], own(o, 'source')),
    sections,
    metrics: arr(r, ['metrics'], own(o, 'metrics'), (a, el) => metric(r, a, el)),
    companies: arr(r, ['companies'], own(o, 'companies'), (a, el) => company(r, a, el)),
    strengths: arr(r, ['strengths'], own(o, 'strengths'), (a, el) => str(r, a, el)),
    weaknesses: arr(r, ['weaknesses'], own(o, 'weaknesses'), (a, el) => str(r, a, el)),
  };
  if (r.errors.length > 0) return undefined;
  checkUniqueness(r, model);
  return r.errors.length > 0 ? undefined : model;
}

/** Offset of the node a path points at, or of its nearest existing ancestor. */
function offsetOf(root: Node | undefined, segments: readonly Segment[]): number | undefined {
  if (!root) return undefined;
  for (let n = segments.length; n >= 0; n--) {
    const node = findNodeAtLocation(root, segments.slice(0, n) as Segment[]);
    if (node) {
      // Point at the property name for keys (unknown property) rather than its value.
      const parent = node.parent;
      return parent?.type === 'property' && parent.children?.[0] ? parent.children[0].offset : node.offset;
    }
  }
  return undefined;
}

/** At most this many duplicate keys are reported (each is an error; a file of thousands needs no more). */
const MAX_DUPLICATES_REPORTED = 20;

/**
 * Keys written twice in one object. JSON.parse keeps the last value silently, so a reviewer who
 * reads `"id": "first-id"` at the top of a file would be misled by a later `"id": "second-id"`:
 * each repeat is an error at its own line, naming the line of the first. jsonc-parser's visitor
 * walks the text once (no tree), with each key's offset and line.
 */
function duplicateKeys(json: string): { path: string; message: string; offset: number }[] {
  const open: Map<string, number>[] = [];
  const found: { path: string; message: string; offset: number }[] = [];
  visit(json, {
    onObjectBegin: () => void open.push(new Map()),
    onObjectEnd: () => void open.pop(),
    onObjectProperty: (key, offset, _length, startLine, _startCharacter, pathSupplier) => {
      const keys = open[open.length - 1];
      if (!keys) return;
      const first = keys.get(key);
      if (first === undefined) {
        keys.set(key, startLine);
        return;
      }
      if (found.length < MAX_DUPLICATES_REPORTED) {
        found.push({
          path: formatPath([...(pathSupplier() as Segment[]), key]),
          message: `duplicate key "${key.slice(0, 60)}" (first on line ${first + 1}): JSON would silently keep only this later value; remove one of them`,
          offset,
        });
      }
    },
  }, { allowTrailingComma: false, disallowComments: true });
  return found;
}

export interface LoadOptions {
  /**
   * The caller knows no object repeats a key (text from JSON.stringify, which never writes one
   * twice): the duplicate-key pass is skipped. The bundled model, loaded at every activation.
   */
  readonly keysUnique?: boolean;
}

/**
 * Parses and validates a pattern model. Never throws: syntax errors, duplicate keys, wrong types,
 * missing or unknown fields, duplicate ids and ambiguous names all come back as {@link ModelError}s.
 */
export function loadPatternModel(text: string, options: LoadOptions = {}): LoadResult {
  if (typeof text !== 'string') return { errors: [{ path: '$', message: 'the model is not text' }] };
  if (text.includes('\u0000')) return { errors: [{ path: '$', message: 'the file contains NUL bytes: it is binary, not a JSON pattern model', offset: text.indexOf('\u0000') }] };
  // Offsets are reported in the text as given, byte-order mark included (the CLI reads files with it).
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const json = text.slice(bom);
  const tooDeep = nestingBeyond(json, MAX_DEPTH);
  if (tooDeep !== undefined) {
    return { errors: [{ path: '$', message: `the JSON is nested more than ${MAX_DEPTH} levels deep; a pattern model needs about 6`, offset: tooDeep + bom }] };
  }
  // JSON.parse first: a valid model (the bundled one at every activation) needs no syntax tree.
  // The tree is built only to place errors: syntax errors with jsonc-parser's codes and offsets,
  // and the offsets of validation errors. (Building it for every load was a third of activation's
  // model loading in the bench's profile.)
  let value: Json;
  try {
    value = JSON.parse(json);
  } catch (e) {
    const parseErrors: ParseError[] = [];
    try {
      parseTree(json, parseErrors, { allowTrailingComma: false, disallowComments: true });
    } catch {
      // Nothing better to report than JSON.parse's own message.
    }
    const errors = parseErrors.slice(0, 20).map((pe) => ({ path: '$', message: `invalid JSON: ${printParseErrorCode(pe.error)}`, offset: pe.offset + bom }));
    if (errors.length > 0) return { errors };
    return { errors: [{ path: '$', message: json.trim() === '' ? 'invalid JSON: the file is empty' : `invalid JSON: ${(e as Error).message}` }] };
  }
  if (options.keysUnique !== true) {
    const duplicates = duplicateKeys(json);
    if (duplicates.length > 0) return { errors: duplicates.map((d) => ({ ...d, offset: d.offset + bom })) };
  }
  const r = new Reporter();
  const model = validate(r, value);
  if (model && r.errors.length === 0) return { model, errors: [] };
  let root: Node | undefined;
  try {
    root = parseTree(json, [], { allowTrailingComma: false, disallowComments: true });
  } catch {
    root = undefined;
  }
  const errors: ModelError[] = r.errors.map((e) => {
    const offset = offsetOf(root, e.segments);
    return { path: formatPath(e.segments), message: e.message, ...(offset !== undefined && { offset: offset + bom }) };
  });
  return model && errors.length === 0 ? { model, errors: [] } : { errors };
}

/** Offset of the first bracket that opens more than `max` levels of nesting, outside strings; undefined if none does. */
function nestingBeyond(text: string, max: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) return i;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return undefined;
}

/** 1-based line and column of an offset in a text, for `file:line:col` messages. */
export function lineColumnOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
