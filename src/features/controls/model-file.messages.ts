import { defineMessages } from '../../i18n/i18n';

/** Words of the model-file drop (kept apart from `messages.ts`, which other controls share). */
export const MODEL_FILE_MESSAGES = defineMessages({
  en: {
    dropTitle: 'Open a model file (.gguf, .safetensors) or a config.json',
    privacy: "Read in your browser from the file's header; nothing is uploaded.",
    dropModelHere: 'Drop a `.gguf`, `.safetensors`, `model.safetensors.index.json` or `config.json` here, or',
    chooseModelFile: 'Choose a file…',
    reading: 'Reading the header of {name}…',
    opened: 'Opened {name}: {total} parameters, {bytes} of weights ({bits} bits/weight), read in {ms} ms.',
    seeTable: 'See what the file holds ↓',
    failed: 'Could not read {name}: {message}. The previous model is kept.',
    noArchitecture: 'This file carries no architecture (a safetensors header lists tensors only): the shape rule stands in for the KV cache and speed. Add the model’s config.json here to read it exactly.',
    configAdded: 'Added {name}’s architecture from the config.json: it counts exactly the file’s {total} parameters.',
    configAddedMismatch: 'Added the config.json: it counts {config} parameters, the file holds {total} ({difference}). The estimate uses the config’s architecture and the file’s bytes.',
    fileModel: 'Model file',
    fileSub: '{format} · {bytes} · {bits} bits/weight',
    fileApproximate: 'Approximate: the architecture read from the file does not count exactly the parameters its tensors hold (the reader’s note below says by how much). Weights still use the file’s exact bytes.',
    exactFile: 'Exact: the architecture read from the file counts every one of its tensors.',
    asInFile: 'As in the file ({bits} bits/weight)',
    // The model picker and summary (how a model's architecture is read).
    readExact: 'exact',
    readApproximate: 'approximate',
    readExactTitle: 'Read exactly: the parameter count is the one its modelling code builds from this config.',
  },
  zh: {
    dropTitle: '打开模型文件（.gguf、.safetensors）或 config.json',
    privacy: '在你的浏览器里只读取文件头；不会上传任何内容。',
    dropModelHere: '把 `.gguf`、`.safetensors`、`model.safetensors.index.json` 或 `config.json` 拖到这里，或',
    chooseModelFile: '选择文件…',
    reading: '正在读取 {name} 的文件头…',
    opened: '已打开 {name}：{total} 个参数，权重 {bytes}（每个权重 {bits} 位），读取用时 {ms} 毫秒。',
    seeTable: '查看文件内容 ↓',
    failed: '无法读取 {name}：{message}。已保留之前的模型。',
    noArchitecture: '此文件不含架构信息（safetensors 文件头只列出张量）：KV 缓存和速度暂按形状规则估算。把该模型的 config.json 拖到这里即可精确读取。',
    configAdded: '已从 config.json 读取 {name} 的架构：其参数量与文件中的 {total} 个参数完全一致。',
    configAddedMismatch: '已加入 config.json：它计得 {config} 个参数，文件中为 {total}（{difference}）。估算使用该配置的架构和文件的实际字节数。',
    fileModel: '模型文件',
    fileSub: '{format} · {bytes} · 每个权重 {bits} 位',
    fileApproximate: '近似：从文件读出的架构与其张量中的参数量不完全一致（差多少见下方读取说明）。权重仍按文件的实际字节数计算。',
    exactFile: '精确：从文件读出的架构与文件中的每个张量一一对应。',
    asInFile: '与文件一致（每个权重 {bits} 位）',
    readExact: '精确',
    readApproximate: '近似',
    readExactTitle: '精确读取：参数量与其建模代码按此配置构建的一致。',
  },
});

export type ModelFileMessages = (typeof MODEL_FILE_MESSAGES)['en'];
