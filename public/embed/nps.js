/* Veche NPS loader: README.md, "Embedding the survey". */
(() => {
  const doc = document;
  const HOUR = 36e5;
  const DAY = 24 * HOUR;

  // "send" waiting answers, "fetch" the rules, "show" the survey, or "" (nothing).
  const due = (state, now) => {
    const rules = state.rules;
    const throttle = (rules && rules.throttle) || {};
    if (state.outbox?.length) return 'send';
    if (now - state.answered < DAY * (throttle.days_after_answer ?? 90)) return '';
    if (now - state.dismissed < DAY * (throttle.days_after_dismiss ?? 30)) return '';
    if (!rules || !(now - state.fetched < HOUR)) return 'fetch';
    return rules.open && state.bucket < throttle.sample_percent && state.visits >= throttle.min_visits ? 'show' : '';
  };

  const NAME = 'veche-nps';
  const script = doc.currentScript;
  const origin = new URL(script.src).origin;
  const css = (element, rules) =>
    rules.split(';').map((rule) => element.style.setProperty(...rule.split(/:(.*)/, 2), 'important'));

  const start = (host) => {
    const attr = (name) => host.getAttribute(name) || '';
    const survey = attr('survey');
    const key = NAME + ':' + survey;
    const mode = attr('mode') || 'inline';
    const save = () => {
      try { localStorage[key] = JSON.stringify(state); } catch {}
    };
    let state = {};
    let seen;
    try { state = JSON.parse(localStorage[key]) || {}; } catch {}
    // A visit is a browser session.
    try { seen = sessionStorage[key]; sessionStorage[key] = 1; } catch {}
    if (!seen || !state.visits) state.visits = (state.visits || 0) + 1;
    state.bucket ??= (Math.random() * 100) | 0;
    save();

    const open = () => {
      const frame = doc.createElement('iframe');
      const ru = /^ru/i.test(attr('locale') || doc.documentElement.lang);
      const query = new URLSearchParams({ survey, locale: ru ? 'ru' : 'en', host: location.origin, mode });
      for (const name of ['accent', 'respondent', 'segment']) attr(name) && query.set(name, attr(name));
      const last = doc.activeElement;
      let answered;
      const close = () => {
        if (!answered) state.dismissed = Date.now();
        save();
        removeEventListener('message', listen);
        doc.removeEventListener('keydown', escape);
        frame.remove();
        css(host, 'display:none');
        if (mode == 'modal' && last) last.focus();
      };
      const escape = (event) => event.key == 'Escape' && close();
      const listen = (event) => {
        const message = event.data || {};
        const type = message.type;
        if (event.origin != origin || event.source != frame.contentWindow) return;
        // Shown once the frame speaks, so never as an error page.
        if (type == 'height') {
          css(frame, 'height:' + +message.height + 'px');
          css(host, 'opacity:1;pointer-events:auto');
          if (mode == 'modal' && doc.activeElement == last) frame.focus();
        }
        if (type == 'answered') answered = state.answered = Date.now();
        if (type == 'outbox') state.outbox = message.letters;
        save();
        if (type == 'close' || type == 'dismissed') close();
      };
      addEventListener('message', listen);
      frame.title = ru ? '\u041e\u043f\u0440\u043e\u0441' : 'Survey';
      frame.sandbox = 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox';
      frame.src = origin + '/embed/frame/?' + query;
      css(frame, 'display:block;border:0;width:100%;height:160px');
      css(host, 'all:initial;display:block;opacity:0;pointer-events:none');
      if (mode == 'banner') {
        css(host, 'position:fixed;inset:auto 0 0;margin:auto;max-width:640px;z-index:2147483647');
      } else if (mode == 'modal') {
        host.role = 'dialog';
        host.ariaModal = 'true';
        host.ariaLabel = frame.title;
        css(host, 'display:grid;place-items:center;position:fixed;inset:0;z-index:2147483647;background:#0008');
        css(frame, 'width:calc(100% - 32px);max-width:480px;max-height:90%');
        doc.addEventListener('keydown', escape);
      }
      host.attachShadow({ mode: 'closed' }).append(frame);
    };

    // Oldest first; a failure waits for a later page.
    const send = () => {
      const letter = state.outbox[0];
      if (letter)
        fetch(origin + '/api/v1' + letter.path, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': letter.key },
          body: letter.body,
        }).then((response) => {
          if (response.status < 500 && response.status != 429) {
            state.outbox.shift();
            save();
            send();
          }
        }, () => {});
    };

    const decide = () => {
      const next = due(state, Date.now());
      if (next == 'send') send();
      if (next == 'show') setTimeout(open, attr('delay') * 1000 || 0);
      if (next == 'fetch')
        fetch(origin + '/api/v1/surveys/' + encodeURIComponent(survey) + '/public')
          .then((response) => (response.ok ? response.json() : response.status == 404 && {}))
          .then((rules) => {
            if (!rules) return;
            state.rules = rules;
            state.fetched = Date.now();
            save();
            decide();
          })
          .catch(() => {});
    };
    decide();
  };

  customElements.get(NAME) ||
    customElements.define(
      NAME,
      class extends HTMLElement {
        connectedCallback() {
          this.started || start((this.started = this));
        }
      },
    );

  const data = script.dataset;
  const place = () => {
    const element = doc.createElement(NAME);
    const target = data.target && doc.querySelector(data.target);
    for (const name in data) element.setAttribute(name, data[name]);
    if (target) target.append(element);
    else if (/^(banner|modal)$/.test(data.mode) || script.closest('head')) doc.body.append(element);
    else script.before(element);
  };
  if (data.survey) doc.readyState == 'loading' ? doc.addEventListener('DOMContentLoaded', place) : place();
})();
