/**
 * Thrown for any config.json or input the core cannot turn into a model. The message names the
 * field and the problem, e.g. `num_key_value_heads (5) must divide num_attention_heads (32)`.
 */
export class ConfigError extends Error {
  /** The offending field, when there is one. */
  readonly field: string | null;
  constructor(message: string, field: string | null = null) {
    super(message);
    this.name = 'ConfigError';
    this.field = field;
  }
}
