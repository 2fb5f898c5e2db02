import { expect, request, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../support/users';

/** `/charter`: the community rules and roles; staff edit them in place. */
export class CharterPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/charter');
    await expect(this.heading).toBeVisible();
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  get rules(): Locator {
    return this.page.locator('.charter-page .md');
  }

  /** The roles list: one term per role, its duty as the description. */
  get roles(): Locator {
    return this.page.getByRole('region', { name: /Roles in the community|Роли в сообществе/ });
  }

  duty(role: string): Locator {
    return this.roles.locator('.charter-roles__item').filter({ has: this.page.getByRole('term').getByText(role, { exact: true }) });
  }

  get editButton(): Locator {
    return this.page.getByRole('button', { name: 'Edit the rules' });
  }

  get status(): Locator {
    return this.page.locator('.charter-page__status');
  }

  /** The editor's fields of one language ("English" or "Russian"). */
  language(name: 'English' | 'Russian'): Locator {
    return this.page.getByRole('group', { name, exact: true });
  }

  rulesField(language: 'English' | 'Russian'): Locator {
    return this.language(language).getByRole('textbox', { name: 'Rules (markdown)' });
  }

  dutyField(language: 'English' | 'Russian', role: string): Locator {
    return this.language(language).getByRole('textbox', { name: role, exact: true });
  }

  get save(): Locator {
    return this.page.getByRole('button', { name: 'Save the rules' });
  }
}

/** A staff member's API session on one server: changes the charter as another editor would. */
export class CharterApi {
  static async edit(veche: string, handle: string, change: (charter: CharterJson) => void): Promise<CharterJson> {
    const api = await request.newContext({ baseURL: veche });
    try {
      const guest = await (await api.get('/api/v1/auth/me')).json();
      const login = await api.post('/api/v1/auth/login', {
        data: { login: handle, password: DEMO_PASSWORD },
        headers: { 'X-CSRF-Token': guest.csrf_token },
      });
      expect(login.status()).toBe(200);
      const charter: CharterJson = await (await api.get('/api/v1/charter')).json();
      change(charter);
      const saved = await api.put('/api/v1/charter', {
        data: { en: charter.en, ru: charter.ru, version: charter.version },
        headers: { 'X-CSRF-Token': (await login.json()).csrf_token, 'Idempotency-Key': `e2e-${Date.now()}-${Math.random()}` },
      });
      expect(saved.status(), await saved.text()).toBe(200);
      return saved.json();
    } finally {
      await api.dispose();
    }
  }
}

export interface CharterJson {
  en: { rules: string; roles: { role: string; description: string }[] };
  ru: { rules: string; roles: { role: string; description: string }[] };
  version: number;
  updated_at?: string | null;
}
