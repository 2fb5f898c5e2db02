import { expect, serverTest, test } from '../support/fixtures';
import { appendFileSync, copyFileSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { OfflineApp } from '../pages/offline';
import { Shell } from '../pages/shell';
import { NewThreadPage, ThreadPage, ThreadsApi } from '../pages/threads';
import { expectAccessible } from '../support/axe';
import { builtApp } from '../support/server';
import { join } from '../support/sessions';

// The service worker is blocked in every other journey (playwright.config.ts).
test.use({ serviceWorkers: 'allow' });

const DEMO_THREAD = 'Rate limits on the reporting API?';

function unique(text: string): string {
  return `${text} [${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}]`;
}

test('a member reads the thread they saw without a network, and a reply written offline arrives once', async ({
  page,
  context,
}) => {
  await join(page, 'o');
  const offline = new OfflineApp(page);
  await offline.ready();
  const title = unique('Can the app work on the train?');
  const body = 'Our field engineers lose the network in lifts and warehouses.';
  const id = await new NewThreadPage(page).create({ space: 'Product questions', title, body });
  await offline.saved(`/threads/${id}`);

  // No network: the app still opens, and shows the thread as it was seen, saying so.
  await context.setOffline(true);
  await page.reload();
  const thread = new ThreadPage(page);
  await expect(thread.heading).toHaveText(title);
  await expect(thread.question).toContainText(body);
  await expect(offline.offlineNotice).toHaveText(/^Offline — showing what you saw at \d{1,2}:\d{2}/);
  await expectAccessible(page, 'reading a thread offline');

  // A reply written offline waits, and the header bar says so without opening the menu.
  const text = `Written in a lift (${Date.now().toString(36)}).`;
  await thread.replyBox.fill(text);
  await thread.postReplyButton.click();
  await expect(thread.pendingReply(text)).toContainText('Waiting for connection…');
  await expect(offline.waiting(1)).toBeVisible();

  // The network is back: the reply goes out by itself, once, and the notices go away.
  await context.setOffline(false);
  await expect(thread.reply(text)).toBeVisible({ timeout: 30_000 });
  await expect(offline.waiting(1)).toHaveCount(0);
  await expect(offline.offlineNotice).toHaveCount(0);
  const replies = await new ThreadsApi(page.request).lastReplies(id);
  expect(replies.filter((reply) => reply.body === text)).toHaveLength(1);
});

test('after signing out, nothing the member saw can be read offline', async ({ page, context }) => {
  const member = await join(page, 'o');
  const offline = new OfflineApp(page);
  await offline.ready();
  const id = await new ThreadsApi(page.request).threadIdByTitle(DEMO_THREAD);
  const thread = new ThreadPage(page);
  await thread.open(id);
  await offline.saved(`/threads/${id}`);
  expect((await offline.accountCaches()).some((name) => name !== 'veche-api-guest')).toBe(true);

  const shell = new Shell(page);
  await shell.openAccountMenu(member.displayName);
  await shell.accountMenu.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/$/);
  await shell.openMenuIfFolded();
  await expect(shell.nav.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect.poll(() => offline.accountCaches()).not.toContainEqual(expect.stringMatching(/^veche-api-m/));

  await context.setOffline(true);
  await page.goto(`/threads/${id}`);
  await expect(page.getByText("We can't reach the community server").first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: DEMO_THREAD })).toHaveCount(0);
});

test('Chromium offers to install the app', async ({ playwright, baseURL }, testInfo) => {
  // Incognito windows (Playwright's usual contexts) never install: a profile of its own.
  const context = await playwright.chromium.launchPersistentContext(testInfo.outputPath('profile'), {
    ...testInfo.project.use.launchOptions,
    baseURL,
    serviceWorkers: 'allow',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await new OfflineApp(page).ready();
    const devtools = await context.newCDPSession(page);
    const { installabilityErrors } = await devtools.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const { errors } = await devtools.send('Page.getAppManifest');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

/**
 * The built app as a directory of links to it, but for the worker, which is a copy a test can
 * change: a server of that directory "deploys" the next version when the copy changes.
 */
function deployable(dir: string): { dir: string; deployNextWorker: () => void } {
  const app = builtApp();
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(app)) {
    // The compressed copies of the worker would be served instead of the changed one.
    if (name.startsWith('sw.js')) continue;
    symlinkSync(path.join(app, name), path.join(dir, name));
  }
  const worker = path.join(dir, 'sw.js');
  copyFileSync(path.join(app, 'sw.js'), worker);
  return { dir, deployNextWorker: () => appendFileSync(worker, '\n// the next version\n') };
}

const deployTest = serverTest.extend<{ site: ReturnType<typeof deployable> }>({
  site: async ({}, use, testInfo) => {
    await use(deployable(testInfo.outputPath('site')));
  },
  staticDir: async ({ site }, use) => {
    await use(site.dir);
  },
});

deployTest.describe('in Russian', () => {
  deployTest.use({ locale: 'ru-RU', serviceWorkers: 'allow' });

  deployTest('a guest reads offline and is told of a new version', async ({ page, context, site }) => {
    await page.goto('/');
    const offline = new OfflineApp(page);
    await offline.ready();
    const id = await new ThreadsApi(page.request).threadIdByTitle(DEMO_THREAD);
    const thread = new ThreadPage(page);
    await thread.open(id);
    await offline.saved(`/threads/${id}`);
    await context.setOffline(true);
    await page.reload();
    await expect(thread.heading).toHaveText(DEMO_THREAD);
    await expect(offline.offlineNotice).toHaveText(/^Нет сети — показано то, что вы видели в \d{1,2}:\d{2}$/);
    await context.setOffline(false);
    await expect(offline.offlineNotice).toHaveCount(0);

    // The next version is deployed: its worker installs beside this one and waits.
    site.deployNextWorker();
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    await expect(offline.updateNotice).toContainText('Вышла новая версия');
    await expectAccessible(page, 'with the update notice');
    // This tab keeps its code until the member reloads it.
    await page.evaluate(() => ((window as unknown as { oldTab: boolean }).oldTab = true));
    await Promise.all([
      page.waitForEvent('load'),
      offline.updateNotice.getByRole('button', { name: 'Перезагрузить' }).click(),
    ]);
    expect(await page.evaluate(() => (window as unknown as { oldTab?: boolean }).oldTab)).toBeUndefined();
    await expect(thread.heading).toHaveText(DEMO_THREAD);
    await expect(offline.updateNotice).toHaveCount(0);
  });
});
