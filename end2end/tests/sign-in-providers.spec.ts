import { type Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { expectAccessible } from '../support/axe';
import { setUpTestProvider, TEST_PROVIDER } from '../support/provider';
import { signIn } from '../support/sessions';
import { DEMO_PASSWORD } from '../support/users';

// Signing in with the organisation's account: scripts/test.sh runs a real OpenID Connect provider
// (end2end/support/oidc-provider.mjs) beside the server, and staff set it up on /admin/sign-in,
// its button labelled "Corp account". Each browser project signs in with accounts of its own, so
// the journeys never meet.

test.beforeAll(async ({ backend }) => {
  await setUpTestProvider(backend.url);
});

/** The provider's accounts this project may use: [English, Russian, unconfirmed address]. */
function accounts(project: string): { english: string; russian: string } {
  return project === 'mobile' ? { english: 'kai', russian: 'yuri' } : { english: 'lin', russian: 'vera' };
}

/** At the provider's own sign-in page: signs in as `login`. */
async function signInAtProvider(page: Page, login: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Corp sign-in' })).toBeVisible();
  await page.getByLabel('Login').fill(login);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

test('a new member joins with the organisation account and lands where they were going', async ({ page }, testInfo) => {
  const login = accounts(testInfo.project.name).english;
  await page.goto('/account');
  await expect(page).toHaveURL(/\/signin\?next=%2Faccount/);
  const provider = page.getByRole('link', { name: 'Sign in with Corp account' });
  await expect(provider).toBeVisible();
  await expect(page.getByText('The first sign-in makes you a member of the community, under its charter.')).toBeVisible();
  // The password form stays for members who have one.
  await expect(page.getByLabel('E-mail or handle')).toBeVisible();
  await expectAccessible(page, 'on the sign-in page with a provider');

  // By keyboard: the provider's link is reachable and follows on Enter.
  await provider.focus();
  await page.keyboard.press('Enter');
  await signInAtProvider(page, login);

  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText(`${login}@corp.example`)).toBeVisible();
  await expect(page.getByText('Your address is confirmed.')).toBeVisible();
});

test.describe('in Russian', () => {
  test.use({ locale: 'ru-RU' });

  test('a Russian member joins with the organisation account; the interface speaks Russian', async ({ page }, testInfo) => {
    const login = accounts(testInfo.project.name).russian;
    await page.goto('/signin');
    await expect(page.getByRole('heading', { level: 1, name: 'Вход' })).toBeVisible();
    await expect(page.getByText('При первом входе вы становитесь участником сообщества и принимаете его устав.')).toBeVisible();
    await expect(page.getByText('или с паролем')).toBeVisible();
    await expectAccessible(page, 'on the Russian sign-in page with a provider');
    await page.getByRole('link', { name: 'Войти через Corp account' }).click();
    await signInAtProvider(page, login);
    await expect(page).toHaveURL(/\/$/);
    await page.goto('/account');
    await expect(page.getByText(`${login}@corp.example`)).toBeVisible();
    await expect(page.getByText('Адрес подтверждён.')).toBeVisible();
  });

  test('an address the provider has not confirmed is explained, and the password form is still there', async ({ page }) => {
    await page.goto('/signin?next=%2Fideas');
    await page.getByRole('link', { name: 'Войти через Corp account' }).click();
    await signInAtProvider(page, 'eve');
    await expect(page).toHaveURL(/\/signin\?sign_in_error=email_unverified&next=%2Fideas/);
    await expect(page.getByRole('alert').filter({ hasText: 'Учётная запись организации не подтвердила ваш адрес почты' })).toBeVisible();
    await expect(page.getByLabel('E-mail или имя пользователя')).toBeVisible();
    await expectAccessible(page, 'on the Russian sign-in page with an error');
  });
});

test('every reason a sign-in came back is explained in words, never a code', async ({ page }) => {
  const reasons: [string, string][] = [
    ['state_invalid', 'This sign-in was started in another browser or was already finished. Start again.'],
    ['expired', 'The sign-in took too long. Start again.'],
    ['cancelled', "You cancelled signing in with your organisation's account."],
    ['provider_refused', "Your organisation's sign-in service did not let you in."],
    ['provider_unavailable', "Your organisation's sign-in service cannot be reached right now."],
    ['email_unverified', "Your organisation's account has not confirmed your e-mail address"],
    ['email_missing', "Your organisation's account did not share an e-mail address."],
    ['something_new', 'Signing in did not work. Try again.'],
  ];
  for (const [code, words] of reasons) {
    await page.goto(`/signin?sign_in_error=${code}`);
    await expect(page.getByRole('alert').filter({ hasText: words })).toBeVisible();
    await expect(page.getByText(code, { exact: true })).toHaveCount(0);
  }
  await expectAccessible(page, 'with an unknown reason');
});

/** The fields of /admin/sign-in, by their labels. */
function settingsForm(page: Page) {
  return {
    providerOn: page.getByLabel("Members can sign in with the organisation's account"),
    issuer: page.getByLabel('Issuer URL'),
    clientSecret: page.getByLabel('Client secret'),
    passwords: page.getByLabel('Members may sign in and join with a password'),
    save: page.getByRole('button', { name: 'Save' }),
  };
}

test('staff set up the provider on /admin/sign-in: a wrong address and a lock-out are refused beside their fields', async ({ page, browser }) => {
  await signIn(page, 'maria');
  await page.goto('/admin/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'How members sign in' })).toBeVisible();
  const form = settingsForm(page);
  // What is saved is shown; the secret never is.
  await expect(form.providerOn).toBeChecked();
  await expect(form.issuer).toHaveValue(TEST_PROVIDER.issuer);
  await expect(page.getByText('A secret is saved. Leave the field empty to keep it.')).toBeVisible();
  await expect(form.clientSecret).toHaveValue('');
  await expect(page.getByText(/\/api\/v1\/auth\/oidc\/oidc\/callback$/)).toBeVisible();
  await expectAccessible(page, 'on the sign-in settings');
  const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(fits, 'nothing scrolls sideways').toBe(true);

  // An address no provider answers at: the server says so beside the field; nothing changes.
  await form.issuer.fill('http://127.0.0.1:9/nothing');
  await form.save.click();
  await expect(page.locator('#field-issuer-error')).toHaveText('No OpenID Connect provider answered at this address. Check the issuer URL.');
  await expect(form.issuer).toBeFocused();
  // A plain-http address elsewhere is refused before it is sent.
  await form.issuer.fill('http://login.example.com');
  await form.save.click();
  await expect(page.locator('#field-issuer-error')).toHaveText('Enter an address that starts with https://.');

  // The real one again, by keyboard: saved.
  await form.issuer.fill(TEST_PROVIDER.issuer);
  await form.issuer.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Saved. The next sign-in uses these settings.' })).toBeVisible();

  // Passwords off before Maria has ever signed in through the provider: she would lock herself out.
  await form.passwords.uncheck();
  await expect(page.getByText('Without passwords the provider is the only way in')).toBeVisible();
  await form.save.click();
  await expect(page.locator('#field-password-error')).toHaveText(
    'Sign in through the provider once yourself before you switch passwords off, so you are not locked out.',
  );
  await page.reload();
  await expect(settingsForm(page).passwords).toBeChecked();

  // Members see the button at once, without a rebuild or a restart.
  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  await guestPage.goto('/signin');
  await expect(guestPage.getByRole('link', { name: `Sign in with ${TEST_PROVIDER.label}` })).toBeVisible();
  await guest.close();
});

test('a member opening /admin/sign-in is told it is for staff', async ({ page }) => {
  await signIn(page, 'anna');
  await page.goto('/admin/sign-in');
  await expect(page.getByRole('heading', { name: 'How members sign in' })).toHaveCount(0);
  await expect(page.getByLabel('Issuer URL')).toHaveCount(0);
});

test.describe('staff, in Russian', () => {
  test.use({ locale: 'ru-RU' });

  test('the sign-in settings speak Russian, their errors too', async ({ page }) => {
    await page.goto('/signin?next=%2Fadmin%2Fsign-in');
    await page.getByLabel('E-mail или имя пользователя').fill('maria');
    await page.getByLabel('Пароль', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Войти', exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/sign-in$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Как участники входят' })).toBeVisible();
    await expect(page.getByText('Секрет сохранён. Оставьте поле пустым, чтобы не менять его.')).toBeVisible();
    const issuer = page.getByLabel('Адрес издателя (issuer URL)');
    await issuer.fill('ftp://login.example.com');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect(page.locator('#field-issuer-error')).toHaveText('Введите адрес, который начинается с https://.');
    await expectAccessible(page, 'on the Russian sign-in settings with an error');
    const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(fits, 'nothing scrolls sideways').toBe(true);
  });
});
