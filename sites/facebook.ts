/**
 * Facebook (www., web., m.facebook.com). Every writing box is a Lexical editor; see shared/site-notes.md.
 *
 * Covered: the "Buat postingan" / "Create post" dialog (feed, groups, pages; also "Edit post"; on Pages its
 * two steps: "Berikutnya" / "Next" swaps the editor for "Pengaturan postingan" / "Post settings" with the
 * final "Posting" / "Post", and the draft is held at either), the share
 * dialog where text is added ("Bagikan sekarang" / "Share now"), comments and replies (Enter sends,
 * Shift+Enter is a new line; the text is read on keydown because Facebook clears the box as it sends).
 * Not covered, deliberately: Messenger chat boxes (private conversations, not publication; see README).
 *
 * Structure first (contenteditable + data-lexical-editor / role=textbox, dialogs, forms, the
 * focused-state submit container); the visible labels below are only a fallback, in Indonesian and
 * English, because Facebook's buttons are plain div[role=button] elements named by their text.
 */
import {
  closestWith,
  isPlainEnter,
  labelIs,
  labelStarts,
  readLexical,
  textsOf,
  textWithout,
  type Engagement,
  safeClosest,
  safeMatches,
  safeQueryAll,
  type SiteAdapter,
  type SiteSelectors,
} from './types';

export const facebookSelectors = {
  editor: '[contenteditable="true"][data-lexical-editor="true"], [contenteditable="true"][role="textbox"]',
  /** Structural submit buttons: the comment box's send button, a real submit button in a composer form. */
  submit: '#focused-state-composer-submit [role="button"], #focused-state-composer-submit button, [role="dialog"] form [type="submit"]',
  /** A comment box's send button (it sits in a container named for the focused box). */
  commentSubmit: '#focused-state-composer-submit [role="button"], #focused-state-composer-submit button',
  /** A post/share dialog's structural submit button. */
  postSubmit: '[role="dialog"] form [type="submit"]',
  dialog: '[role="dialog"]',
  /** Anything that can be a button (Facebook's are div[role=button]). */
  button: '[role="button"], button',
  heading: 'h1, h2, h3, [role="heading"]',
  /** A comment or reply box and its send button live in one form. */
  commentForm: 'form',
  /** Photo/video inputs of a composer, for the image engine. */
  media: 'input[type="file"]',
  /** What an engagement acts on: a post or a comment; feed posts are often only div[aria-posinset] in the feed. */
  engageItem: '[role="article"], [role="feed"] [aria-posinset]',
  /** A feed post's own text and its author, where Facebook marks them (read before the fallbacks below). */
  storyMessage: '[data-ad-rendering-role="story_message"]',
  profileName: '[data-ad-rendering-role="profile_name"]',
  itemAuthor: 'h2, h3, h4, a[role="link"] strong, strong',
  itemText: '[data-ad-preview="message"], [data-ad-comet-preview="message"], [dir="auto"]',
  /** Messenger: chat tabs docked on facebook.com and the /messages page (deliberately not covered). */
  ignore: '[data-pagelet*="Chat" i], [data-pagelet*="Messenger" i], [aria-label="Messenger"], [role="complementary"][aria-label*="obrolan" i], [role="complementary"][aria-label*="chat" i]',
} satisfies SiteSelectors;

/** Labels of the buttons that publish a post or a share (fallback; id and en). */
export const FB_POST_LABELS = ['Posting', 'Post', 'Bagikan sekarang', 'Share now', 'Simpan', 'Save', 'Bagikan ke Kabar', 'Share to Feed'] as const;
/** The first step of a two-step post dialog (fallback; id and en). */
export const FB_NEXT_LABELS = ['Berikutnya', 'Next'] as const;
/** The heading of a two-step post dialog's last step (fallback; id and en). */
export const FB_SETTINGS_LABELS = ['Pengaturan postingan', 'Post settings'] as const;
const FB_POST_OR_NEXT = [...FB_POST_LABELS, ...FB_NEXT_LABELS];
/** Labels of a comment box's send button (fallback; id and en). */
export const FB_COMMENT_SEND_LABELS = ['Kirim', 'Kirim komentar', 'Komentari', 'Komentar', 'Comment', 'Post comment', 'Send', 'Balas', 'Reply', 'Post'] as const;
/** How comment and reply boxes are labelled (fallback; id and en). */
export const FB_COMMENT_BOX_LABELS = ['Tulis komentar', 'Tulis komentar publik', 'Write a comment', 'Write a public comment', 'Komentari sebagai', 'Comment as', 'Balas', 'Tulis balasan', 'Reply to', 'Write a reply', 'Answer as', 'Jawab sebagai'] as const;
/** Engagement buttons (fallback; id and en). Unlike/unfollow labels differ ("Hapus Suka", "Mengikuti"), so they pass. */
export const FB_ENGAGE_LABELS = {
  like: ['Suka', 'Like'],
  share: ['Bagikan', 'Share', 'Kirimkan ini ke teman atau posting di profil Anda.', 'Send this to friends or post it on your profile.'],
  follow: ['Ikuti', 'Follow'],
} as const;
/** Messenger composer labels (fallback for ignores). */
const FB_CHAT_BOX_LABELS = ['Aa', 'Pesan', 'Message', 'Tulis pesan', 'Write a message'] as const;

