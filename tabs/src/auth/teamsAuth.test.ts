import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../api/client';
import { classifyTeamsError, TeamsAuth } from './teamsAuth';
import { jwt, nora } from './testing';

const token = (n: number) => jwt({ ...nora, exp: Math.floor(Date.now() / 1000) + 3600, n });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('TeamsAuth', () => {
  it('signs in with the SSO token and caches it until close to expiry', async () => {
    let calls = 0;
    const auth = new TeamsAuth(async () => token(++calls));
    auth.start();
    await settle();
    expect(auth.getSnapshot()).toMatchObject({
      status: 'signed-in',
      via: 'teams',
      account: { name: nora.name, upn: nora.preferred_username },
    });
    await auth.getToken();
    expect(calls).toBe(1);
  });

  it('gives up when Teams never answers (teams-js after a failed initialize)', async () => {
    const auth = new TeamsAuth(() => new Promise<string>(() => undefined), 20);
    auth.start();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(auth.getSnapshot()).toMatchObject({ status: 'failed', problem: 'timeout' });
  });

  it('asks for consent interactively when SSO needs it', async () => {
    const interactive: boolean[] = [];
    const auth = new TeamsAuth(async (i) => {
      interactive.push(i);
      if (!i) throw new Error('resourceRequiresConsent');
      return token(1);
    });
    auth.start();
    await settle();
    expect(auth.getSnapshot()).toMatchObject({ status: 'failed', problem: 'consent' });
    await auth.signIn();
    expect(interactive).toEqual([false, true]);
    expect(auth.getSnapshot().status).toBe('signed-in');
  });

  it('on a 401 asks Teams again once, then reports the rejection', async () => {
    let n = 0;
    const auth = new TeamsAuth(async () => token(++n));
    auth.start();
    await settle();
    const first = await auth.getToken();
    const error = new ApiError(401, 'Unauthorized', 'Audience not accepted');
    await expect(auth.recover({ token: first, error, final: false })).resolves.toBe(true);
    await expect(auth.recover({ token: await auth.getToken(), error, final: true })).resolves.toBe(false);
    expect(auth.getSnapshot()).toMatchObject({ status: 'failed', problem: 'rejected' });
  });

  it('classifies teams-js failures', () => {
    expect(classifyTeamsError(new Error('CancelledByUser')).problem).toBe('consent');
    expect(classifyTeamsError('boom')).toEqual({ problem: 'error', message: "Teams couldn't sign you in to Planboard (boom)." });
  });
});
