/**
 * The published runs priced by the planner, computed once in a Web Worker when the table first
 * shows (13 planner searches: too heavy for the main thread). Tests inject a loader through
 * `PublishedRunsContext`; without a Worker the table says so.
 */
import { createContext, useContext, useEffect, useState } from 'react';
import type { PublishedRunPrediction } from '../../core';

export type RunsReply = { ok: true; rows: PublishedRunPrediction[]; ms: number } | { ok: false; message: string };

/** Computes the rows somewhere (a worker); null = not possible here. */
export type RunsLoader = () => Promise<RunsReply> | null;

export const workerRunsLoader: RunsLoader = () => {
  if (typeof Worker === 'undefined') return null;
  return import('./runs.worker?worker&inline').then(
    ({ default: RunsWorker }) =>
      new Promise<RunsReply>((resolve) => {
        const worker = new RunsWorker();
        worker.onmessage = (event: MessageEvent<RunsReply>) => {
          resolve(event.data);
          worker.terminate();
        };
        worker.onerror = (event) => {
          event.preventDefault();
          resolve({ ok: false, message: event.message || 'the worker stopped' });
          worker.terminate();
        };
        worker.postMessage(null);
      }),
    (error: unknown) => ({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
};

export const PublishedRunsContext = createContext<RunsLoader>(workerRunsLoader);

export type RunsState = { status: 'loading' } | { status: 'unavailable' } | { status: 'failed'; message: string } | { status: 'ready'; rows: PublishedRunPrediction[]; ms: number };

export function usePublishedRuns(): RunsState {
  const loader = useContext(PublishedRunsContext);
  const [state, setState] = useState<RunsState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    const pending = loader() ?? Promise.resolve(null);
    void pending.then((reply) => {
      if (!live) return;
      if (reply === null) setState({ status: 'unavailable' });
      else setState(reply.ok ? { status: 'ready', rows: reply.rows, ms: reply.ms } : { status: 'failed', message: reply.message });
    });
    return () => {
      live = false;
    };
  }, [loader]);
  return state;
}
