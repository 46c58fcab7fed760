import type { ComputeFormat } from './types';

/**
 * Training clusters: how accelerators are wired together, and what a matmul really reaches on
 * each accelerator. The training planner (`src/core/planner`) reads these rows; a scenario's
 * `cluster` input overrides any field.
 *
 * Units: bytes per second PER GPU PER DIRECTION (the vendors' NVLink figures are bidirectional
 * aggregates: 900 GB/s NVLink 4 = 450 GB/s each way), seconds for latencies.
 *
 * - `scaleUpBytesPerSecond`: the in-node fabric (NVLink/NVSwitch, Infinity Fabric, TPU ICI) one
 *   GPU can drive in one direction.
 * - `scaleOutBytesPerSecondPerGpu`: the network between nodes (InfiniBand/RoCE NICs), divided by
 *   the GPUs of a node: a DGX H100 has 8 × 400 Gb/s ConnectX-7 = 50 GB/s per GPU per direction.
 * - Hop latencies: NCCL's own cost model (src/graph/tuning.cc, ring algorithm, Simple protocol:
 *   base 8.4 µs per collective, 3.4 µs per NVLink hop, 9.6 µs per network hop).
 *
 * Ids are permanent (they may appear in shared links).
 */
export interface ClusterPreset {
  id: string;
  name: string;
  /** GPUs in one scale-up domain (a node, an NVL72 rack, a TPU pod). */
  gpusPerNode: number;
  /** Scale-up bandwidth per GPU per direction. */
  scaleUpBytesPerSecond: number;
  /** Scale-out bandwidth per GPU per direction. */
  scaleOutBytesPerSecondPerGpu: number;
  /** Latency one ring step adds inside the scale-up domain. */
  scaleUpHopSeconds: number;
  /** Latency one ring step adds across the network. */
  scaleOutHopSeconds: number;
  /**
   * The GPU's link to its host's memory, per GPU per direction (PCIe, or NVLink-C2C to a Grace CPU),
   * and the host memory per GPU: where activation offload (`ParallelLayout.offloadLayers`) goes.
   * `coherent`: NVLink-C2C to a Grace CPU, where NVIDIA's published recipes offload (the planner's
   * search proposes offload only there; over PCIe it prices offload when a layout asks for it).
   * Absent: no offload on this cluster.
   */
  host?: { bytesPerSecond: number; memoryBytesPerGpu: number; coherent: boolean; source: string };
  source: string;
  sourceDate: string;
  notes?: string;
}

/** NCCL's fixed cost of launching one ring collective (tuning.cc `baseLat`, ring/Simple). */
export const COLLECTIVE_BASE_SECONDS = 8.4e-6;
const NVLINK_HOP_SECONDS = 3.4e-6;
const NETWORK_HOP_SECONDS = 9.6e-6;

