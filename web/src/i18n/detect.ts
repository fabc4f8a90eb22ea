/** The browser's preference (navigator.languages): the first language we support wins; any Chinese variant means zh-CN. */
export function browserLocale(languages: readonly string[]): 'zh-CN' | 'en' {
  for (const language of languages) {
    const tag = language.toLowerCase();
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'en';
}
