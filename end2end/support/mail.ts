import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The mail the reference server sent, as received by the real SMTP server scripts/test.sh runs
 * (aiosmtpd, keeping each message in the Maildir VECHE_MAILDIR names).
 */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

function maildir(): string {
  const dir = process.env.VECHE_MAILDIR;
  if (!dir) throw new Error('VECHE_MAILDIR must name the Maildir of the test SMTP server (scripts/test.sh sets it)');
  return path.join(dir, 'new');
}

function unfold(head: string): Map<string, string> {
  const headers = new Map<string, string>();
  let last = '';
  for (const line of head.split('\n')) {
    if (/^[ \t]/.test(line) && last) {
      headers.set(last, headers.get(last) + line);
    } else {
      const colon = line.indexOf(':');
      if (colon > 0) {
        last = line.slice(0, colon).trim().toLowerCase();
        headers.set(last, line.slice(colon + 1).trim());
      }
    }
  }
  return headers;
}

function quotedPrintable(text: string): Buffer {
  const joined = text.replace(/=\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i], 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words (`=?utf-8?b?…?=`) to text; blanks between two of them vanish. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_, _charset, kind: string, data: string) =>
      kind.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64').toString('utf8')
        : quotedPrintable(data.replace(/_/g, ' ')).toString('utf8'),
    );
}

function decodeBody(body: string, encoding: string): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return quotedPrintable(body).toString('utf8');
  return body;
}

export function parseMail(raw: string): Mail {
  const text = raw.replace(/\r\n/g, '\n');
  const split = text.indexOf('\n\n');
  const headers = unfold(text.slice(0, split));
  const body = text.slice(split + 2);
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get('content-type') ?? '')?.[1];
  const mail: Mail = { to: decodeWords(headers.get('to') ?? ''), subject: decodeWords(headers.get('subject') ?? ''), text: '', html: '' };
  for (const part of boundary ? body.split(`--${boundary}`).slice(1) : []) {
    const trimmed = part.replace(/^\n/, '');
    const end = trimmed.indexOf('\n\n');
    if (end < 0) continue;
    const partHeaders = unfold(trimmed.slice(0, end));
    const decoded = decodeBody(trimmed.slice(end + 2).trimEnd(), (partHeaders.get('content-transfer-encoding') ?? '').toLowerCase());
    const type = (partHeaders.get('content-type') ?? '').toLowerCase();
    if (type.startsWith('text/plain')) mail.text = decoded;
    if (type.startsWith('text/html')) mail.html = decoded;
  }
  return mail;
}

/** Every mail received for `address`, oldest first. */
export function mailTo(address: string): Mail[] {
  const dir = maildir();
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((name) => path.join(dir, name))
    .map((file) => parseMail(readFileSync(file, 'utf8')))
    .filter((mail) => mail.to.toLowerCase() === address.toLowerCase());
}

/** Waits (up to 20 s) for a mail to `address` whose subject has `subject` in it. */
export async function waitForMail(address: string, subject: string): Promise<Mail> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const mail = mailTo(address).find((candidate) => candidate.subject.includes(subject));
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no mail "${subject}…" for ${address} within 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The app link (path and query) in a mail's plain text that starts with `path`. */
export function linkIn(mail: Mail, pathPrefix: string): string {
  const match = new RegExp(`https?://[^\\s/]+(${pathPrefix.replace(/[?]/g, '\\?')}[^\\s]*)`).exec(mail.text);
  if (!match) throw new Error(`no ${pathPrefix} link in the mail:\n${mail.text}`);
  return match[1];
}
