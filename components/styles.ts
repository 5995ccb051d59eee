/** Styles of the shadow root; nothing leaks into the site and the site's CSS does not reach in. */
export const STYLES = `
:host { all: initial; }
* { box-sizing: border-box; }
.layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483647;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: #1d2939; }
.marker { pointer-events: auto; position: fixed; transform: translate(-100%, 0); border: 0; border-radius: 999px;
  padding: 2px 8px; font: 600 12px/18px system-ui, sans-serif; cursor: pointer; box-shadow: 0 1px 3px rgba(0,0,0,.25); }
.marker.violation { background: #fee4e2; color: #912018; }
.marker.caution { background: #fef0c7; color: #93370d; }
.marker:focus-visible { outline: 2px solid #1570ef; outline-offset: 2px; }
.backdrop { pointer-events: auto; position: fixed; inset: 0; background: rgba(16, 24, 40, .35); }
.dialog { position: fixed; overflow: auto; background: #fff; border-radius: 12px; padding: 16px 18px;
  box-shadow: 0 12px 32px rgba(16,24,40,.3); border-top: 6px solid #d92d20; }
.dialog.caution { border-top-color: #f79009; }
header { display: flex; gap: 10px; align-items: flex-start; }
header .icon { font-size: 22px; line-height: 28px; }
h2 { font-size: 17px; line-height: 24px; margin: 2px 0 6px; font-weight: 700; }
.intro { margin: 0 0 10px; }
.label { font-size: 12px; font-weight: 600; color: #475467; text-transform: uppercase; letter-spacing: .03em; }
.draft { white-space: pre-wrap; word-break: break-word; background: #f9fafb; border: 1px solid #eaecf0; border-radius: 8px;
  padding: 8px 10px; margin: 4px 0 10px; max-height: 8.5em; overflow: auto; }
mark { border-radius: 3px; padding: 0 1px; }
mark.violation { background: #fecdca; color: #7a271a; text-decoration: underline wavy #d92d20; }
mark.caution { background: #fedf89; color: #7a2e0e; }
mark.actor { outline: 1px solid currentColor; }
.model { font-size: 13px; }
.model p { margin: 2px 0; }
.model .driver { font-weight: 600; margin-right: 6px; }
.model .score { font-size: 12px; color: #475467; }
.findings { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
.findings li { border: 1px solid #eaecf0; border-radius: 8px; padding: 8px 10px; }
.head { display: flex; flex-wrap: wrap; gap: 6px; align-items: baseline; }
.badge { font-size: 11px; font-weight: 700; padding: 1px 6px; border-radius: 4px; text-transform: uppercase; }
.badge.violation { background: #d92d20; color: #fff; }
.badge.caution { background: #f79009; color: #fff; }
.evidence { font-weight: 600; }
.entity { color: #475467; font-size: 12px; }
.why { margin: 4px 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 4px 0 0; font-size: 12px; color: #344054; }
dt { font-weight: 600; } dd { margin: 0; }
code { font: 11px ui-monospace, monospace; color: #475467; }
footer { margin-top: 12px; }
.actions { display: flex; gap: 8px; flex-wrap: wrap; }
button.primary, button.secondary { font: 600 14px/20px system-ui, sans-serif; border-radius: 8px; padding: 8px 14px; cursor: pointer; }
button.primary { background: #1570ef; color: #fff; border: 1px solid #1570ef; }
button.secondary { background: #fff; color: #344054; border: 1px solid #d0d5dd; }
button:focus-visible { outline: 3px solid #84adff; outline-offset: 2px; }
button[disabled] { opacity: .6; cursor: default; }
.note { margin: 8px 0 0; font-size: 12px; color: #667085; }
.policy.blocked { margin: 0 0 10px; padding: 8px 10px; border-radius: 8px; background: #fef3f2; color: #b42318; font-weight: 600; }
.reason { display: block; margin: 0 0 10px; font-size: 13px; }
.reason span { display: block; margin-bottom: 4px; font-weight: 600; }
.reason textarea { box-sizing: border-box; width: 100%; font: 14px/20px system-ui, sans-serif; padding: 6px 8px; border: 1px solid #d0d5dd; border-radius: 8px; resize: vertical; }
.agency { margin: 8px 0 0; font-size: 12px; color: #344054; }
`;
