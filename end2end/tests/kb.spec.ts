import { expect, test } from '../support/fixtures';
import { dayFromNow, uniqueTitle } from '../pages/events';
import { ArticleEditor, ArticlePage, KbApi, KnowledgeBasePage } from '../pages/kb';
import { SearchPage } from '../pages/search';
import { Shell } from '../pages/shell';
import { expectAccessible } from '../support/axe';
import { signIn } from '../support/sessions';

// Demo content (server/src/seed/kb.rs). Each worker has a server of its own, where the journeys
// before this one may have left sections and articles: what a journey creates has a title of its
// own, and no demo section or article changes.
const API_ARTICLE = 'Reporting API: limits and tokens';
const RATE_THREAD = 'Rate limits on the reporting API?';
const WEBHOOK_THREAD = 'Webhook retries: what is the backoff policy?';
const EXCEL_ARTICLE = 'Exporting reports to Excel with the formatting kept';
const BETA_ARTICLE = 'Beta 5.1: known issues in the report designer';
const SSO_ARTICLE = 'Единый вход через Active Directory';

test('a guest browses the knowledge base, reads an article with its markdown, and follows it to the thread that discusses it', async ({ page }) => {
  await page.goto('/');
  await new Shell(page).follow('Knowledge base');
  const kb = new KnowledgeBasePage(page);
  await kb.expectShown();
  await expect(page).toHaveURL(/\/kb$/);
  await expect(kb.section('Getting started')).toBeVisible();
  await expect(kb.section('Integrations & API').getByText('Tokens, limits, webhooks and single sign-on.')).toBeVisible();
  await expect(kb.article(API_ARTICLE).getByText(/600 calls a minute/)).toBeVisible();
  // Staff tools are not there for a guest; the closed group's article is not listed.
  await expect(kb.newArticle).toHaveCount(0);
  await expect(kb.newSection).toHaveCount(0);
  await expect(page.getByRole('link', { name: BETA_ARTICLE })).toHaveCount(0);
  await expectAccessible(page, 'on the knowledge base');

  await kb.section('Integrations & API').getByRole('link', { name: API_ARTICLE, exact: true }).click();
  const article = new ArticlePage(page);
  await expect(article.heading).toHaveText(API_ARTICLE);
  await expect(article.body.getByText('600 calls a minute', { exact: true })).toHaveCSS('font-weight', '700');
  await expect(article.body.locator('code').getByText('429 Too Many Requests')).toBeVisible();
  await expect(page.getByText(/Written by/)).toContainText('Published');
  await expect(article.breadcrumbs.getByRole('link', { name: 'Integrations & API' })).toHaveAttribute('href', /\/kb#section-\d+$/);
  await expect(article.discussedIn.getByRole('link')).toHaveText([RATE_THREAD, WEBHOOK_THREAD]);
  await expect(article.edit).toHaveCount(0);
  await expectAccessible(page, 'on an article');

  await article.discussedIn.getByRole('link', { name: RATE_THREAD }).click();
  await expect(page.getByRole('heading', { level: 1, name: RATE_THREAD })).toBeVisible({ timeout: 20_000 });
  const fromKb = page.getByRole('region', { name: 'From the knowledge base' });
  await expect(fromKb.getByRole('link', { name: API_ARTICLE })).toBeVisible();
  await expect(fromKb.getByRole('button')).toHaveCount(0);
  await expectAccessible(page, 'on a thread with a linked article');

  // The breadcrumb goes back to the article's section on the index.
  await fromKb.getByRole('link', { name: API_ARTICLE }).click();
  await article.breadcrumbs.getByRole('link', { name: 'Integrations & API' }).click();
  await expect(page).toHaveURL(/\/kb#section-\d+$/);
  await expect(kb.section('Integrations & API')).toBeInViewport();
});

test("a closed group's article is listed for its member with a badge, and a guest meets the group's gate", async ({ page, browser }) => {
  await signIn(page, 'anna');
  const kb = new KnowledgeBasePage(page);
  await kb.open();
  const beta = kb.section('Product guides').locator('.kb-articles__item').filter({ hasText: BETA_ARTICLE });
  await expect(beta.getByText('Only for Beta testers')).toBeVisible();
  await beta.getByRole('link', { name: BETA_ARTICLE }).click();
  const article = new ArticlePage(page);
  await expect(article.heading).toHaveText(BETA_ARTICLE);
  await expect(article.body.getByText(/more than 40 columns/)).toBeVisible();
  const address = page.url();

  const guest = await browser.newContext();
  try {
    const guestPage = await guest.newPage();
    await guestPage.goto(address);
    await expect(guestPage.getByRole('heading', { level: 1, name: 'Members only' })).toBeVisible({ timeout: 20_000 });
    await expect(guestPage.getByRole('link', { name: 'Beta testers', exact: true })).toHaveAttribute('href', '/groups/beta-testers');
    await expect(guestPage.getByText(/more than 40 columns/)).toHaveCount(0);
    await expectAccessible(guestPage, "on a closed group's article for a guest");
  } finally {
    await guest.close();
  }
});

test('staff add a section and an article in it (errors beside the fields, the draft survives a reload), edit it, meet a change made meanwhile, and delete both', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'maria');
  const kb = new KnowledgeBasePage(page);
  await kb.open();

  // A section: the title is required, said beside it.
  await kb.newSection.click();
  await expect(kb.sectionTitle).toBeFocused();
  await kb.sectionForm.getByRole('button', { name: 'Add the section' }).click();
  await expect(kb.sectionTitle).toHaveAttribute('aria-invalid', 'true');
  await expect(kb.sectionForm.getByText('This field is required.')).toBeVisible();
  await expect(kb.sectionTitle).toBeFocused();
  await expectAccessible(page, 'in the new section form');
  const sectionTitle = uniqueTitle('Journey section');
  await kb.sectionTitle.fill(sectionTitle);
  await kb.sectionDescription.fill('Made by a journey.');
  await kb.sectionForm.getByRole('button', { name: 'Add the section' }).click();
  const section = kb.section(sectionTitle);
  await expect(section.getByText('Made by a journey.')).toBeVisible();
  await expect(section.getByText('No articles in this section yet.')).toBeVisible();

  // An article in it: the section is chosen already; errors first.
  await section.getByRole('link', { name: 'Add an article here' }).click();
  const editor = new ArticleEditor(page);
  await expect(editor.heading).toHaveText('New article');
  await expect(editor.section.locator('option:checked')).toHaveText(sectionTitle);
  await editor.title.fill('Tips');
  await editor.publish.click();
  await expect(editor.error(editor.title)).toHaveText('Use at least 5 characters.');
  await expect(editor.error(editor.body)).toHaveText('This field is required.');
  await expect(editor.title).toBeFocused();

  const title = uniqueTitle('Scheduling exports');
  await editor.title.fill(title);
  await editor.body.fill('Open **Report → Schedule** and pick the hour.');
  await page.reload();
  await expect(editor.title).toHaveValue(title, { timeout: 20_000 });
  await expect(editor.body).toHaveValue('Open **Report → Schedule** and pick the hour.');
  await expect(editor.section.locator('option:checked')).toHaveText(sectionTitle);
  await expectAccessible(page, 'in the article editor');
  await editor.publish.click();

  const article = new ArticlePage(page);
  await expect(article.heading).toHaveText(title);
  await expect(article.body.getByText('Report → Schedule')).toHaveCSS('font-weight', '700');
  await expect(article.breadcrumbs.getByRole('link', { name: sectionTitle })).toBeVisible();
  const id = article.id();

  // An edit.
  await article.edit.click();
  await expect(editor.heading).toHaveText('Edit the article');
  await expect(editor.body).toHaveValue('Open **Report → Schedule** and pick the hour.');
  await editor.body.fill('Open **Report → Schedule**, pick the hour and the format.');
  await editor.save.click();
  await expect(article.heading).toHaveText(title);
  await expect(article.body).toContainText('pick the hour and the format.');

  // Another editor saves while Maria edits: her save is refused, her text kept.
  await article.edit.click();
  await editor.body.fill('Maria’s version.');
  await new KbApi(page.request).editArticle(id, 'Elena’s version.');
  await editor.save.click();
  await expect(page.getByRole('alert').filter({ hasText: 'Someone changed this article after you started editing' })).toBeVisible();
  await expect(editor.body).toHaveValue('Maria’s version.');
  await page.getByRole('button', { name: 'Load the current version' }).click();
  await expect(editor.body).toHaveValue('Elena’s version.');
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(article.body).toContainText('Elena’s version.');

  // A section with an article is not deleted; once empty it is.
  await article.breadcrumbs.getByRole('link', { name: sectionTitle }).click();
  await section.getByRole('button', { name: 'Delete the section' }).click();
  // The question takes the focus; "Keep it" gives it back to the button.
  await expect(section.getByRole('button', { name: 'Yes, delete' })).toBeFocused();
  await section.getByRole('button', { name: 'Keep it' }).click();
  await expect(section.getByRole('button', { name: 'Delete the section' })).toBeFocused();
  await section.getByRole('button', { name: 'Delete the section' }).click();
  await section.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(section.getByRole('alert')).toHaveText('The section still has articles: move or delete them first.');
  await section.getByRole('link', { name: title }).click();
  await article.remove();
  await expect(page).toHaveURL(/\/kb#section-\d+$/);
  await expect(section.getByText('No articles in this section yet.')).toBeVisible();
  await section.getByRole('button', { name: 'Delete the section' }).click();
  await section.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(section).toHaveCount(0);
});

test('staff move a section up and down with the keyboard, the focus stays on the button, and the order lasts', async ({ page }) => {
  await signIn(page, 'maria');
  const api = new KbApi(page.request);
  const upper = uniqueTitle('Section that stays');
  const lower = uniqueTitle('Section that moves');
  await api.createSection(upper);
  await api.createSection(lower);
  const kb = new KnowledgeBasePage(page);
  await kb.open();
  const above = async (a: string, b: string) => {
    const titles = await kb.sectionTitles();
    return titles.indexOf(a) < titles.indexOf(b);
  };
  await expect.poll(() => above(upper, lower)).toBe(true);

  // One place at a time; earlier journeys in this worker may have left sections of their own, so
  // only the order of these two is certain.
  const moveBy = async (way: 'up' | 'down') => {
    const placed = page.waitForResponse((r) => r.url().endsWith('/place') && r.request().method() === 'PUT');
    await page.keyboard.press('Enter');
    expect((await placed).status()).toBe(200);
    // The focus comes back to the moved section's button, or its other one at the end.
    const titles = await kb.sectionTitles();
    const atEnd = way === 'up' ? titles[0] === lower : titles.at(-1) === lower;
    const other = way === 'up' ? 'down' : 'up';
    await expect(kb.moveButton(lower, atEnd ? other : way)).toBeFocused();
  };
  await kb.moveButton(lower, 'up').focus();
  for (let step = 0; step < 6 && !(await above(lower, upper)); step++) await moveBy('up');
  expect(await above(lower, upper)).toBe(true);
  await page.reload();
  await kb.expectShown();
  expect(await above(lower, upper)).toBe(true);
  await expectAccessible(page, 'the knowledge base with the move buttons');

  await kb.moveButton(lower, 'down').focus();
  for (let step = 0; step < 6 && !(await above(upper, lower)); step++) await moveBy('down');
  expect(await above(upper, lower)).toBe(true);
  // The first section has no way up.
  const first = (await kb.sectionTitles())[0];
  await expect(kb.moveButton(first, 'up')).toHaveCount(0);
});

test('the editor is for staff: a guest is sent to sign in, a member is told there is no access', async ({ page }) => {
  await page.goto('/kb/new?section=1');
  await expect(page).toHaveURL(/\/signin\?next=%2Fkb%2Fnew%3Fsection%3D1$/, { timeout: 20_000 });
  await signIn(page, 'anna');
  await page.goto('/kb/new');
  await expect(page.getByText("You don't have access to this.")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveCount(0);
});

test('markdown that tries to run script shows as text, without a javascript: link', async ({ page }) => {
  await signIn(page, 'maria');
  const api = new KbApi(page.request);
  const section = await api.createSection(uniqueTitle('Unsafe'));
  const created = await api.createArticle(
    section,
    uniqueTitle('Unsafe markdown'),
    'Before <img src=x onerror=alert(1)> after.\n\nA [x](javascript:alert(1)) link.',
  );
  page.on('dialog', (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
  const article = new ArticlePage(page);
  await article.open(created.id);
  await expect(article.body).toContainText('<img src=x onerror=alert(1)>');
  await expect(article.body.locator('img')).toHaveCount(0);
  await expect(article.body).toContainText('A x link.');
  await expect(article.body.getByRole('link')).toHaveCount(0);
  await expect(article.body.locator('a[href^="javascript"]')).toHaveCount(0);
});

test('staff make an article of an event report from the event page, and the event then links to it', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'maria');
  const api = new KbApi(page.request);
  const eventTitle = uniqueTitle('Pskov meetup');
  const day = dayFromNow(-2);
  const eventId = await api.create({
    title: eventTitle,
    kind: 'meetup',
    starts_local: `${day}T18:00`,
    ends_local: `${day}T20:00`,
    time_zone: 'Europe/Moscow',
    city: 'Pskov',
  });
  await api.publishReport(eventId, '**25** people came; we showed the new dashboards.');

  await page.goto(`/events/${eventId}`);
  await expect(page.getByRole('heading', { level: 1, name: eventTitle })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('link', { name: 'Make an article of the report' }).click();
  const editor = new ArticleEditor(page);
  await expect(editor.heading).toHaveText('New article', { timeout: 20_000 });
  await expect(page.getByText('Made from the report of the event')).toContainText(eventTitle);
  await expect(editor.title).toHaveValue(eventTitle);
  await expect(editor.body).toHaveValue('**25** people came; we showed the new dashboards.');
  // Reports go where the last one went (the demo's Kaliningrad report is in "Event reports").
  await expect(editor.section.locator('option:checked')).toHaveText('Event reports');
  await editor.section.selectOption('');
  await editor.publish.click();
  await expect(editor.error(editor.section)).toHaveText('This field is required.');
  await editor.section.selectOption({ label: 'Event reports' });
  await editor.publish.click();

  const article = new ArticlePage(page);
  await expect(article.heading).toHaveText(eventTitle);
  await expect(article.body.getByText('25', { exact: true })).toHaveCSS('font-weight', '700');
  await expect(page.getByText('From the event')).toBeVisible();
  await page.getByRole('link', { name: eventTitle, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: eventTitle })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('link', { name: 'Make an article of the report' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Read the article' }).click();
  await expect(article.heading).toHaveText(eventTitle);
});

test('staff link an article from a thread, which then shows it, and unlink it', async ({ page }) => {
  await signIn(page, 'maria');
  const title = uniqueTitle('Excel export keeps colours?');
  const threadId = await new KbApi(page.request).createThread(title);
  await page.goto(`/threads/${threadId}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({ timeout: 20_000 });
  const fromKb = page.getByRole('region', { name: 'From the knowledge base' });
  await expect(fromKb.getByRole('listitem')).toHaveCount(0);
  const choice = fromKb.getByLabel('Link an article');
  await expect(choice.getByRole('option', { name: EXCEL_ARTICLE })).toBeAttached();
  await choice.selectOption({ label: EXCEL_ARTICLE });
  await fromKb.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(fromKb.getByRole('link', { name: EXCEL_ARTICLE })).toBeVisible();
  await expectAccessible(page, 'on a thread with the staff link control');

  // Kept: the thread shows it after a reload, and the article names the thread.
  await page.reload();
  await expect(fromKb.getByRole('link', { name: EXCEL_ARTICLE })).toBeVisible({ timeout: 20_000 });
  await fromKb.getByRole('link', { name: EXCEL_ARTICLE }).click();
  await expect(new ArticlePage(page).discussedIn.getByRole('link', { name: title })).toBeVisible();
  await page.goBack();

  await fromKb.getByRole('button', { name: `Unlink: ${EXCEL_ARTICLE}` }).click();
  await expect(fromKb.getByRole('link', { name: EXCEL_ARTICLE })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({ timeout: 20_000 });
  await expect(fromKb.getByRole('link')).toHaveCount(0);
});

test('search finds an article with the Articles filter', async ({ page }) => {
  const search = new SearchPage(page);
  await search.open();
  await search.search('600 calls');
  await search.filter('Articles').click();
  await expect(page).toHaveURL(/\/search\?q=600%20calls&type=article$/);
  await expect(search.filter('Articles')).toHaveAttribute('aria-current', 'true');
  const found = search.ofKind('Article').and(search.result(API_ARTICLE));
  await expect(found).toBeVisible();
  await expect(search.ofKind('Thread')).toHaveCount(0);
  await expectAccessible(page, 'searching articles');
  await found.getByRole('link').click();
  await expect(new ArticlePage(page).heading).toHaveText(API_ARTICLE, { timeout: 20_000 });
});

test.describe('in Russian', () => {
  test.use({ locale: 'ru-RU' });

  test('a Russian reader gets the knowledge base in Russian', async ({ page }) => {
    await page.goto('/');
    await new Shell(page).follow('База знаний');
    const kb = new KnowledgeBasePage(page);
    await kb.expectShown();
    await expect(page.getByText('Руководства и ответы от команды и наставников сообщества.')).toBeVisible();
    await expect(kb.article(SSO_ARTICLE).getByText(/^Обновлено/)).toBeVisible();
    await kb.article(SSO_ARTICLE).getByRole('link', { name: SSO_ARTICLE }).click();
    const article = new ArticlePage(page);
    await expect(article.heading).toHaveText(SSO_ARTICLE);
    await expect(article.body.getByText('SAML 2.0', { exact: true })).toHaveCSS('font-weight', '700');
    await expect(article.breadcrumbs.getByRole('link', { name: 'База знаний' })).toBeVisible();
    await expect(article.discussedIn.getByRole('heading')).toHaveText('Обсуждается в темах');
    await expect(page.getByText(/^Автор:/)).toContainText('Опубликовано');
    await expectAccessible(page, 'on an article in Russian');
  });
});
