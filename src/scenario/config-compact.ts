/**
 * The form of an imported config.json that the scenario keeps (and so the link carries: the URL
 * writes the stored config as it is). A published config.json also holds token ids, label maps
 * (`id2label` of hundreds of entries), rope-scaling factor lists, quantization settings and code
 * references that no reader uses; the import keeps only the fields the readers read
 * (CONFIG_FIELDS_READ, at the top level and inside text_config / vision_config), so links stay
 * short. The reduced config is read back and must give the same architecture as the whole one —
 * otherwise (a field a reader reads that the list misses, or a config the readers reject) the
 * whole config is kept. Either way a reloaded link reproduces the count.
 */
import { CONFIG_FIELDS_READ, architectureFromHfConfig } from '../core/families';

const NESTED = new Set(['text_config', 'vision_config', 'audio_config']);

function keepRead(config: Record<string, unknown>, nested: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    if (!CONFIG_FIELDS_READ.has(key)) continue;
    if (!nested && NESTED.has(key) && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      out[key] = keepRead(value as Record<string, unknown>, true);
    } else {
      out[key] = value;
    }
  }
  return out;
}

function architectureText(config: Record<string, unknown>): string | null {
  try {
    return JSON.stringify(architectureFromHfConfig(config));
  } catch {
    return null;
  }
}

/** The fields of `config` the readers use, when they give the same architecture; else `config` itself. */
export function compactConfig(config: Record<string, unknown>): Record<string, unknown> {
  const compact = keepRead(config, false);
  const whole = architectureText(config);
  return whole !== null && architectureText(compact) === whole ? compact : config;
}
