/**
 * The "your model file" tables: bytes and parameters of the opened file by storage type (Q4_K,
 * Q6_K, F32, BF16 …) and by layer kind (attention, MLP, experts, embeddings, output, norms), with
 * bits per weight and the share of the file's weight bytes. Read from the scenario's summary, so
 * a shared link shows the same table without the file. Units: parameters, bytes, bits.
 */
import type { ModelFileGroup, ModelFileSummary, Scenario } from '../../scenario/scenario';

export interface FileTableRow {
  key: string;
  tensors: number;
  parameters: number;
  bytes: number;
  /** bytes × 8 / parameters; 0 for a group without parameters. */
  bitsPerWeight: number;
  /** bytes / the file's weight bytes, 0–1. */
  shareOfBytes: number;
}

export interface FileTables {
  summary: ModelFileSummary;
  byType: FileTableRow[];
  byKind: FileTableRow[];
  /** The sums of the rows (equal to the file's own counts). */
  totals: { tensors: number; parameters: number; bytes: number; bitsPerWeight: number };
}

function rows(groups: readonly ModelFileGroup[], totalBytes: number): FileTableRow[] {
  return groups
    .map((group) => ({
      key: group.key,
      tensors: group.tensors,
      parameters: group.parameters,
      bytes: group.bytes,
      bitsPerWeight: group.parameters > 0 ? (group.bytes * 8) / group.parameters : 0,
      shareOfBytes: totalBytes > 0 ? group.bytes / totalBytes : 0,
    }))
    .sort((left, right) => right.bytes - left.bytes || left.key.localeCompare(right.key));
}

/** The tables of the open model file; null when the scenario's model is not a file. */
export function fileTables(scenario: Pick<Scenario, 'model' | 'modelFile'>): FileTables | null {
  const summary = scenario.modelFile;
  if (scenario.model !== 'file' || summary === null) return null;
  const tensors = summary.byType.reduce((sum, group) => sum + group.tensors, 0);
  return {
    summary,
    byType: rows(summary.byType, summary.weightBytes),
    byKind: rows(summary.byKind, summary.weightBytes),
    totals: {
      tensors,
      parameters: summary.parameterCount,
      bytes: summary.weightBytes,
      bitsPerWeight: summary.parameterCount > 0 ? (summary.weightBytes * 8) / summary.parameterCount : 0,
    },
  };
}
