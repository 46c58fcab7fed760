/**
 * Charts follow the controls one per task, after the control has painted: Recharts does most of
 * its update work synchronously, so committing every chart in the slider's own task would hold the
 * thumb (docs/performance.md, shared notes). Jobs are keyed: a newer job for the same chart
 * replaces the queued one, so a fast drag never builds a backlog.
 *
 * Two priorities:
 * - `view`: charts on screen. They run right after the next paint, one per task.
 * - `near`: charts within a screen of the viewport. They run only once the `view` jobs are done and
 *   no job has been queued for `QUIET_MS` (the drag has paused), so a chart the reader cannot see
 *   never delays the thumb or a visible chart; it is up to date before it is scrolled to.
 */
type Job = () => void;
export type RenderPriority = 'view' | 'near';

/** How long the queue must be quiet before off-screen (`near`) charts catch up. */
export const QUIET_MS = 1000;

const queues: Record<RenderPriority, Map<string, Job>> = { view: new Map(), near: new Map() };
let timer: ReturnType<typeof setTimeout> | undefined;
let waitingForPaint = false;
let lastQueued = 0;

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

function afterNextPaint(run: () => void): void {
  if (typeof requestAnimationFrame === 'function') {
    requestAnimationFrame(() => setTimeout(run, 0));
  } else {
    setTimeout(run, 0);
  }
}

function takeFirst(queue: Map<string, Job>): Job | undefined {
  const first = queue.entries().next();
  if (first.done) return undefined;
  const [key, job] = first.value;
  queue.delete(key);
  return job;
}

/** Runs one job if one is due, then schedules the next turn. */
function runOne(): void {
  timer = undefined;
  waitingForPaint = false;
  let job = takeFirst(queues.view);
  if (!job && queues.near.size > 0) {
    const wait = lastQueued + QUIET_MS - now();
    if (wait > 0) {
      timer = setTimeout(runOne, wait);
      return;
    }
    job = takeFirst(queues.near);
  }
  try {
    job?.();
  } finally {
    // A job may itself have queued work (and scheduled a turn): never schedule two.
    if (timer === undefined && !waitingForPaint && (queues.view.size > 0 || queues.near.size > 0)) {
      timer = setTimeout(runOne, 0);
    }
  }
}

export function enqueueRender(key: string, job: Job, priority: RenderPriority = 'view'): void {
  queues.view.delete(key);
  queues.near.delete(key);
  queues[priority].set(key, job);
  lastQueued = now();
  if (priority === 'view' && !waitingForPaint) {
    // A visible chart waits for the next paint (the control first), not for a quiet period.
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    waitingForPaint = true;
    afterNextPaint(runOne);
  } else if (timer === undefined && !waitingForPaint) {
    timer = setTimeout(runOne, 0);
  }
}

export function cancelRender(key: string): void {
  queues.view.delete(key);
  queues.near.delete(key);
}

/** For tests and the benchmark: how many chart updates are waiting (of one priority, or all). */
export function pendingRenders(priority?: RenderPriority): number {
  return priority ? queues[priority].size : queues.view.size + queues.near.size;
}