export function createFacebookAdapter(sel: SiteSelectors = facebookSelectors): SiteAdapter {
  const S = { ...facebookSelectors, ...sel };
  const editorsIn = (root: Element) => safeQueryAll<HTMLElement>(root, S.editor);
  const hasEditor = (a: Element) => editorsIn(a).length > 0;

  /** The post/share button of a dialog composer: structural first, then the label sets. */
  const inCommentForm = (b: Element) => {
    const form = safeClosest(b, S.commentForm);
    return form !== null && safeQueryAll(form, S.commentSubmit).length > 0;
  };
  const postButtonIn = (root: Element): HTMLElement | null => {
    const structural = safeQueryAll<HTMLElement>(root, S.postSubmit).filter((b) => !inCommentForm(b))[0];
    if (structural) return structural;
    const labelled = safeQueryAll<HTMLElement>(root, S.button).filter((b) => !inCommentForm(b) && labelIs(b, FB_POST_OR_NEXT));
    return labelled[labelled.length - 1] ?? null;
  };

  /** A post dialog at its last step: the editor is gone, "Pengaturan postingan" holds the final Post. */
  const isSettingsStep = (dialog: Element): boolean =>
    !hasEditor(dialog) && (labelIs(dialog, FB_SETTINGS_LABELS) || safeQueryAll(dialog, S.heading).some((h) => labelIs(h, FB_SETTINGS_LABELS)));
  /** A dialog that writes a post: its editor step (editors that are not comment boxes) or its settings step. */
  const isPostDialog = (dialog: Element): boolean => editorsIn(dialog).some((e) => !isCommentBox(e)) || isSettingsStep(dialog);

  /** What the rule engine reads of a post or comment: its author, then its own text (never "See more"). */
  const itemText = (item: Element): string => {
    const author = safeQueryAll(item, S.profileName)[0];
    const story = safeQueryAll(item, S.storyMessage)[0];
    if (!author && !story) return textsOf(item, [S.itemAuthor, S.itemText]) || (item.textContent ?? '');
    const parts = [author ? textWithout(author, S.button) : textsOf(item, [S.itemAuthor]), story ? textWithout(story, S.button) : textsOf(item, [S.itemText])];
    return parts.filter(Boolean).join('\n');
  };

  const sendButtonIn = (form: Element): HTMLElement | null => {
    const structural = safeQueryAll<HTMLElement>(form, S.commentSubmit)[0];
    if (structural) return structural;
    return safeQueryAll<HTMLElement>(form, S.button).find((b) => labelIs(b, FB_COMMENT_SEND_LABELS)) ?? null;
  };

  /** A comment or reply box: outside any dialog (posts, shares and edits are all written in dialogs), or in a
   *  form with the comment send container, or labelled as a comment/reply box. */
  const isCommentBox = (editor: Element): boolean => {
    if (!safeClosest(editor, S.dialog)) return true;
    const form = safeClosest(editor, S.commentForm);
    if (form && editorsIn(form).length === 1 && safeQueryAll(form, S.commentSubmit).length) return true;
    return labelStarts(editor, FB_COMMENT_BOX_LABELS);
  };

  const commentComposer = (editor: Element): Element => {
    const form = safeClosest(editor, S.commentForm);
    return form && editorsIn(form).length === 1 ? form : (editor.parentElement ?? editor);
  };

  return {
    id: 'facebook',
    name: 'Facebook',
    selectors: S,
    composerOf(el) {
      const editor = safeClosest(el, S.editor);
      if (editor) {
        if (isCommentBox(editor)) return commentComposer(editor);
        return safeClosest(editor, S.dialog);
      }
      // a submit button
      const form = safeClosest(el, S.commentForm);
      if (form && editorsIn(form).length === 1 && isCommentBox(editorsIn(form)[0]!)) return form;
      const dialog = safeClosest(el, S.dialog);
      if (dialog && (hasEditor(dialog) || isSettingsStep(dialog))) return dialog;
      return closestWith(el, hasEditor);
    },
    editorsIn(composer) {
      return safeMatches(composer, S.editor) ? [composer as HTMLElement] : editorsIn(composer);
    },
    readText: readLexical,
    submitButtonOf(composer) {
      const editor = editorsIn(composer)[0];
      if (editor && isCommentBox(editor)) return sendButtonIn(composer);
      return postButtonIn(composer);
    },
    submitOf(target) {
      const structural = safeClosest(target, S.submit);
      if (structural) return structural;
      const button = safeClosest(target, S.button);
      if (!button || hasEditor(button)) return null;
      const form = safeClosest(button, S.commentForm);
      if (form && editorsIn(form).length === 1 && isCommentBox(editorsIn(form)[0]!)) return labelIs(button, FB_COMMENT_SEND_LABELS) ? button : null;
      const dialog = safeClosest(button, S.dialog);
      if (dialog && hasEditor(dialog) && labelIs(button, FB_POST_OR_NEXT)) return button;
      if (dialog && isSettingsStep(dialog) && labelIs(button, FB_POST_LABELS)) return button;
      return null;
    },
    isSubmitKey(e, editor) {
      return isPlainEnter(e) && isCommentBox(editor);
    },
    submitsOnEnter: isCommentBox,
    engagementOf(target) {
      const button = safeClosest(target, S.button);
      if (!button) return null;
      // a dialog that writes a post is not engagement; a post viewer (its only editor a comment box) is
      const dialog = safeClosest(button, S.dialog);
      if (dialog && isPostDialog(dialog)) return null;
      const action = (['like', 'share', 'follow'] as const).find((a) => labelIs(button, FB_ENGAGE_LABELS[a]));
      if (!action) return null;
      // in a post viewer the dialog is the post, whatever wraps it inside
      const item = safeClosest(button, S.engageItem) ?? dialog;
      if (!item) return null;
      return { action, button, item, text: itemText(item) } satisfies Engagement;
    },
    ignores(el) {
      if (location.pathname.startsWith('/messages')) return true;
      if (safeClosest(el, S.ignore)) return true;
      const box = safeClosest(el, S.editor) ?? el;
      return labelIs(box, FB_CHAT_BOX_LABELS);
    },
  };
}

export const facebookAdapter: SiteAdapter = createFacebookAdapter();
