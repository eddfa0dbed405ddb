/**
 * A seeded generator of realistic Pattern #17 analyses: front matter, the pattern's sections,
 * scorecard tables, prose that states metric values (meets, misses, borderline, impossible,
 * wrong unit) in many phrasings, near-miss names, lists, block quotes, links, bare URLs, images,
 * HTML comments, footnotes, long comparison tables and code blocks. The same seed always
 * gives the same text, so the bench compares like with like across runs and machines, and a
 * failing fuzz or smoke case can be replayed.
 *
 * It writes only what analysts write: no adversarial input (that is test/support/hostileInputs).
 */
import { SECTION_TITLES } from '../shared/pattern17Expectations';

/** Small, fast, well-mixed 32-bit PRNG (mulberry32): deterministic across platforms. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

const SUBJECTS = ['CoreWeave', 'Lambda Labs', 'Together AI', 'AWS', 'Microsoft Azure', 'Google Cloud', 'Crusoe', 'Nebius', 'Vultr', 'Voltage Park'];
const COMPANY_MENTIONS = ['CoreWeave', 'Lambda Labs', 'Together AI', 'AWS', 'Microsoft Azure', 'Google Cloud', 'Coreweave', 'Lambda', 'Azure'];
const PERIODS = ['FY2024', 'FY2025 H1', 'Q3 2025', 'Q4 2025', '2025', 'FY2026 H1'];

const UTILIZATION_NAMES = ['GPU Utilization Rate', 'GPU utilization', 'GPU utilisation', 'utilization rate', 'GPU Utilisation Rat', 'GPU util'];
const REVENUE_NAMES = ['Revenue per GPU Hour', 'revenue per GPU-hour', '$/GPU-hour', 'revenue/GPU-hour', 'Revenue per GPU Hr'];
const RETENTION_NAMES = ['Customer Retention', 'customer retention rate', 'annual retention', 'retention rate', 'Customer Retension'];
const GROWTH_NAMES = ['Capacity Growth Rate', 'capacity growth', 'GPU fleet growth', 'fleet expansion', 'Capacity Growht Rate'];

const FILLER = [
  'The company rents GPU clusters to model builders by the hour and on multi-year reservations.',
  'Management framed the quarter as a transition from training-heavy to inference-heavy demand.',
  'Power availability, not chip supply, now sets the pace of new data-center capacity.',
  'Contract backlog gives unusual revenue visibility for an infrastructure business of this age.',
  'Pricing pressure from the hyperscalers is the main risk to the thesis over the next two years.',
  'Debt-financed buildouts amplify both the upside and the downside of utilization swings.',
  'Custom silicon at the hyperscalers could erode the premium that specialists charge for H100 and B200 capacity.',
  'Customer concentration remains high: the top three tenants account for most of the backlog.',
  'The reservation book is weighted towards three-year terms, which smooths quarterly swings.',
  'Cooling retrofits delayed two sites, pushing capacity into the following quarter.',
];

function percent(r: Random, lo: number, hi: number): string {
  const v = r.int(lo, hi);
  switch (r.int(0, 5)) {
    case 0: return `~${v}%`;
    case 1: return `${v - 3}–${v}%`;
    case 2: return `over ${v}%`;
    case 3: return `${v}.${r.int(0, 9)}%`;
    default: return `${v}%`;
  }
}

/** A value for a metric: mostly plausible, sometimes a miss, now and then impossible or in the wrong unit. */
function metricValue(r: Random, metric: 'util' | 'rev' | 'ret' | 'growth'): string {
  const roll = r.next();
  switch (metric) {
    case 'util':
      if (roll < 0.05) return `${r.int(101, 180)}%`;
      if (roll < 0.08) return `$${r.int(1, 9)}`;
      return percent(r, 55, 97);
    case 'rev':
      if (roll < 0.05) return `${r.int(10, 90)}%`;
      return r.chance(0.5) ? `$${r.int(1, 4)}.${r.int(10, 99)}/GPU-hour` : `USD ${r.int(1, 4)}.${r.int(10, 99)}`;
    case 'ret':
      if (roll < 0.05) return `-${r.int(1, 20)}%`;
      if (roll < 0.08) return `$${r.int(1, 9)}`;
      return percent(r, 80, 99);
    case 'growth':
      return `${r.int(-10, 60)}% QoQ`;
  }
}

