/**
 * The model drop zone with real (tiny) model files built by the test writers: a GGUF becomes the
 * scenario's model with its exact bytes; a hostile file says why and leaves the scenario alone; a
 * safetensors file without config asks for one, and the config.json given next becomes its
 * architecture. Expected counts are computed here from the tensors' shapes, independently of the
 * reader.
 */
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ControlsPanel } from '../../src/features/controls';
import { ModelFileSection } from '../../src/features/model-file/model-file-section';
import { createScenarioStore } from '../../src/store/scenario-store';
import { ScenarioStoreProvider } from '../../src/store/store-context';
import { ViewSettingsProvider, type ViewSettings } from '../../src/i18n/view-settings';
import { buildGguf, GGML, type KvValue, type TensorSpec } from '../fixtures/gguf-writer';
import { buildSafetensors, type SafetensorSpec } from '../fixtures/safetensors-writer';

vi.setConfig({ testTimeout: 30_000 });

const HIDDEN = 256;
const FFN = 512;
const KV_WIDTH = 128;
const VOCAB = 1024;
const LAYERS = 2;

/** A two-layer Llama: Q4_K matrices, Q6_K output, F32 norms (llama-quantize's Q4_K_M layout in miniature). */
function tinyTensors(): TensorSpec[] {
  const tensors: TensorSpec[] = [
    { name: 'token_embd.weight', shape: [HIDDEN, VOCAB], type: GGML.Q4_K },
    { name: 'output.weight', shape: [HIDDEN, VOCAB], type: GGML.Q6_K },
    { name: 'output_norm.weight', shape: [HIDDEN], type: GGML.F32 },
  ];
  for (let layer = 0; layer < LAYERS; layer += 1) {
    const prefix = `blk.${layer}.`;
    tensors.push(
      { name: `${prefix}attn_norm.weight`, shape: [HIDDEN], type: GGML.F32 },
      { name: `${prefix}attn_q.weight`, shape: [HIDDEN, HIDDEN], type: GGML.Q4_K },
      { name: `${prefix}attn_k.weight`, shape: [HIDDEN, KV_WIDTH], type: GGML.Q4_K },
      { name: `${prefix}attn_v.weight`, shape: [HIDDEN, KV_WIDTH], type: GGML.Q6_K },
      { name: `${prefix}attn_output.weight`, shape: [HIDDEN, HIDDEN], type: GGML.Q4_K },
      { name: `${prefix}ffn_norm.weight`, shape: [HIDDEN], type: GGML.F32 },
      { name: `${prefix}ffn_gate.weight`, shape: [HIDDEN, FFN], type: GGML.Q4_K },
      { name: `${prefix}ffn_up.weight`, shape: [HIDDEN, FFN], type: GGML.Q4_K },
      { name: `${prefix}ffn_down.weight`, shape: [FFN, HIDDEN], type: GGML.Q6_K },
    );
  }
  return tensors;
}

const TINY_METADATA: [string, KvValue][] = [
  ['general.architecture', { type: 'string', value: 'llama' }],
  ['llama.block_count', { type: 'uint32', value: LAYERS }],
  ['llama.context_length', { type: 'uint32', value: 2048 }],
  ['llama.embedding_length', { type: 'uint32', value: HIDDEN }],
  ['llama.feed_forward_length', { type: 'uint32', value: FFN }],
  ['llama.attention.head_count', { type: 'uint32', value: 4 }],
  ['llama.attention.head_count_kv', { type: 'uint32', value: 2 }],
  ['llama.rope.dimension_count', { type: 'uint32', value: 64 }],
  ['llama.attention.layer_norm_rms_epsilon', { type: 'float32', value: 1e-5 }],
  ['llama.vocab_size', { type: 'uint32', value: VOCAB }],
];

/** Parameters of the tiny model, from its shapes: embeddings and head, per layer q, k, v, o, three MLP matrices, two norms, and the final norm. */
const TINY_PARAMETERS = 2 * HIDDEN * VOCAB + LAYERS * (2 * HIDDEN * HIDDEN + 2 * HIDDEN * KV_WIDTH + 3 * HIDDEN * FFN + 2 * HIDDEN) + HIDDEN;
/** Bytes from ggml's block sizes: Q4_K 144 bytes per 256 weights, Q6_K 210 per 256, F32 4 per weight. */
const TINY_BYTES =
  (HIDDEN * VOCAB * 144) / 256 +
  (HIDDEN * VOCAB * 210) / 256 +
  4 * HIDDEN +
  LAYERS * (((2 * HIDDEN * HIDDEN + HIDDEN * KV_WIDTH + 2 * HIDDEN * FFN) * 144) / 256 + ((HIDDEN * KV_WIDTH + FFN * HIDDEN) * 210) / 256 + 4 * 2 * HIDDEN);

/** The header's bytes as a plain ArrayBuffer-backed array (what File accepts). */
function bytes(view: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(view);
}

