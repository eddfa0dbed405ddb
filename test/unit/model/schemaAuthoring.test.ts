/**
 * The schema as an author meets it in VS Code: every property explains itself in completion and
 * hover (description and markdownDescription), and every completion snippet (defaultSnippets),
 * filled in with its default placeholders, scaffolds a model that both the schema and the loader
 * accept — so "New pattern model" from completion is a valid start, not a page of red squiggles.
 */
import * as assert from 'assert';
import { loadPatternModel } from '../../../src/model/modelLoader';
import { newModelSkeleton } from '../../../src/model/modelSkeleton';
import { compileSchema, minimalModelJson, schemaErrorsText, schemaJson } from './modelFixtures';

type AnyJson = any; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Snippet {
  readonly label: string;
  readonly body: unknown;
}

/**
 * What VS Code inserts for a snippet body when the author accepts every default: `${1:text}`
 * becomes `text`, `${1|a,b|}` becomes `a`, and a string starting with `^` is inserted raw (a number).
 */
function fillSnippet(body: unknown): unknown {
  if (typeof body === 'string') {
    const filled = body.replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{?\d+\}?/g, '');
    return filled.startsWith('^') ? JSON.parse(filled.slice(1)) : filled;
  }
  if (Array.isArray(body)) return body.map(fillSnippet);
  if (body !== null && typeof body === 'object') return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, fillSnippet(v)]));
  return body;
}

const schema = schemaJson() as AnyJson;
const validate = compileSchema();

/** Puts a filled snippet where its schema node sits, in an otherwise minimal valid model. */
const placements: Record<string, (value: AnyJson) => AnyJson> = {
  root: (v) => v,
  sections: (v) => ({ ...minimalModelJson(), sections: v }),
  section: (v) => ({ ...minimalModelJson(), sections: [...(minimalModelJson().sections as AnyJson[]), v] }),
  metric: (v) => ({ ...minimalModelJson(), sections: [...(minimalModelJson().sections as AnyJson[]), { id: 'm', kind: 'metrics', title: 'Metrics' }], metrics: [v] }),
  company: (v) => ({ ...minimalModelJson(), sections: [...(minimalModelJson().sections as AnyJson[]), { id: 'c', kind: 'companies', title: 'Companies' }], companies: [v] }),
  unit: (v) => placements.metric({ id: 'x', name: 'X Metric', benchmarkText: 'none stated', unit: v }),
  benchmark: (v) => placements.metric({ id: 'x', name: 'X Metric', benchmarkText: 'as stated', benchmark: v, unit: { kind: 'percent', label: '%' } }),
  source: (v) => ({ ...minimalModelJson(), source: v }),
  alias: (v) => ({ ...minimalModelJson(), aliases: [v] }),
};

function snippetsAt(node: AnyJson): Snippet[] {
  return (node?.defaultSnippets ?? []) as Snippet[];
}

