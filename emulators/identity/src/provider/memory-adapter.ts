import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

/**
 * JWT access tokens are self-contained and nothing here looks them up again (no introspection,
 * userinfo or revocation endpoint), so storing them would only grow memory under load tests.
 */
const unstored = new Set(['AccessToken', 'ClientCredentials']);

/** Models revoked with their grant. Not interactions: a logout during an account switch revokes grants mid-interaction. */
const grantBound = new Set(['AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest']);

/**
 * In-memory storage for sessions, interactions, grants, codes and refresh tokens, one store per
 * provider. The emulator is one process whose state may vanish on restart (users sign in again);
 * oidc-provider's development adapter is not used because it is an LRU capped at 1000 entries
 * shared by the whole process, which evicts live sessions under a load test.
 */
export function memoryAdapter(): new (model: string) => Adapter {
  const store = new Map<string, Entry>();
  const grants = new Map<string, Set<string>>();
  let writes = 0;

  const live = (key: string): Entry | undefined => {
    const entry = store.get(key);
    if (entry && entry.expiresAt <= Date.now()) store.delete(key);
    return entry && entry.expiresAt > Date.now() ? entry : undefined;
  };

  return class MemoryAdapter implements Adapter {
    constructor(private readonly model: string) {}

    private key(id: string): string {
      return `${this.model}:${id}`;
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
      if (unstored.has(this.model)) return;
      const now = Date.now();
      // Expired entries are swept now and then rather than with a timer per entry.
      if ((writes += 1) % 500 === 0) for (const [key, entry] of store) if (entry.expiresAt <= now) store.delete(key);
      const expiresAt = expiresIn ? now + expiresIn * 1000 : Number.POSITIVE_INFINITY;
      store.set(this.key(id), { payload, expiresAt });
      if (payload.grantId && grantBound.has(this.model))
        grants.set(payload.grantId, (grants.get(payload.grantId) ?? new Set<string>()).add(this.key(id)));
      if (payload.uid) store.set(`${this.model}Uid:${payload.uid}`, { payload: { jti: id }, expiresAt });
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      return live(this.key(id))?.payload;
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const id = live(`${this.model}Uid:${uid}`)?.payload.jti;
      return typeof id === 'string' ? this.find(id) : undefined;
    }

    async findByUserCode(): Promise<undefined> {
      return undefined;
    }

    async consume(id: string): Promise<void> {
      const entry = live(this.key(id));
      if (entry) entry.payload = { ...entry.payload, consumed: Math.floor(Date.now() / 1000) };
    }

    async destroy(id: string): Promise<void> {
      store.delete(this.key(id));
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      for (const key of grants.get(grantId) ?? []) store.delete(key);
      grants.delete(grantId);
    }
  };
}
