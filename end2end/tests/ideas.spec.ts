import { type Browser, type Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { BallotPage, BallotsPage, IdeaBoardPage, IdeaPage, IdeasApi, NewIdeaPage, RoadmapPage, VoteControl } from '../pages/ideas';
import { expectAccessible } from '../support/axe';
import { DEMO_PASSWORD } from '../support/users';

/** A word no other journey (or earlier run) has used, to tell this run's ideas apart. */
function uniqueTag(): string {
  return `j${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/** A staff member (Elena) in a browser of her own. */
async function staffMember(browser: Browser): Promise<{ page: Page; api: IdeasApi; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const api = new IdeasApi(page.request);
  await api.signIn('elena', DEMO_PASSWORD);
  return { page, api, close: () => context.close() };
}

/** Nothing wider than the screen: no sideways scrolling. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(widths[0], 'page width').toBeLessThanOrEqual(widths[1]);
}

test('a member proposes an idea: a similar one is suggested while typing, the draft survives a reload', async ({ page }) => {
  // Two reloads and three accessibility checks: close to a minute on a busy machine.
  test.slow();
  const api = new IdeasApi(page.request);
  await api.join();
  const board = new IdeaBoardPage(page);
  await board.open();
  await expect(board.votesLeft).toHaveText('10 votes left');
  await expectAccessible(page, 'on the idea board');
  await board.propose();

  const composer = new NewIdeaPage(page);
  const tag = uniqueTag();
  const title = `Offline mode in the mobile app ${tag}`;
  await composer.fill({ title, category: 'Mobile', body: 'Our drivers lose the **connection** in tunnels.' });
  // The demo idea with nearly the same title is offered before a duplicate is made.
  await expect(composer.similar).toContainText('Similar ideas already exist');
  const suggestion = composer.similar.getByRole('link', { name: 'Offline mode for the mobile app', exact: true });
  await expect(suggestion).toBeVisible();
  await expectAccessible(page, 'with similar ideas suggested');

  await page.reload();
  await expect(composer.title).toHaveValue(title);
  await expect(composer.description).toHaveValue('Our drivers lose the **connection** in tunnels.');
  await expect(composer.category).toHaveValue('mobile');
  await expect(suggestion).toBeVisible();

  const id = await composer.submit(title);
  const idea = new IdeaPage(page);
  await expect(idea.status).toHaveText('New');
  await expect(page.getByText('connection', { exact: true })).toHaveCSS('font-weight', '700');
  await expect(idea.vote.count).toHaveText('0');
  await expect(idea.voters).toContainText('No votes yet.');
  await expectAccessible(page, 'on a new idea');

  // The draft is gone once the idea exists.
  await composer.open();
  await expect(composer.title).toHaveValue('');

  // The board finds it, with the search in the address.
  await board.open();
  await board.searchFor(tag);
  await expect(board.cards).toHaveCount(1);
  await expect(board.card(title)).toContainText('Mobile');
  await page.reload();
  await expect(board.search).toHaveValue(tag);
  await expect(board.card(title)).toBeVisible();
  await board.card(title).getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/ideas/${id}$`));
});

