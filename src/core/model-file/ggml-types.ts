/**
 * ggml tensor types: id → (name, elements per block, bytes per block), the table a GGUF reader
 * needs to turn a tensor's shape into bytes.
 *
 * Source: ggml-org/ggml at d99724f2 (2026-08-21): the ids from `enum ggml_type` in
 * include/ggml.h (also printed in docs/gguf.md), the block sizes `blck_size` and `type_size =
 * sizeof(block_*)` from `type_traits[]` in src/ggml.c, the struct sizes from the
 * `static_assert(sizeof(block_*) == …)` lines in src/ggml-common.h (QK_K = 256,
 * K_SCALE_SIZE = 12, ggml_half = 2 bytes). Ids 4, 5 (Q4_2, Q4_3), 31–33 (Q4_0_4_4 …) and 36–38
 * (IQ4_NL_4_4 …) were removed from ggml (`blck_size = 0`): a file using them is rejected, as
 * gguf.cpp rejects it.
 */

export interface GgmlType {
  /** The ggml type id as stored in a GGUF tensor info (u32). */
  id: number;
  /** Upper-case name as llama.cpp prints it (`Q4_K`, `BF16`). */
  name: string;
  /** Elements per block (`blck_size`); a row's length must be a multiple of it. */
  blockSize: number;
  /** Bytes per block (`type_size`), scales included. */
  bytesPerBlock: number;
  /** The `static_assert` that fixes the block's size, in ggml-common.h's own terms. */
  layout: string;
}

const QK_K = 256;

/** Every ggml type a GGUF file may hold, by id. */
export const GGML_TYPES: readonly GgmlType[] = Object.freeze([
  { id: 0, name: 'F32', blockSize: 1, bytesPerBlock: 4, layout: 'sizeof(float)' },
  { id: 1, name: 'F16', blockSize: 1, bytesPerBlock: 2, layout: 'sizeof(ggml_fp16_t)' },
  { id: 2, name: 'Q4_0', blockSize: 32, bytesPerBlock: 18, layout: 'ggml_half + QK4_0/2' },
  { id: 3, name: 'Q4_1', blockSize: 32, bytesPerBlock: 20, layout: '2·ggml_half + QK4_1/2' },
  { id: 6, name: 'Q5_0', blockSize: 32, bytesPerBlock: 22, layout: 'ggml_half + uint32 + QK5_0/2' },
  { id: 7, name: 'Q5_1', blockSize: 32, bytesPerBlock: 24, layout: '2·ggml_half + uint32 + QK5_1/2' },
  { id: 8, name: 'Q8_0', blockSize: 32, bytesPerBlock: 34, layout: 'ggml_half + QK8_0' },
  { id: 9, name: 'Q8_1', blockSize: 32, bytesPerBlock: 36, layout: '2·ggml_half + QK8_1' },
  { id: 10, name: 'Q2_K', blockSize: QK_K, bytesPerBlock: 84, layout: '2·ggml_half + QK_K/16 + QK_K/4' },
  { id: 11, name: 'Q3_K', blockSize: QK_K, bytesPerBlock: 110, layout: 'ggml_half + QK_K/4 + QK_K/8 + 12' },
  { id: 12, name: 'Q4_K', blockSize: QK_K, bytesPerBlock: 144, layout: '2·ggml_half + K_SCALE_SIZE + QK_K/2' },
  { id: 13, name: 'Q5_K', blockSize: QK_K, bytesPerBlock: 176, layout: '2·ggml_half + K_SCALE_SIZE + QK_K/2 + QK_K/8' },
  { id: 14, name: 'Q6_K', blockSize: QK_K, bytesPerBlock: 210, layout: 'ggml_half + QK_K/16 + 3·QK_K/4' },
  { id: 15, name: 'Q8_K', blockSize: QK_K, bytesPerBlock: 292, layout: 'float + QK_K + QK_K/16·int16' },
  { id: 16, name: 'IQ2_XXS', blockSize: QK_K, bytesPerBlock: 66, layout: 'ggml_half + QK_K/8·uint16' },
  { id: 17, name: 'IQ2_XS', blockSize: QK_K, bytesPerBlock: 74, layout: 'ggml_half + QK_K/8·uint16 + QK_K/32' },
  { id: 18, name: 'IQ3_XXS', blockSize: QK_K, bytesPerBlock: 98, layout: 'ggml_half + 3·(QK_K/8)' },
  { id: 19, name: 'IQ1_S', blockSize: QK_K, bytesPerBlock: 50, layout: 'ggml_half + QK_K/8 + QK_K/16' },
  { id: 20, name: 'IQ4_NL', blockSize: 32, bytesPerBlock: 18, layout: 'ggml_half + QK4_NL/2' },
  { id: 21, name: 'IQ3_S', blockSize: QK_K, bytesPerBlock: 110, layout: 'ggml_half + 13·(QK_K/32) + QK_K/64' },
  { id: 22, name: 'IQ2_S', blockSize: QK_K, bytesPerBlock: 82, layout: 'ggml_half + QK_K/4 + QK_K/16' },
  { id: 23, name: 'IQ4_XS', blockSize: QK_K, bytesPerBlock: 136, layout: 'ggml_half + uint16 + QK_K/64 + QK_K/2' },
  { id: 24, name: 'I8', blockSize: 1, bytesPerBlock: 1, layout: 'sizeof(int8_t)' },
  { id: 25, name: 'I16', blockSize: 1, bytesPerBlock: 2, layout: 'sizeof(int16_t)' },
  { id: 26, name: 'I32', blockSize: 1, bytesPerBlock: 4, layout: 'sizeof(int32_t)' },
  { id: 27, name: 'I64', blockSize: 1, bytesPerBlock: 8, layout: 'sizeof(int64_t)' },
  { id: 28, name: 'F64', blockSize: 1, bytesPerBlock: 8, layout: 'sizeof(double)' },
  { id: 29, name: 'IQ1_M', blockSize: QK_K, bytesPerBlock: 56, layout: 'QK_K/8 + QK_K/16 + QK_K/32' },
  { id: 30, name: 'BF16', blockSize: 1, bytesPerBlock: 2, layout: 'sizeof(ggml_bf16_t)' },
  { id: 34, name: 'TQ1_0', blockSize: QK_K, bytesPerBlock: 54, layout: 'ggml_half + QK_K/64 + (QK_K − 4·QK_K/64)/5' },
  { id: 35, name: 'TQ2_0', blockSize: QK_K, bytesPerBlock: 66, layout: 'ggml_half + QK_K/4' },
  { id: 39, name: 'MXFP4', blockSize: 32, bytesPerBlock: 17, layout: 'uint8 (E8M0 scale) + QK_MXFP4/2' },
  { id: 40, name: 'NVFP4', blockSize: 64, bytesPerBlock: 36, layout: 'uint8·(QK_NVFP4/16) (E4M3 scales) + QK_NVFP4/2' },
  { id: 41, name: 'Q1_0', blockSize: 128, bytesPerBlock: 18, layout: 'ggml_half + QK1_0/8' },
  { id: 42, name: 'Q2_0', blockSize: 64, bytesPerBlock: 18, layout: 'ggml_half + QK2_0/4' },
] satisfies GgmlType[]);

