import { useCallback, useEffect, useState } from 'react';
import { useHost } from '../../teams/HostProvider';
import { dayFromHash, dayFromSubPage, dayHref, trainingHref } from './trainingRoute';

/** A Teams deep link's sub-entity opens its day once per page load; afterwards the URL decides. */
let subPageUsed = false;

const replaceHash = (hash: string) => {
  const url = new URL(window.location.href);
  url.hash = hash;
  window.history.replaceState(window.history.state, '', url);
};

/** The open day and how to change it (the URL follows, so a day can be shared or reloaded). */
export function useTrainingRoute(): [number | undefined, (day: number | undefined) => void] {
  const { info } = useHost();
  const [current, setCurrent] = useState<number | undefined>(() => dayFromHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setCurrent(dayFromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  useEffect(() => {
    if (subPageUsed || !info.subPageId) return;
    subPageUsed = true;
    const fromTeams = dayFromSubPage(info.subPageId);
    if (fromTeams && !dayFromHash(window.location.hash)) {
      replaceHash(dayHref(fromTeams));
      setCurrent(fromTeams);
    }
  }, [info.subPageId]);
  const choose = useCallback((day: number | undefined) => {
    replaceHash(day ? dayHref(day) : trainingHref);
    setCurrent(day);
  }, []);
  return [current, choose];
}
