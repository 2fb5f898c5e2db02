import { type Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { DirectoryPage, EditProfilePage, MembersApi, ProfilePage } from '../pages/members';
import { NewThreadPage, ThreadPage, ThreadsApi } from '../pages/threads';
import { expectAccessible } from '../support/axe';
import { gradientPng, pngSize } from '../support/png';
import { join, otherMember } from '../support/sessions';

/** Dmitry Volkov's demo thread; he also wrote 120 replies of the release thread. */
const DMITRY_THREAD = 'Webhook retries: what is the backoff policy?';

function png(name: string, width: number, height: number, from: [number, number, number], to: [number, number, number]) {
  return { name, mimeType: 'image/png', buffer: gradientPng(width, height, from, to) };
}

/** The page fits the screen's width: nothing to scroll sideways. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
  expect(widths.page, `page width on ${page.url()}`).toBeLessThanOrEqual(widths.screen);
}

test('a member fixes a refused profile, saves it, and everyone sees it on their profile', async ({ page, browser }) => {
  test.slow();
  const member = await join(page, 'p');
  const editor = new EditProfilePage(page);
  await editor.open();
  await expect(editor.displayName).toHaveValue(member.displayName);

  await editor.displayName.fill('A');
  await editor.field('Position').fill('Head of logistics');
  await editor.field('Company').fill('Volga Freight');
  await editor.field('City').fill('Nizhny Novgorod');
  await editor.field('About you').fill('I run **twelve warehouses** on Sever.');
  const mail = await editor.addContact('E-mail', 'not-an-address', 'Members only');
  await editor.addContact('Website', 'https://volga-freight.example.com', 'Everyone');
  await editor.save();

  // Each problem beside its field, the keyboard on the first one, nothing saved.
  await expect(editor.displayName).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.displayName).toHaveAccessibleDescription(/Use at least 2 characters\.$/);
  await expect(editor.displayName).toBeFocused();
  const mailValue = mail.getByRole('textbox', { name: 'Address or number' });
  await expect(mailValue).toHaveAttribute('aria-invalid', 'true');
  await expect(mailValue).toHaveAccessibleDescription(/Enter an e-mail address like name@example\.com\.$/);
  await expect(page.getByText('Please fix the highlighted fields.')).toBeVisible();
  await expect(editor.savedStatus).toHaveCount(0);
  await expectAccessible(page, 'with the profile errors shown');

  // What was typed survives a reload, before it is saved.
  await page.reload();
  await expect(editor.field('Company')).toHaveValue('Volga Freight');
  await expect(editor.field('About you')).toHaveValue('I run **twelve warehouses** on Sever.');
  await expect(mailValue).toHaveValue('not-an-address');

  await editor.displayName.fill(`${member.displayName} Orlova`);
  await mailValue.fill(`${member.handle}@volga-freight.example.com`);
  await editor.save();
  await expect(editor.savedStatus).toBeVisible();
  await expect(editor.displayName).toHaveAttribute('aria-invalid', 'false');
  await expect(mailValue).toHaveAttribute('aria-invalid', 'false');

  await page.getByRole('link', { name: 'View your public profile' }).click();
  const profile = new ProfilePage(page);
  await expect(profile.name).toHaveText(`${member.displayName} Orlova`);
  await expect(page.getByText('Head of logistics · Volga Freight')).toBeVisible();
  await expect(page.getByText('Nizhny Novgorod')).toBeVisible();
  const about = profile.section('About');
  await expect(about).toContainText('I run twelve warehouses on Sever.');
  await expect(about.getByText('twelve warehouses', { exact: true })).toHaveCSS('font-weight', '700');
  await expect(profile.stat('Rank')).toHaveText('Newcomer');
  await expect(profile.section('Contacts').getByRole('link', { name: `${member.handle}@volga-freight.example.com` })).toHaveAttribute(
    'href',
    `mailto:${member.handle}@volga-freight.example.com`,
  );
  await expectAccessible(page, 'on the saved profile');

  // A guest sees the website, not the address meant for members.
  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  const guestView = new ProfilePage(guestPage);
  await guestView.open(member.handle);
  await expect(guestView.section('Contacts').getByRole('link', { name: 'https://volga-freight.example.com' })).toBeVisible();
  await expect(guestPage.getByText(`${member.handle}@volga-freight.example.com`)).toHaveCount(0);
  await expect(guestPage.getByRole('link', { name: 'Sign in to follow' })).toBeVisible();
  await guest.close();

  // The language of the account: saved on the server, and the app speaks it at once.
  await editor.open();
  await page.getByLabel('Language of your account').selectOption({ label: 'Русский' });
  await page.getByRole('button', { name: 'Save language' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Редактирование профиля' })).toBeVisible();
  const session = await (await page.request.get('/api/v1/auth/me')).json();
  expect(session.account.locale).toBe('ru');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Редактирование профиля' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Ваше имя', exact: true })).toHaveValue(`${member.displayName} Orlova`);
  // Even the file pickers: the browser's own button would speak the browser's language.
  await expect(page.getByText('Выбрать изображение', { exact: true })).toBeVisible();
  await expect(page.getByText('Файл не выбран', { exact: true })).toBeVisible();
  await expectAccessible(page, 'on the profile editor in Russian');
});

test('a member crops an avatar to a square and shows two photos that others browse by keyboard', async ({ page }) => {
  test.slow();
  const member = await join(page, 'p');
  const editor = new EditProfilePage(page);
  await editor.open();
  await expect(editor.pictureSection.locator('img.avatar')).toHaveCount(0);

  // A wide picture: the cropper keeps a square of it, moved and zoomed by keyboard.
  await editor.pickPicture(png('portrait.png', 900, 450, [200, 40, 40], [40, 40, 200]));
  await editor.slider('Zoom').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(editor.slider('Zoom')).toHaveAttribute('aria-valuetext', '102 %');
  await editor.slider('Left – right').focus();
  await page.keyboard.press('Home');
  await expect(editor.slider('Left – right')).toHaveAttribute('aria-valuetext', '0 %');
  await expectAccessible(page, 'while cropping a picture');
  await editor.savePicture();
  await expect(page.getByRole('img', { name: 'The square that will be saved' })).toHaveCount(0);

  const api = new MembersApi(page.request);
  const avatarUrl = (await api.profile(member.handle)).member.avatar_url;
  expect(avatarUrl).toBeTruthy();
  const avatar = await api.media(avatarUrl!);
  expect(avatar.type).toBe('image/png');
  expect(pngSize(avatar.body)).toEqual({ width: 512, height: 512 });
  await expect(editor.pictureSection.locator('img.avatar')).toHaveAttribute('src', new RegExp(`${avatarUrl}$`));

  await editor.uploadPhoto(png('meetup.png', 480, 320, [30, 120, 80], [200, 230, 120]), 'Nizhny meetup, autumn');
  await editor.uploadPhoto(png('office.png', 320, 480, [240, 180, 40], [120, 40, 160]), 'Our new office');
  expect(await editor.galleryCaptions()).toEqual(['Nizhny meetup, autumn', 'Our new office']);
  // Put the office first; the keyboard stays on the moved photo.
  await editor.gallerySection.getByRole('button', { name: 'Move up — Photo 2 of 2' }).click();
  await expect(editor.gallerySection.getByRole('status')).toHaveText('Order saved.');
  expect(await editor.galleryCaptions()).toEqual(['Our new office', 'Nizhny meetup, autumn']);
  await expect(editor.gallerySection.getByRole('button', { name: 'Move down — Photo 1 of 2' })).toBeFocused();
  await expectAccessible(page, 'on the profile editor with photos');

  const profile = new ProfilePage(page);
  await profile.open(member.handle);
  await expect(profile.head.locator('img.avatar')).toHaveAttribute('src', new RegExp(`${avatarUrl}$`));
  await expect(profile.photoButtons).toHaveCount(2);
  // In the owner's order, each named by its caption.
  await expect(profile.photoButtons.nth(0)).toHaveAccessibleName('Our new office');
  await expect(profile.photoButtons.nth(1)).toHaveAccessibleName('Nizhny meetup, autumn');

  // The viewer, by keyboard: Enter opens, arrows move, Escape closes and gives the focus back.
  await profile.photoButtons.first().focus();
  await page.keyboard.press('Enter');
  await expect(profile.viewer).toBeVisible();
  await expect(profile.viewer.getByRole('heading', { name: 'Photo 1 of 2' })).toBeVisible();
  await expect(profile.viewer.getByRole('figure')).toContainText('Our new office');
  await page.keyboard.press('ArrowRight');
  await expect(profile.viewer.getByRole('heading', { name: 'Photo 2 of 2' })).toBeVisible();
  await expect(profile.viewer.getByRole('figure')).toContainText('Nizhny meetup, autumn');
  await expectAccessible(page, 'with the photo viewer open');
  await page.keyboard.press('ArrowRight');
  await expect(profile.viewer.getByRole('figure')).toContainText('Our new office');
  await page.keyboard.press('Escape');
  await expect(profile.viewer).toBeHidden();
  await expect(profile.photoButtons.first()).toBeFocused();

  // Deleting a photo takes it off the profile.
  await editor.open();
  page.once('dialog', (dialog) => dialog.accept());
  await editor.gallerySection.getByRole('button', { name: 'Delete — Photo 2 of 2' }).click();
  await expect(editor.gallerySection.getByRole('status')).toHaveText('Photo deleted.');
  await profile.open(member.handle);
  await expect(profile.photoButtons).toHaveCount(1);
});

test("a reader opens an author's profile from a thread and goes through their activity", async ({ page }) => {
  const id = await new ThreadsApi(page.request).threadIdByTitle(DMITRY_THREAD);
  const thread = new ThreadPage(page);
  await thread.open(id);
  await thread.question.getByRole('link', { name: 'Dmitry Volkov' }).first().click();

  const profile = new ProfilePage(page);
  await expect(page).toHaveURL(/\/members\/dmitry$/);
  await expect(profile.name).toHaveText('Dmitry Volkov');
  await expect(page.getByText('Yekaterinburg')).toBeVisible();
  await expect(page.getByRole('link', { name: 'https://github.com/example-dmitry' })).toBeVisible();
  await expect(profile.tab('Threads')).toHaveAttribute('aria-current', 'true');
  expect(await profile.tabCount('Threads')).toBeGreaterThanOrEqual(1);
  await expect(profile.activityItems.getByRole('link', { name: DMITRY_THREAD })).toBeVisible();
  await expectAccessible(page, "on a member's profile");

  // Replies: the count on the tab, newest first, a page at a time.
  const replies = await profile.tabCount('Replies');
  expect(replies).toBeGreaterThanOrEqual(120);
  await profile.tab('Replies').click();
  await expect(page).toHaveURL(/\/members\/dmitry\?tab=replies$/);
  await expect(profile.tab('Replies')).toHaveAttribute('aria-current', 'true');
  await expect(profile.activityItems).toHaveCount(20);
  const loadMore = profile.section('Activity').getByRole('button', { name: 'Load more' });
  await loadMore.click();
  await expect(profile.activityItems).toHaveCount(40);
  await expect(profile.activityItems.nth(20).getByRole('link')).toBeFocused();
  const times = await profile.activityItems.locator('time').evaluateAll((items) => items.map((t) => t.getAttribute('datetime') ?? ''));
  expect([...times].sort().reverse()).toEqual(times);

  // A reply leads to its place in its thread.
  await profile.activityItems.first().getByRole('link').click();
  await expect(page).toHaveURL(/\/threads\/\d+\?page=p\d+#reply-\d+$|\/threads\/\d+#reply-\d+$/);
  await expect(thread.heading).toBeVisible();
});

test('the directory finds members by city and company, filters by role, and keeps it all in the address', async ({ page }) => {
  const directory = new DirectoryPage(page);
  await directory.open();
  await expect(directory.cards.first()).toBeVisible();
  await expectAccessible(page, 'on the directory');

  await directory.search('Kazan');
  await expect(page).toHaveURL(/\/members\?q=Kazan$/);
  await expect(directory.cards).toHaveCount(1);
  await expect(directory.card('Sergey Kuznetsov')).toContainText('Kazan');

  await directory.search('Ural Logistics');
  await expect(directory.cards).toHaveCount(1);
  await expect(directory.card('Dmitry Volkov')).toContainText('Ural Logistics');

  await directory.search('');
  await directory.filterByRole('Mentor');
  await expect(page).toHaveURL(/\/members\?role=mentor$/);
  await expect(directory.card('Sergey Kuznetsov')).toHaveCount(0);
  await expect(directory.card('Dmitry Volkov')).toBeVisible();
  // Every card shown is a mentor's (asked of the list as it settles, not of a snapshot of it).
  await expect(directory.cards.filter({ hasNot: page.getByText('Mentor', { exact: true }) })).toHaveCount(0);

  await directory.sortBy('Name');
  await expect(page).toHaveURL(/\/members\?role=mentor&sort=name$/);
  // Dmitry Volkov comes before Oleg Smirnov by name.
  await expect(directory.cards.first()).toContainText('Dmitry Volkov');
  const names = await directory.names();
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));

  // The address brings the same view back after a reload and through history.
  await page.reload();
  await expect(directory.roleFilter).toHaveValue('mentor');
  await expect(directory.cards.first()).toContainText('Dmitry Volkov');
  expect(await directory.names()).toEqual(names);
  await page.goBack();
  await expect(page).toHaveURL(/\/members\?role=mentor$/);
  await expect(page.getByRole('navigation', { name: 'Order' }).getByRole('link', { name: 'Reputation' })).toHaveAttribute('aria-current', 'true');
  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL(/\/members\?q=Ural(\+|%20)Logistics$/);
  await expect(directory.searchBox).toHaveValue('Ural Logistics');
  await expect(directory.roleFilter).toHaveValue('');
  await expect(directory.card('Dmitry Volkov')).toBeVisible();

  await directory.search('nobody-is-called-this');
  await expect(page.getByText('No members match. Try other words or another role.')).toBeVisible();
  await expectAccessible(page, 'on an empty directory search');
});

test('staff assign a community role and it shows on the member’s author card', async ({ page, browser }) => {
  const member = await join(page, 'p');
  const title = `Role journey ${member.handle}: how do we join the partner programme?`;
  const threadId = await new NewThreadPage(page).create({
    space: 'Product questions',
    title,
    body: 'We resell Sever in Tatarstan and want to join the partner programme.',
  });
  const thread = new ThreadPage(page);
  await expect(thread.question.getByText('Partner', { exact: true })).toHaveCount(0);

  // Members cannot assign roles, not even their own.
  const profile = new ProfilePage(page);
  await profile.open(member.handle);
  await expect(profile.staffTools).toHaveCount(0);

  const elena = await otherMember(browser, 'elena');
  const staffView = new ProfilePage(elena.page);
  await staffView.open(member.handle);
  await expect(staffView.staffTools).toBeVisible();
  await expectAccessible(elena.page, 'on a profile with the staff tools');
  await staffView.assignRole('Partner');
  await expect(staffView.head.getByText('Partner', { exact: true })).toBeVisible();
  await elena.close();

  await thread.open(threadId);
  await expect(thread.question.getByText('Partner', { exact: true })).toBeVisible();
  await profile.open(member.handle);
  await expect(profile.head.getByText('Partner', { exact: true })).toBeVisible();
  const directory = new DirectoryPage(page);
  await directory.open(`?q=${member.handle}&role=partner`);
  await expect(directory.card(member.displayName)).toContainText('Partner');
});

test('a member follows another, appears among their followers, and unfollows @portable', async ({ page, browser }) => {
  // Someone nobody else follows, so the counts are this journey's alone.
  const elsewhere = await browser.newContext();
  const followed = await join(await elsewhere.newPage(), 'p');
  await elsewhere.close();
  const member = await join(page, 'p');

  const profile = new ProfilePage(page);
  await profile.open(followed.handle);
  await expect(profile.followersLink()).toHaveText('0 followers');
  await expect(profile.followButton).toHaveText('Follow');
  await profile.toggleFollow();
  await expect(profile.followButton).toHaveText('Unfollow');
  await expect(profile.followersLink()).toHaveText('1 follower');
  await page.reload();
  await expect(profile.followButton).toHaveText('Unfollow');
  await expect(profile.followersLink()).toHaveText('1 follower');

  await profile.followersLink().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Followers' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: member.displayName, exact: true })).toBeVisible();
  await expectAccessible(page, 'on a followers list');

  await profile.open(member.handle);
  await page.getByRole('link', { name: '1 following' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Following' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: followed.displayName, exact: true })).toBeVisible();

  await profile.open(followed.handle);
  await profile.toggleFollow();
  await expect(profile.followButton).toHaveText('Follow');
  await expect(profile.followersLink()).toHaveText('0 followers');
  await page.reload();
  await expect(profile.followButton).toHaveText('Follow');
  await profile.followersLink().click();
  await expect(page.getByText('No followers yet.')).toBeVisible();
});

test('the leaderboard shows this month and all time, and the rules explain the points', async ({ page }) => {
  await page.goto('/members/leaderboard');
  await expect(page.getByRole('heading', { level: 1, name: 'Leaderboard' })).toBeVisible();
  const periods = page.getByRole('navigation', { name: 'Period' });
  await expect(periods.getByRole('link', { name: 'This month' })).toHaveAttribute('aria-current', 'true');
  await periods.getByRole('link', { name: 'All time' }).click();
  await expect(page).toHaveURL(/\/members\/leaderboard\?period=all$/);
  await expect(periods.getByRole('link', { name: 'All time' })).toHaveAttribute('aria-current', 'true');
  const rows = page.getByRole('main').getByRole('listitem');
  await expect(rows.first()).toContainText(/Place 1/);
  const points = (await rows.locator('.leaderboard__points').allInnerTexts()).map((text) => Number(text.replace(/\D/g, '')));
  expect(points.length).toBeGreaterThan(3);
  expect([...points].sort((a, b) => b - a)).toEqual(points);
  await expectAccessible(page, 'on the leaderboard');

  await page.getByRole('link', { name: 'How reputation works' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'How reputation works' })).toBeVisible();
  await expect(page.getByRole('row', { name: /An answer accepted/ })).toContainText('+');
  await expect(page.getByRole('row', { name: /Ten kudos/ })).toContainText('10 kudos received');
  await expectAccessible(page, 'on the reputation rules');
});

test('member pages fit a 320-pixel screen', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await join(page, 'p');
  for (const path of ['/members', '/members/anna', '/members/leaderboard', '/members/rules', '/account/profile']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('main').getByText('Loading…')).toHaveCount(0);
    await expectNoSidewaysScroll(page);
  }
  await expectAccessible(page, 'on the profile editor at 320 pixels');
  await page.goto('/members/anna');
  // Anna's two demo photos at least (the contract tests, signed in as Anna, may have added more).
  await expect(page.getByRole('region', { name: 'Photos' }).getByRole('button').nth(1)).toBeVisible();
  await page.getByRole('region', { name: 'Photos' }).getByRole('button').first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
});
