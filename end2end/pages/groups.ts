import { expect, request, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../support/users';
import { IdeasApi } from './ideas';

/** Text no other journey (or earlier run) has written. */
export function unique(text: string): string {
  return `${text} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/** A member's side of the API in a context of its own: for setting the scene quickly. */
export class GroupsApi extends IdeasApi {
  /** A demo member, signed in in a context of their own. */
  static async demo(baseURL: string, handle: string): Promise<GroupsApi> {
    const member = new GroupsApi(await request.newContext({ baseURL }));
    await member.signIn(handle, DEMO_PASSWORD);
    return member;
  }

  /** A newly registered member in a context of their own, with their handle. */
  static async fresh(baseURL: string, prefix: string): Promise<{ api: GroupsApi; handle: string }> {
    const member = new GroupsApi(await request.newContext({ baseURL }));
    const { handle } = await member.join(prefix);
    return { api: member, handle };
  }

  /** Adds a member to a group (as one of its admins). */
  async addMember(group: string, handle: string): Promise<void> {
    await this.write('PUT', `/groups/${group}/members/${handle}/role`, { role: 'member' });
  }

  /** Joins an open group. */
  async joinGroup(group: string): Promise<void> {
    await this.write('POST', `/groups/${group}/join`);
  }

  /** Leaves a group (answered with no body). */
  async leaveGroup(group: string): Promise<void> {
    const response = await this.request.delete(`/api/v1/groups/${group}/membership`, {
      headers: { 'X-CSRF-Token': await this.token() },
    });
    expect(response.status(), await response.text()).toBe(204);
  }

  /** Starts a thread in a space; answers its id. */
  async newThread(space: string, title: string): Promise<string> {
    return (await this.write('POST', '/threads', { space_id: space, title, body: 'For the group only.' })).id;
  }

  /** The id of a group's latest thread. */
  async firstThread(group: string): Promise<string> {
    const page = await this.request.get(`/api/v1/threads?group=${group}`);
    expect(page.status()).toBe(200);
    return (await page.json()).items[0].id;
  }

  async dispose(): Promise<void> {
    await this.request.dispose();
  }
}

/** The page shown instead of a closed group's content. */
export class MembersOnlyPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Members only' });
  }

  groupLink(name: string): Locator {
    return this.page.getByRole('link', { name, exact: true });
  }

  get requestAccess(): Locator {
    return this.page.getByRole('button', { name: 'Request access' });
  }
}

/** `/groups/<slug>`. */
export class GroupPage {
  constructor(readonly page: Page) {}

  async open(slug: string): Promise<void> {
    await this.page.goto(`/groups/${slug}`);
  }

  get requests(): Locator {
    return this.page.getByRole('region', { name: 'Requests to join' });
  }

  approve(name: string): Locator {
    return this.requests.getByRole('button', { name: `Approve ${name}` });
  }
}
