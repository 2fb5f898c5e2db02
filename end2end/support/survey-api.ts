import { expect, request, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD } from './users';

export type SurveyTexts = { question?: string; detractor?: string; passive?: string; promoter?: string };

export type SurveyJson = {
  id: string;
  name: string;
  company: string;
  allowed_origins: string[];
  response_count: number;
};

export type ResultsJson = {
  tally: { promoters: number; passives: number; detractors: number };
  nps: number | null;
  distribution: number[];
  sources: string[];
};

export type ResponseJson = {
  id: string;
  score: number;
  category: string;
  comment: string | null;
  source: string | null;
  locale: string | null;
};

/**
 * Staff's side of the survey API, signed in as a demo staff member in an API context of its own
 * (not the visitor's browser): for creating each journey's own survey and reading its results.
 */
export class StaffSurveys {
  private constructor(
    private readonly api: APIRequestContext,
    private csrf: string,
  ) {}

  static async signIn(veche: string, handle = 'elena'): Promise<StaffSurveys> {
    const api = await request.newContext({ baseURL: veche });
    const guest = await api.get('/api/v1/auth/me');
    expect(guest.status()).toBe(200);
    const staff = new StaffSurveys(api, (await guest.json()).csrf_token);
    const session = await staff.write('POST', '/auth/login', { login: handle, password: DEMO_PASSWORD });
    staff.csrf = session.csrf_token;
    return staff;
  }

  private async write(method: 'POST' | 'PUT', path: string, data: unknown) {
    const response = await this.api.fetch(`/api/v1${path}`, {
      method,
      data,
      headers: { 'X-CSRF-Token': this.csrf, 'Idempotency-Key': `e2e-${Date.now()}-${Math.random()}` },
    });
    expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
    return response.json();
  }

  private async read<T>(path: string): Promise<T> {
    const response = await this.api.get(`/api/v1${path}`);
    expect(response.status(), `GET ${path}: ${await response.text()}`).toBe(200);
    return response.json();
  }

  /** A new open NPS survey for Acme that `origins` may embed, with the default throttle. */
  async create(origins: string[], texts_en: SurveyTexts = {}, texts_ru: SurveyTexts = {}): Promise<SurveyJson> {
    return this.write('POST', '/surveys', {
      name: `Embed journey ${Date.now().toString(36)}`,
      kind: 'nps',
      company: 'Acme',
      texts_en,
      texts_ru,
      allowed_origins: origins,
      in_app: false,
      active: true,
    });
  }

  results(id: string): Promise<ResultsJson> {
    return this.read(`/surveys/${id}/results`);
  }

  async responses(id: string): Promise<ResponseJson[]> {
    return (await this.read<{ items: ResponseJson[] }>(`/surveys/${id}/responses?limit=100`)).items;
  }

  async dispose(): Promise<void> {
    await this.api.dispose();
  }
}
