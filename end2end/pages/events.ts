import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD, freshMember } from '../support/users';

/** What staff send to create an event (the contract's EventInput). */
export interface EventInput {
  title: string;
  kind: 'meetup' | 'regional_meeting' | 'exhibition' | 'webinar';
  description?: string;
  starts_local: string;
  ends_local: string;
  time_zone: string;
  all_day?: boolean;
  city?: string;
  address?: string;
  online_url?: string;
  capacity?: number | null;
}

/** A title no other journey (or earlier run) has used. */
export function uniqueTitle(text: string): string {
  return `${text} [${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}]`;
}

/** The day `days` from now, `YYYY-MM-DD` (UTC). */
export function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The API as a browser context's member: the context's cookies, plus the CSRF token the
 * server hands out, as the app sends them.
 */
export class EventsApi {
  private csrf = '';

  constructor(readonly request: APIRequestContext) {}

  private async refreshToken(): Promise<void> {
    const response = await this.request.get('/api/v1/auth/me');
    expect(response.status()).toBe(200);
    this.csrf = (await response.json()).csrf_token;
  }

  protected async send(method: 'POST' | 'PUT', path: string, data: unknown): Promise<any> {
    if (!this.csrf) await this.refreshToken();
    const response = await this.request.fetch(`/api/v1${path}`, {
      method,
      data,
      headers: { 'X-CSRF-Token': this.csrf, 'Idempotency-Key': `e2e-${Date.now()}-${Math.random()}` },
    });
    expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
    return response.json();
  }

  async signIn(handle: string): Promise<void> {
    await this.send('POST', '/auth/login', { login: handle, password: DEMO_PASSWORD });
    await this.refreshToken();
  }

  /** Registers a fresh member and stays signed in as them; answers their display name. */
  async join(prefix = 'e'): Promise<string> {
    return (await this.joinMember(prefix)).displayName;
  }

  /** Registers a fresh member and stays signed in as them; answers who they are. */
  async joinMember(prefix = 'e'): Promise<ReturnType<typeof freshMember>> {
    const member = freshMember(prefix);
    await this.send('POST', '/auth/register', {
      handle: member.handle,
      display_name: member.displayName,
      email: member.email,
      password: member.password,
      accept_charter: true,
    });
    await this.refreshToken();
    return member;
  }

  /** Creates an event (staff only); answers its id. */
  async create(event: EventInput): Promise<string> {
    const created = await this.send('POST', '/events', { description: '', city: '', address: '', online_url: '', ...event });
    return created.id;
  }

  async rsvp(id: string, status: 'going' | 'interested' | 'not_going'): Promise<{ status: string; waitlist_position?: number }> {
    return this.send('PUT', `/events/${id}/rsvp`, { status });
  }
}

/** `/events`: the calendar with its views, period, filters and the personal feed. */
export class CalendarPage {
  constructor(readonly page: Page) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`/events${query}`);
    // The first visit also fetches the page's chunk: slower on a busy machine.
    await expect(this.page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible({ timeout: 20_000 });
  }

  get views(): Locator {
    return this.page.getByRole('navigation', { name: 'Show as' });
  }

  /** Month, Week or List, as a tab of the view navigation. */
  view(name: 'Month' | 'Week' | 'List'): Locator {
    return this.views.getByRole('link', { name, exact: true });
  }

  get periodTitle(): Locator {
    return this.page.getByRole('navigation', { name: 'Period' }).getByRole('heading', { level: 2 });
  }

  async step(name: 'Previous month' | 'Next month' | 'Previous week' | 'Next week'): Promise<void> {
    await this.page.getByRole('link', { name, exact: true }).click();
  }

  get grid(): Locator {
    return this.page.getByRole('grid');
  }

  /** A day of the month grid (`YYYY-MM-DD`). */
  day(date: string): Locator {
    return this.grid.locator(`[data-day="${date}"]`);
  }

  event(title: string): Locator {
    return this.page.getByRole('main').getByRole('link', { name: title, exact: true });
  }

  /** The calendar entry of `title`, with its marks ("Cancelled", "Full", "Going"). */
  entry(title: string): Locator {
    return this.page.getByRole('main').locator('.event-chip').filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  /** The day a week view shows `title` on (its heading). */
  weekDayOf(title: string): Locator {
    const link = this.page.getByRole('link', { name: title, exact: true });
    return this.page.getByRole('main').locator('.week__day').filter({ has: link }).getByRole('heading', { level: 3 });
  }

  section(name: 'Coming up' | 'Already over'): Locator {
    return this.page.getByRole('region', { name });
  }

  async feedAddress(): Promise<string> {
    const shown = this.page.getByRole('button', { name: 'Show my feed address' });
    if (await shown.isVisible()) await shown.click();
    const field = this.page.getByRole('textbox', { name: 'Feed address' });
    await expect(field).toHaveValue(/\/calendar\/feed\/.+\.ics$/);
    return field.inputValue();
  }
}

/** `/events/<id>`: one event, its RSVP, calendar links, attendees and staff tools. */
export class EventPage {
  constructor(readonly page: Page) {}

  async open(id: string): Promise<void> {
    await this.page.goto(`/events/${id}`);
    await expect(this.heading).toBeVisible({ timeout: 20_000 });
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  get rsvp(): Locator {
    return this.page.getByRole('region', { name: 'Are you going?' });
  }

  answer(name: 'Going' | 'Interested' | 'Not going' | 'Join the waitlist'): Locator {
    return this.rsvp.getByRole('button', { name, exact: true });
  }

  get rsvpStatus(): Locator {
    return this.rsvp.getByRole('status');
  }

  get attendees(): Locator {
    return this.page.getByRole('region', { name: 'Who is going' });
  }

  /** The times shown: "When", or "Your time" and "At the event". */
  time(label: 'When' | 'Your time' | 'At the event'): Locator {
    return this.page.locator('.event-when dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
  }
}