export const CLUSTERS: readonly ClusterPreset[] = Object.freeze([
  {
    id: 'dgx-a100',
    name: 'DGX A100 (8 × A100, NVLink 3, 8 × 200 Gb/s HDR)',
    gpusPerNode: 8,
    scaleUpBytesPerSecond: 300e9,
    scaleOutBytesPerSecondPerGpu: 25e9,
    scaleUpHopSeconds: NVLINK_HOP_SECONDS,
    scaleOutHopSeconds: NETWORK_HOP_SECONDS,
    host: { bytesPerSecond: 32e9, memoryBytesPerGpu: 256e9, coherent: false, source: 'DGX A100 (80GB) datasheet: each A100 on a PCIe Gen4 ×16 switch port to the AMD EPYC hosts (32 GB/s per direction), 2 TB system memory for 8 GPUs' },
    source: 'NVIDIA DGX A100 datasheet: 8 × A100, 600 GB/s NVLink 3 per GPU (bidirectional), 8 × single-port ConnectX-6 200 Gb/s HDR InfiniBand; Selene (Narayanan et al. 2021 §5) is built from these nodes',
    sourceDate: '2020',
  },
  {
    id: 'dgx-h100',
    name: 'DGX/HGX H100 (8 × H100, NVLink 4, 8 × 400 Gb/s)',
    gpusPerNode: 8,
    scaleUpBytesPerSecond: 450e9,
    scaleOutBytesPerSecondPerGpu: 50e9,
    scaleUpHopSeconds: NVLINK_HOP_SECONDS,
    scaleOutHopSeconds: NETWORK_HOP_SECONDS,
    host: { bytesPerSecond: 64e9, memoryBytesPerGpu: 256e9, coherent: false, source: 'DGX H100 datasheet: 2 TB system memory for 8 GPUs; each H100 SXM on a PCIe Gen5 ×16 link to the host (64 GB/s per direction)' },
    source: 'NVIDIA DGX H100 datasheet: 900 GB/s NVLink 4 per GPU (bidirectional) through NVSwitch, 8 × ConnectX-7 400 Gb/s; Llama 3 paper §3.3.1 (Meta\'s 24K-GPU clusters: 8 GPUs per server, 400 Gbps per GPU RoCE/InfiniBand)',
    sourceDate: '2022',
  },
  {
    id: 'hgx-h200',
    name: 'HGX H200 (8 × H200, NVLink 4, 8 × 400 Gb/s)',
    gpusPerNode: 8,
    scaleUpBytesPerSecond: 450e9,
    scaleOutBytesPerSecondPerGpu: 50e9,
    scaleUpHopSeconds: NVLINK_HOP_SECONDS,
    scaleOutHopSeconds: NETWORK_HOP_SECONDS,
    host: { bytesPerSecond: 64e9, memoryBytesPerGpu: 256e9, coherent: false, source: 'HGX H200 servers: PCIe Gen5 ×16 per GPU to the host (64 GB/s per direction); 2 TB for 8 GPUs, the DGX H100 figure, taken as typical' },
    source: 'NVIDIA H200 product page: NVLink 900 GB/s per GPU (bidirectional); HGX H200 reference design with 8 × 400 Gb/s ConnectX-7',
    sourceDate: '2024',
  },
  {
    id: 'hgx-h800',
    name: 'HGX H800 (8 × H800, NVLink 400 GB/s, 8 × 400 Gb/s)',
    gpusPerNode: 8,
    scaleUpBytesPerSecond: 200e9,
    scaleOutBytesPerSecondPerGpu: 50e9,
    scaleUpHopSeconds: NVLINK_HOP_SECONDS,
    scaleOutHopSeconds: NETWORK_HOP_SECONDS,
    host: { bytesPerSecond: 64e9, memoryBytesPerGpu: 256e9, coherent: false, source: 'HGX H800 servers: PCIe Gen5 ×16 per GPU to the host (64 GB/s per direction); 2 TB for 8 GPUs, the DGX H100 figure, taken as typical' },
    source: 'DeepSeek-V3 technical report §3.2.2 (H800 nodes: NVLink 160 GB/s achievable, InfiniBand 50 GB/s per GPU); H800 NVLink 400 GB/s bidirectional per partner sheets',
    sourceDate: '2024',
  },
  {
    id: 'dgx-b200',
    name: 'DGX/HGX B200 (8 × B200, NVLink 5, 8 × 400 Gb/s)',
    gpusPerNode: 8,
    scaleUpBytesPerSecond: 900e9,
    scaleOutBytesPerSecondPerGpu: 50e9,
    scaleUpHopSeconds: NVLINK_HOP_SECONDS,
    scaleOutHopSeconds: NETWORK_HOP_SECONDS,
    host: { bytesPerSecond: 64e9, memoryBytesPerGpu: 256e9, coherent: false, source: 'DGX B200 datasheet: 2 TB system memory (up to 4 TB) for 8 GPUs; PCIe Gen5 ×16 per GPU to the host (64 GB/s per direction)' },
    source: 'NVIDIA DGX B200 datasheet: 1.8 TB/s NVLink 5 per GPU (bidirectional), 8 × ConnectX-7 400 Gb/s compute fabric',
    sourceDate: '2024',
  },
  {
    id: 'gb200-nvl72',
    name: 'GB200 NVL72 (72-GPU NVLink domain, 400 Gb/s per GPU)',
    gpusPerNode: 72,
    scaleUpBytesPerSecond: 900e9,
    scaleOutBytesPerSecondPerGpu: 50e9,
    scaleUpHopSeconds: NVLINK_HOP_SECONDS,
    scaleOutHopSeconds: NETWORK_HOP_SECONDS,
    host: { bytesPerSecond: 225e9, memoryBytesPerGpu: 240e9, coherent: true, source: 'NVIDIA GB200 superchip: one Grace CPU with 480 GB LPDDR5X joined to two Blackwell GPUs by 900 GB/s (bidirectional) NVLink-C2C: 450 GB/s each way per superchip, taken as split evenly between its two GPUs (225 GB/s per GPU per direction, 240 GB of host memory per GPU); NeMo\'s GB200 recipes offload activations there (Megatron-Bridge `cpu_offloading_num_layers`)' },
    source: 'NVIDIA GB200 NVL72 product page: 72 Blackwell GPUs in one NVLink domain, 1.8 TB/s NVLink 5 per GPU (130 TB/s per rack), ConnectX-7 400 Gb/s per GPU for scale-out',
    sourceDate: '2025',
  },
  {
    id: 'mi300x-8',
    name: 'MI300X platform (8 × MI300X, Infinity Fabric)',
    gpusPerNode: 8,
    scaleUpBytesPerSecond: 448e9,
    scaleOutBytesPerSecondPerGpu: 50e9,
    scaleUpHopSeconds: NVLINK_HOP_SECONDS,
    scaleOutHopSeconds: NETWORK_HOP_SECONDS,
    host: { bytesPerSecond: 64e9, memoryBytesPerGpu: 256e9, coherent: false, source: 'MI300X platforms: PCIe Gen5 ×16 per GPU to the host (64 GB/s per direction); 2 TB for 8 GPUs taken as typical' },
    source: 'AMD Instinct MI300X platform brief: fully connected 8-GPU Infinity Fabric mesh, 7 links × 64 GB/s per direction per GPU; 400 Gb/s NIC per GPU',
    sourceDate: '2023',
    notes: 'A full mesh, not a switch: one ring uses one link per hop; collectives spread over all 7 links reach the aggregate only with many channels. Approximate.',
  },
  {
    id: 'pcie-8',
    name: 'PCIe server (8 GPUs on PCIe, 200 Gb/s per GPU)',
    gpusPerNode: 8,
    scaleUpBytesPerSecond: 32e9,
    scaleOutBytesPerSecondPerGpu: 25e9,
    scaleUpHopSeconds: 5.7e-6,
    scaleOutHopSeconds: NETWORK_HOP_SECONDS,
    host: { bytesPerSecond: 32e9, memoryBytesPerGpu: 128e9, coherent: false, source: 'PCIe Gen4 ×16 per GPU to the host (32 GB/s per direction); 1 TB for 8 GPUs taken as typical' },
    source: 'PCIe Gen4 ×16: 32 GB/s per direction; NCCL tuning.cc PCI hop latency 5.7 µs',
    sourceDate: '2021',
  },
  {
    id: 'tpu-v4-pod',
    name: 'TPU v4 pod (4096 chips, ICI 3D torus)',
    gpusPerNode: 4096,
    scaleUpBytesPerSecond: 150e9,
    scaleOutBytesPerSecondPerGpu: 12.5e9,
    scaleUpHopSeconds: 2e-6,
    scaleOutHopSeconds: NETWORK_HOP_SECONDS,
    source: 'Jouppi et al. 2023, "TPU v4: An Optically Reconfigurable Supercomputer", ISCA (4096-chip pod, 3D torus, six ICI links per chip); Google Cloud TPU v4 docs',
    sourceDate: '2023',
    notes: 'Per-direction ICI bandwidth one collective sees along a torus ring (2 of the 6 links): approximate. Scale-out = data-centre network between pods, an assumption.',
  },
  {
    id: 'tpu-v5p-pod',
    name: 'TPU v5p pod (8960 chips, ICI 3D torus)',
    gpusPerNode: 8960,
    scaleUpBytesPerSecond: 300e9,
    scaleOutBytesPerSecondPerGpu: 12.5e9,
    scaleUpHopSeconds: 2e-6,
    scaleOutHopSeconds: NETWORK_HOP_SECONDS,
    source: 'Google Cloud TPU v5p docs: 4,800 Gbps ICI per chip (600 GB/s, bidirectional), 8960-chip pod, 3D torus',
    sourceDate: '2023',
    notes: 'Scale-out between pods: an assumption.',
  },
] satisfies ClusterPreset[]);

