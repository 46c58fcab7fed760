/**
 * Reading `config.json` fields the way transformers' config classes do: the family's field name
 * first, then the aliases its class accepts, with the class default when the field is absent.
 * Every reader throws {@link ConfigError} naming the field for a missing, mistyped, non-integer,
 * non-positive or absurd value — a config never turns into NaN.
 */
import { ConfigError } from '../errors';

export type ConfigObject = Readonly<Record<string, unknown>>;

export function isObject(value: unknown): value is ConfigObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short description of a value for an error message (strings cut at 40 characters). */
export function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}" (a string)`;
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** The value of the first of `names` present in the config (undefined when none is). */
export function pick(config: ConfigObject, names: readonly string[]): { name: string; value: unknown } {
  for (const name of names) {
    if (Object.prototype.hasOwnProperty.call(config, name) && config[name] !== undefined) {
      return { name, value: config[name] };
    }
  }
  return { name: names[0] ?? '?', value: undefined };
}

/** True when the config sets `name` (to anything but undefined). */
export function has(config: ConfigObject, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(config, name) && config[name] !== undefined;
}

/** Checks that `value` is a whole number ≥ `minimum` that doubles represent exactly. */
export function checkCount(name: string, value: unknown, minimum: number): number {
  if (typeof value !== 'number') {
    throw new ConfigError(`${name} must be a number, got ${describe(value)}`, name);
  }
  if (!Number.isFinite(value)) throw new ConfigError(`${name} must be finite, got ${value}`, name);
  if (!Number.isInteger(value)) throw new ConfigError(`${name} must be a whole number, got ${value}`, name);
  if (value < minimum) {
    throw new ConfigError(
      minimum === 1 ? `${name} must be positive, got ${value}` : `${name} must be at least ${minimum}, got ${value}`,
      name,
    );
  }
  if (!Number.isSafeInteger(value)) throw new ConfigError(`${name} (${value}) is absurdly large`, name);
  return value;
}

/**
 * A required size: the first present of `names` (the family's field name first, then the
 * aliases its config class accepts). Throws when missing, mistyped or below `minimum`.
 */
export function requiredCount(config: ConfigObject, names: readonly string[], family: string, minimum = 1): number {
  const { name, value } = pick(config, names);
  if (value === undefined || value === null) {
    throw new ConfigError(`${name} is missing (model_type "${family}" needs it)`, name);
  }
  return checkCount(name, value, minimum);
}

/** An optional size: `fallback` when absent (the config class default); null stays null. */
export function optionalCount(config: ConfigObject, names: readonly string[], fallback: number | null, minimum = 1): number | null {
  const { name, value } = pick(config, names);
  if (value === undefined) return fallback;
  if (value === null) return null;
  return checkCount(name, value, minimum);
}

/** An optional size where null means the same as absent (`n_inner: null` → default). */
export function countOrDefault(config: ConfigObject, names: readonly string[], fallback: number, minimum = 1): number {
  return optionalCount(config, names, fallback, minimum) ?? fallback;
}

/** An optional boolean: `fallback` when absent or null. */
export function flag(config: ConfigObject, names: readonly string[], fallback: boolean): boolean {
  const { name, value } = pick(config, names);
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') throw new ConfigError(`${name} must be true or false, got ${describe(value)}`, name);
  return value;
}

/** `num_key_value_heads` (or its alias) checked against the query heads. */
export function checkKvHeads(name: string, kvHeads: number, headsName: string, heads: number): number {
  if (heads % kvHeads !== 0) {
    throw new ConfigError(`${name} (${kvHeads}) must divide ${headsName} (${heads})`, name);
  }
  return kvHeads;
}

/** hidden / heads, which must divide exactly (every family's attention raises otherwise). */
export function derivedHeadDim(hiddenName: string, hidden: number, headsName: string, heads: number): number {
  if (hidden % heads !== 0) {
    throw new ConfigError(
      `${hiddenName} (${hidden}) must be divisible by ${headsName} (${heads}) when head_dim is not given`,
      hiddenName,
    );
  }
  return hidden / heads;
}

/**
 * Explicit `head_dim` (or the config class default, Qwen3 128 / Gemma 256) when present and
 * not null — a size of its own, kept when hidden changes — else hidden / heads.
 */
