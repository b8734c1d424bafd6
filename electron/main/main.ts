import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { BackendClient } from '../backend/client';
import { startApp } from './app';

// Entry of dist/electron/main.cjs. Everything testable lives in app.ts and its helpers.
startApp({
  electron: { app, BrowserWindow, dialog, ipcMain, Menu, session, shell },
  mainBundleDir: __dirname,
  startBackend: (options) => BackendClient.start(options),
  argv: process.argv.slice(1),
  env: process.env,
  cwd: process.cwd(),
});