test('a member votes until the budget runs out, sees why the next vote is refused, and a refusal rolls back', async ({ page }) => {
  const api = new IdeasApi(page.request);
  await api.join();
  const tag = uniqueTag();
  const ideas = [];
  for (let n = 1; n <= 12; n++) ideas.push(await api.propose(`Budget idea ${n} ${tag}`));

  const board = new IdeaBoardPage(page);
  await board.open(`?q=${tag}`);
  await expect(board.cards).toHaveCount(12);
  await expect(board.votesLeft).toHaveText('10 votes left');
  for (let n = 1; n <= 9; n++) {
    const vote = new VoteControl(board.card(`Budget idea ${n} ${tag}`));
    await vote.give();
    await expect(vote.count).toHaveText('1');
    await expect(board.votesLeft).toHaveText(`${10 - n} ${10 - n === 1 ? 'vote' : 'votes'} left`);
  }

  // Another device spends the last vote; this page still thinks one is left, so it counts the
  // vote at once, and puts it back when the server refuses it.
  await api.vote(ideas[9].id);
  const refused = new VoteControl(board.card(`Budget idea 11 ${tag}`));
  await refused.button.click();
  await expect(refused.why).toContainText('You have no votes left: take one back, or wait until an idea you voted for is implemented, declined or merged');
  await expect(refused.count).toHaveText('0');
  await expect(refused.button).toHaveAttribute('aria-pressed', 'false');
  await expect(board.votesLeft).toHaveText('0 votes left');
  expect((await api.idea(ideas[10].id)).vote_count).toBe(0);

  // With the budget used up every other button says so, and clicking explains why.
  const blocked = new VoteControl(board.card(`Budget idea 12 ${tag}`));
  await expect(blocked.why).toHaveText('No votes left');
  await expect(blocked.button).toHaveAccessibleDescription('No votes left');
  await blocked.button.click();
  await expect(blocked.why).toContainText('You have no votes left');
  await expect(blocked.count).toHaveText('0');
  await expectAccessible(page, 'with the vote budget used up');

  // Taking a vote back frees one.
  await new VoteControl(board.card(`Budget idea 1 ${tag}`)).takeBack();
  await expect(board.votesLeft).toHaveText('1 vote left');
  await blocked.give();
  await expect(blocked.count).toHaveText('1');
  await expect(board.votesLeft).toHaveText('0 votes left');
  // The page counts the vote at once; the server has it once the outbox has sent it.
  await expect.poll(() => api.budget()).toEqual({ budget: 10, used: 10, left: 0 });

  // "Only ideas I voted for" is in the address too.
  await board.myVotes.check();
  await expect(page).toHaveURL(/[?&]mine=1/);
  await expect(board.cards).toHaveCount(10);
  await page.reload();
  await expect(board.myVotes).toBeChecked();
  await expect(board.cards).toHaveCount(10);
});

test('staff mark an idea implemented with an answer: the voter gets the vote back and the roadmap moves it', async ({
  page,
  browser,
}) => {
  // Two members, two status changes and three accessibility checks.
  test.slow();
  const api = new IdeasApi(page.request);
  await api.join();
  const title = `Scheduled exports to SFTP ${uniqueTag()}`;
  const created = await api.propose(title, 'Send the nightly export to our SFTP server.');
  const idea = new IdeaPage(page);
  await idea.open(created.id);
  await idea.vote.give();
  await expect(idea.vote.count).toHaveText('1');
  await expect(idea.votesLeft).toHaveText('9 votes left');

  const elena = await staffMember(browser);
  const staffView = new IdeaPage(elena.page);
  await staffView.open(created.id);
  await staffView.changeStatus('Planned', 'Planned for the **autumn** release.');
  await expectAccessible(elena.page, 'for staff managing an idea');
  const roadmap = new RoadmapPage(page);
  await roadmap.open();
  await expect(roadmap.column('Planned').getByRole('link', { name: title })).toBeVisible();
  await expect(roadmap.column('Implemented').getByRole('link', { name: title })).toHaveCount(0);

  await staffView.changeStatus('Implemented', 'Shipped in 5.1: *Settings → Exports → SFTP*.');
  await expect(staffView.history.getByRole('listitem')).toHaveCount(2);
  await elena.close();

  await idea.open(created.id);
  await expect(idea.status).toHaveText('Implemented');
  const answer = idea.history.getByRole('listitem').filter({ hasText: 'Shipped in 5.1' });
  await expect(answer).toContainText('Official answer');
  await expect(answer).toContainText('Elena Sokolova');
  await expect(answer.getByText('Settings → Exports → SFTP')).toHaveCSS('font-style', 'italic');
  await expect(idea.history).toContainText('Planned for the autumn release.');
  // The idea keeps its count; voting on it has ended and the vote is back in the budget.
  await expect(idea.vote.count).toHaveText('1');
  await expect(idea.vote.button).toHaveCount(0);
  await expectAccessible(page, 'on an implemented idea');
  const board = new IdeaBoardPage(page);
  await board.open();
  await expect(board.votesLeft).toHaveText('10 votes left');

  await roadmap.open();
  await expect(roadmap.column('Implemented').getByRole('link', { name: title })).toBeVisible();
  await expect(roadmap.column('Planned').getByRole('link', { name: title })).toHaveCount(0);
  await expectAccessible(page, 'on the roadmap');
});