export const CLUSTERS_BY_ID: ReadonlyMap<string, ClusterPreset> = new Map(CLUSTERS.map((cluster) => [cluster.id, cluster]));

/** A matmul shape M × N × K (K the reduction), as a MAMF measurement prints it. */
export type MatmulShape = readonly [number, number, number];

/** Attention kernel throughput (forward + backward, causal) against the keys per query. */
export interface AttentionKernelCurve {
  /** Fraction of the dense 16-bit peak at long sequences. */
  efficiency: number;
  /** Keys at which the kernel reaches half of `efficiency`: efficiency × keys / (keys + halfKeys). */
  halfKeys: number;
  source: string;
}

/**
 * Per-accelerator training defaults, keyed by `HARDWARE` id: the cluster it usually sits in, its
 * Maximum Achievable Matmul FLOPS (MAMF: the best fraction of the dense peak a large matmul reaches,
 * measured, not marketed) and the shape it was measured at, the streaming multiprocessors its
 * GEMM tiles spread over (wave quantisation), and the attention kernel's curve.
 * Source of MAMF and shapes: S. Bekman, "Machine Learning Engineering",
 * compute/accelerator/README.md, "Maximum Achievable Matmul FLOPS comparison table" (stas00/ml-
 * engineering, snapshot 2026-08; mean of 100 iterations, shape M×N×K with K the reduction):
 * BF16 A100 SXM 271.2/312 = 86.9 % at 1024×10240×5120, A100 PCIe 81.1 % at 2048×5120×6144, H100 SXM
 * 794.5/989 = 80.3 % at 2048×2048×13312 ("H200 is the same"), GH200 83.8 %, B200 1745/2250 = 77.6 %
 * at 1792×16128×3072, GB200 1822/2500 = 72.9 % at 4096×9728×2048 (AMD rows kept at the earlier
 * ROCm 6.2 reading, MI300X 60.1 %);
 * FP8 H200 1453.4/1979 = 73.4 % at 1280×4096×12032, B200 3432.5/4500 = 76.3 % at 15360×4096×3072,
 * GB200 3615.6/5000 = 72.3 % at 19456×5120×1536.
 * SM counts: NVIDIA data sheets / architecture whitepapers (V100 80, A100 108, H100 SXM 132,
 * H100 PCIe 114, H200 132, B200 148, GB200 148 per GPU); AMD CDNA 3 white paper (MI300X 304 CUs).
 */
