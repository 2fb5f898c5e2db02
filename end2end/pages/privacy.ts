import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { vecheUrl } from '../support/fixtures';
import { EventsApi } from './events';

/** The API calls the privacy journeys set their scene with (a member's thread, a reply). */
export class PrivacyApi extends EventsApi {
  /** Starts a thread in the demo's "integrations" space; answers its id. */
  async thread(title: string, body: string): Promise<string> {
    return (await this.send('POST', '/threads', { space_id: 'integrations', title, body })).id;
  }

  async reply(thread: string, body: string): Promise<void> {
    await this.send('POST', `/threads/${thread}/replies`, { body });
  }
}

/** A downloaded archive's files by name, unpacked by Python's zipfile (which checks every CRC). */
export async function archiveFiles(download: Download): Promise<Map<string, Buffer>> {
  const dir = mkdtempSync(join(tmpdir(), 'veche-archive-'));
  try {
    const zip = join(dir, 'archive.zip');
    await download.saveAs(zip);
    const out = join(dir, 'out');
    execFileSync('python3', ['-m', 'zipfile', '-e', zip, out]);
    const files = new Map<string, Buffer>();
    const walk = (folder: string, prefix: string) => {
      for (const name of readdirSync(folder)) {
        const path = join(folder, name);
        if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
        else files.set(`${prefix}${name}`, readFileSync(path));
      }
    };
    walk(out, '');
    return files;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs `work` while no other journey on this server changes the community's deleted-content
 * choice (each worker has a server of its own, but a run against one VECHE_URL shares it).
 */
export async function withPrivacySetting<T>(work: () => Promise<T>): Promise<T> {
  // Workers are children of one runner: its id and the server's port name this run's lock, so a
  // lock left by a run that was killed never blocks the next one.
  const lock = join(tmpdir(), `veche-e2e-privacy-setting-${process.ppid}-${new URL(vecheUrl()).port}.lock`);
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      expect(waited, 'another journey held the privacy setting for two minutes').toBeLessThan(120_000);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** `/account/delete`. */
export class DeleteAccountPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/account/delete');
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  async confirm(password: string, label = 'Your password, to confirm', button = 'Delete my account for good'): Promise<void> {
    await this.page.getByLabel(label).fill(password);
    await this.page.getByRole('button', { name: button }).click();
  }
}

/** `/admin/privacy` (staff). */
export class PrivacyAdminPage {
  constructor(readonly page: Page) {}

  async open(member?: string): Promise<void> {
    await this.page.goto(member ? `/admin/privacy?member=${member}` : '/admin/privacy');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Privacy' })).toBeVisible();
  }

  async choose(choice: 'keep' | 'remove'): Promise<void> {
    const label = choice === 'keep' ? /Keep their threads/ : /Remove their threads/;
    await this.page.getByRole('radio', { name: label }).check();
    await this.page.getByRole('button', { name: 'Save the choice' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  }

  get found(): Locator {
    return this.page.locator('.privacy-found');
  }

  get log(): Locator {
    return this.page.locator('.privacy-log__item');
  }
}
