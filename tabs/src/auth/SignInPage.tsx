import {
  Body1,
  Button,
  Caption1,
  Divider,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { PersonRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { BrandMark } from '../shell/BrandMark';
import { usePageTitle } from '../shell/usePageTitle';
import { describeAuthError, fetchAuthConfig, OidcError } from './oidc';
import { fetchSampleUsers } from './sampleUsers';
import { SampleUserPicker } from './SampleUserPicker';
import type { AuthNotice } from './types';

const useStyles = makeStyles({
  page: {
    boxSizing: 'border-box',
    minHeight: '100dvh',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  card: {
    boxSizing: 'border-box',
    width: '100%',
    maxWidth: '720px',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow16,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    '@media (max-width: 599px)': { padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalL}` },
  },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  logo: { width: '32px', height: '32px' },
  product: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase500 },
  intro: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  footnote: { color: tokens.colorNeutralForeground3, textAlign: 'center', maxWidth: '60ch' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

export interface SignInPageProps {
  notice?: AuthNotice;
  onSignIn(loginHint?: string): void;
}

/** Outside Teams, when nobody is signed in: pick a sample account (local) or sign in with Microsoft. */
export function SignInPage({ notice, onSignIn }: SignInPageProps) {
  const s = useStyles();
  usePageTitle('Sign in');
  const config = useQuery({ queryKey: ['auth-config'], queryFn: () => fetchAuthConfig(), retry: 1, staleTime: 5 * 60_000 });
  const authority = config.data?.authority;
  const users = useQuery({
    queryKey: ['sample-users', authority],
    queryFn: () => fetchSampleUsers(authority ?? ''),
    enabled: authority !== undefined,
    staleTime: 5 * 60_000,
  });
  const sampleUsers = users.data ?? null;
  const configProblem = config.isError
    ? config.error instanceof OidcError
      ? describeAuthError(config.error.error, config.error.description)
      : describeAuthError('config_unavailable', "Planboard's sign-in settings could not be read.")
    : null;

  return (
    <main id="main" className={s.page}>
      <div className={s.card}>
        <div className={s.brand}>
          <BrandMark className={s.logo} />
          <Text className={s.product}>Planboard</Text>
        </div>
        <div className={s.intro}>
          <Title2 as="h1" className={s.heading}>
            Sign in
          </Title2>
          <Body1 className={s.muted}>Budgets, KPIs, Power BI operations and training, showing only what your access allows.</Body1>
        </div>
        {notice && (
          <MessageBar intent={notice.intent} data-testid="sign-in-notice">
            <MessageBarBody>
              <MessageBarTitle>{notice.title}</MessageBarTitle>
              {notice.message}
            </MessageBarBody>
          </MessageBar>
        )}
        {configProblem && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>{configProblem.title}</MessageBarTitle>
              {configProblem.message}
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={() => void config.refetch()} disabled={config.isFetching}>
                {config.isFetching ? 'Retrying…' : 'Retry'}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {(config.isPending || users.isLoading) && <Spinner size="small" label="Getting sign-in ready…" />}
        {sampleUsers && (
          <>
            <Body1>Choose a sample account of the local tenant. No password is needed; this sign-in only exists on your machine.</Body1>
            <SampleUserPicker users={sampleUsers} onPick={(user) => onSignIn(user.upn)} />
            <Divider />
          </>
        )}
        {config.isSuccess && !users.isLoading && (
          <div className={s.actions}>
            <Button appearance={sampleUsers ? 'secondary' : 'primary'} size="large" icon={<PersonRegular />} onClick={() => onSignIn()}>
              {sampleUsers ? 'Use another account' : 'Sign in with Microsoft'}
            </Button>
          </div>
        )}
      </div>
      <Caption1 className={s.footnote}>Inside Microsoft Teams, Planboard signs you in automatically with your Teams account.</Caption1>
    </main>
  );
}
