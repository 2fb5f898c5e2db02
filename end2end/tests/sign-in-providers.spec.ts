import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from '../support/axe';

// Signing in with the organisation's account: scripts/test.sh runs a real OpenID Connect provider
// (end2end/support/oidc-provider.mjs, its button labelled "Corp account") beside the server. Each
// browser project signs in with accounts of its own, so the journeys never meet.

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
