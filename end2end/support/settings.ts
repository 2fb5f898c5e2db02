import { mkdirSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, request, type APIRequestContext } from '@playwright/test';
import { vecheUrl } from './fixtures';
import { DEMO_PASSWORD } from './users';

// Each worker has a server of its own (support/fixtures.ts), but a run against one shared server
// (VECHE_URL alone) has journeys in parallel on one database: a journey that changes the
// community's settings holds a lock while it does, and puts every setting back before letting
// go, so the journeys after it meet the open, unchanged demo community either way.

function lockPath(): string {
  return path.join(tmpdir(), `veche-settings-lock-${new URL(vecheUrl()).port || 'default'}`);
}

async function lock(): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lockPath());
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`the settings lock ${lockPath()} was not released within 2 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function unlock(): void {
  rmdirSync(lockPath());
}

/** The API as a staff member (maria), with her CSRF token on every write. */
export async function staffApi(): Promise<{ api: APIRequestContext; headers: Record<string, string> }> {
  const api = await request.newContext({ baseURL: vecheUrl() });
  const me = await api.get('/api/v1/auth/me');
  const guestToken = (await me.json()).csrf_token as string;
  const signedIn = await api.post('/api/v1/auth/login', {
    data: { login: 'maria', password: DEMO_PASSWORD },
    headers: { 'X-CSRF-Token': guestToken },
  });
  expect(signedIn.status()).toBe(200);
  const headers = { 'X-CSRF-Token': (await signedIn.json()).csrf_token as string };
  return { api, headers };
}

type Community = Record<string, unknown>;

/** The settings `PUT /community` takes, from `GET /community`'s answer. */
function settingsOf(community: Community): Community {
  const keys = [
    'name', 'description', 'founded_on', 'default_locale', 'time_zone', 'accent_color', 'features',
    'join_policy', 'allowed_email_domains', 'email_confirmation_required',
  ];
  return Object.fromEntries(keys.map((key) => [key, community[key] ?? null]));
}

/**
 * Runs `work` while the community's settings may be changed (by `changes`, applied first, and by
 * whatever `work` does), then restores every setting and the logo as they were.
 */
export async function withSettings(changes: Community, work: () => Promise<void>): Promise<void> {
  await lock();
  const { api, headers } = await staffApi();
  try {
    const before = (await (await api.get('/api/v1/community')).json()) as Community;
    try {
      if (Object.keys(changes).length > 0) {
        const changed = await api.put('/api/v1/community', { data: { ...settingsOf(before), ...changes }, headers });
        expect(changed.status(), await changed.text()).toBe(200);
      }
      await work();
    } finally {
      const restored = await api.put('/api/v1/community', { data: settingsOf(before), headers });
      expect(restored.status(), await restored.text()).toBe(200);
      if (!before.logo_url) await api.delete('/api/v1/community/logo', { headers });
    }
  } finally {
    await api.dispose();
    unlock();
  }
}

/** Decides a waiting registration by the registering person's handle, through the API as staff. */
export async function pendingRegistrationId(handle: string): Promise<string | undefined> {
  const { api } = await staffApi();
  try {
    const queue = await (await api.get('/api/v1/community/registrations?limit=100')).json();
    return (queue.items as { id: string; handle: string }[]).find((item) => item.handle === handle)?.id;
  } finally {
    await api.dispose();
  }
}
