import { requestIdOf } from '../errors';
import { camelizeKnownKeys, datasetPath, seg } from '../normalize';
import type {
  DatasetRefreshDetail,
  DatasetRefreshRequest,
  ODataList,
  Refresh,
  RefreshExecution,
  RefreshSchedule,
  RefreshTriggered,
} from '../types';
import type { CallOptions, Send } from './send';

/** True when the body makes the refresh enhanced: any field besides `notifyOption`. */
export function isEnhancedRefresh(request: DatasetRefreshRequest): boolean {
  return Object.keys(request).some((key) => key !== 'notifyOption');
}

/** Refresh history, triggering, execution details, cancel and the refresh schedule of one dataset. */
export class RefreshesApi {
  constructor(private readonly send: Send) {}

  /**
   * `GET …/refreshes?$top=N`: newest first. Without `top` the service returns its last 60
   * (it keeps at most 60, for 7 days).
   */
  async history(groupId: string, datasetId: string, options: { top?: number } & CallOptions = {}): Promise<Refresh[]> {
    const { body } = await this.send<ODataList<Refresh>>({
      method: 'GET',
      path: `${datasetPath(groupId, datasetId)}/refreshes`,
      query: { $top: options.top },
      ...options,
    });
    return body.value;
  }

  /**
   * `POST …/refreshes` (202). Without a body this sends `{notifyOption:"NoNotification"}`, the
   * only option a service principal may use. Any other field (`type`, `commitMode`, `objects`, …)
   * makes it an enhanced refresh, whose id comes back for {@link details} and {@link cancel}.
   * Not retried after a 5xx or a timeout: the service may have started the refresh, and a second
   * request would be refused with "Another refresh request is already executing".
   */
  async trigger(
    groupId: string,
    datasetId: string,
    request: DatasetRefreshRequest = { notifyOption: 'NoNotification' },
    options: CallOptions = {},
  ): Promise<RefreshTriggered> {
    const { headers } = await this.send({
      method: 'POST',
      path: `${datasetPath(groupId, datasetId)}/refreshes`,
      body: request,
      ...options,
    });
    const location = headers.get('location') ?? undefined;
    const enhanced = isEnhancedRefresh(request);
    // Enhanced responses carry the refresh id as `x-ms-request-id` and as the Location's last segment.
    const refreshId = enhanced ? (headers.get('x-ms-request-id') ?? location?.split('/').pop()) : undefined;
    return { refreshId, location: enhanced ? location : undefined, requestId: requestIdOf(headers) };
  }

  /** `GET …/refreshes/{refreshId}` (enhanced refreshes only): 202 while running, 200 when finished. */
  async details(groupId: string, datasetId: string, refreshId: string, options: CallOptions = {}): Promise<RefreshExecution> {
    const { status, body } = await this.send<DatasetRefreshDetail>({
      method: 'GET',
      path: `${datasetPath(groupId, datasetId)}/refreshes/${seg(refreshId)}`,
      ...options,
    });
    return { inProgress: status === 202, detail: body ?? {} };
  }

  /** `DELETE …/refreshes/{refreshId}` (enhanced refreshes only). */
  async cancel(groupId: string, datasetId: string, refreshId: string, options: CallOptions = {}): Promise<void> {
    await this.send({ method: 'DELETE', path: `${datasetPath(groupId, datasetId)}/refreshes/${seg(refreshId)}`, ...options });
  }

  /** `GET …/refreshSchedule`. */
  async schedule(groupId: string, datasetId: string, options: CallOptions = {}): Promise<RefreshSchedule> {
    const { body } = await this.send<RefreshSchedule>({
      method: 'GET',
      path: `${datasetPath(groupId, datasetId)}/refreshSchedule`,
      ...options,
    });
    return camelizeKnownKeys(body);
  }

  /**
   * `PATCH …/refreshSchedule` with `{value: changes}`: only the given fields change. The caller
   * must own the dataset (see `datasets.takeOver`); a change that disables the schedule must
   * contain nothing else; times are `hh:00` or `hh:30`.
   */
  async updateSchedule(groupId: string, datasetId: string, changes: RefreshSchedule, options: CallOptions = {}): Promise<void> {
    await this.send({ method: 'PATCH', path: `${datasetPath(groupId, datasetId)}/refreshSchedule`, body: { value: changes }, ...options });
  }
}