/** GPU generations the planner distinguishes (default training software, fitted Blackwell factor). */
export type AcceleratorGeneration = 'volta' | 'ampere' | 'hopper' | 'blackwell';

export interface AcceleratorTrainingDefaults {
  clusterId: string;
  /** NVIDIA generation, where it matters to the planner (absent: other vendors, TPUs). */
  generation?: AcceleratorGeneration;
  /** MAMF as a fraction of the dense peak, per matmul format. */
  matmulEfficiency: Partial<Record<ComputeFormat, number>>;
  /** The shape each MAMF was measured at (the GEMM model is anchored there: src/core/gemm.ts). */
  mamfShape?: Partial<Record<ComputeFormat, MatmulShape>>;
  /** Streaming multiprocessors / compute units one GEMM spreads its output tiles over. */
  multiprocessors?: number;
  /** FlashAttention-class kernel curve (forward + backward, causal, head dim 128). */
  attention?: AttentionKernelCurve;
  /**
   * A factor on the MAMF for whole training steps (absent = 1). No row sets it: the planner's
   * Blackwell factor is fitted (src/core/planner/calibration.ts `blackwellGemmFraction`).
   */
  trainingDenseFactor?: number;
  /**
   * Tensor-parallel communication can be overlapped with the GEMMs (Transformer Engine
   * userbuffers, Megatron-Core `--tp-comm-overlap`). It relies on CUDA multicast handles over
   * NVSwitch (Hopper and newer) and works only inside one NVLink domain (TransformerEngine issue
   * #1071, 2024: "only possible with single-node tensor-parallelism ... relies on CUDA Multicast
   * handles"); an A100 hang kept parts of it off Ampere (TransformerEngine PR #1311). Absent = false.
   */
  tensorParallelOverlap?: boolean;
  source: string;
}

