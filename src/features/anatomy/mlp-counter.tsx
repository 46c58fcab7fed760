import { memo, useId, useMemo, useState } from 'react';
import { useLang, useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { formatBytes, formatCount } from '../../i18n/format';
import { ARTICLE_MLP_SIZES, MLP_MAX_SIZE, mlpParameterCount, parseMlpSize } from './anatomy.data';
import { MESSAGES } from './messages';

const EXACT: Record<Lang, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }),
  zh: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 }),
};

type Field = 'input' | 'hidden' | 'output';
const FIELDS: readonly Field[] = ['input', 'hidden', 'output'];
const INITIAL: Record<Field, string> = {
  input: String(ARTICLE_MLP_SIZES.input),
  hidden: String(ARTICLE_MLP_SIZES.hidden),
  output: String(ARTICLE_MLP_SIZES.output),
};

/** The article's SimpleNeuralNetwork with editable sizes: weights and biases counted exactly. */
export const MlpCounter = memo(function MlpCounter() {
  const m = useMessages(MESSAGES);
  const lang = useLang();
  const { units } = useViewSettings();
  const id = useId();
  const [text, setText] = useState<Record<Field, string>>(INITIAL);
  const [valid, setValid] = useState<Record<Field, number>>(ARTICLE_MLP_SIZES);
  const invalid = FIELDS.filter((field) => parseMlpSize(text[field]) === undefined);
  const count = useMemo(() => mlpParameterCount(valid.input, valid.hidden, valid.output), [valid]);
  const isArticle =
    valid.input === ARTICLE_MLP_SIZES.input && valid.hidden === ARTICLE_MLP_SIZES.hidden && valid.output === ARTICLE_MLP_SIZES.output;
  const labels: Record<Field, string> = { input: m.mlpInput, hidden: m.mlpHidden, output: m.mlpOutput };
  const exact = EXACT[lang];
  const onChange = (field: Field, value: string) => {
    setText((current) => ({ ...current, [field]: value }));
    const parsed = parseMlpSize(value);
    if (parsed !== undefined) setValid((current) => ({ ...current, [field]: parsed }));
  };
  const reset = () => {
    setText(INITIAL);
    setValid(ARTICLE_MLP_SIZES);
  };
  const terms: Array<[string, number]> = [
    [m.mlpW1, count.w1],
    [m.mlpB1, count.b1],
    [m.mlpW2, count.w2],
    [m.mlpB2, count.b2],
  ];
  return (
    <div className="anatomy-mlp" data-testid="mlp-counter">
      <h3>{m.mlpTitle}</h3>
      <div className="anatomy-mlp__inputs">
        {FIELDS.map((field) => (
          <label key={field} htmlFor={`${id}-${field}`}>
            <span>{labels[field]}</span>
            <input
              id={`${id}-${field}`}
              type="text"
              inputMode="numeric"
              value={text[field]}
              aria-invalid={invalid.includes(field) || undefined}
              aria-describedby={invalid.includes(field) ? `${id}-error` : undefined}
              onChange={(event) => onChange(field, event.target.value)}
            />
          </label>
        ))}
      </div>
      {invalid.length > 0 ? (
        <p id={`${id}-error`} className="anatomy-mlp__error" role="alert">
          {fill(m.mlpInvalid, { max: exact.format(MLP_MAX_SIZE) })}
        </p>
      ) : null}
      <table className="anatomy-mlp__terms">
        <tbody>
          {terms.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{exact.format(value)}</td>
            </tr>
          ))}
          <tr className="anatomy-mlp__sub">
            <th scope="row">{m.mlpWeights} + {m.mlpBiases}</th>
            <td>
              {exact.format(count.weights)} + {exact.format(count.biases)}
            </td>
          </tr>
          <tr className="anatomy-mlp__total">
            <th scope="row">{m.mlpTotal}</th>
            <td data-testid="mlp-total">
              {exact.format(count.total)} <span className="muted">({formatCount(count.total, lang)})</span>
            </td>
          </tr>
        </tbody>
      </table>
      <p className="muted">{fill(m.mlpBytes, { bytes: formatBytes(count.total * 4, lang, units) })}</p>
      <p className="anatomy-mlp__article">{isArticle ? m.mlpArticle : m.mlpArticleOther}</p>
      {isArticle ? null : (
        <button type="button" onClick={reset}>
          {m.mlpReset}
        </button>
      )}
    </div>
  );
});
