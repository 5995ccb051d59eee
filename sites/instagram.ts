/**
 * Instagram (www.instagram.com); see shared/site-notes.md.
 *
 * Covered: the caption in the create-post flow (the last step of the "Buat postingan baru" / "Create new
 * post" dialog, a Lexical contenteditable or, in older builds, a textarea; "Bagikan" / "Share" publishes),
 * comments and replies (a textarea in a form, or an input on Reels; Enter or the "Kirim" / "Post" button,
 * which appears only once text is typed, sends), and Like / Share / Repost / Follow on the feed, in the post
 * modal over it and on permalink pages (/p/…, /reel/…), where no article or header wraps the post: there the
 * author and caption are the first entry of the comment list, the one with a time.
 * Not covered, deliberately: direct messages (/direct/: private conversations, not publication; see README).
 * The photos of a post are the image engine's; this adapter reads the caption.
 *
 * Instagram's buttons are div[role=button] elements named only by their text, so after the structural
 * selectors the visible labels below (Indonesian and English) are the fallback.
 */
import { isPlainEnter, labelIs, labelStarts, readLexical, safeClosest, safeMatches, safeQueryAll, textsOf, textWithout, type Engagement, type SiteAdapter, type SiteSelectors } from './types';

export const instagramSelectors = {
  editor:
    '[role="dialog"] [contenteditable="true"][role="textbox"], [role="dialog"] [contenteditable="true"][data-lexical-editor="true"], [role="dialog"] textarea, form textarea, form input[type="text"], form input:not([type])',
  /** Structural submit: a real submit button in a comment form. */
  submit: 'form button[type="submit"]',
  dialog: '[role="dialog"]',
  button: '[role="button"], button',
  commentForm: 'form',
  /** Photo/video inputs of the create flow (the caption's composer is its dialog), for the image engine. */
  media: 'input[type="file"]',
  /** Icon buttons are named by their svg's aria-label. */
  icon: 'svg[aria-label]',
  engageItem: 'article, main header',
  /** Permalink pages and the post modal: the comment list, whose first entry with a time is the author and caption. */
  commentList: 'ul',
  entryTime: 'time',
  itemAuthor: 'header a[role="link"], header a, h2',
  itemText: 'h1, [data-testid="post-comment-root"] span',
  /** Direct messages (deliberately not covered). */
  ignore: '[aria-label="Direct"], [data-pagelet*="Direct" i]',
} satisfies SiteSelectors;

/** The create flow's publish button (fallback; id and en). */
export const IG_SHARE_LABELS = ['Bagikan', 'Share'] as const;
/** A comment form's send button (fallback; id and en). */
export const IG_COMMENT_SEND_LABELS = ['Kirim', 'Posting', 'Post'] as const;
/** How comment boxes are labelled (fallback; id and en). */
export const IG_COMMENT_BOX_LABELS = ['Tambahkan komentar', 'Add a comment', 'Balas', 'Reply'] as const;

/** Engagement buttons (fallback; id and en): icon labels for like/share/repost, text for follow. */
export const IG_ENGAGE_LABELS = {
  like: ['Suka', 'Like'],
  share: ['Bagikan', 'Share', 'Bagikan Postingan', 'Share Post'],
  repost: ['Posting ulang', 'Repost'],
  follow: ['Ikuti', 'Follow'],
} as const;