function ggufFile(name: string): File {
  const built = buildGguf({ kv: TINY_METADATA, tensors: tinyTensors() });
  return new File([bytes(built.header), new Uint8Array(built.fileSize - built.header.length)], name);
}

function renderPanel() {
  const store = createScenarioStore();
  const view: ViewSettings = { lang: 'en', units: 'si', setLang: () => undefined, setUnits: () => undefined };
  const user = userEvent.setup({ delay: null });
  render(
    <ScenarioStoreProvider store={store}>
      <ViewSettingsProvider value={view}>
        <ControlsPanel />
      </ViewSettingsProvider>
    </ScenarioStoreProvider>,
  );
  return { store, user };
}

async function choose(user: ReturnType<typeof userEvent.setup>, file: File) {
  await user.upload(screen.getByTestId('config-file'), file);
}

describe('the model drop zone', () => {
  it('says nothing is uploaded, and a GGUF becomes the model with its exact bytes', async () => {
    const { store, user } = renderPanel();
    await user.click(screen.getByText('Open a model file (.gguf, .safetensors) or a config.json'));
    expect(screen.getByTestId('privacy-note').textContent).toBe("Read in your browser from the file's header; nothing is uploaded.");
    await choose(user, ggufFile('tiny-llama-Q4_K_M.gguf'));
    await waitFor(() => expect(store.getState().scenario.model).toBe('file'));
    const summary = store.getState().scenario.modelFile;
    expect(summary?.parameterCount).toBe(TINY_PARAMETERS);
    expect(summary?.weightBytes).toBe(TINY_BYTES);
    // Q4_K: token_embd + q, k, o, gate, up per layer; Q6_K: output + v, down per layer; F32: the norms.
    expect(Object.fromEntries(summary?.byType.map((row) => [row.key, row.tensors]) ?? [])).toEqual({ Q4_K: 1 + 5 * LAYERS, Q6_K: 1 + 2 * LAYERS, F32: 1 + 2 * LAYERS });
    expect(screen.getByTestId('import-message').textContent).toMatch(/^Opened tiny-llama-Q4_K_M\.gguf/);
    await waitFor(() => expect(screen.getByTestId('model-name').textContent).toBe('tiny-llama-Q4_K_M.gguf'));
    // The weight precision says it follows the file, and the user can switch back.
    const weights = within(screen.getByTestId('precision-weightPrecision')).getByRole('combobox') as HTMLSelectElement;
    const bits = (TINY_BYTES * 8) / TINY_PARAMETERS;
    expect(weights.selectedOptions[0]?.textContent).toBe(`As in the file (${bits.toFixed(2)} bits/weight)`);
    await user.selectOptions(weights, 'bf16');
    expect(store.getState().scenario.fileWeights).toBe(false);
    expect(store.getState().scenario.weightPrecision).toBe('bf16');
    await user.selectOptions(weights, 'file');
    expect(store.getState().scenario.fileWeights).toBe(true);
  });

  it('a PNG renamed .gguf, an empty file and a cut header each give a sentence and leave the model', async () => {
    const { store, user } = renderPanel();
    await user.click(screen.getByText('Open a model file (.gguf, .safetensors) or a config.json'));
    await choose(user, ggufFile('good.gguf'));
    await waitFor(() => expect(store.getState().scenario.model).toBe('file'));
    const before = store.getState().scenario;
    const built = buildGguf({ kv: TINY_METADATA, tensors: tinyTensors() });
    const hostile = [
      new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])], 'photo.gguf'),
      new File([], 'empty.gguf'),
      new File([bytes(built.header.slice(0, 100))], 'cut.gguf'),
      new File([bytes(built.header)], 'no-data.gguf'),
    ];
    for (const file of hostile) {
      await choose(user, file);
      await waitFor(() => expect(screen.getByTestId('import-message').textContent).toMatch(new RegExp(`^Could not read ${file.name.replace('.', '\\.')}: .{10,}`)));
      expect(screen.getByTestId('import-message').getAttribute('role')).toBe('alert');
      expect(store.getState().scenario).toBe(before);
    }
  });

  it('a safetensors file without config asks for its config.json, which then becomes its architecture', async () => {
    const { store, user } = renderPanel();
    await user.click(screen.getByText('Open a model file (.gguf, .safetensors) or a config.json'));
    const tensors: SafetensorSpec[] = [
      { name: 'model.embed_tokens.weight', dtype: 'BF16', shape: [VOCAB, HIDDEN] },
      { name: 'lm_head.weight', dtype: 'BF16', shape: [VOCAB, HIDDEN] },
      { name: 'model.norm.weight', dtype: 'BF16', shape: [HIDDEN] },
    ];
    for (let layer = 0; layer < LAYERS; layer += 1) {
      const prefix = `model.layers.${layer}.`;
      tensors.push(
        { name: `${prefix}input_layernorm.weight`, dtype: 'BF16', shape: [HIDDEN] },
        { name: `${prefix}post_attention_layernorm.weight`, dtype: 'BF16', shape: [HIDDEN] },
        { name: `${prefix}self_attn.q_proj.weight`, dtype: 'BF16', shape: [HIDDEN, HIDDEN] },
        { name: `${prefix}self_attn.k_proj.weight`, dtype: 'BF16', shape: [KV_WIDTH, HIDDEN] },
        { name: `${prefix}self_attn.v_proj.weight`, dtype: 'BF16', shape: [KV_WIDTH, HIDDEN] },
        { name: `${prefix}self_attn.o_proj.weight`, dtype: 'BF16', shape: [HIDDEN, HIDDEN] },
        { name: `${prefix}mlp.gate_proj.weight`, dtype: 'BF16', shape: [FFN, HIDDEN] },
        { name: `${prefix}mlp.up_proj.weight`, dtype: 'BF16', shape: [FFN, HIDDEN] },
        { name: `${prefix}mlp.down_proj.weight`, dtype: 'BF16', shape: [HIDDEN, FFN] },
      );
    }
    const built = buildSafetensors(tensors);
    await choose(user, new File([bytes(built.header), new Uint8Array(built.dataBytes)], 'model.safetensors'));
    await waitFor(() => expect(store.getState().scenario.model).toBe('file'));
    expect(store.getState().scenario.modelFile?.config).toBeNull();
    expect(store.getState().scenario.modelFile?.parameterCount).toBe(TINY_PARAMETERS);
    expect(screen.getByTestId('needs-config').textContent).toMatch(/Add the model’s config.json here/);
    const config = {
      model_type: 'llama',
      hidden_size: HIDDEN,
      intermediate_size: FFN,
      num_hidden_layers: LAYERS,
      num_attention_heads: 4,
      num_key_value_heads: 2,
      vocab_size: VOCAB,
      tie_word_embeddings: false,
      max_position_embeddings: 2048,
    };
    await user.click(screen.getByTestId('config-text'));
    await user.paste(JSON.stringify(config));
    await user.click(screen.getByTestId('config-import-button'));
    const scenario = store.getState().scenario;
    expect(scenario.model).toBe('file');
    expect(scenario.modelFile?.config).toMatchObject({ hidden_size: HIDDEN, num_key_value_heads: 2 });
    expect(scenario.modelFile?.note).toBeNull();
    expect(screen.getByTestId('import-message').textContent).toMatch(/counts exactly the file’s/);
    await waitFor(() => expect(screen.getByTestId('note-exact')).toBeTruthy());
  });
});

