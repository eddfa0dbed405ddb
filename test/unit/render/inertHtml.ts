/**
 * Checks that rendered HTML can do nothing but show text: only known harmless elements, no event
 * handler or style attributes, and every address an allowed kind. Used by the hostile-input tests;
 * a failure names the offending piece so the test output says what leaked.
 */
import * as assert from 'node:assert/strict';
import { classifyUrl } from '../../../src/render/linkSafety';

const ALLOWED_TAGS = new Set([
  'div', 'p', 'span', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  'a', 'strong', 'em', 's', 'code', 'pre', 'blockquote', 'hr', 'br', 'img', 'section', 'header', 'footer', 'article',
  'dl', 'dt', 'dd', 'main',
  // The charts' inline SVG: drawing primitives and <title> only (never script, use, a, foreignObject, animate, image).
  'svg', 'title', 'rect', 'line', 'circle', 'path', 'polyline', 'text', 'figure', 'figcaption',
]);

function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Asserts that `html` holds nothing executable or loading; returns the tags for further checks. */
export function assertInert(html: string, label = ''): string[] {
  const tags = html.match(/<[^>]*>/g) ?? [];
  for (const tag of tags) {
    const name = /^<\/?([a-zA-Z][a-zA-Z0-9-]*)/.exec(tag)?.[1]?.toLowerCase();
    assert.ok(name && ALLOWED_TAGS.has(name), `${label}: unexpected element ${tag.slice(0, 80)}`);
    assert.doesNotMatch(tag, /\son[a-z]+\s*=/i, `${label}: event handler attribute in ${tag.slice(0, 120)}`);
    assert.doesNotMatch(tag, /\s(?:style|srcdoc|formaction|action|http-equiv|srcset)\s*=/i, `${label}: forbidden attribute in ${tag.slice(0, 120)}`);
    for (const m of tag.matchAll(/\s(href|src)="([^"]*)"/gi)) {
      const url = decodeEntities(m[2]);
      const kind = classifyUrl(url);
      assert.notEqual(kind, 'refused', `${label}: refused address in ${m[1]}: ${url.slice(0, 80)}`);
      if (m[1].toLowerCase() === 'href') assert.notEqual(kind, 'data-image', `${label}: data: link`);
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(url.replace(/[\u0000-\u0020]/g, ''), /^(?:javascript|vbscript|command|vscode|file):/i, `${label}: dangerous address ${url}`);
    }
  }
  // No raw "<" that is not a tag we just checked: text must be escaped.
  assert.doesNotMatch(html.replace(/<[^>]*>/g, ''), /[<>]/, `${label}: unescaped angle bracket in text`);
  return tags;
}
