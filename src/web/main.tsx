import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/index.js';
import { App } from './App.js';
import { refreshSession } from './api.js';
import './styles.css';

// Who is signed in (and the CSRF token for writes), asked once at start.
void refreshSession();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
