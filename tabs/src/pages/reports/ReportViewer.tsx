import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  mergeClasses,
  Spinner,
  Subtitle1,
  tokens,
  Toolbar,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, ArrowLeftRegular } from '@fluentui/react-icons';
import { useMemo, useRef } from 'react';
import { themes } from '../../theme/themes';
import { useThemeName } from '../../theme/ThemeNameContext';
import { reportsHref } from './deepLink';
import { reportTheme } from './reportTheme';
import { useEmbeddedReport } from './useEmbeddedReport';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, flexGrow: 1, minHeight: 0 },
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  name: { margin: 0, flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  stage: {
    position: 'relative',
    flexGrow: 1,
    // Fill the tab below the header: the report is the page's content, not a widget in it.
    height: 'max(480px, calc(100dvh - 260px))',
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    // Invisible normally; an outline in high contrast, where shadows disappear.
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    overflow: 'hidden',
  },
  frame: { position: 'absolute', inset: 0, '& iframe': { border: 'none', display: 'block' } },
  hidden: { visibility: 'hidden' },
  loading: { position: 'absolute', inset: 0, display: 'flex', alignItems: 'center', justifyContent: 'center' },
  srOnly: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

export interface ReportViewerProps {
  reportId: string;
  /** The report's name when known (from the list); deep links may open before the list arrives. */
  name?: string;
}

/** One embedded Power BI report filling the tab, with loading state, errors in words and token renewal. */
export function ReportViewer({ reportId, name }: ReportViewerProps) {
  const s = useStyles();
  const themeName = useThemeName();
  const theme = useMemo(() => reportTheme(themes[themeName]), [themeName]);
  const container = useRef<HTMLDivElement>(null);
  const title = name ?? 'Report';
  const report = useEmbeddedReport(reportId, title, container, theme);
  const busy = report.phase === 'token' || report.phase === 'loading';
  const local = report.embedHost?.startsWith('emulator.powerbi.com');

  return (
    <section className={s.root} aria-labelledby="report-name">
      <div className={s.bar}>
        <Button as="a" href={reportsHref} appearance="subtle" icon={<ArrowLeftRegular />}>
          All reports
        </Button>
        <Subtitle1 as="h2" id="report-name" className={s.name}>
          {title}
        </Subtitle1>
        <Toolbar aria-label="Report actions">
          <Button icon={<ArrowClockwiseRegular />} onClick={report.refresh} disabled={report.phase !== 'rendered'}>
            Refresh
          </Button>
        </Toolbar>
      </div>
      {report.problem && (
        <MessageBar intent="error" data-testid="report-problem">
          <MessageBarBody>
            <MessageBarTitle>{report.problem.title}</MessageBarTitle>
            {report.problem.message}
          </MessageBarBody>
          {report.problem.retry && (
            <MessageBarActions>
              <Button onClick={report.retry}>Try again</Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {report.notice && !report.problem && (
        <MessageBar intent="info" data-testid="report-notice">
          <MessageBarBody>
            <MessageBarTitle>{report.notice.title}</MessageBarTitle>
            {report.notice.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {report.slow && busy && (
        <MessageBar intent="warning" data-testid="report-slow">
          <MessageBarBody>
            <MessageBarTitle>The report is taking longer than usual</MessageBarTitle>
            {local
              ? 'Running Planboard locally? Your browser must reach emulator.powerbi.com: open the tab with the command npm start prints (see the README).'
              : 'Power BI may be busy. It will appear as soon as it loads.'}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={s.stage} aria-busy={busy}>
        {busy && !report.problem && (
          <div className={s.loading}>
            <Spinner label={report.phase === 'token' ? 'Getting access to the report…' : 'Loading the report…'} />
          </div>
        )}
        <div
          ref={container}
          className={mergeClasses(s.frame, (busy || report.phase === 'failed') && s.hidden)}
          data-testid="report-container"
          data-phase={report.phase}
          data-renewals={report.renewals}
        />
      </div>
      <div className={s.srOnly} aria-live="polite" aria-atomic="true">
        {report.phase === 'rendered' ? (report.renewals > 0 ? `${title} is shown. Access renewed.` : `${title} is shown.`) : ''}
      </div>
    </section>
  );
}
