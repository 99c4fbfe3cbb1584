import { readFileSync } from 'node:fs';
import { Router } from '../http/router';
import { handlers } from '../routes';
import { operationIds } from './operations';
import { loadSwagger, swaggerOperations, swaggerPath, type SwaggerDocument } from './swagger';
import { ContractValidator } from './validator';

const raw = JSON.parse(readFileSync(swaggerPath, 'utf8')) as SwaggerDocument;

describe('the swagger subset contract', () => {
  it('is the official 29-path / 43-operation subset, and every operation has a handler', () => {
    expect(Object.keys(raw.paths)).toHaveLength(29);
    const ids = swaggerOperations(raw).map(({ operation }) => operation.operationId);
    expect([...ids].sort()).toEqual([...operationIds].sort());
    for (const id of ids) expect(handlers).toHaveProperty(id);
  });

  it('routes every path template to its operation', () => {
    const router = new Router(loadSwagger());
    for (const { path, method, operation } of swaggerOperations(raw)) {
      const concrete = path.replace(/\{(\w+)\}/g, (_match, name: string) => `${name}-value`);
      expect(router.match(method, concrete)).toMatchObject({ operationId: operation.operationId });
    }
  });

  it('normalises PascalCase names and odata.context as NOTES documents', () => {
    const definitions = loadSwagger().definitions;
    const properties = (name: string) => Object.keys((definitions[name]?.properties ?? {}) as object);
    expect(properties('DatasetMiscProperties')).toEqual(expect.arrayContaining(['isRefreshable', 'isInPlaceSharingEnabled']));
    expect(properties('DatasetMiscProperties')).not.toContain('IsRefreshable');
    expect(properties('RefreshSchedule')).toContain('notifyOption');
    expect(properties('Groups').sort()).toEqual(['@odata.context', 'value']);
    expect(definitions.DatasetRefreshRequest?.required).toBeUndefined();
    // The raw file is untouched.
    expect(Object.keys((raw.definitions.DatasetMiscProperties?.properties ?? {}) as object)).toContain('IsRefreshable');
  });

  it('validates responses strictly: undocumented properties, wrong types, bodies where none is documented', () => {
    const contract = new ContractValidator();
    expect(contract.response('Datasets_GetDataset', 200, { '@odata.context': 'x', id: 'd', isRefreshable: true })).toEqual([]);
    expect(contract.response('Datasets_GetDataset', 200, { id: 'd', IsRefreshable: true })).not.toEqual([]);
    expect(contract.response('Datasets_GetRefreshHistory', 200, { value: [{ status: 'Completed', startTime: 'yesterday' }] })).not.toEqual(
      [],
    );
    expect(contract.response('Datasets_TakeOverInGroup', 200, { ok: true })).not.toEqual([]);
    expect(contract.response('Datasets_TakeOverInGroup', 200, undefined)).toEqual([]);
    expect(contract.response('Datasets_GetDataset', 201, { id: 'd' })).toEqual(['Status 201 is not documented for Datasets_GetDataset']);
    expect(contract.response('Datasets_GetDataset', 404, { error: { code: 'PowerBIEntityNotFound' } })).toEqual([]);
    expect(contract.response('Groups_GetGroups', 429, { message: 'slow down' })).toEqual([]);
    expect(contract.response('Groups_GetGroups', 400, { code: 'x' })).not.toEqual([]);
  });

  it('validates request bodies leniently but by the schema', () => {
    const contract = new ContractValidator();
    expect(contract.requestBody('Datasets_ExecuteQueriesInGroup', { queries: [{ query: 'EVALUATE T' }], extra: 1 })).toEqual([]);
    expect(contract.requestBody('Datasets_ExecuteQueriesInGroup', { queries: [{}] })).not.toEqual([]);
    expect(contract.requestBody('Datasets_UpdateRefreshScheduleInGroup', undefined)).toEqual(['The request body is required']);
    expect(contract.requestBody('Datasets_RefreshDatasetInGroup', {})).toEqual([]);
  });
});