test('staff merge a duplicate: its voters move over, each counted once', async ({ page, browser }) => {
  const api = new IdeasApi(page.request);
  await api.join();
  const tag = uniqueTag();
  const original = await api.propose(`Bulk edit of price lists ${tag}`);
  const duplicate = await api.propose(`Edit many price lists at once ${tag}`);
  await api.vote(original.id);
  await api.vote(duplicate.id);
  // A second member voted only for the duplicate.
  const other = await browser.newContext();
  const otherApi = new IdeasApi(other.request);
  await otherApi.join();
  await otherApi.vote(duplicate.id);
  await other.close();

  const elena = await staffMember(browser);
  const staffView = new IdeaPage(elena.page);
  await staffView.open(duplicate.id);
  await staffView.mergeInto(`http://example.com/ideas/${original.id}`, 'Same request as the older idea.');
  await expect(elena.page.getByText('This idea was merged into')).toBeVisible();
  await elena.close();

  const idea = new IdeaPage(page);
  await idea.open(duplicate.id);
  await expect(idea.status).toHaveText('Duplicate');
  await expect(idea.history).toContainText('Same request as the older idea.');
  await page.getByText('This idea was merged into').getByRole('link', { name: `Bulk edit of price lists ${tag}` }).click();
  await expect(idea.heading).toHaveText(`Bulk edit of price lists ${tag}`);
  await expect(page.getByRole('region', { name: 'Merged into this idea' }).getByRole('link', { name: `Edit many price lists at once ${tag}` })).toBeVisible();
  await expect(idea.vote.count).toHaveText('2');
  await expect(idea.vote.button).toHaveAttribute('aria-pressed', 'true');
  expect((await api.idea(original.id)).vote_count).toBe(2);
  // The duplicate's vote came back: one vote (for the original) is in use.
  await expect(idea.votesLeft).toHaveText('9 votes left');
  await expectAccessible(page, 'on an idea with a merged duplicate');

  // Duplicates leave the board.
  const board = new IdeaBoardPage(page);
  await board.open(`?q=${tag}`);
  await expect(board.cards).toHaveCount(1);
});

test('a ballot is filled in, and its ranked result shows once staff close it', async ({ page, browser }) => {
  // Staff publish the ballot: open from now for two weeks.
  const elena = await staffMember(browser);
  const title = `Priorities for the mobile app ${uniqueTag()}`;
  const ballotId = await new BallotsPage(elena.page).publish({
    title,
    points: 10,
    items: ['Offline sync', 'Barcode scanning', 'Dark theme'],
  });

  const api = new IdeasApi(page.request);
  await api.join();
  await page.goto('/ideas/ballots');
  await page.getByRole('link', { name: title }).click();
  const ballotPage = new BallotPage(page);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(ballotPage.pointsLeft).toHaveText('Points left: 10 / 10');
  await ballotPage.points('Offline sync').fill('6');
  await ballotPage.points('Barcode scanning').fill('7');
  await expect(page.getByText('That is more points than you have')).toBeVisible();
  await expect(ballotPage.saveButton).toBeDisabled();
  await ballotPage.points('Barcode scanning').fill('3');
  await expect(ballotPage.pointsLeft).toHaveText('Points left: 1 / 10');
  await ballotPage.saveButton.click();
  await expect(page.getByText('Your points are saved.')).toBeVisible();
  await expect(ballotPage.results).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Close the ballot now' })).toHaveCount(0);
  await expectAccessible(page, 'on an open ballot');
  await page.reload();
  await expect(ballotPage.points('Offline sync')).toHaveValue('6');
  await expect(ballotPage.pointsLeft).toHaveText('Points left: 1 / 10');

  const staffView = new BallotPage(elena.page);
  await staffView.open(ballotId);
  await staffView.closeNow();
  await elena.close();

  await page.reload();
  await expect(ballotPage.results).toBeVisible();
  await expect(ballotPage.saveButton).toHaveCount(0);
  const ranked = ballotPage.results.getByRole('listitem');
  await expect(ranked).toHaveCount(3);
  const expected = [
    ['1.', 'Offline sync', '6 points'],
    ['2.', 'Barcode scanning', '3 points'],
    ['3.', 'Dark theme', '0 points'],
  ];
  for (const [n, [rank, item, points]] of expected.entries()) {
    await expect(ranked.nth(n).locator('.results__rank')).toHaveText(rank);
    await expect(ranked.nth(n).locator('.results__title')).toHaveText(item);
    await expect(ranked.nth(n).locator('.results__points')).toHaveText(points);
  }
  await expect(ranked.nth(0)).toContainText('Your points: 6');
  await expect(ranked.nth(2)).not.toContainText('Your points');
  await expect(page.getByText(/· 1 participant$/)).toBeVisible();
  await expectAccessible(page, 'on ballot results');
});

