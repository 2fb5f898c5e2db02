import { type Page } from '@playwright/test';
import { expect, serverTest, test } from '../support/fixtures';
import { Shell } from '../pages/shell';
import { NewThreadPage, ThreadPage, ThreadsApi, ThreadsListPage } from '../pages/threads';
import { expectAccessible } from '../support/axe';
import { join, otherMember, signIn } from '../support/sessions';

const MEGATHREAD = 'Release 5.0 megathread: questions and first impressions';
const QUIET_DEMO_THREAD = 'Rate limits on the reporting API?';

/** A title no other journey (or earlier run) has used. */
function uniqueTitle(text: string): string {
  return `${text} [${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}]`;
}

function waitingStatus(page: Page) {
  return page.getByRole('status').filter({ hasText: '1 waiting to be sent' });
}

test('a member starts a thread, replies, quotes, edits, gives and takes back kudos, and accepts an answer', async ({
  page,
  browser,
}) => {
  // Two members, three reloads and four accessibility checks: more than a minute on a busy machine.
  test.slow();
  await join(page, 't');
  const list = new ThreadsListPage(page);
  await list.open();
  await expectAccessible(page, 'on the thread list');
  await list.startThread();

  const composer = new NewThreadPage(page);
  const title = uniqueTitle('How do I send a report every Monday morning?');
  await composer.fill({
    space: 'Product questions',
    title,
    body: 'Our managers want the **sales report** in their mail every Monday at 9:00.',
  });
  await expectAccessible(page, 'on the new thread page');
  const id = await composer.publish(title);

  const thread = new ThreadPage(page);
  await expect(thread.question).toContainText('Our managers want the sales report in their mail every Monday at 9:00.');
  await expect(thread.question.getByText('sales report', { exact: true })).toHaveCSS('font-weight', '700');
  await expect(thread.repliesRegion).toContainText('No replies yet.');
  await expectAccessible(page, 'on the new thread');

  const firstText = 'We run version 5.0 on our own servers.';
  const ownReply = await thread.pin(await thread.postReply(firstText));
  await expect(thread.replyBox).toHaveValue('');
  await expect(thread.repliesRegion.getByRole('heading', { name: 'Replies (1)' })).toBeVisible();
  // Nobody gives kudos to themselves.
  await expect(thread.kudos(ownReply)).toHaveCount(0);

  // Another member answers, from their own browser.
  const answerText = 'Open Reports → Schedules → New schedule and choose "Weekly, Monday 09:00".';
  const james = await otherMember(browser, 'james');
  const jamesThread = new ThreadPage(james.page);
  await jamesThread.open(id);
  await jamesThread.postReply(answerText);
  await james.close();

  await page.reload();
  const answer = await thread.pin(thread.reply(answerText));
  await expect(answer).toContainText('James Carter');

  // Quote the answer in a new reply.
  await thread.quote(answer);
  await expect(thread.quoting).toHaveText('Quoting James Carter');
  await expect(thread.replyBox).toBeFocused();
  const followUp = await thread.postReply('Thanks! Can the schedule send a PDF too?');
  await expect(followUp.getByRole('blockquote')).toContainText('Open Reports → Schedules → New schedule');
  await expect(followUp.getByRole('blockquote').getByRole('link', { name: 'James Carter' })).toBeVisible();
  await expect(thread.quoting).toHaveCount(0);

  // Edit the first reply: the new text shows, marked as edited.
  await thread.edit(ownReply, 'We run version 5.0.2 in the cloud now.');
  await expect(thread.reply(firstText)).toHaveCount(0);
  await expect(ownReply).toContainText('We run version 5.0.2 in the cloud now.');
  await expect(ownReply.getByText('edited', { exact: true })).toBeVisible();
  await expect(followUp.getByText('edited', { exact: true })).toHaveCount(0);

  // Kudos for James's answer: the count goes up, stays up after a reload, and comes back down.
  const kudos = thread.kudos(answer);
  await expect(kudos).toHaveAccessibleName('Give kudos: 0');
  await expect(kudos).toHaveAttribute('aria-pressed', 'false');
  // A reload keeps what the server has: each reload waits for the server's answer to the click
  // (the count changes at once, before the answer; a loaded machine may answer later).
  const kudosSaved = (method: string) =>
    page.waitForResponse((r) => r.url().endsWith('/kudos') && r.request().method() === method && r.ok());
  let saved = kudosSaved('PUT');
  await kudos.click();
  await expect(kudos).toHaveAccessibleName('Take back kudos: 1');
  await expect(kudos).toHaveAttribute('aria-pressed', 'true');
  await saved;
  await page.reload();
  await expect(kudos).toHaveAccessibleName('Take back kudos: 1');
  saved = kudosSaved('DELETE');
  await kudos.click();
  await expect(kudos).toHaveAccessibleName('Give kudos: 0');
  await expect(kudos).toHaveAttribute('aria-pressed', 'false');
  await saved;
  await page.reload();
  await expect(kudos).toHaveAccessibleName('Give kudos: 0');

  // Accept James's answer: the thread is solved and the answer shows under the question.
  await expect(thread.badge('Solved')).toHaveCount(0);
  await expect(thread.acceptedAnswer).toHaveCount(0);
  await thread.accept(answer);
  await expect(thread.badge('Solved')).toBeVisible();
  await expect(thread.acceptedAnswer).toContainText(answerText);
  await expect(answer.getByText('Accepted answer')).toBeVisible();
  const question = await thread.question.boundingBox();
  const accepted = await thread.acceptedAnswer.boundingBox();
  const replies = await thread.repliesRegion.boundingBox();
  expect(accepted!.y).toBeGreaterThanOrEqual(question!.y + question!.height);
  expect(accepted!.y + accepted!.height).toBeLessThanOrEqual(replies!.y);
  await expectAccessible(page, 'on a solved thread');

  await page.reload();
  await expect(thread.badge('Solved')).toBeVisible();
  await expect(thread.acceptedAnswer).toContainText(answerText);
  await list.open();
  await expect(list.badge(title, 'Solved')).toBeVisible();
  await expect(list.row(title)).toContainText('3 replies');
});

