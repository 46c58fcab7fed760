import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
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

/** The menu's items, in order (the embed hides the two links: an embed links to the explorer). */
type MenuAction = 'link' | 'embed' | 'png' | 'svg';

/** Index of the item a key moves to, or null for a key the menu does not handle (APG menu). */
export function nextItem(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  if (key === 'ArrowDown') return (current + 1) % count;
  if (key === 'ArrowUp') return (current - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

/**
 * Copy link, copy embed code, download PNG and SVG of one chart, as a WAI-ARIA APG menu button:
 * the button has `aria-haspopup="menu"`, `aria-expanded` and `aria-controls`; opening it (click,
 * Enter, Space, ArrowDown; ArrowUp opens on the last item) moves focus to an item; ArrowUp/ArrowDown
 * cycle, Home/End jump; Escape or a click outside closes it and returns focus to the button; Tab
 * closes it and moves on; choosing an item runs it, closes the menu and returns focus to the button.
 * The outcome of a copy is announced in a status beside the button.
 */
export function ChartMenu({ chartId, title }: { chartId: string; title: string }) {
  const m = useMessages(MESSAGES);
  const share = useShare();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [fallback, setFallback] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  /** Which item takes focus when the menu opens: the first, or the last (ArrowUp on the button). */
  const focusOnOpen = useRef<'first' | 'last'>('first');
  const buttonId = useId();
  const menuId = useId();

  const items = (): HTMLElement[] => [...(listRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };
  const openMenu = (at: 'first' | 'last') => {
    focusOnOpen.current = at;
    setOpen(true);
  };

  useEffect(() => {
    if (!open) return;
    const list = items();
    (focusOnOpen.current === 'last' ? list.at(-1) : list[0])?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (ref.current && event.target instanceof Node && !ref.current.contains(event.target)) {
        setOpen(false);
        // Back to the button unless the click itself put focus somewhere (a field, a link).
        requestAnimationFrame(() => {
          if (document.activeElement === document.body || document.activeElement === null) buttonRef.current?.focus();
        });
      }
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [open]);

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
  const run = (action: MenuAction) => {
    close(true);
    if (action === 'link') void copy(share.linkFor(null));
    else if (action === 'embed') void copy(embedSnippet(share.linkFor(chartId), title));
    else if (action === 'png') void downloadPng();
    else void downloadSvg();
  };

  const onButtonKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openMenu(event.key === 'ArrowUp' ? 'last' : 'first');
    }
  };
  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
      return;
    }
    if (event.key === 'Tab') {
      close(false);
      return;
    }
    const list = items();
    const target = nextItem(event.key, list.indexOf(document.activeElement as HTMLElement), list.length);
    if (target !== null) {
      event.preventDefault();
      list[target]?.focus();
    }
  };

  const actions: { action: MenuAction; label: string }[] = [
    ...(share.embedded
      ? []
      : [
          { action: 'link' as const, label: m.copyLink },
          { action: 'embed' as const, label: m.copyEmbed },
        ]),
    { action: 'png', label: m.png },
    { action: 'svg', label: m.svg },
  ];

  return (
    <div className="chart-menu" ref={ref}>
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={`${m.menu}: ${title}`}
        onClick={() => (open ? close(true) : openMenu('first'))}
        onKeyDown={onButtonKey}
      >
        ⋯
      </button>
      <div ref={listRef} id={menuId} className="chart-menu__list" role="menu" aria-labelledby={buttonId} hidden={!open} onKeyDown={onMenuKey}>
        {actions.map(({ action, label }) => (
          <button key={action} type="button" role="menuitem" tabIndex={-1} data-action={action} onClick={() => run(action)}>
            {label}
          </button>
        ))}
      </div>
      <span role="status" className="chart-menu__status muted">
        {status}
      </span>
      {fallback ? <textarea readOnly value={fallback} rows={3} aria-label={m.menu} onFocus={(event) => event.currentTarget.select()} /> : null}
    </div>
  );
}
