/** Placeholder until the real-workbench figures are written. */
import type { FigureRow } from './report';

export async function workbenchFigures(_o: { sessions: number; keystrokes: number; log: (l: string) => void }): Promise<FigureRow[]> {
  return [];
}
export async function heapFigures(_o: { sessions: number; log: (l: string) => void }): Promise<FigureRow[]> {
  return [];
}
