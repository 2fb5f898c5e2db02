import { expect, test } from '../support/fixtures';
import { unique } from '../pages/groups';
import { LiveApi, LiveThread } from '../pages/live';
import { bell } from '../pages/notifications';
import { expectAccessible } from '../support/axe';

// Two members side by side: one reads a thread in the browser, the other writes through the API;
// what the reader sees changes without a reload.

test('a new reply waits behind "1 new reply — show", the draft stays, and the bell follows', async ({ page, baseURL }) => {
  const me = new LiveApi(page.request);
  await me.join('live');
  const maria = await LiveApi.demoMember(baseURL!, 'maria');
  const title = unique('Live export question');
  const thread = await me.newThread('integrations', title);

  await page.goto(`/threads/${thread}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({ timeout: 20_000 });
  const live = new LiveThread(page);
  await live.replyBox('Your reply').fill('Half-written answer');
  await expect(bell(page)).toHaveAccessibleName('Notifications');

  await maria.reply(thread, 'Try the **export settings** first.');
  const show = live.newReplies('1 new reply — show');
  await expect(show).toBeVisible();
  // Nothing moved under the reader: the reply is not on the page until asked for.
  await expect(page.getByText('Try the export settings first.')).toHaveCount(0);
  await expect(live.replyBox('Your reply')).toHaveValue('Half-written answer');
  await expect(bell(page)).toHaveAccessibleName('Notifications, 1 unread');
  await expectAccessible(page, 'with the new-replies button');

  await show.click();
  await expect(page.getByText('Try the export settings first.')).toBeVisible();
  await expect(show).toHaveCount(0);
  await expect(live.replyBox('Your reply')).toHaveValue('Half-written answer');
  await maria.dispose();
});

test.describe('in Russian', () => {
  test.use({ locale: 'ru-RU' });

  test('a member who leaves a closed group stops receiving its replies at once', async ({ page, baseURL }) => {
    const me = new LiveApi(page.request);
    const { handle } = await me.join('leaver');
    const dmitry = await LiveApi.demoMember(baseURL!, 'dmitry');
    await dmitry.addMember('beta-testers', handle);
    const maria = await LiveApi.demoMember(baseURL!, 'maria');
    const closedTitle = unique('Beta build notes');
    const closed = await maria.newThread('beta-lab', closedTitle);
    const mine = await me.newThread('integrations', unique('Вопрос о выгрузке'));

    await page.goto(`/threads/${closed}`);
    await expect(page.getByRole('heading', { level: 1, name: closedTitle })).toBeVisible({ timeout: 20_000 });
    const live = new LiveThread(page);
    await maria.reply(closed, 'Первый ответ для группы.');
    await expect(live.newReplies('1 новый ответ — показать')).toBeVisible();

    await me.leaveGroup('beta-testers');
    await maria.reply(closed, 'Второй ответ, уже без неё.');
    // Written last: once the bell has heard of it, the stream has passed the second reply.
    await maria.reply(mine, 'Ответ на ваш вопрос.');
    await expect(bell(page)).toHaveAccessibleName('Уведомления, 1 непрочитанное');
    await expect(live.newReplies('1 новый ответ — показать')).toBeVisible();
    await expectAccessible(page, 'after leaving the group');
    await Promise.all([maria.dispose(), dmitry.dispose()]);
  });
});
