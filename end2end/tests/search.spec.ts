import { expect, test } from '../support/fixtures';
import { SearchPage } from '../pages/search';
import { expectAccessible } from '../support/axe';
import { join, signIn } from '../support/sessions';

// Demo content: a public thread and an event about Kazan, and in the closed "Beta testers" group
// a thread about the 5.1 beta (written by dmitry: the contract tests, signed in as anna, may edit
// what anna wrote, and create threads whose titles repeat the demo's, so results are told apart
// by their kind and exact title).
const KAZAN_THREAD = 'Kazan user group: ideas for the spring meetup';
const KAZAN_EVENT = 'Kazan user group: dashboards workshop';
const CLOSED_THREAD = 'Beta 5.1: the new report designer';

test('search finds a thread with the word marked, and the type filter narrows it in the address', async ({ page }) => {
  const search = new SearchPage(page);
  await search.open();
  await search.search('kazan');
  await expect(page).toHaveURL(/\/search\?q=kazan$/);
  const thread = search.result(KAZAN_THREAD);
  await expect(thread).toBeVisible();
  await expect(thread.locator('mark').first()).toHaveText('Kazan');
  await expect(search.ofKind('Event').and(search.result(KAZAN_EVENT))).toBeVisible();
  await expectAccessible(page, 'search results');

  await search.filter('Threads').click();
  await expect(page).toHaveURL(/\/search\?q=kazan&type=thread$/);
  await expect(search.filter('Threads')).toHaveAttribute('aria-current', 'true');
  await expect(search.result(KAZAN_THREAD)).toBeVisible();
  await expect(search.ofKind('Event')).toHaveCount(0);

  // The address alone brings the same view back.
  await page.reload();
  await expect(search.box).toHaveValue('kazan');
  await expect(search.result(KAZAN_THREAD)).toBeVisible();
  await expect(search.ofKind('Event')).toHaveCount(0);

  await search.result(KAZAN_THREAD).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: KAZAN_THREAD })).toBeVisible({ timeout: 20_000 });
});

test('a one-character search is refused beside the field @portable', async ({ page }) => {
  const search = new SearchPage(page);
  await search.open();
  await search.search('k');
  await expect(page.getByText('Use at least 2 characters.')).toBeVisible();
  await expect(search.box).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/search$/);
});

test("a closed group's thread is found by its member, not by an outsider", async ({ page }) => {
  await join(page, 'srch');
  const search = new SearchPage(page);
  await search.open('?q=Beta%205.1');
  await expect(search.empty).toBeVisible();
  await expect(page.getByText(CLOSED_THREAD)).toHaveCount(0);
  await expectAccessible(page, 'search with nothing found');

  await page.context().clearCookies();
  await signIn(page, 'anna');
  await search.open('?q=Beta%205.1');
  const closed = search.result(CLOSED_THREAD);
  await expect(closed).toBeVisible();
  await expect(closed.locator('mark').first()).toHaveText('Beta 5.1');
});

test('the header leads to search @portable', async ({ page }) => {
  await page.goto('/');
  const menu = page.getByRole('button', { name: 'Menu' });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Search', exact: true }).click();
  await expect(new SearchPage(page).heading).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('Type at least two characters and press Search.')).toBeVisible();
});
