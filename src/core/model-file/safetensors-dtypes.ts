/**
 * safetensors dtypes and their width in bits.
 *
 * Source: huggingface/safetensors at 24b0b285 (2026-05-12), safetensors/src/tensor.rs,
 * `enum Dtype` and `Dtype::bitsize()`: BOOL 8, F4 4 (OCP MX FP4 E2M1, two per byte),
 * F6_E2M3 / F6_E3M2 6, U8 / I8 / F8_E5M2 / F8_E4M3 / F8_E8M0 / F8_E4M3FNUZ / F8_E5M2FNUZ 8,
 * I16 / U16 / F16 / BF16 16, I32 / U32 / F32 32, C64 / F64 / I64 / U64 64. A tensor whose
 * elements × bits is not a whole number of bytes is invalid (`MisalignedSlice`).
 */
export const SAFETENSORS_DTYPE_BITS: Readonly<Record<string, number>> = Object.freeze({
  BOOL: 8,
  F4: 4,
  F6_E2M3: 6,
  F6_E3M2: 6,
  U8: 8,
  I8: 8,
  F8_E5M2: 8,
  F8_E4M3: 8,
  F8_E8M0: 8,
  F8_E4M3FNUZ: 8,
  F8_E5M2FNUZ: 8,
  I16: 16,
  U16: 16,
  F16: 16,
  BF16: 16,
  I32: 32,
  U32: 32,
  F32: 32,
  C64: 64,
  F64: 64,
  I64: 64,
  U64: 64,
});

/** Bits per element of a safetensors dtype, or undefined when the dtype is unknown. */
export function safetensorsDtypeBits(dtype: string): number | undefined {
  return Object.prototype.hasOwnProperty.call(SAFETENSORS_DTYPE_BITS, dtype) ? SAFETENSORS_DTYPE_BITS[dtype] : undefined;
}
