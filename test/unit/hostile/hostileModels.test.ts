/**
 * Hostile pattern models through the loader and what shows model text: the loader returns
 * errors or a model (never throws, every error path starts with `$`); `__proto__`, `constructor`
 * and `prototype` keys never reach a prototype; and model strings full of HTML, `command:` and
 * `javascript:` links stay text in the tree's markdown view.
 */
import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { loadPatternModel } from '../../../src/model/modelLoader';
import { PatternIndex } from '../../../src/model/patternIndex';
import { patternToMarkdown } from '../../../src/render/patternMarkdown';
import { prototypesClean } from '../../support/analysisInvariants';
import { GUARD_MS, withCpuTime } from '../../support/cpuGuard';
import { dangersIn, elementNames } from '../../support/htmlSafety';
import { hostileModels, hostileModel } from '../../support/hostileInputs';


describe('hostile models: loadPatternModel', function () {
  this.timeout(30_000);

  for (const input of hostileModels()) {
    it(`${input.name}: errors XOR model, paths from $, under ${GUARD_MS / 1000} s of CPU`, () => {
      const text = input.make();
      const { value: result, cpuMs } = withCpuTime(() => loadPatternModel(text));
      assert.ok(cpuMs < GUARD_MS, `took ${cpuMs.toFixed(0)} ms of CPU`);
      assert.ok((result.model === undefined) !== (result.errors.length === 0));
      for (const e of result.errors) assert.ok(e.path.startsWith('$') && e.message.length > 0, JSON.stringify(e));
      assert.ok(prototypesClean(), 'a prototype was polluted');
    });
  }

  it('refuses __proto__ / constructor / prototype keys with a message naming the key', () => {
    const input = hostileModels().find((h) => h.name.includes('__proto__'));
    assert.ok(input);
    const result = loadPatternModel(input.make());
    assert.equal(result.model, undefined);
    const paths = result.errors.map((e) => e.path);
    assert.ok(paths.some((p) => p.includes('__proto__')), paths.join(', '));
    assert.ok(paths.some((p) => p.includes('constructor')), paths.join(', '));
    assert.ok(prototypesClean());
  });

  it('says the file is binary when it holds NUL bytes, rather than listing JSON errors', () => {
    const result = loadPatternModel('{"schemaVersion":1,\u0000}');
    assert.equal(result.model, undefined);
    assert.match(result.errors[0].message, /binary|NUL/i);
  });
});

describe('hostile models: the tree\'s markdown view of a model', () => {
  const md = new MarkdownIt({ html: true, linkify: true });

  it('keeps HTML, command: and javascript: links in model strings as text, even for a renderer with HTML on', () => {
    for (const text of [
      hostileModel({ name: 'AI <script>alert(1)</script>', tagline: '<img src=x onerror=alert(1)>', metricName: 'GPU <b onmouseover=alert(1)>Rate</b>', companyNote: '<iframe src=https://evil.example></iframe>' }),
      hostileModel({ name: 'AI [x](command:workbench.action.terminal.new)', tagline: '[x](javascript:alert(1))', companyNote: '![p](https://evil.example/p.png) <command:x>' }),
    ]) {
      const result = loadPatternModel(text);
      assert.ok(result.model, JSON.stringify(result.errors));
      new PatternIndex(result.model);
      const html = md.render(patternToMarkdown(result.model).text);
      assert.deepEqual(dangersIn(html), []);
      // Only markup the markdown view writes itself (and https links a linkifying renderer makes of URLs).
      for (const name of elementNames(html)) assert.ok(['h1', 'h2', 'h3', 'p', 'ul', 'li', 'em', 'strong', 'blockquote', 'hr', 'a'].includes(name), `<${name}> in ${html.slice(0, 200)}`);
      assert.doesNotMatch(html, /href="(?:command|javascript):/i);
    }
  });
});
