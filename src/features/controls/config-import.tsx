import { memo, useId, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import { fill } from '../../i18n/i18n';
import { formatBytes, formatCount, formatNumber } from '../../i18n/format';
import { formatInteger } from './controls-format';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { useScenarioState, useScenarioStore } from '../../store/store-context';
import type { ScenarioState } from '../../store/scenario-store';
import { CONTROLS_MESSAGES, type ControlsMessages } from './messages';
import { MAX_CONFIG_BYTES, approximationText, readConfigText, type ImportError } from './config-import.data';
import { addConfigToModelFile, isModelFileName, openModelFile } from './model-file.data';
import { MODEL_FILE_MESSAGES, type ModelFileMessages } from './model-file.messages';
import type { Lang } from '../../i18n/i18n';
import type { UnitSystem } from '../../i18n/format';
import { withCode } from '../../view/with-code';

type Outcome =
  | { kind: 'ok'; name: string; total: number; reasons: ResolvedReasons }
  | { kind: 'error'; error: ImportError | { kind: 'read' } }
  | { kind: 'reading'; name: string }
  | { kind: 'file-ok'; name: string; total: number; bytes: number; bits: number; milliseconds: number; needsConfig: boolean }
  | { kind: 'file-error'; name: string; message: string }
  | { kind: 'config-added'; name: string; matches: boolean; configParameters: number; total: number; relativeDifference: number };
type ResolvedReasons = Parameters<typeof approximationText>[0];

function errorText(error: ImportError | { kind: 'read' }, m: ControlsMessages, lang: Lang, units: UnitSystem): string {
  switch (error.kind) {
    case 'empty':
      return m.importEmpty;
    case 'read':
      return m.importReadError;
    case 'too-large':
      return fill(m.importTooLarge, { size: formatBytes(error.bytes, lang, units), limit: formatBytes(MAX_CONFIG_BYTES, lang, units) });
    case 'syntax':
      return error.line !== null && error.column !== null
        ? fill(m.importSyntaxAt, { line: error.line, column: error.column, detail: error.detail })
        : fill(m.importSyntax, { detail: error.detail });
    case 'not-object':
      return fill(m.importNotObject, { what: error.what === 'array' ? m.whatArray : m.whatValue });
    case 'config':
      return error.field ? fill(m.importField, { field: error.field, message: error.message }) : fill(m.importOther, { message: error.message });
  }
}

const selectUseConfig = (state: ScenarioState) => state.useConfig;
const selectUseModelFile = (state: ScenarioState) => state.useModelFile;

/**
 * One drop zone for the model: a model file (`.gguf`, `.safetensors`, `model.safetensors.index.json`,
 * read from its header by the core, nothing uploaded) or a config.json (pasted, dropped or chosen).
 * JSON syntax and the core's checks come first; only a model the core can read reaches the store
 * (a broken or hostile file leaves the scenario untouched and says why). A config.json given while
 * a file without architecture is open (safetensors) becomes that file's architecture.
 * Messages are plain text — a config or file name is data, never markup.
 */
export const ConfigImport = memo(function ConfigImport() {
  const m = useMessages(CONTROLS_MESSAGES);
  const f = useMessages(MODEL_FILE_MESSAGES);
  const { lang, units } = useViewSettings();
  const store = useScenarioStore();
  const applyConfig = useScenarioState(selectUseConfig);
  const applyModelFile = useScenarioState(selectUseModelFile);
  const request = useRef(0);
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [dragging, setDragging] = useState(false);
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const textId = useId();
  const fileId = useId();

  const run = (source: string) => {
    request.current += 1;
    const result = readConfigText(source);
    const scenario = store.getState().scenario;
    if (result.ok && scenario.model === 'file' && scenario.modelFile !== null && scenario.modelFile.config === null) {
      const added = addConfigToModelFile(scenario.modelFile, result.config);
      if (added.ok) {
        applyModelFile(added.summary, scenario.weightPrecision);
        setOutcome({
          kind: 'config-added',
          name: added.summary.name,
          matches: added.matches,
          configParameters: added.configParameters,
          total: added.summary.parameterCount,
          relativeDifference: added.relativeDifference,
        });
      } else {
        setOutcome({ kind: 'error', error: { kind: 'config', field: null, message: added.message } });
      }
      return;
    }
    if (result.ok) {
      applyConfig(result.config);
      setOutcome({ kind: 'ok', name: result.name, total: result.model.counts.total, reasons: result.model.arch.approximateReasons });
    } else {
      setOutcome({ kind: 'error', error: result.error });
    }
  };
  const readModel = async (file: File) => {
    const id = ++request.current;
    setOutcome({ kind: 'reading', name: file.name });
    const opened = await openModelFile(file, file.name);
    if (id !== request.current) return;
    if (!opened.ok) {
      setOutcome({ kind: 'file-error', name: file.name, message: opened.message });
      return;
    }
    applyModelFile(opened.summary, opened.precision);
    setOutcome({
      kind: 'file-ok',
      name: file.name,
      total: opened.file.parameterCount,
      bytes: opened.file.weightBytes,
      bits: opened.file.bitsPerWeight,
      milliseconds: opened.milliseconds,
      needsConfig: opened.summary.config === null,
    });
  };
  const readFile = async (file: File) => {
    if (isModelFileName(file.name)) {
      await readModel(file);
      return;
    }
    if (file.size > MAX_CONFIG_BYTES) {
      setOutcome({ kind: 'error', error: { kind: 'too-large', bytes: file.size } });
      return;
    }
    let content: string;
    try {
      content = await file.text();
    } catch {
      setOutcome({ kind: 'error', error: { kind: 'read' } });
      return;
    }
    setText(content);
    run(content);
  };
  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) {
      void readFile(file);
      return;
    }
    const dropped = event.dataTransfer.getData('text/plain');
    if (dropped) {
      setText(dropped);
      run(dropped);
    }
  };
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) void readFile(file);
  };

  return (
    <details
      ref={detailsRef}
      className={dragging ? 'controls-details drop-zone is-dragging' : 'controls-details drop-zone'}
      onDragOver={(event) => {
        event.preventDefault();
        if (detailsRef.current && !detailsRef.current.open) detailsRef.current.open = true;
        if (!dragging) setDragging(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
      data-testid="config-import"
    >
      <summary>{f.dropTitle}</summary>
      <div className="controls-details__body" data-testid="drop-zone">
        <p className="controls-note" data-testid="privacy-note">
          {f.privacy}
        </p>
        <label htmlFor={textId} className="controls-label">
          {m.importLabel}
        </label>
        <textarea
          id={textId}
          className="config-import__text"
          rows={5}
          spellCheck={false}
          placeholder={'{ "model_type": "llama", "hidden_size": 4096, … }'}
          value={text}
          onChange={(event) => setText(event.target.value)}
          data-testid="config-text"
        />
        <div className="config-import__actions">
          <button type="button" onClick={() => run(text)} data-testid="config-import-button">
            {m.importButton}
          </button>
          <span className="config-import__drop">{dragging ? m.dropActive : withCode(f.dropModelHere)}</span>
          <span className="file-button">
            <input
              id={fileId}
              type="file"
              accept=".gguf,.safetensors,.json,application/json,text/plain"
              onChange={onFile}
              data-testid="config-file"
            />
            <label htmlFor={fileId}>{f.chooseModelFile}</label>
          </span>
        </div>
        <ImportMessage outcome={outcome} m={m} f={f} lang={lang} units={units} />
      </div>
    </details>
  );
});

function ImportMessage(props: { outcome: Outcome | null; m: ControlsMessages; f: ModelFileMessages; lang: Lang; units: UnitSystem }) {
  const { outcome, m, f, lang, units } = props;
  if (outcome === null) return <p className="controls-note" role="status" aria-live="polite" />;
  if (outcome.kind === 'reading') {
    return (
      <p className="controls-note" role="status" aria-live="polite" data-testid="import-message">
        {fill(f.reading, { name: outcome.name })}
      </p>
    );
  }
  if (outcome.kind === 'file-error') {
    return (
      <p className="controls-note controls-note--warn" role="alert" data-testid="import-message">
        {fill(f.failed, { name: outcome.name, message: outcome.message })}
      </p>
    );
  }
  if (outcome.kind === 'file-ok') {
    return (
      <>
        <p className="controls-note controls-note--ok" role="status" aria-live="polite" data-testid="import-message">
          {fill(f.opened, {
            name: outcome.name,
            total: formatCount(outcome.total, lang),
            bytes: formatBytes(outcome.bytes, lang, units),
            bits: formatNumber(outcome.bits, lang, 3),
            ms: formatNumber(Math.max(1, Math.round(outcome.milliseconds)), lang, 3),
          })}{' '}
          <a href="#model-file">{f.seeTable}</a>
        </p>
        {outcome.needsConfig ? (
          <p className="controls-note controls-note--warn" data-testid="needs-config">
            {f.noArchitecture}
          </p>
        ) : null}
      </>
    );
  }
  if (outcome.kind === 'config-added') {
    const percent = `${outcome.relativeDifference >= 0 ? '+' : ''}${formatNumber(outcome.relativeDifference * 100, lang, 3)}%`;
    return (
      <p className={outcome.matches ? 'controls-note controls-note--ok' : 'controls-note controls-note--warn'} role="status" aria-live="polite" data-testid="import-message">
        {outcome.matches
          ? fill(f.configAdded, { name: outcome.name, total: formatCount(outcome.total, lang) })
          : fill(f.configAddedMismatch, { config: formatInteger(outcome.configParameters, lang), total: formatInteger(outcome.total, lang), difference: percent })}
      </p>
    );
  }
  if (outcome.kind === 'ok') {
    return (
      <p className="controls-note controls-note--ok" role="status" aria-live="polite" data-testid="import-message">
        {fill(m.importOk, { name: outcome.name, total: formatCount(outcome.total, lang) })}
        {outcome.reasons?.length ? ` ${approximationText(outcome.reasons, lang)}` : null}
      </p>
    );
  }
  return (
    <p className="controls-note controls-note--warn" role="alert" data-testid="import-message">
      {errorText(outcome.error, m, lang, units)}
    </p>
  );
}

