// Writes snippets/pattern-analysis.code-snippets from the bundled pattern model, through the same
// TypeScript module (src/model/analysisSnippets.ts) the New Analysis command uses, so the snippets
// can never drift from the model. Run by every build (esbuild.mjs) and on its own:
//   node scripts/generate-snippets.mjs          write the file if it changed
//   node scripts/generate-snippets.mjs --check  exit 1 if the committed file is out of date
/* global process, console */
import * as esbuild from 'esbuild';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SNIPPETS_FILE = join(root, 'snippets', 'pattern-analysis.code-snippets');

/** The snippet file's text as the bundled model yields it now. */
export async function snippetFileFromModel() {
  const result = await esbuild.build({
    stdin: {
      contents: [
        "import { snippetFileText } from './src/model/analysisSnippets';",
        "import { bundledIndex } from './src/model/bundledModel';",
        'export const text = snippetFileText(bundledIndex().model);',
      ].join('\n'),
      resolveDir: root,
      sourcefile: 'generate-snippets-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // As in esbuild.mjs: jsonc-parser's UMD `main` hides requires that esbuild cannot bundle.
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'warning',
  });
  const dir = await mkdtemp(join(tmpdir(), 'pattern-analyst-snippets-'));
  try {
    const file = join(dir, 'generate.cjs');
    await writeFile(file, result.outputFiles[0].text);
    return createRequire(import.meta.url)(file).text;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Writes the file when its content changed; returns whether it did. */
export async function generateSnippets({ check = false } = {}) {
  const wanted = await snippetFileFromModel();
  const current = await readFile(SNIPPETS_FILE, 'utf8').catch(() => undefined);
  if (current === wanted) return false;
  if (check) {
    throw new Error(`${SNIPPETS_FILE} is out of date with the pattern model: run "node scripts/generate-snippets.mjs" and commit it`);
  }
  await mkdir(dirname(SNIPPETS_FILE), { recursive: true });
  await writeFile(SNIPPETS_FILE, wanted);
  console.log(`[snippets] wrote ${SNIPPETS_FILE}`);
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await generateSnippets({ check: process.argv.includes('--check') });
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
