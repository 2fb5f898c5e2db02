import { type Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { RegisterPage, SignInPage } from '../pages/auth';
import { JoiningPage, SettingsPage } from '../pages/settings';
import { NewThreadPage } from '../pages/threads';
import { expectAccessible } from '../support/axe';
import { linkIn, mailTo, waitForMail } from '../support/mail';
import { gradientPng } from '../support/png';
import { signIn } from '../support/sessions';
import { withSettings } from '../support/settings';
import { DEMO_PASSWORD, freshMember } from '../support/users';

// Community settings (staff, /admin/settings) and who may join. Every journey that changes a
// setting does it inside `withSettings`, which restores everything afterwards (the journeys after
// it in the worker, or beside it on a shared server, meet the demo community's settings), and
// keeps the change as short as the check allows.

async function filledRegistration(page: Page, member: ReturnType<typeof freshMember>, path = '/register') {
  await page.goto(path);
  await page.getByLabel('Your name').fill(member.displayName);
  await page.getByLabel('Handle').fill(member.handle);
  await page.getByLabel('E-mail').fill(member.email);
  await page.getByLabel('Password').fill(member.password);
  await page.getByRole('checkbox').check();
}

/** Signs a demo member in on the Russian sign-in page. */
async function signInInRussian(page: Page, handle: string) {
  await page.goto('/signin');
  await page.getByLabel('E-mail или имя пользователя').fill(handle);
  await page.getByLabel('Пароль').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
}

test('staff rename the community, give it a colour and a logo, and a guest sees them without a rebuild', async ({ page, browser }) => {
  await signIn(page, 'maria');
  const settings = new SettingsPage(page);
  const name = `Sever Club ${Date.now().toString(36)}`;
  await withSettings({}, async () => {
    await settings.open();
    await expectAccessible(page, 'on the settings page');
    await settings.uploadLogo(gradientPng(600, 300, [10, 92, 138], [240, 240, 240]));
    await expect(page.getByRole('status').filter({ hasText: 'The logo is saved.' })).toBeVisible();
    await expect(page.getByRole('img', { name: 'Current logo' })).toBeVisible();
    await settings.name.fill(name);
    await settings.accent.fill('#0a5c8a');
    await expect(settings.accentError).toBeHidden();
    await settings.save();
    await expect(settings.saved).toBeVisible();
    // The staff member's own header follows at once.
    await expect(page.locator('.site-header__name')).toHaveText(name);

    const guest = await (await browser.newContext()).newPage();
    await guest.goto('/');
    await expect(guest.locator('.site-header__name')).toHaveText(name);
    await expect(guest).toHaveTitle(new RegExp(`${name}$`));
    const logo = guest.locator('.site-header__logo');
    await expect(logo).toBeVisible();
    expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(256);
    const accent = await guest.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--color-accent').trim());
    expect(accent).toBe('#0a5c8a');
    await expectAccessible(guest, 'on the home page with the new colour');
    await guest.context().close();
  });
  // Restored for everyone else.
  await page.reload();
  await expect(page.locator('.site-header__name')).toHaveText('Sever Software Community');
  await expect(page.locator('.site-header__logo')).toHaveCount(0);
});

test('a colour white text cannot be read on is refused beside the field', async ({ page }) => {
  await signIn(page, 'maria');
  const settings = new SettingsPage(page);
  await settings.open();
  await settings.accent.fill('#ffd400');
  await expect(settings.accentError).toHaveText(/White text on this colour is hard to read: contrast 1\.\d:1, at least 4\.5:1 is needed/);
  await settings.save();
  await expect(page.locator('.form-alert')).toHaveText('Please fix the highlighted fields.');
  await expect(settings.accent).toBeFocused();
  await expect(settings.accent).toHaveAttribute('aria-invalid', 'true');
  await settings.accent.fill('not a colour');
  await expect(settings.accentError).toHaveText('Enter a colour as # and six hex digits, like #0a5c8a.');
  await expectAccessible(page, 'with errors beside the fields');
  // Nothing was saved (read while no other journey may change the settings).
  await withSettings({}, async () => {
    const community = await (await page.request.get('/api/v1/community')).json();
    expect(community.accent_color ?? null).toBeNull();
  });
});

test('an invitation from the mail lets the invited address join, already confirmed', async ({ page, browser }) => {
  await signIn(page, 'maria');
  const joining = new JoiningPage(page);
  await joining.open();
  await expectAccessible(page, 'on the invitations page');
  const member = freshMember('inv');
  await joining.invite('not-an-address');
  await expect(page.getByText('Enter an e-mail address like name@example.com.')).toBeVisible();
  await joining.invite(member.email);
  await expect(page.getByRole('status').filter({ hasText: `The invitation is on its way to ${member.email}` })).toBeVisible();

  const mail = await waitForMail(member.email, 'You are invited to join');
  expect(mail.text).toContain('Maria Ivanova invites you to join');
  const link = linkIn(mail, '/register?invitation=');
  const guest = await (await browser.newContext()).newPage();
  await guest.goto(link);
  await expect(guest.getByText('You were invited. Join with the address the invitation came to.')).toBeVisible();
  await expectAccessible(guest, 'on the register page opened from an invitation');
  await filledRegistration(guest, { ...member, email: `other-${member.email}` }, link);
  await guest.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(guest.locator('#field-email-error')).toHaveText('Use the address the invitation was sent to.');
  await guest.getByLabel('E-mail').fill(member.email);
  await guest.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(guest).toHaveURL(/\/$/);
  await guest.goto('/account');
  await expect(guest.getByText('Your address is confirmed.')).toBeVisible();

  // The link worked once: someone it was passed on to is told so.
  const again = await (await browser.newContext()).newPage();
  await filledRegistration(again, freshMember('inv'), link);
  await again.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(again.locator('.form-alert')).toContainText('This invitation link cannot be used');
});

test('a registration waits for approval, staff approve it, and the mail lets the person in', async ({ page, browser }) => {
  const member = freshMember('apr');
  const applicant = await (await browser.newContext()).newPage();
  await filledRegistration(applicant, member);
  await withSettings({ join_policy: 'approval' }, async () => {
    await applicant.getByRole('button', { name: 'Join', exact: true }).click();
    await expect(applicant.getByRole('heading', { level: 1 })).toHaveText('Thank you! Your registration waits for approval');
  });
  await expectAccessible(applicant, 'on the waiting page');
  const signInPage = new SignInPage(applicant);
  await signInPage.open();
  await signInPage.signIn(member.handle, member.password);
  await expect(signInPage.alert).toHaveText(/still waits for staff approval/);

  await signIn(page, 'maria');
  await new JoiningPage(page).open();
  const row = page.locator('.registration-queue__item').filter({ hasText: `@${member.handle}` });
  await expect(row).toBeVisible();
  await expectAccessible(page, 'with the approval queue');
  await row.getByRole('button', { name: `Approve the registration of ${member.displayName} (@${member.handle})` }).click();
  await expect(page.getByRole('status').filter({ hasText: `a welcome mail is on its way to ${member.email}` })).toBeVisible();
  await expect(row).toHaveCount(0);

  const mail = await waitForMail(member.email, 'your registration is approved');
  await applicant.goto(linkIn(mail, '/account/confirm-email?token='));
  await expect(applicant.getByRole('status').filter({ hasText: `${member.email} is confirmed` })).toBeVisible();
  await signInPage.open();
  await signInPage.signIn(member.handle, member.password);
  await expect(applicant).toHaveURL(/\/$/);
});

test('an address of a domain the community does not list is refused beside the e-mail field', async ({ page }) => {
  const member = freshMember('dom');
  await filledRegistration(page, member);
  await withSettings({ join_policy: 'domains', allowed_email_domains: ['sever.example'] }, async () => {
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await expect(page.locator('#field-email-error')).toHaveText(
      "Only addresses of the community's listed domains can join. Use your work address.",
    );
  });
  await expect(page.getByLabel('E-mail')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Your name')).toHaveValue(member.displayName);
  await expectAccessible(page, 'with the refused address');
});

test('with a confirmed address required, an unconfirmed member is told to confirm, gets the link again and keeps the text', async ({ page }) => {
  const member = freshMember('cnf');
  await filledRegistration(page, member);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await waitForMail(member.email, 'Confirm your e-mail address for');
  const composer = new NewThreadPage(page);
  await composer.open();
  const thread = { space: 'Product questions', title: `Before confirming ${member.handle}`, body: 'Written before the address was confirmed.' };
  await composer.fill(thread);
  await withSettings({ email_confirmation_required: true }, async () => {
    await composer.publishButton.click();
    await expect(page.locator('.form-alert')).toContainText('asks members to confirm their e-mail address before posting');
    await expectAccessible(page, 'with the confirm-your-address refusal');
    const resend = page.getByRole('button', { name: 'Send the link again' });
    await resend.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.form-alert').getByRole('status')).toHaveText('A new link is on its way. Open it, then send this again.');
  });
  // Nothing typed was lost, and a second link really went out.
  await expect(composer.title).toHaveValue(thread.title);
  await expect(composer.body).toHaveValue(thread.body);
  await expect.poll(() => mailTo(member.email).filter((mail) => mail.subject.includes('Confirm your e-mail address for')).length).toBe(2);
});

test.describe('in Russian', () => {
  test.use({ locale: 'ru-RU' });

  test('the settings page, the contrast refusal and a refused domain speak Russian', async ({ page, browser }) => {
    await signInInRussian(page, 'maria');
    const settings = new SettingsPage(page);
    await settings.open();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Настройки сообщества');
    await settings.accent.fill('#777777');
    await expect(settings.accentError).toHaveText(/^Белый текст на этом цвете плохо читается: контраст 4,4:1/);
    await expectAccessible(page, 'on the Russian settings page');

    const guest = await (await browser.newContext({ locale: 'ru-RU' })).newPage();
    const member = freshMember('rud');
    await guest.goto('/register');
    await guest.getByLabel('Ваше имя').fill(member.displayName);
    await guest.getByLabel('Имя пользователя').fill(member.handle);
    await guest.getByLabel('E-mail').fill(member.email);
    await guest.getByLabel('Пароль').fill(member.password);
    await guest.getByRole('checkbox').check();
    await withSettings({ join_policy: 'domains', allowed_email_domains: ['sever.example'] }, async () => {
      await guest.getByRole('button', { name: 'Вступить', exact: true }).click();
      await expect(guest.locator('#field-email-error')).toHaveText(/^Вступить можно только с адресом на доменах/);
    });
  });
});
