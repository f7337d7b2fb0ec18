import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Bundled font with full Vietnamese coverage: no font CDN, ever (the app runs offline).
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/400-italic.css';
import '@fontsource/be-vietnam-pro/600.css';
import './styles.css';
import { App } from './App';
import { startPage } from './lib/page-lifecycle';
import { ProjectorPage } from './projector/ProjectorPage';

// The projector's page (issue 16) shows what the secretary's page sends, and nothing else: it
// neither replays the journal nor asks the core for anything.
const projector = /^#\/projector\/(\d+)/.exec(window.location.hash);
if (projector)
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ProjectorPage meetingId={Number(projector[1])} />
    </StrictMode>,
  );
// The journal's replay comes first, so the screens load what it has just written.
else
  void startPage().finally(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
