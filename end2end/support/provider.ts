import { expect, request } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD } from './users';

/**
 * The test identity provider scripts/test.sh runs (end2end/support/oidc-provider.mjs), and the
 * client it knows this server as. The server starts without one: staff set it up on
 * /admin/sign-in, as a community would.
 */
export const TEST_PROVIDER = {
  /** The worker's own provider (support/fixtures.ts), or the one VECHE_TEST_OIDC_ISSUER names. */
  get issuer(): string {
    return process.env.VECHE_TEST_OIDC_ISSUER ?? 'http://127.0.0.1:18101';
  },
  clientId: 'veche-test',
  clientSecret: 'veche-test-secret-that-is-long-enough',
  label: 'Corp account',
};

/** Sets the test provider up through the API as the demo's staff member Maria (passwords stay on). */
export async function setUpTestProvider(baseURL: string): Promise<void> {
  const api = await request.newContext({ baseURL });
  try {
    const guest = await (await api.get('/api/v1/auth/me')).json();
    const login = await api.post('/api/v1/auth/login', {
      headers: { 'X-CSRF-Token': guest.csrf_token },
      data: { login: 'maria', password: DEMO_PASSWORD },
    });
    expect(login.status(), await login.text()).toBe(200);
    const { csrf_token: csrf } = await login.json();
    const saved = await api.put('/api/v1/admin/sign-in', {
      headers: { 'X-CSRF-Token': csrf, 'Idempotency-Key': randomUUID() },
      data: {
        password: true,
        provider: {
          issuer: TEST_PROVIDER.issuer,
          client_id: TEST_PROVIDER.clientId,
          client_secret: TEST_PROVIDER.clientSecret,
          label: TEST_PROVIDER.label,
        },
      },
    });
    expect(saved.status(), await saved.text()).toBe(200);
  } finally {
    await api.dispose();
  }
}
