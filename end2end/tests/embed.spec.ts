import { type Page } from '@playwright/test';
import { test as base, expect } from '../support/fixtures';
import { cspViolations, EmbeddedSurvey, NPS_QUESTION, snippets } from '../pages/embed';
import { expectFrameAccessible } from '../support/axe';
import { HostSite } from '../support/host';
import { DedicatedServer } from '../support/server';
import { StaffSurveys } from '../support/survey-api';

// A company's page on another site (localhost vs 127.0.0.1) with hostile CSS and a strict CSP
// embeds the NPS survey from Veche; every journey creates its own survey, so they run in parallel.
const test = base.extend<{ veche: string; staff: StaffSurveys }, { host: HostSite }>({
  host: [
    async ({}, use) => {
      const host = await HostSite.start();
      await use(host);
      await host.stop();
    },
    { scope: 'worker' },
  ],
  veche: async ({ baseURL }, use) => {
    await use(new URL(baseURL!).origin);
  },
  staff: async ({ veche }, use) => {
    const staff = await StaffSurveys.signIn(veche);
    await use(staff);
    await staff.dispose();
  },
});

const TEXTS = { promoter: 'What do you love about Acme?', detractor: 'What went wrong at Acme?' };

/** The addresses on `origin` the page requests from now on. */
function requestsTo(page: Page, origin: string): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(origin)) urls.push(request.url());
  });
  return urls;
}

test('a promoter answers with the keyboard alone; the answer reaches the results; a reload within the throttle loads only the loader', async ({ page, host, veche, staff }) => {
  const survey = await staff.create([host.origin], TEXTS);
  const refusals = cspViolations(page);
  const embed = new EmbeddedSurvey(page);
  await page.goto(host.page({ veche, snippet: snippets.script(veche, survey.id) }));

  const frame = await embed.frame();
  const box = await embed.box(frame);
  expect(box.width).toBeGreaterThanOrEqual(280);
  expect(box.height).toBeGreaterThanOrEqual(150);

  await embed.tabIntoScores(frame);
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await expect(embed.score(frame, 9)).toBeChecked();
  await expect(embed.score(frame, 9)).toBeFocused();
  await page.keyboard.press('Enter');

  const comment = frame.getByLabel(TEXTS.promoter);
  await expect(comment).toBeVisible();
  await expect(frame.getByText(TEXTS.detractor)).toHaveCount(0);
  await embed.tabTo(comment);
  await page.keyboard.type('The kettle boils fast.');
  await embed.tabTo(frame.getByRole('button', { name: 'Send' }));
  await page.keyboard.press('Space');

  await expect(frame.getByRole('heading', { name: 'Thank you for your feedback!' })).toBeVisible();
  await expect(frame.getByRole('link', { name: /Join the community/ })).toBeVisible();
  await expect
    .poll(async () => (await staff.responses(survey.id)).map((r) => [r.score, r.category, r.comment, r.source]))
    .toEqual([[9, 'promoter', 'The kettle boils fast.', host.origin]]);
  const results = await staff.results(survey.id);
  expect(results.tally).toEqual({ promoters: 1, passives: 0, detractors: 0 });
  expect(results.nps).toBe(100);

  await embed.tabTo(frame.getByRole('button', { name: 'Done' }));
  await embed.pressToClose('Enter');

  const requested = requestsTo(page, veche);
  await page.reload();
  await page.waitForLoadState('networkidle');
  expect(requested, 'within the throttle only the loader comes from Veche').toEqual([`${veche}/embed/nps.js`]);
  expect(embed.frames()).toEqual([]);
  expect(refusals).toEqual([]);
});

test('a detractor is asked another follow-up in a banner that fits the screen; the frame is accessible at each step', async ({ page, host, veche, staff }) => {
  const survey = await staff.create([host.origin], TEXTS);
  const embed = new EmbeddedSurvey(page);
  await page.goto(host.page({ veche, snippet: snippets.script(veche, survey.id, { mode: 'banner' }) }));

  const frame = await embed.frame();
  const viewport = page.viewportSize()!;
  const box = await embed.box(frame);
  expect(Math.round(box.width)).toBe(Math.min(viewport.width, 640));
  expect(Math.round(box.y + box.height)).toBe(viewport.height);
  const overflow = () => frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow(), 'nothing wider than the frame').toBe(0);
  await expectFrameAccessible(frame, 'at the question');

  await embed.score(frame, 3).check();
  await frame.getByRole('button', { name: 'Send' }).click();
  const comment = frame.getByLabel(TEXTS.detractor);
  await expect(comment).toBeVisible();
  await expect(frame.getByText(TEXTS.promoter)).toHaveCount(0);
  await expect(frame.getByRole('checkbox', { name: 'You may contact me about this' })).toBeVisible();
  expect(await overflow()).toBe(0);
  await expectFrameAccessible(frame, 'at the follow-up');

  await comment.fill('Delivery took three weeks.');
  await frame.getByRole('button', { name: 'Send' }).click();
  await expect(frame.getByRole('heading', { name: 'Thank you for your feedback!' })).toBeVisible();
  await expect(frame.getByText('We are sorry it was not better.')).toBeVisible();
  await expectFrameAccessible(frame, 'at the thank-you');
  await expect
    .poll(async () => (await staff.responses(survey.id)).map((r) => [r.score, r.category, r.comment]))
    .toEqual([[3, 'detractor', 'Delivery took three weeks.']]);
});

