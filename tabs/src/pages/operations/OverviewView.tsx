import { Body1, Caption1, Link, Subtitle2 } from '@fluentui/react-components';
import { DataUsageRegular } from '@fluentui/react-icons';
import type { OperationsModel, OperationsWorkspace } from '@planboard/contracts';
import { mergeClasses } from '@fluentui/react-components';
import { useMemo } from 'react';
import { EmptyState } from '../../shell/EmptyState';
import { dateTimeText, isStale, statusLabel } from './opsFormat';
import { overviewTiles, overviewTotals, type OverviewTile } from './opsOverview';
import { opsHref, type OpsRoute } from './opsRoute';
import { useOpsStyles } from './opsStyles';

export interface OverviewViewProps {
  workspaces: readonly OperationsWorkspace[];
  models: readonly OperationsModel[];
  nowMs: number;
  onOpen(route: OpsRoute): void;
}

function Count({ value, label, warn }: { value: number; label: string; warn?: boolean }) {
  const s = useOpsStyles();
  return (
    <div className={s.count}>
      <dt className={s.muted}>
        <Caption1>{label}</Caption1>
      </dt>
      <dd className={mergeClasses(s.countValue, warn && value > 0 && s.countWarn)}>{value}</dd>
    </div>
  );
}

function Tile({
  tile,
  workspaces,
  onOpen,
}: {
  tile: OverviewTile;
  workspaces: readonly OperationsWorkspace[];
  onOpen(route: OpsRoute): void;
}) {
  const s = useOpsStyles();
  const title = `${tile.environment} · ${tile.module}`;
  const mine = workspaces.filter((ws) => ws.environment === tile.environment && ws.module === tile.module);
  return (
    <li className={s.tile} aria-label={title}>
      <Subtitle2 as="h3" className={s.sectionTitle}>
        {title}
      </Subtitle2>
      <dl className={s.tileCounts}>
        <Count value={tile.models} label="Models" />
        <Count value={tile.running} label="Refreshing" />
        <Count value={tile.failed} label="Failed 24 h" warn />
        <Count value={tile.stale} label="Stale" warn />
      </dl>
      <ul className={s.links} aria-label={`Workspaces in ${title}`}>
        {mine.map((ws) => (
          <li key={ws.workspaceId}>
            <Link
              href={opsHref({ view: 'workspace', workspaceId: ws.workspaceId })}
              onClick={(event) => {
                event.preventDefault();
                onOpen({ view: 'workspace', workspaceId: ws.workspaceId });
              }}
            >
              {ws.name}
            </Link>
          </li>
        ))}
      </ul>
    </li>
  );
}

/** The stale models by name, each opening its model view (the bot alerts each once per episode). */
function StaleModels({
  models,
  workspaces,
  nowMs,
  onOpen,
}: {
  models: readonly OperationsModel[];
  workspaces: readonly OperationsWorkspace[];
  nowMs: number;
  onOpen(route: OpsRoute): void;
}) {
  const s = useOpsStyles();
  const stale = models.filter((model) => isStale(model, nowMs));
  if (stale.length === 0) return null;
  const environmentOf = new Map(workspaces.map((ws) => [ws.workspaceId.toLowerCase(), ws.environment]));
  return (
    <div className={s.stack}>
      <Subtitle2 as="h2" id="ops-stale-heading" className={s.sectionTitle}>
        Stale models
      </Subtitle2>
      <ul className={s.links} aria-labelledby="ops-stale-heading">
        {stale.map((model) => {
          const route: OpsRoute = { view: 'model', datasetId: model.datasetId, workspaceId: model.workspaceId };
          const environment = environmentOf.get(model.workspaceId.toLowerCase());
          return (
            <li key={model.datasetId}>
              <Link
                href={opsHref(route)}
                onClick={(event) => {
                  event.preventDefault();
                  onOpen(route);
                }}
              >
                {model.name}
              </Link>
              <Caption1 className={s.muted}>
                {' '}
                {model.workspaceName}
                {environment ? ` · ${environment}` : ''}
                {model.staleSince ? ` · stale since ${dateTimeText(model.staleSince)}` : ''}
                {model.lastRefresh?.status === 'Completed' || !model.lastRefresh
                  ? ''
                  : ` · last refresh ${statusLabel(model.lastRefresh.status).toLowerCase()}`}
              </Caption1>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Tiles by environment × module: models, refreshing now, failed in the last 24 hours, stale. */
export function OverviewView({ workspaces, models, nowMs, onOpen }: OverviewViewProps) {
  const s = useOpsStyles();
  const tiles = useMemo(() => overviewTiles(workspaces, models, nowMs), [workspaces, models, nowMs]);
  const totals = overviewTotals(tiles);
  if (tiles.length === 0)
    return (
      <EmptyState
        icon={DataUsageRegular}
        title="No workspaces in the catalog yet"
        description="Read the catalog from Power BI to see its workspaces, models and reports here."
      />
    );
  return (
    <section className={s.column} aria-labelledby="ops-overview-heading">
      <div className={s.stack}>
        <Subtitle2 as="h2" id="ops-overview-heading" className={s.sectionTitle}>
          By environment and module
        </Subtitle2>
        <Body1 className={s.muted}>
          {totals.workspaces} workspaces, {totals.models} models: {totals.running} refreshing now, {totals.failed} failed in the last 24
          hours, {totals.stale} stale (no successful refresh for two of its scheduled times).
          {totals.notRead > 0 &&
            ` ${totals.notRead} models have no stored refresh history yet: open a model and read its history from Power BI.`}
        </Body1>
      </div>
      <ul className={s.tiles} aria-label="Environments and modules">
        {tiles.map((tile) => (
          <Tile key={tile.key} tile={tile} workspaces={workspaces} onOpen={onOpen} />
        ))}
      </ul>
      <StaleModels models={models} workspaces={workspaces} nowMs={nowMs} onOpen={onOpen} />
    </section>
  );
}
