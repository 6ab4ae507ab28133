// The task panel's script (bundled to dist/webview/main.js).
import { App } from './app';
import { Host } from './host';
import type { PanelState } from '../shared/panelState';
import { vscodeApi } from './vscodeApi';

const api = vscodeApi<PanelState>();
const root = document.getElementById('app');
if (root) new App(new Host(api), api, root).start();
