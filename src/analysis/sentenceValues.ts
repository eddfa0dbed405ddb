/**
 * The values of one sentence, read only as far as the claim finder asks for them (claims.ts).
 *
 * Why: a sentence's claims nearly always take the first value after each metric name; the values
 * after the last one taken ("…was 94.9%, against the >95% annual benchmark") were read, parsed and
 * judged for nothing, a large part of the value scanner's work on a realistic analysis. The list
 * grows from the start of the sentence as a normal scan would, so every value it holds, and every
 * index into it, is exactly what the whole list would give (held to it by a property test:
 * test/unit/analysis/sentenceValues.test.ts).
 */
import type { Mention } from '../model/patternIndex';
import type { FoundValue, ValueScanner } from './values';

export class SentenceValues {
  /** The values read so far, by start (a prefix of the sentence's whole list). */
  readonly list: FoundValue[] = [];
  private done = false;
  /** The first mention the next value may fall into (the filter walks the mentions once). */
  private mk: number;

  /**
   * The values of `text[s, e)` but those inside one of `mentions[m0, m1)` (a number inside a
   * metric name is not a value of it), from `scanner`, which is busy until {@link close}.
   */
  constructor(
    private readonly scanner: ValueScanner,
    text: string,
    s: number,
    e: number,
    private readonly mentions: readonly Mention[],
    m0: number,
    private readonly m1: number,
  ) {
    this.mk = m0;
    scanner.begin(text, s, e);
  }

  /** Whether the sentence has a value `i` (reads on as far as needed). */
  has(i: number): boolean {
    while (this.list.length <= i && !this.done) this.read();
    return i < this.list.length;
  }

  /** Index of the first value starting at or after `offset` (the list's length when none): `firstFrom` of the whole list. */
  firstFrom(offset: number): number {
    const list = this.list;
    while (!this.done && (list.length === 0 || list[list.length - 1].start < offset)) this.read();
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Ends the scan (the scanner keeps no reference to the text and is free again). */
  close(): void {
    if (!this.done) {
      this.done = true;
      this.scanner.end();
    }
  }

  private read(): void {
    const { mentions, m1 } = this;
    for (let v = this.scanner.next(); v; v = this.scanner.next()) {
      while (this.mk < m1 && mentions[this.mk].end <= v.start) this.mk++;
      if (this.mk < m1 && v.end > mentions[this.mk].start) continue;
      this.list.push(v);
      return;
    }
    this.done = true;
  }
}
