/**
 * Vision encoders that multimodal checkpoints carry beside the language model, counted exactly
 * so that `total` is the checkpoint's parameter count.
 */
import { ConfigError } from '../errors';
import { checkCount, countOrDefault, flag, type ConfigObject } from './config';

/** Integer division that a vision config must satisfy (image_size by patch_size). */
function patchesPerSide(config: ConfigObject, imageDefault: number, patchDefault: number): { patches: number; patch: number } {
  const image = countOrDefault(config, ['image_size'], imageDefault);
  const patch = countOrDefault(config, ['patch_size'], patchDefault);
  if (patch > image) throw new ConfigError(`patch_size (${patch}) must not exceed image_size (${image})`, 'patch_size');
  return { patches: Math.floor(image / patch), patch };
}

/**
 * SigLIP's vision tower (`SiglipVisionModel`, transformers `modeling_siglip.py`) with the
 * defaults of SiglipVisionConfig (hidden 768, intermediate 3072, 12 layers, 3 channels,
 * image 224, patch 16):
 *   patch embedding Conv2d(channels, h, patch, patch) with bias: channels·patch²·h + h;
 *   position embedding (image // patch)² × h;
 *   per layer: q, k, v, out Linear(h, h) with bias 4(h² + h), two LayerNorms 4h,
 *   fc1 h·i + i, fc2 i·h + h; post_layernorm 2h;
 *   with `vision_use_head` (default true) the attention-pooling head: probe h, in_proj 3h² + 3h,
 *   out_proj h² + h, LayerNorm 2h, MLP h·i + i + i·h + h.
 * Returns the parameters and the width (hidden_size) a projector reads.
 */
export function siglipVisionParams(config: ConfigObject): { params: number; width: number } {
  const hidden = countOrDefault(config, ['hidden_size'], 768);
  const intermediate = countOrDefault(config, ['intermediate_size'], 3072);
  const layers = countOrDefault(config, ['num_hidden_layers'], 12);
  const heads = countOrDefault(config, ['num_attention_heads'], 12);
  const channels = countOrDefault(config, ['num_channels'], 3);
  checkCount('num_attention_heads', heads, 1);
  const { patches, patch } = patchesPerSide(config, 224, 16);
  const mlp = hidden * intermediate + intermediate + intermediate * hidden + hidden;
  const layer = 4 * (hidden * hidden + hidden) + 4 * hidden + mlp;
  const embeddings = channels * patch * patch * hidden + hidden + patches * patches * hidden;
  const head = flag(config, ['vision_use_head'], true) ? hidden + 3 * hidden * hidden + 3 * hidden + hidden * hidden + hidden + 2 * hidden + mlp : 0;
  return { params: embeddings + layers * layer + 2 * hidden + head, width: hidden };
}

/**
 * Llama 4's vision tower (`Llama4VisionModel`, transformers `modeling_llama4.py`) with the
 * defaults of Llama4VisionConfig (hidden 768, intermediate 5632, 34 layers, 3 channels,
 * image 448, patch 14, pixel_shuffle_ratio 0.5, projector_input_dim 4096, projector_output_dim
 * 4096, vision_output_dim 7680):
 *   patch embedding Linear(channels·patch², h) without bias (Llama4UnfoldConvolution);
 *   class embedding h; positional embedding ((image // patch)² + 1) × h;
 *   layernorm_pre and layernorm_post LayerNorms 2h each;
 *   per layer: q, k, v, o Linear(h, h) with bias 4(h² + h), fc1 h·i + i, fc2 i·h + h, two LayerNorms 4h;
 *   pixel-shuffle adapter MLP without biases: fc1 intermediate × projector_input_dim,
 *   fc2 projector_output_dim × projector_output_dim.
 * The projector into the language model (Llama4MultiModalProjector) is Linear(vision_output_dim,
 * text hidden), with a bias only when multi_modal_projector_bias: width vision_output_dim.
 */
export function llama4VisionParams(config: ConfigObject): { params: number; width: number; projectorBias: boolean } {
  const hidden = countOrDefault(config, ['hidden_size'], 768);
  const intermediate = countOrDefault(config, ['intermediate_size'], 5632);
  const layers = countOrDefault(config, ['num_hidden_layers'], 34);
  const channels = countOrDefault(config, ['num_channels'], 3);
  const { patches, patch } = patchesPerSide(config, 448, 14);
  const projectorInput = countOrDefault(config, ['projector_input_dim'], 4096);
  const projectorOutput = countOrDefault(config, ['projector_output_dim'], 4096);
  const outputWidth = countOrDefault(config, ['vision_output_dim'], 7680);
  const layer = 4 * (hidden * hidden + hidden) + hidden * intermediate + intermediate + intermediate * hidden + hidden + 4 * hidden;
  const embeddings = channels * patch * patch * hidden + hidden + (patches * patches + 1) * hidden;
  const adapter = intermediate * projectorInput + projectorOutput * projectorOutput;
  return {
    params: embeddings + 4 * hidden + layers * layer + adapter,
    width: outputWidth,
    projectorBias: flag(config, ['multi_modal_projector_bias'], false),
  };
}
