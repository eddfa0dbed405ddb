/**
 * Hostile documents: raw HTML, script-bearing links in every spelling, and sizes or shapes meant to
 * hang the renderer. Each case must render to inert HTML (see inertHtml.ts), keep the hostile text
 * visible as escaped text, and finish well inside a generous 5 s guard.
 */
import * as assert from 'node:assert/strict';
import { renderDocumentBody } from '../../../src/render/documentRenderer';
import { escapeHtml } from '../../../src/render/html';
import { GUARD_MS, withCpuTime } from '../../support/cpuGuard';
import { EMPTY_ANALYSIS } from './fakeAnalysis';
import { assertInert } from './inertHtml';

/** Renders and checks the CPU time taken (not wall time: a loaded shared machine must not fail it, a quadratic scan must). */
function render(text: string, label: string): string {
  const { value: { html }, cpuMs } = withCpuTime(() => renderDocumentBody(text, EMPTY_ANALYSIS, { images: { allowHttps: true, allowDataImages: true, resolveLocal: (p) => `local/${p}` } }));
  assert.ok(cpuMs < GUARD_MS, `${label}: took ${Math.round(cpuMs)} ms of CPU`);
  assertInert(html, label);
  return html;
}

/** Raw HTML an attacker might write; each must come out as its own escaped text. */
const RAW_HTML: readonly string[] = [
  '<script>document.title="pwned"</script>',
  '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
  '<img src=x onerror="document.title=\'pwned\'">',
  '<style onload="alert(1)">body{display:none}</style>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<form action="https://evil.example"><input name=x autofocus onfocus=alert(1)></form>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<svg onload="alert(1)"><circle r=1 /></svg>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<base href="https://evil.example/">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<details open ontoggle="alert(1)">x</details>',
  '<body onload="alert(1)">',
  '<a href="javascript:alert(1)">click</a>',
  '<video><source onerror="alert(1)"></video>',
  '<audio src=x onerror=alert(1)>',
  '<marquee onstart="alert(1)">x</marquee>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<template><script>alert(1)</script></template>',
  '<noscript><img src=x onerror=alert(1)></noscript>',
  '<textarea autofocus onfocus=alert(1)>',
  '<!--><script>alert(1)</script>-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<img src="x" onerror="alert(1)"/> inline in a sentence',
  '| table | <script>alert(1)</script> |\n| --- | --- |\n| <img src=x onerror=alert(1)> | x |',
  '- list item <iframe src="javascript:alert(1)">',
  '> quoted <script>alert(1)</script>',
  '# heading <svg/onload=alert(1)>',
];

/** Spellings of dangerous addresses, each tried as inline link, angle link, reference, autolink and image. */
const BAD_URLS: readonly string[] = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  'JaVaScRiPt:alert(1)',
  '&#74;avascript:alert(1)',
  '&#x6A;avascript:alert(1)',
  'javascript&#x3A;alert(1)',
  'javascript&colon;alert(1)',
  'java&#x09;script:alert(1)',
  'java&#10;script:alert(1)',
  '%6Aavascript:alert(1)',
  '&#0000106avascript:alert(1)',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+',
  'command:workbench.action.terminal.new',
  'COMMAND:workbench.action.terminal.new',
  'command&#58;workbench.action.terminal.new',
  'command:patternAnalyst.exportHtml?%7B%22overwrite%22%3Atrue%7D',
  'vscode:extension/ms-python.python',
  'vscode-file://vscode-app/etc/passwd',
  '//evil.example/x',
];

function linkForms(url: string): [string, string][] {
  return [
    ['inline', `[click me](${url})`],
    ['angle', `[click me](<${url}>)`],
    ['reference', `[click me][ref]\n\n[ref]: ${url}`],
    ['autolink', `<${url}>`],
    ['image', `![pic](${url})`],
  ];
}

