import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';
import type { TeamsThemeName } from '../teams/host';

export type AppThemeName = TeamsThemeName;

/** The Teams themes are used in and out of Teams, so the tab looks the same in the browser. */
export const themes: Record<AppThemeName, Theme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

/** `?theme=dark|default|contrast` (also `light`) forces a theme, e.g. for screenshots. */
export function themeOverrideFromUrl(search: string): AppThemeName | null {
  const value = new URLSearchParams(search).get('theme')?.toLowerCase();
  if (value === 'dark' || value === 'contrast' || value === 'default') return value;
  if (value === 'light') return 'default';
  return null;
}
