import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api.ts';
import { App } from './App.tsx';
import { GosimClient, spawnWebWorker } from './gosim/client.ts';
import { GosimContext } from './gosim/context.tsx';
import './styles/app.css';
import './styles/code.css';
import './styles/run.css';

const api = connect();
// One simulator for the page, started now so the first program does not wait for it to load.
const gosim = new GosimClient(spawnWebWorker);
gosim.warm();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <GosimContext.Provider value={gosim}>
      <App api={api} />
    </GosimContext.Provider>
  </StrictMode>,
);
