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
  /** Photo/video inputs of a composer, for the image engine. */
  media: 'input[data-testid="fileInput"]',
  like: '[data-testid="like"]',
  /** Opens the repost menu; the repost itself is the menu's item (repostConfirm). */
  repost: '[data-testid="retweet"]',
  /** The repost menu item, rendered in #layers away from the post whose button opened it. */
  repostConfirm: '[data-testid="retweetConfirm"], [data-testid="repostConfirm"]',
  follow: '[data-testid$="-follow"]',
  /** What an engagement acts on: a post, an account cell, a hover card (in #layers: the account hovered), a profile header. */
  engageItem: 'article[data-testid="tweet"], [data-testid="UserCell"], [data-testid="HoverCard"], [data-testid="primaryColumn"]',
  /** A post as keyboard shortcuts see it: the one that has focus (j/k move it). */
  post: 'article[data-testid="tweet"]',
  itemAuthor: '[data-testid="User-Name"], [data-testid="UserName"]',
  itemText: '[data-testid="tweetText"], [data-testid="UserDescription"]',
  /** Direct messages and Chat (/i/chat, dm-* test ids): private conversations, deliberately not covered (see README). */
  ignore: '[data-testid^="dmComposer"], [data-testid="DmActivityContainer"] [contenteditable], [data-testid^="dm-"]',
} satisfies SiteSelectors;

export function createXAdapter(sel: SiteSelectors = xSelectors): SiteAdapter {
  const readText = (editor: HTMLElement): string => {
    if (editor instanceof HTMLTextAreaElement) return editor.value;
    const blocks = safeQueryAll(editor, sel.block ?? xSelectors.block);
    if (blocks.length) return blocks.map((b) => b.textContent ?? '').join('\n');
    return editor.innerText ?? editor.textContent ?? '';
  };
  const hasEditor = (a: Element) => safeQueryAll(a, sel.editor).length > 0;
  const S = { ...xSelectors, ...sel };
  /** The post whose repost button (or `t`) opened the menu now in #layers. */
  let menuOrigin: Element | null = null;
  const hitOn = (action: Engagement['action'], button: Element, item: Element): Engagement => ({
    action,
    button,
    item,
    text: textsOf(item, [S.itemAuthor, S.itemText]) || (item.textContent ?? '').replace(/\s+/g, ' ').trim(),
  });
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
      const confirm = safeClosest(target, S.repostConfirm);
      if (confirm) {
        if (!menuOrigin?.isConnected) return null;
        const opener = safeQueryAll(menuOrigin, S.repost)[0];
        const hit = hitOn('repost', confirm, menuOrigin);
        return opener ? { ...hit, reopen: { opener, find: () => safeQueryAll(document, S.repostConfirm)[0] ?? null } } : hit;
      }
      const opener = safeClosest(target, S.repost);
      if (opener) {
        // only opens the menu (Repost or Quote); the repost is its item
        menuOrigin = safeClosest(opener, S.engageItem);
        return null;
      }
      for (const action of ['like', 'follow'] as const) {
        const button = safeClosest(target, S[action]);
        if (!button) continue;
        const item = safeClosest(button, S.engageItem);
        return item ? hitOn(action, button, item) : null;
      }
      return null;
    },
    engagementOfKey(e) {
      // X's shortcuts: `l` likes the focused post, `t` opens its repost menu
      if (e.ctrlKey || e.metaKey || e.altKey || (e.key !== 'l' && e.key !== 't')) return null;
      const t = e.target;
      if (!(t instanceof Element) || t.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])')) return null;
      const post = safeClosest(t, S.post);
      if (!post) return null;
      if (e.key === 't') {
        menuOrigin = post;
        return null;
      }
      const like = safeQueryAll(post, S.like)[0];
      return like ? hitOn('like', like, post) : null;
    },
    ignores(el) {
      return location.pathname.startsWith('/i/chat') || location.pathname.startsWith('/messages') || safeClosest(el, S.ignore) !== null;
    },
    isSubmitKey(e) {
      return e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;
    },
  };
}

export const xAdapter: SiteAdapter = createXAdapter();
