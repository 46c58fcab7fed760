/**
 * Typed dictionaries. Every feature declares its messages once with `defineMessages`; the Chinese
 * table must have exactly the English keys, so a missing translation fails the type-check.
 */
export type Lang = 'en' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'zh'];

export type Messages<K extends string> = Readonly<Record<K, string>>;

export interface MessageTable<K extends string> {
  en: Messages<K>;
  zh: Messages<K>;
}

/** Declares a feature's messages: `zh` must provide every key of `en` and no other. */
export function defineMessages<const E extends Record<string, string>>(table: {
  en: E;
  zh: { [K in keyof E]: string };
}): MessageTable<Extract<keyof E, string>> {
  return table as MessageTable<Extract<keyof E, string>>;
}

/** Fills `{name}` placeholders with values (already formatted strings). */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** The language a browser prefers, from its language list (zh-* → zh, else en). */
export function langFromNavigator(languages: readonly string[] | undefined): Lang {
  for (const tag of languages ?? []) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}
