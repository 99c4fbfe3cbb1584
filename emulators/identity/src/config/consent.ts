/**
 * Consent to downstream APIs for on-behalf-of, which Entra records per user (user consent) or for
 * the tenant (admin consent). By default everything is consented, as after `admin-consent.js`; the
 * emulator can withhold it — for one user, or for everyone (`*`: no admin consent yet) — so that
 * the app's `consent_required` path is exercised: the OBO grant then fails with AADSTS65001.
 */
export class ConsentRegistry {
  private readonly withheld = new Set<string>();

  constructor(initiallyWithheld: readonly string[] = []) {
    for (const user of initiallyWithheld) this.withheld.add(user.toLowerCase());
  }

  /** Whether the user (UPN) has consented to the app calling downstream APIs on their behalf. */
  hasConsented(upn: string): boolean {
    return !this.withheld.has('*') && !this.withheld.has(upn.toLowerCase());
  }

  /** Grants or withholds consent for a UPN, or for everyone with `*`. */
  set(user: string, consented: boolean): void {
    if (consented) this.withheld.delete(user.toLowerCase());
    else this.withheld.add(user.toLowerCase());
  }

  /** Who has no consent now (`*` = the whole tenant). */
  list(): string[] {
    return [...this.withheld].sort();
  }
}
