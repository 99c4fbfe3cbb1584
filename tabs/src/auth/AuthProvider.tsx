import { createContext, useContext, useLayoutEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { setTokenProvider, setUnauthorizedHandler } from '../api/client';
import { setConsentHandler } from '../api/consent';
import { useHost } from '../teams/HostProvider';
import { BrowserAuth } from './browserAuth';
import { TeamsAuth } from './teamsAuth';
import type { AuthController, AuthState } from './types';

export interface AuthContextValue {
  /** null while we cannot tell yet whether to use Teams SSO or the browser sign-in. */
  controller: AuthController | null;
  state: AuthState;
  /** Connecting to Teams (host detection still running). */
  detecting: boolean;
}

const AuthContext = createContext<AuthContextValue>({ controller: null, state: { status: 'initializing' }, detecting: true });

const idle = () => () => undefined;
const initializing: AuthState = { status: 'initializing' };

/**
 * The one place that decides how the tab signs in: Teams SSO inside Teams, the browser code flow
 * elsewhere. While a framed page is still detecting its host, a browser session restored from
 * sessionStorage is used at once so the shell does not wait. Wires the API client's token and
 * consent hooks.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const host = useHost();
  const [browser] = useState(() => new BrowserAuth());
  const [teams] = useState(() => new TeamsAuth());
  const inTeams = host.status === 'ready' && host.info.inTeams;
  const detecting = host.status === 'detecting';
  const controller: AuthController | null = inTeams ? teams : detecting && browser.getSnapshot().status !== 'signed-in' ? null : browser;

  // Layout effect: the token hooks must be in place before the pages' queries start (passive effects).
  useLayoutEffect(() => {
    if (!controller) return;
    controller.start();
    setTokenProvider(() => controller.getToken());
    setUnauthorizedHandler((info) => controller.recover(info));
    setConsentHandler((scopes) => controller.consent(scopes));
    return () => {
      setTokenProvider(null);
      setUnauthorizedHandler(null);
      setConsentHandler(null);
    };
  }, [controller]);

  const state = useSyncExternalStore(controller?.subscribe ?? idle, controller?.getSnapshot ?? (() => initializing));
  return <AuthContext.Provider value={{ controller, state, detecting: controller === null }}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  return useContext(AuthContext);
}
