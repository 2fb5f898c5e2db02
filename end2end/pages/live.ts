import { request, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../support/users';
import { GroupsApi } from './groups';

/** A member's side of the API for the live journeys: groups, threads and replies. */
export class LiveApi extends GroupsApi {
  /** A demo member, signed in in a request context of their own. */
  static async demoMember(baseURL: string, handle: string): Promise<LiveApi> {
    const member = new LiveApi(await request.newContext({ baseURL }));
    await member.signIn(handle, DEMO_PASSWORD);
    return member;
  }

  /** Replies in a thread; answers the reply's id. */
  async reply(thread: string, body: string): Promise<string> {
    return (await this.write('POST', `/threads/${thread}/replies`, { body })).id;
  }
}

/** What an open thread shows of the live stream. */
export class LiveThread {
  constructor(readonly page: Page) {}

  /** The button that shows replies posted since the page was read ("1 new reply — show"). */
  newReplies(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name });
  }

  /** The reply box. */
  replyBox(label: string): Locator {
    return this.page.getByRole('textbox', { name: label });
  }
}
