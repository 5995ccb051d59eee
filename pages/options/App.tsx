/**
 * The settings page: what protects you and who set it, the rule packs in force, your own additions
 * (local candidates), sites, language, your private history, and a "Coba" box to see exactly what
 * would be flagged and why. Everything stays on this device.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { local, sanctionLabel, t, uiLang } from '../../components/i18n';
import type { MessageKey } from '../../components/messages';
import { createEngine, nationalPack } from '../../lib/packs';
import { MODEL_PATH, stageFrom } from '../../lib/model';
import type { TextStage } from '../../lib/rules/types';
import { ModelEvidence } from '../../components/ModelEvidence';
import { Highlighted } from '../../components/Highlighted';
import { buildRegionalPack, CsvError, parseCandidateCsv } from '../../lib/packs/regional';
import { contextOf, formatErrors, validatePack } from '../../lib/rules/validate';
import type { RulePack } from '../../lib/rules/types';
import { MODES, SITE_IDS, type Lockable, type Mode, type SiteId } from '../../lib/policy/policy';
import type { PackStatus } from '../../lib/policy/packs';
import { HistoryStore, toCsv, toJson, type WarningRecord } from '../../lib/history/store';
import { download, formatTime, useAppState, useUserSettings } from '../shared';
import { tryPhoto, type PhotoTry } from './try-photo';
import { SelectorPatchesSection, SiteHealthSection } from './site-health';
import { Thumb } from '../../components/Photos';

const MODE_KEYS: Record<Mode, MessageKey> = { warn: 'modeWarn', confirm: 'modeConfirm', block: 'modeBlock' };
const SOURCE_KEYS: Record<PackStatus['source'], MessageKey> = { national: 'srcNational', inline: 'srcInline', url: 'srcUrl', user: 'srcUser' };
const SITE_NAMES: Record<SiteId, string> = { x: 'X (Twitter)', facebook: 'Facebook', instagram: 'Instagram' };
const KIND_LABELS: Record<NonNullable<WarningRecord['kind']>, string> = { like: 'Like', share: 'Share', repost: 'Repost', follow: 'Follow' };
const ACTION_KEYS: Record<WarningRecord['action'], MessageKey> = { edited: 'actEdited', posted: 'actPosted', cancelled: 'actCancelled', blocked: 'actBlocked' };

function Locked({ locked }: { locked: boolean }) {
  return locked ? <span class="locked">🔒 {t('optLocked')}</span> : null;
}

export function OptionsApp() {
  const state = useAppState();
  const [settings, update] = useUserSettings();
  const lang = uiLang();
  if (!state) return <main aria-busy="true">{t('optLoading')}</main>;
  const isLocked = (k: Lockable) => state.effective.locked.includes(k);
  // what the person just chose shows at once (the background's merge follows a moment later)
  const eff = {
    ...state.effective,
    ...(isLocked('mode') || !settings.mode ? {} : { mode: settings.mode }),
    ...(isLocked('lang') || !settings.lang ? {} : { lang: settings.lang }),
    ...(isLocked('keepExcerpts') || settings.keepExcerpts === undefined ? {} : { keepExcerpts: settings.keepExcerpts }),
    ...(isLocked('retentionDays') || !settings.retentionDays ? {} : { retentionDays: settings.retentionDays }),
    sites: isLocked('sites') ? state.effective.sites : { ...state.effective.sites, ...settings.sites },
  };

  return (
    <main lang={lang}>
      <header>
        <h1>{t('optTitle')}</h1>
        <p class="privacy" data-testid="privacy">
          🔒 {t('optPrivacy')}
        </p>
      </header>

      <section id="status" aria-labelledby="h-status">
        <h2 id="h-status">{t('optStatus')}</h2>
        {eff.managed ? (
          <p data-testid="managed">
            {t('optManaged', eff.agency?.name ?? t('optYourAgency'))}
            {eff.agency?.contact ? ` · ${t('policyContact', eff.agency.contact)}` : ''}
          </p>
        ) : (
          <p data-testid="managed">{t('optNotManaged')}</p>
        )}
        {state.problems.length > 0 && (
          <ul class="problems">
            {state.problems.map((p) => (
              <li key={p.path}>
                <code>{p.path}</code> {p.message}
              </li>
            ))}
          </ul>
        )}
        <label class="row">
          <span>{t('optMode')}</span>
          <select
            data-setting="mode"
            value={eff.mode}
            disabled={isLocked('mode')}
            onChange={(e) => void update({ mode: (e.currentTarget as HTMLSelectElement).value as Mode })}
          >
            {MODES.map((m) => (
              <option key={m} value={m}>
                {t(MODE_KEYS[m])}
              </option>
            ))}
          </select>
          <Locked locked={isLocked('mode')} />
        </label>
      </section>

      <section id="sites" aria-labelledby="h-sites">
        <h2 id="h-sites">{t('optSites')}</h2>
        {SITE_IDS.map((s) => (
          <label class="row" key={s}>
            <input
              type="checkbox"
              data-site={s}
              checked={eff.sites[s]}
              disabled={isLocked('sites')}
              onChange={(e) => void update({ sites: { ...settings.sites, [s]: (e.currentTarget as HTMLInputElement).checked } })}
            />
            <span>{SITE_NAMES[s]}</span>
          </label>
        ))}
        <Locked locked={isLocked('sites')} />
      </section>

      <Packs status={state.status} lang={lang} />
      <SiteHealthSection lang={lang} />
      <SelectorPatchesSection inForce={state.siteSelectors} />
      <MyPacks locked={isLocked('userPacks')} userPacks={settings.userPacks ?? []} agencyPacks={state.packs} update={update} />

      <section id="language" aria-labelledby="h-lang">
        <h2 id="h-lang">{t('optLanguage')}</h2>
        <label class="row">
          <span>{t('optLanguage')}</span>
          <select
            data-setting="lang"
            value={eff.lang}
            disabled={isLocked('lang')}
            onChange={(e) => void update({ lang: (e.currentTarget as HTMLSelectElement).value as 'auto' | 'id' | 'en' })}
          >
            <option value="auto">{t('langAuto')}</option>
            <option value="id">Bahasa Indonesia</option>
            <option value="en">English</option>
          </select>
          <Locked locked={isLocked('lang')} />
        </label>
      </section>

      <History
        keepExcerpts={eff.keepExcerpts}
        retentionDays={eff.retentionDays}
        lockedExcerpts={isLocked('keepExcerpts')}
        lockedRetention={isLocked('retentionDays')}
        update={update}
        lang={lang}
      />

      <Try packs={state.packs} lang={lang} />
    </main>
  );
}

function Packs({ status, lang }: { status: PackStatus[]; lang: string }) {
  const [busy, setBusy] = useState(false);
  const refresh = async () => {
    setBusy(true);
    try {
      await browser.runtime.sendMessage({ type: 'jn:refresh-packs' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section id="packs" aria-labelledby="h-packs">
      <h2 id="h-packs">{t('optPacks')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('colPack')}</th>
            <th>{t('colVersion')}</th>
            <th>{t('colSource')}</th>
            <th>{t('colUpdated')}</th>
            <th>{t('colState')}</th>
          </tr>
        </thead>
        <tbody>
          {status.map((s, i) => (
            <tr key={i} data-pack={s.id ?? ''} class={s.active ? (s.error ? 'stale' : 'ok') : 'refused'}>
              <td>
                {s.name ?? s.id ?? '—'}
                {s.id && s.name ? <code> {s.id}</code> : null}
              </td>
              <td>{s.version ?? '—'}</td>
              <td>
                {t(SOURCE_KEYS[s.source])}
                {s.url ? <div class="url">{s.url}</div> : null}
                {s.signed ? <div class="signed">✔ {t('packSigned')}</div> : null}
              </td>
              <td>{s.source === 'url' ? formatTime(s.updatedAt, lang) : '—'}</td>
              <td>
                {s.active ? (s.error ? t('packStale') : t('packActive')) : t('packRefused')}
                {s.error ? <div class="error">{s.error}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {status.some((s) => s.source === 'url') && (
        <button type="button" onClick={() => void refresh()} disabled={busy}>
          {t('btnRefreshPacks')}
        </button>
      )}
    </section>
  );
}

const CSV_EXAMPLE = 'election,region,number,candidate,running_mate,aliases\nPilkada 2029,Kota Contoh,1,Budi Santoso,Siti Aminah,Pak Budi|BuSi';

function MyPacks({
  locked,
  userPacks,
  agencyPacks,
  update,
}: {
  locked: boolean;
  userPacks: unknown[];
  agencyPacks: RulePack[];
  update: (p: { userPacks: unknown[] }) => Promise<void>;
}) {
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [added, setAdded] = useState('');
  const mine = userPacks as RulePack[];
  const add = async () => {
    setAdded('');
    const input = text.trim();
    if (!input) return;
    let pack: unknown;
    try {
      pack = input.startsWith('{')
        ? JSON.parse(input)
        : buildRegionalPack(parseCandidateCsv(input), { id: `lokal-${Date.now().toString(36)}`, version: new Date().toISOString().slice(0, 10) });
    } catch (e) {
      setErrors([e instanceof CsvError || e instanceof SyntaxError ? e.message : String(e)]);
      return;
    }
    // every pack in force (the agency's and yours), as the background will load them
    const before = [nationalPack, ...agencyPacks];
    const r = validatePack(pack, contextOf(before));
    if (!r.ok) {
      setErrors(formatErrors(r.errors.slice(0, 10)).split('\n'));
      return;
    }
    if (before.some((p) => p.id === r.pack.id)) {
      setErrors([t('mineDuplicate', r.pack.id)]);
      return;
    }
    setErrors([]);
    setText('');
    setAdded(r.pack.name.id);
    await update({ userPacks: [...mine, r.pack] });
  };
  return (
    <section id="mine" aria-labelledby="h-mine">
      <h2 id="h-mine">{t('optMine')}</h2>
      {locked ? (
        <p>
          <Locked locked />
        </p>
      ) : (
        <>
          <p class="hint">{t('mineHint')}</p>
          <textarea rows={4} value={text} placeholder={CSV_EXAMPLE} data-field="mine" onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
          <button type="button" onClick={() => void add()}>
            {t('btnAddPack')}
          </button>
          {errors.length > 0 && (
            <ul class="error" role="alert">
              {errors.map((e, i) => (
                <li key={i}>{e}</li>
              ))}
            </ul>
          )}
          {added && <p role="status">{t('mineAdded', added)}</p>}
          <ul>
            {mine.map((p) => (
              <li key={p.id} data-mine={p.id}>
                {p.name.id} <code>{p.id}</code> ({(p.entities ?? []).length}){' '}
                <button type="button" onClick={() => void update({ userPacks: mine.filter((x) => x.id !== p.id) })}>
                  {t('btnRemove')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function History(props: {
  keepExcerpts: boolean;
  retentionDays: number;
  lockedExcerpts: boolean;
  lockedRetention: boolean;
  lang: string;
  update: (p: { keepExcerpts?: boolean; retentionDays?: number }) => Promise<void>;
}) {
  const [rows, setRows] = useState<WarningRecord[] | null>(null);
  const load = async () => {
    const store = await HistoryStore.open();
    try {
      setRows(await store.list());
    } finally {
      store.close();
    }
  };
  useEffect(() => {
    void load();
  }, []);
  const clearAll = async () => {
    if (!confirm(t('histClearConfirm'))) return;
    const store = await HistoryStore.open();
    await store.clear();
    store.close();
    await load();
  };
  const stamp = new Date().toISOString().slice(0, 10);
  return (
    <section id="history" aria-labelledby="h-history">
      <h2 id="h-history">{t('optHistory')}</h2>
      <p class="hint">{t('histPrivacy')}</p>
      <label class="row">
        <input
          type="checkbox"
          data-setting="keepExcerpts"
          checked={props.keepExcerpts}
          disabled={props.lockedExcerpts}
          onChange={(e) => void props.update({ keepExcerpts: (e.currentTarget as HTMLInputElement).checked })}
        />
        <span>{t('histKeepExcerpts')}</span>
        <Locked locked={props.lockedExcerpts} />
      </label>
      <label class="row">
        <span>{t('histRetention')}</span>
        <input
          type="number"
          min={1}
          max={3650}
          data-setting="retentionDays"
          value={props.retentionDays}
          disabled={props.lockedRetention}
          onChange={(e) => {
            const v = Number((e.currentTarget as HTMLInputElement).value);
            if (v >= 1) void props.update({ retentionDays: v });
          }}
        />
        <Locked locked={props.lockedRetention} />
      </label>
      <div class="buttons">
        <button type="button" disabled={!rows?.length} onClick={() => rows && download(`jaga-netral-riwayat-${stamp}.csv`, 'text/csv', toCsv(rows))}>
          {t('btnExportCsv')}
        </button>
        <button type="button" disabled={!rows?.length} onClick={() => rows && download(`jaga-netral-riwayat-${stamp}.json`, 'application/json', toJson(rows))}>
          {t('btnExportJson')}
        </button>
        <button type="button" class="danger" disabled={!rows?.length} onClick={() => void clearAll()}>
          {t('btnClearHistory')}
        </button>
      </div>
      {rows && rows.length === 0 && <p data-testid="history-empty">{t('histEmpty')}</p>}
      {rows && rows.length > 0 && (
        <table data-testid="history">
          <thead>
            <tr>
              <th>{t('colTime')}</th>
              <th>{t('colSite')}</th>
              <th>{t('colSeverity')}</th>
              <th>{t('colRules')}</th>
              <th>{t('colAction')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, 200).map((r) => (
              <tr key={r.id}>
                <td>{formatTime(r.at, props.lang)}</td>
                <td>{SITE_NAMES[r.site as SiteId] ?? r.site}</td>
                <td>{t(r.severity === 'violation' ? 'severityViolation' : 'severityCaution')}</td>
                <td>
                  <code>{r.rules.join(', ')}</code>
                </td>
                <td>
                  {r.kind ? `${KIND_LABELS[r.kind]} · ` : ''}
                  {t(ACTION_KEYS[r.action])}
                  {r.reason ? <div class="reason">“{r.reason}”</div> : null}
                  {r.excerpt ? <div class="excerpt">{r.excerpt}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Try({ packs, lang }: { packs: RulePack[]; lang: string }) {
  const [text, setText] = useState('');
  const [photo, setPhoto] = useState<{ name: string; result: PhotoTry | null } | null>(null);
  const [dragging, setDragging] = useState(false);
  const check = (file: File | undefined) => {
    if (!file) return;
    setPhoto({ name: file.name, result: null });
    tryPhoto(file, engine).then(
      (result) => setPhoto({ name: file.name, result }),
      () => setPhoto({ name: file.name, result: { ok: false, problem: 'engine-failed' } }),
    );
  };
  // the same detector as on the sites: the rules, then the learned stage once its file is read
  const [stage, setStage] = useState<TextStage | undefined>(undefined);
  useEffect(() => {
    fetch(browser.runtime.getURL(MODEL_PATH as '/model/text-model.json'))
      .then((r) => r.json())
      .then((m) => setStage(stageFrom(m)))
      .catch((e) => console.warn('[jaga-netral] the text model could not be loaded; the rules work alone', e));
  }, []);
  const engine = useMemo(() => {
    let e;
    try {
      e = createEngine(packs);
    } catch {
      e = createEngine();
    }
    return e.withModel(stage);
  }, [packs, stage]);
  const analysis = useMemo(() => (text.trim() ? engine.analyze(text) : null), [engine, text]);
  const l = lang === 'en' ? 'en' : 'id';
  return (
    <section id="try" aria-labelledby="h-try">
      <h2 id="h-try">{t('optTry')}</h2>
      <p class="hint">{t('tryHint')}</p>
      <textarea rows={4} value={text} data-field="try" onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      <label
        class={`drop${dragging ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          check(e.dataTransfer?.files[0]);
        }}
      >
        {t('tryPhoto')}
        <input type="file" accept="image/*" data-field="try-photo" onChange={(e) => check((e.currentTarget as HTMLInputElement).files?.[0])} />
      </label>
      {photo && (
        <div data-testid="try-photo-result" data-state={photo.result ? (photo.result.ok ? photo.result.verdict : 'failed') : 'checking'}>
          <p>
            <strong>{photo.name}</strong>:{' '}
            {!photo.result
              ? t('tryPhotoChecking')
              : !photo.result.ok
                ? t('tryPhotoFailed', photo.result.problem)
                : photo.result.verdict === 'ok'
                  ? t('tryPhotoOk')
                  : t(photo.result.verdict === 'violation' ? 'tryPhotoViolation' : 'tryPhotoCaution')}
          </p>
          {photo.result?.ok && (
            <ul class="findings">
              {photo.result.findings.map((f, i) => (
                <li key={i} data-rule={f.rule} data-kind={f.kind} class={f.severity}>
                  <strong>{t(f.severity === 'violation' ? 'severityViolation' : 'severityCaution')}</strong> {f.evidence}
                  {f.text && (
                    <div class="words">
                      {t('photoTextKind')}, {t('photoTextRead')}: <mark>{f.text.words}</mark>
                    </div>
                  )}
                  {photo.result?.ok && (
                    <Thumb photo={{ name: photo.name, thumb: photo.result.thumb, width: photo.result.width, height: photo.result.height }} boxes={f.boxes} />
                  )}
                  <div>{local(f.why, l)}</div>
                  <div class="ref">
                    {f.ref} · {f.source} · {f.sanctions.map(sanctionLabel).join(' – ')} · <code>{f.rule}</code>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {analysis && (
        <div data-testid="try-result" data-verdict={analysis.verdict} data-model={stage ? 'ready' : 'loading'}>
          <p class={`verdict ${analysis.verdict}`}>
            {analysis.verdict === 'ok' ? t('tryOk') : t(analysis.verdict === 'violation' ? 'warnTitleViolation' : 'warnTitleCaution')}
          </p>
          {analysis.findings.length > 0 && <Highlighted text={text} findings={analysis.findings} />}
          <ul class="findings">
            {analysis.findings.map((f, i) => (
              <li key={i} data-rule={f.rule} class={f.severity}>
                <strong>{t(f.severity === 'violation' ? 'severityViolation' : 'severityCaution')}</strong> <q>{f.evidence}</q>
                {f.entity ? ` — ${f.entity.label}` : ''}
                <div>{local(f.why, l)}</div>
                <ModelEvidence finding={f} />
                <div class="ref">
                  {f.ref} · {f.source} · {f.sanctions.map(sanctionLabel).join(' – ')} · <code>{f.rule}</code> ({f.pack})
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
