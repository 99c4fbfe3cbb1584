import type { DirectoryUser } from '../directory';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const style = `
  body { font-family: "Segoe UI", system-ui, sans-serif; background: #f2f2f2; margin: 0; color: #1b1b1b; }
  main { max-width: 440px; margin: 48px auto; background: #fff; padding: 32px 40px; box-shadow: 0 2px 6px rgba(0,0,0,.2); }
  h1 { font-size: 24px; font-weight: 600; margin: 0 0 4px; }
  p.note { color: #605e5c; font-size: 13px; margin: 0 0 20px; }
  ul { list-style: none; padding: 0; margin: 0; }
  button.account { display: block; width: 100%; text-align: left; background: none; border: 0; border-top: 1px solid #e1dfdd; padding: 10px 8px; cursor: pointer; font: inherit; }
  button.account:hover, button.account:focus { background: #f3f2f1; outline: 2px solid #0067b8; }
  button.account.hinted { background: #eff6fc; }
  .name { display: block; font-weight: 600; }
  .upn, .role { display: block; font-size: 13px; color: #605e5c; }
  button.primary { background: #0067b8; color: #fff; border: 0; padding: 8px 24px; font: inherit; cursor: pointer; }
  button.link { background: none; border: 0; color: #0067b8; padding: 0; margin-top: 16px; font: inherit; cursor: pointer; }
  @media (prefers-color-scheme: dark) {
    body { background: #1f1f1f; color: #f5f5f5; }
    main { background: #292929; box-shadow: 0 2px 6px rgba(0,0,0,.6); }
    p.note, .upn, .role { color: #c8c8c8; }
    button.account { color: inherit; border-top-color: #484644; }
    button.account:hover, button.account:focus { background: #3b3a39; outline-color: #4f9fe0; }
    button.account.hinted { background: #243a5e; }
    button.primary { background: #4f9fe0; color: #000; }
    button.link { color: #6cb8f6; }
  }
  @media (forced-colors: active) { button.account:focus { outline: 2px solid Highlight; } }`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title><style>${style}</style></head>
<body><main>${body}</main></body></html>`;
}

/** What the sign-in page needs to know about the pending authorization request. */
export interface SignInPageInput {
  uid: string;
  clientName: string;
  users: readonly DirectoryUser[];
  /** `login_hint` of the request: that account is highlighted and focused. */
  loginHint?: string;
}

function roleLabel(user: DirectoryUser): string {
  const roles = user.appRoles.length ? ` · app role ${user.appRoles.join(', ')}` : '';
  const department = user.department ? ` · ${user.department}` : '';
  return `${user.description ?? 'user'}${department}${roles}`;
}

/**
 * The account picker: one button per directory user. There is no password because the provider
 * is local-only; choosing an account is the sign-in. Each button posts `oid` to the login route.
 */
export function signInPage(input: SignInPageInput): string {
  const hint = input.loginHint?.toLowerCase();
  const items = input.users
    .map((user) => {
      const hinted = hint && (user.upn.toLowerCase() === hint || user.oid === hint);
      return `<li><button class="account${hinted ? ' hinted' : ''}" type="submit" name="oid" value="${escapeHtml(user.oid)}"${hinted ? ' autofocus' : ''}>
  <span class="name">${escapeHtml(user.name)}</span><span class="upn">${escapeHtml(user.upn)}</span><span class="role">${escapeHtml(roleLabel(user))}</span></button></li>`;
    })
    .join('\n');
  const action = `/interaction/${encodeURIComponent(input.uid)}`;
  return layout(
    'Sign in to your account',
    `<h1>Pick an account</h1>
<p class="note">Local identity provider: sign in to <strong>${escapeHtml(input.clientName)}</strong> as one of the sample tenant's users. No password is needed; this only runs on your machine.</p>
<form method="post" action="${action}/login"><ul>${items}</ul></form>
<form method="post" action="${action}/abort"><button class="link" type="submit">Cancel</button></form>`,
  );
}

/** The logout confirmation; it submits itself, as Entra signs out without asking. */
export function logoutPage(form: string): string {
  return layout(
    'Sign out',
    `<h1>Signing you out…</h1>${form}
<p class="note">If nothing happens, <button class="primary" type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button></p>
<script>var f = document.getElementById('op.logoutForm'); var i = document.createElement('input'); i.type = 'hidden'; i.name = 'logout'; i.value = 'yes'; f.appendChild(i); f.submit();</script>`,
  );
}

/** Shown after a logout request that named no `post_logout_redirect_uri`. */
export function signedOutPage(): string {
  return layout('Signed out', '<h1>You signed out of your account</h1><p class="note">It\'s a good idea to close all browser windows.</p>');
}

/** An error page for failed interactions. */
export function errorPage(title: string, detail: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1><p class="note">${escapeHtml(detail)}</p>`);
}
