import type { ReactNode } from 'react';
import { ChartMenu } from './chart-menu';

/**
 * `<figure data-chart="id">` with its caption and the chart menu (link, embed, PNG, SVG).
 * Charts inside get a fixed height so a re-render never shifts the page.
 */
export function ChartFrame(props: { id: string; title: string; caption?: ReactNode; height?: number; children: ReactNode }) {
  return (
    <figure className="chart" data-chart={props.id}>
      <figcaption className="chart__caption">
        <span className="chart__title">{props.title}</span>
        <ChartMenu chartId={props.id} title={props.title} />
        {props.caption ? <span className="chart__note">{props.caption}</span> : null}
      </figcaption>
      <div className="chart__body" style={{ height: props.height ?? 320 }}>
        {props.children}
      </div>
    </figure>
  );
}
