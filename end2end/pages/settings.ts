import { expect, type Page } from '@playwright/test';

/** `/admin/settings`: the staff's community settings. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/admin/settings');
    await expect(this.page.getByRole('button', { name: /Save settings|Сохранить настройки/ })).toBeVisible();
  }

  get name() {
    return this.page.locator('#field-name');
  }

  get accent() {
    return this.page.locator('#field-accent_color');
  }

  get accentError() {
    return this.page.locator('#field-accent_color-error');
  }

  get saved() {
    return this.page.locator('.settings__saved').filter({ hasText: /Saved|Сохранено/ });
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: /Save settings|Сохранить настройки/ }).click();
  }

  async uploadLogo(png: Buffer): Promise<void> {
    await this.page.locator('#logo-file').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
  }
}

/** `/admin/joining`: invitations and the approval queue. */
export class JoiningPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/admin/joining');
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  async invite(email: string): Promise<void> {
    await this.page.getByLabel('E-mail address').fill(email);
    await this.page.getByRole('button', { name: 'Send the invitation' }).click();
  }
}
