import { expect, type Page } from '@playwright/test';

/** The pages mails link to, and the account's password, address and sessions page. */
export class ForgotPasswordPage {
  constructor(readonly page: Page) {}

  async ask(email: string): Promise<void> {
    await this.page.getByLabel('E-mail').fill(email);
    await this.page.getByRole('button', { name: 'Send the link' }).click();
  }

  get sent() {
    return this.page.getByRole('status').filter({ hasText: 'If an account uses this address' });
  }
}

export class ResetPasswordPage {
  constructor(readonly page: Page) {}

  async setPassword(password: string): Promise<void> {
    await this.page.getByLabel('New password').fill(password);
    await this.page.getByRole('button', { name: 'Set the new password' }).click();
  }
}

export class SecurityPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/account/security');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Password, e-mail and sessions' })).toBeVisible();
  }

  get passwordForm() {
    return this.page.getByRole('form', { name: 'Change your password' });
  }

  get emailForm() {
    return this.page.getByRole('form', { name: 'Change your e-mail address' });
  }

  async changePassword(current: string, next: string): Promise<void> {
    await this.passwordForm.getByLabel('Current password').fill(current);
    await this.passwordForm.getByLabel('New password').fill(next);
    await this.passwordForm.getByRole('button', { name: 'Change password' }).click();
  }

  async changeEmail(address: string, password: string): Promise<void> {
    await this.emailForm.getByLabel('New e-mail address').fill(address);
    await this.emailForm.getByLabel('Current password').fill(password);
    await this.emailForm.getByRole('button', { name: 'Change address' }).click();
  }

  get sessions() {
    return this.page.locator('.session-list__item');
  }
}

/** `/account/notifications`: what reaches the member by e-mail. */
export class MailPreferencesPage {
  constructor(readonly page: Page) {}

  async open(heading = 'E-mail notifications'): Promise<void> {
    await this.page.goto('/account/notifications');
    // The first visit also fetches the page's chunk: slower on a busy machine.
    await expect(this.page.getByRole('heading', { level: 1, name: heading })).toBeVisible({ timeout: 20_000 });
  }

  /** The radio group of one kind of mail, by its legend. */
  kind(legend: string) {
    return this.page.getByRole('group', { name: legend });
  }

  choice(legend: string, delivery: string) {
    return this.kind(legend).getByRole('radio', { name: delivery });
  }

  get weekly() {
    return this.page.getByRole('checkbox', { name: /weekly community digest|еженедельную подборку/ });
  }
}
