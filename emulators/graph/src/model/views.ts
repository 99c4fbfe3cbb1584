import type { Drive, DriveItemRecord } from './drive';

/** Who the seeded files were last modified by (SharePoint shows the uploading user). */
const modifiedBy = { user: { displayName: 'Store Data Uploads', email: 'store.data@contoso.onmicrosoft.com' } };

function parentReference(drive: Drive, item: DriveItemRecord): Record<string, unknown> | undefined {
  if (!item.parentId) return undefined;
  const parent = drive.record(item.parentId);
  return {
    driveType: 'business',
    driveId: drive.id,
    id: item.parentId,
    ...(parent?.parentId ? { name: parent.name } : {}),
    path: drive.folderPath(item.parentId),
  };
}

function webUrlOf(drive: Drive, item: DriveItemRecord): string {
  const path = drive.folderPath(item.id).replace(/^\/drives\/[^/]+\/root:?/, '');
  return `${drive.webUrl}${encodeURI(path)}`;
}

/**
 * A driveItem resource (https://learn.microsoft.com/graph/api/resources/driveitem). Files get
 * `@microsoft.graph.downloadUrl` when `downloadUrl` is given (GET item, children).
 */
export function driveItemView(drive: Drive, item: DriveItemRecord, downloadUrl?: string): Record<string, unknown> {
  const tag = `{${item.uniqueId.toUpperCase()}},${item.version}`;
  const reference = parentReference(drive, item);
  const view: Record<string, unknown> = {
    ...(item.kind === 'file' && downloadUrl ? { '@microsoft.graph.downloadUrl': downloadUrl } : {}),
    createdDateTime: item.createdDateTime,
    eTag: `"${tag}"`,
    id: item.id,
    lastModifiedDateTime: item.lastModifiedDateTime,
    name: item.name,
    webUrl: webUrlOf(drive, item),
    cTag: `"c:${tag}"`,
    size:
      item.kind === 'file'
        ? (item.content?.length ?? 0)
        : drive.children(item.id).reduce((sum, child) => sum + (child.content?.length ?? 0), 0),
    lastModifiedBy: modifiedBy,
    ...(reference ? { parentReference: reference } : {}),
    fileSystemInfo: { createdDateTime: item.createdDateTime, lastModifiedDateTime: item.lastModifiedDateTime },
  };
  if (item.kind === 'file') view.file = { mimeType: item.mimeType ?? 'application/octet-stream' };
  else view.folder = { childCount: drive.children(item.id).length };
  if (!item.parentId) view.root = {};
  return view;
}

/** A deleted item as delta reports it: id, name, parent, the `deleted` facet and its file/folder facet. */
export function deletedItemView(drive: Drive, item: DriveItemRecord): Record<string, unknown> {
  const reference = parentReference(drive, item);
  return {
    id: item.id,
    name: item.name,
    ...(reference ? { parentReference: reference } : {}),
    deleted: { state: 'deleted' },
    ...(item.kind === 'file' ? { file: {} } : { folder: {} }),
  };
}

/** Keeps only `$select`ed properties (annotations and `id` stay, as Graph keeps them). */
export function selectProperties(view: Record<string, unknown>, select: string[] | undefined): Record<string, unknown> {
  if (!select) return view;
  return Object.fromEntries(Object.entries(view).filter(([key]) => key.startsWith('@') || key === 'id' || select.includes(key)));
}
