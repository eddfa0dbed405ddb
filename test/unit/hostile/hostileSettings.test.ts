/**
 * Settings a workspace could set against its user: which models load, remote images, and the size
 * up to which documents are checked live (raising it turns every slow path into an editor freeze).
 * Each is a restricted setting, so in Restricted Mode VS Code returns the user's value only; the
 * UI tier's restrictedMode check runs the real editor untrusted.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../cli/cliHarness';

interface Manifest {
  capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
  contributes: { configuration: { properties: Record<string, unknown> } | { properties: Record<string, unknown> }[] };
}

describe('hostile workspace settings', () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
  const config = manifest.contributes.configuration;
  const properties = Object.assign({}, ...(Array.isArray(config) ? config : [config]).map((c) => c.properties)) as Record<string, unknown>;

  it('an untrusted workspace cannot set models, remote images or the live-check size limit', () => {
    const restricted = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations;
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    for (const key of ['patternAnalyst.models.paths', 'patternAnalyst.preview.allowRemoteImages', 'patternAnalyst.checks.maxDocumentSizeMB']) {
      assert.ok(restricted.includes(key), `${key} is restricted`);
    }
    for (const key of restricted) assert.ok(key in properties, `${key} is a contributed setting`);
  });
});
