import { expect, type Locator, type Page, type Response } from '@playwright/test';
import type { Tally } from './surveys';

/** The contract's KpiMonth. */
export interface KpiMonth {
  month: string;
  ideas_proposed: number;
  ideas_implemented: number;
  events_held: number;
  attendance: number;
  nps_tally: Tally;
  nps?: number | null;
}

/** The contract's Kpis. */
export interface Kpis {
  months: number;
  participation: { active_members: number; members: number; rate?: number | null };
  series: KpiMonth[];
}

/** The rate as the page shows it: whole percent, a no-break space before the sign. */
export function shownRate(rate: number): string {
  return `${Math.round(rate)}\u00a0%`;
}

/** A `YYYY-MM` month as the page names it in English ("Dec 2026"). */
export function monthName(month: string): string {
  return new Date(`${month}-01T12:00:00Z`).toLocaleString('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** `/admin/kpis`: the staff's KPIs page. */
export class KpisPage {
  constructor(readonly page: Page) {}

  /** Opens the page (for `months`, when given) and answers the KPIs the page itself received. */
  async open(months?: number): Promise<Kpis> {
    const answer = this.kpisResponse();
    await this.page.goto(months ? `/admin/kpis?months=${months}` : '/admin/kpis');
    return (await (await answer).json()) as Kpis;
  }

  /** The next answer of `GET /kpis` the page receives. */
  kpisResponse(): Promise<Response> {
    return this.page.waitForResponse((r) => r.url().includes('/api/v1/kpis') && r.request().method() === 'GET');
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  get rate(): Locator {
    return this.page.getByTestId('participation-rate');
  }

  get participation(): Locator {
    return this.page.getByRole('region', { name: 'Participation' });
  }

  period(name: 'Last 6 months' | 'Last 12 months'): Locator {
    return this.page.getByRole('navigation', { name: 'Period' }).getByRole('link', { name });
  }

  /** The table behind a chart (visually hidden, read by screen readers). */
  table(name: 'Ideas by month' | 'Events by month' | 'NPS by month'): Locator {
    return this.page.getByRole('table', { name });
  }

  rows(name: 'Ideas by month' | 'Events by month' | 'NPS by month'): Locator {
    return this.table(name).locator('tbody tr');
  }

  /** Checks that a chart's table lists the months and counts of `kpis`. */
  async expectCounts(kpis: Kpis): Promise<void> {
    const ideas = this.rows('Ideas by month');
    const events = this.rows('Events by month');
    await expect(ideas).toHaveCount(kpis.months);
    await expect(events).toHaveCount(kpis.months);
    await expect(this.rows('NPS by month')).toHaveCount(kpis.months);
    for (const [index, month] of kpis.series.entries()) {
      const name = monthName(month.month);
      await expect(ideas.nth(index).getByRole('rowheader')).toHaveText(name);
      await expect(ideas.nth(index).getByRole('cell')).toHaveText([String(month.ideas_proposed), String(month.ideas_implemented)]);
      await expect(events.nth(index).getByRole('rowheader')).toHaveText(name);
      await expect(events.nth(index).getByRole('cell')).toHaveText([String(month.events_held), String(month.attendance)]);
    }
  }
}
