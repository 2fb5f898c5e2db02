import { expect, test } from '../support/fixtures';
import { KpisPage, monthName, shownRate } from '../pages/kpis';
import { expectAccessible } from '../support/axe';
import { join, signIn } from '../support/sessions';

test('staff see the KPIs: the API\'s participation rate, six months, then twelve by keyboard, in the address', async ({ page }) => {
  await signIn(page, 'elena');
  const kpisPage = new KpisPage(page);
  const six = await kpisPage.open();
  await expect(kpisPage.heading).toHaveText('Community KPIs');

  // The rate is the one the API computed, with the counts behind it.
  const { active_members, members, rate } = six.participation;
  expect(rate).toBeGreaterThan(0);
  await expect(kpisPage.rate).toHaveText(shownRate(rate!));
  await expect(kpisPage.participation).toContainText(`${active_members} of ${members} members were active in the last 30 days.`);

  // Six months, the current one last, each with the API's counts.
  expect(six.series).toHaveLength(6);
  await kpisPage.expectCounts(six);
  const now = new Date().toISOString().slice(0, 7);
  await expect(kpisPage.rows('Ideas by month').last().getByRole('rowheader')).toHaveText(monthName(now));
  await expect(kpisPage.period('Last 6 months')).toHaveAttribute('aria-current', 'true');
  // The demo's survey answers make a real NPS line, described in words.
  await expect(page.getByTestId('trend-chart')).toHaveAccessibleName(/^NPS by month, .+: from [+−]?\d+ to [+−]?\d+; lowest [+−]?\d+, highest [+−]?\d+\.$/);
  await expectAccessible(page, 'KPIs, 6 months');

  // Twelve months, by keyboard: the address and every table follow.
  const twelveAnswer = kpisPage.kpisResponse();
  await kpisPage.period('Last 12 months').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/admin\/kpis\?months=12$/);
  const twelve = await (await twelveAnswer).json();
  expect(twelve.series).toHaveLength(12);
  await kpisPage.expectCounts(twelve);
  await expect(kpisPage.period('Last 12 months')).toHaveAttribute('aria-current', 'true');

  // A reload keeps the period; the narrowest phone scrolls nothing sideways.
  await page.setViewportSize({ width: 320, height: 640 });
  await page.reload();
  await expect(kpisPage.rows('Events by month')).toHaveCount(12);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  await expectAccessible(page, 'KPIs, 12 months, 320 px');
});

test('a member who is not staff is told the KPIs are for staff, and the API refuses them @portable', async ({ page }) => {
  await join(page, 'kpi');
  await page.goto('/admin/kpis');
  await expect(page.getByRole('heading', { level: 1, name: 'Staff only' })).toBeVisible();
  await expect(page.getByText("The community's KPIs are for its staff.")).toBeVisible();
  await expect(page.getByTestId('participation-rate')).toHaveCount(0);
  expect((await page.request.get('/api/v1/kpis')).status()).toBe(403);
  await expectAccessible(page, 'KPIs refused');
});

test('when the KPIs cannot be loaded, the page says so and tries again', async ({ page }) => {
  await signIn(page, 'elena');
  let failures = 1;
  await page.route('**/api/v1/kpis*', (route) => (failures-- > 0 ? route.abort('internetdisconnected') : route.continue()));
  await page.goto('/admin/kpis');
  const retry = page.getByRole('button', { name: 'Try again' });
  await expect(retry).toBeVisible();
  await expect(page.getByTestId('participation-rate')).toHaveCount(0);
  await retry.click();
  await expect(page.getByTestId('participation-rate')).toHaveText(/^\d+\u00a0%$/);
});