export function createInstagramAdapter(sel: SiteSelectors = instagramSelectors): SiteAdapter {
  const S = { ...instagramSelectors, ...sel };
  const editorsIn = (root: Element) => safeQueryAll<HTMLElement>(root, S.editor);
  /** Instagram keeps hidden copies of an editor: the one on screen is the one the person writes in. */
  const visible = (els: HTMLElement[]) => {
    const shown = els.filter((e) => e.getClientRects().length > 0);
    return shown.length ? shown : els;
  };

  /** The first entry of a comment list that has a time: on permalink pages and in the post modal, the author and caption. */
  const captionEntryIn = (root: Element): Element | null => {
    for (const list of safeQueryAll(root, S.commentList)) {
      for (const entry of Array.from(list.children)) if (safeQueryAll(entry, S.entryTime).length) return entry;
    }
    return null;
  };
  /** A post without article or header (permalink page, post modal): the nearest ancestor, within the page's
   *  main column or the dialog, that holds a comment list with a captioned entry. */
  const bareItemOf = (button: Element): { item: Element; text: string } | null => {
    const permalink = /^\/(p|reels?)\//.test(location.pathname);
    const bound = safeClosest(button, S.dialog) ?? (permalink ? (safeClosest(button, 'main') ?? document.body) : null);
    if (!bound) return null;
    for (let a: Element | null = button.parentElement; a; a = a === bound ? null : a.parentElement) {
      const entry = captionEntryIn(a);
      if (entry) return { item: a, text: textWithout(entry, `${S.entryTime}, ${S.button}`) };
    }
    return null;
  };

  /** A comment box: a textarea or editor in a form, or labelled as a comment box. */
  const isCommentBox = (editor: Element): boolean => {
    const form = safeClosest(editor, S.commentForm);
    if (form && editorsIn(form).length === 1) return true;
    return labelStarts(editor, IG_COMMENT_BOX_LABELS);
  };
  const sendButtonIn = (form: Element): HTMLElement | null =>
    safeQueryAll<HTMLElement>(form, S.submit)[0] ?? safeQueryAll<HTMLElement>(form, S.button).find((b) => labelIs(b, IG_COMMENT_SEND_LABELS)) ?? null;
  const shareButtonIn = (dialog: Element): HTMLElement | null => {
    const labelled = safeQueryAll<HTMLElement>(dialog, S.button).filter((b) => !safeClosest(b, S.commentForm) && labelIs(b, IG_SHARE_LABELS));
    return labelled[labelled.length - 1] ?? null;
  };
  const captionDialogOf = (el: Element): Element | null => {
    const dialog = safeClosest(el, S.dialog);
    return dialog && editorsIn(dialog).some((e) => !isCommentBox(e)) ? dialog : null;
  };

  return {
    id: 'instagram',
    name: 'Instagram',
    selectors: S,
    composerOf(el) {
      const editor = safeClosest(el, S.editor);
      if (editor) return isCommentBox(editor) ? (safeClosest(editor, S.commentForm) ?? editor.parentElement) : safeClosest(editor, S.dialog);
      const form = safeClosest(el, S.commentForm);
      if (form && editorsIn(form).length === 1) return form;
      return captionDialogOf(el);
    },
    editorsIn(composer) {
      if (safeMatches(composer, S.editor)) return [composer as HTMLElement];
      const all = editorsIn(composer);
      // a caption dialog: only the caption, not the comment boxes of a post shown behind it
      const captions = all.filter((e) => !isCommentBox(e));
      return safeMatches(composer, S.dialog) && captions.length ? visible(captions) : all;
    },
    readText: readLexical,
    submitButtonOf(composer) {
      if (safeMatches(composer, S.commentForm)) return sendButtonIn(composer);
      return shareButtonIn(composer);
    },
    submitOf(target) {
      const structural = safeClosest(target, S.submit);
      if (structural) return structural;
      const button = safeClosest(target, S.button);
      if (!button || editorsIn(button).length) return null;
      const form = safeClosest(button, S.commentForm);
      if (form && editorsIn(form).length === 1) return labelIs(button, IG_COMMENT_SEND_LABELS) ? button : null;
      return captionDialogOf(button) && labelIs(button, IG_SHARE_LABELS) ? button : null;
    },
    isSubmitKey(e, editor) {
      return isPlainEnter(e) && isCommentBox(editor);
    },
    submitsOnEnter: isCommentBox,
    engagementOf(target) {
      const button = safeClosest(target, S.button);
      // the create flow is not engagement; the post modal (its only editor the comment box) is
      if (!button || captionDialogOf(button)) return null;
      const icon = safeQueryAll(button, S.icon)[0];
      const named = (labels: readonly string[]) => (icon ? labelIs(icon, labels) : false);
      const action =
        (['like', 'share', 'repost'] as const).find((a) => named(IG_ENGAGE_LABELS[a])) ??
        (!icon && labelIs(button, IG_ENGAGE_LABELS.follow) ? 'follow' : undefined);
      if (!action) return null;
      const item = safeClosest(button, S.engageItem);
      if (!item) {
        const bare = bareItemOf(button);
        return bare ? ({ action, button, ...bare } satisfies Engagement) : null;
      }
      const text = textsOf(item, [S.itemAuthor, S.itemText]) || (item.textContent ?? '');
      return { action, button, item, text } satisfies Engagement;
    },
    ignores(el) {
      // a plain input is a comment box only when labelled as one (others are search and settings fields)
      if (el instanceof HTMLInputElement && !labelStarts(el, IG_COMMENT_BOX_LABELS)) return true;
      return location.pathname.startsWith('/direct/') || safeClosest(el, S.ignore) !== null;
    },
  };
}

export const instagramAdapter: SiteAdapter = createInstagramAdapter();
