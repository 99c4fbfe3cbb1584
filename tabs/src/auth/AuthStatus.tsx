import { Body1, Button, makeStyles, Spinner, Title2, tokens } from '@fluentui/react-components';
import { PersonWarningRegular } from '@fluentui/react-icons';
import { usePageTitle } from '../shell/usePageTitle';
import type { TeamsProblem } from './types';

const useStyles = makeStyles({
  page: {
    boxSizing: 'border-box',
    minHeight: '100dvh',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXL,
    textAlign: 'center',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  icon: { fontSize: '48px', color: tokens.colorPaletteMarigoldForeground2 },
  heading: { margin: 0 },
  text: { maxWidth: '52ch', color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', justifyContent: 'center' },
});

/** A full-page "please wait" while signing in, out, or connecting to Teams. */
export function AuthProgress({ label }: { label: string }) {
  const s = useStyles();
  usePageTitle(label.replace(/…$/, ''));
  return (
    <main id="main" className={s.page} aria-busy="true">
      <Spinner size="large" label={label} labelPosition="below" />
    </main>
  );
}

const titles: Record<TeamsProblem, string> = {
  consent: 'Planboard needs your permission',
  timeout: "Teams didn't answer",
  rejected: "Your sign-in wasn't accepted",
  error: "We couldn't sign you in",
};

export interface TeamsSignInProblemProps {
  problem: TeamsProblem;
  message: string;
  onRetry(): void;
}

/** Teams SSO failed: say why and offer the action that helps (consent, retry, reload). */
export function TeamsSignInProblem({ problem, message, onRetry }: TeamsSignInProblemProps) {
  const s = useStyles();
  usePageTitle('Sign-in problem');
  return (
    <main id="main" className={s.page} data-testid="teams-sign-in-problem">
      <PersonWarningRegular className={s.icon} aria-hidden="true" />
      <Title2 as="h1" className={s.heading}>
        {titles[problem]}
      </Title2>
      <Body1 className={s.text} role="alert">
        {message}
        {problem === 'consent' &&
          ' Select Grant permission and accept the prompt from Microsoft. If your organisation requires it, ask an admin to approve Planboard.'}
      </Body1>
      <div className={s.actions}>
        <Button appearance="primary" onClick={onRetry}>
          {problem === 'consent' ? 'Grant permission' : 'Try again'}
        </Button>
        {problem !== 'consent' && <Button onClick={() => window.location.reload()}>Reload the tab</Button>}
      </div>
    </main>
  );
}
