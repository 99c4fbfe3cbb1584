import { factories, models, service, type Report } from 'powerbi-client';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { fetchEmbed } from './reportsApi';
import {
  describeDataState,
  describeEmbedFailure,
  describeReportError,
  isTokenExpired,
  type ReportEventError,
  type ReportNotice,
  type ReportProblem,
} from './reportProblems';
import type { ReportTheme } from './reportTheme';
import { renewalDelay } from './renewal';

/** One powerbi-client service for the tab (what the library's global `window.powerbi` would be). */
let sdk: service.Service | undefined;
const powerbi = (): service.Service => (sdk ??= new service.Service(factories.hpmFactory, factories.wpmpFactory, factories.routerFactory));

/** Where an embed is: getting a token, Power BI loading, shown, or stopped by a problem. */
export type ReportPhase = 'token' | 'loading' | 'rendered' | 'failed';

/** After this long without `rendered`, say that loading is slow (and, locally, why it may be). */
const slowAfterMs = 15_000;
/** A proactive renewal that failed is tried again this much later (the current token still works). */
const renewRetryMs = 30_000;

export interface EmbeddedReport {
  phase: ReportPhase;
  problem?: ReportProblem;
  /** The report has nothing to show the caller yet (the API said so; not an access problem). */
  notice?: ReportNotice;
  /** Loading takes unusually long. */
  slow: boolean;
  /** The embed URL's host, for hints (the local emulator needs a name mapping). */
  embedHost?: string;
  /** How many times the token was renewed (announced to screen readers; tests read it). */
  renewals: number;
  retry(): void;
  refresh(): void;
}

/**
 * Embeds one report with powerbi-client into `container`: gets an embed token from our API,
 * embeds, follows `loaded`/`rendered`/`error`, and keeps the token fresh with
 * `report.setAccessToken` — two minutes before it expires, and at once if Power BI reports
 * `TokenExpired` (a laptop that slept past the timer). Other errors become a {@link ReportProblem}.
 */
export function useEmbeddedReport(
  reportId: string,
  title: string,
  container: RefObject<HTMLDivElement | null>,
  theme: ReportTheme,
): EmbeddedReport {
  const [attempt, setAttempt] = useState(0);
  const [phase, setPhase] = useState<ReportPhase>('token');
  const [problem, setProblem] = useState<ReportProblem>();
  const [notice, setNotice] = useState<ReportNotice>();
  const [slow, setSlow] = useState(false);
  const [embedHost, setEmbedHost] = useState<string>();
  const [renewals, setRenewals] = useState(0);
  const reportRef = useRef<Report | undefined>(undefined);
  const themeRef = useRef(theme);
  const titleRef = useRef(title);

  useEffect(() => {
    themeRef.current = theme;
    titleRef.current = title;
  }, [theme, title]);

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const abort = new AbortController();
    let renewTimer: ReturnType<typeof setTimeout> | undefined;
    let slowTimer: ReturnType<typeof setTimeout> | undefined;
    let renewing: Promise<void> | undefined;
    let expired = false;
    const live = () => !abort.signal.aborted;
    const fail = (next: ReportProblem) => {
      if (!live()) return;
      setProblem(next);
      setPhase('failed');
    };
    setPhase('token');
    setProblem(undefined);
    setNotice(undefined);
    setSlow(false);

    const schedule = (ms: number) => {
      clearTimeout(renewTimer);
      renewTimer = setTimeout(() => void renew(), ms);
    };
    // One renewal at a time: the timer and a TokenExpired event may ask together.
    const renew = (): Promise<void> =>
      (renewing ??= fetchEmbed(reportId, abort.signal)
        .then(async (embed) => {
          await reportRef.current?.setAccessToken(embed.accessToken);
          if (!live()) return;
          setNotice(describeDataState(embed.dataState));
          schedule(renewalDelay(embed.expiration));
          setRenewals((count) => count + 1);
          if (expired) {
            expired = false;
            setProblem(undefined);
            setPhase('rendered');
          }
        })
        .catch((error: unknown) => {
          if (!live()) return;
          if (expired) fail(describeEmbedFailure(error));
          else schedule(renewRetryMs);
        })
        .finally(() => {
          renewing = undefined;
        }));

    fetchEmbed(reportId, abort.signal)
      .then((embed) => {
        if (!live()) return;
        setEmbedHost(new URL(embed.embedUrl).host);
        setNotice(describeDataState(embed.dataState));
        const config: models.IReportEmbedConfiguration = {
          type: 'report',
          id: embed.reportId,
          embedUrl: embed.embedUrl,
          accessToken: embed.accessToken,
          tokenType: models.TokenType.Embed,
          permissions: models.Permissions.Read,
          viewMode: models.ViewMode.View,
          theme: themeRef.current,
          settings: {
            panes: { filters: { visible: false }, pageNavigation: { visible: true } },
          },
        };
        setPhase('loading');
        const report = powerbi().embed(element, config) as Report;
        reportRef.current = report;
        // The iframe's accessible name (axe: frame-title).
        report.setComponentTitle(`${titleRef.current} (Power BI report)`);
        report.on('rendered', () => {
          if (!live()) return;
          clearTimeout(slowTimer);
          setSlow(false);
          setProblem(undefined);
          setPhase('rendered');
        });
        report.on<ReportEventError>('error', (event) => {
          const detail = event.detail;
          if (isTokenExpired(detail)) {
            expired = true;
            void renew();
            return;
          }
          fail(describeReportError(detail));
        });
        schedule(renewalDelay(embed.expiration));
        slowTimer = setTimeout(() => live() && setSlow(true), slowAfterMs);
      })
      .catch((error: unknown) => fail(describeEmbedFailure(error)));

    return () => {
      abort.abort();
      clearTimeout(renewTimer);
      clearTimeout(slowTimer);
      const report = reportRef.current;
      reportRef.current = undefined;
      report?.off('rendered');
      report?.off('error');
      powerbi().reset(element);
    };
  }, [reportId, attempt, container]);

  useEffect(() => {
    if (phase === 'rendered') reportRef.current?.setComponentTitle(`${title} (Power BI report)`);
  }, [title, phase]);

  // Follow Teams theme changes while the report is open (the initial theme goes with the embed).
  useEffect(() => {
    if (phase === 'rendered') void reportRef.current?.applyTheme(theme).catch(() => undefined);
  }, [theme, phase]);

  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  const refresh = useCallback(() => {
    // Power BI limits refreshes (and may refuse one); a refused refresh leaves the report as it was.
    void reportRef.current?.refresh().catch(() => undefined);
  }, []);
  return { phase, problem, notice, slow, embedHost, renewals, retry, refresh };
}
