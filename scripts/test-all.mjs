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
    child.on('close', (code, signal) => resolve({ ...tier, code: code ?? 1, signal, seconds: (Date.now() - started) / 1000, counts: counts(output) }));
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
if (results.length < TIERS.length) console.log(`  (interrupted: ${TIERS.length - results.length} tier(s) not run)`);
console.log(failed.length || results.length < TIERS.length ? `== FAILED: ${failed.map((r) => r.name).join(', ') || 'interrupted'}` : '== All tiers passed');
process.exit(failed.length || results.length < TIERS.length ? 1 : 0);
