import { type RefObject, useEffect, useState } from 'react';

export interface RowWindow {
  start: number;
  end: number;
  before: number;
  after: number;
}

const OVERSCAN = 8;

// Which rows of a long list are near the viewport. Ten thousand drafts render as the few dozen
// the writer can see, so the library opens as fast with 10,000 drafts as with ten.
export function useWindow(container: RefObject<HTMLElement | null>, count: number, rowHeight: number): RowWindow {
  const [view, setView] = useState({ top: 0, height: 800 });
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const measure = () => setView({ top: element.scrollTop, height: element.clientHeight || 800 });
    measure();
    element.addEventListener('scroll', measure, { passive: true });
    const resize = new ResizeObserver(measure);
    resize.observe(element);
    return () => {
      element.removeEventListener('scroll', measure);
      resize.disconnect();
    };
  }, [container]);
  const start = Math.max(0, Math.floor(view.top / rowHeight) - OVERSCAN);
  const end = Math.min(count, Math.ceil((view.top + view.height) / rowHeight) + OVERSCAN);
  return { start, end, before: start * rowHeight, after: Math.max(0, (count - end) * rowHeight) };
}
