/**
 * Answers about short texts that depend on nothing but the pattern index (and, for a table's
 * columns, the analysis's subject): the section a heading is, a near-miss suggestion for a name,
 * the mentions in a scorecard's metric cell, the roles of a table header's columns. They are kept
 * with the index, across analyses.
 *
 * Why: analyses of one pattern write the same headings, metric names and scorecard headers, the
 * editor reads the same document again at every edit, and the CLI reads a folder of analyses of the
 * same pattern; working these answers out afresh for every document was about a tenth of a 4 KB
 * lint. The answers are the same either way (each is a pure function of its key and the index).
 *
 * Bounded: a map that reaches {@link MAX_ANSWERS} entries starts afresh, so a document of a million
 * distinct headings costs what it did (one answer per text) and holds no more memory than this;
 * and a text longer than {@link MAX_KEY_LENGTH} is answered but not kept (names are short; the
 * maps outlive the document, and 2,000 headings of 100 KB each would have kept 200 MB).
 */
import type { Mention, PatternIndex } from '../model/patternIndex';
import type { NearMissAnswer } from './nearMissNames';
import type { TableColumns } from './tableColumns';

/** Entries a map keeps before it starts afresh. */
export const MAX_ANSWERS = 2_000;
/** Longest text (UTF-16 units) whose answer is kept. */
export const MAX_KEY_LENGTH = 512;
/** Subjects whose tables' column roles are kept (each a map of up to MAX_ANSWERS headers). */
const SUBJECTS = 50;

/** A Map that empties itself when a new key would take it past `limit` entries, and keeps no text key longer than MAX_KEY_LENGTH. */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly limit: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (typeof key === 'string' && key.length > MAX_KEY_LENGTH) return this;
    if (this.size >= this.limit && !this.has(key)) this.clear();
    return super.set(key, value);
  }

  /**
   * The answer kept for `key`, else `read(key)`'s, kept under `keep(key)` (for text keys: a copy,
   * so that a slice of a document does not keep the whole document alive in a map that outlives it).
   */
  answer(key: K, read: (key: K) => V, keep: (key: K) => K): V {
    const known = this.get(key);
    if (known !== undefined || this.has(key)) return known as V;
    const value = read(key);
    if (typeof key !== 'string' || key.length <= MAX_KEY_LENGTH) this.set(keep(key), value);
    return value;
  }
}

export interface NameAnswers {
  /** Near-miss answers for headings (sections, metrics, companies), by the heading's text. */
  readonly headingNames: Map<string, NearMissAnswer>;
  /** Near-miss answers for other name places (labels, metric cells: metrics, companies), by text. */
  readonly names: Map<string, NearMissAnswer>;
  /** The section of a heading by its raw text (null: none). */
  readonly sectionOf: Map<string, string | null>;
  /** Mentions in a table's metric cell, by the cell's text. */
  readonly cellMentions: Map<string, readonly Mention[]>;
  /** Column roles by subject ("" for none), then by header line: see {@link columnsFor}. */
  readonly columns: Map<string, Map<string, TableColumns>>;
}

const byIndex = new WeakMap<PatternIndex, NameAnswers>();

/** The answers kept for `index` (made on first use; dropped with the index). */
export function nameAnswersOf(index: PatternIndex): NameAnswers {
  let answers = byIndex.get(index);
  if (!answers) {
    answers = {
      headingNames: new BoundedMap(MAX_ANSWERS),
      names: new BoundedMap(MAX_ANSWERS),
      sectionOf: new BoundedMap(MAX_ANSWERS),
      cellMentions: new BoundedMap(MAX_ANSWERS),
      columns: new BoundedMap(SUBJECTS),
    };
    byIndex.set(index, answers);
  }
  return answers;
}

/** The column roles kept for an analysis's subject (they depend on it: a column may be named after it), by header line. */
export function columnsFor(columns: NameAnswers['columns'], subject: string | undefined): Map<string, TableColumns> {
  let bySubject = columns.get(subject ?? '');
  if (!bySubject) {
    bySubject = new BoundedMap(MAX_ANSWERS);
    columns.set(subject ?? '', bySubject);
  }
  return bySubject;
}
