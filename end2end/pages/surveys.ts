import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../support/users';

/** The contract's Tally. */
export interface Tally {
  promoters: number;
  passives: number;
  detractors: number;
}

/** The contract's SurveyResults (what the dashboard draws). */
export interface SurveyResults {
  tally: Tally;
  nps?: number | null;
  margin_of_error?: number | null;
  distribution: number[];
  bucket: 'week' | 'month';
  trend: { period_start: string; tally: Tally; nps?: number | null }[];
  sources: string[];
  segments: string[];
}

export interface SurveyResponse {
  id: string;
  score: number;
  category: 'detractor' | 'passive' | 'promoter';
  comment?: string | null;
  source?: string | null;
  segment?: string | null;
  created_at: string;
}

/** The dashboard's filters, as the page's address and the API both take them. */
export type Filters = Partial<Record<'from' | 'to' | 'source' | 'segment' | 'bucket' | 'category' | 'q', string>>;

export function queryOf(filters: Record<string, string | undefined>): string {
  const params = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The NPS as the dashboard shows it: whole points, half away from zero, a true minus sign. */
export function shownScore(nps: number): string {
  const rounded = Math.sign(nps) * Math.round(Math.abs(nps));
  if (rounded > 0) return `+${rounded}`;
  if (rounded < 0) return `−${Math.abs(rounded)}`;
  return '0';
}

/** "1 answer", "1,234 answers". */
export function answers(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'answer' : 'answers'}`;
}

/** The day `days` before today, `YYYY-MM-DD`, in the browser's (here: the test machine's) zone. */
export function daysAgo(days: number): string {
  const at = new Date();
  at.setDate(at.getDate() - days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** The survey API as a browser context's member (its cookies), to compare the pages with. */
export class SurveysApi {
  private csrf = '';

  constructor(readonly request: APIRequestContext) {}

  async signIn(handle: string): Promise<void> {
    const me = await this.request.get('/api/v1/auth/me');
    this.csrf = (await me.json()).csrf_token;
    const login = await this.request.post('/api/v1/auth/login', {
      data: { login: handle, password: DEMO_PASSWORD },
      headers: { 'X-CSRF-Token': this.csrf, 'Idempotency-Key': `e2e-${Date.now()}-${Math.random()}` },
    });
    expect(login.status()).toBe(200);
  }

  private async get<T>(path: string): Promise<T> {
    const response = await this.request.get(`/api/v1${path}`);
    expect(response.status(), `GET ${path}`).toBe(200);
    return response.json();
  }

  /** The id of the survey named `name`. */
  async idOf(name: string): Promise<string> {
    const surveys = await this.get<{ id: string; name: string }[]>('/surveys');
    const survey = surveys.find((s) => s.name === name);
    expect(survey, `a survey named ${name}`).toBeDefined();
    return survey!.id;
  }

  async results(id: string, filters: Filters): Promise<SurveyResults> {
    const { from, to, source, segment, bucket } = filters;
    return this.get(`/surveys/${id}/results${queryOf({ from, to, source, segment, bucket: bucket ?? 'week' })}`);
  }

  async comments(id: string, filters: Filters, limit = 20): Promise<SurveyResponse[]> {
    const { from, to, source, segment, category, q } = filters;
    const query = queryOf({ from, to, source, segment, category, q, comments: 'true', limit: String(limit) });
    const page = await this.get<{ items: SurveyResponse[] }>(`/surveys/${id}/responses${query}`);
    return page.items;
  }
}

/** `/admin/surveys`: the staff's list. */
export class SurveyListPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/admin/surveys');
    // The first visit also fetches the page's chunk: slower on a busy machine.
    await expect(this.page.getByRole('heading', { level: 1, name: 'Surveys' })).toBeVisible({ timeout: 20_000 });
  }

  survey(name: string): Locator {
    return this.page.getByRole('listitem').filter({ has: this.page.getByRole('heading', { name }) });
  }
}

/** `/admin/surveys/new` and `/admin/surveys/<id>/edit`: the form, and the snippets once saved. */
export class SurveyEditorPage {
  constructor(readonly page: Page) {}

  async openNew(): Promise<void> {
    await this.page.goto('/admin/surveys/new');
    await expect(this.page.getByRole('heading', { level: 1, name: 'New survey' })).toBeVisible({ timeout: 20_000 });
  }

  field(label: string | RegExp): Locator {
    return this.page.getByLabel(label, { exact: typeof label === 'string' });
  }

  /** A text of one language's fieldset ("Texts in English" / "Texts in Russian"): its label
   * names the language, so the page holds one field of that name (a screen reader hears which). */
  text(language: 'English' | 'Russian', label: string): Locator {
    const field = this.page.getByLabel(`${label} (${language})`, { exact: true });
    return this.page.getByRole('group', { name: `Texts in ${language}` }).locator(field);
  }

  /** The message shown beside a field (what its aria-describedby points at). */
  errorOf(field: Locator): Locator {
    return this.page.locator('.field').filter({ has: field }).locator('.field__error');
  }

  async save(name: 'Create survey' | 'Save changes'): Promise<void> {
    await this.page.getByRole('button', { name, exact: true }).click();
  }

  snippet(title: 'Script tag' | 'Custom element' | 'Plain iframe, no script'): Locator {
    return this.page.locator('.snippet').filter({ has: this.page.getByRole('heading', { name: title, exact: true }) });
  }
}

/** `/admin/surveys/<id>`: the results dashboard. */
export class SurveyDashboardPage {
  constructor(readonly page: Page) {}

  async open(id: string, filters: Filters = {}): Promise<void> {
    await this.page.goto(`/admin/surveys/${id}${queryOf(filters)}`);
    await this.waitForNumbers();
  }

  async waitForNumbers(): Promise<void> {
    await expect(this.score).toBeVisible({ timeout: 20_000 });
  }

  get score(): Locator {
    return this.page.getByTestId('nps-score');
  }

  get count(): Locator {
    return this.page.getByTestId('nps-count');
  }

  get margin(): Locator {
    return this.page.getByTestId('nps-margin');
  }

  get trend(): Locator {
    return this.page.getByRole('img', { name: /^NPS by (week|month)/ });
  }

  get distribution(): Locator {
    return this.page.getByTestId('distribution').getByRole('listitem');
  }

  /** The legend line of a group ("Promoters, 9–10"). */
  group(category: 'promoter' | 'passive' | 'detractor'): Locator {
    return this.page.locator(`.nps-split__legend li[data-category="${category}"]`);
  }

  get comments(): Locator {
    return this.page.locator('.comment-card');
  }

  get csv(): Locator {
    return this.page.getByRole('link', { name: 'Download CSV' });
  }

  /** Checks every number on the page against the API's results. */
  async expectNumbers(results: SurveyResults): Promise<void> {
    const { promoters, passives, detractors } = results.tally;
    const total = promoters + passives + detractors;
    await expect(this.count).toHaveText(answers(total));
    if (results.nps !== null && results.nps !== undefined) await expect(this.score).toHaveText(shownScore(results.nps));
    if (results.margin_of_error !== null && results.margin_of_error !== undefined) {
      await expect(this.margin).toContainText(`± ${Math.round(results.margin_of_error)} point`);
    }
    for (const [category, count] of [['promoter', promoters], ['passive', passives], ['detractor', detractors]] as const) {
      await expect(this.group(category)).toContainText(answers(count));
      await expect(this.group(category)).toContainText(`${Math.round((100 * count) / Math.max(total, 1))} %`);
    }
    await expect(this.distribution).toHaveCount(11);
    for (let score = 0; score <= 10; score++) {
      await expect(this.distribution.nth(score)).toHaveAttribute('data-count', String(results.distribution[score]));
    }
    await expect(this.page.getByTestId('trend-chart').locator('circle')).toHaveCount(results.trend.filter((p) => p.nps !== null && p.nps !== undefined).length);
  }
}
