/**
 * The bench's "hostile inputs" table: how long each input of the hostile catalogue takes through
 * each pure entry point, and what came out (findings, dangers found in the HTML, the loader's
 * message). The hostile test suites assert the outcomes with generous 5 s guards; this table
 * shows the real times, each of which should be well under a second.
 */
import { performance } from 'node:perf_hooks';
import { analyzeText } from '../../src/analysis/analyze';
import type { Analysis } from '../../src/analysis/types';
import { loadPatternModel } from '../../src/model/modelLoader';
import { PatternIndex, type NamedEntity } from '../../src/model/patternIndex';
import type { PatternModel } from '../../src/model/types';
import { dangersIn } from '../support/htmlSafety';
import { HOSTILE_INPUTS, type HostileInput } from '../support/hostileInputs';
import { bundledCatalog } from './benchInputs';
import { optionalModule } from './optionalModule';
import { bytes, type HostileTiming } from './report';
import { median } from './timing';

interface RendererModule {
  renderDocumentBody(text: string, analysis: Analysis): { html: string };
}
interface ExportModule {
  renderExportPage(options: { title: string; bodyHtml: string; css: string }): string;
}
interface CardModule {
  entityCard(entity: NamedEntity, options?: object): unknown;
  entityCardMarkdown(card: never): string;
}
interface PatternCardModule {
  renderPatternCard(model: PatternModel): string;
}

function timed<T>(fn: () => T, repetitions: number): { ms: number; value: T } {
  let value = fn();
  const samples: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const t0 = performance.now();
    value = fn();
    samples.push(performance.now() - t0);
  }
  return { ms: samples.length ? median(samples) : NaN, value };
}

export function hostileTimings(options: { quick: boolean }): HostileTiming[] {
  const rows: HostileTiming[] = [];
  for (const input of HOSTILE_INPUTS) {
    if (options.quick && input.large) continue;
    try {
      rows.push(...timeInput(input));
    } catch (err) {
      // A throw is itself the finding: the suites assert no entry point ever throws.
      rows.push({ name: input.name, entryPoint: '(see hostile tests)', inputSize: '—', ms: NaN, outcome: `THREW ${(err as Error).name}: ${(err as Error).message.slice(0, 60)}` });
    }
  }
  return rows;
}

function timeInput(input: HostileInput): HostileTiming[] {
  const catalog = bundledCatalog();
  const renderer = optionalModule<RendererModule>('src/render/documentRenderer');
  const exporter = optionalModule<ExportModule>('src/render/exportPage');
  const cards = optionalModule<CardModule>('src/render/entityCard');
  const patternCard = optionalModule<PatternCardModule>('src/render/patternCard');
  const rows: HostileTiming[] = [];
  {
    const text = input.make();
    const size = bytes(Buffer.byteLength(text));
    // Large inputs once (after a first untimed call), the rest as the median of three.
    const reps = input.large ? 1 : 3;
    if (input.kind === 'document') {
      const lint = timed(() => analyzeText(text, catalog), reps);
      rows.push({ name: input.name, entryPoint: 'analyzeText', inputSize: size, ms: lint.ms, outcome: `${lint.value.findings.length} findings` });
      if (renderer) {
        const render = timed(() => renderer.renderDocumentBody(text, lint.value), reps);
        const dangers = dangersIn(render.value.html);
        rows.push({ name: input.name, entryPoint: 'render', inputSize: size, ms: render.ms, outcome: `${bytes(render.value.html.length)} HTML, ${dangers.length} dangers` });
        if (exporter) {
          const page = timed(() => exporter.renderExportPage({ title: 'Export', bodyHtml: render.value.html, css: '' }), reps);
          const pageDangers = dangersIn(page.value, { allowElements: ['meta', 'style'] });
          rows.push({ name: input.name, entryPoint: 'export page', inputSize: size, ms: page.ms, outcome: `${pageDangers.length} dangers` });
        }
      }
    } else {
      const load = timed(() => loadPatternModel(text), reps);
      const result = load.value;
      rows.push({
        name: input.name,
        entryPoint: 'loadPatternModel',
        inputSize: size,
        ms: load.ms,
        outcome: result.model ? 'loaded' : `refused: ${result.errors[0]?.path} ${result.errors[0]?.message.slice(0, 50)}`,
      });
      if (result.model) {
        const model = result.model;
        const index = timed(() => new PatternIndex(model), reps).value;
        if (cards) {
          const named = index.entities.filter((e): e is NamedEntity => e.kind === 'metric' || e.kind === 'company');
          const card = timed(() => named.map((e) => cards.entityCardMarkdown(cards.entityCard(e) as never)).join('\n'), reps);
          rows.push({ name: input.name, entryPoint: 'hover card', inputSize: size, ms: card.ms, outcome: `${named.length} cards` });
        }
        if (patternCard) {
          const html = timed(() => patternCard.renderPatternCard(model), reps);
          rows.push({ name: input.name, entryPoint: 'pattern card', inputSize: size, ms: html.ms, outcome: `${dangersIn(html.value).length} dangers` });
        }
      }
    }
  }
  return rows;
}
