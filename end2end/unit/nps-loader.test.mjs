// The embed loader (public/embed/nps.js) run in Node against a small fake of the browser: what it
// fetches, whether it opens a frame, and what it keeps in the host's storage.
//   node --test end2end/unit/
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import vm from 'node:vm';

const SOURCE = readFileSync(new URL('../../public/embed/nps.js', import.meta.url), 'utf8');
const VECHE = 'https://veche.test';
const HOST = 'https://shop.test';
const KEY = 'veche-nps:s1';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const NOW = Date.UTC(2026, 5, 1, 12);
const OPEN = { open: true, throttle: { days_after_answer: 90, days_after_dismiss: 30, sample_percent: 100, min_visits: 1 } };

class FakeElement {
  constructor(tag = 'veche-nps') {
    this.tag = tag;
    this.attributes = {};
    this.styles = {};
    this.connected = false;
    this.removed = false;
    this.style = {
      setProperty: (name, value, priority) => {
        this.styles[name] = value;
        this.styles[`${name}!`] = priority;
      },
    };
  }
  getAttribute(name) {
    return this.attributes[name] ?? null;
  }
  setAttribute(name, value) {
    this.attributes[name] = String(value);
  }
  attachShadow(options) {
    this.shadow = { mode: options.mode, children: [], append: (child) => this.shadow.children.push(child) };
    return this.shadow;
  }
  remove() {
    this.removed = true;
  }
  focus() {
    this.ownerDocument.activeElement = this;
  }
}

/**
 * Runs the loader once, as a page load would, with `stored` as the host's localStorage entry for
 * survey s1 and `session` as this tab's sessionStorage (shared between loads of one session).
 */
async function load({
  stored,
  session = {},
  data = { survey: 's1' },
  lang = 'en',
  rules = OPEN,
  status = 200,
  now = NOW,
  random = 0,
  answers = [],
  inHead = false,
  targets = {},
} = {}) {
  const localStorage = stored === undefined ? {} : { [KEY]: JSON.stringify(stored) };
  const fetched = [];
  const sent = [];
  const timers = [];
  const windowListeners = [];
  const documentListeners = [];
  const opener = new FakeElement('a');
  const document = {
    readyState: 'complete',
    documentElement: { lang },
    activeElement: opener,
    body: {
      children: [],
      contains: () => true,
      append: (element) => connect(element, document.body.children),
    },
    placedBeforeScript: [],
    querySelector: (selector) => targets[selector] ?? null,
    createElement: (tag) => (tag === 'veche-nps' ? new defined() : Object.assign(new FakeElement(tag), { ownerDocument: document, contentWindow: {} })),
    addEventListener: (type, listener) => documentListeners.push({ type, listener }),
    removeEventListener: (type, listener) => documentListeners.splice(documentListeners.findIndex((l) => l.listener === listener) >>> 0, 1),
  };
  opener.ownerDocument = document;
  const script = {
    src: `${VECHE}/embed/nps.js`,
    dataset: data,
    before: (element) => connect(element, document.placedBeforeScript),
    closest: (selector) => (inHead && selector === 'head' ? {} : null),
  };
  document.currentScript = script;
  const connect = (element, list) => {
    list.push(element);
    element.connectedCallback?.();
  };
  let defined;
  const context = {
    document,
    localStorage,
    sessionStorage: session,
    location: { origin: HOST },
    URL,
    URLSearchParams,
    Date: { now: () => now },
    Math: Object.assign(Object.create(Math), { random: () => random }),
    HTMLElement: class extends FakeElement {
      constructor() {
        super('veche-nps');
        this.ownerDocument = document;
      }
    },
    customElements: {
      get: () => defined,
      define: (name, constructor) => {
        assert.equal(name, 'veche-nps');
        defined = constructor;
      },
    },
    fetch: async (url, init) => {
      if (init?.method === 'POST') {
        // `answers`: the server's status for each request in turn, 0 for no answer at all.
        const answer = answers[sent.length] ?? 201;
        sent.push({ url, key: init.headers['Idempotency-Key'], type: init.headers['Content-Type'], body: init.body });
        if (answer === 0) throw new TypeError('Failed to fetch');
        return { ok: answer < 300, status: answer };
      }
      fetched.push(url);
      if (status === 0) throw new TypeError('Failed to fetch');
      return { ok: status < 300, status, json: async () => rules };
    },
    setTimeout: (callback, delay) => {
      timers.push(delay);
      callback();
    },
    addEventListener: (type, listener) => windowListeners.push({ type, listener }),
    removeEventListener: (type, listener) => windowListeners.splice(windowListeners.findIndex((l) => l.listener === listener) >>> 0, 1),
  };
  vm.runInNewContext(SOURCE, context);
  await new Promise((resolve) => setImmediate(resolve));

  const hosts = [...document.placedBeforeScript, ...document.body.children];
  const frames = hosts.flatMap((host) => host.shadow?.children ?? []);
  return {
    document,
    hosts,
    frames,
    fetched,
    sent,
    defined: () => defined,
    timers,
    opener,
    state: () => JSON.parse(localStorage[KEY]),
    session,
    /** Delivers a message event to the page's listeners. */
    post(data, { origin = VECHE, source = frames[0].contentWindow } = {}) {
      for (const { type, listener } of [...windowListeners]) if (type === 'message') listener({ origin, source, data });
    },
    key(key) {
      for (const { type, listener } of [...documentListeners]) if (type === 'keydown') listener({ key });
    },
    listening: () => windowListeners.length + documentListeners.length,
  };
}

