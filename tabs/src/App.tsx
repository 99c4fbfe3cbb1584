import { FluentProvider, Spinner } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { AuthGate } from './auth/AuthGate';
import { AuthProvider } from './auth/AuthProvider';
import { AppShell } from './shell/AppShell';
import { CONFIG_ROUTE, DEFAULT_PAGE } from './shell/routes';
import { useHashRoute } from './shell/useHashRoute';
import { HostProvider } from './teams/HostProvider';
import { ThemeNameContext } from './theme/ThemeNameContext';
import { themes } from './theme/themes';
import { useAppTheme } from './theme/useAppTheme';

/** The channel-tab configuration page: only Teams opens it, so it is its own chunk. */
const ConfigPage = lazy(() => import('./pages/config/ConfigPage').then((m) => ({ default: m.ConfigPage })));

function createQueryClient() {
  return new QueryClient({
    defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: true } },
  });
}

function ThemedApp() {
  const themeName = useAppTheme();
  const theme = themes[themeName];
  const [route] = useHashRoute(DEFAULT_PAGE);

  // Keep the page behind the provider (overscroll, scrollbars) in the same theme.
  useEffect(() => {
    const root = document.documentElement;
    root.style.colorScheme = themeName === 'default' ? 'light' : 'dark';
    root.style.backgroundColor = theme.colorNeutralBackground1;
    root.dataset.theme = themeName;
  }, [theme, themeName]);

  return (
    <ThemeNameContext.Provider value={themeName}>
      {/* No className here: Fluent copies the provider's classes onto every portal (dialogs, menus). Pages size themselves. */}
      <FluentProvider theme={theme}>
        {route.page === CONFIG_ROUTE ? (
          <Suspense fallback={<Spinner label="Loading…" />}>
            <ConfigPage />
          </Suspense>
        ) : (
          <AuthGate>
            <AppShell route={route} />
          </AuthGate>
        )}
      </FluentProvider>
    </ThemeNameContext.Provider>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <HostProvider>
        <AuthProvider>
          <ThemedApp />
        </AuthProvider>
      </HostProvider>
    </QueryClientProvider>
  );
}
