/**
 * What Pattern #17's source text (test/fixtures/pattern-17-ai-infrastructure.txt) lists, written
 * out by hand: the tests compare the extension's output with these, never with the model the code
 * reads, so a wrong model cannot make its own test pass.
 */
export const SECTION_TITLES: readonly string[] = [
  'The Pattern',
  'Key Metrics & Benchmarks',
  'Who Uses This Pattern',
  'Strengths & Weaknesses',
  'How AI Is Transforming This Pattern',
  'Business Engineer Insight',
];

export const METRICS: readonly string[] = ['GPU Utilization Rate', 'Revenue per GPU Hour', 'Customer Retention', 'Capacity Growth Rate'];

export const COMPANIES: readonly string[] = ['AWS', 'Microsoft Azure', 'Google Cloud', 'CoreWeave', 'Lambda Labs', 'Together AI'];
