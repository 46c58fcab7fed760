/**
 * Rows of the `compare` table: the current scenario, the user's pinned scenarios, and every model
 * preset evaluated under the current hardware, precision, training and inference settings
 * (`estimate({...scenario, model: preset.id, overrides: {}})`). Pure; the page memoizes the rows
 * per store (`presetRowsData`, pins through the store's estimate selector).
 * Units: parameters, bytes, FLOPs, GPU-hours, seconds, USD, joules, GPUs, tokens/s, nats.
 */
import { estimate, plainText, type Estimate, type ModelKind } from '../../core';
import { MODELS } from '../../data/models';
import type { Scenario } from '../../scenario/scenario';
import { decodeScenario } from '../../scenario/url-codec';
import { derivation } from '../../store/selectors';

export type CompareRowKind = 'current' | 'pin' | 'preset';

/** The numbers a row shows, in SI base units; null where the quantity does not apply. */
export interface CompareValues {
  totalParams: number | null;
  activeParams: number | null;
  weightBytes: number | null;
  /** Null for encoder-only models (no KV cache). */
  kvBytesPerToken: number | null;
  trainingFlops: number | null;
  gpuHours: number | null;
  trainingSeconds: number | null;
  trainingCostUsd: number | null;
  trainingEnergyJoules: number | null;
  /** GPUs of the serving group; null when no group fits the model at this batch and context. */
  servingGpus: number | null;
  /** Decode tokens/s of one sequence at the scenario's batch; null when it does not fit. */
  decodeTokensPerSecond: number | null;
  usdPerMillionTokens: number | null;
  /** Chinchilla-fit loss (Hoffmann et al. 2022, approach 3), nats per token. */
  loss: number | null;
}

export interface CompareRow {
  /** 'current', 'pin-<index>' or 'preset-<model id>': stable across sorts and re-renders. */
  id: string;
  kind: CompareRowKind;
  /** The pin's name (pins), otherwise the model's name. */
  label: string;
  modelId: string;
  /** The model's name; for `size` models the view writes "size slider" with the count. */
  modelName: string;
  modelKind: ModelKind;
  year: number | null;
  /** Pins: where the pin sits in the stored list (for removal). */
  pinIndex: number | null;
  /** Pins: the stored query, to open the pin. */
  query: string | null;
  scenario: Scenario;
  fits: boolean;
  /** Encoder-only (BERT): no KV cache, no generation. */
  encoderOnly: boolean;
  values: CompareValues;
}

function finiteOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The row values of one estimate. */
export function compareValues(result: Estimate): CompareValues {
  const fits = result.inference.fits;
  // An encoder (BERT) does not generate: no decode speed or price per generated token.
  const generates = fits && !result.model.arch.encoderOnly;
  return {
    totalParams: finiteOrNull(result.model.counts.total),
    activeParams: finiteOrNull(result.model.counts.active),
    weightBytes: finiteOrNull(result.weights.selected.bytes),
    kvBytesPerToken: result.model.arch.encoderOnly ? null : finiteOrNull(result.kv.bytesPerToken),
    trainingFlops: finiteOrNull(result.training.flops),
    gpuHours: finiteOrNull(result.training.gpuHours),
    trainingSeconds: finiteOrNull(result.training.days * 86_400),
    trainingCostUsd: finiteOrNull(result.training.costUsd),
    trainingEnergyJoules: finiteOrNull(result.training.energyJoules),
    servingGpus: fits ? finiteOrNull(result.inference.gpus) : null,
    decodeTokensPerSecond: generates ? finiteOrNull(result.inference.tokensPerSecondPerSequence) : null,
    usdPerMillionTokens: generates ? finiteOrNull(result.inference.costPerMillionOutputTokensUsd) : null,
    loss: finiteOrNull(result.scaling.loss.hoffmann2022),
  };
}

function makeRow(
  base: Pick<CompareRow, 'id' | 'kind' | 'label' | 'pinIndex' | 'query'>,
  scenario: Scenario,
  result: Estimate,
): CompareRow {
  return {
    ...base,
    modelId: result.model.id,
    modelName: result.model.name,
    modelKind: result.model.kind,
    year: result.model.preset?.year ?? null,
    scenario,
    fits: result.inference.fits,
    encoderOnly: result.model.arch.encoderOnly,
    values: compareValues(result),
  };
}

/** The scenario with only the model swapped for a preset (architecture overrides cleared). */
export function presetScenario(scenario: Scenario, presetId: string): Scenario {
  return { ...scenario, model: presetId, customConfig: null, overrides: {} };
}

/**
 * What the preset rows depend on: every field except the model's own (model, params,
 * customConfig, overrides). Choosing another model does not recompute the 40 presets.
 */
