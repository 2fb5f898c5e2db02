import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

type Badge = 'Pinned' | 'Solved' | 'Locked';

/** A badge's whole text ("✓ Solved"), not the word somewhere in a title or an excerpt. */
function badgeText(name: Badge): RegExp {
  return new RegExp(`^(✓ )?${name}$`);
}

/** `/threads`: the list of threads, its space filter and the way to start one. */
export class ThreadsListPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/threads');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Threads' })).toBeVisible();
    await expect(this.rows.first()).toBeVisible();
  }

  /** Threads are rows of a list, each headed by a link to the thread. */
  get rows(): Locator {
    return this.page.getByRole('main').getByRole('listitem').filter({ has: this.page.getByRole('heading', { level: 3 }) });
  }

  row(title: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  badge(title: string, name: Badge): Locator {
    return this.row(title).getByText(badgeText(name));
  }

  async startThread(): Promise<void> {
    await this.page.getByRole('link', { name: 'New thread', exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Start a thread' })).toBeVisible();
  }

  async openThread(title: string): Promise<void> {
    await this.page.getByRole('link', { name: title, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }
}

/** `/threads/new`: space, title and text of a new thread. */
export class NewThreadPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/threads/new');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Start a thread' })).toBeVisible();
  }

  get space(): Locator {
    return this.page.getByLabel('Space', { exact: true });
  }

  get title(): Locator {
    return this.page.getByRole('textbox', { name: 'Title', exact: true });
  }

  get body(): Locator {
    return this.page.getByRole('textbox', { name: 'Text', exact: true });
  }

  get publishButton(): Locator {
    return this.page.getByRole('button', { name: 'Publish', exact: true });
  }

  async fill(thread: { space: string; title: string; body: string }): Promise<void> {
    // The spaces arrive from the server after the page shows.
    await expect(this.space.getByRole('option', { name: thread.space, exact: true })).toBeAttached();
    await this.space.selectOption({ label: thread.space });
    await this.title.fill(thread.title);
    await this.body.fill(thread.body);
  }

  async preview(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Preview', exact: true }).click();
    return this.page.locator('.md-editor__preview');
  }

  /** Publishes and waits for the new thread's page; answers its id. */
  async publish(title: string): Promise<string> {
    await this.publishButton.click();
    await expect(this.page.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
    const id = /\/threads\/(\d+)/.exec(new URL(this.page.url()).pathname)?.[1];
    expect(id, `thread id in ${this.page.url()}`).toBeTruthy();
    return id!;
  }

  async create(thread: { space: string; title: string; body: string }): Promise<string> {
    await this.open();
    await this.fill(thread);
    return this.publish(thread.title);
  }
}

/** `/threads/<id>`: the question, the accepted answer, pages of replies and the reply box. */
export class ThreadPage {
  constructor(readonly page: Page) {}

