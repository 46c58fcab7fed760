import { memo, useMemo } from 'react';
import { DataTable, type TableColumn } from '../../components/ui/data-table';
import { Stat } from '../../components/ui/stat';
import { fill, type Lang } from '../../i18n/i18n';
import { formatBytes, formatCount, formatNumber, formatPercent, type UnitSystem } from '../../i18n/format';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { FeatureSection } from '../../view/feature-section';
import { useChartView } from '../../view/use-chart-view';
import { derivation } from '../../store/selectors';
import { fileTables, type FileTableRow } from './model-file.data';
import { MESSAGES, type ModelFileSectionMessages } from './messages';
import './model-file.css';
import { withCode } from '../../view/with-code';

/** The open file's tables, per store and scenario (only the model fields matter). */
const fileTablesData = derivation((scenario) => fileTables(scenario), { key: (scenario) => [scenario.model, scenario.modelFile] });

const KIND_LABEL: Readonly<Record<string, keyof ModelFileSectionMessages>> = {
  embedding: 'kindEmbedding',
  output: 'kindOutput',
  attention: 'kindAttention',
  mlp: 'kindMlp',
  experts: 'kindExperts',
  router: 'kindRouter',
  norm: 'kindNorm',
  other: 'kindOther',
};

function integer(value: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 0 }).format(value);
}

function columns(by: 'type' | 'kind', m: ModelFileSectionMessages, lang: Lang, units: UnitSystem): TableColumn<FileTableRow>[] {
  const label = (row: FileTableRow) => {
    const kind = by === 'kind' ? KIND_LABEL[row.key] : undefined;
    return kind ? m[kind] : row.key;
  };
  return [
    { id: 'key', header: by === 'type' ? m.colType : m.colKind, cell: label, value: (row) => row.key },
    { id: 'tensors', header: m.colTensors, cell: (row) => integer(row.tensors, lang), value: (row) => row.tensors },
    { id: 'parameters', header: m.colParameters, cell: (row) => integer(row.parameters, lang), value: (row) => row.parameters },
    { id: 'bytes', header: m.colBytes, cell: (row) => formatBytes(row.bytes, lang, units), value: (row) => row.bytes, csvHeader: `${m.colBytes} (bytes)` },
    { id: 'bits', header: m.colBits, cell: (row) => formatNumber(row.bitsPerWeight, lang, 4), value: (row) => row.bitsPerWeight },
    { id: 'share', header: m.colShare, cell: (row) => (row.shareOfBytes > 0 && row.shareOfBytes < 1e-4 ? '<0.01%' : formatPercent(row.shareOfBytes, lang, 3)), value: (row) => row.shareOfBytes, csvHeader: `${m.colShare} (0-1)` },
  ];
}

const FORMAT_NAME: Readonly<Record<string, string>> = { gguf: 'GGUF', safetensors: 'safetensors', 'safetensors-index': 'model.safetensors.index.json' };

const getRowId = (row: FileTableRow) => row.key;
const INITIAL_SORT = [{ id: 'bytes', desc: true }];

function FileTable({ by }: { by: 'type' | 'kind' }) {
  const { derive } = useChartView();
  const m = useMessages(MESSAGES);
  const { lang, units } = useViewSettings();
  const tables = derive(fileTablesData);
  const tableColumns = useMemo(() => columns(by, m, lang, units), [by, m, lang, units]);
  if (tables === null) return <p className="section__note">{m.empty}</p>;
  // An index names tensors and shards only: no types, shapes or bytes per tensor.
  if (tables.summary.format === 'safetensors-index') return by === 'type' ? <p className="section__note" data-testid="model-file-index-note">{m.indexNote}</p> : null;
  const id = by === 'type' ? 'model-file-types' : 'model-file-kinds';
  return (
    <div className="model-file__table">
      <DataTable
        id={id}
        caption={fill(by === 'type' ? m.typeCaption : m.kindCaption, { name: tables.summary.name })}
        rows={by === 'type' ? tables.byType : tables.byKind}
        columns={tableColumns}
        getRowId={getRowId}
        initialSort={INITIAL_SORT}
      />
    </div>
  );
}

/** Bytes by tensor type (embeddable as `model-file-types`). */
export const FileTypeTable = memo(function FileTypeTable() {
  return <FileTable by="type" />;
});

/** Bytes by layer kind (embeddable as `model-file-kinds`). */
export const FileKindTable = memo(function FileKindTable() {
  return <FileTable by="kind" />;
});

const FileStats = memo(function FileStats() {
  const { derive, estimate } = useChartView();
  const m = useMessages(MESSAGES);
  const { lang, units } = useViewSettings();
  const tables = derive(fileTablesData);
  if (tables === null) return <p className="section__note" data-testid="model-file-empty">{m.empty}</p>;
  const { summary, totals } = tables;
  const fromFile = estimate.model.kind === 'file';
  const architecture = summary.config === null ? m.statMissing : fromFile && !estimate.model.approximate ? m.statExact : m.statApproximate;
  return (
    <div className="stats" data-testid="model-file-stats">
      <Stat label={m.statFile} value={summary.name} note={FORMAT_NAME[summary.format]} />
      <Stat
        label={m.statParameters}
        value={formatCount(totals.parameters, lang)}
        note={fill(m.statParametersNote, { n: integer(totals.parameters, lang) })}
        testId="model-file-parameters"
      />
      <Stat
        label={m.statWeights}
        value={formatBytes(totals.bytes, lang, units)}
        note={fill(m.statWeightsNote, { bits: formatNumber(totals.bitsPerWeight, lang, 3) })}
        testId="model-file-bytes"
      />
      <Stat
        label={m.statArchitecture}
        value={architecture}
        bad={summary.config === null}
        note={summary.config === null ? m.statMissingNote : (summary.note ?? m.statExactNote)}
      />
    </div>
  );
});

/** The two tables in the section: only with a file open (the stats already say when none is; an embedded table says it alone). */
function FileTables() {
  const { derive } = useChartView();
  if (derive(fileTablesData) === null) return null;
  return (
    <>
      <FileTypeTable />
      <FileKindTable />
    </>
  );
}

export function ModelFileSection() {
  const m = useMessages(MESSAGES);
  return (
    <FeatureSection id="model-file" title={m.title} lead={[withCode(m.lead1), m.lead2, m.privacy]} sources={<p>{withCode(m.sources)}</p>}>
      <FileStats />
      <FileTables />
    </FeatureSection>
  );
}
