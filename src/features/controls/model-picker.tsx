import { memo, useCallback, useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { MODELS } from '../../data/models';
import type { ModelPreset } from '../../data/types';
import type { Lang } from '../../i18n/i18n';
import { fill } from '../../i18n/i18n';
import { formatCount } from '../../i18n/format';
import { useLang, useMessages } from '../../i18n/view-settings';
import { useScenarioState, useScenarioStateLater, useScenarioStore, useSelectors } from '../../store/store-context';
import type { ScenarioState } from '../../store/scenario-store';
import { CONTROLS_MESSAGES, ZH_MODEL_NAMES, type ControlsMessages } from './messages';
import { presetReadingData, presetTotalsData } from './model-view';
import { approximationText } from './config-import.data';
import { MODEL_FILE_MESSAGES } from './model-file.messages';
import { formatBytes, formatNumber } from '../../i18n/format';
import { useViewSettings } from '../../i18n/view-settings';
import { formatInteger, plural } from './controls-format';

type Badge = 'unconfirmed' | 'hypothetical';

function isArticleModel(preset: ModelPreset): boolean {
  return preset.org.startsWith('Article');
}

export function presetBadge(preset: ModelPreset): Badge | null {
  if (preset.confirmed) return null;
  return isArticleModel(preset) || /hypothetical/i.test(preset.name) ? 'hypothetical' : 'unconfirmed';
}

/** The preset's name in the page language; the badge carries "(hypothetical)" / "(unconfirmed estimate)". */
export function presetName(preset: ModelPreset, lang: Lang): string {
  const zh = lang === 'zh' ? ZH_MODEL_NAMES[preset.id] : undefined;
  if (zh) return zh;
  return presetBadge(preset) ? preset.name.replace(/\s*\((hypothetical|unconfirmed estimate)\)\s*$/i, '') : preset.name;
}

function presetOrg(preset: ModelPreset, m: ControlsMessages): string {
  return isArticleModel(preset) ? m.orgArticle : preset.org;
}

function badgeText(badge: Badge, m: ControlsMessages): string {
  return badge === 'hypothetical' ? m.badgeHypothetical : m.badgeUnconfirmed;
}

const SEARCH_TEXT: ReadonlyMap<string, string> = new Map(
  MODELS.map((preset) => [
    preset.id,
    [preset.id, preset.name, ZH_MODEL_NAMES[preset.id] ?? '', preset.org, isArticleModel(preset) ? '原文 文章 article' : '', String(preset.year)]
      .join(' ')
      .toLowerCase(),
  ]),
);

/** Presets whose name, organisation, id or year contain every word of the query. */
export function filterPresets(query: string): readonly ModelPreset[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return MODELS;
  return MODELS.filter((preset) => {
    const text = SEARCH_TEXT.get(preset.id) ?? '';
    return words.every((word) => text.includes(word));
  });
}

const selectModelId = (state: ScenarioState) => state.scenario.model;
const selectChooseModel = (state: ScenarioState) => state.chooseModel;

export const ModelPicker = memo(function ModelPicker() {
  const m = useMessages(CONTROLS_MESSAGES);
  const f = useMessages(MODEL_FILE_MESSAGES);
  const lang = useLang();
  const current = useScenarioState(selectModelId);
  const chooseModel = useScenarioState(selectChooseModel);
  const select = useSelectors();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const matches = useMemo(() => filterPresets(query), [query]);
  const inputId = useId();
  const listId = useId();
  const optionId = (id: string) => `${listId}-${id}`;
  const activePreset = open ? matches[Math.min(active, matches.length - 1)] : undefined;

  useEffect(() => {
    if (!activePreset) return;
    const element = document.getElementById(`${listId}-${activePreset.id}`);
    element?.scrollIntoView?.({ block: 'nearest' });
  }, [activePreset, listId]);

  const openList = () => {
    const index = matches.findIndex((preset) => preset.id === current);
    setActive(index >= 0 ? index : 0);
    setOpen(true);
  };
  const pick = (id: string) => {
    chooseModel(id);
    setOpen(false);
    setQuery('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        openList();
        return;
      }
      const delta = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => Math.max(0, Math.min(matches.length - 1, index + delta)));
    } else if (event.key === 'Enter') {
      if (open && activePreset) {
        event.preventDefault();
        pick(activePreset.id);
      }
    } else if (event.key === 'Escape') {
      if (open) setOpen(false);
      else setQuery('');
    }
  };

  return (
    <div className="model-picker">
      <label htmlFor={inputId}>{m.searchLabel}</label>
      <input
        id={inputId}
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        placeholder={m.searchPlaceholder}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activePreset ? optionId(activePreset.id) : undefined}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onClick={() => {
          if (!open) openList();
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        data-testid="model-search"
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={m.presets}
        className="model-picker__list"
        hidden={!open}
        onMouseDown={(event) => event.preventDefault()}
        data-testid="model-list"
      >
        {open
          ? matches.map((preset, index) => {
              const badge = presetBadge(preset);
              const total = select.constant(presetTotalsData).get(preset.id) ?? Number.NaN;
              const reading = select.constant(presetReadingData).get(preset.id);
              return (
                <li
                  key={preset.id}
                  id={optionId(preset.id)}
                  role="option"
                  aria-selected={preset.id === current}
                  className={index === active ? 'model-picker__option is-active' : 'model-picker__option'}
                  onClick={() => pick(preset.id)}
                  onMouseMove={() => {
                    if (index !== active) setActive(index);
                  }}
                  data-model-id={preset.id}
                >
                  <span className="model-picker__name">
                    {presetName(preset, lang)}
                    {badge ? <span className="badge">{badgeText(badge, m)}</span> : null}
                  </span>
                  <span className="model-picker__meta">
                    {presetOrg(preset, m)} · {preset.year} · {formatCount(total, lang)}
                    {reading === 'exact' || reading === 'approximate' ? (
                      <span className={`reading reading--${reading}`} data-reading={reading}>
                        {' · '}
                        {reading === 'exact' ? f.readExact : f.readApproximate}
                      </span>
                    ) : null}
                  </span>
                </li>
              );
            })
          : null}
      </ul>
      {open && matches.length === 0 ? (
        <p className="controls-note" role="status">
          {fill(m.noMatch, { query })}
        </p>
      ) : null}
    </div>
  );
});

