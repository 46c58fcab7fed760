/**
 * `training-plan-layouts`: the planner's fastest layouts in a sortable table (the kit's
 * DataTable on TanStack Table), why each loses against the fastest, the ruled-out counts, and a
 * button per row that puts the layout into the scenario.
 */
import { memo, useCallback, useMemo } from 'react';
import { DataTable, type TableColumn } from '../../components/ui/data-table';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { formatBytes, formatDuration, formatNumber, formatPercent, type UnitSystem } from '../../i18n/format';
import { useScenarioStore } from '../../store/store-context';
import { gpuCountText, modelLabel } from '../../view/labels';
import type { ZeroStage } from '../../scenario/scenario';
import { MESSAGES } from './messages';
import type { PlanRow } from './plan-job';
import { planStatus, usePlanView, withPlanScope } from './plan-scope';
import { PlanStatusLine } from './plan-status';
import { isScenarioLayout, noLayoutReason, rejectionCounts } from './training-plan.data';
import { softwareName } from '../../view/framework-name';

type Messages = (typeof MESSAGES)['en'];

export function causeWord(m: Messages, cause: string | null): string {
  switch (cause) {
    case 'compute':
    case 'recompute':
    case 'tp':
    case 'cp':
    case 'ep':
    case 'ppBubble':
    case 'ppP2p':
    case 'dp':
    case 'optimizer':
    case 'offload':
      return m[`cause_${cause}`];
    default:
      return m.cause_other;
  }
}

function losesText(row: PlanRow, m: Messages, lang: Lang): string {
  if (row.rank === 1 || row.losesOn === null) return m.fastest;
  return fill(m.losesOn, { pct: formatPercent(Math.max(0, row.relativeSeconds - 1), lang, 2), cause: causeWord(m, row.losesOn) });
}

function columns(m: Messages, lang: Lang, units: UnitSystem, adopt: (row: PlanRow) => void, inUse: (row: PlanRow) => boolean, busy: boolean): TableColumn<PlanRow>[] {
  const whole = (value: number) => formatNumber(value, lang, 9);
  const degree = (id: string, header: string, pick: (row: PlanRow) => number): TableColumn<PlanRow> => ({ id, header, cell: (row) => whole(pick(row)), value: pick });
  return [
    degree('rank', m.colRank, (row) => row.rank),
    {
      id: 'use',
      header: m.colUse,
      cell: (row) => (inUse(row) ? m.inUse : m.use),
      value: () => null,
      render: (row) =>
        inUse(row) ? (
          <span className="muted">{m.inUse}</span>
        ) : (
          <button type="button" onClick={() => adopt(row)} disabled={busy} data-action="adopt-layout">
            {m.use}
          </button>
        ),
    },
    // The results first, so a phone shows them without scrolling sideways; then the layout.
    { id: 'step', header: m.colStep, csvHeader: `${m.colStep} (s)`, cell: (row) => formatDuration(row.seconds, lang), value: (row) => row.seconds },
    { id: 'mfu', header: m.colMfu, cell: (row) => formatPercent(row.mfu, lang), value: (row) => row.mfu },
    degree('tp', m.colTp, (row) => row.tp),
    { id: 'pp', header: m.colPp, cell: (row) => (row.uneven ? `${whole(row.pp)}*` : whole(row.pp)), value: (row) => row.pp },
    degree('vp', m.colVp, (row) => row.vp),
    degree('dp', m.colDp, (row) => row.dp),
    degree('cp', m.colCp, (row) => row.cp),
    degree('ep', m.colEp, (row) => row.ep),
    degree('mb', m.colMb, (row) => row.microBatch),
    { id: 'recompute', header: m.colRecompute, cell: (row) => m[`recompute_${row.recompute}`], value: (row) => row.recompute },
    degree('zero', m.colZero, (row) => row.zeroStage),
    { id: 'offload', header: m.colOffload, cell: (row) => (row.offloadLayers > 0 ? whole(row.offloadLayers) : '—'), value: (row) => row.offloadLayers },
    { id: 'tokens', header: m.colTokens, cell: (row) => formatNumber(row.tokensPerSecondPerGpu, lang, 4), value: (row) => row.tokensPerSecondPerGpu },
    { id: 'memory', header: m.colMemory, csvHeader: `${m.colMemory} (B)`, cell: (row) => formatBytes(row.memoryPerGpu, lang, units), value: (row) => row.memoryPerGpu },
    { id: 'loses', header: m.colLoses, wrap: true, cell: (row) => losesText(row, m, lang), value: (row) => row.relativeSeconds },
  ];
}

