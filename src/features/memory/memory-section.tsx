import { memo } from 'react';
import { Stat } from '../../components/ui/stat';
import { CiteList } from '../../components/ui/cite';
import { PRECISIONS, SOURCES } from '../../core';
import { FeatureSection } from '../../view/feature-section';
import { useChartView } from '../../view/use-chart-view';
import { useLang, useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill } from '../../i18n/i18n';
import { formatBytes, formatCount, formatNumber } from '../../i18n/format';
import { acceleratorsToHold, shortAcceleratorName, shortPrecisionLabel } from './memory.data';
import { MemoryPrecisionChart } from './memory-precision-chart';
import { MESSAGES } from './messages';

const SECTION_SOURCES = [SOURCES.dettmers2022, SOURCES.kwon2023];

const MemoryStats = memo(function MemoryStats() {
  const { estimate } = useChartView();
  const m = useMessages(MESSAGES);
  const lang = useLang();
  const { units } = useViewSettings();
  const selected = estimate.weights.selected;
  const precision = PRECISIONS[selected.id];
  const precisionLabel = shortPrecisionLabel(selected.id);
  const hardware = estimate.hardware;
  const gpuName = hardware.accelerator ? shortAcceleratorName(hardware.name) : m.customGpu;
  const memoryText = formatBytes(hardware.memoryBytes, lang, units);
  const hold = acceleratorsToHold(selected.bytes, hardware.memoryBytes);
  const inference = estimate.inference;
  const otherUnits = units === 'si' ? 'iec' : 'si';
  return (
    <div className="stats">
      <Stat
        label={fill(m.statWeights, { precision: precisionLabel })}
        value={formatBytes(selected.bytes, lang, units)}
        note={fill(m.statWeightsNote, { params: formatCount(estimate.model.counts.total, lang), bits: formatNumber(selected.bitsPerWeight, lang) })}
        testId="memory-weights"
      />
      <Stat
        label={m.statGpus}
        value={formatNumber(hold, lang)}
        bad={hold > 1}
        note={hold > 1 ? fill(m.statGpusNote, { gpu: gpuName, memory: memoryText }) : fill(m.statGpusFits, { gpu: gpuName, memory: memoryText })}
      />
      <Stat
        label={m.statServing}
        value={inference.fits ? formatNumber(inference.gpus, lang) : m.statServingNo}
        bad={!inference.fits || inference.gpus > 1}
        note={
          inference.fits
            ? fill(m.statServingNote, {
                batch: formatNumber(inference.batch, lang),
                context: formatNumber(inference.contextTokens, lang),
                gpus: formatNumber(inference.gpus, lang),
              })
            : fill(m.statServingNoNote, { gpu: gpuName })
        }
      />
      <Stat
        label={m.statBits}
        value={formatNumber(selected.bitsPerWeight, lang)}
        note={precision ? m[`bits_${precision.id}`] : fill(m.statBitsNote, { precision: precisionLabel })}
      />
      <Stat
        label={fill(m.statUnits, { unit: otherUnits === 'iec' ? 'GiB' : 'GB' })}
        value={formatBytes(selected.bytes, lang, otherUnits)}
        note={fill(m.statUnitsNote, { si: formatBytes(selected.bytes, lang, 'si'), iec: formatBytes(selected.bytes, lang, 'iec') })}
      />
    </div>
  );
});

export function MemorySection() {
  const m = useMessages(MESSAGES);
  return (
    <FeatureSection
      id="memory"
      title={m.title}
      lead={[m.lead1, m.lead2, m.lead3]}
      sources={
        <>
          <CiteList label={m.sources} sources={SECTION_SOURCES} />
          <p>{m.precisionSources}</p>
        </>
      }
    >
      <MemoryStats />
      <div className="charts">
        <MemoryPrecisionChart />
      </div>
    </FeatureSection>
  );
}
