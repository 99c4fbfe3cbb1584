import { Breadcrumb, BreadcrumbButton, BreadcrumbDivider, BreadcrumbItem } from '@fluentui/react-components';
import { useModel, useWorkspaces } from './opsApi';
import type { OpsRoute } from './opsRoute';

type Props = { route: Extract<OpsRoute, { view: 'workspace' | 'model' }>; onOpen(route: OpsRoute): void };

function Trail({ workspace, model, onOpen }: { workspace?: { id: string; name: string }; model?: string; onOpen(route: OpsRoute): void }) {
  return (
    <Breadcrumb aria-label="Where you are in Operations">
      <BreadcrumbItem>
        <BreadcrumbButton onClick={() => onOpen({ view: 'overview' })}>Overview</BreadcrumbButton>
      </BreadcrumbItem>
      <BreadcrumbDivider />
      <BreadcrumbItem>
        {model === undefined ? (
          <BreadcrumbButton current>{workspace?.name ?? 'Workspace'}</BreadcrumbButton>
        ) : (
          <BreadcrumbButton onClick={() => workspace && onOpen({ view: 'workspace', workspaceId: workspace.id })}>
            {workspace?.name ?? 'Workspace'}
          </BreadcrumbButton>
        )}
      </BreadcrumbItem>
      {model !== undefined && (
        <>
          <BreadcrumbDivider />
          <BreadcrumbItem>
            <BreadcrumbButton current>{model || 'Semantic model'}</BreadcrumbButton>
          </BreadcrumbItem>
        </>
      )}
    </Breadcrumb>
  );
}

function ModelTrail({ datasetId, onOpen }: { datasetId: string; onOpen(route: OpsRoute): void }) {
  const model = useModel(datasetId).data?.model;
  return <Trail workspace={model && { id: model.workspaceId, name: model.workspaceName }} model={model?.name ?? ''} onOpen={onOpen} />;
}

function WorkspaceTrail({ workspaceId, onOpen }: { workspaceId: string; onOpen(route: OpsRoute): void }) {
  const name = useWorkspaces().data?.workspaces.find((ws) => ws.workspaceId === workspaceId)?.name;
  return <Trail workspace={{ id: workspaceId, name: name ?? 'Workspace' }} onOpen={onOpen} />;
}

/** Overview › workspace › model, each step a button back (names, not ids). */
export function OpsBreadcrumb({ route, onOpen }: Props) {
  return route.view === 'model' ? (
    <ModelTrail datasetId={route.datasetId} onOpen={onOpen} />
  ) : (
    <WorkspaceTrail workspaceId={route.workspaceId} onOpen={onOpen} />
  );
}
