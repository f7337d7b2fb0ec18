import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Bundled font with full Vietnamese coverage: no font CDN, ever (the app runs offline).
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/400-italic.css';
import '@fontsource/be-vietnam-pro/600.css';
import './styles.css';
import { App } from './App';
import { startPage } from './lib/page-lifecycle';

// The journal's replay comes first, so the screens load what it has just written.
void startPage().finally(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
