import { expect, type Locator, type Page } from '@playwright/test';
import { EventsApi } from './events';

/** `/kb`: the sections with their articles; staff add and change sections in place. */
export class KnowledgeBasePage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/kb');
    await this.expectShown();
  }

  async expectShown(): Promise<void> {
    // The first visit also fetches the area's chunk: slower on a busy machine.
    await expect(this.heading).toBeVisible({ timeout: 20_000 });
    await expect(this.page.locator('.kb-section').first()).toBeVisible();
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: /^(Knowledge base|База знаний)$/ });
  }

  /** A section, as the region its heading names. */
  section(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /** The sections' titles, top to bottom. */
  async sectionTitles(): Promise<string[]> {
    return this.page.locator('.kb-section__title').allInnerTexts();
  }

  /** Section `title`'s button that moves it one place `way`. */
  moveButton(title: string, way: 'up' | 'down'): Locator {
    return this.section(title).getByRole('button', { name: way === 'up' ? 'Move up' : 'Move down', exact: true });
  }

  /** The list entry of an article, wherever it is. */
  article(title: string): Locator {
    return this.page.locator('.kb-articles__item').filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  get newArticle(): Locator {
    return this.page.getByRole('link', { name: 'New article', exact: true });
  }

  get newSection(): Locator {
    return this.page.getByRole('button', { name: 'New section', exact: true });
  }

  /** The open section form (there is one at a time). */
  get sectionForm(): Locator {
    return this.page.locator('.kb-section-form');
  }

  get sectionTitle(): Locator {
    return this.sectionForm.getByRole('textbox', { name: 'Section title' });
  }

  get sectionDescription(): Locator {
    return this.sectionForm.getByRole('textbox', { name: 'Description (optional)' });
  }
}

/** `/kb/articles/<id>`. */
export class ArticlePage {
  constructor(readonly page: Page) {}

  async open(id: string): Promise<void> {
    await this.page.goto(`/kb/articles/${id}`);
    await expect(this.heading).toBeVisible({ timeout: 20_000 });
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The article's text as rendered from its markdown. */
  get body(): Locator {
    return this.page.locator('.kb-article__body');
  }

  get breadcrumbs(): Locator {
    return this.page.getByRole('navigation', { name: /Where this article is|Где находится статья/ });
  }

  get discussedIn(): Locator {
    return this.page.getByRole('region', { name: /^(Discussed in|Обсуждается в темах)$/ });
  }

  get edit(): Locator {
    return this.page.getByRole('link', { name: 'Edit the article', exact: true });
  }

  async remove(): Promise<void> {
    await this.page.getByRole('button', { name: 'Delete the article', exact: true }).click();
    await this.page.getByRole('group', { name: 'Delete the article' }).getByRole('button', { name: 'Yes, delete' }).click();
  }

  /** The id in the address. */
  id(): string {
    const match = /\/kb\/articles\/(\d+)/.exec(this.page.url());
    if (!match) throw new Error(`not an article's address: ${this.page.url()}`);
    return match[1];
  }
}

/** `/kb/new` and `/kb/articles/<id>/edit`: the staff's editor. */
export class ArticleEditor {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  get section(): Locator {
    return this.page.getByLabel('Section', { exact: true });
  }

  get title(): Locator {
    return this.page.getByRole('textbox', { name: 'Title', exact: true });
  }

  get body(): Locator {
    return this.page.getByRole('textbox', { name: 'Text', exact: true });
  }

  get publish(): Locator {
    return this.page.getByRole('button', { name: 'Publish the article', exact: true });
  }

  get save(): Locator {
    return this.page.getByRole('button', { name: 'Save the changes', exact: true });
  }

  /** The message under a field (`Title`, `Text`, `Section`). */
  error(field: Locator): Locator {
    return this.page.locator('.field').filter({ has: field }).locator('.field__error');
  }
}

export interface ArticleJson {
  id: string;
  title: string;
  body: string;
  version: number;
  section: { id: string; title: string };
}

/** The API as a staff member's browser context: sections, articles, threads, event reports. */
export class KbApi extends EventsApi {
  async sectionId(title: string): Promise<string> {
    const response = await this.request.get('/api/v1/kb');
    expect(response.status()).toBe(200);
    const base: { sections: { id: string; title: string }[] } = await response.json();
    const section = base.sections.find((s) => s.title === title);
    if (!section) throw new Error(`no section ${title}`);
    return section.id;
  }

  async createSection(title: string): Promise<string> {
    return (await this.send('POST', '/kb/sections', { title, description: '' })).id;
  }

  async createArticle(section_id: string, title: string, body: string): Promise<ArticleJson> {
    return this.send('POST', '/kb/articles', { section_id, title, body });
  }

  async article(id: string): Promise<ArticleJson> {
    const response = await this.request.get(`/api/v1/kb/articles/${id}`);
    expect(response.status()).toBe(200);
    return response.json();
  }

  /** Changes an article's text as another editor would, from the version the server has. */
  async editArticle(id: string, body: string): Promise<ArticleJson> {
    const now = await this.article(id);
    return this.send('PUT', `/kb/articles/${id}`, { section_id: now.section.id, title: now.title, body, version: now.version });
  }

  async createThread(title: string): Promise<string> {
    return (await this.send('POST', '/threads', { space_id: 'integrations', title, body: 'Asked by a journey.' })).id;
  }

  async publishReport(eventId: string, report: string): Promise<void> {
    await this.send('PUT', `/events/${eventId}/report`, { report });
  }
}
