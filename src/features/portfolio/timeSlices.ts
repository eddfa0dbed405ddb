/**
 * Cooperative time slicing for work on the extension host's one thread: indexing 10,000 files
 * must never hold the thread longer than the editor tolerates (50 ms), so long loops ask
 * `slice.pause()` between items and give the thread back once their slice is spent.
 */
import type { CancellationToken } from 'vscode';
import { platform } from '../platform';

/** Work per slice. Well under 50 ms, so one slow item (a large analysis) still fits after it. */
export const SLICE_MS = 15;

/** Resolves on the next turn of the event loop, after pending I/O and messages. */
export function nextTurn(): Promise<void> {
  return platform.nextTurn();
}

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export class TimeSlice {
  private started = performance.now();

  constructor(private readonly token?: CancellationToken, private readonly budgetMs = SLICE_MS) {}

  /** Gives the thread back when this slice is spent; throws `Cancelled` once the token is. */
  async pause(): Promise<void> {
    if (this.token?.isCancellationRequested) throw new Cancelled();
    if (performance.now() - this.started < this.budgetMs) return;
    await nextTurn();
    this.started = performance.now();
    if (this.token?.isCancellationRequested) throw new Cancelled();
  }
}
