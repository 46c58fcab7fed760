import { createContext, useContext, useRef, type ReactNode } from 'react';
import { ErrorBoundary } from './error-boundary';
import { useVisible } from './use-visible';
import { useLang } from '../../i18n/view-settings';

const VisibleContext = createContext(true);

/**
 * Whether the enclosing section is on screen (true outside any section). What is inside may skip
 * work while it is false and catch up when it turns true.
 */
export function useSectionVisible(): boolean {
  return useContext(VisibleContext);
}

/**
 * Test hook: the browser tests set `globalThis.__explorerFailSection` to a section id before the
 * page loads, to prove that one failing section leaves the rest of the page working.
 */
function FailureProbe({ id }: { id: string }) {
  if ((globalThis as { __explorerFailSection?: unknown }).__explorerFailSection === id) {
    throw new Error(`forced failure of section ${id}`);
  }
  return null;
}

const FAILED = {
  en: 'This section could not be drawn for this scenario. The rest of the page and your scenario are unaffected.',
  zh: '此部分无法在当前情景下绘制。页面其余部分和你的情景不受影响。',
};
const RETRY = { en: 'Try again', zh: '重试' };

/**
 * How far outside the viewport a section still counts as visible: none. A section entering the
 * viewport shows its lead and numbers first; its charts, further down, have caught up (one
 * transition, a frame or two) by the time they scroll in. A margin made every step also redraw
 * the neighbours' charts, off screen.
 */
const SECTION_MARGIN = '0px';

/**
 * A page section: `<section id>` with a heading, a short explanation, its content inside an error
 * boundary, and the sources it relies on.
 */
export function Section(props: {
  id: string;
  title: string;
  /** The explanation under the heading, one paragraph per entry. */
  lead: readonly ReactNode[];
  sources?: ReactNode;
  children: ReactNode;
}) {
  const ref = useRef<HTMLElement>(null);
  const visible = useVisible(ref, SECTION_MARGIN);
  const lang = useLang();
  return (
    <section id={props.id} ref={ref} className="section" aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <div className="section__lead">
        {props.lead.map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </div>
      <ErrorBoundary
        fallback={(_error, retry) => (
          <div className="section__error" role="alert">
            <p>{FAILED[lang]}</p>
            <button type="button" onClick={retry}>
              {RETRY[lang]}
            </button>
          </div>
        )}
      >
        <FailureProbe id={props.id} />
        <VisibleContext.Provider value={visible}>{props.children}</VisibleContext.Provider>
      </ErrorBoundary>
      {props.sources ? <div className="section__sources">{props.sources}</div> : null}
    </section>
  );
}
