import { type Browser } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { dayFromNow, uniqueTitle } from '../pages/events';
import { bell, MemberApi, NotificationsPage } from '../pages/notifications';
import { expectAccessible } from '../support/axe';

/** Runs `act` as another member in a browser context of its own: a fresh one, or a demo member. */
async function asOther<T>(browser: Browser, act: (api: MemberApi) => Promise<T>, demo?: string): Promise<T> {
  const context = await browser.newContext();
  try {
    const api = new MemberApi(context.request);
    if (demo) await api.signIn(demo);
    else await api.join('o');
    return await act(api);
  } finally {
    await context.close();
  }
}

test('a reply and a mention reach the member through the bell; opening one marks it read', async ({ page, browser }) => {
  const mine = new MemberApi(page.request);
  const me = await mine.joinAs();
  const title = uniqueTitle('Exports lose column widths');
  const thread = await mine.startThread(title, 'Since the last update, exports to Excel lose the column widths.');
  const reply = await asOther(browser, (other) => other.reply(thread, 'Try the **export settings**, it is a new option.'));

  await page.goto('/');
  await expect(bell(page)).toHaveAccessibleName('Notifications, 1 unread');
  await bell(page).click();
  const notifications = new NotificationsPage(page);
  await expect(notifications.heading).toBeVisible({ timeout: 20_000 });
  const item = notifications.item(title);
  await expect(item).toContainText('New reply to your thread');
  await expect(item).toContainText('Try the export settings, it is a new option.');
  // Unread is said in words, not only shown by colour.
  await expect(item.getByText('Unread', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Today' })).toBeVisible();
  await expectAccessible(page, 'on the notifications page');

  // Opening it shows the reply and marks it read.
  await notifications.link(title).click();
  await expect(page).toHaveURL(new RegExp(`/threads/${thread}#reply-${reply}$`));
  await expect(bell(page)).toHaveAccessibleName('Notifications');
  await notifications.open();
  await expect(notifications.item(title).getByText('Unread', { exact: true })).toHaveCount(0);

  // Someone mentions the member in a thread of their own.
  const mentioning = uniqueTitle('Who knows the export settings?');
  await asOther(browser, (other) => other.startThread(mentioning, `@${me.handle} found the export setting, ask them.`));
  await notifications.open();
  await expect(bell(page)).toHaveAccessibleName('Notifications, 1 unread');
  await notifications.filter('Unread').click();
  await expect(page).toHaveURL(/\?unread=1$/);
  await expect(notifications.item(mentioning)).toContainText('You were mentioned');
  await expect(notifications.item(title)).toHaveCount(0);

  await notifications.markAllRead.click();
  await expect(page.getByText('Nothing unread: you are all caught up.')).toBeVisible();
  await expect(bell(page)).toHaveAccessibleName('Notifications');
  // The filter is in the address: it survives a reload.
  await page.reload();
  await expect(notifications.filter('Unread')).toHaveAttribute('aria-current', 'true');
});

test('a member on the waitlist hears that a place came free', async ({ page, browser }) => {
  const day = dayFromNow(4);
  const title = uniqueTitle('Small workshop: report designer');
  const event = await asOther(
    browser,
    (staff) =>
      staff.create({
        title,
        kind: 'meetup',
        starts_local: `${day}T18:00`,
        ends_local: `${day}T20:00`,
        time_zone: 'Europe/Moscow',
        city: 'Kazan',
        capacity: 1,
      }),
    'maria',
  );
  const me = new MemberApi(page.request);
  await me.joinAs('w');
  // Someone else takes the only place; the member queues behind them, and they drop out.
  const context = await browser.newContext();
  const other = new MemberApi(context.request);
  await other.join('o');
  expect((await other.rsvp(event, 'going')).status).toBe('going');
  expect((await me.rsvp(event, 'going')).status).toBe('waitlisted');
  await other.rsvp(event, 'not_going');
  await context.close();

  const notifications = new NotificationsPage(page);
  await notifications.open();
  await expect(bell(page)).toHaveAccessibleName('Notifications, 1 unread');
  await expect(notifications.item(title)).toContainText('A place came free: you are in!');
  await expectAccessible(page, 'with a waitlist promotion');
  await notifications.link(title).click();
  await expect(page).toHaveURL(new RegExp(`/events/${event}$`));
  await expect(bell(page)).toHaveAccessibleName('Notifications');
});

test('the notifications page fits a 320 px screen and is empty for a new member @portable', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await new MemberApi(page.request).joinAs();
  const notifications = new NotificationsPage(page);
  await notifications.open();
  await expect(page.getByText(/^No notifications yet\./)).toBeVisible();
  await expect(bell(page)).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page, 'empty, at 320 px');
});
