/**
 * A click on a scorecard row, on its Mentions cell's "line N" reference or on a present section
 * opens the source at that line. The rendered HTML of a real analysis is turned into a small
 * element tree (the renderer writes well-formed markup), the preview's click helper is run on its
 * elements, and the line it asks for is checked against the document: the row's value, the first
 * mention, the section's heading are on it.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../../../src/analysis/analyze';
import { bundledIndex } from '../../../src/model/bundledModel';
import { PatternCatalog } from '../../../src/model/patternCatalog';
import { renderDocumentBody } from '../../../src/render/documentRenderer';
import { parseFromWebview } from '../../../src/render/protocol';
import { openSourceMessageFor, type LineClickTarget } from '../../../src/render/sourceLineClicks';

/** An element of the tree: enough of the DOM for `closest` with class and attribute selectors. */
class FakeElement implements LineClickTarget {
  readonly children: FakeElement[] = [];
  text = '';
  constructor(readonly tag: string, readonly attrs: ReadonlyMap<string, string>, readonly parent: FakeElement | null) {}

  getAttribute(name: string): string | null {
    return this.attrs.get(name) ?? null;
  }

  hasClass(name: string): boolean {
    return (this.attrs.get('class') ?? '').split(/\s+/).includes(name);
  }

  /** One compound selector: `tag`, `.class` and `[attr]` parts. */
  private matchesCompound(compound: string): boolean {
    for (const part of compound.match(/[.#]?[\w-]+|\[[\w-]+\]/g) ?? []) {
      if (part.startsWith('.') && !this.hasClass(part.slice(1))) return false;
      if (part.startsWith('[') && !this.attrs.has(part.slice(1, -1))) return false;
      if (/^\w/.test(part) && this.tag !== part) return false;
    }
    return true;
  }

  /** A descendant selector (`a b c`): this matches the last part and ancestors the rest, in order. */
  matches(selector: string): boolean {
    const parts = selector.trim().split(/\s+/);
    if (!this.matchesCompound(parts[parts.length - 1])) return false;
    let i = parts.length - 2;
    for (let at = this.parent; at && i >= 0; at = at.parent) if (at.matchesCompound(parts[i])) i--;
    return i < 0;
  }

  closest(selectors: string): FakeElement | null {
    if (selectors.split(',').some((s) => this.matches(s))) return this;
    return this.parent ? this.parent.closest(selectors) : null;
  }

  /** All elements below, depth first. */
  *all(): Generator<FakeElement> {
    for (const child of this.children) {
      yield child;
      yield* child.all();
    }
  }
}

const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link']);

function tree(html: string): FakeElement {
  const root = new FakeElement('#root', new Map(), null);
  let current = root;
  for (const m of html.matchAll(/<(\/?)([a-z][\w-]*)([^>]*)>|([^<]+)/g)) {
    if (m[4] !== undefined) {
      for (let at: FakeElement | null = current; at; at = at.parent) at.text += m[4];
      continue;
    }
    if (m[1]) {
      assert.equal(current.tag, m[2], 'well-formed HTML');
      current = current.parent!;
      continue;
    }
    const attrs = new Map([...m[3].matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]] as const));
    const element = new FakeElement(m[2], attrs, current);
    current.children.push(element);
    if (!VOID.has(m[2])) current = element;
  }
  return root;
}

const catalog = new PatternCatalog([{ index: bundledIndex(), origin: 'bundled', bundled: true }]);
const FIXTURE = path.join(__dirname, '../../../../test/fixtures/workspace/lambda-labs-ai-infrastructure.md');

describe('preview: clicks on the scorecard open the source line', () => {
  const text = readFileSync(FIXTURE, 'utf8');
  const lines = text.split(/\r?\n/);
  const analysis = analyzeText(text, catalog);
  const root = tree(renderDocumentBody(text, analysis).html);
  const rows = [...root.all()].filter((e) => e.tag === 'tr' && e.hasClass('pa-row'));

  it('a click anywhere in a stated metric\'s row opens the line of its headline value', () => {
    assert.ok(rows.length >= 3, `the fixture states several metrics (${rows.length} rows)`);
    for (const row of rows) {
      const value = row.children.find((c) => c.hasClass('pa-value'))!.text;
      const expected = Number(row.getAttribute('data-source-line'));
      for (const cell of [row, ...row.all()].filter((e) => !e.hasClass('pa-line-ref'))) {
        assert.deepEqual(openSourceMessageFor(cell), { type: 'openSource', line: expected }, `${cell.tag}.${cell.getAttribute('class')} in ${row.text}`);
      }
      assert.ok(lines[expected].includes(value), `line ${expected + 1} states ${value}: ${lines[expected]}`);
    }
  });

  it('a click on the Mentions cell\'s "line N" opens that line: the first mention of the metric', () => {
    for (const row of rows) {
      const ref = [...row.all()].find((e) => e.hasClass('pa-line-ref'));
      assert.ok(ref, `a line reference in ${row.text}`);
      const shown = Number(/^line (\d+)$/.exec(ref.text)?.[1]);
      const message = openSourceMessageFor(ref);
      assert.deepEqual(message, { type: 'openSource', line: shown - 1 }, 'the line it says, 0-based');
      const metric = row.children[0].text;
      const id = bundledIndex().model.metrics.find((m) => m.name === metric)?.id;
      const mentions = analysis.claims.filter((c) => c.metricId === id).map((c) => c.valueRange.start.line);
      assert.ok(mentions.length > 0, `${metric} is stated`);
      const first = Math.min(...mentions);
      assert.equal(message?.line, first, `${metric}: the first mention's line`);
      // The message passes the extension's own check unchanged.
      assert.deepEqual(parseFromWebview(message), message);
    }
  });

  it('a present section opens its heading; unstated rows, missing sections and the document itself open nothing', () => {
    const present = [...root.all()].filter((e) => e.hasClass('pa-section-present'));
    assert.ok(present.length > 0);
    for (const item of present) {
      const line = openSourceMessageFor(item.children[0])?.line;
      assert.ok(line !== undefined && /^#/.test(lines[line]), `${item.text} → ${line}`);
    }
    const silent = [...root.all()].filter((e) => e.hasClass('pa-row-missing') || e.hasClass('pa-section-missing') || (e.tag === 'p' && e.hasClass('code-line')));
    assert.ok(silent.length > 3);
    for (const e of silent) assert.equal(openSourceMessageFor(e), undefined, `${e.tag}: ${e.text.slice(0, 40)}`);
    // Block lines in the document's own body use data-line, not data-source-line.
    assert.equal(openSourceMessageFor(null), undefined);
  });

  it('ignores a malformed or out-of-range line instead of guessing one', () => {
    const section = new FakeElement('section', new Map([['class', 'pa-scorecard']]), null);
    for (const bad of ['', '-1', '1.5', '1e3', ' 3', '3 ', 'x', '99999999999', '0x10']) {
      const row = new FakeElement('tr', new Map([['data-source-line', bad]]), section);
      assert.equal(openSourceMessageFor(row), undefined, JSON.stringify(bad));
    }
    const ok = new FakeElement('tr', new Map([['data-source-line', '0']]), section);
    assert.deepEqual(openSourceMessageFor(ok), { type: 'openSource', line: 0 });
    // Outside the analysis blocks the attribute means nothing.
    assert.equal(openSourceMessageFor(new FakeElement('tr', new Map([['data-source-line', '4']]), null)), undefined);
  });
});
