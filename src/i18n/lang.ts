/** The UI languages, Chinese first. The one declaration of `Lang`: everything imports it from here. */
export type Lang = 'zh' | 'en';

export const LANGS: readonly Lang[] = ['zh', 'en'];

/** The BCP 47 tag for `lang` attributes and number formatting. */
export function langTag(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}
