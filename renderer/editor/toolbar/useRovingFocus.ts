import { type FocusEvent, type KeyboardEvent, useCallback, useLayoutEffect, useRef } from 'react';

// The toolbar is one Tab stop; arrow keys, Home and End move between its buttons (the WAI-ARIA
// toolbar pattern), so a writer tabbing from the headline to the body passes it in one step.
export function useRovingFocus<T extends HTMLElement>() {
  const containerRef = useRef<T>(null);
  const activeRef = useRef(0);

  const items = useCallback((): HTMLElement[] => {
    const container = containerRef.current;
    return container ? Array.from(container.querySelectorAll<HTMLElement>('[data-roving]')) : [];
  }, []);

  // Runs after every render: buttons come and go (and React knows nothing of tabindex here),
  // so exactly one of them is put back in the Tab order each time.
  useLayoutEffect(() => {
    const all = items();
    if (all.length === 0) return;
    activeRef.current = Math.min(activeRef.current, all.length - 1);
    all.forEach((item, index) => item.setAttribute('tabindex', index === activeRef.current ? '0' : '-1'));
  });

  const moveTo = useCallback(
    (index: number) => {
      const all = items();
      const target = all[index];
      if (!target) return;
      all[activeRef.current]?.setAttribute('tabindex', '-1');
      activeRef.current = index;
      target.setAttribute('tabindex', '0');
      target.focus();
    },
    [items],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<T>) => {
      const all = items();
      const current = all.indexOf(event.target as HTMLElement);
      if (current === -1) return;
      let next: number;
      switch (event.key) {
        case 'ArrowRight':
          next = (current + 1) % all.length;
          break;
        case 'ArrowLeft':
          next = (current - 1 + all.length) % all.length;
          break;
        case 'Home':
          next = 0;
          break;
        case 'End':
          next = all.length - 1;
          break;
        default:
          return;
      }
      event.preventDefault();
      moveTo(next);
    },
    [items, moveTo],
  );

  // A click focuses a button too; the next Tab into the toolbar should come back to it.
  const onFocus = useCallback(
    (event: FocusEvent<T>) => {
      const all = items();
      const index = all.indexOf(event.target as HTMLElement);
      if (index === -1 || index === activeRef.current) return;
      all[activeRef.current]?.setAttribute('tabindex', '-1');
      activeRef.current = index;
      event.target.setAttribute('tabindex', '0');
    },
    [items],
  );

  return { containerRef, onKeyDown, onFocus };
}