const SOURCES = ['https://investors.example.com/q3-2025', 'https://www.sec.gov/Archives/edgar/data/1769628', 'www.example.org/gpu-pricing', 'https://example.com/blog/inference-demand?utm_source=analyst', 'http://archive.example.net/2024/capacity.pdf'];
const ANALYSTS = ['the sell side', 'our channel checks', 'two former employees', 'the CFO on the call', 'a large tenant', 'the 10-K risk factors'];
const VERBS = ['rose', 'fell', 'stayed', 'hovered', 'improved', 'slipped', 'was', 'reached'];

function sentence(r: Random): string {
  const company = r.pick(COMPANY_MENTIONS);
  switch (r.int(0, 21)) {
    case 10: return `According to ${r.pick(ANALYSTS)}, ${r.pick(UTILIZATION_NAMES)} ${r.pick(VERBS)} to ${metricValue(r, 'util')} after the ${r.pick(['H100', 'H200', 'B200', 'GB200'])} ramp.`;
    case 11: return `Source: ${r.pick(SOURCES)} (retrieved ${r.pick(PERIODS)}).`;
    case 12: return `${company}'s ${r.pick(REVENUE_NAMES)} of ${metricValue(r, 'rev')} compares with ${metricValue(r, 'rev')} a year earlier.[^${r.int(1, 40)}]`;
    case 13: return `We estimate ${r.pick(RETENTION_NAMES).toLowerCase()} near ${metricValue(r, 'ret')} for ${r.pick(PERIODS)}, though ${r.pick(ANALYSTS)} put it lower.`;
    case 14: return `Backlog stood at $${r.int(1, 60)}.${r.int(0, 9)}B across ${r.int(3, 400)} customers, with ${r.int(20, 90)}% of it contracted for more than ${r.int(2, 5)} years.`;
    case 15: return `<!-- TODO(${r.pick(['ana', 'ben', 'chen', 'dara'])}): check this against ${r.pick(SOURCES)} -->`;
    case 16: return `Power draw per rack is ${r.int(20, 130)} kW, and PUE is ${r.int(10, 16) / 10} at the newest site in ${r.pick(['Texas', 'Norway', 'Virginia', 'Iceland', 'Finland'])}.`;
    case 17: return `In ${r.pick(PERIODS)}, ${company} added ${r.int(5, 200).toLocaleString('en-US')},000 GPUs; ${r.pick(GROWTH_NAMES).toLowerCase()} was ${metricValue(r, 'growth')}.`;
    case 18: return `“${r.pick(FILLER).replace(/\.$/, '')},” said ${r.pick(ANALYSTS)} — a view we share only in part.`;
    case 19: return `Spot prices for an ${r.pick(['H100', 'A100', 'H200'])} hour ranged from $${r.int(1, 3)}.${r.int(10, 99)} to $${r.int(3, 6)}.${r.int(10, 99)} (see ${r.pick(SOURCES)}).`;
    case 20: return `Neither ${company} nor its peers disclose ~~GPU-hours sold~~ billable hours by region, so we infer them from ${r.pick(ANALYSTS)}.`;

    case 0: return `${company} reported ${r.pick(UTILIZATION_NAMES)} of ${metricValue(r, 'util')} in ${r.pick(PERIODS)}.`;
    case 1: return `${r.pick(RETENTION_NAMES)} was ${metricValue(r, 'ret')}, against the >95% annual benchmark.`;
    case 2: return `Blended ${r.pick(REVENUE_NAMES)} came in at ${metricValue(r, 'rev')} as older A100 capacity repriced.`;
    case 3: return `${r.pick(GROWTH_NAMES)} reached ${metricValue(r, 'growth')}, the fastest since ${company} went public.`;
    case 4: return `Compared with ${company}, the fleet grew ${r.int(5, 40)}% while utilization held near the 80% target.`;
    case 5: return `Capex guidance rose to $${r.int(2, 30)}B for ${r.pick(PERIODS)}, mostly for *B200* clusters.`;
    case 6: return `See the [investor deck](https://example.com/ir/${r.int(1, 999)}) and \`${company.toLowerCase().replace(/\s+/g, '-')}\` filings for details.`;
    default: return r.pick(FILLER);
  }
}

