/**
 * X (x.com, twitter.com). The composer is a Draft.js editor; see shared/site-notes.md.
 * Covered: the inline composer on the home timeline, the /compose/post dialog, replies (dialog and
 * inline on a status page), quotes, and threads (several boxes read together).
 */
import { closestWith, safeClosest, safeMatches, safeQueryAll, textsOf, type Engagement, type SiteAdapter, type SiteSelectors } from './types';

export const xSelectors = {
  /** Draft.js contenteditable (desktop) or the textarea of the mobile web build. */
  editor: '[data-testid^="tweetTextarea_"][contenteditable="true"], textarea[data-testid^="tweetTextarea_"]',
  submit: '[data-testid="tweetButton"], [data-testid="tweetButtonInline"]',
  dialog: '[role="dialog"]',
  /** Draft.js text blocks inside the editor. */
  block: '[data-block="true"]',
  /** Photo/video inputs of a composer, for the image engine (issue #4). */
  media: 'input[data-testid="fileInput"]',
  like: '[data-testid="like"]',
  repost: '[data-testid="retweet"]',
  follow: '[data-testid$="-follow"]',
  /** What an engagement acts on: a post, an account cell, a profile header. */
  engageItem: 'article[data-testid="tweet"], [data-testid="UserCell"], [data-testid="primaryColumn"]',
  itemAuthor: '[data-testid="User-Name"], [data-testid="UserName"]',
  itemText: '[data-testid="tweetText"], [data-testid="UserDescription"]',
  /** Direct messages: private conversations, deliberately not covered (see README). */
  ignore: '[data-testid^="dmComposer"], [data-testid="DmActivityContainer"] [contenteditable]',
} satisfies SiteSelectors;

export function createXAdapter(sel: SiteSelectors = xSelectors): SiteAdapter {
  const readText = (editor: HTMLElement): string => {
    if (editor instanceof HTMLTextAreaElement) return editor.value;
    const blocks = safeQueryAll(editor, sel.block ?? xSelectors.block);
    if (blocks.length) return blocks.map((b) => b.textContent ?? '').join('\n');
    return editor.innerText ?? editor.textContent ?? '';
  };
  const hasEditor = (a: Element) => safeQueryAll(a, sel.editor).length > 0;
  return {
    id: 'x',
    name: 'X',
    selectors: sel,
    composerOf(el) {
      const dialog = safeClosest(el, sel.dialog);
      if (dialog && hasEditor(dialog)) return dialog;
      if (safeMatches(el, sel.submit)) return closestWith(el, hasEditor);
      const editor = safeClosest(el, sel.editor) ?? el;
      return closestWith(editor, (a) => safeQueryAll(a, sel.submit).length > 0);
    },
    editorsIn(composer) {
      return safeQueryAll<HTMLElement>(composer, sel.editor);
    },
    readText,
    submitButtonOf(composer) {
      return safeQueryAll<HTMLElement>(composer, sel.submit)[0] ?? null;
    },
    engagementOf(target) {
      for (const action of ['like', 'repost', 'follow'] as const) {
        const button = safeClosest(target, sel[action] ?? xSelectors[action]);
        if (!button) continue;
        const item = safeClosest(button, sel.engageItem ?? xSelectors.engageItem);
        if (!item) return null;
        const text = textsOf(item, [sel.itemAuthor ?? xSelectors.itemAuthor, sel.itemText ?? xSelectors.itemText]);
        return { action, button, item, text } satisfies Engagement;
      }
      return null;
    },
    ignores(el) {
      return safeClosest(el, sel.ignore ?? xSelectors.ignore) !== null;
    },
    isSubmitKey(e) {
      return e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;
    },
  };
}

export const xAdapter: SiteAdapter = createXAdapter();
