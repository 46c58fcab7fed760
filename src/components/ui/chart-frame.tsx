import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { cancelRender, enqueueRender, type RenderPriority } from '../../store/render-queue';
import { useOnScreen, useRenderPriority } from '../../store/store-context';
import { ChartMenu } from './chart-menu';

let nextMountKey = 0;

/**
 * Whether a chart's plot may mount yet. A Recharts plot costs ~100 ms to mount here, all of it
 * synchronous, so plots mount one per task through the render queue: a section that loads with
 * several charts never blocks input for the sum of them.
 */
function useMountTurn(immediate: boolean, priority: RenderPriority): boolean {
  const [ready, setReady] = useState(immediate);
  const [key] = useState(() => `mount-${nextMountKey++}`);
  useEffect(() => {
    if (ready) return undefined;
    enqueueRender(key, () => flushSync(() => setReady(true)), priority);
    return () => cancelRender(key);
  }, [ready, priority, key]);
  return ready;
}

/**
 * `<figure data-chart="id">` with its caption and the chart menu (link, embed, PNG, SVG).
 * Charts inside get a fixed height so a re-render never shifts the page. The plot mounts in its
 * own task unless `immediate` (a cheap plain-SVG chart that should paint with the page).
 */
export function ChartFrame(props: {
  id: string;
  title: string;
  caption?: ReactNode;
  height?: number;
  immediate?: boolean;
  /** From `useChartData`: lets the chart follow the controls by its own visibility. */
  frameRef?: (element: Element | null) => void;
  children: ReactNode;
}) {
  const [figure, setFigure] = useState<HTMLElement | null>(null);
  const onScreen = useOnScreen(figure);
  const sectionPriority = useRenderPriority();
  const ready = useMountTurn(props.immediate ?? false, onScreen === null ? sectionPriority : onScreen ? 'view' : 'near');
  const { frameRef } = props;
  const ref = useCallback(
    (element: HTMLElement | null) => {
      setFigure(element);
      frameRef?.(element);
    },
    [frameRef],
  );
  return (
    <figure className="chart" data-chart={props.id} ref={ref}>
      <figcaption className="chart__caption">
        <span className="chart__title">{props.title}</span>
        <ChartMenu chartId={props.id} title={props.title} />
        {props.caption ? <span className="chart__note">{props.caption}</span> : null}
      </figcaption>
      <div className="chart__body" style={{ height: props.height ?? 320 }}>
        {ready ? props.children : null}
      </div>
    </figure>
  );
}
