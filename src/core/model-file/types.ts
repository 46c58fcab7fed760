/**
 * What `readModelFile` returns. Units: parameters (element counts) and bytes as plain numbers.
 */
import type { Architecture } from '../types';

export type ModelFileFormat = 'gguf' | 'safetensors' | 'safetensors-index';

export interface ModelFileTensor {
  name: string;
  /** ggml type name for GGUF (`Q4_K`, `F32`), safetensors dtype (`BF16`), `unknown` in an index. */
  dtype: string;
  /**
   * Shape as the file stores it: GGUF lists ne[0] (the row length) first, safetensors lists the
   * row-major shape (rows first). Empty in an index, which names tensors only.
   */
  shape: number[];
  /** Data bytes of the tensor, block scales included; 0 in an index (not known from it). */
  bytes: number;
  /** The shard that holds the tensor (index files only). */
  shard?: string;
}

/** A GGUF metadata value as kept by the reader: scalars, short strings, summaries of arrays. */
export type GgufScalar = number | boolean | string;

export interface GgufArraySummary {
  kind: 'array';
  /** Element type name (`uint32`, `string`, `array` …). */
  elementType: string;
  length: number;
  /** The elements when the array is short (≤ 1024 entries) and holds scalars; else null. */
  values: GgufScalar[] | null;
}

export type GgufValue = GgufScalar | GgufArraySummary;

export interface GgufDetails {
  version: 2 | 3;
  alignment: number;
  /** Byte offset of the tensor data section in the file. */
  dataOffset: number;
  /** `general.architecture`, or null when absent. */
  architecture: string | null;
  /** Metadata key → value. Strings longer than 1024 characters are cut (see `truncatedKeys`). */
  metadata: Record<string, GgufValue>;
  /** Keys whose string value was cut to 1024 characters. */
  truncatedKeys: string[];
  /** Sharded GGUF (`split.count` > 1): this file holds part of the tensors. */
  split: { index: number; count: number } | null;
}

export interface SafetensorsDetails {
  /** `__metadata__` (string → string), or an empty object. */
  metadata: Record<string, string>;
  /** Bytes after the last tensor's data (0 in a file written by the safetensors library). */
  trailingBytes: number;
}

export interface SafetensorsIndexDetails {
  /** Distinct shard file names, sorted. */
  shards: string[];
  /** `metadata.total_size`: data bytes of all shards. */
  totalSize: number;
  /** `metadata.total_parameters` when the index has it (recent transformers `save_pretrained` writes `num_parameters()`), else null. */
  totalParameters: number | null;
}

export interface ModelFile {
  format: ModelFileFormat;
  tensors: ModelFileTensor[];
  /** Elements of all tensors as stored (buffers such as `rope_freqs` included). */
  parameterCount: number;
  /**
   * False when the count is an estimate: an index without `total_parameters`, where
   * parameterCount = total_size / 2 assumes 16-bit weights. Never silently an estimate.
   */
  parameterCountExact: boolean;
  /** Tensor data bytes, block scales included. */
  weightBytes: number;
  /** weightBytes × 8 / parameterCount (0 for a file without parameters). */
  bitsPerWeight: number;
  /** From GGUF metadata, or null when the header cannot tell (see `archNote`). */
  arch: Architecture | null;
  /** Why `arch` is null or approximate, in words; null when it is exact. */
  archNote: string | null;
  /**
   * GGUF: the Hugging Face config rebuilt from the metadata, which `arch` was read from (so a
   * link can carry the architecture as a config and read it back the same way). Absent otherwise.
   */
  archConfig?: Record<string, unknown> | null;
  /** Size of the file that was read. */
  fileBytes: number;
  /** Bytes of the header that were parsed (all of an index file). */
  headerBytes: number;
  gguf?: GgufDetails;
  safetensors?: SafetensorsDetails;
  index?: SafetensorsIndexDetails;
}