export function headDimOf(config: ConfigObject, hidden: number, heads: number, fallback: number | null = null): { headDim: number; headDimFixed: boolean } {
  const explicit = optionalCount(config, ['head_dim'], fallback);
  if (explicit !== null) return { headDim: explicit, headDimFixed: true };
  return { headDim: derivedHeadDim('hidden_size', hidden, 'num_attention_heads', heads), headDimFixed: false };
}

/** A list field of exactly `layers` entries (transformers' `layer_types` and kin), or null when absent. */
export function layerList(config: ConfigObject, name: string, layers: number): readonly unknown[] | null {
  const list = config[name];
  if (list === undefined || list === null) return null;
  if (!Array.isArray(list)) throw new ConfigError(`${name} must be a list, got ${describe(list)}`, name);
  if (list.length !== layers) {
    throw new ConfigError(`${name} has ${list.length} entries but num_hidden_layers is ${layers}`, name);
  }
  return list;
}

/** How many entries of an explicit `layer_types` list equal `kind`, or null when the list is absent. */
export function countLayerTypes(config: ConfigObject, layers: number, kind: string): number | null {
  const types = layerList(config, 'layer_types', layers);
  if (types === null) return null;
  let count = 0;
  for (const entry of types) if (entry === kind) count += 1;
  return count;
}

/** Sliding layers from an explicit `layer_types` list (transformers ≥ 4.53 configs), or null. */
export function slidingLayersFromTypes(config: ConfigObject, layers: number): number | null {
  return countLayerTypes(config, layers, 'sliding_attention');
}

/**
 * A list of layer indices (Qwen-MoE's `mlp_only_layers`, Llama 4's `moe_layers`): distinct
 * whole numbers ≥ 0; entries at or beyond `layers` are kept out (the model class never reaches
 * them). Null when absent.
 */
export function layerIndexSet(config: ConfigObject, name: string, layers: number): Set<number> | null {
  const list = config[name];
  if (list === undefined || list === null) return null;
  if (!Array.isArray(list)) throw new ConfigError(`${name} must be a list of layer indices, got ${describe(list)}`, name);
  const indices = new Set<number>();
  for (const entry of list) {
    const index = checkCount(name, entry, 0);
    if (index < layers) indices.add(index);
  }
  return indices;
}

/** top-k within the experts. */
export function checkTopK(expertsPerToken: number, experts: number, topKName: string, expertsName: string): void {
  if (expertsPerToken > experts) {
    throw new ConfigError(`${topKName} (${expertsPerToken}) must not exceed ${expertsName} (${experts})`, topKName);
  }
}

/** The fields every Llama-style decoder shares: sizes, GQA, head_dim. */
export function readDecoderCore(config: ConfigObject, family: string, kvDefault: number | null, headDimDefault: number | null = null) {
  const hidden = requiredCount(config, ['hidden_size'], family);
  const heads = requiredCount(config, ['num_attention_heads'], family);
  const kvConfigured = optionalCount(config, ['num_key_value_heads'], kvDefault) ?? heads;
  return {
    hidden,
    layers: requiredCount(config, ['num_hidden_layers'], family),
    heads,
    kvHeads: checkKvHeads('num_key_value_heads', kvConfigured, 'num_attention_heads', heads),
    ...headDimOf(config, hidden, heads, headDimDefault),
    vocab: requiredCount(config, ['vocab_size'], family),
  };
}

/**
 * A nested config object (`text_config`, `vision_config`): the object, or null when absent.
 * Its fields are read with the same rules; error messages name `prefix.field`.
 */
export function nestedConfig(config: ConfigObject, name: string): ConfigObject | null {
  const nested = config[name];
  if (nested === undefined || nested === null) return null;
  if (!isObject(nested)) throw new ConfigError(`${name} must be an object, got ${describe(nested)}`, name);
  return nested;
}

/** Runs `read` on a nested config and prefixes a ConfigError's field with `prefix.` so the message says where. */
export function withinNested<T>(prefix: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ConfigError && error.field !== null && !error.field.startsWith(`${prefix}.`)) {
      throw new ConfigError(error.message.split(error.field).join(`${prefix}.${error.field}`), `${prefix}.${error.field}`);
    }
    throw error;
  }
}
