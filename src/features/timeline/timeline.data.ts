/**
 * Pure shapers of the timeline chart: real models by year, spread within a year so points do not
 * overlap, notable ones labelled; the article's hypothetical models left out (they were never
 * released), the scenario's model located.
 */
import type { ModelTimelineRow } from '../../core';

/** Short labels drawn beside notable points (the article's four and the largest open models). */
export const NOTABLE_LABELS: Readonly<Record<string, string>> = Object.freeze({
  'bert-base': 'BERT-base',
  'gpt-2-xl': 'GPT-2',
  'gpt-3-175b': 'GPT-3',
  'gpt-4-estimate': 'GPT-4?',
  'llama-3.1-405b': 'Llama 3.1 405B',
  'deepseek-v3': 'DeepSeek-V3',
  'mixtral-8x7b': 'Mixtral 8x7B',
  'llama-2-7b': 'Llama 2 7B',
});

export interface TimelinePoint {
  id: string;
  name: string;
  org: string;
  year: number;
  /** Year plus a small offset so models of one year sit side by side. */
  x: number;
  params: number;
  confirmed: boolean;
  /** The count is the published figure (else counted from the config). */
  published: boolean;
  label: string | null;
  current: boolean;
}

export interface TimelineData {
  confirmed: TimelinePoint[];
  unconfirmed: TimelinePoint[];
  /** The scenario's model when it is one of the points. */
  current: TimelinePoint | null;
  firstYear: number;
  lastYear: number;
}

/** A preset from the article itself (hypothetical, never released). */
export function isHypotheticalModel(id: string): boolean {
  return id.startsWith('article-');
}

/** Width of the band one year's models are spread over (in years). */
const YEAR_BAND = 0.7;

/**
 * Points of the timeline: released models only, each year's models spread evenly over ±0.35 of
 * the year in order of size (smallest left), notable ones and the current one labelled.
 */
export function timelinePoints(rows: readonly ModelTimelineRow[], currentId: string | null): TimelineData {
  const released = rows.filter((row) => !isHypotheticalModel(row.id) && row.params > 0 && Number.isFinite(row.params));
  const byYear = new Map<number, ModelTimelineRow[]>();
  for (const row of released) {
    const list = byYear.get(row.year) ?? [];
    list.push(row);
    byYear.set(row.year, list);
  }
  const confirmed: TimelinePoint[] = [];
  const unconfirmed: TimelinePoint[] = [];
  let current: TimelinePoint | null = null;
  for (const [year, list] of byYear) {
    const sorted = [...list].sort((a, b) => a.params - b.params || a.id.localeCompare(b.id));
    const step = sorted.length > 1 ? YEAR_BAND / (sorted.length - 1) : 0;
    sorted.forEach((row, index) => {
      const isCurrent = row.id === currentId;
      const point: TimelinePoint = {
        id: row.id,
        name: row.name,
        org: row.org,
        year,
        x: sorted.length > 1 ? year - YEAR_BAND / 2 + index * step : year,
        params: row.params,
        confirmed: row.confirmed,
        published: row.published,
        label: NOTABLE_LABELS[row.id] ?? null,
        current: isCurrent,
      };
      if (isCurrent) current = point;
      (row.confirmed ? confirmed : unconfirmed).push(point);
    });
  }
  const years = released.map((row) => row.year);
  return {
    confirmed,
    unconfirmed,
    current,
    firstYear: years.length > 0 ? Math.min(...years) : 2018,
    lastYear: years.length > 0 ? Math.max(...years) : 2025,
  };
}

export interface TimelineGrowth {
  first: ModelTimelineRow;
  largest: ModelTimelineRow;
  factor: number;
  /** Compound factor per year between the two. */
  perYear: number;
}

/**
 * Growth from the earliest released model with a published count (the smallest of its year) to
 * the largest published count: factor and compound factor per year. Null with fewer than 2 years.
 */
export function timelineGrowth(rows: readonly ModelTimelineRow[]): TimelineGrowth | null {
  const published = rows.filter((row) => row.confirmed && !isHypotheticalModel(row.id) && row.params > 0);
  if (published.length < 2) return null;
  const firstYear = Math.min(...published.map((row) => row.year));
  const first = published
    .filter((row) => row.year === firstYear)
    .reduce((a, b) => (b.params < a.params ? b : a));
  const largest = published.reduce((a, b) => (b.params > a.params ? b : a));
  const years = largest.year - first.year;
  if (years <= 0) return null;
  const factor = largest.params / first.params;
  return { first, largest, factor, perYear: factor ** (1 / years) };
}
