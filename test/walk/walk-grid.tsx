import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODELS } from '../../src/data/models';
import { SECTION_IDS, WALK_ACCELERATORS, WALK_PRECISIONS, walkQuery } from '../fixtures/ui-contract';
import { loadSections, mountPage, pageProblems, scenarioOf, showScenario, type MountedPage, type PageSection } from './page-walk';

/** The walk runs in this many files (Vitest runs files in parallel); each takes every n-th preset. */
export const WALK_SHARDS = 3;

/**
 * The whole-page walk of issue 12 for the presets of one shard: for each preset the page is
 * mounted with a store created for its first grid point, then moved through the other eight the
 * way URL navigation moves it (the browser walk did the same in one page). After every step, no
 * problem a reader could see (see `pageProblems`).
 */
export function walkShard(shard: number): void {
  const models = MODELS.map((model) => model.id).filter((_, index) => index % WALK_SHARDS === shard);
  let sections: PageSection[] = [];
  beforeAll(async () => {
    sections = await loadSections();
  });

  describe(`every model preset (shard ${shard + 1} of ${WALK_SHARDS}) × ${WALK_PRECISIONS.join(', ')} × ${WALK_ACCELERATORS.join(', ')}`, () => {
    it('renders the sections of the contract, in order, over at least 25 presets', () => {
      expect(sections.map((section) => section.id)).toEqual([...SECTION_IDS]);
      expect(MODELS.length).toBeGreaterThanOrEqual(25);
      expect(models.length).toBeGreaterThanOrEqual(Math.floor(MODELS.length / WALK_SHARDS));
    });

    let page: MountedPage | null = null;
    afterAll(() => page?.unmount());

    it.each(models)('%s: no NaN, Infinity, undefined, empty chart, section error or console message', async (model) => {
      const queries = WALK_PRECISIONS.flatMap((precision) => WALK_ACCELERATORS.map((accelerator) => walkQuery(model, precision, accelerator)));
      const failures: string[] = [];
      page = await mountPage(sections, scenarioOf(queries[0]!));
      for (const [index, query] of queries.entries()) {
        if (index > 0) await showScenario(page, scenarioOf(query));
        for (const problem of pageProblems(page)) failures.push(`${query}: ${problem}`);
      }
      page.unmount();
      page = null;
      expect(queries).toHaveLength(9);
      expect(failures).toEqual([]);
    });
  });
}
