import { trainingStep } from '../src/core';
import { heldOutCases } from '../test/fixtures/training-heldout';
for (const c of heldOutCases().filter((c) => /Llama 3 405B|MT-NLG 530B \(2240|Korthikanti 2022 1T full/.test(c.name))) {
  const r = trainingStep(c.input);
  console.log(c.name, r.seconds.toFixed(2), 'published', c.publishedSeconds.toFixed(2), 'mfu', r.mfu.toFixed(3), 'bubble', r.bubbleFraction.toFixed(3));
  console.log(JSON.stringify(r.breakdown));
}
