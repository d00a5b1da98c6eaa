/**
 * Plain text for Markdown tooltips: names come from Azure and must not inject Markdown or
 * HTML. Line breaks become spaces first, so a name can never start a block (a heading, a
 * list, a closing of the surrounding bold).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\\`*_{}[\]()#+\-.!|<>~&:]/g, (c) => `\\${c}`);
}
