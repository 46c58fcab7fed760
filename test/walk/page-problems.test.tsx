import { describe, expect, it } from 'vitest';
import { CHART_IDS, SECTION_IDS, TABLE_IDS } from '../fixtures/ui-contract';
import { pageProblems, type MountedPage } from './page-walk';

/** A page that passes every check: each section, each chart with one mark, each table with a row. */
function healthyMarkup(): string {
  const filler = '<p>' + 'A sentence a reader reads. '.repeat(50) + '</p>';
  const charts = CHART_IDS.map((id) => `<figure data-chart="${id}"><svg><rect class="chart-mark" x="1" y="2" width="3" height="4"></rect></svg></figure>`);
  const tables = TABLE_IDS.map((id) => `<div data-table="${id}"><table><thead><tr><th>h</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table></div>`);
  const sections = SECTION_IDS.map((id, index) => `<section id="${id}"><h2>${id}</h2>${index === 0 ? filler + charts.join('') + tables.join('') : ''}</section>`);
  return `<main>${sections.join('')}</main>`;
}

function pageOf(markup: string, logged: string[] = []): MountedPage {
  const container = document.createElement('div');
  container.innerHTML = markup;
  return { container, store: null as never, logged, unmount: () => undefined };
}

// The walk's detector must be able to fail: each of these pages carries one problem a reader would see.
describe('pageProblems', () => {
  it('finds nothing on a healthy page', () => {
    expect(pageProblems(pageOf(healthyMarkup()))).toEqual([]);
  });

  it.each([
    ['NaN in text', (html: string) => html.replace('<h2>memory</h2>', '<h2>memory</h2><p>NaN GB</p>'), /text: .*NaN GB/],
    ['Infinity in text', (html: string) => html.replace('<h2>memory</h2>', '<h2>memory</h2><span>costs</span><b>Infinity</b>'), /text: .*Infinity/],
    ['undefined in text', (html: string) => html.replace('<h2>memory</h2>', '<h2>memory</h2><p>per undefined</p>'), /text: .*undefined/],
    ['null in text', (html: string) => html.replace('<h2>memory</h2>', '<h2>memory</h2><p>null tokens</p>'), /text: .*null/],
    ['[object Object] in text', (html: string) => html.replace('<h2>memory</h2>', '<h2>memory</h2><p>[object Object]</p>'), /text: .*\[object Object\]/],
    ['NaN in SVG geometry', (html: string) => html.replace('<figure data-chart="moe"><svg><rect class="chart-mark" x="1"', '<figure data-chart="moe"><svg><rect class="chart-mark" x="NaN"'), /moe: <rect x="NaN">/],
    ['a chart without marks', (html: string) => html.replace('<figure data-chart="timeline"><svg><rect class="chart-mark"', '<figure data-chart="timeline"><svg><rect class="axis"'), /empty chart timeline/],
    ['a missing chart', (html: string) => html.replace('data-chart="deployment"', 'data-chart="other"'), /0 charts deployment/],
    ['a chart drawn twice', (html: string) => html.replace('<figure data-chart="moe">', '<figure data-chart="moe"><svg></svg></figure><figure data-chart="moe">'), /2 charts moe/],
    ['a missing section', (html: string) => html.replace('<section id="hardware">', '<section id="hardwar">'), /missing section hardware/],
    ['a section error', (html: string) => html.replace('<h2>training</h2>', '<h2>training</h2><div role="alert">failed</div>'), /section training shows an error message/],
    ['an empty table', (html: string) => html.replace('<tbody><tr><td>1</td></tr></tbody></table></div></section>', '<tbody></tbody></table></div></section>'), /empty table validation/],
  ])('finds %s', (_name, spoil, expected) => {
    const problems = pageProblems(pageOf(spoil(healthyMarkup())));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });

  it('reports console messages once', () => {
    const page = pageOf(healthyMarkup(), ['Warning: something']);
    expect(pageProblems(page)).toEqual(['console: Warning: something']);
    expect(pageProblems(page)).toEqual([]);
  });
});
