import { type Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { DeleteAccountPage, PrivacyAdminPage, PrivacyApi, archiveFiles, withPrivacySetting } from '../pages/privacy';
import { expectAccessible } from '../support/axe';
import { setUpTestProvider } from '../support/provider';
import { signIn } from '../support/sessions';

// A member's own data: the archive, deleting the account, and staff acting on a request.
// Journeys that delete accounts hold the community's deleted-content choice while they run, so
// the one that switches it to "remove" never changes it under another.

/** A fresh member signed in in `page`, with a thread that `anna` answered in her own words. */
async function memberWithThread(page: Page, browser: import('@playwright/test').Browser, title: string) {
  const api = new PrivacyApi(page.request);
  const member = await api.joinMember('p');
  const thread = await api.thread(title, 'What I asked, in my own words.');
  const anna = new PrivacyApi((await browser.newContext()).request);
  await anna.signIn('anna');
  await anna.reply(thread, `Anna answers ${member.handle} with her own words.`);
  return { member, thread };
}

// One journey signs in with the organisation's account: the test provider, set up as staff would.
test.beforeAll(async ({ backend }) => {
  await setUpTestProvider(backend.url);
});

test('a member downloads everything they gave as one archive, and nothing of anyone else', async ({ page, browser }) => {
  const { member, thread } = await memberWithThread(page, browser, 'My question about exports');
  await page.goto('/account');
  const data = page.getByRole('region', { name: 'Your data' });
  await expect(data).toBeVisible();
  await expectAccessible(page, 'on the account page');

  const downloading = page.waitForEvent('download');
  await data.getByRole('link', { name: 'Download your data (ZIP)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^veche-${member.handle}-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
  const files = await archiveFiles(download);
  for (const name of ['README.txt', 'profile.json', 'threads.json', 'replies.json', 'ideas.json', 'votes.json', 'photos.json']) {
    expect(files.has(name), `${name} is in the archive`).toBe(true);
  }
  const profile = JSON.parse(files.get('profile.json')!.toString());
  expect([profile.handle, profile.email]).toEqual([member.handle, member.email]);
  const threads = JSON.parse(files.get('threads.json')!.toString());
  expect(threads.map((t: { id: string; title: string }) => [t.id, t.title])).toEqual([[thread, 'My question about exports']]);
  const everything = [...files.values()].map((bytes) => bytes.toString()).join('\n');
  expect(everything).not.toContain('Anna answers');
});

test('a member deletes their account: the password is asked, sessions end, their thread stays as a former member’s', async ({ page, browser }) => {
  await withPrivacySetting(async () => {
    const { thread } = await memberWithThread(page, browser, 'A thread that outlives its author');
    await page.goto('/account');
    await page.getByRole('link', { name: 'Delete your account' }).click();
    await expect(page).toHaveURL(/\/account\/delete$/);
    const deletion = new DeleteAccountPage(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Delete your account' })).toBeVisible();
    await expect(page.getByText('This cannot be undone.')).toBeVisible();
    await expect(page.getByText('signed “former member”')).toBeVisible();
    await expectAccessible(page, 'on the delete-account page');

    await deletion.confirm('');
    await expect(page.getByText('This field is required.')).toBeVisible();
    await deletion.confirm('not my password');
    await expect(page.getByText('This is not your current password.')).toBeVisible();
    await expect(page.getByLabel('Your password, to confirm')).toBeFocused();

    await deletion.confirm('journey-password-1');
    await expect(page).toHaveURL(/\/account\/deleted$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Your account is deleted' })).toBeVisible();
    await expectAccessible(page, 'on the goodbye page');

    // The session died with the account: the account page sends to sign in.
    await page.goto('/account');
    await expect(page).toHaveURL(/\/signin/);
    await page.goto(`/threads/${thread}`);
    await expect(page.getByRole('heading', { level: 1, name: 'A thread that outlives its author' })).toBeVisible();
    await expect(page.locator('.author-card__name--former').first()).toHaveText('Former member');
    await expect(page.getByText('Anna answers')).toBeVisible();
  });
});

test('a member who signs in with the organisation account has no password: a fresh sign-in confirms the deletion', async ({ page }, testInfo) => {
  // One provider account per browser project; deleting it unlinks it, so a run makes a new member each time.
  const login = testInfo.project.name === 'mobile' ? 'mila' : 'leon';
  await page.goto('/account/delete');
  await expect(page).toHaveURL(/\/signin\?next=%2Faccount%2Fdelete/);
  await page.getByRole('link', { name: 'Sign in with Corp account' }).click();
  await expect(page.getByRole('heading', { name: 'Corp sign-in' })).toBeVisible();
  await page.getByLabel('Login').fill(login);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  await expect(page).toHaveURL(/\/account\/delete$/);
  await expect(page.getByText("Sign in with your organisation's account and never set a password?")).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in again with Corp account' })).toHaveAttribute('href', /next=%2Faccount%2Fdelete/);
  await expectAccessible(page, 'on the delete-account page with a provider');
  // Just signed in: the empty password is enough.
  await page.getByRole('button', { name: 'Delete my account for good' }).click();
  await expect(page).toHaveURL(/\/account\/deleted$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Your account is deleted' })).toBeVisible();

  // The provider account no longer opens the deleted one: signing in with it makes a new member.
  await page.goto('/account');
  await expect(page).toHaveURL(/\/signin/);
  await page.getByRole('link', { name: 'Sign in with Corp account' }).click();
  // The provider may remember the sign-in a moment ago and not ask again.
  await page.waitForURL((url) => url.pathname === '/account' || url.pathname.startsWith('/interaction/'));
  if (new URL(page.url()).pathname.startsWith('/interaction/')) {
    await page.getByLabel('Login').fill(login);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText(`${login}@corp.example`)).toBeVisible();
});

test('staff export and delete a member’s account on request, see both in the log, and choose removal', async ({ page, browser }) => {
  await withPrivacySetting(async () => {
    const memberPage = await (await browser.newContext()).newPage();
    const { member, thread } = await memberWithThread(memberPage, browser, 'Remove me with my words');
    await signIn(page, 'elena');

    // From the member's profile to the staff's page, the member already found.
    await page.goto(`/members/${member.handle}`);
    await page.getByRole('link', { name: 'Data request (staff)' }).click();
    const admin = new PrivacyAdminPage(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Privacy' })).toBeVisible();
    await expect(admin.found).toContainText(`@${member.handle}`);
    await expectAccessible(page, 'on the staff privacy page');

    const downloading = page.waitForEvent('download');
    await admin.found.getByRole('link', { name: 'Download their data (ZIP)' }).click();
    const files = await archiveFiles(await downloading);
    expect(JSON.parse(files.get('profile.json')!.toString()).handle).toBe(member.handle);
    await page.reload();
    // Journeys in other workers log too: this member's lines are the ones to read.
    const theirLines = admin.log.filter({ hasText: `@${member.handle}` });
    await expect(theirLines.first()).toContainText('Data downloaded');
    await expect(theirLines.first()).toContainText("on the member's request");

    // A handle nobody has is said beside the field.
    await page.getByLabel("The member's handle (as in @handle)").fill('nobody-has-this-handle');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await expect(page.getByText('No member has this handle.')).toBeVisible();

    try {
      await admin.choose('remove');
      await page.getByLabel("The member's handle (as in @handle)").fill(member.handle);
      await page.getByRole('button', { name: 'Find', exact: true }).click();
      await expect(admin.found.getByText('Their threads, replies and ideas are deleted', { exact: false })).toBeVisible();
      await admin.found.getByLabel('Your own password').fill('journey-password-1');
      await admin.found.getByRole('button', { name: 'Delete their account' }).click();
      await expect(admin.found.getByText('This is not your current password.')).toBeVisible();
      await admin.found.getByLabel('Your own password').fill('veche-demo');
      await admin.found.getByLabel('How the request came (kept in the log)').fill('Asked by mail');
      await admin.found.getByRole('button', { name: 'Delete their account' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'The account is deleted.' })).toBeVisible();
      await expect(theirLines.first()).toContainText('Account deleted');
      await expect(theirLines.first()).toContainText('Asked by mail');
    } finally {
      await admin.open();
      await admin.choose('keep');
    }

    // Removed: the thread's words are gone; the member's browser is signed out.
    await page.goto(`/threads/${thread}`);
    await expect(page.getByText('Remove me with my words')).toHaveCount(0);
    await memberPage.goto('/account');
    await expect(memberPage).toHaveURL(/\/signin/);
  });
});

test.describe('in Russian', () => {
  test.use({ locale: 'ru-RU' });

  test('the account’s data and its deletion speak Russian, and a former member is «Бывший участник»', async ({ page, browser }) => {
    await withPrivacySetting(async () => {
      const { thread } = await memberWithThread(page, browser, 'Тема, которая останется');
      await page.goto('/account');
      await expect(page.getByRole('region', { name: 'Ваши данные' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Скачать мои данные (ZIP)' })).toBeVisible();
      await page.getByRole('link', { name: 'Удалить учётную запись' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Удаление учётной записи' })).toBeVisible();
      await expect(page.getByText('Это нельзя отменить.')).toBeVisible();
      await expectAccessible(page, 'on the Russian delete-account page');
      const deletion = new DeleteAccountPage(page);
      await deletion.confirm('не мой пароль', 'Ваш пароль для подтверждения', 'Удалить учётную запись навсегда');
      await expect(page.getByText('Это не ваш текущий пароль.')).toBeVisible();
      await deletion.confirm('journey-password-1', 'Ваш пароль для подтверждения', 'Удалить учётную запись навсегда');
      await expect(page.getByRole('heading', { level: 1, name: 'Учётная запись удалена' })).toBeVisible();
      await page.goto(`/threads/${thread}`);
      await expect(page.locator('.author-card__name--former').first()).toHaveText('Бывший участник');
    });
  });
});
