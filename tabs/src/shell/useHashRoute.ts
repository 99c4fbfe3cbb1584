import { useCallback, useEffect, useState } from 'react';

/** Hash routing (`index.html#/budget/...`) so Teams static tabs can deep-link into a page. */
export interface HashRoute {
  /** First path segment, e.g. `budget`; '' for the root. */
  page: string;
  /** Remaining segments, e.g. ['lines', '42']. */
  rest: string[];
}

export function parseHash(hash: string): HashRoute {
  const path = hash.replace(/^#!?/, '').split('?')[0] ?? '';
  const segments = path
    .split('/')
    .filter(Boolean)
    .map((s) => decodeURIComponent(s));
  return { page: (segments[0] ?? '').toLowerCase(), rest: segments.slice(1) };
}

export const hrefFor = (page: string) => `#/${page}`;

/** Current route; redirects the empty route to `defaultPage` without adding a history entry. */
export function useHashRoute(defaultPage: string): [HashRoute, (page: string) => void] {
  const read = useCallback(() => {
    const route = parseHash(window.location.hash);
    if (route.page) return route;
    const url = new URL(window.location.href);
    url.hash = hrefFor(defaultPage);
    window.history.replaceState(window.history.state, '', url);
    return parseHash(url.hash);
  }, [defaultPage]);

  const [route, setRoute] = useState<HashRoute>(read);

  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    onChange();
    return () => window.removeEventListener('hashchange', onChange);
  }, [read]);

  const navigate = useCallback((page: string) => {
    window.location.hash = hrefFor(page);
  }, []);
  return [route, navigate];
}