export function presetKey(scenario: Scenario): string {
  return JSON.stringify({ ...scenario, model: '', params: 0, customConfig: null, overrides: {} });
}

/** One row per model preset under the scenario's settings (40 estimates). */
export function presetRows(scenario: Scenario): CompareRow[] {
  return MODELS.map((preset) => {
    const swapped = presetScenario(scenario, preset.id);
    return makeRow({ id: `preset-${preset.id}`, kind: 'preset', label: preset.name, pinIndex: null, query: null }, swapped, estimate(swapped));
  });
}

/**
 * The preset rows, memoized per store on `presetKey`: choosing another model or moving the size
 * slider does not recompute the 40 presets.
 */
export const presetRowsData = derivation((scenario) => presetRows(scenario), { key: (scenario) => [presetKey(scenario)] });

// ---------------------------------------------------------------------------------------------
// Pins (localStorage)
// ---------------------------------------------------------------------------------------------

export const PINS_STORAGE_KEY = 'llm-scale-explorer:pins:v1';
export const PINS_VERSION = 1;
export const MAX_PIN_NAME = 80;
export const MAX_PINS = 20;
/** Longer queries are not ours (a scenario with an imported config stays well below). */
const MAX_QUERY_LENGTH = 20_000;

export interface StoredPin {
  name: string;
  /** `encodeScenario(scenario)`. */
  query: string;
}

export interface Pin extends StoredPin {
  scenario: Scenario;
}

export interface PinsRead {
  pins: Pin[];
  /** Entries dropped because they could not be read. */
  dropped: number;
  /** The whole stored value was unreadable (not JSON, wrong version or shape) and was dropped. */
  unreadable: boolean;
  /**
   * Readable pins beyond MAX_PINS (saved by another tab or an older page): kept in storage, never
   * deleted, and shown as pins are removed; the page says how many wait.
   */
  extra: Pin[];
}

/** A pin name as text only: control and direction-override characters removed, spaces collapsed, ≤ 80 chars. */
export function cleanPinName(name: string): string {
  return plainText(name, MAX_PIN_NAME);
}

/** A stored entry as a pin, or null when it is not one (wrong types, a name that is not clean text, an unreadable query). */
export function readPin(entry: unknown): Pin | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const { name, query } = entry as Record<string, unknown>;
  if (typeof name !== 'string' || typeof query !== 'string') return null;
  if (name.length === 0 || name.length > MAX_PIN_NAME || cleanPinName(name) !== name) return null;
  if (query.length === 0 || query.length > MAX_QUERY_LENGTH) return null;
  const decoded = decodeScenario(query);
  if (decoded.ignored.length > 0) return null;
  return { name, query, scenario: decoded.scenario };
}

/** Reads the stored pins: `{ version: 1, pins: [{ name, query }] }`. Never throws. */
export function readPins(raw: string | null): PinsRead {
  const unreadable = { pins: [], dropped: 0, unreadable: true, extra: [] };
  if (raw === null || raw === '') return { pins: [], dropped: 0, unreadable: false, extra: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return unreadable;
  }
  if (typeof parsed !== 'object' || parsed === null) return unreadable;
  const { version, pins } = parsed as Record<string, unknown>;
  if (version !== PINS_VERSION || !Array.isArray(pins)) return unreadable;
  const read: Pin[] = [];
  let dropped = 0;
  for (const entry of pins) {
    const pin = readPin(entry);
    if (pin) read.push(pin);
    else dropped += 1;
  }
  return { pins: read.slice(0, MAX_PINS), dropped, unreadable: false, extra: read.slice(MAX_PINS) };
}

/** The stored form of a list of pins. */
export function writePins(pins: readonly StoredPin[]): string {
  return JSON.stringify({ version: PINS_VERSION, pins: pins.map(({ name, query }) => ({ name, query })) });
}

/** A pin's row, from its scenario's estimate. */
export function pinRow(pin: Pin, index: number, result: Estimate): CompareRow {
  return makeRow({ id: `pin-${index}`, kind: 'pin', label: pin.name, pinIndex: index, query: pin.query }, pin.scenario, result);
}

/** The current scenario's row. */
export function currentRow(scenario: Scenario, result: Estimate): CompareRow {
  return makeRow({ id: 'current', kind: 'current', label: result.model.name, pinIndex: null, query: null }, scenario, result);
}

/** All rows: current first, then pins, then the presets. */
export function compareRows(current: CompareRow, pins: readonly CompareRow[], presets: readonly CompareRow[]): CompareRow[] {
  return [current, ...pins, ...presets];
}
