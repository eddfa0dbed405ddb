/**
 * The first analyses of a cold index, split into tasks by their text's length while the analysis
 * code is cold.
 *
 * The index analyses one file per item of its time-sliced loop, and a warm analysis takes a few
 * ms. But the first analyses a host runs also compile the code they reach (V8 compiles each
 * function and each regular expression on first use) and build what the models' lookups keep: one
 * analysis of a 3 KB file took 50–100 ms then, and the next few files, with constructs the first
 * had not reached (another pattern's lookups, a table's units), 20–60 ms more each. One analysis
 * cannot be split, so the text is: while the code is cold, a file is first analysed in growing
 * prefixes of its lines (8, 12, 18 … lines, half as long again each time), each in a task of its
 * own and its result dropped, so each pays only for what its new lines reach for the first time;
 * then the whole text is analysed as ever (the entry is that analysis's alone, and an analysis
 * depends on nothing but its text and the models). The code is warm once `WARM_RUN` split files in
 * a row took under `WARM_MS` each, prefixes and all, or after `MAX_COLD_FILES` files whatever they
 * took: the cost is bounded (a file's prefixes are about twice its own length). No imports:
 * unit-tested alone.
 */

/** A split file whose prefixes and whole analysis took this long in all compiled nothing much. */
export const WARM_MS = 10;
/** Quick split files in a row that show the code warm. */
export const WARM_RUN = 3;
/** Files split at most (a slow machine never splits every file). */
export const MAX_COLD_FILES = 24;
/** The first prefix, in lines; each next one is half as long again. */
const FIRST_LINES = 8;

export class ColdCode {
  private files = 0;
  private quick = 0;
  private warm = false;

  /** Whether the next text is to be split (the code may still be cold). */
  get cold(): boolean {
    return !this.warm;
  }

  /**
   * The prefixes of `text` to analyse before it, shortest first, each a whole number of lines and
   * shorter than the text; none once the code is warm. One linear pass over the text.
   */
  prefixes(text: string): string[] {
    if (this.warm) return [];
    const out: string[] = [];
    let lines = 0;
    let want = FIRST_LINES;
    for (let at = text.indexOf('\n'); at >= 0 && at < text.length - 1; at = text.indexOf('\n', at + 1)) {
      if (++lines === want) {
        out.push(text.slice(0, at + 1));
        want = Math.ceil(want * 1.5);
      }
    }
    return out;
  }

  /** A split file took `ms` in all (its prefixes and its whole analysis). */
  analysed(ms: number): void {
    this.quick = ms < WARM_MS ? this.quick + 1 : 0;
    if (this.quick >= WARM_RUN || ++this.files >= MAX_COLD_FILES) this.warm = true;
  }
}