const message = (type, fields = {}) => ({ veche: 'nps', survey: 's1', type, ...fields });
const params = (frame) => Object.fromEntries(new URL(frame.src).searchParams);
const ago = (days) => NOW - days * DAY;
/** A stored state with fresh rules, so a load decides without fetching. */
const cached = (state, rules = OPEN) => ({ visits: 1, bucket: 0, rules, fetched: NOW - MINUTE, ...state });

test('a first visit fetches the rules from the Veche origin, then opens the frame at the script', async () => {
  const page = await load();
  assert.deepEqual(page.fetched, [`${VECHE}/api/v1/surveys/s1/public`]);
  assert.equal(page.frames.length, 1);
  assert.equal(page.document.placedBeforeScript.length, 1, 'inline: at the script tag');
  const [frame] = page.frames;
  assert.equal(page.hosts[0].shadow.mode, 'closed');
  assert.equal(frame.src.split('?')[0], `${VECHE}/embed/frame/`);
  assert.deepEqual(params(frame), { survey: 's1', locale: 'en', host: HOST, mode: 'inline' });
  assert.equal(frame.title, 'Survey');
  assert.equal(frame.sandbox, 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox');
  assert.deepEqual(page.state(), { visits: 1, bucket: 0, rules: OPEN, fetched: NOW });
});

test('every style on the host element and the frame is !important', async () => {
  const page = await load({ data: { survey: 's1', mode: 'banner' } });
  for (const element of [page.hosts[0], page.frames[0]]) {
    const names = Object.keys(element.styles).filter((name) => !name.endsWith('!'));
    assert.ok(names.length > 3);
    for (const name of names) assert.equal(element.styles[`${name}!`], 'important', name);
  }
  assert.equal(page.hosts[0].styles.position, 'fixed');
  assert.equal(page.hosts[0].styles.inset, 'auto 0 0');
  assert.equal(page.document.body.children.length, 1, 'a banner goes to the end of the body');
});

test('data-target names the element an inline survey goes into', async () => {
  const slot = { children: [] };
  slot.append = (element) => {
    slot.children.push(element);
    element.connectedCallback();
  };
  const page = await load({ data: { survey: 's1', target: '#feedback' }, targets: { '#feedback': slot } });
  assert.equal(slot.children.length, 1);
  assert.equal(slot.children[0].shadow.children.length, 1, 'the frame is in it');
  assert.deepEqual([page.document.placedBeforeScript.length, page.document.body.children.length], [0, 0]);
});

test('a script tag without data-survey only defines <veche-nps>', async () => {
  const page = await load({ data: {} });
  assert.equal(typeof page.defined(), 'function');
  assert.deepEqual([page.hosts, page.fetched], [[], []]);
});

test('an inline survey goes to the end of the body when the script is in the head', async () => {
  const page = await load({ inHead: true });
  assert.deepEqual([page.document.placedBeforeScript.length, page.document.body.children.length], [0, 1]);
});

test('the language is the page’s unless data-locale says otherwise, and the data- attributes reach the frame', async () => {
  const russian = await load({ lang: 'ru-RU' });
  assert.equal(params(russian.frames[0]).locale, 'ru');
  assert.equal(russian.frames[0].title, 'Опрос');
  assert.equal(params((await load({ lang: 'de' })).frames[0]).locale, 'en');
  const chosen = await load({
    lang: 'ru',
    data: { survey: 's1', locale: 'en', respondent: 'c-42@example.com', segment: 'trial', accent: '#0a7e5c' },
  });
  assert.deepEqual(params(chosen.frames[0]), {
    survey: 's1',
    locale: 'en',
    host: HOST,
    mode: 'inline',
    accent: '#0a7e5c',
    respondent: 'c-42@example.com',
    segment: 'trial',
  });
});

test('data-delay waits that many seconds before opening the frame', async () => {
  const page = await load({ data: { survey: 's1', delay: '3' } });
  assert.deepEqual(page.timers, [3000]);
});

/**
 * A visitor who answered or dismissed (`when`) `days` ago: with the default throttle before any
 * rules are cached, and with the survey's cached rules.
 */
async function throttled(when, days) {
  for (const rules of [undefined, OPEN]) {
    const recent = await load({ stored: cached({ [when]: ago(days - 1), rules, fetched: rules && NOW - MINUTE }) });
    assert.deepEqual([recent.fetched, recent.frames.length], [[], 0], `day ${days - 1}`);
    const later = await load({ stored: cached({ [when]: ago(days + 1), rules, fetched: rules && NOW - MINUTE }) });
    assert.equal(later.frames.length, 1, `day ${days + 1}`);
  }
}

test('after an answer: nothing is loaded for 90 days, the survey is due again after them', () => throttled('answered', 90));

test('after a dismissal: nothing for 30 days, due again after them', () => throttled('dismissed', 30));

test('the days after an answer come from the survey’s rules', async () => {
  const rules = { ...OPEN, throttle: { ...OPEN.throttle, days_after_answer: 10 } };
  assert.equal((await load({ stored: cached({ answered: ago(9) }, rules) })).frames.length, 0);
  assert.equal((await load({ stored: cached({ answered: ago(11) }, rules) })).frames.length, 1);
});

test('sampling: a visitor is asked when their bucket is below the percentage, and the bucket is rolled once', async () => {
  const rules = { ...OPEN, throttle: { ...OPEN.throttle, sample_percent: 20 } };
  assert.equal((await load({ stored: cached({ bucket: 19 }, rules) })).frames.length, 1);
  const outside = await load({ stored: cached({ bucket: 20 }, rules) });
  assert.equal(outside.frames.length, 0);
  assert.equal(outside.state().bucket, 20);

  const first = await load({ random: 0.427, rules });
  assert.equal(first.state().bucket, 42);
  assert.equal(first.frames.length, 0);
  const again = await load({ stored: first.state(), random: 0.01 });
  assert.equal(again.state().bucket, 42, 'kept, not rolled again');
  assert.equal(again.frames.length, 0);

  const none = { ...OPEN, throttle: { ...OPEN.throttle, sample_percent: 0 } };
  assert.equal((await load({ stored: cached({ bucket: 0 }, none) })).frames.length, 0);
  assert.equal((await load({ stored: cached({ bucket: 99 }) })).frames.length, 1, '100 % asks everyone');
});

test('minimum visits: a visit is a browser session; the survey waits for the third', async () => {
  const rules = { ...OPEN, throttle: { ...OPEN.throttle, min_visits: 3 } };
  const first = await load({ rules });
  assert.equal(first.frames.length, 0);
  const reload = await load({ stored: first.state(), session: first.session, rules });
  assert.equal(reload.state().visits, 1, 'a reload is the same visit');
  assert.equal(reload.frames.length, 0);
  const second = await load({ stored: reload.state(), rules });
  assert.deepEqual([second.state().visits, second.frames.length], [2, 0]);
  const third = await load({ stored: second.state(), rules });
  assert.deepEqual([third.state().visits, third.frames.length], [3, 1]);
});

test('a page in a session whose stored state was cleared is still a visit', async () => {
  const first = await load();
  const cleared = await load({ session: first.session });
  assert.equal(cleared.state().visits, 1);
  assert.equal(cleared.frames.length, 1);
});

test('the rules are cached for an hour', async () => {
  const fresh = await load({ stored: cached({ fetched: NOW - 59 * MINUTE }) });
  assert.deepEqual(fresh.fetched, []);
  const stale = await load({ stored: cached({ fetched: NOW - 61 * MINUTE }) });
  assert.equal(stale.fetched.length, 1);
  assert.equal(stale.state().fetched, NOW);
});

test('a closed, unknown or unreachable survey shows nothing', async () => {
  const closed = await load({ rules: { ...OPEN, open: false } });
  assert.equal(closed.frames.length, 0);
  assert.equal(closed.state().rules.open, false, 'cached, so the next page asks no one');
  const unknown = await load({ status: 404 });
  assert.equal(unknown.frames.length, 0);
  assert.equal(unknown.state().fetched, NOW);
  for (const status of [500, 0]) {
    const down = await load({ status });
    assert.equal(down.frames.length, 0);
    assert.equal(down.state().fetched, undefined, 'tried again on the next page');
  }
});

test('the frame’s height follows its messages, and only messages from the Veche origin and the frame count', async () => {
  const page = await load();
  const [frame] = page.frames;
  page.post(message('height', { height: 321 }));
  assert.equal(frame.styles.height, '321px');
  page.post(message('height', { height: 999 }), { origin: 'https://evil.test' });
  page.post(message('height', { height: 999 }), { source: {} });
  page.post(message('close'), { origin: 'https://evil.test' });
  assert.equal(frame.styles.height, '321px');
  assert.equal(frame.removed, false);
});

test('closing after an answer is no dismissal', async () => {
  const page = await load();
  page.post(message('answered', { score: 9, category: 'promoter' }));
  assert.equal(page.state().answered, NOW);
  page.post(message('close'));
  assert.equal(page.frames[0].removed, true);
  assert.equal(page.hosts[0].styles.display, 'none');
  assert.equal(page.state().dismissed, undefined);
  assert.equal(page.listening(), 0);
});

test('a dismissal is remembered and closes the frame', async () => {
  const page = await load();
  page.post(message('dismissed'));
  assert.equal(page.state().dismissed, NOW);
  assert.equal(page.frames[0].removed, true);
});

const SCORE = { path: '/surveys/s1/responses', key: 'k1', body: '{"id":"r-1","score":8}' };
const FOLLOW_UP = { path: '/surveys/s1/responses/r-1/follow-up', key: 'k2', body: '{"comment":"Faster"}' };

test('the frame’s undelivered answers are kept in the host’s storage', async () => {
  const page = await load();
  page.post(message('outbox', { letters: [SCORE] }));
  page.post(message('outbox', { letters: [SCORE, FOLLOW_UP] }));
  assert.deepEqual(page.state().outbox, [SCORE, FOLLOW_UP]);
  page.post(message('outbox', { letters: [FOLLOW_UP] }), { origin: 'https://evil.test' });
  assert.deepEqual(page.state().outbox, [SCORE, FOLLOW_UP]);
  page.post(message('outbox', { letters: [] }));
  assert.deepEqual(page.state().outbox, []);
});

test('the next page sends them, oldest first with their keys, before anything else; then the throttle applies', async () => {
  const page = await load({ stored: cached({ answered: ago(0), outbox: [SCORE, FOLLOW_UP] }), answers: [201, 200] });
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(page.sent, [
    { url: `${VECHE}/api/v1/surveys/s1/responses`, key: 'k1', type: 'application/json', body: SCORE.body },
    { url: `${VECHE}/api/v1/surveys/s1/responses/r-1/follow-up`, key: 'k2', type: 'application/json', body: FOLLOW_UP.body },
  ]);
  assert.deepEqual(page.state().outbox, []);
  assert.deepEqual([page.fetched, page.frames.length], [[], 0]);

  const next = await load({ stored: page.state() });
  assert.deepEqual([next.sent, next.fetched, next.frames.length], [[], [], 0]);
});

test('an answer the server did not take waits for a later page; one refused for good is dropped', async () => {
  for (const answer of [0, 503, 429]) {
    const page = await load({ stored: cached({ answered: ago(0), outbox: [SCORE, FOLLOW_UP] }), answers: [answer] });
    assert.equal(page.sent.length, 1, `after ${answer}: the follow-up waits for its score`);
    assert.deepEqual(page.state().outbox, [SCORE, FOLLOW_UP]);
  }
  const refused = await load({ stored: cached({ answered: ago(0), outbox: [SCORE, FOLLOW_UP] }), answers: [409, 0] });
  assert.equal(refused.sent.length, 2);
  assert.deepEqual(refused.state().outbox, [FOLLOW_UP]);
});

test('the survey is hidden until the frame tells its height (an error page never shows)', async () => {
  const page = await load({ data: { survey: 's1', mode: 'banner' } });
  const [host] = page.hosts;
  assert.deepEqual([host.styles.opacity, host.styles['pointer-events']], ['0', 'none']);
  page.post(message('height', { height: 300 }));
  assert.deepEqual([host.styles.opacity, host.styles['pointer-events']], ['1', 'auto']);
});

test('modal: focus moves into the frame once it shows, Escape closes it and gives focus back', async () => {
  const page = await load({ data: { survey: 's1', mode: 'modal' } });
  const [host] = page.hosts;
  assert.equal(host.role, 'dialog');
  assert.equal(host.ariaModal, 'true');
  assert.equal(page.document.activeElement, page.opener);
  page.post(message('height', { height: 300 }));
  assert.equal(page.document.activeElement, page.frames[0]);
  page.key('Escape');
  assert.equal(page.frames[0].removed, true);
  assert.equal(page.document.activeElement, page.opener);
  assert.equal(page.state().dismissed, NOW, 'closed unanswered: a dismissal');
});
