/**
 * The window's progress for a long loop, reported a few times a second rather than once per
 * step: each report is a message to the window, and a warm start takes its 10,000 files in 200
 * batches within a few hundred ms (200 messages on the extension host's thread for a spinner
 * nobody can read that fast). No imports: unit-tested with a fake clock.
 */
export class ProgressThrottle {
  private reportedAt = -Infinity;
  private last = 0;

  constructor(private readonly total: number, private readonly everyMs: number, private readonly now: () => number = () => performance.now()) {}

  /**
   * The increment (percent of the total) to report now that `done` steps are done, or undefined
   * when the last report is under `everyMs` old. The first and the last (done = total) are always
   * reported, and the increments reported add up to what is done.
   */
  increment(done: number): number | undefined {
    const now = this.now();
    if (done < this.total && now - this.reportedAt < this.everyMs) return undefined;
    this.reportedAt = now;
    const increment = ((done - this.last) / this.total) * 100;
    this.last = done;
    return increment;
  }
}
