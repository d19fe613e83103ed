import { REDACTED } from './marker.js';

/**
 * Credentials in URLs: `mysql://oms:pw@db/oms`, `redis://:pw@host:6379/0` (no
 * user), and a password that itself holds `@` or `/` (`mysql://oms:p@ss/w@db`):
 * the user info runs to the LAST `@` of the URL, so no half of a password stays.
 */

/** A scheme that does not start inside a longer word, `://`, then the URL up to a blank, quote or angle bracket. */
const URL = /(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/)([^\s"'<>]*)/gi;

const PORT = /^\d{1,5}(?:[/?#]|$)/;

function redactUserInfo(all: string, scheme: string, rest: string): string {
  let at = rest.lastIndexOf('@');
  if (at === -1) return all;
  let colon = rest.indexOf(':');
  // `http://host/a:b?mail=x@y`: what precedes the first `:` holds a `/`, so it is a path, not a user;
  // `http://host:8000/a?mail=x@y`: digits then `/` after it are a port.
  if (colon === -1 || colon > at || rest.slice(0, colon).includes('/') || PORT.test(rest.slice(colon + 1))) {
    // Only the authority (up to the first / ? #) may hold user info then: `https://token@host/…` has no password.
    const authority = rest.search(/[/?#]/);
    const auth = authority === -1 ? rest : rest.slice(0, authority);
    at = auth.lastIndexOf('@');
    colon = auth.indexOf(':');
    if (at === -1 || colon === -1 || colon > at) return all;
  }
  const password = rest.slice(colon + 1, at);
  if (password === '' || password === REDACTED) return all;
  return `${scheme}${rest.slice(0, colon + 1)}${REDACTED}${rest.slice(at)}`;
}

export function redactUrlCredentials(text: string): string {
  return text.replace(URL, redactUserInfo);
}
