import { useRef, useState } from 'react';
import { defineMessages } from '../../i18n/i18n';
import { useMessages } from '../../i18n/view-settings';
import { useShare } from './share-context';

/** The SVG/PNG export code loads on the first download, not with the page. */
const loadExport = () => import('./export-chart');

const MESSAGES = defineMessages({
  en: {
    menu: 'Share or download',
    copyLink: 'Copy link',
    copyEmbed: 'Copy embed code',
    png: 'Download PNG',
    svg: 'Download SVG',
    copied: 'Copied',
    failed: 'Could not copy; select the text below',
  },
  zh: {
    menu: '分享或下载',
    copyLink: '复制链接',
    copyEmbed: '复制嵌入代码',
    png: '下载 PNG',
    svg: '下载 SVG',
    copied: '已复制',
    failed: '无法复制,请手动选择下面的文本',
  },
});

/** The iframe snippet for an embed link (16:9 by default). */
export function embedSnippet(link: string, title: string): string {
  const safeTitle = title.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c);
  const safeLink = link.replace(/"/g, '%22');
  return `<iframe src="${safeLink}" title="${safeTitle}" width="960" height="540" style="border:0" loading="lazy"></iframe>`;
}

/** Copy link, copy embed code, download PNG and SVG of one chart. */
export function ChartMenu({ chartId, title }: { chartId: string; title: string }) {
  const m = useMessages(MESSAGES);
  const share = useShare();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [fallback, setFallback] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(m.copied);
      setFallback(null);
    } catch {
      setStatus(m.failed);
      setFallback(text);
    }
  };
  const figure = () => ref.current?.closest('figure') ?? null;
  const fileName = (ext: string) => `${chartId}.${ext}`;
  const downloadSvg = async () => {
    const element = figure();
    const { chartSvg, downloadBlob } = await loadExport();
    const svg = element ? chartSvg(element, title) : null;
    if (svg) downloadBlob(new Blob([svg.text], { type: 'image/svg+xml' }), fileName('svg'));
  };
  const downloadPng = async () => {
    const element = figure();
    const { chartSvg, downloadBlob, svgToPng } = await loadExport();
    const svg = element ? chartSvg(element, title) : null;
    if (svg) downloadBlob(await svgToPng(svg), fileName('png'));
  };

  return (
    <div className="chart-menu" ref={ref}>
      <button type="button" aria-expanded={open} aria-label={`${m.menu}: ${title}`} onClick={() => setOpen(!open)}>
        ⋯
      </button>
      {open ? (
        <div className="chart-menu__list" role="menu">
          {share.embedded ? null : (
            <>
              <button type="button" role="menuitem" onClick={() => void copy(share.linkFor(null))}>
                {m.copyLink}
              </button>
              <button type="button" role="menuitem" onClick={() => void copy(embedSnippet(share.linkFor(chartId), title))}>
                {m.copyEmbed}
              </button>
            </>
          )}
          <button type="button" role="menuitem" data-action="png" onClick={() => void downloadPng()}>
            {m.png}
          </button>
          <button type="button" role="menuitem" data-action="svg" onClick={() => void downloadSvg()}>
            {m.svg}
          </button>
          {status ? <span role="status" className="muted">{status}</span> : null}
          {fallback ? <textarea readOnly value={fallback} rows={3} onFocus={(e) => e.currentTarget.select()} /> : null}
        </div>
      ) : null}
    </div>
  );
}
