import { createContext, useContext } from 'react';
import type { AppThemeName } from './themes';

/** The active theme's name, for the rare component that must adapt beyond tokens (high contrast). */
export const ThemeNameContext = createContext<AppThemeName>('default');

export const useThemeName = (): AppThemeName => useContext(ThemeNameContext);
