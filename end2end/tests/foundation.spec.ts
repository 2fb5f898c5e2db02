import { expect, test } from '../support/fixtures';
import { AccountPage, RegisterPage, SignInPage } from '../pages/auth';
import { Shell } from '../pages/shell';
import { expectAccessible } from '../support/axe';
import { freshMember } from '../support/users';

test('join, sign out, sign in (after a wrong password), keep the session, switch to Russian, visit every section', async ({ page }) => {
  const member = freshMember('j');
  const shell = new Shell(page);

  const register = new RegisterPage(page);
  await register.open();
  await expectAccessible(page, 'on the join page');
  await register.join(member);
  await expect(page).toHaveURL(/\/$/);
  await shell.openMenuIfFolded();
  await expect(shell.accountButton(member.displayName)).toBeVisible();

  await shell.openAccountMenu(member.displayName);
  await shell.accountMenu.getByRole('link', { name: 'Your account' }).click();
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  await expect(page.getByText(`@${member.handle}`)).toBeVisible();
  await expectAccessible(page, 'on the account page');
  await new AccountPage(page).signOut();
  await expect(page).toHaveURL(/\/$/);
  await shell.openMenuIfFolded();
  await expect(shell.nav.getByRole('link', { name: 'Sign in' })).toBeVisible();

  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(member.handle, 'not my password');
  await expect(signIn.alert).toHaveText('Wrong e-mail, handle or password.');
  await expect(page.getByLabel('E-mail or handle')).toHaveValue(member.handle);
  await expectAccessible(page, 'with the sign-in error shown');
  await signIn.signIn(member.email, member.password);
  await expect(page).toHaveURL(/\/$/);

  await page.reload();
  await shell.openMenuIfFolded();
  await expect(shell.accountButton(member.displayName)).toBeVisible();

  await shell.chooseLanguage('Русский');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  // The app was rebuilt in Russian; the keyboard stays on the language choice.
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('language-header');
  await shell.openMenuIfFolded();
  await expect(shell.nav.getByRole('link', { name: 'Главная' })).toBeVisible();

  const sections: Array<[string, RegExp, RegExp]> = [
    ['Обсуждения', /\/threads$/, /Обсуждения/],
    ['Идеи', /\/ideas$/, /Идеи/],
    ['События', /\/events$/, /События/],
    ['Участники', /\/members$/, /Участники/],
    ['Главная', /\/$/, /Добро пожаловать/],
  ];
  for (const [link, url, heading] of sections) {
    await shell.follow(link);
    await expect(page).toHaveURL(url);
    await expect(page.getByRole('main')).toContainText(heading);
    await expectAccessible(page, `on ${link}`);
  }

  // The choice is remembered in this browser.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
});

test('the browser language decides before the member does @portable', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ru-RU' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText('Добро пожаловать в')).toBeVisible();
  await context.close();
});

test('join shows each problem beside its field and keeps what was typed', async ({ page }) => {
  const register = new RegisterPage(page);
  await register.open();
  await page.getByLabel('Handle').fill('anna');
  await page.getByLabel('Your name').fill('Anna Again');
  await page.getByLabel('E-mail').fill('anna@example.com');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Join', exact: true }).click();

  // The app's own check first: the password is too short, the rules are not accepted.
  await expect(page.locator('#field-password-error')).toHaveText('Use at least 8 characters.');
  await expect(page.locator('#field-accept_charter-error')).toContainText('accept the community rules');
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');

  // Then the server's: the handle and e-mail belong to a demo member.
  await page.getByLabel('Password').fill('long enough password');
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.locator('#field-handle-error')).toHaveText('This is already taken.');
  await expect(page.locator('#field-email-error')).toHaveText('This is already taken.');
  await expect(page.getByLabel('Your name')).toHaveValue('Anna Again');
  await expectAccessible(page, 'with field errors shown');
});

test('a signed-out member who opens their account page is sent to sign in and back', async ({ page }) => {
  await page.goto('/account');
  await expect(page).toHaveURL(/\/signin\?next=%2Faccount$/);
  await new SignInPage(page).signIn('anna', 'veche-demo');
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText('@anna')).toBeVisible();
});

test('when the API cannot be reached the app says so, and recovers on retry', async ({ page }) => {
  // The API refuses connections (as when it runs on another host that is down); the app's own
  // files still load.
  await page.route('**/api/v1/**', (route) => route.abort('connectionrefused'));
  await page.goto('/');
  const banner = page.getByRole('alert').filter({ hasText: 'The community server is not answering right now.' });
  await expect(banner).toBeVisible();
  await expect(page.getByText("We can't reach the community server")).toBeVisible();
  await expectAccessible(page, 'with the server unreachable');

  await page.unroute('**/api/v1/**');
  await banner.getByRole('button', { name: 'Try again' }).click();
  await expect(banner).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sever Software Community');
});

test('unknown addresses get a page that says so @portable', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the home page' })).toBeVisible();
  await expectAccessible(page, 'on the not-found page');
});
