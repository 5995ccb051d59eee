import { startGuard } from '../content/guard';
import { answerStatus, siteSettings } from '../content/site-settings';
import { createUi } from '../components/ui';
import { xAdapter } from '../sites/x';

export default defineContentScript({
  matches: ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.x.com/*', 'https://mobile.twitter.com/*'],
  runAt: 'document_start',
  main(ctx) {
    const settings = siteSettings('x', ctx.signal);
    startGuard({ adapter: xAdapter, ...settings, ui: createUi(), signal: ctx.signal });
    answerStatus('x', xAdapter.selectors.editor, settings, ctx.signal);
    document.documentElement.setAttribute('data-jaga-netral', 'active');
    ctx.signal.addEventListener('abort', () => document.documentElement.removeAttribute('data-jaga-netral'));
  },
});
