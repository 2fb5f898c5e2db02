import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Global resets and heavy-handed `!important` rules a company's site may have. The embed must
 * show through them, and its frame must not be reached by them.
 */
const HOSTILE_CSS = `
*, *::before, *::after { all: unset; }
head, script, style, link, title, meta { display: none; }
body, main, header, footer, h1, p { display: block; }
body { font: 16px/1.5 sans-serif; color: #1a1a1a; background: #fff; padding: 8px; }
a { color: #0645ad; text-decoration: underline; }
input { border: 1px solid #555; padding: 4px; }
div, iframe, button, section, aside, dialog, [role="dialog"] {
  display: none !important; visibility: hidden !important; opacity: 0 !important;
  width: 0 !important; height: 0 !important; pointer-events: none !important;
}
iframe { border: 20px solid red !important; }
main :not(h1):not(p):not(a):not(input):not(script) { display: none !important; }
body > :not(header):not(main):not(footer):not(script) {
  display: none !important; position: static !important; transform: scale(0) !important; filter: opacity(0) !important;
}
`;

export type HostPage = {
  /** The origin of the Veche server the snippet comes from (script-src, frame-src, connect-src). */
  veche: string;
  /** The snippet, placed in the page's main content between two paragraphs. */
  snippet: string;
  /** The page's language (`<html lang>`). */
  lang?: string;
  /** Serve the page with the hostile stylesheet (default) or without any. */
  hostile?: boolean;
};

/**
 * A company's web site on an origin of its own (`http://localhost:<port>`, while Veche is at
 * `http://127.0.0.1:<port>`: another site, so the browser partitions the frame's storage as it
 * would in real life). Its pages send a strict CSP: no inline script or style, no
 * 'wasm-unsafe-eval', scripts, frames and connections only from itself and Veche.
 */
export class HostSite {
  private counter = 0;

  private constructor(
    private readonly server: Server,
    readonly origin: string,
    private readonly pages: Map<string, HostPage>,
  ) {}

  static async start(): Promise<HostSite> {
    const pages = new Map<string, HostPage>();
    const server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (path === '/hostile.css') {
        response.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8' });
        response.end(HOSTILE_CSS);
        return;
      }
      const page = pages.get(path);
      if (!page) {
        response.writeHead(404, { 'Content-Type': 'text/plain' });
        response.end('not found');
        return;
      }
      response.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'Content-Security-Policy': [
          "default-src 'self'",
          `script-src 'self' ${page.veche}`,
          `frame-src ${page.veche}`,
          `connect-src 'self' ${page.veche}`,
          "style-src 'self'",
          "img-src 'self'",
          "base-uri 'none'",
          "form-action 'self'",
        ].join('; '),
      });
      response.end(html(page));
    });
    // Both address families: Chromium may reach `localhost` on either.
    const port = await listen(server, '::').catch(() => listen(server, '127.0.0.1'));
    return new HostSite(server, `http://localhost:${port}`, pages);
  }

  /** Serves a new page with `page`'s snippet and answers its address. */
  page(page: HostPage): string {
    const path = `/page-${++this.counter}-${Math.random().toString(36).slice(2, 8)}`;
    this.pages.set(path, page);
    return `${this.origin}${path}`;
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    // The browser's keep-alive connections would hold the server open for seconds.
    this.server.closeAllConnections();
    await closed;
  }
}

function listen(server: Server, address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, address, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function html(page: HostPage): string {
  const stylesheet = page.hostile === false ? '' : '<link rel="stylesheet" href="/hostile.css">';
  return `<!DOCTYPE html>
<html lang="${page.lang ?? 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Acme shop</title>
${stylesheet}
</head>
<body>
<header><a href="#products" id="skip">Acme shop: products</a></header>
<main>
<h1>Acme shop</h1>
<p id="products">Kettles, teapots and cups since 1923.</p>
${page.snippet}
<p>Free delivery on orders over 50 euros.</p>
<p><input id="search" aria-label="Search the shop" type="search"></p>
</main>
</body>
</html>`;
}
