/**
 * The background may reach nothing but the extension's own files and the packs of the policy in
 * force (each pack's address and its .sig). The manifest's CSP already stops every other context
 * and every address that is not https (or http on this machine); this narrows the background, the
 * only context that downloads, to the addresses the agency wrote. In Firefox the photo engine runs
 * here too, so the guard also stands between it and the network.
 */
import { browser } from 'wxt/browser';
import { guardNetwork } from '../lib/net/guard';

const packUrls = new Set<string>();

/** The pack addresses of the policy now in force (replaces the previous list). */
export function allowPackUrls(urls: Iterable<string>): void {
  packUrls.clear();
  for (const u of urls) {
    packUrls.add(new URL(u).href);
    packUrls.add(new URL(`${u}.sig`).href);
  }
}

export function startNetworkGuard(): void {
  const own = browser.runtime.getURL('/'); // chrome-extension://id/, moz-extension://uuid/
  guardNetwork(
    (url) => url.href.startsWith(own) || url.protocol === 'data:' || url.protocol === 'blob:' || packUrls.has(url.href),
    { onBlocked: (url) => console.error(`[jaga-netral] refused a request off the device: ${url}`) },
  );
}
