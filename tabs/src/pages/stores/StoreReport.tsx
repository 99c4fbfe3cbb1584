import {
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useRef } from 'react';
import { themes } from '../../theme/themes';
import { useThemeName } from '../../theme/ThemeNameContext';
import { reportTheme } from '../reports/reportTheme';
import { useEmbeddedReport } from '../reports/useEmbeddedReport';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  title: { margin: 0 },
  stage: {
    position: 'relative',
    height: '520px',
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    overflow: 'hidden',
  },
  frame: { position: 'absolute', inset: 0, '& iframe': { border: 'none', display: 'block' } },
  hidden: { visibility: 'hidden' },
  loading: { position: 'absolute', inset: 0, display: 'flex', alignItems: 'center', justifyContent: 'center' },
});

/** The store report beside the figures: the same embedding (token from our API, RLS on the caller's stores, renewal) as the Reports page. */
export function StoreReport({ reportId, name }: { reportId: string; name: string }) {
  const s = useStyles();
  const themeName = useThemeName();
  const theme = useMemo(() => reportTheme(themes[themeName]), [themeName]);
  const container = useRef<HTMLDivElement>(null);
  const report = useEmbeddedReport(reportId, name, container, theme);
  const busy = report.phase === 'token' || report.phase === 'loading';
  return (
    <section className={s.root} aria-labelledby="store-report-name">
      <Subtitle2 as="h3" id="store-report-name" className={s.title}>
        {name}
      </Subtitle2>
      {report.problem && (
        <MessageBar intent="error" data-testid="report-problem">
          <MessageBarBody>
            <MessageBarTitle>{report.problem.title}</MessageBarTitle>
            {report.problem.message}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={s.stage} aria-busy={busy}>
        {busy && !report.problem && (
          <div className={s.loading}>
            <Spinner label="Loading the report…" />
          </div>
        )}
        <div
          ref={container}
          className={mergeClasses(s.frame, (busy || report.phase === 'failed') && s.hidden)}
          data-testid="report-container"
          data-phase={report.phase}
        />
      </div>
    </section>
  );
}
