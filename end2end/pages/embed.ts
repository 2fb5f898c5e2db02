import { expect, type Frame, type Locator, type Page } from '@playwright/test';

export const NPS_QUESTION = 'How likely are you to recommend Acme to a friend or colleague?';

/** The embed snippets a company pastes, as README's "Embedding the survey" gives them. */
export const snippets = {
  /** The loader's script tag with `data-` attributes (mode, locale, delay, …). */
  script(veche: string, survey: string, data: Record<string, string> = {}): string {
    const attributes = Object.entries(data)
      .map(([name, value]) => ` data-${name}="${value}"`)
      .join('');
    return `<script src="${veche}/embed/nps.js" data-survey="${survey}"${attributes} async></script>`;
  },

  /** The custom element, with the loader (without a survey of its own) defining it. */
  element(veche: string, survey: string): string {
    return `<veche-nps survey="${survey}"></veche-nps><script src="${veche}/embed/nps.js" async></script>`;
  },

  /** The plain iframe for sites that allow no script, as the staff's snippet gives it. */
  iframe(veche: string, survey: string): string {
    return `<iframe src="${veche}/embed/frame/?survey=${survey}&mode=static" title="Survey" width="100%" height="420" loading="lazy"></iframe>`;
  },
};

/**
 * The NPS survey as a visitor of a company's page meets it: the frame the loader opens (inside a
 * closed shadow root, so it is found among the page's frames, not by a selector).
 */
export class EmbeddedSurvey {
  constructor(readonly page: Page) {}

  /** Frames of the survey currently on the page. */
  frames(): Frame[] {
    return this.page.frames().filter((frame) => frame.url().includes('/embed/frame/'));
  }

  /** The survey's frame, once it has opened and shows the question. */
  async frame(question = NPS_QUESTION): Promise<Frame> {
    await expect.poll(() => this.frames().length, { message: 'the survey frame opens' }).toBe(1);
    const frame = this.frames()[0];
    await expect(this.question(frame, question)).toBeVisible();
    return frame;
  }

  question(frame: Frame, question = NPS_QUESTION): Locator {
    return frame.getByRole('group', { name: question });
  }

  score(frame: Frame, score: number): Locator {
    return frame.getByRole('radio', { name: String(score), exact: true });
  }

  /** The frame's box on the page: on top of everything at its centre, and its size. */
  async box(frame: Frame): Promise<{ x: number; y: number; width: number; height: number }> {
    const element = await frame.frameElement();
    await element.scrollIntoViewIfNeeded();
    const box = await element.boundingBox();
    expect(box, 'the frame has a box on the page').not.toBeNull();
    const { x, y, width, height } = box!;
    // What a click at the frame's centre would reach: the embed's element (the shadow root is
    // closed, so the page sees its host), not something the host page put over it.
    const reached = await this.page.evaluate(([cx, cy]) => document.elementFromPoint(cx, cy)?.localName, [x + width / 2, y + height / 2]);
    expect(reached, 'the survey is on top where it is shown').toBe('veche-nps');
    return { x, y, width, height };
  }

  /** Whether the keyboard focus is in the frame, on `locator`. */
  private async focused(locator: Locator): Promise<boolean> {
    return locator.evaluate((element) => document.hasFocus() && element === document.activeElement).catch(() => false);
  }

  /** Presses Tab (at most `limit` times) until `locator`, inside the frame, has the focus. */
  async tabTo(locator: Locator, limit = 20): Promise<void> {
    for (let presses = 0; presses < limit; presses++) {
      if (await this.focused(locator)) return;
      await this.page.keyboard.press('Tab');
    }
    expect(await this.focused(locator), `Tab reaches ${locator}`).toBe(true);
  }

  /** Presses Tab until any of the score's radio buttons has the focus. */
  async tabIntoScores(frame: Frame, limit = 20): Promise<void> {
    const radio = frame.locator('input[type=radio]:focus');
    for (let presses = 0; presses < limit; presses++) {
      if ((await radio.count()) === 1 && (await this.focused(radio))) return;
      await this.page.keyboard.press('Tab');
    }
    expect(await radio.count(), 'Tab reaches the scores').toBe(1);
  }

  /**
   * Presses `key` on what closes the survey and waits until the frame has gone. The frame is
   * removed while the key is still being delivered to it, and Chromium may then never confirm
   * the key to the test driver (a driver hang, not one a visitor sees): so the press is not
   * awaited, and the key is released on the page only if the press was confirmed.
   */
  async pressToClose(key: string): Promise<void> {
    const pressed = this.page.keyboard.down(key).then(
      () => true,
      () => false,
    );
    await this.expectClosed();
    const confirmed = await Promise.race([pressed, new Promise<boolean>((done) => setTimeout(() => done(false), 2_000))]);
    if (confirmed) await this.page.keyboard.up(key);
  }

  /** Waits until no survey frame is left on the page. */
  async expectClosed(): Promise<void> {
    await expect.poll(() => this.frames().length).toBe(0);
  }
}

/** Collects every Content-Security-Policy refusal the page or its frames report. */
export function cspViolations(page: Page): string[] {
  const refusals: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) refusals.push(message.text());
  });
  return refusals;
}
