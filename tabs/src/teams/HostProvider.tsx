import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { detectHost, quickHostGuess, type HostInfo } from './host';

export interface HostState {
  /** `detecting` only while a framed page races `app.initialize()` (a few seconds at most). */
  status: 'detecting' | 'ready';
  info: HostInfo;
}

const initialState = (): HostState =>
  quickHostGuess() === 'not-teams'
    ? { status: 'ready', info: { inTeams: false, reason: 'top-level', theme: null } }
    : { status: 'detecting', info: { inTeams: false, reason: 'unknown-frame', theme: null } };

const HostContext = createContext<HostState>({ status: 'ready', info: { inTeams: false, reason: 'no-window', theme: null } });

export function HostProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<HostState>(initialState);
  useEffect(() => {
    let live = true;
    void detectHost().then((info) => {
      if (live) setState({ status: 'ready', info });
    });
    return () => {
      live = false;
    };
  }, []);
  return <HostContext.Provider value={state}>{children}</HostContext.Provider>;
}

export function useHost(): HostState {
  return useContext(HostContext);
}
