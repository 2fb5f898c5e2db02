import { expect, type Locator, type Page } from '@playwright/test';

/** The home page's counters as the API answers them. */
export interface CommunityStats {
  members: number;
  days: number;
  ideas: number;
  votes: number;
  implemented: number;
}

/** Counter labels in English, in the order shown. */
const LABELS: Record<keyof CommunityStats, string> = {
  members: 'Members',
  days: 'Days together',
  ideas: 'Ideas',
  votes: 'Votes',
  implemented: 'Implemented',
};

/** `/`: the hero with the first-visit welcome, the counters, news and the most discussed threads. */
export class HomePage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.hero).toBeVisible();
  }

  get hero(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The welcome's three points (only for guests). */
  get welcome(): Locator {
    return this.page.locator('.hero__points li');
  }

  get stats(): Locator {
    return this.page.getByRole('region', { name: 'The community in numbers' });
  }

  get news(): Locator {
    return this.page.getByRole('region', { name: 'Latest news' });
  }

  get discussed(): Locator {
    return this.page.getByRole('region', { name: 'Most discussed this week' });
  }

  /** The counters as shown: each number under its label (digits only, separators dropped). */
  async shownStats(): Promise<CommunityStats> {
    await expect(this.stats.getByRole('definition')).toHaveCount(5);
    const shown = {} as CommunityStats;
    for (const [key, label] of Object.entries(LABELS) as [keyof CommunityStats, string][]) {
      const item = this.stats.locator('.home-stats__item').filter({ has: this.page.getByRole('term').getByText(label, { exact: true }) });
      const text = await item.getByRole('definition').innerText();
      shown[key] = Number(text.replace(/\D/g, ''));
    }
    return shown;
  }

  /** The thread links of a block, in order. */
  threadLinks(block: Locator): Locator {
    return block.getByRole('listitem').getByRole('link');
  }

  /** What the API counts for whoever `page`'s browser is signed in as. */
  async apiStats(): Promise<CommunityStats> {
    const answer = await this.page.request.get('/api/v1/community/stats');
    expect(answer.ok()).toBe(true);
    return answer.json();
  }

  async apiThreadTitles(query: string): Promise<string[]> {
    const answer = await this.page.request.get(`/api/v1/threads?${query}`);
    expect(answer.ok()).toBe(true);
    return ((await answer.json()).items as { title: string }[]).map((t) => t.title);
  }
}
