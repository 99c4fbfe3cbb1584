import { camelizeKnownKeys, datasetPath, groupPath, seg } from '../normalize';
import type { Capacity, Dataset, Group, ListGroupsOptions, ODataList, Report } from '../types';
import type { CallOptions, Send } from './send';

/** Workspaces: `GET /groups`. */
export class GroupsApi {
  constructor(private readonly send: Send) {}

  /** The workspaces the caller can see (`$filter`, `$top`, `$skip` as OData). */
  async list(options: ListGroupsOptions & CallOptions = {}): Promise<Group[]> {
    const query = { $filter: options.filter, $top: options.top, $skip: options.skip };
    const { body } = await this.send<ODataList<Group>>({ method: 'GET', path: '/groups', query, ...options });
    return body.value;
  }
}

/** Semantic models of a workspace. */
export class DatasetsApi {
  constructor(private readonly send: Send) {}

  /** `GET /groups/{groupId}/datasets`. */
  async list(groupId: string, options: CallOptions = {}): Promise<Dataset[]> {
    const { body } = await this.send<ODataList<Dataset>>({ method: 'GET', path: `${groupPath(groupId)}/datasets`, ...options });
    return body.value.map(camelizeKnownKeys);
  }

  /** `GET /groups/{groupId}/datasets/{datasetId}`. */
  async get(groupId: string, datasetId: string, options: CallOptions = {}): Promise<Dataset> {
    const { body } = await this.send<Dataset>({ method: 'GET', path: datasetPath(groupId, datasetId), ...options });
    return camelizeKnownKeys(body);
  }

  /**
   * `POST …/Default.TakeOver`: makes the caller the dataset's owner, which schedule updates
   * require. Repeating it is harmless, so it may be retried like a GET.
   */
  async takeOver(groupId: string, datasetId: string, options: CallOptions = {}): Promise<void> {
    await this.send({ method: 'POST', path: `${datasetPath(groupId, datasetId)}/Default.TakeOver`, idempotent: true, ...options });
  }
}

/** Reports of a workspace. */
export class ReportsApi {
  constructor(private readonly send: Send) {}

  /** `GET /groups/{groupId}/reports`. */
  async list(groupId: string, options: CallOptions = {}): Promise<Report[]> {
    const { body } = await this.send<ODataList<Report>>({ method: 'GET', path: `${groupPath(groupId)}/reports`, ...options });
    return body.value;
  }

  /** `GET /groups/{groupId}/reports/{reportId}` (carries the `embedUrl`). */
  async get(groupId: string, reportId: string, options: CallOptions = {}): Promise<Report> {
    const { body } = await this.send<Report>({ method: 'GET', path: `${groupPath(groupId)}/reports/${seg(reportId)}`, ...options });
    return body;
  }
}

/** Capacities: `GET /capacities`. */
export class CapacitiesApi {
  constructor(private readonly send: Send) {}

  /** The capacities the caller can see. */
  async list(options: CallOptions = {}): Promise<Capacity[]> {
    const { body } = await this.send<ODataList<Capacity>>({ method: 'GET', path: '/capacities', ...options });
    return body.value;
  }
}
