import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from './api';
import { buildMenuBridge } from './menu';

// Sandboxed preload: only `contextBridge` and `ipcRenderer` are used, and ipcRenderer stays here.
contextBridge.exposeInMainWorld(
  'scorecard',
  buildApi((channel, input) => ipcRenderer.invoke(channel, input)),
);
contextBridge.exposeInMainWorld('scorecardMenu', buildMenuBridge(ipcRenderer));
