/** Prices the published training runs off the main thread (13 planner searches; see core/published-runs). */
import { predictPublishedRuns } from '../../core/published-runs';
import type { RunsReply } from './use-published-runs';

const scope = self as unknown as { onmessage: (() => void) | null; postMessage: (message: RunsReply) => void };

scope.onmessage = () => {
  try {
    const start = performance.now();
    const rows = predictPublishedRuns();
    scope.postMessage({ ok: true, rows, ms: performance.now() - start });
  } catch (error) {
    scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
