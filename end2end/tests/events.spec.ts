import { readFileSync } from 'node:fs';
import { type Browser, type Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { CalendarPage, dayFromNow, EventPage, EventsApi, uniqueTitle, type EventInput } from '../pages/events';
import { SignInPage } from '../pages/auth';
import { expectAccessible } from '../support/axe';
import { gradientPng } from '../support/png';
import { DEMO_PASSWORD } from '../support/users';

/** Creates an event as a staff member, from a browser context of its own. */
async function createEvent(browser: Browser, event: Omit<EventInput, 'kind'> & Partial<EventInput>): Promise<string> {
  const context = await browser.newContext();
  try {
    const staff = new EventsApi(context.request);
    await staff.signIn('maria');
    return await staff.create({ kind: 'meetup', ...event });
  } finally {
    await context.close();
  }
}

/** The same day of the next month, or its last day when shorter (`YYYY-MM-DD`). */
function sameDayNextMonth(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(date, last))).toISOString().slice(0, 10);
}

/** A member nobody has used yet, signed in in `page`'s browser; answers their display name. */
async function join(page: Page): Promise<string> {
  return new EventsApi(page.request).join();
}

/** A second fresh member in a browser of their own. */
async function otherMember(browser: Browser): Promise<{ page: Page; name: string; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const name = await join(page);
  return { page, name, close: () => context.close() };
}

