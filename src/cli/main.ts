/**
 * The `pattern-analyst` executable (bundled to dist/cli.js with a shebang): runs the CLI on the
 * process's arguments and sets the exit code. Output goes through console streams; a closed pipe
 * (`pattern-analyst lint ... | head`) ends the run quietly instead of crashing.
 */
import { run } from './run';

for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

void run(process.argv.slice(2), {
  cwd: process.cwd(),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
}).then((code) => {
  process.exitCode = code;
});
