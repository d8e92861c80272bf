/**
 * The report's one stylesheet. Kept free of `url(…)` and `@import` so the page loads nothing,
 * and free of per-element `style=""` attributes elsewhere so a hash-only CSP can hold.
 */
export const REPORT_STYLE = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#f6f7f9}
header{position:sticky;top:0;z-index:3;display:flex;flex-wrap:wrap;gap:8px 20px;align-items:center;padding:10px 20px;background:#fff;border-bottom:1px solid #d8dee4}
h1{font-size:18px;margin:0}
.stats{color:#59636e}
.search{margin-left:auto;display:flex;gap:8px;align-items:center}
.search input{width:240px;max-width:60vw;padding:6px 10px;border:1px solid #b8c0c8;border-radius:6px;font:inherit}
.group-filter select{max-width:40vw;padding:5px 6px;border:1px solid #b8c0c8;border-radius:6px;font:inherit}
section.group{border-top:2px solid #d8dee4;margin-top:10px;padding-left:4px}
section.group>h3{font-size:15px;margin:10px 0 2px}
section.group details.theme{margin-left:14px}
#count{color:#59636e;min-width:6.5em}
main{display:grid;grid-template-columns:minmax(0,1.1fr) minmax(0,1fr);gap:16px;padding:16px 20px;align-items:start}
@media (max-width:900px){main{grid-template-columns:minmax(0,1fr)}.map-panel{position:static}}
.map-panel{position:sticky;top:64px}
.panel{background:#fff;border:1px solid #d8dee4;border-radius:8px;padding:12px 14px;margin-bottom:16px}
h2{font-size:15px;margin:0 0 8px}
.map-wrap{position:relative}
#map{display:block;width:100%;height:min(62vh,560px);border-radius:6px;background:#fbfcfd;cursor:crosshair}
#map.pointer{cursor:pointer}
#tooltip{position:absolute;z-index:2;pointer-events:none;max-width:320px;padding:5px 8px;border-radius:5px;background:rgba(31,35,40,.92);color:#fff;font-size:12px}
.note{color:#59636e;font-size:12px;margin:6px 0 0}
.legend{display:flex;flex-wrap:wrap;gap:4px 12px;list-style:none;padding:0;margin:8px 0 0;font-size:12px;max-height:7.5em;overflow-y:auto;overscroll-behavior:contain}
.legend a{color:inherit;text-decoration:none}
.legend a:hover{text-decoration:underline}
.swatch{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:5px;background:var(--c);vertical-align:baseline;flex:none}
details.theme{border-top:1px solid #eaeef2;padding:6px 0}
details.theme>summary{cursor:pointer;font-weight:600}
.size{font-weight:400;color:#59636e}
.keywords{color:#59636e;margin:2px 0 4px 15px;font-size:12px}
ol.members{margin:4px 0 6px;padding-left:38px}
ol.members li{margin:1px 0}
.score{color:#8a939c;font-size:11px;font-variant-numeric:tabular-nums}
a{color:#0a5dbd}
details.talk{border-top:1px solid #eaeef2;padding:6px 2px}
details.talk>summary{cursor:pointer;list-style-position:outside}
details.talk>summary .title{font-weight:600}
details.talk .theme-name{color:#59636e;font-size:12px;margin-left:6px}
details.talk.selected{background:#fff8d6;border-radius:6px}
.talk-body{padding:4px 0 6px 16px}
.meta{color:#59636e;font-size:12px;margin:2px 0}
.abstract{white-space:pre-line;overflow-wrap:anywhere;margin:6px 0}
.title,.members a,.related a{overflow-wrap:anywhere}
.tag{display:inline-block;padding:0 7px;margin:0 4px 3px 0;border-radius:10px;background:#eef1f4;font-size:12px}
h3{font-size:13px;margin:8px 0 2px}
ol.related{margin:2px 0;padding-left:22px}
.terms{color:#59636e;font-size:12px}
.plan{overflow-x:auto}
table{border-collapse:collapse;font-size:12px;width:100%}
th,td{border:1px solid #d8dee4;padding:5px 7px;vertical-align:top;text-align:left}
th{background:#f0f2f4}
td ol{margin:2px 0;padding-left:18px}
.session-label{font-weight:600}
[hidden]{display:none!important}
`