const FA2_A100: AttentionKernelCurve = {
  efficiency: 0.619,
  halfKeys: 480,
  source:
    'FlashAttention-2 forward + backward on A100 80GB, causal, head dim 128: 99 / 133 / 155 / 173 / 182 / 189 TFLOP/s at 512 … 16K (Dao 2023, arXiv:2307.08691, Figure 4d; assets/flash2_a100_fwd_bwd_benchmark.png): fitted 0.619 × s/(s + 480), rms 0.7 %',
};
const CUDNN_H100: AttentionKernelCurve = {
  efficiency: 0.553,
  halfKeys: 380,
  source:
    'cuDNN fused attention on H100 SXM5, head dim 128 (Transformer Engine\'s backend on Hopper): forward causal 315 / 410 / 484 / 518 / 529 / 539 and backward 305 / 408 / 465 / 499 / 518 / 516 TFLOP/s at 512 … 16K (Shah et al. 2024, FlashAttention-3, arXiv:2407.08608, forward and backward figures); forward + backward (backward 2.5× the FLOPs) 308 … 522: fitted 0.553 × s/(s + 380), rms 1.8 %',
};
/** FA4 on B200 vs FA3 on H200, fwd + bwd at 8K, measured 1.88× (Bekman, "When to upgrade GPUs") against a 2.275× peak ratio. */
const FA4_B200: AttentionKernelCurve = {
  efficiency: 0.553 * (1.88 / (2250 / 989)),
  halfKeys: 380,
  source:
    'cuDNN/FA3 curve of H100 scaled by the measured FA4 (B200) / FA3 (H200) forward + backward ratio at 8K, 1.88×, over the 2250/989 peak ratio (Bekman, ml-engineering, insights/when-to-upgrade-gpus, bench_flash_attn.py)',
};

const AMPERE = { generation: 'ampere' as const, multiprocessors: 108, attention: FA2_A100 };
const HOPPER = { generation: 'hopper' as const, multiprocessors: 132, attention: CUDNN_H100 };
const BLACKWELL = { generation: 'blackwell' as const, multiprocessors: 148, attention: FA4_B200 };

const MAMF_SOURCE = 'Bekman, ml-engineering, MAMF comparison table (measured with mamf-finder.py)';

/**
 * Where a format has no measurement, FP8 is taken as BF16 × 0.916 (the H200 ratio 73.4/80.1),
 * FP16 as BF16, and an accelerator missing from this table uses `DEFAULT_MATMUL_EFFICIENCY`.
 */
export const FP8_TO_BF16_MAMF_RATIO = 0.734 / 0.801;
export const DEFAULT_MATMUL_EFFICIENCY = 0.75;

const A100_SHAPE: MatmulShape = [1024, 10240, 5120];
const H100_BF16_SHAPE: MatmulShape = [2048, 2048, 13312];
const H200_FP8_SHAPE: MatmulShape = [1280, 4096, 12032];

