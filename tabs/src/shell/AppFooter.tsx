import { Caption1, makeStyles, mergeClasses, Spinner, tokens } from '@fluentui/react-components';
import { useHealth } from '../api/health';
import { useHost } from '../teams/HostProvider';

const useStyles = makeStyles({
  footer: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground3,
  },
  status: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  dot: { width: '8px', height: '8px', borderRadius: tokens.borderRadiusCircular, flexShrink: 0 },
  ok: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  down: { backgroundColor: tokens.colorPaletteRedBackground3 },
});

export function formatUptime(seconds: number): string {
  if (seconds < 60) return `${Math.floor(seconds)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h`;
  return `${Math.floor(seconds / 86400)} d`;
}

function hostLabel(inTeams: boolean, hostName?: string, clientType?: string): string {
  if (!inTeams) return 'Running in a browser';
  return `Running in ${hostName ?? 'Teams'}${clientType ? ` (${clientType})` : ''}`;
}

/** About line: API health (GET /api/health) and where the tab is hosted. */
export function AppFooter() {
  const s = useStyles();
  const health = useHealth();
  const { status, info } = useHost();
  return (
    <footer className={s.footer}>
      <span className={s.status} data-testid="api-status" aria-live="polite">
        {health.isError ? (
          <>
            <span className={mergeClasses(s.dot, s.down)} aria-hidden="true" />
            <Caption1>API unreachable</Caption1>
          </>
        ) : health.data ? (
          <>
            <span className={mergeClasses(s.dot, s.ok)} aria-hidden="true" />
            <Caption1>
              API {health.data.status} · v{health.data.version} · up {formatUptime(health.data.uptimeSeconds)}
            </Caption1>
          </>
        ) : (
          <>
            <Spinner size="extra-tiny" aria-hidden="true" />
            <Caption1>Checking the Planboard API…</Caption1>
          </>
        )}
      </span>
      <Caption1 data-testid="host-status">
        {status === 'detecting' ? 'Connecting to Teams…' : hostLabel(info.inTeams, info.hostName, info.clientType)}
      </Caption1>
    </footer>
  );
}