describe('imports say what they are', () => {
  it('an exactly read preset is marked exact, in the picker and in the summary', async () => {
    const { user } = renderPanel();
    expect(screen.getByTestId('model-exact').textContent).toBe('exact');
    await user.click(screen.getByTestId('model-search'));
    await user.type(screen.getByTestId('model-search'), 'llama 3.1 70b');
    const option = screen.getByTestId('model-list').querySelector('[data-model-id="llama-3.1-70b"]');
    expect(option?.querySelector('[data-reading]')?.getAttribute('data-reading')).toBe('exact');
  });

  it('an unknown model_type is approximate, with the reason in words; model_type only in small print', async () => {
    const { store, user } = renderPanel();
    await user.click(screen.getByText('Open a model file (.gguf, .safetensors) or a config.json'));
    const config = { model_type: 'my_new_decoder', hidden_size: 512, intermediate_size: 1024, num_hidden_layers: 2, num_attention_heads: 8, vocab_size: 1000 };
    await user.click(screen.getByTestId('config-text'));
    await user.paste(JSON.stringify(config));
    await user.click(screen.getByTestId('config-import-button'));
    expect(store.getState().scenario.model).toBe('custom');
    await waitFor(() => expect(screen.getByTestId('note-approximate').textContent).toMatch(/^Approximate: /));
    // The reason names the config field in words; never the reader's family name "generic".
    expect(screen.getByTestId('note-approximate').textContent).toMatch(/read as a Llama-style decoder/);
    expect(screen.getByTestId('note-approximate').textContent).not.toMatch(/generic|model_type: /);
    expect(screen.queryByTestId('model-exact')).toBeNull();
    expect(screen.getByTestId('model-small-print').textContent).toBe('model_type: generic');
  });
});

describe('the model-file section without a file', () => {
  it('says once that no file is open (the two tables stay out until one is)', () => {
    const view: ViewSettings = { lang: 'en', units: 'si', setLang: () => undefined, setUnits: () => undefined };
    const { container } = render(
      <ScenarioStoreProvider store={createScenarioStore()}>
        <ViewSettingsProvider value={view}>
          <ModelFileSection />
        </ViewSettingsProvider>
      </ScenarioStoreProvider>,
    );
    expect(screen.getByTestId('model-file-empty')).toBeTruthy();
    expect(container.textContent?.split('No model file is open').length).toBe(2);
  });
});
