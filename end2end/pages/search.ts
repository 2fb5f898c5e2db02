import { expect, type Locator, type Page } from '@playwright/test';

/** `/search`: the search form, the type filter and the results. */
export class SearchPage {
  constructor(readonly page: Page) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`/search${query}`);
    // The first visit also fetches the page's chunk: slower on a busy machine.
    await expect(this.heading).toBeVisible({ timeout: 20_000 });
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Search' });
  }

  get box(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search threads, ideas, events, members and articles' });
  }

  async search(text: string): Promise<void> {
    await this.box.fill(text);
    await this.page.getByRole('search').getByRole('button', { name: 'Search' }).click();
  }

  /** A choice of the type filter ("Everything", "Threads", …). */
  filter(name: string): Locator {
    return this.page.getByRole('navigation', { name: 'Show' }).getByRole('link', { name, exact: true });
  }

  get results(): Locator {
    return this.page.locator('.search-results > li');
  }

  /** The result linking to something titled `title`. */
  result(title: string | RegExp): Locator {
    return this.results.filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  /** The results of one kind ("Thread", "Event", …). */
  ofKind(kind: string): Locator {
    return this.results.filter({ has: this.page.locator('.search-result__kind').getByText(kind, { exact: true }) });
  }

  get empty(): Locator {
    return this.page.getByText('Nothing found. Try another word or look in every kind.');
  }
}