/** Ids ggml once used and removed; kept so a reader can say what they were. */
const REMOVED_TYPES: Readonly<Record<number, string>> = {
  4: 'Q4_2',
  5: 'Q4_3',
  31: 'Q4_0_4_4',
  32: 'Q4_0_4_8',
  33: 'Q4_0_8_8',
  36: 'IQ4_NL_4_4',
  37: 'IQ4_NL_4_8',
  38: 'IQ4_NL_8_8',
};

const BY_ID: ReadonlyMap<number, GgmlType> = new Map(GGML_TYPES.map((type) => [type.id, type]));

/** The ggml type with this id, or undefined for an unknown or removed id. */
export function ggmlType(id: number): GgmlType | undefined {
  return BY_ID.get(id);
}

/** The name of a removed ggml type id (`Q4_0_4_4` …), or null. */
export function removedGgmlTypeName(id: number): string | null {
  return REMOVED_TYPES[id] ?? null;
}

/**
 * Bytes of one ggml tensor: elements / blockSize × bytesPerBlock (ggml_nbytes for a contiguous
 * tensor; a row of ne[0] elements must be whole blocks). Units: bytes. Throws nothing; the
 * caller checks `elements % blockSize === 0`.
 * Source: ggml.c `ggml_row_size` and `ggml_nbytes`; sizes from {@link GGML_TYPES}.
 * Example: Q4_K, 4096 × 4096 → 16,777,216 / 256 × 144 = 9,437,184 bytes (4.5 bits per weight).
 */
export function ggmlTensorBytes(type: GgmlType, elements: number): number {
  return (elements / type.blockSize) * type.bytesPerBlock;
}

/** Bits per weight of a ggml type, scales included: 8 × bytesPerBlock / blockSize. */
export function ggmlBitsPerWeight(type: GgmlType): number {
  return (8 * type.bytesPerBlock) / type.blockSize;
}
