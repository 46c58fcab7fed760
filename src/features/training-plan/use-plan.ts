/**
 * The training plan's connection to its Web Worker: one worker per section, created on the first
 * request; requests debounced during a drag (only the request that rests PLAN_DEBOUNCE_MS is
 * sent), every answer tagged with its job id so stale answers are dropped; a worker that fails
 * to start or crashes becomes a message, never a blank. Where there is no Worker (Node tests,
 * old browsers) the section says so; tests inject a runner through `PlanRunnerContext`.
 */
import { createContext, useContext, useEffect, useRef, useState } from 'react';
import type { PlanOutcome, PlanRequest, ScalingOutcome } from './plan-job';
import type { PlanJobMessage, PlanReplyMessage } from './plan-protocol';

/** Quiet time before a changed request is sent to the worker (a drag sends only where it rests). */
export const PLAN_DEBOUNCE_MS = 120;

export interface PlanRunner {
  post: (job: PlanJobMessage) => void;
  dispose: () => void;
}

/** Makes a runner that answers through `onReply` (or `onFail` when the runner itself breaks); null = no runner here. */
export type PlanRunnerFactory = (onReply: (reply: PlanReplyMessage) => void, onFail: (message: string) => void) => PlanRunner | null;

/**
 * The page's runner: the module worker, inlined by Vite (`?worker&inline`: a blob: URL, so the
 * single-file build works from file://; the CSP allows `worker-src blob:`). Loaded on first use;
 * jobs posted before it is ready wait for it.
 */
export const workerRunnerFactory: PlanRunnerFactory = (onReply, onFail) => {
  if (typeof Worker === 'undefined') return null;
  let worker: Worker | null = null;
  let disposed = false;
  let waiting: PlanJobMessage | null = null;
  import('./plan.worker?worker&inline')
    .then(({ default: PlanWorker }) => {
      if (disposed) return;
      worker = new PlanWorker();
      worker.onmessage = (event: MessageEvent<PlanReplyMessage>) => onReply(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        onFail(event.message || 'the planner worker stopped');
      };
      if (waiting) worker.postMessage(waiting);
      waiting = null;
    })
    .catch((error: unknown) => onFail(error instanceof Error ? error.message : String(error)));
  return {
    post: (job) => {
      if (worker) worker.postMessage(job);
      else waiting = job;
    },
    dispose: () => {
      disposed = true;
      worker?.terminate();
    },
  };
};

export const PlanRunnerContext = createContext<PlanRunnerFactory>(workerRunnerFactory);

export interface PlanState {
  /** No worker in this environment. */
  unavailable: boolean;
  /** A request is waiting to be sent or answered. */
  planning: boolean;
  /** The key of the request whose answers are shown (null before the first answer). */
  shownKey: string | null;
  plan: PlanOutcome | null;
  scaling: ScalingOutcome | null;
  /** The worker failed (it could not start, crashed, or the job threw). */
  error: string | null;
}

const INITIAL: PlanState = { unavailable: false, planning: true, shownKey: null, plan: null, scaling: null, error: null };

/**
 * Plans `request` off the main thread. `key` identifies the request (same key = same plan, not
 * sent again); null = nothing to plan. Returns what to show: the latest answered request's plan
 * and sweep, and whether a newer one is on its way.
 */
export function usePlan(request: PlanRequest | null, key: string | null): PlanState {
  const factory = useContext(PlanRunnerContext);
  const [state, setState] = useState<PlanState>(INITIAL);
  const runner = useRef<PlanRunner | null>(null);
  const wanted = useRef<{ id: number; key: string | null }>({ id: 0, key: null });
  const jobKeys = useRef(new Map<number, string>());

  useEffect(() => {
    const onReply = (reply: PlanReplyMessage) => {
      // Stale: an answer to a job the page no longer wants.
      if (reply.id !== wanted.current.id) return;
      const replyKey = jobKeys.current.get(reply.id) ?? null;
      setState((previous) => {
        if (reply.kind === 'error') return { ...previous, planning: false, error: reply.message, shownKey: replyKey, plan: null, scaling: null };
        if (reply.kind === 'plan') return { ...previous, planning: false, error: null, shownKey: replyKey, plan: reply.outcome, scaling: null };
        return { ...previous, scaling: reply.outcome };
      });
    };
    const onFail = (message: string) => setState((previous) => ({ ...previous, planning: false, error: message }));
    const created = factory(onReply, onFail);
    runner.current = created;
    if (created === null) setState({ ...INITIAL, planning: false, unavailable: true });
    return () => {
      created?.dispose();
      runner.current = null;
    };
  }, [factory]);

  const latestRequest = useRef(request);
  // Before the keyed effect below (effects run in order), so it reads this render's request.
  useEffect(() => {
    latestRequest.current = request;
  });

  // Keyed on `key` only: a new request object with the same key is the same plan.
  useEffect(() => {
    const request = latestRequest.current;
    if (request === null || key === null) return;
    const id = wanted.current.id + 1;
    wanted.current = { id, key };
    jobKeys.current.clear();
    jobKeys.current.set(id, key);
    setState((previous) => (previous.planning ? previous : { ...previous, planning: true }));
    const timer = setTimeout(() => runner.current?.post({ id, request }), PLAN_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key]);

  return state;
}
