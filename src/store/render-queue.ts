/**
 * Charts follow the controls one per task, after the control has painted: Recharts does most of
 * its update work synchronously, so committing every chart in the slider's own task would hold the
 * thumb (docs/performance.md, shared notes). Jobs are keyed: a newer job for the same chart
 * replaces the queued one, so a fast drag never builds a backlog.
 */
type Job = () => void;

const queue = new Map<string, Job>();
let scheduled = false;

function afterNextPaint(run: () => void): void {
  if (typeof requestAnimationFrame === 'function') {
    requestAnimationFrame(() => setTimeout(run, 0));
  } else {
    setTimeout(run, 0);
  }
}

function runOne(): void {
  const first = queue.entries().next();
  if (first.done) {
    scheduled = false;
    return;
  }
  const [key, job] = first.value;
  queue.delete(key);
  try {
    job();
  } finally {
    if (queue.size > 0) setTimeout(runOne, 0);
    else scheduled = false;
  }
}

export function enqueueRender(key: string, job: Job): void {
  queue.delete(key);
  queue.set(key, job);
  if (!scheduled) {
    scheduled = true;
    afterNextPaint(runOne);
  }
}

export function cancelRender(key: string): void {
  queue.delete(key);
}

/** For tests: how many chart updates are waiting. */
export function pendingRenders(): number {
  return queue.size;
}
