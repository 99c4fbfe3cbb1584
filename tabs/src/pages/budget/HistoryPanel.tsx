import { Body1, Button, Caption1, makeStyles, Spinner, Tab, TabList, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import type { AuditEntry } from '@planboard/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldLabels, isEditableField, valueText } from '../../grid/cells';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { budgetKeys, fetchAudit } from './budgetApi';
import { whenText } from './people';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  entry: { padding: `${tokens.spacingVerticalS} 0`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  meta: { color: tokens.colorNeutralForeground3, display: 'block' },
});

const pageSize = 50;
const actionWords: Record<AuditEntry['action'], string> = {
  edit: 'typed',
  paste: 'pasted',
  fill: 'filled',
  import: 'imported',
  undo: 'undo',
  redo: 'redo',
  submit: 'submitted',
  unlock: 'unlocked',
};
const value = (v: AuditEntry['old']) => (typeof v === 'string' && v !== '' ? `“${v}”` : valueText(v));

/** One audit entry in words: "Budget Amount 120,000 → 125,000" or "Plan submitted". */
export function describeAudit(entry: AuditEntry, lineText: (lineId: string) => string, withLine: boolean): string {
  if (entry.action === 'submit') return 'Plan submitted';
  if (entry.action === 'unlock')
    return `Plan unlocked${typeof entry.new === 'string' && entry.new.includes(': ') ? ` — ${entry.new.split(': ').slice(1).join(': ')}` : ''}`;
  const field = isEditableField(entry.field) ? fieldLabels[entry.field] : entry.field;
  const where = withLine && entry.lineId ? `${lineText(entry.lineId)}: ` : '';
  return `${where}${field} ${value(entry.old)} → ${value(entry.new)}`;
}

/** Which plan and line the history is of. */
export interface HistoryPanelProps {
  planId: string;
  scopeId: string;
  /** The focused line (and its revision, so its history refreshes after changes). */
  line: { lineId: string; rev: number } | null;
  lineText(lineId: string): string;
  nameOf(upn: string): string;
}

/** Who changed what and when (old → new, via which action), for the selected line or the whole plan. */
export function HistoryPanel({ planId, scopeId, line, lineText, nameOf }: HistoryPanelProps) {
  const s = useStyles();
  const [scope, setScope] = useState<'line' | 'plan'>('line');
  const lineId = scope === 'line' ? (line?.lineId ?? null) : null;
  const enabled = scope === 'plan' || lineId !== null;
  const audit = useInfiniteQuery({
    queryKey: [...budgetKeys.audit(planId, scopeId, lineId), scope === 'line' ? (line?.rev ?? 0) : 'plan'],
    queryFn: ({ pageParam, signal }) => fetchAudit(planId, scopeId, lineId, pageParam, pageSize, signal),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * pageSize < last.total ? last.page + 1 : undefined),
    enabled,
  });
  const entries = audit.data?.pages.flatMap((page) => page.entries) ?? [];
  return (
    <section className={s.root} aria-label="History" data-testid="history">
      <div className={s.head}>
        <TabList
          size="small"
          selectedValue={scope}
          onTabSelect={(_, data) => setScope(data.value as 'line' | 'plan')}
          aria-label="History of"
        >
          <Tab value="line">Selected line</Tab>
          <Tab value="plan">Whole plan</Tab>
        </TabList>
        <Button
          size="small"
          appearance="subtle"
          icon={<ArrowClockwiseRegular />}
          aria-label="Refresh history"
          onClick={() => void audit.refetch()}
        />
      </div>
      {scope === 'line' && <Caption1>{line ? lineText(line.lineId) : 'Select a cell to see the history of its line.'}</Caption1>}
      {!enabled ? null : audit.isPending ? (
        <Spinner size="small" label="Loading the history…" />
      ) : audit.isError ? (
        <ApiErrorBar error={audit.error} onRetry={() => void audit.refetch()} retrying={audit.isFetching} />
      ) : entries.length === 0 ? (
        <Body1>No changes recorded yet.</Body1>
      ) : (
        <ol className={s.list} aria-label="Changes, newest first" data-testid="history-entries">
          {entries.map((entry, index) => (
            <li key={`${entry.lineId}-${entry.rev}-${entry.field}-${index}`} className={s.entry}>
              <Body1>{describeAudit(entry, lineText, scope === 'plan')}</Body1>
              <Caption1 className={s.meta}>
                {nameOf(entry.by)} · <time dateTime={entry.at}>{whenText(entry.at)}</time> · {actionWords[entry.action]}
              </Caption1>
            </li>
          ))}
        </ol>
      )}
      {audit.hasNextPage && (
        <Button size="small" onClick={() => void audit.fetchNextPage()} disabled={audit.isFetchingNextPage}>
          {audit.isFetchingNextPage ? 'Loading…' : 'Show older changes'}
        </Button>
      )}
    </section>
  );
}
