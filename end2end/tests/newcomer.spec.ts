import { type Browser, type Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { dayFromNow, EventsApi, uniqueTitle } from '../pages/events';
import { GroupsApi, unique } from '../pages/groups';
import { IdeasApi } from '../pages/ideas';
import { Shell } from '../pages/shell';
import { expectAccessible } from '../support/axe';
import { DEMO_PASSWORD } from '../support/users';

// What a newcomer stumbled on (issue 20), each in English and in Russian (the browser's
// language decides), on a desktop and at 375 px (the two projects of the configuration).

/** The words each journey looks for, in the interface's two languages. */
const WORDS = {
  en: {
    locale: 'en-US',
    newThread: 'Start a thread',
    space: 'Space',
    publish: 'Publish',
    title: 'Title',
    text: 'Text',
    productQuestions: 'Product questions',
    regionalClubs: 'Regional clubs',
    news: 'News',
    northWest: 'North-West partners',
    newsNotOffered: '“News” is not in the list: only staff start threads there',
    forbidden: "You don't have access to this.",
    joinGroupFirst: "Only the group's members can take part here; join the group first.",
    notFound: "We couldn't find this.",
    home: 'Go to the home page',
    search: 'Search the community',
    allThreads: 'All threads',
    allIdeas: 'All ideas',
    tryAgain: 'Try again',
    rsvp: 'Are you going?',
    joinWaitlist: 'Join the waitlist',
    leaveWaitlist: 'Leave the waitlist',
    onWaitlist: 'The event is full: you are number 1 on the waitlist.',
    notGoing: 'You are not going.',
    noVotesLeft: 'No votes left',
    votesComeBack: 'A vote comes back to you when an idea you voted for is implemented, declined or merged',
    ideasHeading: 'Ideas',
    homeIdeas: 'Ideas',
    boardIdeas: 'ideas proposed',
    yourAccount: 'Your account',
    signOut: 'Sign out',
    signIn: 'Sign in',
    groups: 'Groups',
    betaTesters: 'Beta testers',
    surveyQuestion: ['Question (English)', 'Question (Russian)'],
    newSurvey: 'New survey',
  },
  ru: {
    locale: 'ru-RU',
    newThread: 'Новая тема',
    space: 'Раздел',
    publish: 'Опубликовать',
    title: 'Заголовок',
    text: 'Текст',
    productQuestions: 'Вопросы о продуктах',
    regionalClubs: 'Региональные клубы',
    news: 'Новости',
    northWest: 'Партнёры Северо-Запада',
    newsNotOffered: 'Раздела «Новости» нет в списке: обсуждения там начинает только команда сообщества',
    forbidden: 'У вас нет доступа к этому.',
    joinGroupFirst: 'Участвовать здесь могут только участники группы: сначала вступите в неё.',
    notFound: 'Не нашли такую страницу',
    home: 'На главную',
    search: 'Поиск по сообществу',
    allThreads: 'Все обсуждения',
    allIdeas: 'Все идеи',
    tryAgain: 'Повторить',
    rsvp: 'Вы пойдёте?',
    joinWaitlist: 'Встать в лист ожидания',
    leaveWaitlist: 'Выйти из листа ожидания',
    onWaitlist: 'Мест нет: вы 1-й в листе ожидания.',
    notGoing: 'Вы не пойдёте.',
    noVotesLeft: 'Голосов не осталось',
    votesComeBack: 'Голос возвращается, когда идею, за которую вы голосовали, реализуют, отклоняют или объединяют',
    ideasHeading: 'Идеи',
    homeIdeas: 'Идей',
    boardIdeas: 'идей предложено',
    yourAccount: 'Ваш профиль',
    signOut: 'Выйти',
    signIn: 'Войти',
    groups: 'Группы',
    betaTesters: 'Бета-тестеры',
    surveyQuestion: ['Вопрос (на английском)', 'Вопрос (на русском)'],
    newSurvey: 'Новый опрос',
  },
} as const;

/** Nothing sticks out sideways (the 375 px project included). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'page wider than the viewport').toBeLessThanOrEqual(0);
}

/** A fresh member signed in in `page`'s browser through the API (the sign-up page's words are
 * English, and these journeys run in both languages); answers who it is. */
async function joinQuietly(page: Page, prefix: string) {
  const member = await new IdeasApi(page.request).join(prefix);
  return member;
}

/** A demo member signed in in `page`'s browser through the API. */
async function signInQuietly(page: Page, handle: string): Promise<void> {
  await new IdeasApi(page.request).signIn(handle, DEMO_PASSWORD);
}

/** An event with one seat, taken by a member of its own; answers its id. */
async function fullEvent(browser: Browser): Promise<string> {
  const context = await browser.newContext();
  try {
    const staff = new EventsApi(context.request);
    await staff.signIn('maria');
    const day = dayFromNow(6);
    const id = await staff.create({
      kind: 'meetup',
      title: uniqueTitle('Samara meetup: one seat'),
      starts_local: `${day}T18:00`,
      ends_local: `${day}T20:00`,
      time_zone: 'Europe/Samara',
      city: 'Samara',
      capacity: 1,
    });
    const seatHolder = new EventsApi(context.request);
    await seatHolder.join('seat');
    expect((await seatHolder.rsvp(id, 'going')).status).toBe('going');
    return id;
  } finally {
    await context.close();
  }
}

/** The number under a counter's label, separators dropped. */
async function counter(page: Page, item: string, label: string): Promise<number> {
  const shown = page.locator(item).filter({ has: page.getByRole('term').getByText(label, { exact: true }) });
  return Number((await shown.getByRole('definition').innerText()).replace(/\D/g, ''));
}

for (const language of ['en', 'ru'] as const) {
  const words = WORDS[language];

  test.describe(`a newcomer (${language})`, () => {
    test.use({ locale: words.locale });

    test(`the new-thread form offers only the spaces the member may post in, and a refusal says why (${language})`, async ({ page }) => {
      await joinQuietly(page, 'nt');
      await page.goto('/threads/new');
      await expect(page.getByRole('heading', { level: 1, name: words.newThread })).toBeVisible({ timeout: 20_000 });
      const space = page.getByLabel(words.space, { exact: true });
      await expect(space.getByRole('option', { name: words.productQuestions, exact: true })).toBeAttached();
      await expect(space.getByRole('option', { name: words.regionalClubs, exact: true })).toBeAttached();
      // Staff announce in the news; a group's space is for its members.
      await expect(space.getByRole('option', { name: words.news, exact: true })).toHaveCount(0);
      await expect(space.getByRole('option', { name: words.northWest, exact: true })).toHaveCount(0);
      await expectAccessible(page, 'on the new-thread form');
      await expectNoSidewaysScroll(page);

      // A link into the news space as a member: not offered, and the form says why.
      await page.goto('/threads/new?space=news');
      await expect(page.getByText(words.newsNotOffered)).toBeVisible({ timeout: 20_000 });
      await expect(space).toHaveValue('');

      // A member of the open group may post in its space, until they leave: the server's reason
      // is shown beside the form, and the text is kept.
      const member = new GroupsApi(page.request);
      await member.joinGroup('north-west-partners');
      await page.goto('/threads/new');
      await expect(space.getByRole('option', { name: words.northWest, exact: true })).toBeAttached({ timeout: 20_000 });
      await space.selectOption({ label: words.northWest });
      const title = unique('Joint stand at the autumn fair');
      await page.getByRole('textbox', { name: words.title, exact: true }).fill(title);
      await page.getByRole('textbox', { name: words.text, exact: true }).fill('Who is in?');
      await member.leaveGroup('north-west-partners');
      await page.getByRole('button', { name: words.publish, exact: true }).click();
      const alert = page.locator('.form-alert');
      await expect(alert).toContainText(words.forbidden);
      await expect(alert).toContainText(words.joinGroupFirst);
      await expect(page.getByRole('textbox', { name: words.title, exact: true })).toHaveValue(title);
      await expectAccessible(page, 'with the refusal shown');
    });

    test(`"not found" offers the home page, search and the list, not a retry (${language})`, async ({ page }) => {
      await page.goto('/threads/999999999');
      const error = page.locator('.error-view');
      await expect(error).toContainText(words.notFound, { timeout: 20_000 });
      await expect(error.getByRole('link', { name: words.home })).toBeVisible();
      await expect(error.getByRole('link', { name: words.search })).toBeVisible();
      await expect(error.getByRole('button', { name: words.tryAgain })).toHaveCount(0);
      await expectAccessible(page, 'on a missing thread');
      await expectNoSidewaysScroll(page);
      await error.getByRole('link', { name: words.allThreads }).click();
      await expect(page).toHaveURL(/\/threads$/);

      // A secret group's idea is "not found" too: its way back is the board.
      await page.goto('/ideas/999999999');
      await expect(page.locator('.error-view').getByRole('link', { name: words.allIdeas })).toBeVisible({ timeout: 20_000 });
      await page.locator('.error-view').getByRole('link', { name: words.search }).click();
      await expect(page).toHaveURL(/\/search/);
    });

    test(`on the waitlist the button offers to leave it, and does (${language})`, async ({ page, browser }) => {
      test.slow();
      const id = await fullEvent(browser);
      await new EventsApi(page.request).join('wl');
      await page.goto(`/events/${id}`);
      const rsvp = page.getByRole('region', { name: words.rsvp });
      await rsvp.getByRole('button', { name: words.joinWaitlist, exact: true }).click({ timeout: 20_000 });
      await expect(rsvp.getByRole('status')).toHaveText(words.onWaitlist);
      await expect(rsvp.getByRole('button', { name: words.joinWaitlist, exact: true })).toHaveCount(0);
      const leave = rsvp.getByRole('button', { name: words.leaveWaitlist, exact: true });
      await expect(leave).toBeVisible();
      await expectAccessible(page, 'on the waitlist');
      await expectNoSidewaysScroll(page);

      // After a reload the page still offers to leave.
      await page.reload();
      await expect(leave).toBeVisible({ timeout: 20_000 });
      await leave.click();
      await expect(rsvp.getByRole('status')).toHaveText(words.notGoing);
      await expect(rsvp.getByRole('button', { name: words.joinWaitlist, exact: true })).toBeVisible();
      await expect.poll(async () => (await (await page.request.get(`/api/v1/events/${id}`)).json()).waitlist_count).toBe(0);
    });

    test(`the vote budget speaks only where votes are taken, says how they come back, and the counts agree (${language})`, async ({ page }) => {
      test.slow();
      const api = new IdeasApi(page.request);
      await api.join('vb');
      const tag = unique('budget');
      const ideas = [];
      for (let n = 1; n <= 11; n++) ideas.push(await api.propose(`Budget ${tag} idea ${n}`));
      for (const idea of ideas.slice(0, 10)) await api.vote(idea.id);

      // Implemented ideas take no votes: nothing about the budget under them.
      await page.goto('/ideas?status=implemented');
      await expect(page.getByRole('heading', { level: 1, name: words.ideasHeading })).toBeVisible({ timeout: 20_000 });
      const list = page.locator('.idea-list');
      await expect(list.getByRole('listitem').first()).toBeVisible();
      await expect(list).not.toContainText(words.noVotesLeft);
      await expect(page.getByText(words.votesComeBack)).toBeVisible();

      // The one open idea not voted for says the budget is spent.
      await page.goto(`/ideas?q=${encodeURIComponent(`${tag} idea 11`)}`);
      await expect(page.locator('.idea-list')).toContainText(words.noVotesLeft, { timeout: 20_000 });
      await expectAccessible(page, 'with the budget spent');
      await expectNoSidewaysScroll(page);

      // The home page and the board count the same ideas.
      await expect
        .poll(async () => {
          await page.goto('/');
          await expect(page.locator('.home-stats__item')).toHaveCount(5, { timeout: 20_000 });
          const onHome = await counter(page, '.home-stats__item', words.homeIdeas);
          await page.goto('/ideas');
          await expect(page.locator('.counters dd')).toHaveCount(3, { timeout: 20_000 });
          const onBoard = await counter(page, '.counters__item', words.boardIdeas);
          return onHome - onBoard;
        }, { timeout: 60_000 })
        .toBe(0);
    });

    test(`signing out is in the header's account menu, by keyboard (${language})`, async ({ page }) => {
      const member = await joinQuietly(page, 'so');
      await page.goto('/');
      const shell = new Shell(page);
      await shell.openMenuIfFolded();
      const button = shell.accountButton(member.displayName);
      await expect(button).toHaveAttribute('aria-expanded', 'false');
      await button.focus();
      await page.keyboard.press('Enter');
      await expect(button).toHaveAttribute('aria-expanded', 'true');
      const menu = shell.accountMenu;
      await expect(menu.getByRole('link', { name: words.yourAccount })).toBeVisible();
      await expectAccessible(page, 'with the account menu open');
      await expectNoSidewaysScroll(page);

      // Escape closes it and gives the focus back.
      await page.keyboard.press('Escape');
      await expect(button).toHaveAttribute('aria-expanded', 'false');
      await expect(button).toBeFocused();
      await expect(menu).toBeHidden();

      // Open again and Tab to "Sign out".
      await page.keyboard.press('Enter');
      const signOut = menu.getByRole('button', { name: words.signOut, exact: true });
      for (let i = 0; i < 5 && !(await signOut.evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press('Tab');
      await expect(signOut).toBeFocused();
      // Signing out loads the home page afresh.
      const reloaded = page.waitForEvent('load');
      await page.keyboard.press('Enter');
      await reloaded;
      await expect(page).toHaveURL(/\/$/);
      await shell.openMenuIfFolded();
      await expect(shell.nav.getByRole('link', { name: words.signIn, exact: true })).toBeVisible({ timeout: 20_000 });
      expect((await (await page.request.get('/api/v1/auth/me')).json()).member ?? null).toBeNull();
    });

    test(`staff-written names come in the reader's language (${language})`, async ({ page }) => {
      await page.goto('/threads');
      const spaces = page.locator('#thread-space');
      // Each space is listed with its count of threads: "Regional clubs (2 threads)".
      const named = (name: string) => spaces.getByRole('option', { name: new RegExp(`^${name} \\(`) });
      await expect(named(words.regionalClubs)).toBeAttached({ timeout: 20_000 });
      await expect(named(words.productQuestions)).toBeAttached();
      // A thread names its space in the reader's language too.
      await page.goto('/threads?space=regional-clubs');
      await expect(page.getByRole('main').getByRole('link', { name: words.regionalClubs, exact: true }).first()).toBeVisible({ timeout: 20_000 });
      await page.goto('/groups');
      await expect(page.getByRole('heading', { level: 1, name: words.groups })).toBeVisible({ timeout: 20_000 });
      await expect(page.getByRole('link', { name: words.betaTesters, exact: true })).toBeVisible();
      await expectNoSidewaysScroll(page);
    });

    test(`the survey form says which language each question is in (${language})`, async ({ page }) => {
      await signInQuietly(page, 'maria');
      await page.goto('/admin/surveys/new');
      await expect(page.getByRole('heading', { level: 1, name: words.newSurvey })).toBeVisible({ timeout: 20_000 });
      for (const label of words.surveyQuestion) {
        await expect(page.getByLabel(label, { exact: true })).toHaveCount(1);
      }
      // No two fields share a label.
      const labels = await page.locator('.survey-form label.field__label').allInnerTexts();
      expect(labels.length).toBeGreaterThan(8);
      expect(new Set(labels).size, labels.join(' | ')).toBe(labels.length);
      await expectAccessible(page, 'on the survey form');
      await expectNoSidewaysScroll(page);
    });
  });
}