test('a vote given offline is counted once when the connection is back', async ({ page, context }) => {
  const api = new IdeasApi(page.request);
  const member = await api.join();
  const created = await api.propose(`Keyboard shortcuts in the editor ${uniqueTag()}`);
  const idea = new IdeaPage(page);
  await idea.open(created.id);
  await expect(idea.vote.count).toHaveText('0');

  await context.setOffline(true);
  await idea.vote.give();
  await expect(idea.vote.count).toHaveText('1');
  await expect(idea.vote.why).toHaveText('Your vote will be counted when the connection is back.');
  await expectAccessible(page, 'with a vote waiting for the connection');

  await context.setOffline(false);
  await expect(idea.vote.why).toBeEmpty({ timeout: 20_000 });
  await expect(idea.voters.getByRole('link', { name: member.displayName })).toBeVisible();
  expect((await api.idea(created.id)).vote_count).toBe(1);
  expect(await api.voterHandles(created.id)).toEqual([member.handle]);
  await page.reload();
  await expect(idea.vote.count).toHaveText('1');
  await expect(idea.vote.button).toHaveAttribute('aria-pressed', 'true');
  expect((await api.budget()).used).toBe(1);
});

test('the board keeps its filters and order in the address, fits 320 px, and speaks Russian', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await page.goto('/ideas?status=planned&sort=newest');
  await expect(page.getByRole('heading', { level: 1, name: 'Идеи' })).toBeVisible();
  await expect(page.getByLabel('Статус', { exact: true })).toHaveValue('planned');
  await expect(page.getByRole('navigation', { name: 'Порядок' }).getByRole('link', { name: 'Новые' })).toHaveAttribute('aria-current', 'true');
  const cards = page.locator('.idea-list').getByRole('listitem');
  await expect(cards.first()).toBeVisible();
  for (const chip of await cards.locator('.status-chip').allTextContents()) expect(chip).toBe('Запланирована');
  await expect(cards.first().getByRole('link', { name: 'Войдите, чтобы голосовать' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page, 'on the board in Russian at 320 px');

  await page.getByLabel('Статус', { exact: true }).selectOption({ label: 'Реализована' });
  await expect(page).toHaveURL(/[?&]status=implemented/);
  await expect(page).toHaveURL(/[?&]sort=newest/);
  await expect(cards.first().locator('.status-chip')).toHaveText('Реализована');

  await cards.first().getByRole('heading').getByRole('link').click();
  await expect(page.getByRole('region', { name: 'История статусов' })).toContainText('Официальный ответ');
  await expectNoSidewaysScroll(page);
  await expectAccessible(page, 'on an idea in Russian at 320 px');

  await page.goto('/ideas/roadmap');
  await expect(page.getByRole('heading', { level: 1, name: 'Дорожная карта' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Лучшие идеи' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Все идеи' })).toBeVisible();
  await expect(page.getByRole('term').getByText('Реализовано', { exact: true })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await context.close();
});
