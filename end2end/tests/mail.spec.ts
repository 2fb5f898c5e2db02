import { type Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { MailPreferencesPage } from '../pages/account';
import { uniqueTitle } from '../pages/events';
import { MemberApi } from '../pages/notifications';
import { expectAccessible } from '../support/axe';
import { linkIn, mailTo, waitForMail } from '../support/mail';

// What reaches members by e-mail: the preferences page, a notification mailed through the real
// SMTP server scripts/test.sh starts (VECHE_MAILDIR), and the page its unsubscribe link opens.

/** Joins a fresh member in `page`'s browser and confirms the address with the mailed link. */
async function confirmedMember(page: Page): Promise<{ api: MemberApi; handle: string; email: string }> {
  const api = new MemberApi(page.request);
  const { handle } = await api.joinAs('u');
  const email = `${handle}@example.org`;
  const mail = await waitForMail(email, 'Confirm your e-mail address for');
  const confirmed = await page.request.post('/api/v1/auth/email/confirm', {
    data: { token: linkIn(mail, '/account/confirm-email?token=').split('token=')[1] },
    headers: { 'X-CSRF-Token': (await (await page.request.get('/api/v1/auth/me')).json()).csrf_token },
  });
  expect(confirmed.status()).toBe(200);
  return { api, handle, email };
}

/** A demo member replies in `thread`, in a browser of their own. */
async function demoReplies(page: Page, thread: string, body: string): Promise<void> {
  const context = await page.context().browser()!.newContext();
  try {
    const anna = new MemberApi(context.request);
    await anna.signIn('anna');
    await anna.reply(thread, body);
  } finally {
    await context.close();
  }
}

/** The page is no wider than the screen: nothing needs sideways scrolling. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('a member chooses what is mailed, by keyboard too; a failed save keeps the choices and can be sent again', async ({ page }) => {
  await confirmedMember(page);
  const preferences = new MailPreferencesPage(page);
  await preferences.open();
  await expect(preferences.choice('Replies to my threads', 'Immediately')).toBeChecked();
  await expect(preferences.choice('New statuses of ideas I voted for', 'In a daily digest')).toBeChecked();
  await expect(preferences.weekly).not.toBeChecked();
  await expectAccessible(page, 'on the mail preferences page');
  await expectNoSidewaysScroll(page);

  // Keyboard: the arrow keys move within a radio group, Space ticks the box.
  await preferences.choice('Mentions of me', 'Immediately').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(preferences.choice('Mentions of me', 'Never')).toBeChecked();
  await preferences.weekly.focus();
  await page.keyboard.press('Space');
  await expect(preferences.weekly).toBeChecked();
  await preferences.choice('Replies to my threads', 'In a daily digest').check();

  // The server cannot be reached: the page says so and keeps what was chosen.
  await page.route('**/api/v1/notifications/preferences', (route) =>
    route.request().method() === 'PUT' ? route.abort('internetdisconnected') : route.continue(),
  );
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /./ })).toBeVisible();
  await expect(preferences.choice('Mentions of me', 'Never')).toBeChecked();
  await page.unroute('**/api/v1/notifications/preferences');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  await page.reload();
  await expect(preferences.choice('Mentions of me', 'Never')).toBeChecked();
  await expect(preferences.choice('Replies to my threads', 'In a daily digest')).toBeChecked();
  await expect(preferences.weekly).toBeChecked();
});

test('a reply is mailed at once; its unsubscribe link switches replies off without signing in, and back on', async ({ page, browser }) => {
  const me = await confirmedMember(page);
  const title = uniqueTitle('Mailed reply');
  const thread = await me.api.startThread(title, 'Will the reply reach my inbox?');
  await demoReplies(page, thread, 'It will, as soon as I post this.');

  const mail = await waitForMail(me.email, `replied to your thread “${title}”`);
  expect(mail.text).toContain('It will, as soon as I post this.');
  expect(mail.html).toContain(`/threads/${thread}#reply-`);
  const unsubscribe = linkIn(mail, '/unsubscribe?token=');

  // Opened in another browser, signed out, as a mail program's link would be.
  const guest = await (await browser.newContext()).newPage();
  await guest.goto(unsubscribe);
  await expect(guest.getByRole('status').filter({ hasText: 'You will no longer get these e-mails' })).toBeVisible({ timeout: 20_000 });
  await expect(guest.getByRole('main').getByRole('listitem')).toHaveText(['Replies to my threads']);
  await expectAccessible(guest, 'on the unsubscribe page');
  await expectNoSidewaysScroll(guest);

  const preferences = new MailPreferencesPage(page);
  await preferences.open();
  await expect(preferences.choice('Replies to my threads', 'Never')).toBeChecked();
  // Another reply now reaches the bell only.
  await demoReplies(page, thread, 'A second reply, not mailed.');
  await page.waitForTimeout(3000);
  expect(mailTo(me.email).filter((m) => m.subject.includes(title))).toHaveLength(1);

  await guest.getByRole('button', { name: 'Switch them back on' }).click();
  await expect(guest.getByRole('status').filter({ hasText: 'Switched back on.' })).toBeVisible();
  await preferences.open();
  await expect(preferences.choice('Replies to my threads', 'Immediately')).toBeChecked();

  // The preferences page needs signing in: the guest is sent to sign in.
  await guest.getByRole('link', { name: 'Choose what you get by e-mail' }).click();
  await expect(guest).toHaveURL(/\/signin/);
});

test.describe('in Russian', () => {
  test.use({ locale: 'ru-RU' });

  test('the preferences and the unsubscribe page speak Russian; a broken link says what to do', async ({ page }) => {
    await confirmedMember(page);
    const preferences = new MailPreferencesPage(page);
    await preferences.open('Уведомления на почту');
    await expect(preferences.choice('Ответы в моих темах', 'Сразу')).toBeChecked();
    await expect(preferences.choice('Новые статусы идей с моим голосом', 'В ежедневной сводке')).toBeChecked();
    await preferences.choice('Решения по моим заявкам в группы', 'Никогда').check();
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Сохранено.' })).toBeVisible();
    await expectAccessible(page, 'on the mail preferences page in Russian');
    await expectNoSidewaysScroll(page);
    // The narrowest phone: the longest (Russian) labels still fit, the choices still reachable.
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoSidewaysScroll(page);
    await preferences.choice('Решения по моим заявкам в группы', 'Никогда').scrollIntoViewIfNeeded();
    await expect(preferences.choice('Решения по моим заявкам в группы', 'Никогда')).toBeInViewport();

    await page.goto('/unsubscribe?token=1.i.replies.forged');
    await expect(page.getByRole('alert').filter({ hasText: 'Ссылка недействительна.' })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText('Войдите и выберите письма на странице уведомлений на почту.')).toBeVisible();
    await expectAccessible(page, 'on a broken unsubscribe link in Russian');
  });
});
