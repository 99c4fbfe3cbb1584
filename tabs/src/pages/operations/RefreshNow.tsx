import { Button, Caption1, ProgressBar } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import type { OpsMutations } from './opsApi';
import { useOpsStyles } from './opsStyles';
import { phaseText } from './refreshWatch';
import { RefreshStatusBadge } from './StatusBadge';
import { useRefreshNow } from './useRefreshNow';

export interface RefreshNowProps {
  datasetId: string;
  modelName: string;
  refreshable: boolean;
  mutations: OpsMutations;
  /** Compact: a small button in a table row. */
  compact?: boolean;
}

/** Refresh now, then the status as it goes Unknown → Completed / Failed, announced to screen readers. */
export function RefreshNow({ datasetId, modelName, refreshable, mutations, compact }: RefreshNowProps) {
  const s = useOpsStyles();
  const [phase, start] = useRefreshNow(datasetId, mutations);
  const busy = phase.kind === 'starting' || phase.kind === 'running';
  return (
    <div className={s.stack}>
      <div className={s.toolbar}>
        <Button
          size={compact ? 'small' : 'medium'}
          appearance={compact ? 'secondary' : 'primary'}
          icon={<ArrowClockwiseRegular />}
          disabledFocusable={busy || !refreshable}
          onClick={start}
          aria-label={compact ? `${busy ? 'Refreshing…' : 'Refresh now'}: ${modelName}` : undefined}
        >
          {busy ? 'Refreshing…' : 'Refresh now'}
        </Button>
        {(phase.kind === 'running' || phase.kind === 'done') && (
          <RefreshStatusBadge status={phase.kind === 'done' ? phase.refresh.status : (phase.refresh?.status ?? 'Unknown')} />
        )}
      </div>
      <Caption1 role="status" className={compact ? s.muted : undefined}>
        {!refreshable ? `${modelName} gets its rows through the API and is not refreshed.` : phaseText(phase, modelName)}
      </Caption1>
      {busy && <ProgressBar aria-label={`Refreshing ${modelName}`} />}
      {phase.kind === 'error' && <ApiErrorBar error={phase.error} />}
    </div>
  );
}
