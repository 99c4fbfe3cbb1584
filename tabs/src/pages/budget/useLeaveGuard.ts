import { useEffect, useRef } from 'react';

/**
 * While `dirty`: the browser asks before the tab is closed or reloaded, and clicks on in-app links
 * to other pages are held back and handed to `onLeaveAttempt` (which may navigate to `href` later).
 */
export function useLeaveGuard(dirty: boolean, onLeaveAttempt: (href: string) => void): void {
  const latest = useRef({ dirty, onLeaveAttempt });
  latest.current = { dirty, onLeaveAttempt };

  useEffect(() => {
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!latest.current.dirty) return;
      event.preventDefault();
      event.returnValue = '';
    };
    const click = (event: MouseEvent) => {
      if (!latest.current.dirty || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      const link = (event.target as Element | null)?.closest?.('a[href^="#/"]');
      const href = link?.getAttribute('href');
      if (!href || href.startsWith('#/budget')) return;
      event.preventDefault();
      event.stopPropagation();
      latest.current.onLeaveAttempt(href);
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', click, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', click, true);
    };
  }, []);
}
