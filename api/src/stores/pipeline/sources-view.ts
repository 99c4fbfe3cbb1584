import type { StoreSource } from '@planboard/contracts';
import type { PipelineDeps } from './run';

/** Each configured source with its last read (from the pipeline's state), in words. */
export async function sourceList(deps: PipelineDeps): Promise<StoreSource[]> {
  const recorded = new Map((await deps.state.sources()).map((status) => [status.kind, status]));
  const view = (kind: StoreSource['kind'], name: string | undefined, missing: string): StoreSource => {
    const status = recorded.get(kind);
    if (!name)
      return { kind, name: missing, state: 'failing', lastReadAt: null, items: 0, lastError: 'Not configured in the app settings.' };
    if (!status) return { kind, name, state: 'neverRead', lastReadAt: null, items: 0 };
    return {
      kind,
      name,
      state: status.lastError ? 'failing' : 'ok',
      lastReadAt: status.lastReadAt || null,
      items: status.items,
      ...(status.lastError ? { lastError: status.lastError } : {}),
    };
  };
  return [
    view('onedrive', deps.graph?.description, 'OneDrive: not configured'),
    view('dataverse', deps.dataverse?.description, 'Dataverse: not configured'),
  ];
}
