/**
 * Bad serving input never clamps silently: it throws a ConfigError (ServingConfigError) that names
 * the field and carries the nearest setting that works — and that setting does work.
 */
import { describe, expect, it } from 'vitest';
import { architectureFromHfConfig } from '../../src/core/params';
import { ConfigError } from '../../src/core/errors';
import { servingCapacity } from '../../src/core/serving/capacity';
import { ServingConfigError } from '../../src/core/serving/errors';
import { fitVerdict } from '../../src/core/serving/fit';
import type { ServingInput } from '../../src/core/serving/types';
import { getDevice } from '../../src/data/local-devices';
import { MODELS_BY_ID } from '../../src/data/models';

const arch = (id: string) => architectureFromHfConfig(MODELS_BY_ID.get(id)!.config!);
const llama70: ServingInput = {
  arch: arch('llama-3.1-70b'),
  accelerator: getDevice('h100-sxm')!,
  tp: 4,
  weightPrecision: 'fp8',
  kvPrecision: 'fp8',
  inputTokens: 2000,
  outputTokens: 500,
};

function caught(run: () => unknown): ServingConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ServingConfigError);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).name).toBe('ConfigError');
    return error as ServingConfigError;
  }
  throw new Error('expected a ServingConfigError');
}

describe('serving input errors carry the nearest working setting', () => {
  it('TP 8 on the 4 GPUs present → nearest tp 4', () => {
    const error = caught(() => servingCapacity({ ...llama70, tp: 8, gpusAvailable: 4 }));
    expect(error.field).toBe('tp');
    expect(error.message).toMatch(/tp \(8\) exceeds the 4 GPUs present/);
    expect(error.nearest).toEqual({ tp: 4 });
    expect(servingCapacity({ ...llama70, ...error.nearest, gpusAvailable: 4 }).gpus).toBe(4);
  });

  it('TP that does not divide the 64 heads → the largest that does', () => {
    const error = caught(() => servingCapacity({ ...llama70, tp: 6 }));
    expect(error.nearest).toEqual({ tp: 4 });
  });

  it('a context beyond the model limit → nearest inputTokens that fits the 131,072-token context', () => {
    const error = caught(() => servingCapacity({ ...llama70, inputTokens: 200_000 }));
    expect(error.field).toBe('inputTokens');
    expect(error.nearest).toEqual({ inputTokens: 131_072 - 500 });
    const fitError = caught(() => fitVerdict({ ...llama70, contextTokens: 200_000 }));
    expect(fitError.nearest).toEqual({ contextTokens: 131_072 });
  });

  it('an SLO no concurrency meets → the tightest targets that can be met', () => {
    const error = caught(() => servingCapacity({ ...llama70, slo: { tpotSeconds: 0.001 } }));
    expect(error.field).toBe('slo');
    const nearest = error.nearest as { slo: { ttftSeconds: number; tpotSeconds: number } };
    expect(nearest.slo.tpotSeconds).toBeGreaterThan(0.001);
    expect(servingCapacity({ ...llama70, slo: { tpotSeconds: nearest.slo.tpotSeconds * 1.0001 } }).concurrency).toBe(1);
  });

  it('a concurrency beyond what fits → the most that fits', () => {
    const error = caught(() => servingCapacity({ ...llama70, concurrency: 1e6 }));
    const nearest = error.nearest as { concurrency: number };
    expect(servingCapacity({ ...llama70, concurrency: nearest.concurrency }).concurrency).toBe(nearest.concurrency);
  });

  it('a model that does not fit → the next TP that does (405B FP8 does not fit 2 × H100)', () => {
    const error = caught(() => servingCapacity({ ...llama70, arch: arch('llama-3.1-405b'), tp: 2 }));
    expect(error.nearest).toEqual({ tp: 8 });
    expect(servingCapacity({ ...llama70, arch: arch('llama-3.1-405b'), tp: 8 }).concurrency).toBeGreaterThan(0);
  });

  it('expert parallelism on a dense model, or one that does not divide the experts', () => {
    expect(caught(() => servingCapacity({ ...llama70, ep: 4 })).nearest).toEqual({ ep: 1 });
    const mixtral = { ...llama70, arch: arch('mixtral-8x7b'), tp: 8 };
    expect(caught(() => servingCapacity({ ...mixtral, ep: 3 })).nearest).toEqual({ ep: 2 });
  });

  it('a weight format that cannot hold a KV cache', () => {
    expect(caught(() => servingCapacity({ ...llama70, kvPrecision: 'q4_k_m' })).nearest).toEqual({ kvPrecision: 'fp8' });
  });
});
