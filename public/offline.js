// Registers the service worker (public/sw.js) and shows its two notices: "Offline — showing
// what you saw at 14:05" while answers come from the cache, and "… was updated — Reload" when a
// new version is ready. Loaded by index.html after the page has loaded, so it is not part of the
// first load; the app itself (the Wasm) knows nothing of it. Where service workers are missing
// or refused, nothing happens.
(function () {
  var workers = navigator.serviceWorker;
  if (!workers) return;
  var WORDS = {
    en: {
      region: 'Connection',
      offline: 'Offline — showing what you saw at {time}',
      offlineOn: 'Offline — showing what you saw on {time}',
      updated: '{name} was updated',
      reload: 'Reload',
    },
    ru: {
      region: 'Соединение',
      offline: 'Нет сети — показано то, что вы видели в {time}',
      offlineOn: 'Нет сети — показано то, что вы видели {time}',
      updated: 'Вышла новая версия {name}',
      reload: 'Перезагрузить',
    },
  };
  function language() {
    return (document.documentElement.lang || 'en').slice(0, 2) === 'ru' ? 'ru' : 'en';
  }
  function words() {
    return WORDS[language()];
  }

  var region;
  function notice(id) {
    if (!region) {
      region = document.createElement('section');
      region.className = 'offline-notices';
      region.setAttribute('aria-label', words().region);
      document.body.appendChild(region);
    }
    var element = document.getElementById(id);
    if (!element) {
      element = document.createElement('div');
      element.id = id;
      element.className = 'offline-notice';
      element.setAttribute('role', 'status');
      region.appendChild(element);
    }
    return element;
  }
  function remove(id) {
    var element = document.getElementById(id);
    if (element) element.remove();
  }

  // The oldest answer shown from the cache since the network was last there.
  var savedAt = 0;
  function showOffline() {
    var when = new Date(savedAt);
    var today = when.toDateString() === new Date().toDateString();
    var format = today ? { hour: '2-digit', minute: '2-digit' } : { dateStyle: 'medium', timeStyle: 'short' };
    var time = new Intl.DateTimeFormat(language(), format).format(when);
    notice('offline-notice').textContent = words()[today ? 'offline' : 'offlineOn'].replace('{time}', time);
  }

  var waiting;
  var reloading = false;
  function showUpdate(worker) {
    waiting = worker;
    var element = notice('update-notice');
    var name = document.querySelector('.site-header__name');
    element.textContent = words().updated.replace('{name}', (name && name.textContent) || 'Veche');
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'button';
    button.textContent = words().reload;
    button.addEventListener('click', function () {
      reloading = true;
      button.disabled = true;
      // The waiting version takes over; every tab of this site then reloads on it.
      waiting.postMessage('veche-skip-waiting');
    });
    element.appendChild(button);
  }

  workers.addEventListener('message', function (event) {
    var data = event.data || {};
    // An answer that failed before the network came back says nothing about now.
    if (data.type === 'veche-offline' && data.failedAt >= onlineAt) {
      savedAt = savedAt ? Math.min(savedAt, data.savedAt) : data.savedAt;
      showOffline();
    } else if (data.type === 'veche-online' && savedAt) {
      savedAt = 0;
      remove('offline-notice');
    }
  });
  // The browser has a network again: the next answers come from the server (one that still
  // comes from the cache shows the notice again).
  var onlineAt = 0;
  addEventListener('online', function () {
    onlineAt = Date.now();
    savedAt = 0;
    remove('offline-notice');
  });
  // Only after the member asked for it: a tab never changes code under their hands.
  workers.addEventListener('controllerchange', function () {
    if (reloading) location.reload();
  });
  // The app rebuilds its view in the other language: say the notices in it too.
  new MutationObserver(function () {
    if (region) region.setAttribute('aria-label', words().region);
    if (savedAt) showOffline();
    if (waiting && document.getElementById('update-notice')) {
      remove('update-notice');
      showUpdate(waiting);
    }
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });

  workers
    .register('/sw.js')
    .then(function (registration) {
      function announce(worker) {
        // The first version to install has nothing to replace.
        if (worker && workers.controller) showUpdate(worker);
      }
      announce(registration.waiting);
      registration.addEventListener('updatefound', function () {
        var worker = registration.installing;
        if (!worker) return;
        worker.addEventListener('statechange', function () {
          if (worker.state === 'installed') announce(worker);
        });
      });
      // A tab left open for days looks for a new version when the member comes back to it.
      document.addEventListener('visibilitychange', function () {
        if (document.visibilityState === 'visible') registration.update().catch(function () {});
      });
    })
    .catch(function () {});
})();
