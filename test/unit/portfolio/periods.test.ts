/**
 * Periods as analysts write them: each understood form reads to the right span, equal spans
 * written differently compare equal, and anything else is kept as written, never guessed.
 */
import * as assert from 'node:assert/strict';
import { comparePeriods, parsePeriod, periodHint, readPeriod, samePeriod, UNDERSTOOD_PERIOD_FORMS } from '../../../src/portfolio/periods';

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('portfolio periods', () => {
  const cases: [string, string, string, string][] = [
    ['Q3 2026', 'Q3 2026', '2026-07-01', '2026-09-30'],
    ['2026-Q3', 'Q3 2026', '2026-07-01', '2026-09-30'],
    ['3Q26', 'Q3 2026', '2026-07-01', '2026-09-30'],
    ['q3  2026', 'Q3 2026', '2026-07-01', '2026-09-30'],
    ['Q3 FY2026', 'Q3 FY2026', '2026-07-01', '2026-09-30'],
    ['FY2026', 'FY2026', '2026-01-01', '2026-12-31'],
    ['FY26', 'FY2026', '2026-01-01', '2026-12-31'],
    ['H1 2026', 'H1 2026', '2026-01-01', '2026-06-30'],
    ['FY2025 H1', 'H1 FY2025', '2025-01-01', '2025-06-30'],
    ['2026', '2026', '2026-01-01', '2026-12-31'],
    ['September 2026', 'Sep 2026', '2026-09-01', '2026-09-30'],
    ['Sept. 2026', 'Sep 2026', '2026-09-01', '2026-09-30'],
    ['February 2028', 'Feb 2028', '2028-02-01', '2028-02-29'],
    ['2026-09-30', '2026-09-30', '2026-09-30', '2026-09-30'],
  ];
  for (const [written, label, start, end] of cases) {
    it(`reads "${written}" as ${label} (${start} … ${end})`, () => {
      const p = parsePeriod(written);
      assert.equal(p?.written, written.trim());
      assert.ok(p?.period, `${written} is understood`);
      assert.equal(p.period.label, label);
      assert.equal(p.period.start, day(start));
      assert.equal(p.period.end, day(end));
    });
  }

  it('reads every form the hint lists', () => {
    for (const form of UNDERSTOOD_PERIOD_FORMS) assert.ok(readPeriod(form), form);
  });

  it('keeps unreadable periods as written, without a guessed period', () => {
    for (const written of ['next quarter', 'Q5 2026', 'Q3', 'H3 2026', 'Smarch 2026', '2026-02-30', '2026-13', '26', 'Q3 2026 (restated)', 'x'.repeat(500)]) {
      const p = parsePeriod(written);
      assert.equal(p?.written, written);
      assert.equal(p?.period, undefined, written);
    }
  });

  it('takes the YAML values a front matter gives: numbers and dates', () => {
    assert.equal(parsePeriod(2026)?.period?.label, '2026');
    assert.equal(parsePeriod(new Date(Date.UTC(2026, 8, 30)))?.period?.label, '2026-09-30');
    assert.equal(parsePeriod(undefined), undefined);
    assert.equal(parsePeriod(''), undefined);
    assert.equal(parsePeriod({ q: 3 }), undefined);
  });

  it('orders periods by when they end; of two that end together, the shorter first', () => {
    const written = ['FY2026', 'Q4 2026', 'Q1 2026', '2026-09-30', 'H1 2026', 'Q3 2025', 'Q3 2026'];
    const sorted = written.map((w) => readPeriod(w)!).sort(comparePeriods).map((p) => p.label);
    assert.deepEqual(sorted, ['Q3 2025', 'Q1 2026', 'H1 2026', '2026-09-30', 'Q3 2026', 'Q4 2026', 'FY2026']);
  });

  it('treats the same span written two ways as the same period, and fiscal as different from calendar', () => {
    assert.ok(samePeriod(readPeriod('Q3 2026')!, readPeriod('3Q26')!));
    assert.ok(!samePeriod(readPeriod('Q3 2026')!, readPeriod('Q3 FY2026')!));
  });

  it('says in the hint what was written and which forms are understood', () => {
    const hint = periodHint('next quarter');
    assert.match(hint, /"next quarter"/);
    for (const form of UNDERSTOOD_PERIOD_FORMS) assert.ok(hint.includes(form), form);
  });
});
