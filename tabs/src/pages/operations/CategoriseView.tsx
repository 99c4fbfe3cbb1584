import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  Link,
  MessageBar,
  MessageBarBody,
  SearchBox,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { TagMultipleRegular } from '@fluentui/react-icons';
import type { OperationsWorkspace } from '@planboard/contracts';
import { useMemo, useState } from 'react';
import { AssignDialog } from './AssignDialog';
import type { OpsMutations } from './opsApi';
import { filterWorkspaces } from './opsOverview';
import { opsHref, type OpsRoute } from './opsRoute';
import { useOpsStyles } from './opsStyles';

export interface CategoriseViewProps {
  workspaces: readonly OperationsWorkspace[];
  mutations: OpsMutations;
  onOpen(route: OpsRoute): void;
}

/** Workspaces with multi-select and a name filter; the selected ones get an environment and/or module in one change. */
export function CategoriseView({ workspaces, mutations, onOpen }: CategoriseViewProps) {
  const s = useOpsStyles();
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [assigning, setAssigning] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const shown = useMemo(() => filterWorkspaces(workspaces, filter), [workspaces, filter]);
  const chosen = workspaces.filter((ws) => selected.has(ws.workspaceId));
  const allShown = shown.length > 0 && shown.every((ws) => selected.has(ws.workspaceId));
  const someShown = shown.some((ws) => selected.has(ws.workspaceId));

  const toggle = (id: string, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const toggleShown = (on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      for (const ws of shown)
        if (on) next.add(ws.workspaceId);
        else next.delete(ws.workspaceId);
      return next;
    });

  return (
    <section className={s.column} aria-label="Categorise workspaces">
      <div className={s.toolbar}>
        <SearchBox
          className={s.search}
          placeholder="Filter by name, environment or module"
          aria-label="Filter workspaces"
          value={filter}
          onChange={(_, data) => setFilter(data.value)}
        />
        <Caption1 className={s.muted} aria-live="polite">
          {shown.length} of {workspaces.length} workspaces shown, {chosen.length} selected
        </Caption1>
        <span className={s.spacer} />
        <Button appearance="primary" icon={<TagMultipleRegular />} disabled={chosen.length === 0} onClick={() => setAssigning(true)}>
          Assign category{chosen.length > 0 ? ` to ${chosen.length}` : ''}
        </Button>
      </div>
      {done && (
        <MessageBar intent="success">
          <MessageBarBody role="status">{done}</MessageBarBody>
        </MessageBar>
      )}
      <div className={s.scroll}>
        <Table className={s.table} aria-label="Workspaces and their categories" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={s.selectCol}>
                <Checkbox
                  aria-label="Select all shown workspaces"
                  checked={allShown ? true : someShown ? 'mixed' : false}
                  onChange={(_, data) => toggleShown(data.checked === true)}
                />
              </TableHeaderCell>
              <TableHeaderCell>Workspace</TableHeaderCell>
              <TableHeaderCell>Capacity</TableHeaderCell>
              <TableHeaderCell>Environment</TableHeaderCell>
              <TableHeaderCell>Module</TableHeaderCell>
              <TableHeaderCell>Category from</TableHeaderCell>
              <TableHeaderCell>Models</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((ws) => (
              <TableRow key={ws.workspaceId} aria-selected={selected.has(ws.workspaceId)}>
                <TableCell>
                  <Checkbox
                    aria-label={`Select ${ws.name}`}
                    checked={selected.has(ws.workspaceId)}
                    onChange={(_, data) => toggle(ws.workspaceId, data.checked === true)}
                  />
                </TableCell>
                <TableCell>
                  <Link
                    href={opsHref({ view: 'workspace', workspaceId: ws.workspaceId })}
                    onClick={(event) => {
                      event.preventDefault();
                      onOpen({ view: 'workspace', workspaceId: ws.workspaceId });
                    }}
                  >
                    {ws.name}
                  </Link>
                </TableCell>
                <TableCell className={s.nowrap}>{ws.dedicated ? 'Dedicated' : 'Shared'}</TableCell>
                <TableCell>{ws.environment}</TableCell>
                <TableCell>{ws.module}</TableCell>
                <TableCell>
                  <Badge appearance="outline" color={ws.categorySource === 'assigned' ? 'brand' : 'subtle'}>
                    {ws.categorySource === 'assigned' ? 'Assigned' : 'Guessed from name'}
                  </Badge>
                </TableCell>
                <TableCell>{ws.models}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {shown.length === 0 && <Caption1 className={s.muted}>No workspace matches “{filter}”.</Caption1>}
      <AssignDialog
        open={assigning}
        workspaces={chosen}
        all={workspaces}
        mutations={mutations}
        onClose={() => setAssigning(false)}
        onDone={(text) => {
          setAssigning(false);
          setSelected(new Set());
          setDone(text);
        }}
      />
    </section>
  );
}
