import { expect, test } from '../support/fixtures';
import { CharterApi, CharterPage } from '../pages/charter';
import { expectAccessible } from '../support/axe';
import { DedicatedServer } from '../support/server';
import { signIn } from '../support/sessions';

test('a guest finds the rules from any page, reads what each role does, and is invited to join', async ({ page }) => {
  await page.goto('/ideas');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Community rules' }).click();
  const charter = new CharterPage(page);
  await expect(charter.heading).toHaveText('Community rules');
  await expect(charter.rules.getByRole('heading', { name: 'How we talk to each other' })).toBeVisible();
  await expect(charter.rules.getByText('Every request gets attention.')).toBeVisible();
  await expect(charter.roles.getByRole('term')).toHaveText(['President', 'Mentor', 'Partner', 'Hero', 'Catalyst', 'Scout', 'Supporter']);
  await expect(charter.duty('Mentor')).toContainText('take newcomers under their wing');
  await expect(charter.editButton).toHaveCount(0);
  await expectAccessible(page, 'on the charter');
  await page.getByRole('link', { name: 'Join the community' }).click();
  await expect(page).toHaveURL(/\/register$/);
  // Registering means accepting the rules, and the form links to them.
  await expect(page.getByRole('main').getByRole('link', { name: 'community rules', exact: true })).toHaveAttribute('href', '/charter');
});

test.describe('in Russian', () => {
  test.use({ locale: 'ru-RU' });

  test('a Russian reader gets the Russian rules and role names', async ({ page }) => {
    const charter = new CharterPage(page);
    await charter.open();
    await expect(charter.heading).toHaveText('Правила сообщества');
    await expect(charter.rules.getByText('На каждое обращение отвечают.')).toBeVisible();
    await expect(charter.duty('Наставник')).toContainText('берут новичков под опеку');
  });
});

test('staff edit the rules in place: errors beside the field, the draft survives a reload, a change made meanwhile by someone else is not overwritten', async ({ browser }) => {
  // The charter is one document for the whole community: this journey changes it on a server of its own.
  test.setTimeout(120_000);
  const server = await DedicatedServer.create();
  await server.start();
  const context = await browser.newContext({ baseURL: server.url });
  try {
    const page = await context.newPage();
    await signIn(page, 'elena');
    const charter = new CharterPage(page);
    await charter.open();
    await charter.editButton.click();
    await expect(charter.heading).toHaveText('Edit the community rules');

    // Both languages' rules emptied: the error is shown beside the English rules.
    await charter.rulesField('English').fill('');
    await charter.rulesField('Russian').fill('');
    await charter.save.click();
    await expect(charter.rulesField('English')).toHaveAttribute('aria-invalid', 'true');
    await expect(charter.language('English').getByText('This field is required.')).toBeVisible();
    await expect(charter.rulesField('English')).toBeFocused();

    // What was typed survives a reload.
    await charter.rulesField('English').fill('## Be kind\n\nNo spam, no insults.');
    await charter.rulesField('Russian').fill('## Будьте вежливы\n\nБез спама и оскорблений.');
    await charter.dutyField('English', 'Scout').fill('');
    await page.reload();
    await charter.editButton.click();
    await expect(charter.rulesField('English')).toHaveValue('## Be kind\n\nNo spam, no insults.');
    await expect(charter.dutyField('English', 'Scout')).toHaveValue('');
    await expectAccessible(page, 'in the charter editor');

    // Saved: the reader's view shows the new rules, without the role left empty.
    await charter.save.click();
    await expect(charter.status).toHaveText('The rules are saved.');
    await expect(charter.rules.getByRole('heading', { name: 'Be kind' })).toBeVisible();
    await expect(charter.roles.getByRole('term')).toHaveText(['President', 'Mentor', 'Partner', 'Hero', 'Catalyst', 'Supporter']);

    // Another editor saves while Elena is editing: her save is refused, her text kept.
    await charter.editButton.click();
    await charter.rulesField('English').fill('## Be kind\n\nElena’s version.');
    await CharterApi.edit(server.url, 'maria', (c) => (c.en.rules = '## Be kind\n\nMaria’s version.'));
    await charter.save.click();
    await expect(page.getByRole('alert').filter({ hasText: 'Someone changed the rules after you started editing' })).toBeVisible();
    await expect(charter.rulesField('English')).toHaveValue('## Be kind\n\nElena’s version.');
    await page.getByRole('button', { name: 'Load the current rules' }).click();
    await expect(charter.rulesField('English')).toHaveValue('## Be kind\n\nMaria’s version.');
  } finally {
    await context.close();
    await server.stop();
  }
});

test("staff give a role the community's own name in Russian: Russian readers see it, English readers the standard name", async ({ browser }) => {
  test.setTimeout(120_000);
  const server = await DedicatedServer.create();
  await server.start();
  const staff = await browser.newContext({ baseURL: server.url });
  const russian = await browser.newContext({ baseURL: server.url, locale: 'ru-RU' });
  try {
    const page = await staff.newPage();
    await signIn(page, 'elena');
    const charter = new CharterPage(page);
    await charter.open();
    await charter.editButton.click();
    // Each language's name field says which role and which language it is for.
    const heroName = charter.language('Russian').getByRole('textbox', { name: 'Hero — its name in Russian', exact: true });
    await expect(charter.language('English').getByRole('textbox', { name: 'Hero — its name in English', exact: true })).toHaveValue('');
    await heroName.fill('Герой клуба');
    await expectAccessible(page, 'in the charter editor with role names');
    await charter.save.click();
    await expect(charter.status).toHaveText('The rules are saved.');
    await expect(charter.roles.getByRole('term')).toHaveText(['President', 'Mentor', 'Partner', 'Hero', 'Catalyst', 'Scout', 'Supporter']);

    const reader = await russian.newPage();
    const russianCharter = new CharterPage(reader);
    await russianCharter.open();
    await expect(russianCharter.duty('Герой клуба')).toBeVisible();
    await expect(russianCharter.roles.getByRole('term').filter({ hasText: /^Герой$/ })).toHaveCount(0);
    await expect(russianCharter.duty('Наставник')).toBeVisible();
  } finally {
    await staff.close();
    await russian.close();
    await server.stop();
  }
});
