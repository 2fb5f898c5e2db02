import { type Browser, type Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { ForgotPasswordPage, ResetPasswordPage, SecurityPage } from '../pages/account';
import { RegisterPage, SignInPage } from '../pages/auth';
import { expectAccessible } from '../support/axe';
import { linkIn, mailTo, waitForMail } from '../support/mail';
import { freshMember } from '../support/users';

// Every mail here went through the real SMTP server scripts/test.sh starts (VECHE_MAILDIR).

async function join(page: Page, member: ReturnType<typeof freshMember>): Promise<void> {
  const register = new RegisterPage(page);
  await register.open();
  await register.join(member);
  await expect(page).toHaveURL(/\/$/);
}

/** A second browser (its own cookies), signed in as `member`. */
async function elsewhere(browser: Browser, login: string, password: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(login, password);
  await expect(page).toHaveURL(/\/$/);
  return page;
}

test('a new member confirms the address with the link mailed to it; the link works once', async ({ page }) => {
  const member = freshMember('v');
  await join(page, member);
  await page.goto('/account');
  await expect(page.getByText('Your address is not confirmed yet.')).toBeVisible();

  const mail = await waitForMail(member.email, 'Confirm your e-mail address for');
  const link = linkIn(mail, '/account/confirm-email?token=');
  await page.goto(link);
  await expect(page.getByRole('status').filter({ hasText: `${member.email} is confirmed. Thank you!` })).toBeVisible();
  await expectAccessible(page, 'on the confirmation page');
  await page.getByRole('link', { name: 'Go to your account' }).click();
  await expect(page.getByText('Your address is confirmed.')).toBeVisible();

  await page.goto(link);
  await expect(page.getByRole('alert').filter({ hasText: 'This link was already used.' })).toBeVisible();
  await expect(page.getByText('Sign in and send a new link from your account page.')).toBeVisible();
  await page.goto('/account/confirm-email?token=forged');
  await expect(page.getByRole('alert').filter({ hasText: 'This link is not valid.' })).toBeVisible();
});

test('forgot password: the same answer for any address, a link that signs in here and out elsewhere, once', async ({ page, browser }) => {
  const member = freshMember('f');
  await join(page, member);

  const guest = await (await browser.newContext()).newPage();
  const signIn = new SignInPage(guest);
  await signIn.open();
  await guest.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(guest.getByRole('heading', { level: 1, name: 'Forgot your password?' })).toBeVisible();
  await expectAccessible(guest, 'on the forgot-password page');
  const forgot = new ForgotPasswordPage(guest);
  await forgot.ask('not-an-address');
  await expect(guest.getByText('Enter an e-mail address like name@example.com.')).toBeVisible();
  await forgot.ask(`nobody-${member.handle}@example.org`);
  await expect(forgot.sent).toBeVisible();
  const answerForNobody = await forgot.sent.textContent();

  await guest.goto('/account/forgot-password');
  await forgot.ask(member.email);
  await expect(forgot.sent).toBeVisible();
  expect(await forgot.sent.textContent()).toBe(answerForNobody);

  const mail = await waitForMail(member.email, 'Choose a new password for');
  const link = linkIn(mail, '/account/reset-password?token=');
  await guest.goto(link);
  const reset = new ResetPasswordPage(guest);
  await reset.setPassword('short');
  await expect(guest.getByText('Use at least 8 characters.')).toBeVisible();
  await reset.setPassword('a brand new secret');
  await expect(guest.getByRole('status').filter({ hasText: 'Your password is changed.' })).toBeVisible();

  // The first browser was signed out: its account page sends it to sign in.
  await page.goto('/account');
  await expect(page).toHaveURL(/\/signin/);

  await guest.goto(link);
  await reset.setPassword('yet another secret');
  await expect(guest.getByRole('alert').filter({ hasText: 'This link was already used.' })).toBeVisible();
  await guest.getByRole('link', { name: 'Ask for a new link' }).click();
  await expect(guest).toHaveURL(/\/account\/forgot-password$/);

  await signIn.open();
  await signIn.signIn(member.handle, 'a brand new secret');
  await expect(guest).toHaveURL(/\/$/);
});

test('change the password (the current one asked), the address (confirmed at the new one), and sign out everywhere else', async ({ page, browser }) => {
  const member = freshMember('c');
  await join(page, member);
  const other = await elsewhere(browser, member.handle, member.password);

  const security = new SecurityPage(page);
  await security.open();
  await expect(security.sessions).toHaveCount(2);
  await expect(security.sessions.filter({ hasText: 'This device' })).toHaveCount(1);
  await expectAccessible(page, 'on the security page');

  await security.changePassword('not my password', 'a brand new secret');
  await expect(security.passwordForm.getByText('This is not your current password.')).toBeVisible();
  await security.changePassword(member.password, 'a brand new secret');
  await expect(security.passwordForm.getByRole('status').filter({ hasText: 'Your password is changed.' })).toBeVisible();
  await expect(security.sessions).toHaveCount(1);
  await other.goto('/account');
  await expect(other).toHaveURL(/\/signin/);

  const newAddress = `new-${member.email}`;
  await security.changeEmail(newAddress, 'a brand new secret');
  await expect(security.emailForm.getByRole('status').filter({ hasText: 'We mailed a link to the new address' })).toBeVisible();
  const notice = await waitForMail(member.email, 'is being changed');
  expect(notice.text).toContain(newAddress);
  const confirm = await waitForMail(newAddress, 'Confirm your new e-mail address');
  await page.goto(linkIn(confirm, '/account/confirm-email?token='));
  await expect(page.getByRole('status').filter({ hasText: `${newAddress} is confirmed.` })).toBeVisible();
  await page.goto('/account');
  await expect(page.getByText(newAddress, { exact: true })).toBeVisible();

  const third = await elsewhere(browser, newAddress, 'a brand new secret');
  await security.open();
  await expect(security.sessions).toHaveCount(2);
  await page.getByRole('button', { name: 'Sign out everywhere else' }).click();
  await expect(page.getByText('You are signed out everywhere else.')).toBeVisible();
  await expect(security.sessions).toHaveCount(1);
  await third.goto('/account');
  await expect(third).toHaveURL(/\/signin/);
});

test.describe('in Russian', () => {
  test.use({ locale: 'ru-RU' });

  test('the confirmation mail and the pages are in Russian, and a link cut short says what to do', async ({ page }) => {
    const member = freshMember('r');
    await page.goto('/register');
    await page.getByLabel('Ваше имя').fill(member.displayName);
    await page.getByLabel('Имя пользователя').fill(member.handle);
    await page.getByLabel('E-mail').fill(member.email);
    await page.getByLabel('Пароль').fill(member.password);
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Вступить', exact: true }).click();
    await expect(page).toHaveURL(/\/$/);

    const mail = await waitForMail(member.email, 'Подтвердите адрес почты в сообществе');
    expect(mail.text).toContain(`Здравствуйте, ${member.displayName}!`);
    expect(mail.html).toContain('lang="ru"');
    await page.goto(linkIn(mail, '/account/confirm-email?token='));
    await expect(page.getByRole('status').filter({ hasText: `${member.email} подтверждён. Спасибо!` })).toBeVisible();

    await page.goto('/account/reset-password');
    await page.getByLabel('Новый пароль').fill('a brand new secret');
    await page.getByRole('button', { name: 'Сохранить новый пароль' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Ссылка недействительна.' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Запросить новую ссылку' })).toBeVisible();
    expect(mailTo(member.email)).toHaveLength(1);
  });
});
