import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODELS } from '../../src/data/models';
import { SECTION_IDS, WALK_ACCELERATORS, WALK_PRECISIONS, walkQuery } from '../fixtures/ui-contract';
import { loadSections, mountPage, pageProblems, scenarioOf, showScenario, type MountedPage, type PageSection } from './page-walk';

/** The walk runs in this many files (Vitest runs files in parallel); each takes every n-th preset. */
export const WALK_SHARDS = 3;

/**
 * The grid points a preset's walk visits: a Latin square over precision × accelerator. Each preset
 * meets every precision and every accelerator once (three points), and the pairing rotates with
 * the preset's index, so over the presets every one of the nine pairs is rendered about
 * MODELS.length / 3 times. (Every preset × precision × accelerator, all nine, is computed — the
 * estimate and every chart sweep — in Node by test/unit/fuzz-estimate.test.ts; rendering all nine per
 * preset tripled the walk's time for formatting code that does not depend on the pairing.)
 */
export function walkPoints(presetIndex: number): Array<[(typeof WALK_PRECISIONS)[number], (typeof WALK_ACCELERATORS)[number]]> {
  return WALK_ACCELERATORS.map((accelerator, k) => [WALK_PRECISIONS[(presetIndex + k) % WALK_PRECISIONS.length]!, accelerator]);
}

/**
 * The whole-page walk of issue 12 for the presets of one shard: for each preset the page is
 * mounted with a store created for its first grid point, then moved through the others the way
 * URL navigation moves it (the browser walk did the same in one page). After every step, no
 * problem a reader could see (see `pageProblems`).
 */
export function walkShard(shard: number): void {
  const models = MODELS.map((model, index) => ({ id: model.id, index })).filter(({ index }) => index % WALK_SHARDS === shard);
  let sections: PageSection[] = [];
  beforeAll(async () => {
    sections = await loadSections();
  });

  describe(`every model preset (shard ${shard + 1} of ${WALK_SHARDS}) at three points of ${WALK_PRECISIONS.join(', ')} × ${WALK_ACCELERATORS.join(', ')}`, () => {
    it('renders the sections of the contract, in order, over at least 25 presets', () => {
      expect(sections.map((section) => section.id)).toEqual([...SECTION_IDS]);
      expect(MODELS.length).toBeGreaterThanOrEqual(25);
      expect(models.length).toBeGreaterThanOrEqual(Math.floor(MODELS.length / WALK_SHARDS));
    });

    it('visits every precision and accelerator with each preset, and every pair over the presets', () => {
      const points = MODELS.map((_, index) => walkPoints(index));
      for (const preset of points) {
        expect(new Set(preset.map(([precision]) => precision)).size).toBe(WALK_PRECISIONS.length);
        expect(new Set(preset.map(([, accelerator]) => accelerator)).size).toBe(WALK_ACCELERATORS.length);
      }
      expect(new Set(points.flat().map((pair) => pair.join(' '))).size).toBe(WALK_PRECISIONS.length * WALK_ACCELERATORS.length);
    });

    let page: MountedPage | null = null;
    afterAll(() => page?.unmount());

    it.each(models)('$id: no NaN, Infinity, undefined, empty chart, section error or console message', async ({ id, index }) => {
      const queries = walkPoints(index).map(([precision, accelerator]) => walkQuery(id, precision, accelerator));
      const failures: string[] = [];
      page = await mountPage(sections, scenarioOf(queries[0]!));
      for (const [index, query] of queries.entries()) {
        if (index > 0) await showScenario(page, scenarioOf(query));
        for (const problem of pageProblems(page)) failures.push(`${query}: ${problem}`);
      }
      page.unmount();
      page = null;
      expect(queries).toHaveLength(3);
      expect(failures).toEqual([]);
    });
  });
}
