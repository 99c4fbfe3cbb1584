import { createRoot } from 'react-dom/client';
import { RevoGrid } from '@revolist/react-datagrid';

const log: unknown[] = [];
(window as any).__log = log;
const source = Array.from({ length: 100 }, (_, i) => ({ id: `r${i}`, a: `A${i}`, b: i * 10, c: `c${i}` }));
(window as any).__source = source;
const columns = [
  { prop: 'a', name: 'A', readonly: true },
  { prop: 'b', name: 'B' },
  { prop: 'c', name: 'C', cellProperties: () => ({ 'aria-readonly': 'false', class: { mycell: true } }) },
];
const events = ['beforeedit', 'beforerangeedit', 'afteredit', 'beforeautofill', 'beforerange', 'beforepaste', 'beforepasteapply', 'pasteregion', 'afterpasteapply', 'beforecopy', 'beforeeditstart', 'clipboardrangepaste', 'beforecopyapply', 'rangeeditapply', 'selectionchangeinit', 'setedit', 'beforekeydown', 'beforekeyup'];
function App() {
  return <RevoGrid ref={(el) => {
    if (!el || (el as any).__wired) return;
    (el as any).__wired = true;
    for (const name of events) el.addEventListener(name, (e: any) => { const d = e.detail ?? {}; log.push({ name, keys: Object.keys(d), val: d.val, data: d.data && !Array.isArray(d.data) ? d.data : undefined, newRange: d.newRange, parsed: d.parsed, raw: d.raw }); });
  }} source={source} columns={columns} range useClipboard style={{ height: '500px' }} />;
}
createRoot(document.getElementById('root')!).render(<App />);
