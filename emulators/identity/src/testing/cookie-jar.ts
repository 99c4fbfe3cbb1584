/**
 * Just enough of a browser cookie store for the headless sign-in: cookies per host, replaced by
 * name, removed when expired. Paths are ignored; oidc-provider finds its cookies by name.
 */
export class CookieJar {
  private readonly hosts = new Map<string, Map<string, string>>();

  /** Stores the `set-cookie` headers of a response to `url`. */
  store(url: string, response: Response): void {
    const host = new URL(url).host;
    const cookies = this.hosts.get(host) ?? new Map<string, string>();
    this.hosts.set(host, cookies);
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', raw = ''] = attribute.split('=');
        const lower = key.trim().toLowerCase();
        return (lower === 'max-age' && Number(raw) <= 0) || (lower === 'expires' && Date.parse(raw) <= Date.now());
      });
      if (expired || !value) cookies.delete(name);
      else cookies.set(name, value);
    }
  }

  /** The `cookie` header for a request to `url` (empty when there is none). */
  header(url: string): string {
    const cookies = this.hosts.get(new URL(url).host);
    return cookies ? [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') : '';
  }

  /** Forgets every cookie (a new browser profile). */
  clear(): void {
    this.hosts.clear();
  }
}
