/**
 * Every published layout in the calibration and held-out sets ran, so the planner must say it fits.
 * An "80 GB" H100 gives CUDA 81,559 MiB = 85.5 × 10⁹ B (nvidia-smi, modal-labs/modal-client PR
 * #2797), not the 80 × 10⁹ of the marketed figure: Meta's Llama 3 405B layout on 16,384 H100
 * (§3.3.2, no activation checkpointing) and NeMo 24.09's Nemotron-340B (128 H100) need 81–82 GB
 * per GPU in the planner's memory plan.
 */
import { describe, expect, it } from 'vitest';
import { trainingStep } from '../../src/core/planner/step';
import { deviceMemoryBytes, HARDWARE } from '../../src/data/hardware';
import { heldOutCases } from '../fixtures/training-heldout';
import { calibrationCases } from '../fixtures/training-throughput';

/** nvidia-smi totals, MiB (modal-labs/modal-client PR #2797, 2025-01-23). */
const NVIDIA_SMI_MIB: Readonly<Record<string, number>> = { 'h100-sxm': 81559, 'a100-sxm-80gb': 81920, 'a100-sxm-40gb': 40960, l4: 23034, l40s: 46068, a10: 23028, t4: 15360 };

/** Published layouts the plan still puts over the device's memory, and why (docs/training-planner.md). */
const KNOWN_OVER: Readonly<Record<string, string>> = {
  'Llama 3 405B, 8,192 H100':
    '89.1 GB, 4 % over: 32 micro-batches per step put the full interleaved warm-up (2·(pp − 1) + (vp − 1)·pp + 1 = 143 one-layer chunks) in flight; Meta\'s own schedule (§3.3.2, tunable N) and its early freeing of stage inputs and outputs hold fewer, in amounts not published',
};

const cases = [...calibrationCases(), ...heldOutCases()];

describe('the memory a training layout must fit in', () => {
  it('is the driver\'s figure where one is published: 80 GiB less a reserve for the "80 GB" parts', () => {
    for (const [id, mebibytes] of Object.entries(NVIDIA_SMI_MIB)) {
      const accelerator = HARDWARE.find((row) => row.id === id);
      expect(accelerator, id).toBeDefined();
      expect(deviceMemoryBytes(accelerator!), id).toBe(mebibytes * 2 ** 20);
      expect(deviceMemoryBytes(accelerator!), id).toBeGreaterThanOrEqual(accelerator!.memoryBytes);
    }
  });

  it('falls back to the marketed figure where no read-out is published (B200, custom rows)', () => {
    const b200 = HARDWARE.find((row) => row.id === 'b200')!;
    expect(deviceMemoryBytes(b200)).toBe(b200.memoryBytes);
    expect(deviceMemoryBytes({ memoryBytes: 48e9 })).toBe(48e9);
  });

  it('holds every published layout that ran but the one listed, and the list is exact', () => {
    const over = cases.filter((entry) => !trainingStep(entry.input).fits).map((entry) => entry.name);
    expect(over.sort()).toEqual(Object.keys(KNOWN_OVER).sort());
  });

  it('read as the marketed 80 × 10⁹ B, would put Meta\'s 16,384-GPU layouts and NeMo\'s Nemotron-340B over it too', () => {
    const marketedOnly = cases.filter((entry) => {
      const { deviceMemory: _deviceMemory, ...accelerator } = entry.input.accelerator;
      return !trainingStep({ ...entry.input, accelerator }).fits;
    });
    const names = marketedOnly.map((entry) => entry.name);
    expect(names).toEqual(expect.arrayContaining(['Llama 3 405B, 16,384 H100', 'Llama 3 405B, 16,384 H100, 131K context', 'NeMo 24.09 Nemotron-340B (128 h100-sxm)']));
    for (const entry of cases.filter((candidate) => names.includes(candidate.name) && !(candidate.name in KNOWN_OVER))) {
      const memory = trainingStep(entry.input).memoryPerGpu;
      expect(memory, entry.name).toBeGreaterThan(80e9);
      expect(memory, entry.name).toBeLessThanOrEqual(81559 * 2 ** 20);
    }
  });
});
