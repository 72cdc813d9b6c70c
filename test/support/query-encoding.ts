// What URLSearchParams leaves as it is; everything else must arrive percent-encoded.
const ENCODED_PART = /^[A-Za-z0-9*\-._%+]*$/;

/** One query parameter as sent: its raw spelling, and its name and value decoded. */
export interface SentParameter {
  readonly raw: string;
  readonly name: string;
  readonly value: string;
}

/** The parameters of `url` in the order sent, split by hand rather than by a URL parser. */
export function sentParameters(url: string): SentParameter[] {
  const start = url.indexOf('?');
  if (start === -1) return [];
  return url
    .slice(start + 1)
    .split('&')
    .map((raw) => {
      const equals = raw.indexOf('=');
      const name = equals === -1 ? raw : raw.slice(0, equals);
      const value = equals === -1 ? '' : raw.slice(equals + 1);
      return { raw, name: decodeForm(name), value: decodeForm(value) };
    });
}

/** The raw parameters that carry a character URL encoding should have escaped. */
export function unencodedParameters(url: string): string[] {
  return sentParameters(url)
    .filter(({ raw }) => {
      const parts = raw.split('=');
      return parts.length > 2 || !parts.every((part) => ENCODED_PART.test(part));
    })
    .map(({ raw }) => raw);
}

function decodeForm(text: string): string {
  return decodeURIComponent(text.replace(/\+/g, ' '));
}
