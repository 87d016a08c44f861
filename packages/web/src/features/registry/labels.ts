import type { MessageKey } from '../../i18n/messages';

/** Message keys of the registry's vocabulary (codes are the API's; labels are in i18n). */
export type Vocabulary =
  | 'employmentType'
  | 'education'
  | 'shift'
  | 'group'
  | 'wageType'
  | 'size'
  | 'flag'
  | 'vacancyStatus'
  | 'seekerStatus'
  | 'consent'
  | 'gender'
  | 'career'
  | 'importKind'
  | 'source'
  | 'registeredBy'
  | 'ksic'
  | 'importMode';

/** The message key of one code of a vocabulary, e.g. `labelKey('shift', 'night')`. */
export function labelKey(vocabulary: Vocabulary, code: string): MessageKey {
  return `registry.${vocabulary}.${code}` as MessageKey;
}

/** The label of a code in the current language; a code the client does not know shows as itself. */
export function vocab(t: (key: MessageKey) => string, vocabulary: Vocabulary, code: string): string {
  return (t(labelKey(vocabulary, code)) as string | undefined) ?? code;
}
