import { expect, test } from '../support/fixtures';
import { GroupPage, GroupsApi, MembersOnlyPage, unique } from '../pages/groups';
import { NotificationsPage } from '../pages/notifications';
import { expectAccessible } from '../support/axe';
import { join, otherMember } from '../support/sessions';

test('a guest meets the members-only page; a member asks, the group admin approves, and the thread opens', async ({
  page,
  browser,
  baseURL,
}) => {
  // Two browsers and four accessibility checks.
  test.slow();
  // dmitry, the beta testers' admin, lets a fresh member in, who starts a thread there.
  const dmitryApi = await GroupsApi.demo(baseURL!, 'dmitry');
  const author = await GroupsApi.fresh(baseURL!, 'beta');
  await dmitryApi.addMember('beta-testers', author.handle);
  const title = unique('Beta build crashes on export');
  const thread = await author.api.newThread('beta-lab', title);

  // A guest following a link sees which group it belongs to, and the way in, never the title.
  await page.goto(`/threads/${thread}`);
  const gate = new MembersOnlyPage(page);
  await expect(gate.heading).toBeVisible();
  await expect(page.getByText('This content is available to members of')).toBeVisible();
  await expect(gate.groupLink('Beta testers')).toHaveAttribute('href', '/groups/beta-testers');
  await expect(page.getByRole('link', { name: 'Sign in', exact: true }).last()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Register', exact: true }).last()).toBeVisible();
  await expect(page.getByText(title)).toHaveCount(0);
  await expectAccessible(page, 'members-only page for a guest');

  // A member asks for access from the same page.
  const member = await join(page, 'asker');
  await page.goto(`/threads/${thread}`);
  await expect(gate.heading).toBeVisible();
  await gate.requestAccess.click();
  await expect(page.getByRole('status').filter({ hasText: 'Request sent' })).toBeVisible();
  await expectAccessible(page, 'members-only page after the request');

  // dmitry approves in the group's request queue.
  const dmitry = await otherMember(browser, 'dmitry');
  const group = new GroupPage(dmitry.page);
  await group.open('beta-testers');
  await expect(dmitry.page.getByRole('heading', { level: 1, name: 'Beta testers' })).toBeVisible();
  await expectAccessible(dmitry.page, 'group page with requests');
  await group.approve(member.displayName).click();
  await expect(group.approve(member.displayName)).toHaveCount(0);
  await dmitry.close();
  await dmitryApi.dispose();
  await author.api.dispose();

  // Now the thread opens for the member.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(gate.heading).toHaveCount(0);

  // The member was told, in words: the decision, not a code.
  const notifications = new NotificationsPage(page);
  await notifications.open();
  await expect(notifications.item('Beta testers')).toContainText('Your request to join a group was decided');
  await expect(notifications.item('Beta testers')).toContainText('Approved: you are a member now.');
});

test('a secret group and its threads are not found by outsiders; the group list shows the others with their kind', async ({
  page,
  baseURL,
}) => {
  const elena = await GroupsApi.demo(baseURL!, 'elena');
  const secretThread = await elena.firstThread('partner-council');
  await elena.dispose();

  await join(page, 'outsider');
  await page.goto(`/threads/${secretThread}`);
  await expect(page.getByText("We couldn't find this.")).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Members only' })).toHaveCount(0);
  await page.goto('/groups/partner-council');
  await expect(page.getByText("We couldn't find this.")).toBeVisible();

  await page.goto('/groups');
  await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible();
  const beta = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Beta testers' }) });
  await expect(beta.getByText('Closed', { exact: true })).toBeVisible();
  await expect(beta.getByRole('button', { name: 'Request access' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Partner council' })).toHaveCount(0);
  await expectAccessible(page, 'group list');

  // An open group takes the member at once, and its page shows its threads.
  const open = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Regional partners — North-West' }) });
  await open.getByRole('button', { name: 'Join' }).click();
  await expect(open.getByText('You are a member')).toBeVisible();
  await open.getByRole('link', { name: 'Regional partners — North-West' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Threads' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Совместный стенд на выставке в Санкт-Петербурге' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Leave group' })).toBeVisible();
});
