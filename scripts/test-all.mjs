// `npm test`: every tier in order (lint, unit, integration in a real VS Code, the web suites in its
// web worker host, UI checks), each run even when an earlier one failed, so one CI log shows every
// failure. Ends with a summary of counts and times per tier; exits non-zero when any tier failed.
//
// The tiers are the package.json scripts of the same names, run with --ignore-scripts: `pretest`
// has already built, compiled and installed code-server once, so their own pre-hooks (which make
// each tier runnable alone) are skipped here.
import { spawn } from 'node:child_process';

const TIERS = [
  { name: 'lint', script: 'lint' },
  { name: 'unit', script: 'test:unit' },
  { name: 'integration', script: 'test:integration' },
  // The web worker extension host (vscode.dev, github.dev): the web suites, in code-server.
  { name: 'web', script: 'test:web' },
  { name: 'ui', script: 'test:ui' },
];

/**
 * Counts a tier printed: mocha's "N passing / N failing / N pending", or our "<tier>: N passed,
 * N failed", summed over its passes (the integration tier runs a second, localized pass).
 */
function counts(output) {
  const last = (re) => [...output.matchAll(re)].at(-1);
  const ours = [...output.matchAll(/^(?:integration|ui|integration \(web worker host\)): (\d+) passed, (\d+) failed$/gm)];
  if (ours.length) return ours.reduce((sum, m) => ({ passed: sum.passed + Number(m[1]), failed: sum.failed + Number(m[2]) }), { passed: 0, failed: 0 });
  const passing = last(/^\s*(\d+) passing/gm);
  if (!passing) return undefined;
  const failing = last(/^\s*(\d+) failing/gm);
  const pending = last(/^\s*(\d+) pending/gm);
  return { passed: Number(passing[1]), failed: failing ? Number(failing[1]) : 0, pending: pending ? Number(pending[1]) : 0 };
}

/**
 * What failed in a tier, repeated under the summary: CI keeps only the end of a long log, and the
 * counts alone do not say which test failed (a fast-check property prints its seed there too, so
 * a random failure can be replayed). Mocha's "N failing" section when there is one, else our
 * harness's "✘" lines with the lines that follow them; at most MAX_DIGEST_LINES lines per tier.
 */
const MAX_DIGEST_LINES = 40;
function failureDigest(output) {
  const lines = output.split(/\r?\n/);
  let start = -1;
  for (let i = lines.length - 1; i >= 0; i--) if (/^\s*\d+ failing/.test(lines[i])) { start = i; break; }
  if (start >= 0) return lines.slice(start, start + MAX_DIGEST_LINES);
  const picked = [];
  lines.forEach((line, i) => {
    if (/^\s*✘ /.test(line)) picked.push(...lines.slice(i, i + 4));
  });
  return picked.slice(0, MAX_DIGEST_LINES);
}

function runTier(tier) {
  return new Promise((resolve) => {
    const started = Date.now();
    console.log(`\n== ${tier.name} (npm run ${tier.script})`);
    const child = spawn('npm', ['run', '--silent', '--ignore-scripts', tier.script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      output += d;
      process.stderr.write(d);
    });
    child.on('close', (code, signal) => resolve({ ...tier, code: code ?? 1, signal, seconds: (Date.now() - started) / 1000, counts: counts(output), digest: code === 0 ? [] : failureDigest(output) }));
  });
}

const results = [];
let interrupted = false;
process.on('SIGINT', () => (interrupted = true));
for (const tier of TIERS) {
  if (interrupted) break;
  results.push(await runTier(tier));
}

console.log('\n== Test summary');
for (const r of results) {
  const c = r.counts;
  const what = c ? `${c.passed} passed, ${c.failed} failed${c.pending ? `, ${c.pending} pending` : ''}` : r.code === 0 ? 'ok' : 'errors';
  const status = r.code === 0 ? 'ok  ' : 'FAIL';
  console.log(`  ${status} ${r.name.padEnd(12)} ${what.padEnd(34)} ${r.seconds.toFixed(1).padStart(6)} s`);
}
const failed = results.filter((r) => r.code !== 0);
for (const r of failed) {
  if (!r.digest.length) continue;
  console.log(`\n== What failed in ${r.name}`);
  // A counterexample can be one line of many kilobytes: its start is enough to recognise it.
  for (const line of r.digest) console.log(`  ${line.length > 400 ? `${line.slice(0, 400)}… (${line.length} characters)` : line}`);
}
if (results.length < TIERS.length) console.log(`  (interrupted: ${TIERS.length - results.length} tier(s) not run)`);
console.log(failed.length || results.length < TIERS.length ? `== FAILED: ${failed.map((r) => r.name).join(', ') || 'interrupted'}` : '== All tiers passed');
process.exit(failed.length || results.length < TIERS.length ? 1 : 0);
