import { expect, request, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { freshMember } from '../support/users';

/**
 * A member's side of the API in a context of its own (or sharing a page's cookies): for setting
 * the scene quickly with fresh members (a thread and its replies).
 */
export class MemberApi {
  private csrf = '';

  private constructor(readonly api: APIRequestContext) {}

  /** A newly registered member, signed in through `api` (a page's `request` shares its cookies). */
  static async join(api: APIRequestContext, prefix = 'mod'): Promise<MemberApi> {
    const member = new MemberApi(api);
    const fresh = freshMember(prefix);
    const session = await member.write('/auth/register', {
      handle: fresh.handle,
      display_name: fresh.displayName,
      email: fresh.email,
      password: fresh.password,
      accept_charter: true,
    });
    member.csrf = session.csrf_token;
    return member;
  }

  /** A fresh member in an API context of their own. */
  static async joinAlone(baseURL: string, prefix = 'mod'): Promise<MemberApi> {
    return MemberApi.join(await request.newContext({ baseURL }), prefix);
  }

  private async write(path: string, data: unknown) {
    if (!this.csrf) {
      const me = await this.api.get('/api/v1/auth/me');
      expect(me.status()).toBe(200);
      this.csrf = (await me.json()).csrf_token;
    }
    const response = await this.api.post(`/api/v1${path}`, {
      data,
      headers: { 'X-CSRF-Token': this.csrf, 'Idempotency-Key': `e2e-${Date.now()}-${Math.random()}` },
    });
    expect(response.status(), `POST ${path}: ${await response.text()}`).toBeLessThan(300);
    return response.json();
  }

  /** Starts a thread; answers its id. */
  async newThread(title: string, body: string): Promise<string> {
    return (await this.write('/threads', { space_id: 'integrations', title, body })).id;
  }

  /** Replies in a thread; answers the reply's id. */
  async reply(thread: string, body: string): Promise<string> {
    return (await this.write(`/threads/${thread}/replies`, { body })).id;
  }
}

/** A post of a thread page (the opening post or a reply), found by its anchor. */
export function post(page: Page, replyId: string): Locator {
  return page.locator(`article[id="reply-${replyId}"]`);
}

/** The report dialog, opened from a post's "Report" button. */
export class ReportDialog {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Report to the moderators' });
  }

  async open(from: Locator): Promise<void> {
    await from.getByRole('button', { name: 'Report', exact: true }).click();
    await expect(this.dialog).toBeVisible();
  }

  reason(label: string): Locator {
    return this.dialog.getByRole('radio', { name: label, exact: true });
  }

  get note(): Locator {
    return this.dialog.getByRole('textbox', { name: 'Note for the moderators (optional)' });
  }

  get send(): Locator {
    return this.dialog.getByRole('button', { name: 'Send report', exact: true });
  }
}

/** `/moderation` and `/moderation/log`, for moderators and staff. */
export class ModerationPage {
  constructor(readonly page: Page) {}

  async openQueue(): Promise<void> {
    await this.page.goto('/moderation');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Moderation' })).toBeVisible();
  }

  async openLog(): Promise<void> {
    await this.page.goto('/moderation/log');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Moderation log' })).toBeVisible();
  }

  /** A row of the queue or the log, by the reported text it quotes. */
  item(text: string): Locator {
    return this.page.getByRole('main').getByRole('listitem').filter({ has: this.page.getByRole('blockquote').filter({ hasText: text }) });
  }

  /** Writes the note and takes an action on a row (or on the mark of hidden content). */
  async act(where: Locator, action: 'Hide' | 'Restore' | 'Dismiss reports', note: string): Promise<void> {
    await where.getByRole('textbox', { name: 'Note for the log' }).fill(note);
    await where.getByRole('button', { name: action, exact: true }).click();
  }
}