test('a reply being typed, and a new thread, survive a reload', async ({ page }) => {
  await signIn(page, 'olga');
  const id = await new ThreadsApi(page.request).threadIdByTitle(QUIET_DEMO_THREAD);
  const thread = new ThreadPage(page);
  await thread.open(id);
  const text = 'We sync every night with about 200 requests; so far no 429 answers.';
  await thread.replyBox.fill(text);
  await page.reload();
  await expect(thread.heading).toHaveText(QUIET_DEMO_THREAD);
  await expect(thread.replyBox).toHaveValue(text);
  await expectAccessible(page, 'with a draft reply');

  // Other threads have their own reply boxes.
  const otherId = await new ThreadsApi(page.request).threadIdByTitle('Kazan user group: ideas for the spring meetup');
  await thread.open(otherId);
  await expect(thread.replyBox).toHaveValue('');
  await thread.open(id);
  await expect(thread.replyBox).toHaveValue(text);

  const composer = new NewThreadPage(page);
  await composer.open();
  await composer.fill({ space: 'Regional clubs', title: 'Meetup in Samara?', body: 'Anyone near Samara interested in a meetup' });
  await page.reload();
  await expect(composer.title).toHaveValue('Meetup in Samara?');
  await expect(composer.body).toHaveValue('Anyone near Samara interested in a meetup');
  await expect(composer.space).toHaveValue('regional-clubs');
  await expectAccessible(page, 'with a draft thread');
});

