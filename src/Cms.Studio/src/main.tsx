import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

// A transition: the first render yields to the browser (the bar index.html painted stays until it is done).
startTransition(() =>
  createRoot(document.getElementById('studio')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
