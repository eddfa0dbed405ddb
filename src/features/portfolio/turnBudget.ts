/**
 * One time budget per turn of the event loop, shared by every time-sliced loop of the extension.
 *
 * Each loop used to keep its own clock: a loop that had spent its 15 ms waited for the next turn
 * (`setImmediate`) and then took 15 ms afresh. But Node runs every immediate queued before a turn
 * in that one turn, so when the walk's ten folder listings, the walk's stats and the cache's
 * decoding all waited at once, the turn ran each of them for 15 ms in a row: tasks of 50–70 ms on
 * the extension host's thread, on the warm start and the cold index alike. Here the budget belongs
 * to the turn: the first loop to resume takes it, the others find it spent and wait again.
 *
 * Waiting loops resume in turns round-robin: a loop that resumed to a spent budget (it did no work)
 * goes ahead of the one that used the budget, so two loops share the thread instead of one
 * finishing before the other starts. No imports: unit-tested with a fake clock and fake turns.
 */
export class TurnBudget {
  /** When the current turn began, as far as this budget knows (its own turns; see `begin`). */
  private turnStarted: number;
  /** Who resumes in the next turn, in order. */
  private next: (() => void)[] = [];
  /** Where in `next` the next loop that did no work in this turn goes (after the others that did none). */
  private starvedAt = 0;
  private scheduled = false;

  constructor(private readonly nextTurn: () => Promise<void>, private readonly now: () => number = () => performance.now()) {
    this.turnStarted = now();
  }

  /** Whether `budgetMs` of this turn is spent, counted from `since` at the latest (a loop's own start). */
  spent(budgetMs: number, since = -Infinity): boolean {
    return this.now() - Math.max(this.turnStarted, since) >= budgetMs;
  }

  /**
   * Resolves in a later turn, in round-robin order. `starved`: the caller was resumed and found the
   * budget spent before doing any work; it goes ahead of the loops that did work.
   */
  wait(starved: boolean): Promise<void> {
    return new Promise((resolve) => {
      if (starved) this.next.splice(this.starvedAt++, 0, resolve);
      else this.next.push(resolve);
      if (!this.scheduled) {
        this.scheduled = true;
        void this.nextTurn().then(() => this.begin());
      }
    });
  }

  /** A turn of our own: its budget starts now, and everyone waiting resumes in order (one of them works). */
  private begin(): void {
    this.scheduled = false;
    this.turnStarted = this.now();
    const resuming = this.next;
    this.next = [];
    this.starvedAt = 0;
    for (const resume of resuming) resume();
  }
}
