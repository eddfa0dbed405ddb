// Lint rules. The one that matters most: the pure core (model, analysis, render, portfolio) and the CLI must
// never import 'vscode', so they keep running in plain node, the CLI and the browser.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'media/dist/**', 'node_modules/**', '.vscode-test/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='eval']", message: 'No eval.' }],
    },
  },
  {
    files: ['src/model/**/*.ts', 'src/analysis/**/*.ts', 'src/render/**/*.ts', 'src/portfolio/**/*.ts', 'src/cli/**/*.ts', 'src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The pure core must not import vscode: convert types in src/features/.' }],
          patterns: [{ group: ['**/features/**', '**/extension'], message: 'The pure core must not depend on editor features.' }],
        },
      ],
    },
  },
  {
    // The editor loads the analysis core and the renderer on first use, through src/features/core.ts
    // (dist/analysis.js, dist/renderer.js): importing them here would bundle them into activation.
    files: ['src/features/**/*.ts', 'src/extension.ts'],
    ignores: ['src/features/core.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'markdown-it', message: 'markdown-it belongs to dist/renderer.js: reach it through features/core.ts.', allowTypeImports: true },
            { name: 'js-yaml', message: 'js-yaml belongs to dist/yaml.js, loaded by the analysis core.', allowTypeImports: true },
          ],
          patterns: [{
            group: ['**/analysis/analysisBundle', '**/analysis/analyze', '**/analysis/claims', '**/analysis/frontMatter', '**/render/rendererBundle', '**/render/documentRenderer', '**/render/exportDocument', '**/render/markdownEngine'],
            message: 'Part of a lazy core bundle: import its types only, and call it through features/core.ts.',
            allowTypeImports: true,
          }],
        },
      ],
    },
  },
);
