import { describe, expect, it } from 'vitest';
import { MODELS } from '../../src/data/models';
import { HARDWARE, HARDWARE_BY_ID } from '../../src/data/hardware';
import { TRAINING_RUNS } from '../../src/data/training-runs';
import { DECODE_MEASUREMENTS } from '../../src/data/decode-measurements';
import { ACCELERATOR_NAMES_ZH, MODEL_NAMES_ZH, PRICE_WHAT_ZH, ROW_LABELS_ZH } from '../../src/data/text-zh';
import { MODELS_BY_ID } from '../../src/data/models';
import { acceleratorName, dataLabel, deviceName, presetModelName, priceWhat } from '../../src/view/labels';
import { strayEnglish } from '../fixtures/zh-latin';
import { TRAINING_FRAMEWORKS } from '../../src/data/training-frameworks';
import { frameworkName } from '../../src/view/framework-name';

/**
 * Every visible note of the data tables reads in Chinese on the Chinese page: names with a note in
 * words, price listings, labels of measured and published rows. A row added with English words
 * beyond product names and units fails here until it has its Chinese in `src/data/text-zh.ts`.
 */
describe('the data tables’ visible words in Chinese', () => {
  it('accelerator names and price listings', () => {
    for (const accelerator of HARDWARE) {
      expect(strayEnglish(acceleratorName(accelerator.id, accelerator.name, 'zh')), accelerator.name).toEqual([]);
      const what = accelerator.price?.what;
      if (what !== undefined) expect(strayEnglish(priceWhat(accelerator.id, what, 'zh')), what).toEqual([]);
    }
  });

  it('model preset names', () => {
    for (const preset of MODELS) expect(strayEnglish(presetModelName(preset.id, preset.name, 'zh')), preset.name).toEqual([]);
  });

  it('labels of training runs and decode measurements', () => {
    const labels = [
      ...TRAINING_RUNS.flatMap((run) => [run.model, run.hardwareLabel ?? '']),
      ...DECODE_MEASUREMENTS.flatMap((row) => [row.model, row.hardwareLabel, row.engine]),
    ];
    for (const label of labels) expect(strayEnglish(dataLabel(label, 'zh')), label).toEqual([]);
  });

  it('training-software names', () => {
    for (const framework of TRAINING_FRAMEWORKS) {
      expect(frameworkName(framework, 'en')).toBe(framework.name);
      expect(strayEnglish(frameworkName(framework, 'zh')), framework.name).toEqual([]);
    }
  });

  it('English stays English on the English page', () => {
    const gb200 = HARDWARE_BY_ID.get('gb200')!;
    expect(acceleratorName('gb200', gb200.name, 'en')).toBe(gb200.name);
    expect(dataLabel('llama2-7b (16-bit assumed)', 'en')).toBe('llama2-7b (16-bit assumed)');
    expect(dataLabel('llama2-7b (16-bit assumed)', 'zh')).toBe('llama2-7b（假定 16 位）');
  });

  it('every entry belongs to a row that exists and is Chinese', () => {
    for (const [id, text] of [...Object.entries(ACCELERATOR_NAMES_ZH), ...Object.entries(PRICE_WHAT_ZH)]) {
      expect(HARDWARE_BY_ID.has(id), id).toBe(true);
      expect(text, id).toMatch(/[\u4e00-\u9fff]|^Modal|^Lambda/);
    }
    for (const [id, text] of Object.entries(MODEL_NAMES_ZH)) {
      expect(MODELS_BY_ID.has(id), id).toBe(true);
      expect(text, id).toMatch(/[\u4e00-\u9fff]/);
    }
    for (const [english, chinese] of Object.entries(ROW_LABELS_ZH)) {
      expect(chinese, english).toMatch(/[\u4e00-\u9fff]/);
      expect(strayEnglish(chinese), english).toEqual([]);
    }
  });
});

describe('names the Chinese page used to leave in English', () => {
  it('local devices: the GPU cores in Chinese, the product names kept', () => {
    expect(deviceName('Apple M4 Max (40-core GPU), 64 GB', 'zh')).toBe('Apple M4 Max（40 核 GPU），64 GB');
    expect(deviceName('Apple M4 (10-core GPU), 16 GB — Mac mini / MacBook Air', 'zh')).toBe('Apple M4（10 核 GPU），16 GB — Mac mini / MacBook Air');
    expect(deviceName('Apple M4 Max (40-core GPU), 64 GB', 'en')).toBe('Apple M4 Max (40-core GPU), 64 GB');
    expect(deviceName('NVIDIA GeForce RTX 4090 24GB', 'zh')).toBe('NVIDIA GeForce RTX 4090 24GB');
  });
  it('the GPT-4 estimate, in the scaling chart and its table', () => {
    expect(dataLabel('GPT-4 (est.)', 'zh')).toBe('GPT-4（估计）');
    expect(dataLabel('GPT-4 (ESTIMATES ONLY — not disclosed by OpenAI)', 'zh')).toBe('GPT-4（仅为估计——OpenAI 从未公布）');
  });
});
