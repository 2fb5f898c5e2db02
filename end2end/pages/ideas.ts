import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { freshMember } from '../support/users';

/** `/ideas`: the board, its counters, the member's votes left, filters and sort in the address. */
export class IdeaBoardPage {
  constructor(readonly page: Page) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`/ideas${query}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Ideas' })).toBeVisible();
  }

  /** "3 votes left" (only for a signed-in member). */
  get votesLeft(): Locator {
    return this.page.getByRole('status').filter({ hasText: /^(\d+ votes? left|Unlimited votes)$/ });
  }

  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search ideas' });
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    await this.search.press('Enter');
    await expect(this.page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text).replace(/%20/g, '(\\+|%20)')}`));
  }

  get statusFilter(): Locator {
    return this.page.getByLabel('Status', { exact: true });
  }

  get myVotes(): Locator {
    return this.page.getByRole('checkbox', { name: 'Only ideas I voted for' });
  }

  async sortBy(name: 'Top' | 'Trending' | 'Newest' | 'Most discussed'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Order' }).getByRole('link', { name, exact: true }).click();
  }

  /** Cards are items of the list, each headed by a link to its idea. */
  get cards(): Locator {
    return this.page.locator('.idea-list').getByRole('listitem');
  }

  card(title: string): Locator {
    return this.cards.filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  async propose(): Promise<void> {
    await this.page.getByRole('link', { name: 'Propose an idea', exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Propose an idea' })).toBeVisible();
  }
}

/** The vote control of one idea (on its card or its page). */
export class VoteControl {
  constructor(readonly scope: Locator) {}

  get button(): Locator {
    return this.scope.getByRole('button', { name: /^(Vote for this idea|Voted: take your vote back)$/ });
  }

  /** The count as shown ("12"). */
  get count(): Locator {
    return this.scope.locator('.vote__count strong');
  }

  /** Why a vote was refused, or that it waits for the connection. */
  get why(): Locator {
    return this.scope.locator('.vote__why');
  }

  async give(): Promise<void> {
    await expect(this.button).toHaveAccessibleName('Vote for this idea');
    await this.button.click();
    await expect(this.button).toHaveAttribute('aria-pressed', 'true');
  }

  async takeBack(): Promise<void> {
    await expect(this.button).toHaveAccessibleName('Voted: take your vote back');
    await this.button.click();
    await expect(this.button).toHaveAttribute('aria-pressed', 'false');
  }
}

/** `/ideas/new`: title with similar ideas suggested, category, description (kept as a draft). */
export class NewIdeaPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/ideas/new');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Propose an idea' })).toBeVisible();
  }

  get title(): Locator {
    return this.page.getByRole('textbox', { name: 'Title', exact: true });
  }

  get category(): Locator {
    return this.page.getByLabel('Category', { exact: true });
  }

  get description(): Locator {
    return this.page.getByRole('textbox', { name: 'Description', exact: true });
  }

  /** "Similar ideas already exist…" and the links to them. */
  get similar(): Locator {
    return this.page.locator('.similar');
  }

  async fill(idea: { title: string; category: string; body: string }): Promise<void> {
    await expect(this.category.getByRole('option', { name: idea.category, exact: true })).toBeAttached();
    await this.title.fill(idea.title);
    await this.category.selectOption({ label: idea.category });
    await this.description.fill(idea.body);
  }

  /** Proposes and waits for the idea's page; answers its id. */
  async submit(title: string): Promise<string> {
    await this.page.getByRole('button', { name: 'Propose', exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
    const id = /\/ideas\/(\d+)/.exec(new URL(this.page.url()).pathname)?.[1];
    expect(id, `idea id in ${this.page.url()}`).toBeTruthy();
    return id!;
  }
}

/** `/ideas/<id>`: the idea, its vote, history with official answers, voters, staff tools. */
export class IdeaPage {
  constructor(readonly page: Page) {}

  async open(id: string): Promise<void> {
    await this.page.goto(`/ideas/${id}`);
    await expect(this.heading).toBeVisible();
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  get vote(): VoteControl {
    return new VoteControl(this.page.locator('.idea-page__head'));
  }

  get votesLeft(): Locator {
    return this.page.getByRole('status').filter({ hasText: /^\d+ votes? left$/ });
  }

  get status(): Locator {
    return this.page.locator('.idea-page__meta .status-chip');
  }

  get history(): Locator {
    return this.page.getByRole('region', { name: 'Status history' });
  }

  get voters(): Locator {
    return this.page.getByRole('region', { name: 'Voters' });
  }

  get comments(): Locator {
    return this.page.getByRole('region', { name: /^Comments/ });
  }

  /** Staff: a new status with its official answer. */
  async changeStatus(status: string, answer: string): Promise<void> {
    await this.page.getByLabel('New status').selectOption({ label: status });
    await this.page.getByRole('textbox', { name: 'Official answer', exact: true }).fill(answer);
    await this.page.getByRole('button', { name: 'Change status', exact: true }).click();
    await expect(this.status).toHaveText(status);
  }

  /** Staff: this idea is a duplicate of `into` (a number or a link). */
  async mergeInto(into: string, note = ''): Promise<void> {
    await this.page.getByRole('textbox', { name: 'The idea to merge into' }).fill(into);
    if (note) await this.page.getByRole('textbox', { name: 'Note for the voters (optional)' }).fill(note);
    await this.page.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect(this.status).toHaveText('Duplicate');
  }
}

/** `/ideas/roadmap`: planned, in progress, implemented. */
export class RoadmapPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/ideas/roadmap');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible();
  }

  column(name: 'Planned' | 'In progress' | 'Implemented'): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${name} \\d+$`) });
  }
}

/** `/ideas/ballots`: the ballots, and for staff the form that publishes one. */
export class BallotsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/ideas/ballots');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Ballots' })).toBeVisible();
  }

  /** Staff: publishes a ballot open from now; answers its id. */
  async publish(ballot: { title: string; points: number; items: string[] }): Promise<string> {
    await this.open();
    await this.page.getByText('New ballot', { exact: true }).click();
    await this.page.getByRole('textbox', { name: 'Question' }).fill(ballot.title);
    await this.page.getByRole('spinbutton', { name: 'Points each member spreads' }).fill(String(ballot.points));
    await this.page.getByRole('textbox', { name: 'Candidate improvements' }).fill(ballot.items.join('\n'));
    await this.page.getByRole('button', { name: 'Publish the ballot', exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: ballot.title })).toBeVisible();
    const id = /\/ideas\/ballots\/(\d+)/.exec(new URL(this.page.url()).pathname)?.[1];
    expect(id, `ballot id in ${this.page.url()}`).toBeTruthy();
    return id!;
  }
}

/** `/ideas/ballots/<id>`: points to spread while open, ranked results once closed. */
export class BallotPage {
  constructor(readonly page: Page) {}

  async open(id: string): Promise<void> {
    await this.page.goto(`/ideas/ballots/${id}`);
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  points(item: string): Locator {
    return this.page.getByRole('spinbutton', { name: item, exact: true });
  }

  get pointsLeft(): Locator {
    return this.page.getByRole('status').filter({ hasText: /^Points left/ });
  }

  get saveButton(): Locator {
    return this.page.getByRole('button', { name: 'Save my points', exact: true });
  }

  get results(): Locator {
    return this.page.getByRole('region', { name: 'Results' });
  }

  /** Staff: close now, confirming the second question. */
  async closeNow(): Promise<void> {
    await this.page.getByRole('button', { name: 'Close the ballot now', exact: true }).click();
    await this.page.getByRole('button', { name: 'Yes, close it now', exact: true }).click();
    await expect(this.results).toBeVisible();
  }
}

export type IdeaJson = {
  id: string;
  title: string;
  status: string;
  vote_count: number;
  voted: boolean;
  history: Array<{ status: string; answer: string }>;
};

/**
 * The API as this browser's member (shares the page's cookies): for setting the scene quickly
 * and for checks a member cannot make by looking (exact counts).
 */
export class IdeasApi {
  private csrf = '';

  constructor(readonly request: APIRequestContext) {}

  protected async token(): Promise<string> {
    if (!this.csrf) {
      const me = await this.request.get('/api/v1/auth/me');
      expect(me.status()).toBe(200);
      this.csrf = (await me.json()).csrf_token;
    }
    return this.csrf;
  }

  protected async write(method: 'POST' | 'PUT' | 'DELETE', path: string, data?: unknown) {
    const response = await this.request.fetch(`/api/v1${path}`, {
      method,
      data,
      headers: { 'X-CSRF-Token': await this.token(), 'Idempotency-Key': `e2e-${Date.now()}-${Math.random()}` },
    });
    expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
    return response.json();
  }

  /** Registers a new member and signs this browser in as them. */
  async join(prefix = 'i') {
    const member = freshMember(prefix);
    const session = await this.write('POST', '/auth/register', {
      handle: member.handle,
      display_name: member.displayName,
      email: member.email,
      password: member.password,
      accept_charter: true,
    });
    this.csrf = session.csrf_token;
    return member;
  }

  async signIn(login: string, password: string): Promise<void> {
    const session = await this.write('POST', '/auth/login', { login, password });
    this.csrf = session.csrf_token;
  }

  async propose(title: string, body = 'Proposed by a journey.', category = 'reports'): Promise<IdeaJson> {
    return this.write('POST', '/ideas', { title, category_id: category, body });
  }

  async vote(id: string): Promise<void> {
    await this.write('PUT', `/ideas/${id}/vote`);
  }

  async idea(id: string): Promise<IdeaJson> {
    const response = await this.request.get(`/api/v1/ideas/${id}`);
    expect(response.status()).toBe(200);
    return response.json();
  }

  async voterHandles(id: string): Promise<string[]> {
    const response = await this.request.get(`/api/v1/ideas/${id}/voters?limit=100`);
    expect(response.status()).toBe(200);
    return (await response.json()).items.map((m: { handle: string }) => m.handle);
  }

  async budget(): Promise<{ budget: number; used: number; left: number | null }> {
    const response = await this.request.get('/api/v1/ideas/budget');
    expect(response.status()).toBe(200);
    return response.json();
  }
}
