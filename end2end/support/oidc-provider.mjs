// A real OpenID Connect provider on loopback for the sign-in tests: panva's `oidc-provider`
// (OpenID Certified), with one client (the Veche server under test) and a few accounts.
//
//   node end2end/support/oidc-provider.mjs <port> <redirect URI> [--code-ttl SECONDS]
//
// Prints "ready <issuer>" once it listens. (oidc-provider 9 warns that Node.js 20 is not a
// supported LTS line; it runs on it, and the tests only need a real provider's behaviour.) The sign-in page is a plain form: the login names one
// of the accounts below (any password). Consent is granted with the sign-in. ID tokens carry
// only `sub` (the OpenID default when an access token is issued): the relying party reads the
// address and name from the userinfo endpoint, as it must with many real providers.
import http from 'node:http';
import { URLSearchParams } from 'node:url';

import Provider from 'oidc-provider';

export const CLIENT_ID = 'veche-test';
export const CLIENT_SECRET = 'veche-test-secret-that-is-long-enough';

/** The provider's accounts: login → claims. */
const ACCOUNTS = {
  // A new member, English.
  ada: { sub: 'ada-7', email: 'ada@corp.example', email_verified: true, name: 'Ada Lovelace', preferred_username: 'ada.lovelace', locale: 'en' },
  // A new member, Russian.
  boris: { sub: 'boris-3', email: 'boris@corp.example', email_verified: true, name: 'Борис Петров', preferred_username: 'boris', locale: 'ru' },
  // The demo's Anna, whose address the provider confirms: her account is linked.
  anna: { sub: 'anna-corp-1', email: 'anna@example.com', email_verified: true, name: 'Anna at Corp', preferred_username: 'anna.corp' },
  // Someone claiming Olga's address without the provider confirming it: nobody is signed in.
  mallory: { sub: 'mallory-9', email: 'olga@example.com', email_verified: false, name: 'Olga Impostor', preferred_username: 'olga2' },
  // The journeys' own (end2end/tests/sign-in-providers.spec.ts), one per browser project.
  lin: { sub: 'lin-21', email: 'lin@corp.example', email_verified: true, name: 'Lin Chen', preferred_username: 'lin', locale: 'en' },
  kai: { sub: 'kai-22', email: 'kai@corp.example', email_verified: true, name: 'Kai Berg', preferred_username: 'kai', locale: 'en' },
  vera: { sub: 'vera-23', email: 'vera@corp.example', email_verified: true, name: 'Вера Соколова', preferred_username: 'vera', locale: 'ru' },
  yuri: { sub: 'yuri-24', email: 'yuri@corp.example', email_verified: true, name: 'Юрий Орлов', preferred_username: 'yuri', locale: 'ru' },
  eve: { sub: 'eve-25', email: 'ivan@example.com', email_verified: false, name: 'Ivan Impostor', preferred_username: 'ivan2' },
};

const args = process.argv.slice(2);
const port = Number(args[0]);
const redirectUri = args[1];
const ttlIndex = args.indexOf('--code-ttl');
const codeTtl = ttlIndex >= 0 ? Number(args[ttlIndex + 1]) : 60;
if (!port || !redirectUri) {
  console.error('usage: node end2end/support/oidc-provider.mjs <port> <redirect URI> [--code-ttl SECONDS]');
  process.exit(2);
}

const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  clients: [{
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    redirect_uris: [redirectUri],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  }],
  pkce: { required: () => true },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'preferred_username', 'locale'],
  },
  async findAccount(_ctx, id) {
    const claims = Object.values(ACCOUNTS).find((account) => account.sub === id);
    return claims && { accountId: id, claims: async () => ({ ...claims }) };
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  features: { devInteractions: { enabled: false } },
  ttl: { AuthorizationCode: codeTtl, Interaction: 600, Session: 600, Grant: 600 },
  cookies: { keys: ['only-for-tests-not-a-secret'] },
});
const callback = provider.callback();

function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(res, status, body) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Corp sign-in</title>
<meta name="viewport" content="width=device-width"></head><body><main><h1>Corp sign-in</h1>${body}</main></body></html>`);
}

async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (action === 'login' && req.method === 'POST') {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const fields = new URLSearchParams(raw);
    if (fields.get('cancel')) {
      return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'cancelled' });
    }
    const login = fields.get('login') ?? '';
    const account = ACCOUNTS[login.trim()];
    if (!account) {
      return page(res, 200, `<p role="alert">No such account: ${escape(login)}</p>${form(uid)}`);
    }
    const grant = new provider.Grant({ accountId: account.sub, clientId: details.params.client_id });
    grant.addOIDCScope(details.params.scope);
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, { login: { accountId: account.sub }, consent: { grantId } }, { mergeWithLastSubmission: false });
  }
  return page(res, 200, form(uid));
}

function form(uid) {
  return `<form method="post" action="/interaction/${escape(uid)}/login">
<label>Login <input name="login" autocomplete="username" autofocus></label>
<label>Password <input name="password" type="password"></label>
<button type="submit">Sign in</button>
<button type="submit" name="cancel" value="1">Cancel</button></form>`;
}

const server = http.createServer((req, res) => {
  const match = /^\/interaction\/([^/?]+)(?:\/(login))?/.exec(req.url ?? '');
  if (match) {
    interaction(req, res, match[1], match[2]).catch((error) => {
      page(res, 400, `<p role="alert">${escape(error.message)}</p>`);
    });
    return;
  }
  callback(req, res);
});
server.listen(port, '127.0.0.1', () => console.log(`ready ${issuer}`));
