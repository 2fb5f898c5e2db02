import { expect, test } from '../support/fixtures';
import { MemberApi, ModerationPage, ReportDialog, post } from '../pages/moderation';
import { Shell } from '../pages/shell';
import { expectAccessible } from '../support/axe';
import { otherMember } from '../support/sessions';

const HIDDEN = 'Hidden by a moderator.';

/** Text no other journey (or earlier run) has written. */
function unique(text: string): string {
  return `${text} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

test('a member reports a reply, a moderator hides it, others see the placeholder, the moderator restores it, the log lists both', async ({
  page,
  browser,
  baseURL,
}) => {
  // Three browsers, two reloads and five accessibility checks.
  test.slow();
  // The reporter starts a thread; another fresh member answers with an advert.
  const reporter = await MemberApi.join(page.request, 'rep');
  const thread = await reporter.newThread(unique('Which export format keeps the formulas?'), 'We need the formulas in the exported sheets.');
  const advert = unique('Cheap watches at watches.example, use code SAVE50');
  const spammer = await MemberApi.joinAlone(baseURL!, 'spam');
  const reply = await spammer.reply(thread, advert);

  await page.goto(`/threads/${thread}`);
  const reported = post(page, reply);
  await expect(reported).toContainText(advert);

  // The dialog: Escape closes it and gives the keyboard back to the button.
  const dialog = new ReportDialog(page);
  await dialog.open(reported);
  await expect(dialog.dialog.getByRole('heading', { name: 'Report to the moderators' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog.dialog).toBeHidden();
  await expect(reported.getByRole('button', { name: 'Report', exact: true })).toBeFocused();

  // Without a reason it says so beside the reasons; the note survives a reload (draft).
  await dialog.open(reported);
  await dialog.note.fill('An advert for watches.');
  await dialog.send.click();
  await expect(dialog.dialog.getByText('Choose a reason.')).toBeVisible();
  await expect(dialog.reason('Spam or advertising')).toBeFocused();
  await expectAccessible(page, 'with the report dialog open');
  await page.reload();
  await dialog.open(post(page, reply));
  await expect(dialog.note).toHaveValue('An advert for watches.');
  await dialog.reason('Spam or advertising').check();
  await dialog.send.click();
  await expect(dialog.dialog).toBeHidden();
  await expect(post(page, reply).getByRole('status')).toHaveText('Thank you: the moderators will look at it.');

  // Oleg, a moderator, finds it in the queue from the header's menu and hides it with a note.
  const oleg = await otherMember(browser, 'oleg');
  await new Shell(oleg.page).follow('Moderation');
  const moderation = new ModerationPage(oleg.page);
  await expect(oleg.page.getByRole('heading', { level: 1, name: 'Moderation' })).toBeVisible();
  const queued = moderation.item(advert);
  await expect(queued).toContainText('1 report');
  await expect(queued).toContainText('Spam or advertising (1)');
  await expect(queued).toContainText('An advert for watches.');
  await expectAccessible(oleg.page, 'on the moderation queue');
  await moderation.act(queued, 'Hide', 'Advertising is not allowed here.');
  await expect(oleg.page.getByRole('status').filter({ hasText: 'Done.' })).toBeVisible();
  await expect(queued).toHaveCount(0);

  // The reporter and a guest now see the placeholder, not the advert.
  await page.reload();
  await expect(post(page, reply)).toContainText(HIDDEN);
  await expect(page.getByText(advert)).toHaveCount(0);
  await expectAccessible(page, 'on a thread with a hidden reply');
  const guestContext = await browser.newContext();
  const guest = await guestContext.newPage();
  await guest.goto(`/threads/${thread}`);
  await expect(post(guest, reply)).toContainText(HIDDEN);
  await expect(guest.getByText(advert)).toHaveCount(0);

  // The moderator still sees it, marked, and restores it.
  await oleg.page.goto(`/threads/${thread}`);
  const marked = post(oleg.page, reply);
  await expect(marked).toContainText(advert);
  await expect(marked).toContainText('Hidden by a moderator: only you and the moderators see this.');
  await moderation.act(marked, 'Restore', 'It was a partner offer after all.');
  await expect(marked.getByRole('status')).toHaveText('Done.');
  await guest.reload();
  await expect(post(guest, reply)).toContainText(advert);
  await guestContext.close();

  // The log lists both actions, newest first, with who and why.
  await moderation.openLog();
  const entries = moderation.item(advert);
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('restored');
  await expect(entries.nth(0)).toContainText('It was a partner offer after all.');
  await expect(entries.nth(1)).toContainText('hid');
  await expect(entries.nth(1)).toContainText('Advertising is not allowed here.');
  await expect(entries.nth(1)).toContainText('Oleg');
  await expectAccessible(oleg.page, 'on the moderation log');
  await oleg.close();
});

test('members cannot open the moderation area and do not get its link @portable', async ({ page }) => {
  await MemberApi.join(page.request, 'nomod');
  await page.goto('/moderation');
  await expect(page.getByText("You don't have access to this.")).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Moderation' })).toHaveCount(0);
  await new Shell(page).openMenuIfFolded();
  await expect(new Shell(page).nav.getByRole('link', { name: 'Moderation' })).toHaveCount(0);
});
