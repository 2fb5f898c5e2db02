import { expect, type Locator, type Page } from '@playwright/test';

/** What the service worker (public/sw.js) and its page script (public/offline.js) show and keep. */
export class OfflineApp {
  constructor(readonly page: Page) {}

  /** Waits until the worker controls the page, with this version's files cached. */
  async ready(): Promise<void> {
    await this.page.waitForFunction(async () => {
      await navigator.serviceWorker.ready;
      return navigator.serviceWorker.controller !== null;
    });
  }

  /** Waits until an API answer whose address contains `path` is kept for offline reading. */
  async saved(path: string): Promise<void> {
    await this.page.waitForFunction(async (part) => {
      for (const name of await caches.keys()) {
        if (!name.startsWith('veche-api-')) continue;
        const requests = await (await caches.open(name)).keys();
        if (requests.some((request) => new URL(request.url).pathname.includes(part))) return true;
      }
      return false;
    }, path);
  }

  /** The names of the caches holding an account's API answers (`veche-api-guest`, `veche-api-m…`). */
  async accountCaches(): Promise<string[]> {
    return this.page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('veche-api-')));
  }

  /** "Offline — showing what you saw at 14:05", in either language. */
  get offlineNotice(): Locator {
    return this.page.getByRole('status').filter({ hasText: /^(Offline — showing what you saw|Нет сети — показано то, что вы видели)/ });
  }

  /** "… was updated", with its Reload button. */
  get updateNotice(): Locator {
    return this.page.getByRole('status').filter({ hasText: /(was updated|Вышла новая версия)/ });
  }

  /** The outbox's count in the header bar (outside the folded menu). */
  waiting(count: number): Locator {
    return this.page
      .getByRole('banner')
      .getByRole('status')
      .filter({ hasText: new RegExp(`^${count} (waiting to be sent|ожидает отправки)$`) });
  }
}
