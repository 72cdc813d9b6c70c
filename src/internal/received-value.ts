/**
 * Describes a value that failed validation, for an issue message: text and numbers as they
 * are, lists and objects by their kind. The value comes from the server and may be nested
 * thousands deep, so it is never serialized. Messages are cut short only after masking,
 * so text is shown whole here.
 */
export function describeReceived(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'an object';
  return String(value);
}
