// Runs in the sandboxed renderer before the page: exposes one function per API method as
// window.trainerApi and nothing else (never ipcRenderer itself). Bundled into preload.cjs.
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiEnvelope } from '../../api/contract.ts';
import { makeTrainerApi } from './bridge.ts';

const api = makeTrainerApi((channel, args) => ipcRenderer.invoke(channel, args) as Promise<ApiEnvelope>);
contextBridge.exposeInMainWorld('trainerApi', api);
