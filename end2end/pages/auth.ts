import { expect, type Page } from '@playwright/test';

export class RegisterPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/register');
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  async join(member: { handle: string; displayName: string; email: string; password: string }): Promise<void> {
    await this.page.getByLabel('Your name').fill(member.displayName);
    await this.page.getByLabel('Handle').fill(member.handle);
    await this.page.getByLabel('E-mail').fill(member.email);
    await this.page.getByLabel('Password').fill(member.password);
    await this.page.getByRole('checkbox').check();
    await this.page.getByRole('button', { name: 'Join', exact: true }).click();
  }
}

export class SignInPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/signin');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  }

  async signIn(login: string, password: string): Promise<void> {
    await this.page.getByLabel('E-mail or handle').fill(login);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  get alert() {
    return this.page.locator('.form-alert');
  }
}

export class AccountPage {
  constructor(readonly page: Page) {}

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
  }
}