describe('render: hostile input', () => {
  let count = 0;
  after(() => {
    // The report quotes this number.
    console.log(`      hostile-input cases: ${count}`);
  });

  describe('raw HTML stays text', () => {
    for (const input of RAW_HTML) {
      count++;
      it(input.slice(0, 60), () => {
        const html = render(input, input);
        // The first tag of the input shows as escaped text, as the analyst wrote it.
        const firstTag = /<[!a-zA-Z][^\s>/]*/.exec(input)?.[0] ?? '<';
        assert.ok(html.includes(firstTag.replace(/&/g, '&amp;').replace(/</g, '&lt;')), `escaped ${firstTag} shown`);
        assert.doesNotMatch(html, /<(script|iframe|style|meta|form|object|embed|svg|math|base|link|input|details|video|audio|template|textarea|body)\b/i);
      });
    }
  });

  describe('dangerous addresses never become links or images', () => {
    for (const url of BAD_URLS) {
      for (const [form, input] of linkForms(url)) {
        count++;
        it(`${form}: ${url.slice(0, 50)}`, () => {
          const html = render(input, `${form} ${url}`);
          // assertInert (in render) already refused any dangerous href/src as the browser reads
          // it. Beyond that: no link or image survives unless markdown-it left the text literally
          // (an over-long entity such as &#0000106; is no entity, so the address is a harmless
          // relative path), and the words stay readable.
          if (!url.includes('&#0000106')) {
            assert.doesNotMatch(html, /<a [^>]*href=/);
            assert.doesNotMatch(html, /<img /);
          }
          const visible = html.replace(/<[^>]*>/g, '');
          assert.ok(visible.includes('click me') || visible.includes('pic') || html.includes('alt="pic"') || visible.includes(escapeHtml(url.slice(-6))), `text kept: ${visible.slice(0, 120)}`);
        });
      }
    }
    count++;
    it('a newline inside the scheme (java\\nscript:) is no link either', () => {
      const html = render('[x](<java\nscript:alert(1)>) and [y](java\nscript:alert(1))', 'newline');
      assert.doesNotMatch(html, /href=/);
      assert.match(html, /script:alert\(1\)/);
    });
  });

  describe('allowed addresses still work (the checks above can fail)', () => {
    count++;
    it('https, mailto, relative and fragment links are links', () => {
      const html = render('[a](https://example.com/x) [b](mailto:x@example.com) [c](notes/other.md) [d](#scorecard) <https://example.org>', 'allowed');
      for (const href of ['https://example.com/x', 'mailto:x@example.com', 'notes/other.md', '#scorecard', 'https://example.org']) {
        assert.ok(html.includes(`href="${href}"`), href);
      }
      assert.match(html, /rel="noopener noreferrer"/);
    });
  });

  describe('size and shape', () => {
    const shapes: [string, () => string, string][] = [
      ['1 MB of realistic markdown', () => '## Section\n\nGPU Utilization Rate was 72% in **Q3**; see [the deck](https://example.com).\n\n| Metric | Value |\n| --- | --- |\n| Retention | 95% |\n\n'.repeat(8000), 'Retention'],
      ['10 MB document (cut, and says so)', () => 'A line of analysis text with 72% and $2.10 in it.\n'.repeat(200_000), 'only its first'],
      ['10,000 levels of > on one line', () => `${'>'.repeat(10_000)} deepest text`, 'deepest text'],
      ['1,000 quote lines, each one level deeper', () => Array.from({ length: 1000 }, (_, i) => `${'> '.repeat(i + 1)}level ${i}`).join('\n'), 'level 999'],
      ['10,000 nested bullet lists', () => `${'- '.repeat(10_000)}deepest item`, 'deepest item'],
      ['10,000 nested ordered lists', () => `${'1. '.repeat(10_000)}deepest item`, 'deepest item'],
      ['10,000 alternating quotes and lists', () => `${'> - '.repeat(10_000)}deepest item`, 'deepest item'],
      ['100,000-character line', () => `${'word '.repeat(20_000)}end`, 'end'],
      ['100,000 opening brackets', () => `${'['.repeat(100_000)}end`, 'end'],
      ['100,000 emphasis openers', () => `${'*a '.repeat(33_000)}end`, 'end'],
      ['100,000 backticks', () => `${'`'.repeat(100_000)}end`, 'end'],
      ['50,000 unclosed link destinations', () => `${'[a]('.repeat(25_000)}end`, 'end'],
      ['20,000-row table', () => `| a | b |\n| - | - |\n${'| 1 | <script>x</script> |\n'.repeat(20_000)}`, '&lt;script&gt;'],
    ];
    for (const [name, make, expected] of shapes) {
      count++;
      it(name, () => {
        const html = render(make(), name);
        assert.ok(html.includes(expected), `output keeps "${expected}"`);
      });
    }
  });
});
