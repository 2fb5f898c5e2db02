import { readFileSync } from 'node:fs';
import { type Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { Shell } from '../pages/shell';
import {
  daysAgo,
  SurveyDashboardPage,
  SurveyEditorPage,
  SurveyListPage,
  SurveysApi,
  shownScore,
  type Filters,
} from '../pages/surveys';
import { expectAccessible } from '../support/axe';
import { join, signIn } from '../support/sessions';

/** Nothing sticks out sideways at this viewport (320 px phones included). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'page wider than the viewport').toBeLessThanOrEqual(0);
}

test('staff create a survey: a wrong field is refused beside it, the draft survives a reload, and the saved survey gives snippets to copy', async ({
  page,
  context,
}) => {
  test.slow();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, 'maria');
  await new Shell(page).follow('Surveys');
  await expect(page.getByRole('heading', { level: 1, name: 'Surveys' })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('link', { name: 'New survey' }).click();

  const editor = new SurveyEditorPage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'New survey' })).toBeVisible({ timeout: 20_000 });
  const name = `Checkout NPS ${Date.now().toString(36)}`;
  const origins = editor.field('Sites that may show the survey');
  const sample = editor.field('Share of visitors asked, %');
  await editor.field('Name (only staff see it)').fill(name);
  await editor.field('Kind').selectOption({ label: 'NPS: customers' });
  await editor.field('Company').fill('Acme');
  await editor.text('English', 'Follow-up after a score of 0–6').fill('What went wrong at checkout?');
  await editor.text('Russian', 'Question').fill('Насколько вероятно, что вы порекомендуете Acme?');
  await origins.fill('https://shop.example.com/checkout');
  await sample.fill('150');

  // What was typed comes back after a reload.
  await page.reload();
  await expect(editor.field('Name (only staff see it)')).toHaveValue(name, { timeout: 20_000 });
  await expect(origins).toHaveValue('https://shop.example.com/checkout');
  await expect(editor.text('Russian', 'Question')).toHaveValue('Насколько вероятно, что вы порекомендуете Acme?');

  // The app refuses it before sending: each message beside its field, the keyboard at the first.
  await editor.save('Create survey');
  await expect(editor.errorOf(origins)).toHaveText('This value is not valid.');
  await expect(editor.errorOf(sample)).toHaveText('Enter a number from 0 to 100.');
  await expect(origins).toBeFocused();
  await expect(origins).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/admin\/surveys\/new$/);
  await expectAccessible(page, 'on the survey form with errors');

  await origins.fill('https://shop.example.com\nhttp://127.0.0.1:8081');
  await sample.fill('50');
  await editor.save('Create survey');
  await expect(page).toHaveURL(/\/admin\/surveys\/\d+\/edit/);
  const id = page.url().match(/surveys\/(\d+)\/edit/)![1];
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  // The snippets name this survey on this Veche; shown as text, copied as text.
  const origin = new URL(page.url()).origin;
  const scriptTag = `<script src="${origin}/embed/nps.js" data-survey="${id}" async></script>`;
  const script = editor.snippet('Script tag');
  await expect(script.locator('code')).toHaveText(scriptTag);
  await expect(script).toContainText('data-respondent');
  await expect(editor.snippet('Custom element').locator('code')).toContainText(`<veche-nps survey="${id}"></veche-nps>`);
  await expect(editor.snippet('Plain iframe, no script').locator('code')).toContainText(
    `<iframe src="${origin}/embed/frame/?survey=${id}&mode=static"`,
  );
  await script.getByRole('button', { name: /^Copy\W*Script tag$/ }).click();
  await expect(script.getByRole('status')).toHaveText('Copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(scriptTag);
  await expectAccessible(page, 'on the saved survey with its snippets');
  await expectNoSidewaysScroll(page);

  // The server has what was typed.
  const saved = await (await page.request.get(`/api/v1/surveys/${id}`)).json();
  expect(saved.allowed_origins).toEqual(['https://shop.example.com', 'http://127.0.0.1:8081']);
  expect(saved.throttle.sample_percent).toBe(50);
  expect(saved.texts_en.detractor).toBe('What went wrong at checkout?');

  // An edit is saved in place; the new-survey form starts empty again (its draft is gone).
  await editor.field('Company').fill('Acme Shop');
  await editor.save('Save changes');
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.reload();
  await expect(editor.field('Company')).toHaveValue('Acme Shop', { timeout: 20_000 });
  await editor.openNew();
  await expect(editor.field('Name (only staff see it)')).toHaveValue('');

  const list = new SurveyListPage(page);
  await list.open();
  await expect(list.survey(name)).toContainText('No answers yet');
});

test('members are refused the survey admin and guests are sent to sign in @portable', async ({ page }) => {
  await page.goto('/admin/surveys');
  await expect(page).toHaveURL(/\/signin\?next=%2Fadmin%2Fsurveys/);

  await join(page);
  await page.goto('/admin/surveys');
  await expect(page.getByRole('alert')).toHaveText("You don't have access to this.", { timeout: 20_000 });
  await expect(page.getByRole('link', { name: 'New survey' })).toHaveCount(0);
  await page.goto('/admin/surveys/new');
  await expect(page.getByRole('alert')).toHaveText("You don't have access to this.", { timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Create survey' })).toHaveCount(0);
  // The server says the same, whatever the page shows.
  expect((await page.request.get('/api/v1/surveys')).status()).toBe(403);

  const shell = new Shell(page);
  await shell.openMenuIfFolded();
  await expect(shell.nav.getByRole('link', { name: 'Threads' })).toBeVisible();
  await expect(shell.nav.getByRole('link', { name: 'Surveys' })).toHaveCount(0);
  await expectAccessible(page, 'on the refusal');
});

test('the Website NPS dashboard shows what the API counts, for filters kept in the address, with comments to filter and search and a CSV', async ({
  page,
}) => {
  test.slow();
  await signIn(page, 'elena');
  const api = new SurveysApi(page.request);
  const id = await api.idOf('Website NPS');

  const list = new SurveyListPage(page);
  await list.open();
  const everything = await api.results(id, {});
  const row = list.survey('Website NPS');
  await expect(row).toContainText(shownScore(everything.nps!));
  await row.getByRole('link', { name: /^Results\W*Website NPS$/ }).click();

  const dashboard = new SurveyDashboardPage(page);
  await dashboard.waitForNumbers();
  await expect(page.getByRole('heading', { level: 1, name: 'Website NPS' })).toBeVisible();
  await dashboard.expectNumbers(everything);
  await expect(dashboard.trend).toBeVisible();
  await expect(dashboard.trend).toHaveAccessibleName(/^NPS by week, .+: from [+−]?\d+ to [+−]?\d+; lowest [+−]?\d+, highest [+−]?\d+\.$/);
  await expectAccessible(page, 'on the dashboard');
  await expectNoSidewaysScroll(page);

  // The last 90 days, by month.
  await page.getByRole('link', { name: '90 days' }).click();
  const period: Filters = { from: daysAgo(89), to: daysAgo(0) };
  await expect(page).toHaveURL(new RegExp(`from=${period.from}&to=${period.to}`));
  await dashboard.expectNumbers(await api.results(id, period));
  await page.getByLabel('Trend by').selectOption('month');
  await expect(page).toHaveURL(/bucket=month/);
  await expect(dashboard.trend).toHaveAccessibleName(/^NPS by month/);
  const monthly = await api.results(id, { ...period, bucket: 'month' });
  await dashboard.expectNumbers(monthly);

  // One site's answers.
  // One of the demo's sites (the contract tests that run first may add answers from others).
  const source = monthly.sources.find((s) => s.endsWith('.sever-software.example')) ?? monthly.sources[0];
  await page.getByLabel('Source site').selectOption(source);
  const filters: Filters = { ...period, bucket: 'month', source };
  await expect(page).toHaveURL(new RegExp(`source=${encodeURIComponent(source)}`));
  await dashboard.expectNumbers(await api.results(id, filters));

  // Detractors' comments only, then a word from one of them.
  await expect(page.locator('.comment-card:not([data-category="detractor"])').first()).toBeVisible();
  await page.getByLabel('Category', { exact: true }).selectOption('detractor');
  await expect(page).toHaveURL(/category=detractor/);
  const detractors = await api.comments(id, { ...filters, category: 'detractor' });
  expect(detractors.length, 'the demo has detractors who wrote something').toBeGreaterThan(0);
  await expect(dashboard.comments).toHaveCount(detractors.length);
  await expect(dashboard.comments.first()).toContainText(detractors[0].comment!);
  for (const card of await dashboard.comments.all()) await expect(card).toHaveAttribute('data-category', 'detractor');

  const word = detractors[0].comment!.split(/[^\p{L}]+/u).sort((a, b) => b.length - a.length)[0];
  await page.getByLabel('Search comments').fill(word.toUpperCase());
  await page.getByLabel('Search comments').press('Enter');
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(word.toUpperCase())}`));
  const found = await api.comments(id, { ...filters, category: 'detractor', q: word.toUpperCase() });
  await expect(dashboard.comments).toHaveCount(found.length);
  for (const card of await dashboard.comments.all()) await expect(card).toContainText(new RegExp(word, 'i'));

  // The address keeps it all.
  const address = page.url();
  await page.reload();
  await dashboard.waitForNumbers();
  expect(page.url()).toBe(address);
  await expect(page.getByLabel('Category', { exact: true })).toHaveValue('detractor');
  await expect(page.getByLabel('Search comments')).toHaveValue(word.toUpperCase());
  await expect(page.getByLabel('Source site')).toHaveValue(source);
  await expect(page.getByLabel('From', { exact: true })).toHaveValue(period.from!);
  await expect(dashboard.comments).toHaveCount(found.length);
  await dashboard.expectNumbers(await api.results(id, filters));

  // The CSV has the same filters and starts with its header row.
  const href = (await dashboard.csv.getAttribute('href'))!;
  expect(href).toContain(`/api/v1/surveys/${id}/export.csv?from=${period.from}&to=${period.to}&source=${encodeURIComponent(source)}`);
  const [download] = await Promise.all([page.waitForEvent('download'), dashboard.csv.click()]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.split(/\r?\n/)[0]).toBe('id,created_at,score,category,comment,contact_ok,contact_email,respondent,segment,source,locale');
  expect(csv.split(/\r?\n/).filter((line) => line.trim()).length).toBeGreaterThan(1);
});

test('a new member is asked the community NPS survey, answers by keyboard, and is not asked again', async ({ page, browser }) => {
  test.slow();
  const member = await join(page);
  const banner = page.getByRole('complementary', { name: 'Community survey' });
  await expect(banner).toBeVisible({ timeout: 20_000 });
  const scores = banner.getByRole('group', { name: /recommend Sever Software to a friend or colleague/ });
  await expect(scores).toBeVisible();
  await expectAccessible(page, 'with the survey banner');
  await expectNoSidewaysScroll(page);

  // Into the group, to 10, one back to 9, and send: all from the keyboard.
  await scores.getByRole('radio').first().focus();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await expect(scores.getByRole('radio', { name: '9' })).toBeChecked();
  await page.keyboard.press('Enter');
  const comment = `Helpful answers from other customers ${member.handle}`;
  const followUp = banner.getByRole('textbox', { name: 'What do you like most?' });
  await expect(followUp).toBeVisible();
  await followUp.focus();
  await page.keyboard.type(comment);
  await page.keyboard.press('Tab');
  await expect(banner.getByRole('button', { name: 'Send' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(banner.getByRole('heading', { name: 'Thank you for your feedback!' })).toBeFocused();
  await banner.getByRole('button', { name: 'Done' }).focus();
  await page.keyboard.press('Enter');
  await expect(banner).toHaveCount(0);

  // Staff find the answer, from the community and with its comment.
  const staffContext = await browser.newContext();
  try {
    const staff = new SurveysApi(staffContext.request);
    await staff.signIn('elena');
    const id = await staff.idOf('Community NPS');
    await expect
      .poll(async () => (await staff.comments(id, { q: comment })).map((r) => [r.score, r.source]))
      .toEqual([[9, 'community']]);
  } finally {
    await staffContext.close();
  }

  // Not asked again.
  const asked = page.waitForResponse((r) => r.url().endsWith('/api/v1/surveys/in-app'));
  await page.reload();
  expect((await asked).status()).toBe(204);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(banner).toHaveCount(0);
});
