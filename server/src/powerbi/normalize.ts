/**
 * The swagger spells some properties in PascalCase while the service sends camelCase (NOTES §0).
 * Our types follow the service; should a payload use the swagger spelling (an older service
 * version, a mock generated from the swagger), these helpers rename the known keys so callers
 * never see both.
 */
const pascalKeys = new Set([
  'CreatedDate',
  'ContentProviderType',
  'IsRefreshable',
  'IsInPlaceSharingEnabled',
  'CreateReportEmbedURL',
  'QnaEmbedURL',
  'IsEffectiveIdentityRequired',
  'IsEffectiveIdentityRolesRequired',
  'IsOnPremGatewayRequired',
  'Encryption',
  'EncryptionStatus',
  'NotifyOption',
]);

/** Renames the swagger's PascalCase keys (recursively, for `Encryption.EncryptionStatus`); camelCase wins on conflict. */
export function camelizeKnownKeys<T>(value: T): T {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const name = pascalKeys.has(key) ? key[0]!.toLowerCase() + key.slice(1) : key;
    if (name !== key && name in value) continue;
    out[name] = camelizeKnownKeys(item);
  }
  return out as T;
}

/** A path segment: ids are GUIDs, but table names may hold spaces and other reserved characters. */
export const seg = (value: string): string => encodeURIComponent(value);

/** `/groups/{groupId}`. */
export const groupPath = (groupId: string): string => `/groups/${seg(groupId)}`;

/** `/groups/{groupId}/datasets/{datasetId}`. */
export const datasetPath = (groupId: string, datasetId: string): string => `${groupPath(groupId)}/datasets/${seg(datasetId)}`;
