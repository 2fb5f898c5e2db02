import { type Browser, type Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { expectAccessible } from '../support/axe';
import { signIn } from '../support/sessions';

// Staff name spaces and idea categories in each language on /admin/names. Each browser project
// renames a category of its own and puts the words back (a run against one shared server has
// both at once on one database).

const CATEGORY: Record<string, { slug: string; english: string; russian: string }> = {
  desktop: { slug: 'administration', english: 'Administration', russian: 'Администрирование' },
  mobile: { slug: 'community', english: 'Community', russian: 'Сообщество' },
};

async function choose(page: Page, category: { slug: string; english: string }): Promise<void> {
  await expect(page.getByLabel('What to name').getByRole('option', { name: `Idea category: ${category.english}` })).toBeAttached();
  await page.getByLabel('What to name').selectOption(`category:${category.slug}`);
  await expect(page.getByLabel('Name in English')).toHaveValue(category.english);
}

async function russianReaderSees(browser: Browser, words: string): Promise<void> {
  const context = await browser.newContext({ locale: 'ru-RU' });
  try {
    const page = await context.newPage();
    await page.goto('/ideas');
    await expect(page.getByText(words, { exact: true }).first()).toBeAttached();
  } finally {
    await context.close();
  }
}

test('staff give an idea category its Russian words; Russian readers see them, the English stay', async ({ page, browser }, testInfo) => {
  const category = CATEGORY[testInfo.project.name] ?? CATEGORY.desktop;
  const renamed = `${category.russian} и права`;
  await signIn(page, 'maria');
  await page.goto('/admin/names');
  await expect(page.getByRole('heading', { level: 1, name: 'Names in each language' })).toBeVisible();
  await choose(page, category);
  await expect(page.getByLabel('Name in Russian')).toHaveValue(category.russian);
  await expectAccessible(page, 'on the names page');
  const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(fits, 'nothing scrolls sideways').toBe(true);

  // Without an English name nothing is sent: the problem is beside the field.
  await page.getByLabel('Name in English').fill(' ');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#field-en_name-error')).toHaveText('This field is required.');
  await page.getByLabel('Name in English').fill(category.english);

  try {
    await page.getByLabel('Name in Russian').fill(renamed);
    await page.getByLabel('Description in Russian').fill('Роли, права и настройки.');
    await page.getByLabel('Name in Russian').press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    await russianReaderSees(browser, renamed);
    await page.reload();
    await choose(page, category);
    await expect(page.getByLabel('Name in Russian')).toHaveValue(renamed);
    await expect(page.getByLabel('Description in Russian')).toHaveValue('Роли, права и настройки.');
  } finally {
    await page.getByLabel('Name in Russian').fill(category.russian);
    await page.getByLabel('Description in Russian').fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  }
});

test.describe('in Russian', () => {
  test.use({ locale: 'ru-RU' });

  test('the names page speaks Russian and refuses a hidden character beside the field', async ({ page }) => {
    await page.goto('/signin?next=%2Fadmin%2Fnames');
    await page.getByLabel('E-mail или имя пользователя').fill('maria');
    await page.getByLabel('Пароль', { exact: true }).fill('veche-demo');
    await page.getByRole('button', { name: 'Войти', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Названия на каждом языке' })).toBeVisible();
    // A category no other journey renames.
    await expect(page.getByLabel('Что назвать').getByRole('option', { name: 'Категория идей: Мобильные приложения' })).toBeAttached();
    await page.getByLabel('Что назвать').selectOption('category:mobile');
    await page.getByLabel('Название на русском').fill('Клубы\u202E');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect(page.locator('#field-ru_name-error')).toContainText('без управляющих, невидимых');
    await expectAccessible(page, 'on the Russian names page with an error');
  });
});