function paragraph(r: Random, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(sentence(r));
  // Analysts wrap prose by hand: break about every 100 characters.
  const words = out.join(' ').split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line.length + w.length > 100) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

function scorecard(r: Random): string {
  const rows = [
    ['GPU Utilization Rate', metricValue(r, 'util'), '>80%', 'Management commentary'],
    ['Revenue per GPU Hour', metricValue(r, 'rev'), 'Pricing per H100/B200 hour', 'Public price list'],
    ['Customer Retention', metricValue(r, 'ret'), '>95% annual', 'Investor deck'],
    ['Capacity Growth Rate', metricValue(r, 'growth'), 'GPU fleet expansion', '10-Q filing'],
  ];
  if (r.chance(0.3)) rows[r.int(0, 3)][0] = r.pick([...UTILIZATION_NAMES, ...RETENTION_NAMES]);
  const table = ['| Metric | Value | Benchmark | Source |', '| --- | --- | --- | --- |', ...rows.map((row) => `| ${row.join(' | ')} |`)];
  return table.join('\n');
}

function list(r: Random, ordered: boolean): string {
  const n = r.int(3, 6);
  const items: string[] = [];
  for (let i = 0; i < n; i++) {
    const marker = ordered ? `${i + 1}.` : r.pick(['-', '*']);
    items.push(`${marker} ${sentence(r)}`);
    if (r.chance(0.2)) items.push(`   - ${r.pick(FILLER)}`);
  }
  return items.join('\n');
}

function codeBlock(r: Random): string {
  const rows = r.int(3, 8);
  const body: string[] = [];
  for (let i = 0; i < rows; i++) body.push(`utilization[${i}] = ${(r.int(50, 99) / 100).toFixed(2)}  # GPU Utilization Rate ${r.int(50, 99)}%`);
  return ['```python', ...body, '```'].join('\n');
}

function labels(r: Random): string {
  return [
    `**GPU Utilization Rate:** ${metricValue(r, 'util')}`,
    `**Customer Retention:** ${metricValue(r, 'ret')}`,
  ].join('  \n');
}

/** A long comparison table: one row per provider and period, as analysts paste from a spreadsheet. */
function comparisonTable(r: Random): string {
  const rows = r.int(8, 30);
  const out = ['| Provider | Period | GPU utilization | $/GPU-hour | Retention | Fleet (GPUs) | Notes |', '| :-- | :-- | --: | --: | --: | --: | --- |'];
  for (let i = 0; i < rows; i++) {
    out.push(`| ${r.pick(SUBJECTS)} | ${r.pick(PERIODS)} | ${metricValue(r, 'util')} | ${metricValue(r, 'rev')} | ${metricValue(r, 'ret')} | ${r.int(1, 250).toLocaleString('en-US')},000 | ${r.chance(0.3) ? r.pick(SOURCES) : r.pick(['est.', 'reported', 'guided', 'channel check', '—'])} |`);
  }
  return out.join('\n');
}

function image(r: Random): string {
  const file = r.pick(['capacity-by-quarter.png', 'utilization-trend.svg', 'pricing-curve.png', 'backlog.jpg']);
  return `![${r.pick(['Chart', 'Figure', 'Fleet'])} ${r.int(1, 12)}: ${r.pick(FILLER).slice(0, 40).trim()}](${r.chance(0.7) ? `images/${file}` : `https://example.com/charts/${file}`})`;
}

