import { expect, test } from '../support/fixtures';
import { HomePage } from '../pages/home';
import { expectAccessible } from '../support/axe';
import { signIn } from '../support/sessions';

// The sum of layout shifts the page has had (Chromium's Layout Instability API).
declare global {
  interface Window {
    layoutShift: number;
  }
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) window.layoutShift += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
});

test('a guest is welcomed and sees the counters, the news and the week’s discussions without the page jumping', async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  // From the moment the hero is there: the blocks below must not push anything around.
  const heroBefore = await home.hero.boundingBox();
  await page.evaluate(() => (window.layoutShift = 0));

  // The welcome says what the community is for, and how to join.
  await expect(home.welcome).toHaveText([/^Ask and answer/, /^Propose and vote/, /^Meet at events/]);
  await expect(page.getByRole('link', { name: 'Join the community' })).toHaveAttribute('href', '/register');

  const shown = await home.shownStats();
  expect(shown.members).toBeGreaterThanOrEqual(10);
  expect(shown.days).toBeGreaterThan(0);

  // The three newest announcements, newest first, each a link to its thread.
  const news = home.threadLinks(home.news);
  await expect(news).toHaveText([
    'Release 5.1 is planned for next month',
    'Приглашаем на весеннюю встречу клуба в Казани',
    'Welcome to the new community site',
  ]);
  await expect(home.news.getByRole('link', { name: 'All news' })).toHaveAttribute('href', '/threads?space=news');

  // The most discussed threads of the week, as the thread list orders them.
  const discussed = home.threadLinks(home.discussed);
  await expect(discussed).toHaveCount(5);
  expect(await discussed.allInnerTexts()).toEqual(await home.apiThreadTitles('sort=discussed&period=week&limit=5'));
  await expect(home.discussed.getByRole('link', { name: 'All discussions' })).toHaveAttribute('href', '/threads?sort=discussed');

  // Nothing moved while the blocks arrived.
  expect(await home.hero.boundingBox()).toEqual(heroBefore);
  expect(await page.evaluate(() => window.layoutShift)).toBeLessThan(0.05);
  await expectAccessible(page, 'home page for a guest');

  // The counters are the API's for a guest. Others' journeys add members and ideas all the time:
  // the page is loaded again until nothing changed between its request and the API's.
  await expect(async () => {
    await page.reload();
    expect(await home.shownStats()).toEqual(await home.apiStats());
  }).toPass({ timeout: 40_000 });

  // An announcement opens from the block.
  await news.first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Release 5.1 is planned for next month');
});

test('a closed group’s member counts its ideas too, and is not welcomed as a newcomer', async ({ page, browser }) => {
  const guest = await browser.newContext();
  const guestApi = new HomePage(await guest.newPage());
  await signIn(page, 'anna');
  const home = new HomePage(page);
  await expect(home.hero).toBeVisible();
  await expect(home.stats.getByRole('definition')).toHaveCount(5);
  await expect(home.welcome).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Join the community' })).toHaveCount(0);

  // anna is in "Beta testers", whose idea a guest does not count. Others' journeys add members
  // and ideas all the time: the page is loaded again until nothing changed between its request
  // and the API's.
  await expect(async () => {
    await page.reload();
    await expect(home.stats.getByRole('definition')).toHaveCount(5);
    const shown = await home.shownStats();
    expect(shown).toEqual(await home.apiStats());
    expect(shown.ideas).toBeGreaterThan((await guestApi.apiStats()).ideas);
  }).toPass({ timeout: 40_000 });
  await expectAccessible(page, 'home page for a member');
  await guest.close();
});
