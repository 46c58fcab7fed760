import { SourceList } from '../../components/ui/source-list';
import { FeatureSection } from '../../view/feature-section';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { cite } from '../../view/labels';
import { plannerAccuracyValues } from '../../view/planner-accuracy';
import { fill } from '../../i18n/i18n';
import { MESSAGES } from './messages';
import { PlanScope } from './plan-scope';
import { LayoutsTable } from './layouts-table';
import { BreakdownChart } from './breakdown-chart';
import { ScalingChart } from './scaling-chart';
import { PlanBand } from './plan-band';
import { PublishedRunsTable } from './published-runs-table';
import './training-plan.css';

/** The `training-plan` section: the planner's best layouts, where a step's time goes, strong scaling, the band, published runs. */
export function TrainingPlanSection() {
  const m = useMessages(MESSAGES);
  const { lang } = useViewSettings();
  const sources = [
    cite('narayanan2021', lang === 'zh' ? '§2–3（PTD-P）' : '§2–3 (PTD-P)', lang),
    cite('korthikanti2022', lang === 'zh' ? '§4（序列并行、选择性重计算）' : '§4 (sequence parallelism, selective recomputation)', lang),
    cite('rajbhandari2020', lang === 'zh' ? '§5（ZeRO）' : '§5 (ZeRO)', lang),
    cite('llama3', lang === 'zh' ? '§3.3（并行布局）' : '§3.3 (parallel layout)', lang),
  ];
  return (
    <FeatureSection id="training-plan" title={m.title} lead={[m.lead1, fill(m.lead2, plannerAccuracyValues(lang))]} sources={<SourceList label={m.sources} items={sources} />}>
      <div className="training-plan-section">
        <PlanScope>
          <LayoutsTable />
          <PlanBand />
          <div className="charts">
            <BreakdownChart />
            <ScalingChart />
          </div>
        </PlanScope>
        <PublishedRunsTable />
      </div>
    </FeatureSection>
  );
}