export const ACCELERATOR_TRAINING_DEFAULTS: Readonly<Record<string, AcceleratorTrainingDefaults>> = Object.freeze({
  'v100-sxm2-32gb': { generation: 'volta', clusterId: 'pcie-8', matmulEfficiency: { fp16: 0.8 }, multiprocessors: 80, source: 'assumed (no MAMF published); DGX-1 NVLink 2 hybrid cube mesh approximated by the PCIe row' },
  'a100-sxm-40gb': { ...AMPERE, clusterId: 'dgx-a100', matmulEfficiency: { bf16: 0.869, fp16: 0.869 }, mamfShape: { bf16: A100_SHAPE, fp16: A100_SHAPE }, source: MAMF_SOURCE },
  'a100-sxm-80gb': { ...AMPERE, clusterId: 'dgx-a100', matmulEfficiency: { bf16: 0.869, fp16: 0.869 }, mamfShape: { bf16: A100_SHAPE, fp16: A100_SHAPE }, source: MAMF_SOURCE },
  'a100-pcie-40gb': { ...AMPERE, clusterId: 'pcie-8', matmulEfficiency: { bf16: 0.811, fp16: 0.811 }, mamfShape: { bf16: [2048, 5120, 6144], fp16: [2048, 5120, 6144] }, source: MAMF_SOURCE },
  'a100-pcie-80gb': { ...AMPERE, clusterId: 'pcie-8', matmulEfficiency: { bf16: 0.811, fp16: 0.811 }, mamfShape: { bf16: [2048, 5120, 6144], fp16: [2048, 5120, 6144] }, source: MAMF_SOURCE },
  'h100-sxm': { ...HOPPER, tensorParallelOverlap: true, clusterId: 'dgx-h100', matmulEfficiency: { bf16: 0.803, fp16: 0.803, fp8: 0.709 }, mamfShape: { bf16: H100_BF16_SHAPE, fp16: H100_BF16_SHAPE, fp8: [1024, 9216, 14336] }, source: `${MAMF_SOURCE} (FP8: H100 SXM 1402.6/1979 = 70.9 % at 1024×9216×14336)` },
  'h100-pcie': { ...HOPPER, multiprocessors: 114, clusterId: 'pcie-8', matmulEfficiency: { bf16: 0.803, fp16: 0.803, fp8: 0.734 }, mamfShape: { bf16: H100_BF16_SHAPE, fp16: H100_BF16_SHAPE, fp8: H200_FP8_SHAPE }, source: `${MAMF_SOURCE} (SXM value; PCIe not measured; 114 SMs)` },
  'h100-nvl': { ...HOPPER, clusterId: 'pcie-8', matmulEfficiency: { bf16: 0.803, fp16: 0.803, fp8: 0.734 }, mamfShape: { bf16: H100_BF16_SHAPE, fp16: H100_BF16_SHAPE, fp8: H200_FP8_SHAPE }, source: `${MAMF_SOURCE} (SXM value; NVL not measured)` },
  // H200 and H800 are the GH100 die at H100 SXM clocks: one matmul rate for the die. Bekman's H200 FP8 row
  // (1453.4 TFLOP/s at a shape that tiles worse) implies 0.91 of peak on a well-tiled GEMM, above the
  // die's BF16 0.83; the H100 SXM FP8 row (70.9 % at 1024×9216×14336) is used for all three.
  'h200-sxm': { ...HOPPER, tensorParallelOverlap: true, clusterId: 'hgx-h200', matmulEfficiency: { bf16: 0.803, fp16: 0.803, fp8: 0.709 }, mamfShape: { bf16: H100_BF16_SHAPE, fp16: H100_BF16_SHAPE, fp8: [1024, 9216, 14336] }, source: `${MAMF_SOURCE} (H100 SXM rows: same die and clocks)` },
  'h800-sxm': { ...HOPPER, tensorParallelOverlap: true, clusterId: 'hgx-h800', matmulEfficiency: { bf16: 0.803, fp16: 0.803, fp8: 0.709 }, mamfShape: { bf16: H100_BF16_SHAPE, fp16: H100_BF16_SHAPE, fp8: [1024, 9216, 14336] }, source: `${MAMF_SOURCE} (H100 SXM rows: same die and clocks)` },
  b200: { ...BLACKWELL, tensorParallelOverlap: true, clusterId: 'dgx-b200', matmulEfficiency: { bf16: 0.776, fp16: 0.776, fp8: 0.763 }, mamfShape: { bf16: [1792, 16128, 3072], fp16: [1792, 16128, 3072], fp8: [15360, 4096, 3072] }, source: MAMF_SOURCE },
  gb200: { ...BLACKWELL, tensorParallelOverlap: true, clusterId: 'gb200-nvl72', matmulEfficiency: { bf16: 0.729, fp16: 0.729, fp8: 0.723 }, mamfShape: { bf16: [4096, 9728, 2048], fp16: [4096, 9728, 2048], fp8: [19456, 5120, 1536] }, source: `${MAMF_SOURCE} (GB200 rows, torch 2.10 dev / CUDA 13)` },
  mi250x: { clusterId: 'mi300x-8', matmulEfficiency: { bf16: 0.767, fp16: 0.767 }, source: MAMF_SOURCE },
  mi300x: { clusterId: 'mi300x-8', matmulEfficiency: { bf16: 0.601, fp16: 0.601 }, source: `${MAMF_SOURCE} (ROCm 6.2 reading; no tile geometry: large-GEMM rate at every shape)` },
  mi325x: { clusterId: 'mi300x-8', matmulEfficiency: { bf16: 0.601, fp16: 0.601 }, source: `${MAMF_SOURCE} (MI300X value)` },
  'tpu-v4': { clusterId: 'tpu-v4-pod', matmulEfficiency: { bf16: 0.85 }, source: 'assumed: no MAMF published for TPUs; PaLM reached 57.8 % HFU end to end on TPU v4 (Chowdhery et al. 2022 Table 3), so the MXU matmul rate is well above that. No tile geometry: large-GEMM rate at every shape' },
  'tpu-v5p': { clusterId: 'tpu-v5p-pod', matmulEfficiency: { bf16: 0.85 }, source: 'assumed, as TPU v4' },
} satisfies Record<string, AcceleratorTrainingDefaults>);