function footnotes(r: Random): string {
  const n = r.int(1, 4);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(`[^${r.int(1, 40)}]: ${r.pick(['Company filing', 'Earnings call transcript', 'Analyst estimate', 'Press release'])}, ${r.pick(PERIODS)}: ${r.pick(SOURCES)}`);
  return out.join('\n');
}

function htmlComment(r: Random): string {
  return r.chance(0.5)
    ? `<!-- ${r.pick(['Draft', 'Review', 'Note'])}: ${sentence(r).replace(/-->/g, '')} -->`
    : ['<!--', `Open question from ${r.pick(ANALYSTS)}:`, sentence(r).replace(/-->/g, ''), '-->'].join('\n');
}

/** One block of body content, of a kind chosen by weight. */
function block(r: Random): string {
  const roll = r.next();
  if (roll < 0.4) return paragraph(r, r.int(2, 6));
  if (roll < 0.5) return scorecard(r);
  if (roll < 0.63) return list(r, r.chance(0.3));
  if (roll < 0.68) return codeBlock(r);
  if (roll < 0.75) return `> ${paragraph(r, 2).replace(/\n/g, '\n> ')}`;
  if (roll < 0.81) return labels(r);
  if (roll < 0.86) return comparisonTable(r);
  if (roll < 0.9) return image(r);
  if (roll < 0.95) return htmlComment(r);
  return footnotes(r);
}

export interface GeneratedAnalysis {
  readonly text: string;
  readonly lines: number;
}

export interface GenerateOptions {
  readonly seed: number;
  /** Stop once the text is at least this many UTF-16 code units long. */
  readonly minChars?: number;
  /** Stop once the text has at least this many lines. */
  readonly minLines?: number;
  /** Leave out some of the pattern's sections (to exercise missing-section findings). Default true. */
  readonly dropSections?: boolean;
}

/**
 * A realistic analysis of at least `minChars` characters or `minLines` lines (whichever is given;
 * both: both must be reached; neither: one ordinary analysis of about 3–6 KB).
 */
export function generateAnalysis(options: GenerateOptions): GeneratedAnalysis {
  const r = new Random(options.seed);
  const subject = r.pick(SUBJECTS);
  const period = r.pick(PERIODS);
  const parts: string[] = [
    '---',
    `pattern: ${r.pick(['ai-infrastructure', 'ai-infrastructure', 'AI Infrastructure', '17', 'Pattern #17'])}`,
    `subject: ${subject}`,
    `period: ${period}`,
    'author: Strategy team',
    `title: ${subject} through the AI Infrastructure lens`,
    '---',
    '',
    `# ${subject} through the AI Infrastructure lens`,
    '',
  ];
  let chars = parts.reduce((n, p) => n + p.length + 1, 0);
  let lines = parts.length;
  const push = (s: string): void => {
    parts.push(s, '');
    chars += s.length + 2;
    lines += s.split('\n').length + 1;
  };
  const done = (): boolean => {
    const enoughChars = options.minChars === undefined || chars >= options.minChars;
    const enoughLines = options.minLines === undefined || lines >= options.minLines;
    return enoughChars && enoughLines;
  };
  const dropSections = options.dropSections !== false;
  for (const title of SECTION_TITLES) {
    if (dropSections && r.chance(0.15)) continue;
    push(`## ${title}`);
    if (title === 'Key Metrics & Benchmarks') push(scorecard(r));
    const blocks = r.int(1, 3);
    for (let i = 0; i < blocks; i++) push(block(r));
  }
  // Long analyses: company-by-company deep dives until the size is reached.
  let dive = 0;
  const sized = options.minChars !== undefined || options.minLines !== undefined;
  while (sized && !done()) {
    dive++;
    push(`### Deep dive ${dive}: ${r.pick(COMPANY_MENTIONS)} in ${r.pick(PERIODS)}`);
    const blocks = r.int(2, 5);
    for (let i = 0; i < blocks; i++) push(block(r));
  }
  const text = parts.join('\n');
  return { text, lines: text.split('\n').length };
}