describe('schema for authors: completion snippets and help text', () => {
  const located: [string, Snippet][] = [
    ...snippetsAt(schema).map((s): [string, Snippet] => ['root', s]),
    ...snippetsAt(schema.properties.sections).map((s): [string, Snippet] => ['sections', s]),
    ...Object.entries(schema.definitions as Record<string, AnyJson>).flatMap(([name, def]) => snippetsAt(def).map((s): [string, Snippet] => [name, s])),
  ];

  it('offers snippets for a new model, metrics, companies, sections, units, benchmarks, the source and aliases', () => {
    assert.deepStrictEqual([...new Set(located.map(([where]) => where))].sort(),
      ['alias', 'benchmark', 'company', 'metric', 'root', 'section', 'sections', 'source', 'unit']);
    assert.ok(located.length >= 15, `${located.length} snippets`);
  });

  for (const [where, snippet] of located) {
    it(`snippet "${snippet.label}" (${where}) with its defaults is a valid model in the schema and the loader`, () => {
      const place = placements[where];
      assert.ok(place, `no placement for snippets at ${where}`);
      const model = place(fillSnippet(snippet.body));
      const text = JSON.stringify(model, null, 2);
      assert.ok(validate(JSON.parse(text)), `${schemaErrorsText(validate.errors)}\n${text}`);
      assert.deepStrictEqual(loadPatternModel(text).errors, []);
    });
  }

  it('the "New pattern model" snippet scaffolds every part of a pattern', () => {
    const root = snippetsAt(schema).find((s) => s.label === 'New pattern model');
    assert.ok(root);
    const model = fillSnippet(root.body) as AnyJson;
    assert.deepStrictEqual(Object.keys(model).sort(), ['aliases', 'companies', 'id', 'metrics', 'name', 'number', 'schemaVersion', 'sections', 'source', 'strengths', 'tagline', 'weaknesses'].sort());
    assert.strictEqual(typeof model.number, 'number');
    assert.deepStrictEqual(model.sections.map((s: AnyJson) => s.kind), ['prose', 'metrics', 'companies', 'strengthsWeaknesses']);
  });

  it('the model New Pattern Model writes passes the schema it points at, and the loader', () => {
    for (const name of ['Vertical AI Agents', 'Ünïcode & <Markup> "Pattern"', '  ']) {
      const text = newModelSkeleton(name);
      assert.ok(validate(JSON.parse(text)), `${name}: ${schemaErrorsText(validate.errors)}`);
      assert.deepStrictEqual(loadPatternModel(text).errors, [], name);
    }
  });

  it('every property has a description and a markdownDescription (its own, or its definition\'s)', () => {
    const missing: string[] = [];
    const resolve = (node: AnyJson): AnyJson => (typeof node?.$ref === 'string' ? schema.definitions[node.$ref.replace('#/definitions/', '')] : undefined);
    const visit = (node: AnyJson, at: string): void => {
      if (!node || typeof node !== 'object') return;
      for (const [name, prop] of Object.entries((node.properties ?? {}) as Record<string, AnyJson>)) {
        // Matchers used by `contains` (`{ "kind": { "const": "metrics" } }`) are not what an author types.
        if ('const' in prop && Object.keys(prop).length === 1) continue;
        const target = resolve(prop);
        for (const key of ['description', 'markdownDescription']) {
          if (typeof prop[key] !== 'string' && typeof target?.[key] !== 'string') missing.push(`${at}.${name}: ${key}`);
        }
      }
      for (const child of Object.values(node.definitions ?? {})) visit(child, `${at}/definitions`);
      for (const branch of node.anyOf ?? []) visit(branch, `${at}/anyOf`);
    };
    visit(schema, '#');
    assert.deepStrictEqual(missing, []);
  });

  it('a property with its own description does not $ref a definition that has one too (newer VS Code lets the definition\'s win)', () => {
    const clashes: string[] = [];
    const visit = (node: AnyJson, at: string): void => {
      if (!node || typeof node !== 'object') return;
      if (typeof node.$ref === 'string' && (node.description || node.markdownDescription)) {
        const def = schema.definitions[node.$ref.replace('#/definitions/', '')];
        if (def?.description || def?.markdownDescription) clashes.push(at);
      }
      for (const [k, v] of Object.entries(node)) if (v && typeof v === 'object') visit(v, `${at}/${k}`);
    };
    visit(schema, '#');
    assert.deepStrictEqual(clashes, []);
  });

  it('the schema\'s id pattern, comparators, unit kinds and section kinds are the loader\'s', () => {
    const d = schema.definitions;
    assert.deepStrictEqual(d.benchmark.properties.comparator.enum, ['>', '>=', '<', '<=']);
    assert.deepStrictEqual(d.unit.properties.kind.enum, ['percent', 'currency', 'number', 'multiple']);
    assert.deepStrictEqual(d.section.properties.kind.enum, ['prose', 'metrics', 'companies', 'strengthsWeaknesses']);
    for (const kind of d.unit.properties.kind.enum as string[]) {
      const result = loadPatternModel(JSON.stringify(placements.unit({ kind, label: 'u', ...(kind === 'currency' && { currency: 'EUR' }) })));
      assert.deepStrictEqual(result.errors, [], kind);
    }
    for (const comparator of d.benchmark.properties.comparator.enum as string[]) {
      assert.deepStrictEqual(loadPatternModel(JSON.stringify(placements.benchmark({ comparator, value: 1 }))).errors, [], comparator);
    }
  });
});