const countOverrides = (state: ScenarioState): number => Object.keys(state.scenario.overrides).length;
const selectModelFile = (state: ScenarioState) => state.scenario.modelFile;

/** The current model: name, badge, exact total and active parameters, and notes from the core. */
export const ModelSummary = memo(function ModelSummary() {
  const m = useMessages(CONTROLS_MESSAGES);
  const f = useMessages(MODEL_FILE_MESSAGES);
  const { lang, units } = useViewSettings();
  const modelFile = useScenarioStateLater(selectModelFile);
  // Follows in a transition (with the charts): the size slider shows the total at once.
  const store = useScenarioStore();
  const id = useScenarioStateLater(selectModelId);
  const view = useScenarioStateLater(useCallback((state: ScenarioState) => store.select.model(state.scenario), [store]));
  const overrides = useScenarioStateLater(countOverrides);
  // While the model cannot be resolved the page shows the default's numbers; the summary shows the error.
  const model = view.error === null ? view.model : null;
  const preset = model?.preset ?? null;
  const badge = preset ? presetBadge(preset) : null;
  let name: string;
  let sub: string;
  // The technical name (model_type, the reader's note) in small print only, never as the explanation.
  let smallPrint = '';
  if (id === 'file' && modelFile !== null) {
    name = modelFile.name || f.fileModel;
    sub = fill(f.fileSub, {
      format: modelFile.format === 'gguf' ? 'GGUF' : modelFile.format === 'safetensors' ? 'safetensors' : 'safetensors index',
      bytes: formatBytes(modelFile.weightBytes, lang, units),
      bits: formatNumber((modelFile.weightBytes * 8) / modelFile.parameterCount, lang, 3),
    });
    smallPrint = modelFile.note ?? '';
  } else if (id === 'size') {
    name = m.sizeModel;
    sub = m.sizeModelNote;
  } else if (id === 'custom') {
    name = m.customModel;
    // Plain words for a config without a name; the technical name (config.json's model_type) stays in brackets.
    sub = model
      ? model.name !== 'custom'
        ? model.name
        : model.arch.family === 'generic'
          ? m.customFamilyGeneric
          : fill(m.customFamily, { family: model.arch.family })
      : '';
    // The technical name (config.json's model_type as the reader took it) in small print only.
    smallPrint = model ? `model_type: ${model.arch.family}` : '';
  } else if (preset) {
    name = presetName(preset, lang);
    sub = `${presetOrg(preset, m)} · ${preset.year}`;
  } else {
    name = id;
    sub = '';
  }
  const total = model?.counts.total ?? Number.NaN;
  const active = model?.counts.active ?? Number.NaN;
  const derived = model !== null && (model.kind === 'size' || (preset !== null && preset.config === undefined));
  return (
    <div className="model-summary" data-testid="model-summary">
      <div className="model-summary__name">
        <span data-testid="model-name">{name}</span>
        {badge ? <span className="badge">{badgeText(badge, m)}</span> : null}
        {model && !model.approximate && !derived && model.kind !== 'size' ? (
          <span className="badge badge--exact" title={f.readExactTitle} data-testid="model-exact">
            {f.readExact}
          </span>
        ) : null}
      </div>
      {sub ? <div className="model-summary__sub">{sub}</div> : null}
      <dl className="model-summary__counts">
        <div>
          <dt>{m.total}</dt>
          <dd title={fill(m.exactParameters, { n: formatInteger(total, lang) })} data-testid="model-total">
            {formatCount(total, lang)}
          </dd>
        </div>
        {model && active !== total ? (
          <div>
            <dt>{m.active}</dt>
            <dd title={fill(m.exactParameters, { n: formatInteger(active, lang) })} data-testid="model-active">
              {formatCount(active, lang)}
            </dd>
          </div>
        ) : null}
      </dl>
      {model?.approximate ? (
        <p className="controls-note controls-note--warn" data-testid="note-approximate">
          {approximationText(model.arch.approximateReasons, lang) ||
            (id === 'file' ? (modelFile?.config === null ? f.noArchitecture : f.fileApproximate) : m.noteApproximate)}
        </p>
      ) : null}
      {model && id === 'file' && !model.approximate ? (
        <p className="controls-note controls-note--ok" data-testid="note-exact">
          {f.exactFile}
        </p>
      ) : null}
      {smallPrint ? (
        <p className="controls-note controls-note--small" data-testid="model-small-print">
          <small>{smallPrint}</small>
        </p>
      ) : null}
      {derived && id !== 'size' ? <p className="controls-note">{m.noteDerived}</p> : null}
      {overrides > 0 && !view.overridesError ? <p className="controls-note">{plural(overrides, m.noteOverride, m.noteOverrides, String(overrides))}</p> : null}
      {view.overridesError ? (
        <p className="controls-note controls-note--warn" role="alert">
          {fill(m.noteInvalidOverrides, { message: view.overridesError })}
        </p>
      ) : null}
      {view.error ? (
        <p className="controls-note controls-note--warn" role="alert">
          {fill(m.noteModelError, { message: view.error })}
        </p>
      ) : null}
    </div>
  );
});
