/**
 * X (x.com, twitter.com). The composer is a Draft.js editor; see shared/site-notes.md.
 * Covered: the inline composer on the home timeline, the /compose/post dialog, replies (dialog and
 * inline on a status page), quotes, and threads (several boxes read together).
 */
import type { SiteAdapter } from './types';
import type { MediaAdapter } from '../content/attachments';

export const xSelectors = {
  /** Draft.js contenteditable (desktop) or the textarea of the mobile web build. */
  editor: '[data-testid^="tweetTextarea_"][contenteditable="true"], textarea[data-testid^="tweetTextarea_"]',
  submit: '[data-testid="tweetButton"], [data-testid="tweetButtonInline"]',
  dialog: '[role="dialog"]',
  /** Draft.js text blocks inside the editor. */
  block: '[data-block="true"]',
} as const;

function readText(editor: HTMLElement): string {
  if (editor instanceof HTMLTextAreaElement) return editor.value;
  const blocks = editor.querySelectorAll(xSelectors.block);
  if (blocks.length) return Array.from(blocks, (b) => b.textContent ?? '').join('\n');
  return editor.innerText ?? editor.textContent ?? '';
}

/** The nearest ancestor of `el` for which `has` is true. */
function closestWith(el: Element, has: (a: Element) => boolean): Element | null {
  for (let a: Element | null = el.parentElement; a && a !== document.documentElement; a = a.parentElement) if (has(a)) return a;
  return null;
}

export const xAdapter: SiteAdapter = {
  id: 'x',
  name: 'X',
  selectors: xSelectors,
  composerOf(el) {
    const dialog = el.closest(xSelectors.dialog);
    if (dialog?.querySelector(xSelectors.editor)) return dialog;
    if (el.matches(xSelectors.submit)) return closestWith(el, (a) => a.querySelector(xSelectors.editor) !== null);
    const editor = el.closest(xSelectors.editor) ?? el;
    return closestWith(editor, (a) => a.querySelector(xSelectors.submit) !== null);
  },
  editorsIn(composer) {
    return Array.from(composer.querySelectorAll<HTMLElement>(xSelectors.editor));
  },
  readText,
  submitButtonOf(composer) {
    return composer.querySelector<HTMLElement>(xSelectors.submit);
  },
  isSubmitKey(e) {
    return e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;
  },
};

/** Photo attachments (issue #4): the composer toolbar's file input; paste and drop are caught too. */
export const xMedia: MediaAdapter = {
  fileInput: 'input[data-testid="fileInput"]',
};
