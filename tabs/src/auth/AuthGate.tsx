import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { useAuth } from './AuthProvider';
import { AuthProgress, TeamsSignInProblem } from './AuthStatus';
import { SignInPage } from './SignInPage';

/** Queries that do not belong to an account survive a change of account. */
const accountFree = new Set(['auth-config', 'sample-users', 'health']);

/** Shows `children` (the shell) only to a signed-in user; otherwise sign-in, progress or the problem. */
export function AuthGate({ children }: { children: ReactNode }) {
  const { controller, state, detecting } = useAuth();
  const queryClient = useQueryClient();
  const oid = state.status === 'signed-in' ? state.account.oid : null;
  const previous = useRef(oid);

  // Another account (or none): drop everything cached for the previous one.
  useEffect(() => {
    if (previous.current !== null && previous.current !== oid) {
      queryClient.removeQueries({ predicate: (query) => !accountFree.has(String(query.queryKey[0])) });
    }
    previous.current = oid;
  }, [oid, queryClient]);

  if (detecting || !controller) return <AuthProgress label="Connecting to Microsoft Teams…" />;
  switch (state.status) {
    case 'signed-in':
      return <>{children}</>;
    case 'signed-out':
      return <SignInPage notice={state.notice} onSignIn={(hint) => void controller.signIn(hint)} />;
    case 'failed':
      return <TeamsSignInProblem problem={state.problem} message={state.message} onRetry={() => void controller.signIn()} />;
    case 'redirecting':
      return <AuthProgress label={state.purpose === 'sign-out' ? 'Signing you out…' : 'Taking you to sign in…'} />;
    default:
      return <AuthProgress label="Signing you in…" />;
  }
}
