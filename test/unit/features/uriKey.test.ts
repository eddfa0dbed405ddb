/**
 * The workspace index's key of a walked file built from its folder's (uriKey.ts) instead of
 * formatting each file's URI: only for paths the URI formatter leaves as they are. The real
 * formatter's agreement is checked in the extension host (the portfolio integration suite).
 */
import * as assert from 'node:assert/strict';
import { uriKeyBelow } from '../../../src/features/portfolio/uriKey';

describe('index keys of walked files', () => {
  it('joins a path of letters, digits, - . _ ~ and / to the folder’s string', () => {
    assert.equal(uriKeyBelow('file:///work/space/', 'analyses/Q3-2026/provider_0001.v2~.md'), 'file:///work/space/analyses/Q3-2026/provider_0001.v2~.md');
    assert.equal(uriKeyBelow('file:///c%3A/Users/me/', 'a/B9.md'), 'file:///c%3A/Users/me/a/B9.md');
  });

  it('leaves every path with a character the formatter encodes to the formatter', () => {
    for (const relative of ['a b.md', 'a#1.md', '100%.md', 'café.md', '[x].md', 'a?.md', 'a:b.md', 'a+b.md', 'a@b.md', "it's.md", 'a,b.md', 'a;b.md', 'a=b.md', 'a&b.md', 'a!.md', 'a$.md', 'a(1).md', 'a*.md', 'a\\b.md', 'a\nb.md']) {
      assert.equal(uriKeyBelow('file:///w/', relative), undefined, JSON.stringify(relative));
    }
  });

  it('needs the folder’s string with its trailing slash', () => {
    assert.equal(uriKeyBelow('file:///w', 'a.md'), undefined);
  });
});