serverTest(
  'a reply sent while the server is down waits, survives a reload, and arrives exactly once',
  async ({ page, server }) => {
    serverTest.setTimeout(120_000);
    await signIn(page, 'pavel');
    const api = new ThreadsApi(page.request);
    const id = await api.threadIdByTitle(QUIET_DEMO_THREAD);
    const before = (await api.thread(id)).reply_count;
    const thread = new ThreadPage(page);
    const shell = new Shell(page);
    await thread.open(id);

    const text = `Sent while offline (${Date.now().toString(36)}): we see 120 requests a minute per token.`;
    await thread.replyBox.fill(text);
    await server.stop();
    await thread.postReplyButton.click();
    await expect(thread.pendingReply(text)).toContainText('Waiting for connection…');
    await expect(thread.replyBox).toHaveValue('');
    await shell.openMenuIfFolded();
    await expect(waitingStatus(page)).toBeVisible();
    await expectAccessible(page, 'with a reply waiting for the connection');

    // The server is back, but this browser still cannot reach the API (as when the API runs on
    // another host that is still down): the app's own files load, the reply keeps waiting.
    await page.route('**/api/v1/**', (route) => route.abort('connectionrefused'));
    await server.start();
    await page.reload();
    await shell.openMenuIfFolded();
    await expect(waitingStatus(page)).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem('veche.outbox'))).toContain(text);

    // The connection is back: the reply goes out by itself and shows where it landed.
    await page.unroute('**/api/v1/**');
    await expect(thread.reply(text)).toBeVisible({ timeout: 30_000 });
    await expect(thread.reply(text).getByText('Pavel Lebedev')).toBeVisible();
    await expect(thread.pendingReply(text)).toHaveCount(0);
    await shell.openMenuIfFolded();
    await expect(waitingStatus(page)).toHaveCount(0);
    expect((await api.thread(id)).reply_count).toBe(before + 1);
    expect((await api.lastReplies(id)).filter((reply) => reply.body === text)).toHaveLength(1);

    // The server takes a reply but its answer is lost on the way back: the app sends it again
    // with the same Idempotency-Key, and the server counts it once.
    const lost = `Answer lost on the way back (${Date.now().toString(36)}).`;
    let attempts = 0;
    await page.route('**/api/v1/threads/*/replies', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      attempts += 1;
      if (attempts === 1) {
        await route.fetch();
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    await thread.replyBox.fill(lost);
    await thread.postReplyButton.click();
    await expect(thread.reply(lost)).toBeVisible({ timeout: 30_000 });
    expect(attempts).toBeGreaterThanOrEqual(2);
    await page.reload();
    await expect(thread.reply(lost)).toHaveCount(1);
    expect((await api.thread(id)).reply_count).toBe(before + 2);
    expect((await api.lastReplies(id)).filter((reply) => reply.body === lost)).toHaveLength(1);
    await expectAccessible(page, 'after the waiting replies arrived');
  },
);

