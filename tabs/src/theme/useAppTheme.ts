import { useEffect, useState } from 'react';
import { onTeamsThemeChange } from '../teams/host';
import { useHost } from '../teams/HostProvider';
import { themeOverrideFromUrl, type AppThemeName } from './themes';

const DARK = '(prefers-color-scheme: dark)';
const FORCED = '(forced-colors: active)';

function systemTheme(): AppThemeName {
  if (typeof window === 'undefined' || !window.matchMedia) return 'default';
  if (window.matchMedia(FORCED).matches) return 'contrast';
  return window.matchMedia(DARK).matches ? 'dark' : 'default';
}

/**
 * Theme precedence: URL override, then the Teams theme (live, via the host's theme-change
 * handler), then the OS/browser preference (live, via matchMedia).
 */
export function useAppTheme(): AppThemeName {
  const host = useHost();
  const [override] = useState(() => (typeof window === 'undefined' ? null : themeOverrideFromUrl(window.location.search)));
  const [system, setSystem] = useState<AppThemeName>(systemTheme);
  const [teams, setTeams] = useState<AppThemeName | null>(null);
  const inTeams = host.info.inTeams;

  useEffect(() => {
    if (override || inTeams || !window.matchMedia) return;
    const queries = [window.matchMedia(DARK), window.matchMedia(FORCED)];
    const update = () => setSystem(systemTheme());
    queries.forEach((q) => q.addEventListener('change', update));
    update();
    return () => queries.forEach((q) => q.removeEventListener('change', update));
  }, [override, inTeams]);

  useEffect(() => {
    if (override || !inTeams) return;
    setTeams(host.info.theme);
    return onTeamsThemeChange(setTeams);
  }, [override, inTeams, host.info.theme]);

  return override ?? (inTeams ? (teams ?? host.info.theme ?? 'default') : system);
}
