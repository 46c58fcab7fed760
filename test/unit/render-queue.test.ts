import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The render queue decides when charts follow the controls: on-screen charts one per task after
 * the next paint, off-screen charts only once input has paused. Fresh module per test (it keeps
 * module state), fake timers for the paint and the quiet period.
 */
type Queue = typeof import('../../src/store/render-queue');

let queue: Queue;
beforeEach(async () => {
  vi.useFakeTimers();
  // A frame every 16 ms, on the fake clock.
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => setTimeout(() => callback(performance.now()), 16));
  vi.resetModules();
  queue = await import('../../src/store/render-queue');
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('render queue', () => {
  it('runs on-screen jobs after the next paint, one per task, newest job per key only', () => {
    const ran: string[] = [];
    queue.enqueueRender('a', () => ran.push('a1'));
    queue.enqueueRender('b', () => ran.push('b'));
    queue.enqueueRender('a', () => ran.push('a2'));
    expect(queue.pendingRenders('view')).toBe(2);
    vi.advanceTimersByTime(15);
    expect(ran).toEqual([]); // the control paints first
    vi.advanceTimersToNextTimer(); // the frame
    vi.advanceTimersToNextTimer(); // the task after it: one job
    expect(ran).toHaveLength(1);
    vi.runOnlyPendingTimers();
    expect(ran.sort()).toEqual(['a2', 'b']);
    expect(queue.pendingRenders()).toBe(0);
  });

  it('holds off-screen jobs until nothing has been queued for the quiet period', () => {
    const ran: string[] = [];
    queue.enqueueRender('near', () => ran.push('near'), 'near');
    vi.advanceTimersByTime(queue.QUIET_MS / 2);
    queue.enqueueRender('view', () => ran.push('view')); // a slider step
    vi.advanceTimersByTime(queue.QUIET_MS / 2 + 50);
    expect(ran).toEqual(['view']);
    expect(queue.pendingRenders('near')).toBe(1);
    vi.advanceTimersByTime(queue.QUIET_MS);
    expect(ran).toEqual(['view', 'near']);
    expect(queue.pendingRenders()).toBe(0);
  });

  it('a job queued again at another priority moves, and a cancelled job never runs', () => {
    const ran: string[] = [];
    queue.enqueueRender('chart', () => ran.push('near'), 'near');
    queue.enqueueRender('chart', () => ran.push('view'), 'view'); // scrolled into view
    expect(queue.pendingRenders('near')).toBe(0);
    queue.enqueueRender('gone', () => ran.push('gone'));
    queue.cancelRender('gone');
    vi.runAllTimers();
    expect(ran).toEqual(['view']);
  });

  it('a job that throws does not stop the queue', () => {
    const ran: string[] = [];
    queue.enqueueRender('bad', () => {
      throw new Error('boom');
    });
    queue.enqueueRender('good', () => ran.push('good'));
    expect(() => vi.runAllTimers()).toThrow('boom');
    vi.runAllTimers();
    expect(ran).toEqual(['good']);
  });
});
