/**
 * A page moved to a scenario reads exactly as a page booted at it. The walk (walk-grid.tsx) moves
 * one mounted page through each preset's grid points and checks what it then shows, so this is its
 * premise — and the app's: navigating to a scenario leaves nothing of the previous one on screen.
 * It failed when the walk files shared a worker (`isolate: false`): React's scheduler kept the
 * fake timers of the first file, the next file installed new ones, and a moved page kept its first
 * scenario's content while `settle()` saw nothing pending (docs/performance.md).
 */
import { expect, it } from 'vitest';
import { loadSections, mountPage, scenarioOf, showScenario } from './page-walk';
import { walkQuery } from '../fixtures/ui-contract';

it('a page moved from one scenario to another reads exactly as a fresh page of the second', async () => {
  const sections = await loadSections();
  const first = scenarioOf(walkQuery('llama-3.1-70b', 'bf16', 'h100-sxm'));
  const second = scenarioOf(walkQuery('gpt-2', 'fp8', 'tpu-v5e'));
  const moved = await mountPage(sections, first);
  const before = moved.container.textContent ?? '';
  await showScenario(moved, second);
  const after = moved.container.textContent ?? '';
  moved.unmount();
  const fresh = await mountPage(sections, second);
  const expected = fresh.container.textContent ?? '';
  fresh.unmount();
  expect(after).not.toBe(before);
  expect(after).toBe(expected);
});
