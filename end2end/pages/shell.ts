import { expect, type Locator, type Page } from '@playwright/test';

/** The frame around every page: header navigation, language, account. */
export class Shell {
  constructor(readonly page: Page) {}

  get nav(): Locator {
    return this.page.getByRole('navigation', { name: /Main navigation|Основная навигация/ });
  }

  /** On narrow screens the sections sit behind the Menu button. */
  async openMenuIfFolded(): Promise<void> {
    const menu = this.page.getByRole('button', { name: /^(Menu|Меню)$/ });
    if (await menu.isVisible()) {
      if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
      await expect(menu).toHaveAttribute('aria-expanded', 'true');
    }
  }

  async follow(linkName: string | RegExp): Promise<void> {
    await this.openMenuIfFolded();
    await this.nav.getByRole('link', { name: linkName, exact: typeof linkName === 'string' }).click();
  }

  async chooseLanguage(label: 'English' | 'Русский'): Promise<void> {
    await this.openMenuIfFolded();
    await this.page.getByLabel(/^(Language|Язык)$/).selectOption({ label });
  }

  /** The signed-in member's button in the header, which opens their account menu. */
  accountButton(displayName: string): Locator {
    return this.nav.getByRole('button', { name: new RegExp(displayName) });
  }

  /** The account menu's list (their account, their profile, sign out), once opened. */
  get accountMenu(): Locator {
    return this.page.locator('#account-menu-list');
  }

  async openAccountMenu(displayName: string): Promise<void> {
    await this.openMenuIfFolded();
    const button = this.accountButton(displayName);
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
  }
}
