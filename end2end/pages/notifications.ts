import { expect, type Locator, type Page } from '@playwright/test';
import { EventsApi } from './events';

/** A member's side of the API for setting a journey up: joining, threads, replies, events. */
export class MemberApi extends EventsApi {
  /** Registers a fresh member and stays signed in as them; answers their handle and name. */
  async joinAs(prefix = 'n'): Promise<{ handle: string; name: string }> {
    const name = await this.join(prefix);
    // freshMember() names a member "Test <handle>".
    return { handle: name.replace(/^Test /, ''), name };
  }

  /** Starts a thread; answers its id. */
  async startThread(title: string, body: string): Promise<string> {
    return (await this.send('POST', '/threads', { space_id: 'integrations', title, body })).id;
  }

  /** Replies in a thread; answers the reply's id. */
  async reply(thread: string, body: string): Promise<string> {
    return (await this.send('POST', `/threads/${thread}/replies`, { body })).id;
  }
}

/** The bell in the header: a link whose name tells the unread count. */
export function bell(page: Page): Locator {
  return page.getByRole('banner').getByRole('link', { name: /^(Notifications|Уведомления)/ });
}

/** `/notifications`: the member's notifications by day. */
export class NotificationsPage {
  constructor(readonly page: Page) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`/notifications${query}`);
    // The first visit also fetches the page's chunk: slower on a busy machine.
    await expect(this.heading).toBeVisible({ timeout: 20_000 });
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Notifications' });
  }

  /** The notification about `title` (the content's title). */
  item(title: string): Locator {
    return this.page.getByRole('main').getByRole('listitem').filter({ hasText: title });
  }

  /** The link that opens what the notification about `title` is about. */
  link(title: string): Locator {
    return this.item(title).getByRole('link');
  }

  filter(name: 'All' | 'Unread'): Locator {
    return this.page.getByRole('navigation', { name: 'Show' }).getByRole('link', { name, exact: true });
  }

  get markAllRead(): Locator {
    return this.page.getByRole('button', { name: 'Mark all as read' });
  }
}
