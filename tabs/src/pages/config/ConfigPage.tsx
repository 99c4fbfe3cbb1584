import {
  Body1,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { DEFAULT_PAGE, findPage, pages } from '../../shell/routes';
import { usePageTitle } from '../../shell/usePageTitle';
import { hrefFor } from '../../shell/useHashRoute';
import { useHost } from '../../teams/HostProvider';
import { pageFromEntityId, tabConfigFor, useTeamsTabConfig } from './tabConfig';

const useStyles = makeStyles({
  main: {
    boxSizing: 'border-box',
    minHeight: '100dvh',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXL,
    maxWidth: '720px',
  },
  heading: { margin: 0 },
  option: { display: 'flex', flexDirection: 'column' },
  optionTitle: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** `#/config`: the channel tab's configuration page (Teams shows it when the tab is added). */
export function ConfigPage() {
  const s = useStyles();
  usePageTitle('Set up the Planboard tab');
  const { status, info } = useHost();
  const initial = findPage(pageFromEntityId(info.pageId) ?? '')?.id ?? DEFAULT_PAGE;
  const [choice, setChoice] = useState<string>(initial);
  const page = findPage(choice);
  const config = useMemo(() => (page ? tabConfigFor(page.id, page.title, window.location.href) : null), [page]);
  const teams = useTeamsTabConfig(config, info.inTeams);

  return (
    <main id="main" className={s.main}>
      <Title2 as="h1" className={s.heading}>
        Choose what this tab shows
      </Title2>
      <Body1>Pick the Planboard page this channel tab opens. Everyone in the channel sees only the data they have access to.</Body1>
      {status === 'detecting' ? (
        <Spinner size="tiny" label="Connecting to Teams…" labelPosition="after" />
      ) : !info.inTeams ? (
        <MessageBar intent="info" data-testid="config-outside-teams">
          <MessageBarBody>
            You are not in Microsoft Teams, so nothing will be saved. {page && <Link href={hrefFor(page.id)}>Open {page.title}</Link>}
          </MessageBarBody>
        </MessageBar>
      ) : teams.error ? (
        <MessageBar intent="error">
          <MessageBarBody>{teams.error}</MessageBarBody>
        </MessageBar>
      ) : null}
      <RadioGroup aria-label="Page to show" value={choice} onChange={(_, d) => setChoice(d.value)}>
        {pages.map((p) => (
          <Radio
            key={p.id}
            value={p.id}
            label={
              <span className={s.option}>
                <span className={s.optionTitle}>{p.title}</span>
                <span className={s.hint}>{p.subtitle}</span>
              </span>
            }
          />
        ))}
      </RadioGroup>
    </main>
  );
}
