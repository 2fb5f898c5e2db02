import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

type Role = 'President' | 'Mentor' | 'Partner' | 'Hero' | 'Catalyst' | 'Scout' | 'Supporter' | 'Member';
type Tab = 'Threads' | 'Replies' | 'Ideas' | 'Events';

/** `/members`: the directory, its search, role filter and order. */
export class DirectoryPage {
  constructor(readonly page: Page) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`/members${query}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  }

  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search by name, company or city' });
  }

  get roleFilter(): Locator {
    return this.page.getByLabel('Role', { exact: true });
  }

  /** The member cards, each headed by the member's name. */
  get cards(): Locator {
    return this.page.getByRole('main').getByRole('listitem').filter({ has: this.page.getByRole('heading', { level: 2 }) });
  }

  card(name: string): Locator {
    return this.cards.filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async search(words: string): Promise<void> {
    await this.searchBox.fill(words);
    await this.page.getByRole('button', { name: 'Search', exact: true }).click();
  }

  async filterByRole(role: Role | 'All roles'): Promise<void> {
    await this.roleFilter.selectOption({ label: role });
  }

  async sortBy(order: 'Reputation' | 'Newest' | 'Name'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Order' }).getByRole('link', { name: order, exact: true }).click();
  }

  /** The names on the cards, in order. */
  async names(): Promise<string[]> {
    return this.cards.getByRole('heading', { level: 2 }).allInnerTexts();
  }
}

/** `/members/<handle>`: a member's profile, their photos, follows and activity. */
export class ProfilePage {
  constructor(readonly page: Page) {}

  async open(handle: string, query = ''): Promise<void> {
    await this.page.goto(`/members/${handle}${query}`);
    await expect(this.name).toBeVisible();
  }

  get name(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** Picture, name, work, roles, reputation and follows, above the sections. */
  get head(): Locator {
    return this.page.locator('.profile-head');
  }

  section(heading: string | RegExp): Locator {
    return this.page.getByRole('region', { name: heading });
  }

  /** The label and value of a fact in the head ("Reputation", "Rank", "Member since"). */
  stat(label: 'Reputation' | 'Rank' | 'Member since'): Locator {
    return this.page.getByRole('term').filter({ hasText: label }).locator('xpath=following-sibling::dd[1]');
  }

  get activityTabs(): Locator {
    return this.page.getByRole('navigation', { name: 'Activity' });
  }

  /** An activity tab ("Replies 120"), named by its kind and count. */
  tab(kind: Tab): Locator {
    return this.activityTabs.getByRole('link', { name: new RegExp(`^${kind} [\\d,]+$`) });
  }

  /** How many items the tab's count says. */
  async tabCount(kind: Tab): Promise<number> {
    const name = (await this.tab(kind).innerText()).replace(/\s+/g, ' ');
    return Number(name.replace(/^\D+/, '').replace(/,/g, ''));
  }

  get activityItems(): Locator {
    return this.section('Activity').getByRole('listitem');
  }

  get photoButtons(): Locator {
    return this.section('Photos').getByRole('button');
  }

  get viewer(): Locator {
    return this.page.getByRole('dialog');
  }

  get followButton(): Locator {
    return this.page.getByRole('button', { name: /^(Follow|Unfollow)$/ });
  }

  /**
   * Follows or unfollows with the button and waits for the server's answer (the button and the
   * count change at once, before it).
   */
  async toggleFollow(): Promise<void> {
    const answered = this.page.waitForResponse(
      (response) => /\/api\/v1\/members\/[^/]+\/follow$/.test(new URL(response.url()).pathname) && response.ok(),
    );
    await this.followButton.click();
    await answered;
  }

  followersLink(): Locator {
    return this.page.getByRole('link', { name: /^[\d,]+ followers?$/ });
  }

  /** The staff-only role picker. */
  get staffTools(): Locator {
    return this.section('For staff');
  }

  async assignRole(role: Role): Promise<void> {
    await this.staffTools.getByLabel('Community role').selectOption({ label: role });
    await this.staffTools.getByRole('button', { name: 'Assign role' }).click();
    await expect(this.staffTools.getByRole('status')).toHaveText('Role saved.');
  }
}

/** `/account/profile`: one's picture, profile details, contacts, language and gallery. */
export class EditProfilePage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/account/profile');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Edit your profile' })).toBeVisible();
    await expect(this.displayName).toBeVisible();
  }

  get displayName(): Locator {
    return this.page.getByRole('textbox', { name: 'Your name', exact: true });
  }

  field(label: 'Position' | 'Company' | 'City' | 'About you'): Locator {
    return this.page.getByRole('textbox', { name: label, exact: true });
  }

  /** The fieldset of the `n`-th contact detail (1-based). */
  contact(n: number): Locator {
    return this.page.getByRole('group', { name: `Contact ${n}`, exact: true });
  }

  async addContact(kind: string, value: string, visibility: 'Everyone' | 'Members only' | 'Only me'): Promise<Locator> {
    const before = await this.page.getByRole('group', { name: /^Contact \d+$/ }).count();
    await this.page.getByRole('button', { name: 'Add a contact' }).click();
    const row = this.contact(before + 1);
    await row.getByLabel('Kind').selectOption({ label: kind });
    await row.getByRole('textbox', { name: 'Address or number' }).fill(value);
    await row.getByLabel('Who sees it').selectOption({ label: visibility });
    return row;
  }

  get saveButton(): Locator {
    return this.page.getByRole('button', { name: 'Save profile' });
  }

  async save(): Promise<void> {
    await this.saveButton.click();
  }

  get savedStatus(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'Profile saved.' });
  }

  get pictureSection(): Locator {
    return this.page.getByRole('region', { name: 'Profile picture' });
  }

  /** Picks a picture file for the avatar; the cropper opens. */
  async pickPicture(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.page.getByLabel('Choose a picture').setInputFiles(file);
    await expect(this.page.getByRole('img', { name: 'The square that will be saved' })).toBeVisible();
  }

  slider(name: 'Zoom' | 'Left – right' | 'Up – down'): Locator {
    return this.page.getByRole('slider', { name });
  }

  async savePicture(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save picture' }).click();
    await expect(this.pictureSection.getByRole('status')).toHaveText('Picture saved.');
  }

  get gallerySection(): Locator {
    return this.page.getByRole('region', { name: 'Photo gallery' });
  }

  async uploadPhoto(file: { name: string; mimeType: string; buffer: Buffer }, caption: string): Promise<void> {
    // The picker speaks the app's language, and names the picked file.
    await expect(this.gallerySection.getByText('No file chosen', { exact: true })).toBeVisible();
    await this.gallerySection.getByLabel('Choose a photo').setInputFiles(file);
    await expect(this.gallerySection.getByText(file.name, { exact: true })).toBeVisible();
    await this.gallerySection.getByRole('textbox', { name: 'Caption', exact: true }).fill(caption);
    await this.gallerySection.getByRole('button', { name: 'Upload photo' }).click();
    await expect(this.gallerySection.getByRole('status')).toHaveText('Photo added.');
    await expect(this.gallerySection.getByRole('textbox', { name: 'Caption', exact: true })).toHaveValue('');
  }

  /** The captions of the gallery, in order. */
  galleryCaptions(): Promise<string[]> {
    return this.gallerySection
      .getByRole('listitem')
      .getByRole('textbox', { name: /^Caption/ })
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  }
}

/** What the reference server answers, for checks a member cannot make by looking. */
export class MembersApi {
  constructor(readonly request: APIRequestContext, readonly baseURL = '') {}

  async profile(handle: string): Promise<{
    member: { avatar_url?: string | null; role: string; display_name: string };
    photos: Array<{ url: string; caption: string }>;
    contacts: Array<{ kind: string; value: string }>;
  }> {
    const response = await this.request.get(`${this.baseURL}/api/v1/members/${handle}`);
    expect(response.status()).toBe(200);
    return response.json();
  }

  /** The bytes of an uploaded picture, with the type it is served as. */
  async media(url: string): Promise<{ type: string; body: Buffer }> {
    const response = await this.request.get(url.startsWith('/api/') ? `${this.baseURL}${url}` : url);
    expect(response.status()).toBe(200);
    return { type: response.headers()['content-type'] ?? '', body: await response.body() };
  }
}
