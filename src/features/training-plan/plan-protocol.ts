/**
 * Messages between the training plan and its Web Worker. A job carries an id; the worker answers
 * with the search first ('plan'), then the strong-scaling sweep ('scaling'), each with the job's
 * id, so the page can drop the answers of a job it no longer wants.
 */
import type { PlanOutcome, PlanRequest, ScalingOutcome } from './plan-job';

export interface PlanJobMessage {
  id: number;
  request: PlanRequest;
}

export type PlanReplyMessage =
  | { id: number; kind: 'plan'; outcome: PlanOutcome }
  | { id: number; kind: 'scaling'; outcome: ScalingOutcome }
  | { id: number; kind: 'error'; message: string };
