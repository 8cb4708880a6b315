// The console's pages, one per route of the address's fragment (#/messages, #/messages/<id>, #/partners,
// #/dead-letters, #/rules), so that the browser's back button and bookmarks work without a server round trip.
import {currentSession, postJson} from './api.js';
import {el, errorBox} from './view.js';
import * as messages from './pages/messages.js';
import * as message from './pages/message.js';
import * as partners from './pages/partners.js';
import * as deadLetters from './pages/dead-letters.js';
import * as rules from './pages/rules.js';

const main = document.getElementById('main');
const ROUTES = [
  [/^#\/messages\/(.+)$/, (m, s) => message.render(decodeURIComponent(m[1]), s), '#/messages'],
  [/^#\/messages(?:\?(.*))?$/, (m, s) => messages.render(new URLSearchParams(m[1] || ''), s), '#/messages'],
  [/^#\/partners$/, (m, s) => partners.render(s), '#/partners'],
  [/^#\/dead-letters$/, (m, s) => deadLetters.render(s), '#/dead-letters'],
  [/^#\/rules$/, (m, s) => rules.render(s), '#/rules'],
];

async function show() {
  const hash = location.hash || '#/messages';
  if (!hash.startsWith('#/')) {
    return; // an in-page link, such as "Skip to content"
  }
  const route = ROUTES.find(([pattern]) => pattern.test(hash));
  if (!route) {
    location.hash = '#/messages';
    return;
  }
  for (const link of document.querySelectorAll('nav a')) {
    if (link.getAttribute('href') === route[2]) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  main.setAttribute('aria-busy', 'true');
  try {
    const session = await currentSession();
    const page = await route[1](hash.match(route[0]), session);
    main.replaceChildren(...[page].flat());
  } catch (e) {
    main.replaceChildren(el('h1', {tabindex: '-1', id: 'page-title'}, 'Something went wrong'), errorBox(e));
  } finally {
    main.removeAttribute('aria-busy');
    main.dataset.shown = hash; // which address the content is for (the browser test waits on it)
  }
  const title = document.getElementById('page-title');
  document.title = `${title ? title.textContent : 'Console'} · C2C Gateway console`;
  if (title && document.activeElement === document.body) {
    title.focus();
  }
}

async function start() {
  document.getElementById('logout').addEventListener('click', async () => {
    try {
      await postJson('logout');
    } finally {
      location.assign('login.html');
    }
  });
  window.addEventListener('hashchange', () => {
    document.activeElement?.blur?.();
    show();
  });
  try {
    const session = await currentSession();
    document.getElementById('who').textContent = `${session.user} (${session.role})`;
  } catch (e) {
    return; // sent to the login page
  }
  show();
}

start();
