import { PowerBiRequestError, type PowerBiClient } from '@planboard/server';
import { reportCatalog } from './catalog';
import { clearReportMetadata } from './metadata';
import { refreshReportModel, refreshSecurityModels, settleModelRefreshes } from './refresh-model';

const [budget, stores, kpi] = reportCatalog();
const datasetOf = (reportId: string) => `ds-${reportId.slice(0, 4)}`;
const busy = () =>
  new PowerBiRequestError({ message: 'Another refresh request is already executing', status: 400, code: 'InvalidRequest' });

/** A Power BI double: every report's dataset has RLS except the KPI report's; `trigger` is the test's. */
function client(trigger: jest.Mock): PowerBiClient {
  return {
    reports: {
      get: async (groupId: string, reportId: string) => ({
        id: reportId,
        datasetId: datasetOf(reportId),
        embedUrl: `https://x.powerbi.com/reportEmbed?reportId=${reportId}&groupId=${groupId}`,
      }),
    },
    datasets: { get: async (_g: string, id: string) => ({ id, isEffectiveIdentityRequired: id !== datasetOf(kpi!.reportId) }) },
    groups: { list: async () => [] },
    refreshes: { trigger },
  } as unknown as PowerBiClient;
}

const noSleep = async () => undefined;
beforeEach(() => clearReportMetadata());

describe('refreshing a report’s model after a write', () => {
  it('triggers a refresh of the dataset behind the report', async () => {
    const trigger = jest.fn(async () => ({ requestId: 'r' }));
    expect(await refreshReportModel(client(trigger), 'kpi', () => undefined)).toBe('started');
    expect(trigger).toHaveBeenCalledWith(kpi!.workspaceId, datasetOf(kpi!.reportId), undefined, expect.anything());
  });

  it('queues one background retry while another refresh runs, so the caller does not wait for it', async () => {
    const trigger = jest.fn().mockRejectedValueOnce(busy()).mockRejectedValueOnce(busy()).mockRejectedValueOnce(busy());
    trigger.mockResolvedValue({ requestId: 'r' });
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const sleep = jest.fn(() => gate);
    const warnings: string[] = [];
    const powerBi = client(trigger);
    expect(await refreshReportModel(powerBi, 'kpi', (m) => warnings.push(m), { sleep })).toBe('queued');
    // A second write meanwhile joins the queued retry rather than starting its own.
    expect(await refreshReportModel(powerBi, 'kpi', (m) => warnings.push(m), { sleep })).toBe('queued');
    expect(sleep).toHaveBeenCalledTimes(1);
    open();
    await settleModelRefreshes();
    // Two refused at once, then the loop: busy once more, then started.
    expect(trigger).toHaveBeenCalledTimes(4);
    expect(warnings).toEqual([]);
  });

  it('warns (never throws) when Power BI refuses, or stays busy for longer than it keeps asking', async () => {
    const warnings: string[] = [];
    const refused = jest.fn().mockRejectedValue(new PowerBiRequestError({ message: 'Dataset not found', status: 404, code: 'NotFound' }));
    expect(await refreshReportModel(client(refused), 'kpi', (m) => warnings.push(m))).toBe('failed');
    expect(refused).toHaveBeenCalledTimes(1);
    const alwaysBusy = jest.fn().mockRejectedValue(busy());
    expect(await refreshReportModel(client(alwaysBusy), 'kpi', (m) => warnings.push(m), { retryBusyForMs: 0, sleep: noSleep })).toBe(
      'queued',
    );
    await settleModelRefreshes();
    expect(warnings).toEqual([
      expect.stringMatching(/kpi report's model was not refreshed after the write: Dataset not found/),
      expect.stringMatching(/kpi report's model was not refreshed after the write: Another refresh request is already executing/),
    ]);
  });
});

describe('refreshing the RLS models after a grant change', () => {
  it('refreshes the dataset of every report that filters by RLS, and not one without RLS', async () => {
    const trigger = jest.fn(async () => ({ requestId: 'r' }));
    expect(await refreshSecurityModels(client(trigger), () => undefined)).toEqual(['started', 'started', 'failed']);
    expect(trigger.mock.calls.map((call) => (call as unknown[])[1]).sort()).toEqual(
      [datasetOf(budget!.reportId), datasetOf(stores!.reportId)].sort(),
    );
  });
});
