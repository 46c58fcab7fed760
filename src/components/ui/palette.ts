/**
 * Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008), readable on light and dark backgrounds.
 * Charts pick series colours by index; the current scenario is always `HIGHLIGHT`.
 */
export const PALETTE = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#56B4E9', // sky blue
  '#D55E00', // vermillion
  '#F0E442', // yellow
  '#999999', // grey
] as const;

export const HIGHLIGHT = '#D55E00';

export function seriesColor(index: number): string {
  return PALETTE[index % PALETTE.length] ?? PALETTE[0];
}
