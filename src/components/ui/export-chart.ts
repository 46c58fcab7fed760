/**
 * Exports a chart's SVG as a standalone SVG file or a PNG. Computed colours and fonts are inlined
 * so the file looks like the page (CSS variables do not survive outside it); the chart title is
 * drawn above the plot and the legend entries below it, so a slide gets a self-explanatory image.
 */
const STYLE_PROPS = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'fill-opacity', 'stroke-opacity', 'font-size', 'font-family', 'font-weight', 'text-anchor', 'dominant-baseline'];

function inlineStyles(source: Element, target: Element): void {
  // Presentation attributes, not a style attribute: the page's CSP (style-src 'self') forbids
  // inline styles, and attributes carry the same computed values into the standalone file.
  const computed = getComputedStyle(source);
  target.removeAttribute('style');
  for (const prop of STYLE_PROPS) {
    const value = computed.getPropertyValue(prop);
    if (value) target.setAttribute(prop, value);
  }
  const sourceChildren = source.children;
  const targetChildren = target.children;
  for (let i = 0; i < sourceChildren.length; i++) {
    const s = sourceChildren[i];
    const t = targetChildren[i];
    if (s && t) inlineStyles(s, t);
  }
}

export interface ExportedSvg {
  text: string;
  width: number;
  height: number;
}

/** The chart inside `figure` as standalone SVG text, with its title and legend labels. */
export function chartSvg(figure: Element, title: string): ExportedSvg | null {
  // The plots themselves: Recharts 3 draws legend icons as svgs too, and before the plot;
  // plain-SVG charts mark theirs `svg.svg-plot`.
  let plots = Array.from(figure.querySelectorAll('.recharts-wrapper > svg, svg.svg-plot'));
  if (plots.length === 0) plots = Array.from(figure.querySelectorAll('svg')).slice(-1);
  if (plots.length === 0) return null;
  const sizes = plots.map((svg) => {
    const box = svg.getBoundingClientRect();
    return {
      width: Math.max(1, Math.round(box.width || Number(svg.getAttribute('width')) || 600)),
      height: Math.max(1, Math.round(box.height || Number(svg.getAttribute('height')) || 300)),
    };
  });
  const width = Math.max(...sizes.map((size) => size.width));
  const plotHeight = sizes.reduce((sum, size) => sum + size.height, 0);
  const legend = Array.from(figure.querySelectorAll('.recharts-legend-item, .svg-legend__item')).map((item) => {
    const mark = item.querySelector('path, line, rect, circle') as SVGElement | null;
    return { text: item.textContent ?? '', color: mark?.getAttribute('fill') || mark?.getAttribute('stroke') || '#777' };
  });
  const legendHeight = legend.length > 0 ? 24 : 0;
  const titleHeight = 28;
  const height = titleHeight + plotHeight + legendHeight;
  const ns = 'http://www.w3.org/2000/svg';
  const doc = document.implementation.createDocument(ns, 'svg', null);
  const root = doc.documentElement;
  root.setAttribute('xmlns', ns);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const background = getComputedStyle(document.body).backgroundColor || '#ffffff';
  const foreground = getComputedStyle(document.body).color || '#000000';
  const rect = doc.createElementNS(ns, 'rect');
  rect.setAttribute('width', '100%');
  rect.setAttribute('height', '100%');
  rect.setAttribute('fill', background);
  root.appendChild(rect);
  const heading = doc.createElementNS(ns, 'text');
  heading.setAttribute('x', '8');
  heading.setAttribute('y', '19');
  heading.setAttribute('font-size', '15');
  heading.setAttribute('font-weight', '600');
  heading.setAttribute('font-family', 'system-ui, sans-serif');
  heading.setAttribute('fill', foreground);
  heading.textContent = title;
  root.appendChild(heading);
  let y = titleHeight;
  plots.forEach((svg, index) => {
    const size = sizes[index] ?? { width, height: 300 };
    const clone = svg.cloneNode(true) as SVGSVGElement;
    inlineStyles(svg, clone);
    const plot = doc.createElementNS(ns, 'g');
    plot.setAttribute('transform', `translate(0 ${y})`);
    const imported = doc.importNode(clone, true) as SVGSVGElement;
    imported.setAttribute('width', String(size.width));
    imported.setAttribute('height', String(size.height));
    plot.appendChild(imported);
    root.appendChild(plot);
    y += size.height;
  });
  let x = 8;
  for (const entry of legend) {
    const swatch = doc.createElementNS(ns, 'rect');
    swatch.setAttribute('x', String(x));
    swatch.setAttribute('y', String(titleHeight + plotHeight + 8));
    swatch.setAttribute('width', '10');
    swatch.setAttribute('height', '10');
    swatch.setAttribute('fill', entry.color);
    root.appendChild(swatch);
    const label = doc.createElementNS(ns, 'text');
    label.setAttribute('x', String(x + 14));
    label.setAttribute('y', String(titleHeight + plotHeight + 17));
    label.setAttribute('font-size', '12');
    label.setAttribute('font-family', 'system-ui, sans-serif');
    label.setAttribute('fill', foreground);
    label.textContent = entry.text;
    root.appendChild(label);
    x += 24 + entry.text.length * 7;
  }
  return { text: new XMLSerializer().serializeToString(doc), width, height };
}

/** Rasterises exported SVG to a PNG blob at `scale` × its size. */
export function svgToPng(svg: ExportedSvg, scale = 2): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(svg.width * scale);
      canvas.height = Math.round(svg.height * scale);
      const context = canvas.getContext('2d');
      if (!context) {
        URL.revokeObjectURL(url);
        reject(new Error('no canvas'));
        return;
      }
      context.scale(scale, scale);
      context.drawImage(image, 0, 0);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no PNG'))), 'image/png');
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('SVG did not load'));
    };
    image.src = url;
  });
}

/** Offers a blob as a download with a file name. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
