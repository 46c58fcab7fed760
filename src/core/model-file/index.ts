/** Reading model files (GGUF, safetensors, safetensors index) from their headers. */
export type * from './types';
export { readModelFile, GGUF_MAX_HEADER_BYTES } from './read-model-file';
export { GGML_TYPES, ggmlType, ggmlTensorBytes, ggmlBitsPerWeight, type GgmlType } from './ggml-types';
export { SAFETENSORS_DTYPE_BITS, safetensorsDtypeBits } from './safetensors-dtypes';
export { GGUF_LIMITS, GGUF_DEFAULT_ALIGNMENT } from './gguf';
export { SAFETENSORS_MAX_HEADER_BYTES, SAFETENSORS_INDEX_MAX_BYTES } from './safetensors';
export {
  bytesByTensorType,
  bytesByTensorKind,
  tensorKind,
  architectureForModelFile,
  type TensorKind,
  type TensorGroupRow,
  type ConfigCheck,
} from './summary';
