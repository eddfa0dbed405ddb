/**
 * The objects of src/analysis/unsited.ts are made field by field so that V8 gives them no
 * allocation site (see there); they must be the very objects the literals they replace were: same
 * fields, same order, same prototype (deep equality and JSON both).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as unsited from '../../../src/analysis/unsited';
import type { MetricClaim, RuleId, Severity, StatedValue, VerdictStatus } from '../../../src/analysis/types';
import { parseStatedValue } from '../../../src/analysis/values';
import { fuzzParameters } from '../../support/fuzz';

/** Equal as values, and written the same (field order included). */
function same(made: unknown, literal: unknown): void {
  assert.deepStrictEqual(made, literal);
  assert.equal(Object.getPrototypeOf(made), Object.getPrototypeOf(literal));
  assert.equal(JSON.stringify(made), JSON.stringify(literal));
}

const position = fc.record({ line: fc.nat(), character: fc.nat() });
const STATUSES: VerdictStatus[] = ['meets', 'misses', 'borderline', 'no-benchmark', 'impossible', 'wrong-unit'];
const RULES: RuleId[] = ['benchmark-miss', 'impossible-value', 'unsourced-value', 'period-mismatch'];
const SEVERITIES: Severity[] = ['error', 'warning', 'information', 'hint'];

describe('unsited result objects', () => {
  it('a position and a range are the literals { line, character } and { start, end }', () => {
    fc.assert(
      fc.property(position, position, (a, b) => {
        same(unsited.position(a.line, a.character), { line: a.line, character: a.character });
        same(unsited.range(unsited.position(a.line, a.character), unsited.position(b.line, b.character)), { start: { line: a.line, character: a.character }, end: { line: b.line, character: b.character } });
      }),
      fuzzParameters(200),
    );
  });

  it('a verdict is the literal { status, message }', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STATUSES), fc.string(), (status, message) => same(unsited.verdict(status, message), { status, message })),
      fuzzParameters(200),
    );
  });

  it('a finding is the literal { rule, severity, message, range, fixes: [] }, its fixes shared and frozen', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RULES), fc.constantFrom(...SEVERITIES), fc.string(), position, position, (rule, severity, message, a, b) => {
        const range = { start: { ...a }, end: { ...b } };
        const made = unsited.finding(rule, severity, message, range);
        same(made, { rule, severity, message, range, fixes: [] });
        assert.equal(made.fixes, unsited.NO_FIXES);
      }),
      fuzzParameters(200),
    );
    assert.ok(Object.isFrozen(unsited.NO_FIXES));
  });

  it('a claim is the literal it replaced, with `source` only when there is one', () => {
    const value = parseStatedValue('72%') as StatedValue;
    const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 5 } };
    const verdict = { status: 'misses' as const, message: '72% — below' };
    fc.assert(
      fc.property(fc.string(), fc.constantFrom<MetricClaim['context']>('table', 'label', 'sentence'), fc.option(fc.string(), { nil: undefined }), (metricId, context, source) => {
        const literal: { -readonly [K in keyof MetricClaim]: MetricClaim[K] } = { metricId, nameRange: range, valueRange: range, value, verdict, context };
        if (source) literal.source = source;
        same(unsited.claim(metricId, range, range, value, verdict, context, source), literal);
      }),
      fuzzParameters(200),
    );
  });

  it('a heading is the literal it replaced, with `sectionId` only when there is one', () => {
    fc.assert(
      fc.property(fc.nat(6), fc.string(), fc.nat(), position, fc.option(fc.string(), { nil: undefined }), (level, text, line, a, sectionId) => {
        const range = { start: { ...a }, end: { ...a } };
        same(unsited.heading(level, text, line, range, sectionId), sectionId ? { level, text, line, range, sectionId } : { level, text, line, range });
      }),
      fuzzParameters(200),
    );
  });
});
