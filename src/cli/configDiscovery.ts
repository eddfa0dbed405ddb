/**
 * Finds the team config (`.pattern-analyst.jsonc`) that applies to a file, as the editor does: in
 * the file's folder or the nearest folder above it, up to the repository root (or, outside a
 * repository, the working folder) — the same boundary as the search for pattern models. The
 * nearest file wins. Each file is read and parsed once per run.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, EMPTY_CONFIG, MAX_CONFIG_BYTES, parseTeamConfig, type ConfigProblem, type TeamConfig } from '../analysis/teamConfig';
import { searchBoundary } from './modelDiscovery';
import { readText } from './readText';

export interface FoundConfig {
  /** Absolute path of the config file; undefined when none applies. */
  readonly file?: string;
  /** The folder its relative paths start from. */
  readonly dir?: string;
  readonly config: TeamConfig;
  readonly problems: readonly ConfigProblem[];
}

const NONE: FoundConfig = { config: EMPTY_CONFIG, problems: [] };

export class ConfigResolver {
  private readonly byFolder = new Map<string, Promise<FoundConfig>>();
  private readonly byFile = new Map<string, Promise<FoundConfig>>();

  constructor(private readonly cwd: string) {}

  /** The config for a file (absolute path, resolved to its real location). */
  async forFile(file: string): Promise<FoundConfig> {
    return this.forFolder(path.dirname(file));
  }

  private forFolder(dir: string): Promise<FoundConfig> {
    let hit = this.byFolder.get(dir);
    if (!hit) {
      hit = this.search(dir);
      this.byFolder.set(dir, hit);
    }
    return hit;
  }

  private async search(start: string): Promise<FoundConfig> {
    const stop = searchBoundary(start, this.cwd);
    for (let dir = start; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, CONFIG_FILE_NAME);
      if (await isFile(candidate)) return this.load(candidate, dir);
      if (dir === stop || path.dirname(dir) === dir) return NONE;
    }
  }

  private load(file: string, dir: string): Promise<FoundConfig> {
    let hit = this.byFile.get(file);
    if (!hit) {
      hit = (async () => {
        const read = await readText(file, 'a config file', { maxBytes: MAX_CONFIG_BYTES, refuseBinary: true });
        if ('error' in read) return { file, dir, config: EMPTY_CONFIG, problems: [{ line: 0, character: 0, message: `The config file ${read.error}; the defaults apply.` }] };
        return { file, dir, ...parseTeamConfig(read.text) };
      })();
      this.byFile.set(file, hit);
    }
    return hit;
  }
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isFile();
  } catch {
    return false;
  }
}