const getRowId = (row: PlanRow) => String(row.rank);

function LayoutsTableInner() {
  const { plan, estimate, scenario, current } = usePlanView();
  const { lang, units } = useViewSettings();
  const m = useMessages(MESSAGES);
  const store = useScenarioStore();
  const adopt = useCallback(
    (row: PlanRow) =>
      store.getState().update({
        tensorParallel: row.tp,
        pipelineParallel: row.pp,
        virtualPipeline: row.vp,
        contextParallel: row.cp,
        expertParallel: row.ep,
        microBatch: row.microBatch,
        recompute: row.recompute,
        zeroStage: row.zeroStage as ZeroStage,
        offloadLayers: row.offloadLayers,
        sequenceParallel: true,
      }),
    [store],
  );
  const inUse = useCallback(
    (row: PlanRow) => isScenarioLayout(row, estimate, scenario.zeroStage, scenario.recompute),
    [estimate, scenario.zeroStage, scenario.recompute],
  );
  const table = useMemo(() => columns(m, lang, units, adopt, inUse, !current), [m, lang, units, adopt, inUse, current]);
  const outcome = plan.plan;
  const status = planStatus(plan);
  const t = estimate.training;
  const caption = fill(m.tableCaption, {
    n: formatNumber(outcome?.rows.length ?? 0, lang, 3),
    model: modelLabel(estimate, lang),
    gpus: gpuCountText(t.gpus, lang),
    seq: formatNumber(t.layout.seqLen, lang, 9),
    gb: formatNumber(t.layout.globalBatch, lang, 9),
    precision: t.plannerFormat.toUpperCase(),
    software: softwareName(estimate, lang),
    capacity: formatBytes(estimate.hardware.deviceMemoryBytes, lang, units),
  });
  const rejected = outcome ? rejectionCounts(outcome) : [];
  return (
    <div className="training-plan-layouts" aria-busy={status === 'planning'}>
      <PlanStatusLine />
      {outcome && outcome.rows.length === 0 && status !== 'failed' ? (
        <p className="layout-problem" data-testid="plan-no-layout">
          {fill(m[noLayoutReason(rejected)], { gpus: gpuCountText(t.gpus, lang), gb: formatNumber(t.layout.globalBatch, lang, 9), seq: formatNumber(t.layout.seqLen, lang, 9) })}
        </p>
      ) : null}
      {outcome && outcome.rows.length > 0 && status !== 'failed' ? (
        <div className={current ? undefined : 'training-plan--stale'}>
          <DataTable id="training-plan-layouts" caption={caption} rows={outcome.rows} columns={table} getRowId={getRowId} isCurrent={inUse} chooseColumns />
        </div>
      ) : null}
      {outcome?.rows.some((row) => row.uneven) ? <p className="muted">{m.unevenNote}</p> : null}
      {rejected.length > 0 && status !== 'failed' ? (
        <p className="muted" data-testid="plan-rejected">
          {m.rejectedTitle} {rejected.map(({ reason, count }) => fill(m.rejectedItem, { count: formatNumber(count, lang, 9), reason: m[`reason_${reason}`] })).join(lang === 'zh' ? '；' : '; ')}
        </p>
      ) : null}
    </div>
  );
}

/** `training-plan-layouts`: the fastest layouts, sortable, with an adopt button per row. */
export const LayoutsTable = memo(withPlanScope(LayoutsTableInner));
