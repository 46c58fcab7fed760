import type { Estimate } from '../../core';
import { fill, type Lang } from '../../i18n/i18n';
import { formatBytes, type UnitSystem } from '../../i18n/format';
import { MESSAGES } from './messages';

/**
 * The GPU memory a training layout must fit in, in words: the marketed size, and beside it what the
 * driver gives CUDA when that is published and differs (H100: "80 GB; 85.5 GB as the driver reports
 * it"): fits are judged against the second (`EstimateHardware.deviceMemoryBytes`).
 */
export function gpuMemoryText(estimate: Estimate, lang: Lang, units: UnitSystem): string {
  const { memoryBytes, deviceMemoryBytes } = estimate.hardware;
  const marketed = formatBytes(memoryBytes, lang, units);
  if (Math.abs(deviceMemoryBytes - memoryBytes) < 0.005 * memoryBytes) return marketed;
  return fill(MESSAGES[lang].gpuMemoryDevice, { marketed, device: formatBytes(deviceMemoryBytes, lang, units) });
}