test('a member browses month, week and list, opens an event and says they are going', async ({ page, browser }, testInfo) => {
  test.slow();
  const day = dayFromNow(3);
  const title = uniqueTitle('Tula meetup: reports by e-mail');
  const id = await createEvent(browser, {
    title,
    description: 'We show **scheduled reports**.',
    starts_local: `${day}T18:00`,
    ends_local: `${day}T20:00`,
    time_zone: 'Europe/Moscow',
    city: 'Tula',
    address: 'Lenina 1',
    capacity: 3,
  });
  const name = await join(page);
  const calendar = new CalendarPage(page);

  // Narrow screens start with the list, wide ones with the month.
  await calendar.open();
  const startsWith = testInfo.project.name === 'mobile' ? 'List' : 'Month';
  await expect(calendar.view(startsWith)).toHaveAttribute('aria-current', 'true');

  await calendar.open(`?view=month&date=${day}`);
  await expect(calendar.day(day).getByRole('link', { name: title })).toBeVisible();
  await expect(calendar.grid.locator('[aria-current="date"]')).toHaveCount(1);
  await expectAccessible(page, 'on the month grid');

  // The arrow keys move between days; one day at a time is in the Tab order.
  await calendar.day(day).focus();
  await page.keyboard.press('ArrowDown');
  const weekLater = new Date(Date.parse(`${day}T12:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
  await expect(calendar.grid.locator(`[data-day="${weekLater}"]`)).toBeFocused();
  await expect(calendar.grid.locator('[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('ArrowUp');
  await expect(calendar.day(day)).toBeFocused();
  // Page Down shows the next month with the same day focused; Page Up comes back.
  await page.keyboard.press('PageDown');
  await expect(calendar.day(sameDayNextMonth(day))).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`date=${sameDayNextMonth(day)}`));
  await page.keyboard.press('PageUp');
  await expect(calendar.grid.locator(`[data-day^="${day.slice(0, 8)}"]:focus`)).toHaveCount(1);

  // The period moves and stands in the address.
  const month = await calendar.periodTitle.innerText();
  await calendar.step('Next month');
  await expect(page).toHaveURL(/view=month&date=\d{4}-\d{2}-01/);
  await expect(calendar.periodTitle).not.toHaveText(month);
  await calendar.step('Previous month');
  await expect(calendar.periodTitle).toHaveText(month);

  await calendar.view('Week').click();
  await expect(page).toHaveURL(/view=week/);
  await expect(calendar.event(title)).toBeVisible();
  await expect(calendar.weekDayOf(title)).toContainText(String(Number(day.slice(8))));
  await expectAccessible(page, 'on the week');

  await calendar.view('List').click();
  await expect(page).toHaveURL(/view=agenda/);
  await expect(calendar.section('Coming up').getByRole('link', { name: title })).toBeVisible();
  await expectAccessible(page, 'on the list');

  // Filters stand in the address: a city that is not Tula hides the event.
  await page.getByLabel('City').fill('Vladivostok');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page).toHaveURL(/city=Vladivostok/);
  await expect(calendar.event(title)).toHaveCount(0);
  await page.getByLabel('City').fill('tula');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(calendar.event(title)).toBeVisible();

  await calendar.event(title).click();
  const event = new EventPage(page);
  await expect(event.heading).toHaveText(title);
  await expect(page.getByText('scheduled reports', { exact: true })).toHaveCSS('font-weight', '700');
  await expect(event.rsvp).toContainText('0 / 3 going');
  await expect(page.getByRole('link', { name: 'Show on the map' })).toHaveAttribute('href', /openstreetmap\.org\/search\?query=Lenina%201%2C%20Tula/);
  await expect(event.attendees).toContainText('Nobody has said they are going yet.');
  await expectAccessible(page, 'on the event page');

  await event.answer('Going').click();
  await expect(event.answer('Going')).toHaveAttribute('aria-pressed', 'true');
  await expect(event.rsvpStatus).toHaveText('You are going.');
  await expect(event.rsvp).toContainText('1 / 3 going');
  await expect(event.attendees.getByRole('link', { name })).toBeVisible();

  // The server kept it; the answer can change.
  await page.reload();
  await expect(event.rsvpStatus).toHaveText('You are going.');
  await event.answer('Interested').click();
  await expect(event.rsvpStatus).toHaveText('You are interested.');
  await expect(event.rsvp).toContainText('0 / 3 going');
  await page.reload();
  await expect(event.answer('Interested')).toHaveAttribute('aria-pressed', 'true');

  // "Only my events" keeps the ones answered.
  await calendar.open(`?view=agenda&date=${day}&mine=1`);
  await expect(calendar.event(title)).toBeVisible();
});

test('a full event puts the next member on the waitlist, and a cancellation promotes them', async ({ page, browser }) => {
  test.slow();
  const day = dayFromNow(5);
  const title = uniqueTitle('Omsk meetup: one seat only');
  const id = await createEvent(browser, {
    title,
    starts_local: `${day}T10:00`,
    ends_local: `${day}T12:00`,
    time_zone: 'Asia/Omsk',
    city: 'Omsk',
    capacity: 1,
  });
  await join(page);
  const first = new EventPage(page);
  await first.open(id);
  await first.answer('Going').click();
  await expect(first.rsvpStatus).toHaveText('You are going.');
  await expect(first.rsvp).toContainText('1 / 1 going');

  const second = await otherMember(browser);
  try {
    const waiting = new EventPage(second.page);
    await waiting.open(id);
    await expect(waiting.rsvp).toContainText('1 / 1 going');
    await expect(waiting.answer('Going')).toHaveCount(0);
    await waiting.answer('Join the waitlist').click();
    await expect(waiting.rsvpStatus).toHaveText('The event is full: you are number 1 on the waitlist.');
    await expect(waiting.attendees.getByRole('link', { name: second.name })).toHaveCount(0);
    await expectAccessible(second.page, 'on a full event');

    // The first member cannot come after all: the place goes to the one waiting.
    await first.answer('Not going').click();
    await expect(first.rsvpStatus).toHaveText('You are not going.');

    await waiting.page.reload();
    await expect(waiting.rsvpStatus).toHaveText('You are going.');
    await expect(waiting.rsvp).toContainText('1 / 1 going');
    await expect(waiting.attendees.getByRole('link', { name: second.name })).toBeVisible();
  } finally {
    await second.close();
  }
});

test('an event goes into calendars: .ics file, Google Calendar link and the personal live feed', async ({ page, browser }) => {
  test.slow();
  const day = dayFromNow(9);
  const title = uniqueTitle('Perm meetup; dashboards, exports');
  const id = await createEvent(browser, {
    title,
    description: 'Coffee, then questions.',
    starts_local: `${day}T18:30`,
    ends_local: `${day}T21:00`,
    time_zone: 'Asia/Yekaterinburg',
    city: 'Perm',
    address: 'Komsomolsky prospekt 1',
  });
  await join(page);
  const event = new EventPage(page);
  await event.open(id);

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download .ics file' }).click();
  const download = await downloading;
  const ics = readFileSync((await download.path())!, 'utf8');
  expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(ics).toContain('\r\nBEGIN:VEVENT\r\n');
  expect(ics).toContain(`SUMMARY:${title.replace(/[;,]/g, (c) => `\\${c}`)}\r\n`);
  expect(ics).toContain(`DTSTART;TZID=Asia/Yekaterinburg:${day.replaceAll('-', '')}T183000\r\n`);
  expect(ics).toMatch(/\r\nUID:event-\d+@/);
  expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);

  const google = new URL((await page.getByRole('link', { name: 'Google Calendar' }).getAttribute('href'))!);
  expect(google.hostname).toBe('calendar.google.com');
  expect(google.searchParams.get('text')).toBe(title);
  // 18:30 in Yekaterinburg (UTC+5) is 13:30 UTC.
  expect(google.searchParams.get('dates')).toBe(`${day.replaceAll('-', '')}T133000Z/${day.replaceAll('-', '')}T160000Z`);

  await event.answer('Going').click();
  await expect(event.rsvpStatus).toHaveText('You are going.');

  const calendar = new CalendarPage(page);
  await calendar.open('?view=agenda');
  const address = await calendar.feedAddress();
  await expect(page.getByRole('link', { name: 'Subscribe in your calendar app' })).toHaveAttribute('href', /^webcal:\/\/.+\.ics$/);
  await expectAccessible(page, 'with the feed address shown');
  const feed = await page.request.get(address);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toContain('text/calendar');
  // The answer goes through the outbox: opening the calendar may have cut its first send short,
  // and the new page sends it again.
  await expect
    .poll(async () => (await page.request.get(address)).text())
    .toContain(`SUMMARY:${title.replace(/[;,]/g, (c) => `\\${c}`)}`);

  // A new address: the old one stops working.
  await page.getByRole('button', { name: 'Make a new address' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'the old address no longer works' })).toBeVisible();
  const rotated = await page.getByRole('textbox', { name: 'Feed address' }).inputValue();
  expect(rotated).not.toBe(address);
  expect((await page.request.get(address)).status()).toBe(404);
  expect((await page.request.get(rotated)).status()).toBe(200);
});

test.describe('a viewer in another time zone', () => {
  test.use({ timezoneId: 'America/New_York' });

  test('sees the event in their own time and in the time where it happens', async ({ page, browser }) => {
    const day = dayFromNow(12);
    const title = uniqueTitle('Yekaterinburg regional meeting');
    const id = await createEvent(browser, {
      title,
      kind: 'regional_meeting',
      starts_local: `${day}T11:00`,
      ends_local: `${day}T17:00`,
      time_zone: 'Asia/Yekaterinburg',
      city: 'Yekaterinburg',
    });
    const event = new EventPage(page);
    await event.open(id);
    // 11:00 at UTC+5 is 06:00 UTC: 1:00 or 2:00 in New York, by the season.
    await expect(event.time('Your time')).toContainText(/[12]:00\s?AM – (7|8):00\s?AM/);
    await expect(event.time('Your time')).toContainText('(America/New_York)');
    await expect(event.time('At the event')).toContainText(/11:00\s?AM – 5:00\s?PM/);
    await expect(event.time('At the event')).toContainText('(Asia/Yekaterinburg)');
    // A guest is asked to sign in before answering.
    await expect(event.rsvp.getByRole('link', { name: 'Sign in to answer' })).toBeVisible();
    await expectAccessible(page, 'on an event in another time zone');
  });
});

test('staff create an event with the form, then cancel it with a reason', async ({ page }) => {
  test.slow();
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('elena', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/$/);

  await page.goto('/events/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New event' })).toBeVisible();
  // Mistakes are shown beside their fields.
  await page.getByRole('button', { name: 'Create the event' }).click();
  const titleField = page.getByRole('textbox', { name: 'Title' });
  await expect(titleField).toHaveAttribute('aria-invalid', 'true');
  await expect(titleField).toBeFocused();
  await expect(page.locator('#field-starts_local-error')).toBeVisible();
  await expectAccessible(page, 'on the event form with errors');

  const day = dayFromNow(20);
  const title = uniqueTitle('Samara meetup from the form');
  await titleField.fill(title);
  await page.getByLabel('Type').selectOption({ label: 'Exhibition' });
  await page.getByRole('textbox', { name: 'Description' }).fill('Stand **B-3**.');
  await page.getByLabel('Starts').fill(`${day}T10:00`);
  await page.getByLabel('Ends').fill(`${day}T16:00`);
  await page.getByLabel('Time zone').selectOption('Europe/Samara');
  await page.getByRole('textbox', { name: 'City' }).fill('Samara');
  await page.getByLabel('Places').fill('12');
  await page.getByRole('button', { name: 'Create the event' }).click();

  const event = new EventPage(page);
  await expect(event.heading).toHaveText(title);
  await expect(page).toHaveURL(/\/events\/\d+$/);
  await expect(page.getByText('Exhibition', { exact: true })).toBeVisible();
  await expect(event.rsvp).toContainText('0 / 12 going');

  // The report afterwards, with a photo.
  await page.getByRole('textbox', { name: 'Report (after the event)' }).fill('We had **40** guests.');
  await page.getByRole('button', { name: 'Publish the report' }).click();
  const report = page.getByRole('region', { name: 'How it went' });
  await expect(report.getByText('40', { exact: true })).toHaveCSS('font-weight', '700');
  await page.getByLabel(/^Photo for the report/).setInputFiles({
    name: 'stand.png',
    mimeType: 'image/png',
    buffer: gradientPng(64, 48, [200, 40, 40], [40, 40, 200]),
  });
  await page.getByRole('textbox', { name: 'Caption' }).fill('Our stand');
  await page.getByRole('button', { name: 'Add the photo' }).click();
  await expect(report.getByRole('img', { name: 'Our stand' })).toBeVisible();

  await page.getByLabel('Reason, shown to members').fill('The venue closed for repairs.');
  await page.getByRole('button', { name: 'Cancel the event' }).click();
  await expect(page.getByRole('note')).toHaveText('This event was cancelled: The venue closed for repairs.');
  await expect(event.heading).toHaveCSS('text-decoration-line', 'line-through');
  await expect(event.rsvp).toContainText('Answers are closed for this date.');

  // Cancelled events stay in the calendar, marked.
  const calendar = new CalendarPage(page);
  await calendar.open(`?view=agenda&date=${day}`);
  await expect(calendar.entry(title).getByText('Cancelled', { exact: true })).toBeVisible();
  await expect(calendar.event(title)).toHaveCSS('text-decoration-line', 'line-through');
});
