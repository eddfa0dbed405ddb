/**
 * Finding a browser to print with, on each platform's usual places (a fake machine per test):
 * the user's choice first and only, then PATH (Linux), then the fixed install places; and the
 * message when there is none says what to install or set.
 */
import * as assert from 'node:assert/strict';
import { findBrowser, type BrowserHost } from '../../../src/pdf/findBrowser';

function host(platform: NodeJS.Platform, files: readonly string[], env: Record<string, string> = {}): BrowserHost & { asked: string[] } {
  const asked: string[] = [];
  return {
    platform,
    env,
    asked,
    executable: (file) => {
      asked.push(file);
      return files.includes(file) ? file : undefined;
    },
  };
}

describe('findBrowser', () => {
  it('finds Chromium on Linux through PATH before the fixed places', () => {
    const h = host('linux', ['/usr/local/bin/chromium', '/usr/bin/chromium'], { PATH: '/usr/local/bin:/usr/bin' });
    assert.deepEqual(findBrowser(undefined, h), { found: true, path: '/usr/local/bin/chromium' });
  });

  it('finds Chrome in /opt on Linux when PATH has none', () => {
    const h = host('linux', ['/opt/google/chrome/chrome'], { PATH: '/usr/bin' });
    assert.deepEqual(findBrowser(undefined, h), { found: true, path: '/opt/google/chrome/chrome' });
  });

  it('finds Edge on macOS in ~/Applications', () => {
    const edge = '/Users/ana/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    assert.deepEqual(findBrowser(undefined, host('darwin', [edge], { HOME: '/Users/ana' })), { found: true, path: edge });
  });

  it('finds Chrome under LOCALAPPDATA and Edge under Program Files on Windows, Chrome first', () => {
    const chrome = 'C:\\Users\\ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const env = { LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' };
    assert.deepEqual(findBrowser(undefined, host('win32', [chrome, edge], env)), { found: true, path: chrome });
    assert.deepEqual(findBrowser(undefined, host('win32', [edge], env)), { found: true, path: edge });
  });

  it('uses only the configured browser when one is set, and says so when it is not there', () => {
    const h = host('linux', ['/usr/bin/chromium'], { PATH: '/usr/bin' });
    assert.deepEqual(findBrowser('/usr/bin/chromium', h), { found: true, path: '/usr/bin/chromium' });
    const missing = findBrowser('/nowhere/chrome', h);
    assert.equal(missing.found, false);
    assert.match(!missing.found ? missing.message : '', /"\/nowhere\/chrome".*not an executable file.*patternAnalyst\.pdf\.browserPath/);
    // No silent fallback to another browser.
    assert.ok(!h.asked.includes('/usr/bin/chromium') || h.asked.indexOf('/nowhere/chrome') === h.asked.length - 1);
  });

  it('says what to install or set when no browser is found, and that HTML export still works', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const result = findBrowser(undefined, host(platform, [], { PATH: '/usr/bin', HOME: '/home/a', LOCALAPPDATA: 'C:\\x' }));
      assert.equal(result.found, false);
      const message = !result.found ? result.message : '';
      assert.match(message, /No Chrome, Edge or Chromium found/);
      assert.match(message, /apt install chromium/);
      assert.match(message, /patternAnalyst\.pdf\.browserPath/);
      assert.match(message, /--browser/);
      assert.match(message, /Export to HTML works/);
    }
  });
});
