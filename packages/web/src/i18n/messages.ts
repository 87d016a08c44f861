import { en } from './en';
import type { MessageKey } from './ko';
import { ko } from './ko';
import type { Locale } from './locale';

export type { MessageKey };
export type MessageParams = Record<string, string | number>;

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { ko, en };

/** The message for `key` in `locale`, with `{name}` placeholders filled from `params`. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const text = MESSAGES[locale][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** The `{name}` placeholders a message uses, sorted; both languages must use the same ones. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}
