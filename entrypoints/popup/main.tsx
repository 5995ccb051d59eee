/**
 * The toolbar popup, minimal for now (issue #6 adds settings and history): one line saying whether
 * Jaga Netral protects the current tab, and whether that protection is degraded. It reads what the
 * background set on the tab's action (badge and title), so it needs no storage and no permission.
 * `#tab=<id>` picks the tab explicitly (used by the tests); otherwise the active tab of this window.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../components/i18n';

type State = { kind: 'ok' | 'degraded' | 'idle'; text: string } | null;

const action = (browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction)!;

async function load(): Promise<State> {
  const fromHash = /(?:^#|&)tab=(\d+)/.exec(location.hash)?.[1];
  const tabId = fromHash ? Number(fromHash) : (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return { kind: 'idle', text: t('popupIdle') };
  const [badge, title] = await Promise.all([action.getBadgeText({ tabId }), action.getTitle({ tabId })]);
  if (badge === '!') return { kind: 'degraded', text: title };
  if (title && title !== browser.i18n.getMessage('extName')) return { kind: 'ok', text: title };
  return { kind: 'idle', text: t('popupIdle') };
}

function Popup() {
  const [state, setState] = useState<State>(null);
  useEffect(() => {
    load().then(setState, () => setState({ kind: 'idle', text: t('popupIdle') }));
  }, []);
  return (
    <main style={{ font: '14px/1.4 system-ui, sans-serif', width: '300px', padding: '12px' }}>
      <h1 style={{ fontSize: '16px', margin: '0 0 8px' }}>Jaga Netral</h1>
      {state && (
        <p data-state={state.kind} role="status" style={{ margin: 0, color: state.kind === 'degraded' ? '#b45309' : 'inherit' }}>
          {state.kind === 'degraded' ? '⚠️ ' : ''}
          {state.text}
        </p>
      )}
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
