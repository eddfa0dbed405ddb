/**
 * Cooperative time slicing for work on the extension host's one thread: indexing 10,000 files
 * must never hold the thread longer than the editor tolerates (50 ms), so long loops ask
 * `slice.pause()` between items and give the thread back once the turn's budget is spent. The
 * budget is the turn's, not the loop's (turnBudget.ts): loops running side by side (the walk and
 * the cache's decoding on a warm start) share one budget per turn instead of adding theirs up.
 */
import type { CancellationToken } from 'vscode';
import { platform } from '../platform';
import { TurnBudget } from './turnBudget';

/** Work per turn. Well under 50 ms, so one slow item (a large analysis) still fits after it. */
export const SLICE_MS = 15;

/**
 * Work per turn of a loop that keeps nearly all it makes: the warm start's decoding of the cache
 * (10,000 entries) and its listing of the workspace (10,000 files). Their objects survive the
 * young generation's collections, whose pauses grow with what survives (8–15 ms each on the warm
 * start, more on a loaded machine), and a collection falls in the turn that fills the young
 * generation: a 15 ms turn with one in it was the warm start's longest task (30–50 ms). Shorter
 * turns leave that pause room under the 50 ms limit; the warm start takes a few more turns.
 */
export const KEEPING_SLICE_MS = 8;

/** Resolves on the next turn of the event loop, after pending I/O and messages. */
export function nextTurn(): Promise<void> {
  return platform.nextTurn();
}

const budget = new TurnBudget(() => platform.nextTurn());

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export class TimeSlice {
  /** A loop started in the middle of a task (an event, an I/O callback) counts its budget from here. */
  private readonly created = performance.now();

  constructor(private readonly token?: CancellationToken, private readonly budgetMs = SLICE_MS) {}

  /** Whether the next `pause()` would give the thread back (a cheap test for the hottest loops). */
  get due(): boolean {
    return this.token?.isCancellationRequested === true || budget.spent(this.budgetMs, this.created);
  }

  /**
   * Gives the thread back now, whatever is left of the budget: before an item that must not share
   * its task with what ran before it in a turn this loop did not start (an I/O callback's).
   */
  async yield(): Promise<void> {
    if (this.token?.isCancellationRequested) throw new Cancelled();
    await budget.wait(false);
    await this.pause();
  }

  /** Gives the thread back when this turn's budget is spent; throws `Cancelled` once the token is. */
  async pause(): Promise<void> {
    if (this.token?.isCancellationRequested) throw new Cancelled();
    for (let starved = false; budget.spent(this.budgetMs, this.created); starved = true) {
      await budget.wait(starved);
      if (this.token?.isCancellationRequested) throw new Cancelled();
    }
  }
}
