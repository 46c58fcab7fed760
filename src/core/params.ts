/**
 * Parameters of a transformer: read a Hugging Face `config.json` into an {@link Architecture},
 * count its parameters exactly, and derive a plausible architecture from a bare parameter count.
 *
 * Units: parameters (plain counts), tokens. Every count is what the family's Hugging Face model
 * class builds with `transformers` 4.4x–5.x (`modeling_<family>.py`): trainable tensors only,
 * tied matrices once, buffers (rotary tables, causal masks, DeepSeek-V3's
 * `e_score_correction_bias`) never. The readers live one family per file in `core/families/`;
 * this module is the stable entry point the rest of the explorer imports.
 */
export { architectureFromHfConfig, SUPPORTED_FAMILIES } from './families';
export { countParameters } from './families/count';
export { applyOverrides, validateArchitecture } from './families/overrides';
export { architectureFromParams } from './families/shape-rule';
export type { Architecture, ParameterCount } from './types';