test('a modal takes the focus; Escape closes it, gives the focus back, and the dismissal is remembered', async ({ page, host, veche, staff }) => {
  const survey = await staff.create([host.origin]);
  const embed = new EmbeddedSurvey(page);
  await page.goto(host.page({ veche, snippet: snippets.script(veche, survey.id, { mode: 'modal', delay: '1' }) }));
  const search = page.getByRole('searchbox', { name: 'Search the shop' });
  await search.focus();

  const frame = await embed.frame();
  const viewport = page.viewportSize()!;
  // The backdrop covers the page: a corner of the viewport belongs to the embed too.
  expect(await page.evaluate(() => document.elementFromPoint(2, 2)?.localName)).toBe('veche-nps');
  const box = await embed.box(frame);
  expect(box.width).toBeLessThanOrEqual(Math.min(480, viewport.width - 32) + 1);
  await expect.poll(() => page.evaluate(() => document.activeElement?.localName), { message: 'the focus is in the modal' }).toBe('veche-nps');

  await embed.tabIntoScores(frame);
  await embed.pressToClose('Escape');
  await expect(search).toBeFocused();

  const requested = requestsTo(page, veche);
  await page.reload();
  await page.waitForLoadState('networkidle');
  expect(requested, 'dismissed: not asked again for 30 days').toEqual([`${veche}/embed/nps.js`]);
});

test('the custom element shows the survey at its place, in the page’s language', async ({ page, host, veche, staff }) => {
  const survey = await staff.create([host.origin]);
  const embed = new EmbeddedSurvey(page);
  await page.goto(host.page({ veche, lang: 'ru', snippet: snippets.element(veche, survey.id) }));
  const frame = await embed.frame('Насколько вероятно, что вы порекомендуете Acme другу или коллеге?');
  const box = await embed.box(frame);
  const above = await page.getByText('Kettles, teapots and cups since 1923.').boundingBox();
  const below = await page.getByText('Free delivery on orders over 50 euros.').boundingBox();
  expect(box.y).toBeGreaterThanOrEqual(above!.y + above!.height);
  expect(box.y + box.height).toBeLessThanOrEqual(below!.y);
});

test('the plain iframe snippet works without the loader', async ({ page, host, veche, staff }) => {
  const survey = await staff.create([host.origin]);
  const requested = requestsTo(page, veche);
  await page.goto(host.page({ veche, hostile: false, snippet: snippets.iframe(veche, survey.id) }));
  const frame = page.frameLocator('iframe[title="Survey"]');
  await expect(frame.getByRole('group', { name: NPS_QUESTION })).toBeVisible();
  await frame.getByRole('radio', { name: '7', exact: true }).check();
  await frame.getByRole('button', { name: 'Send' }).click();
  await expect(frame.getByLabel('What would make it a 10?')).toBeVisible();
  await frame.getByRole('button', { name: 'Skip' }).click();
  await expect(frame.getByRole('heading', { name: 'Thank you for your feedback!' })).toBeVisible();
  await expect.poll(async () => (await staff.responses(survey.id)).map((r) => [r.score, r.source])).toEqual([[7, host.origin]]);
  expect(requested.filter((url) => url.includes('/embed/nps.js'))).toEqual([]);
});

test('while Veche is down a modal does not cover the page, and an answer given then is delivered once when it is back', async ({ page, host }) => {
  test.setTimeout(120_000);
  const server = await DedicatedServer.create();
  try {
    await server.start();
    const veche = server.url;
    const staff = await StaffSurveys.signIn(veche);
    const survey = await staff.create([host.origin]);
    const embed = new EmbeddedSurvey(page);
    await page.goto(host.page({ veche, snippet: snippets.script(veche, survey.id, { mode: 'modal' }) }));
    await embed.frame();

    // The loader (from the browser's cache) still finds the survey due on its cached rules, but
    // the frame cannot load: nothing of it shows, and the page stays usable.
    await server.stop();
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.querySelector('veche-nps') !== null)).toBe(true);
    await page.getByRole('searchbox', { name: 'Search the shop' }).click({ timeout: 5_000 });
    expect(await page.evaluate(() => document.elementFromPoint(2, 2)?.localName)).not.toBe('veche-nps');

    await server.start();
    await page.reload();
    const frame = await embed.frame();
    await server.stop();
    await embed.score(frame, 8).check();
    await frame.getByRole('button', { name: 'Send' }).click();
    const comment = frame.getByLabel('What would make it a 10?');
    await comment.fill('Cheaper delivery.');
    await frame.getByRole('button', { name: 'Send' }).click();
    await expect(frame.getByRole('heading', { name: 'Thank you for your feedback!' })).toBeVisible();
    await page.reload();
    expect(embed.frames()).toEqual([]);

    await server.start();
    const back = requestsTo(page, veche);
    await page.reload();
    await expect
      .poll(async () => (await staff.responses(survey.id)).map((r) => [r.score, r.comment, r.source]))
      .toEqual([[8, 'Cheaper delivery.', host.origin]]);
    // The loader sent what the frame had kept, without loading the survey again.
    expect(back.filter((url) => url.includes('/embed/frame/'))).toEqual([]);

    const later = requestsTo(page, veche);
    await page.reload();
    await page.waitForLoadState('networkidle');
    expect(later, 'delivered: nothing left to send, and within the throttle').toEqual([`${veche}/embed/nps.js`]);
    expect((await staff.results(survey.id)).tally, 'delivered once').toEqual({ promoters: 0, passives: 1, detractors: 0 });
    await staff.dispose();
  } finally {
    await server.dispose();
  }
});