test('HTML and javascript: links in posts are shown as text and never run', async ({ page }) => {
  await join(page, 't');
  const composer = new NewThreadPage(page);
  await composer.open();
  const html = '<img src=x onerror="window.__xss=1">';
  const body = `Pasted from our wiki: ${html} and [click](javascript:window.__xss=1) here.`;
  const shown = `Pasted from our wiki: ${html} and click here.`;
  const title = uniqueTitle('Why is <b>this</b> not bold?');
  await composer.fill({ space: 'Integrations & API', title, body });

  const preview = await composer.preview();
  await expect(preview).toContainText(html);
  await expect(preview.locator('img')).toHaveCount(0);
  await expectAccessible(page, 'with an unsafe post previewed');
  const id = await composer.publish(title);

  const thread = new ThreadPage(page);
  await expect(thread.heading).toHaveText(title);
  await thread.replyBox.fill(`Same in a reply: ${html} and [click](javascript:window.__xss=1) here.`);
  await thread.postReplyButton.click();
  await expect(thread.reply('Same in a reply')).toBeVisible();

  await expect(thread.question.getByText(shown)).toBeVisible();
  await expect(thread.reply('Same in a reply').getByText(`Same in a reply: ${html} and click here.`)).toBeVisible();
  const address = page.url();
  expect(address).toContain(`/threads/${id}`);
  for (const post of [thread.question, thread.reply('Same in a reply')]) {
    await expect(post.locator('img[src="x"]')).toHaveCount(0);
    // "click" stays plain text: no link to follow, and clicking it runs nothing.
    await expect(post.getByRole('link', { name: 'click' })).toHaveCount(0);
    await post.getByText(/and click here\.$/).click();
  }
  expect(page.url()).toBe(address);
  const hrefs = await page.locator('[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  expect(hrefs.filter((href) => /^\s*javascript:/i.test(href))).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  await expectAccessible(page, 'on a thread with unsafe text');

  // The list shows the same text, as text.
  const list = new ThreadsListPage(page);
  await list.open();
  await expect(list.row(title)).toContainText(html);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
});

test('the 1,200-reply thread opens a page at a time, and a link to reply 1190 opens its page', async ({ page }) => {
  // Pages of 50 posts, each checked for accessibility.
  test.slow();
  const api = new ThreadsApi(page.request);
  const id = await api.threadIdByTitle(MEGATHREAD);
  const list = new ThreadsListPage(page);
  await list.open();
  await expect(list.badge(MEGATHREAD, 'Pinned')).toBeVisible();
  await expect(list.row(MEGATHREAD)).toContainText('1,200 replies');
  await list.openThread(MEGATHREAD);

  const thread = new ThreadPage(page);
  await expect(thread.badge('Pinned')).toBeVisible();
  await expect(thread.range).toHaveText('Replies 1–50 of 1,200');
  await expect(thread.replies).toHaveCount(50);
  await expect(thread.replies.first()).toContainText('Reply 1 of the release thread.');
  await expect(thread.replies.last()).toContainText('Reply 50 of the release thread.');
  await expectAccessible(page, 'on the 1,200-reply thread');

  await thread.goToPage('Later replies');
  await expect(page).toHaveURL(/[?&]page=p51/);
  await expect(thread.range).toHaveText('Replies 51–100 of 1,200');
  await expect(thread.replies.first()).toContainText('Reply 51 of the release thread.');
  await expect(thread.replies).toHaveCount(50);

  await thread.goToPage('Latest replies');
  await expect(thread.range).toHaveText('Replies 1,151–1,200 of 1,200');
  await expect(thread.replies.last()).toContainText('Reply 1200 of the release thread.');
  await thread.goToPage('Earlier replies');
  await expect(thread.range).toHaveText('Replies 1,101–1,150 of 1,200');
  await page.goBack();
  await expect(thread.range).toHaveText('Replies 1,151–1,200 of 1,200');
  await thread.goToPage('First replies');
  await expect(thread.range).toHaveText('Replies 1–50 of 1,200');
  await expectAccessible(page, 'on a later page of replies');

  const target = (await api.replies(id, 1151)).find((reply) => reply.position === 1190);
  expect(target, 'reply number 1190').toBeTruthy();
  await page.goto(`/threads/${id}#reply-${target!.id}`);
  await expect(thread.range).toHaveText('Replies 1,151–1,200 of 1,200');
  const linked = thread.reply('Reply 1190 of the release thread.');
  await expect(linked).toHaveCount(1);
  await expect(linked).toBeInViewport();
  await expect(linked.getByRole('article')).toBeFocused();
  await expectAccessible(page, 'on a linked reply');
});

test('a moderator locks a thread: members see the notice and no reply box', async ({ page, browser }) => {
  await join(page, 't');
  const title = uniqueTitle('Kazan meetup: a room for 40 people?');
  const id = await new NewThreadPage(page).create({
    space: 'Regional clubs',
    title,
    body: 'Does anyone know a room in Kazan for about 40 people?',
  });
  const thread = new ThreadPage(page);
  await expect(thread.replyBox).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lock', exact: true })).toHaveCount(0);

  const oleg = await otherMember(browser, 'oleg');
  const moderatorView = new ThreadPage(oleg.page);
  await moderatorView.open(id);
  await moderatorView.moderate('Lock');
  await expect(moderatorView.badge('Locked')).toBeVisible();
  await expect(moderatorView.lockedNotice).toBeVisible();
  await expect(oleg.page.getByRole('button', { name: 'Unlock', exact: true })).toBeVisible();
  await expect(moderatorView.replyBox).toHaveCount(0);
  await expectAccessible(oleg.page, 'for a moderator on a locked thread');
  await oleg.close();

  await page.reload();
  await expect(thread.badge('Locked')).toBeVisible();
  await expect(thread.lockedNotice).toBeVisible();
  await expect(thread.replyBox).toHaveCount(0);
  await expect(thread.postReplyButton).toHaveCount(0);
  await expectAccessible(page, 'for a member on a locked thread');
  const list = new ThreadsListPage(page);
  await list.open();
  await expect(list.badge(title, 'Locked')).toBeVisible();
});

test('publishing a thread without a title shows why beside the title and keeps the text', async ({ page }) => {
  await join(page, 't');
  const composer = new NewThreadPage(page);
  await composer.open();
  const body = 'Which SAML attributes does Sever read for the user name?';
  await composer.fill({ space: 'Integrations & API', title: '', body });
  await composer.publishButton.click();

  await expect(composer.title).toHaveAttribute('aria-invalid', 'true');
  await expect(composer.title).toHaveAccessibleDescription(/This field is required\./);
  await expect(page.getByText('This field is required.')).toBeVisible();
  await expect(composer.body).toHaveValue(body);
  await expect(page).toHaveURL(/\/threads\/new$/);
  await expectAccessible(page, 'with the title error shown');

  const title = uniqueTitle('Which SAML attributes are read?');
  await composer.title.fill(title);
  await composer.publish(title);
  await expect(new ThreadPage(page).question).toContainText(body);
});
