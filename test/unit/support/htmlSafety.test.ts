/**
 * The safety checker itself: the hostile and fuzz suites trust it to find what could run, load or
 * navigate, so it must still find it inside the one kind of SVG it lets through (the renderer's
 * charts).
 */
import * as assert from 'node:assert/strict';
import { dangersIn } from '../../support/htmlSafety';

const chart = (inner: string): string => `<svg class="pa-chart pa-bullet" width="160" height="22">${inner}</svg>`;

describe('htmlSafety: inline SVG charts', () => {
  it('lets a chart of drawing elements through', () => {
    assert.deepEqual(dangersIn(chart('<title>GPU utilization 72%</title><rect x="0" y="0" width="10" height="4"></rect><line x1="1" x2="2"></line><text x="3">✗</text>')), []);
  });

  for (const inner of ['<script>alert(1)</script>', '<foreignObject><div></div></foreignObject>', '<use href="#x"></use>', '<a href="javascript:alert(1)"><text>x</text></a>', '<animate attributeName="href" to="javascript:alert(1)"></animate>', '<image href="https://evil.example/x.png"></image>']) {
    it(`reports ${inner.slice(0, 24)}… inside a chart`, () => {
      assert.ok(dangersIn(chart(inner)).length > 0);
    });
  }

  it('reports an event handler on a chart element', () => {
    assert.ok(dangersIn(chart('<rect onclick="alert(1)"></rect>')).some((d) => d.what.includes('onclick')));
  });

  it('reports an svg that is not a chart, and a nested svg', () => {
    assert.ok(dangersIn('<svg><rect></rect></svg>').length > 0);
    assert.ok(dangersIn(chart('<svg class="pa-chart"></svg>')).length > 0);
  });
});