  async open(id: string, hash = ''): Promise<void> {
    await this.page.goto(`/threads/${id}${hash}`);
    await expect(this.heading).toBeVisible();
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The badges beside the title ("Pinned", "Solved", "Locked"). */
  badge(name: Badge): Locator {
    return this.page.getByRole('main').getByRole('article').first().getByText(badgeText(name));
  }

  /** The opening post, written by the thread's author. */
  get question(): Locator {
    return this.page.getByRole('main').getByRole('article').filter({ hasNot: this.page.getByRole('heading', { level: 1 }) }).first();
  }

  get acceptedAnswer(): Locator {
    return this.page.getByRole('region', { name: /Accepted answer/ });
  }

  get repliesRegion(): Locator {
    return this.page.getByRole('region', { name: /^Replies/ });
  }

  /** The replies of the page shown, in order. */
  get replies(): Locator {
    return this.repliesRegion.locator('ol').getByRole('listitem');
  }

  reply(text: string | RegExp): Locator {
    return this.replies.filter({ hasText: text });
  }

  /** "Replies 1–50 of 1,200", above and below the replies. */
  get range(): Locator {
    return this.page.getByRole('navigation', { name: 'Pages of replies' }).first().getByText(/^Replies /);
  }

  async goToPage(link: 'First replies' | 'Earlier replies' | 'Later replies' | 'Latest replies'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Pages of replies' }).first().getByRole('link', { name: link }).click();
  }

  /** A reply the server has not taken yet, with where it stands ("Waiting for connection…"). */
  pendingReply(text: string): Locator {
    return this.repliesRegion.getByRole('listitem').filter({ hasText: text }).filter({ hasNot: this.page.getByRole('article') });
  }

  get replyBox(): Locator {
    return this.page.getByRole('textbox', { name: 'Your reply', exact: true });
  }

  get postReplyButton(): Locator {
    return this.page.getByRole('button', { name: 'Post reply', exact: true });
  }

  get lockedNotice(): Locator {
    return this.page.getByText('This thread is locked by a moderator: it takes no new replies.');
  }

  /** Types a reply and sends it (the reply shows up once the server has it). */
  async postReply(text: string): Promise<Locator> {
    await this.replyBox.fill(text);
    await this.postReplyButton.click();
    const posted = this.reply(text);
    await expect(posted).toBeVisible();
    return posted;
  }

  async quote(post: Locator): Promise<void> {
    await post.getByRole('button', { name: 'Quote', exact: true }).click();
  }

  /** The quote waiting in the reply box. */
  get quoting(): Locator {
    return this.page.locator('form').filter({ has: this.replyBox }).getByText(/^Quoting /);
  }

  /**
   * The same reply whatever its text becomes (and not the replies that quote it): found once by
   * its text, then followed by its anchor (`#reply-<id>`).
   */
  async pin(post: Locator): Promise<Locator> {
    const anchor = await post.getByRole('article').getAttribute('id');
    expect(anchor).toMatch(/^reply-\d+$/);
    return this.replies.filter({ has: this.page.locator(`article[id="${anchor}"]`) });
  }

  async edit(post: Locator, text: string): Promise<void> {
    // While it is edited the post's text sits in a text box, not in its text.
    const editing = await this.pin(post);
    await editing.getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = editing.getByRole('textbox', { name: 'Edit', exact: true });
    await editor.fill(text);
    await editing.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(editor).toBeHidden();
  }

  /** The kudos button of a post the viewer did not write, named with its count ("Give kudos: 3"). */
  kudos(post: Locator): Locator {
    return post.getByRole('button', { name: /^(Give kudos|Take back kudos)/ });
  }

  async accept(post: Locator): Promise<void> {
    await post.getByRole('button', { name: 'Accept as answer' }).click();
  }

  async moderate(action: 'Lock' | 'Unlock' | 'Pin' | 'Unpin'): Promise<void> {
    await this.page.getByRole('button', { name: action, exact: true }).click();
  }
}

/** What the reference server answers, for checks a member cannot make by looking. */
export class ThreadsApi {
  constructor(readonly request: APIRequestContext, readonly baseURL = '') {}

  async thread(id: string): Promise<{ id: string; title: string; reply_count: number; locked: boolean }> {
    const response = await this.request.get(`${this.baseURL}/api/v1/threads/${id}`);
    expect(response.status()).toBe(200);
    return response.json();
  }

  /** The id of the thread titled `title`, looked up page by page. */
  async threadIdByTitle(title: string): Promise<string> {
    let cursor = '';
    for (;;) {
      const response = await this.request.get(`${this.baseURL}/api/v1/threads?limit=100${cursor && `&cursor=${cursor}`}`);
      expect(response.status()).toBe(200);
      const page: { items: Array<{ id: string; title: string }>; next_cursor?: string | null } = await response.json();
      const found = page.items.find((t) => t.title === title);
      if (found) return found.id;
      expect(page.next_cursor, `a thread titled ${title}`).toBeTruthy();
      cursor = encodeURIComponent(page.next_cursor!);
    }
  }

  /** The replies page starting at reply number `from` (1-based). */
  async replies(id: string, from = 1): Promise<Array<{ id: string; position: number; body: string }>> {
    const response = await this.request.get(`${this.baseURL}/api/v1/threads/${id}/replies?cursor=p${from}`);
    expect(response.status()).toBe(200);
    return (await response.json()).items;
  }

  /** The last page of replies, through the thread's reply count. */
  async lastReplies(id: string, perPage = 50): Promise<Array<{ id: string; position: number; body: string }>> {
    const { reply_count } = await this.thread(id);
    const from = Math.floor(Math.max(reply_count - 1, 0) / perPage) * perPage + 1;
    return this.replies(id, from);
  }
}
