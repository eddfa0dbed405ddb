/**
 * What a reader sees in a printed PDF, through Debian's poppler-utils (installed by
 * scripts/install-code-server.sh): the text of each page (pdftotext) and the page count and size
 * (pdfinfo). Also the browser the PDF tests print with. Shared by the unit and integration tiers.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { findBrowser } from '../../src/pdf/findBrowser';

const INSTALL = 'bash scripts/install-code-server.sh installs Chromium and poppler-utils';

function poppler(tool: string, args: readonly string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') assert.fail(`${tool} is not installed (${INSTALL})`);
    throw e;
  }
}

export interface PdfFacts {
  readonly pages: number;
  /** Page size in PostScript points, e.g. 595.92 x 841.92 for A4. */
  readonly width: number;
  readonly height: number;
}

export function pdfInfo(file: string): PdfFacts {
  const out = poppler('pdfinfo', [file]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(out);
  assert.ok(size && pages > 0, `pdfinfo understood ${file}:\n${out}`);
  return { pages, width: Number(size[1]), height: Number(size[2]) };
}

/** The text of each page (1-based page n is index n - 1), whitespace runs collapsed to one space. */
export function pdfPages(file: string): string[] {
  // pdftotext ends every page with a form feed.
  return poppler('pdftotext', ['-enc', 'UTF-8', file, '-']).split('\f').slice(0, -1).map((p) => p.replace(/\s+/g, ' ').trim());
}

/** The browser the PDF tests print with: PATTERN_ANALYST_CHROMIUM (the harness knob), else the usual places. */
export function testBrowser(): string {
  const found = findBrowser(process.env.PATTERN_ANALYST_CHROMIUM);
  if (!found.found) assert.fail(`${found.message} (${INSTALL})`);
  return found.path;
}

/** Points per millimetre and per inch, for page-size checks. */
export const PT_PER_MM = 72 / 25.4;
export const PT_PER_IN = 72;

export interface CliRun {
  readonly code: number | null;
  readonly stderr: string;
}

/** Runs the built CLI (`cli`, dist/cli.js) asynchronously, so a print does not block the test's process. */
export function runCli(cli: string, args: readonly string[], cwd: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}
