/** The line activationProbe.ts prints and webFigures.ts reads (apart: the probe imports 'vscode'). */
export const ACTIVATION_LINE = 'pattern-analyst-activation: ';
