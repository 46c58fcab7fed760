import { memo, useId, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import { fill } from '../../i18n/i18n';
import { formatBytes, formatCount } from '../../i18n/format';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { useScenarioState } from '../../store/store-context';
import type { ScenarioState } from '../../store/scenario-store';
import { CONTROLS_MESSAGES, type ControlsMessages } from './messages';
import { MAX_CONFIG_BYTES, approximationText, readConfigText, type ImportError } from './config-import.data';
import type { Lang } from '../../i18n/i18n';
import type { UnitSystem } from '../../i18n/format';

type Outcome =
  | { kind: 'ok'; name: string; total: number; reasons: ResolvedReasons }
  | { kind: 'error'; error: ImportError | { kind: 'read' } };
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

/**
 * "Paste or drop a config.json": JSON syntax and the core's field checks come first; only a
 * config the core can read reaches the store (a broken one leaves the scenario untouched).
 * Messages are plain text — a config is data, never markup.
 */
export const ConfigImport = memo(function ConfigImport() {
  const m = useMessages(CONTROLS_MESSAGES);
  const { lang, units } = useViewSettings();
  const applyConfig = useScenarioState(selectUseConfig);
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [dragging, setDragging] = useState(false);
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const textId = useId();
  const fileId = useId();

  const run = (source: string) => {
    const result = readConfigText(source);
    if (result.ok) {
      applyConfig(result.config);
      setOutcome({ kind: 'ok', name: result.name, total: result.model.counts.total, reasons: result.model.arch.approximateReasons });
    } else {
      setOutcome({ kind: 'error', error: result.error });
    }
  };
  const readFile = async (file: File) => {
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
      <summary>{m.importTitle}</summary>
      <div className="controls-details__body" data-testid="drop-zone">
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
          <span className="config-import__drop">{dragging ? m.dropActive : m.dropHere}</span>
          <span className="file-button">
            <input id={fileId} type="file" accept=".json,application/json,text/plain" onChange={onFile} data-testid="config-file" />
            <label htmlFor={fileId}>{m.chooseFile}</label>
          </span>
        </div>
        <ImportMessage outcome={outcome} m={m} lang={lang} units={units} />
      </div>
    </details>
  );
});

function ImportMessage(props: { outcome: Outcome | null; m: ControlsMessages; lang: Lang; units: UnitSystem }) {
  const { outcome, m, lang, units } = props;
  if (outcome === null) return <p className="controls-note" role="status" aria-live="polite" />;
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

