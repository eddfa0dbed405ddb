/**
 * The turn budget every time-sliced loop of the portfolio shares (turnBudget.ts): with a fake
 * clock and turns run by hand, loops that run side by side spend ONE budget per turn between
 * them (not one each: that made tasks of 50–70 ms on the extension host), and they take turns.
 */
import * as assert from 'node:assert/strict';
import { TurnBudget } from '../../../src/features/portfolio/turnBudget';

describe('turn budget shared by time-sliced loops', () => {
  let clock: number;
  let pending: (() => void)[];
  let budget: TurnBudget;
  const turn = async (): Promise<void> => {
    const resolves = pending;
    pending = [];
    resolves.forEach((r) => r());
    for (let i = 0; i < 100; i++) await Promise.resolve();
  };

  beforeEach(() => {
    clock = 0;
    pending = [];
    budget = new TurnBudget(() => new Promise<void>((resolve) => pending.push(resolve)), () => clock);
  });

  /**
   * A loop of `items` items of `itemMs` each that pauses like TimeSlice.pause: records, per turn
   * it worked in, how much it did.
   */
  async function loop(name: string, items: number, itemMs: number, log: string[], budgetMs = 15): Promise<void> {
    for (let i = 0; i < items; i++) {
      for (let starved = false; budget.spent(budgetMs); starved = true) await budget.wait(starved);
      clock += itemMs;
      log.push(name);
    }
  }

  it('gives one budget per turn to loops running side by side, not one each', async () => {
    const log: string[] = [];
    const turnOf: number[] = [];
    let turns = 0;
    // The budget starts spent: both loops wait for a turn of the budget's own first.
    clock = 100;
    const a = loop('a', 20, 5, log);
    const b = loop('b', 20, 5, log);
    const c = loop('c', 20, 5, log);
    let done = false;
    void Promise.all([a, b, c]).then(() => (done = true));
    const workPerTurn: number[] = [];
    while (!done && turns < 100) {
      const before = clock;
      await turn();
      turns++;
      workPerTurn.push(clock - before);
      turnOf.push(log.length);
    }
    assert.ok(done, 'the loops finished');
    assert.equal(log.length, 60);
    // Each turn ran at most the budget (15 ms) of work, whatever the number of loops waiting.
    assert.ok(Math.max(...workPerTurn) <= 15, `work per turn: ${workPerTurn.join(', ')}`);
    assert.equal(workPerTurn.reduce((x, y) => x + y, 0), 300);
  });

  it('holds loops with a shorter budget (the warm start\'s decoding and listing, side by side) to that budget per turn between them', async () => {
    const log: string[] = [];
    clock = 100;
    let done = false;
    void Promise.all([loop('decode', 40, 1, log, 8), loop('walk', 40, 1, log, 8)]).then(() => (done = true));
    const workPerTurn: number[] = [];
    for (let turns = 0; !done && turns < 100; turns++) {
      const before = clock;
      await turn();
      workPerTurn.push(clock - before);
    }
    assert.ok(done, 'the loops finished');
    assert.equal(workPerTurn.reduce((x, y) => x + y, 0), 80);
    // 8 ms of work per turn, not 8 each, nor the default 15.
    assert.deepEqual(workPerTurn.filter((w) => w > 0), Array(10).fill(8));
    assert.ok(log.includes('walk') && log.indexOf('walk') < log.lastIndexOf('decode'), 'both loops progressed side by side');
  });

  it('lets waiting loops take turns (round-robin), so none waits for another to finish', async () => {
    const log: string[] = [];
    clock = 100;
    void loop('a', 30, 15, log);
    void loop('b', 30, 15, log);
    void loop('c', 30, 15, log);
    for (let i = 0; i < 9; i++) await turn();
    // One item (the whole budget) per turn, each loop in its turn.
    assert.deepEqual(log, ['a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c']);
  });

  it('lets a loop that finishes early leave the rest of the turn to the next one', async () => {
    const log: string[] = [];
    clock = 100;
    void loop('short', 1, 5, log);
    void loop('long', 10, 5, log);
    await turn();
    assert.deepEqual(log, ['short', 'long', 'long']);
  });

  it('counts a loop started within a task from its own start', () => {
    clock = 1000;
    // The budget's last turn began at 0; a loop that started at 995 has 10 ms left of its 15.
    assert.equal(budget.spent(15, 995), false);
    assert.equal(budget.spent(15, 985), true);
    assert.equal(budget.spent(15), true);
  });
});
