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

  /** Waits until the API answers whose addresses contain each of `paths` (and who is signed
   * in, which every page asks first) are kept for offline reading. */
  async saved(...paths: string[]): Promise<void> {
    await this.page.waitForFunction(async (parts) => {
      const kept: string[] = [];
      for (const name of await caches.keys()) {
        if (!name.startsWith('veche-api-')) continue;
        for (const request of await (await caches.open(name)).keys()) kept.push(new URL(request.url).pathname);
      }
      return parts.every((part) => kept.some((path) => path.includes(part)));
    }, ['/auth/me', ...paths]);
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
