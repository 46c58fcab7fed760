/**
 * The training plan's Web Worker: runs `planTraining` off the main thread so no input waits on
 * it. Only the latest job runs: a job that arrives while another is queued replaces it, and the
 * strong-scaling sweep yields between GPU counts so a newer job cuts in (its stale points are
 * never sent). Answers the search first, then the sweep; a job that throws answers with its
 * message (the page shows it, never a blank).
 */
import { runPlan, scalingPoint, type ScalingPoint } from './plan-job';
import type { PlanJobMessage, PlanReplyMessage } from './plan-protocol';

const scope = self as unknown as { onmessage: ((event: MessageEvent<PlanJobMessage>) => void) | null; postMessage: (message: PlanReplyMessage) => void };

let latest: PlanJobMessage | null = null;
let running = false;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function work(): Promise<void> {
  running = true;
  while (latest !== null) {
    const job = latest;
    latest = null;
    const { id, request } = job;
    try {
      scope.postMessage({ id, kind: 'plan', outcome: runPlan(request) });
      const start = performance.now();
      const points: ScalingPoint[] = [];
      let superseded = false;
      for (const gpus of request.scalingGpus) {
        await nextTask();
        if (latest !== null) {
          superseded = true;
          break;
        }
        points.push(scalingPoint(request, gpus));
      }
      if (!superseded) scope.postMessage({ id, kind: 'scaling', outcome: { points, scalingMs: performance.now() - start } });
    } catch (error) {
      scope.postMessage({ id, kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
    await nextTask();
  }
  running = false;
}

scope.onmessage = (event) => {
  latest = event.data;
  if (!running) void work();
};
