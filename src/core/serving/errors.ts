import { ConfigError } from '../errors';

/**
 * A serving or fit input that cannot run, with the nearest setting that can: e.g.
 * `tp (8) exceeds the 4 GPUs present` with `nearest = { tp: 4 }`. Never a silent clamp.
 * It is a `ConfigError` (same name, `instanceof ConfigError`).
 */
export class ServingConfigError extends ConfigError {
  /** The closest input that works, keyed like the input (`{ tp: 4 }`, `{ inputTokens: 126976 }`). */
  readonly nearest: Readonly<Record<string, unknown>>;
  constructor(message: string, field: string, nearest: Record<string, unknown>) {
    super(message, field);
    this.nearest = Object.freeze({ ...nearest });
  }
}
