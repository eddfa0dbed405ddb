/**
 * The set of pattern models in play: the bundled one plus any the analyst wrote. Finds the model an
 * analysis names in its front matter (by id, number, name or alias) and hands out its index.
 */
import { editDistance, nameKey } from './names';
import { PatternIndex } from './patternIndex';
import type { PatternModel } from './types';

export interface CatalogEntry {
  readonly index: PatternIndex;
  /** Where the model came from: "bundled", or the file's path or URI. */
  readonly origin: string;
  readonly bundled: boolean;
}

export class PatternCatalog {
  private readonly list: CatalogEntry[] = [];
  /** Each model's name keys (id, name, title, aliases), made once: every analysis looks its pattern up by them. */
  private readonly keys = new WeakMap<CatalogEntry, ReadonlySet<string>>();

  /**
   * @param notice Why some models the analyst may expect are absent (e.g. Restricted Mode holds
   * workspace models back); rules that report an unknown pattern repeat it, so the message says
   * what to do instead of only "unknown".
   */
  constructor(entries: readonly CatalogEntry[] = [], readonly notice?: string) {
    for (const e of entries) this.add(e);
  }

  /** Adds a model. A model whose id is already taken is refused with a reason (first come wins, bundled first). */
  add(entry: CatalogEntry): { ok: true } | { ok: false; reason: string } {
    const clash = this.list.find((e) => e.index.model.id === entry.index.model.id);
    if (clash) {
      return { ok: false, reason: `a pattern model with id "${entry.index.model.id}" is already loaded from ${clash.origin}; ids must be unique` };
    }
    this.list.push(entry);
    return { ok: true };
  }

  get entries(): readonly CatalogEntry[] {
    return this.list;
  }

  get indexes(): PatternIndex[] {
    return this.list.map((e) => e.index);
  }

  /** The model an analysis names: `ai-infrastructure`, `17`, `#17`, `AI Infrastructure`, or an alias. */
  find(ref: string | number): PatternIndex | undefined {
    const text = String(ref).trim();
    const asNumber = /^(?:pattern\s*)?#?\s*(\d+)$/i.exec(text);
    if (asNumber) {
      const n = Number(asNumber[1]);
      return this.list.find((e) => e.index.model.number === n)?.index;
    }
    const key = nameKey(text);
    for (const entry of this.list) {
      if (entry.index.model.id === text || this.keysOf(entry).has(key)) return entry.index;
    }
    return undefined;
  }

  private keysOf(entry: CatalogEntry): ReadonlySet<string> {
    let keys = this.keys.get(entry);
    if (!keys) {
      const m = entry.index.model;
      keys = new Set([m.id, m.name, ...(m.title ? [m.title] : []), ...m.aliases.map((a) => a.text)].map(nameKey));
      this.keys.set(entry, keys);
    }
    return keys;
  }

  /** Known pattern names close to an unknown reference, for did-you-mean. */
  suggest(ref: string, max = 3): PatternModel[] {
    const key = nameKey(String(ref));
    const scored: { model: PatternModel; d: number }[] = [];
    for (const { index } of this.list) {
      const m = index.model;
      const candidates = [m.id, m.name, ...(m.title ? [m.title] : []), ...m.aliases.map((a) => a.text)];
      const d = Math.min(...candidates.map((c) => {
        const ck = nameKey(c);
        const limit = Math.max(2, Math.floor(ck.length / 3));
        return editDistance(key, ck, limit) <= limit || ck.includes(key) || key.includes(ck) ? editDistance(key, ck, 99) : Infinity;
      }));
      if (Number.isFinite(d)) scored.push({ model: m, d });
    }
    return scored.sort((a, b) => a.d - b.d).slice(0, max).map((s) => s.model);
  }
}
