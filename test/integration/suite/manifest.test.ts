/**
 * The manifest and the code agree: what package.json contributes is what the running extension
 * registers, and the other way round, checked in the real host after activation.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../../src/features/commands';
import { activateExtension, REPO_ROOT, waitFor } from './helpers';

interface Manifest {
  contributes: {
    commands: { command: string }[];
    views: Record<string, { id: string }[]>;
    menus: Record<string, { command: string }[]>;
    configuration: { properties: Record<string, unknown> };
  };
}

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
const contributed = manifest.contributes.commands.map((c) => c.command);
const views = Object.values(manifest.contributes.views).flat().map((v) => v.id);
/** The workbench registers `<viewId>.focus`, `.open`, ... for every view by itself. */
const isViewCommand = (id: string): boolean => views.some((view) => id.startsWith(`${view}.`));

describe('Manifest', () => {
  let registered: Set<string>;

  before(async () => {
    await activateExtension();
    registered = new Set((await vscode.commands.getCommands(true)).filter((id) => id.startsWith('patternAnalyst.')));
  });

  it('registers every contributed command', () => {
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], 'contributed in package.json but not registered at runtime');
    // The one command table (src/features/commands.ts) is what features register under: the same ids.
    assert.deepEqual([...Object.values(COMMANDS)].sort(), [...contributed].sort(), 'the command table and package.json name the same commands');
  });

  it('reads every contributed setting, and contributes every setting it reads', () => {
    const declared = Object.keys(manifest.contributes.configuration.properties).map((k) => k.replace(/^patternAnalyst\./, ''));
    const src = path.join(REPO_ROOT, 'src');
    const text = (readdirSync(src, { recursive: true }) as string[])
      .filter((file) => file.endsWith('.ts'))
      .map((file) => readFileSync(path.join(src, file), 'utf8'))
      .join('\n');
    const unread = declared.filter((key) => !text.includes(`'${key}'`));
    assert.deepEqual(unread, [], 'settings declared in package.json that src/ never reads');
    const read = [...text.matchAll(/\.get<[^>]+>\('([\w.]+)'/g)].map((m) => m[1]);
    const undeclared = read.filter((key) => !declared.includes(key));
    assert.deepEqual(undeclared, [], 'settings src/ reads that package.json does not declare');
  });

  it('contributes every command it registers (nothing hidden from the manifest)', () => {
    const undeclared = [...registered].filter((id) => !contributed.includes(id) && !isViewCommand(id));
    assert.deepEqual(undeclared, []);
  });

  it('menus name only contributed commands', () => {
    const named = Object.values(manifest.contributes.menus).flat().map((m) => m.command);
    assert.deepEqual(named.filter((id) => !contributed.includes(id)), []);
  });

  it('the contributed tree view is backed by a provider', async () => {
    assert.ok(views.includes('patternAnalyst.patternTree'));
    const api = await activateExtension();
    await vscode.commands.executeCommand('patternAnalyst.patternTree.focus');
    await waitFor(() => (api.treeView.visible ? true : undefined), 'the tree view to become visible');
    assert.ok(api.tree.getChildren().length > 0, 'the view has rows');
  });
});
