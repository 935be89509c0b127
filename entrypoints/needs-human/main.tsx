import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { NeedsHumanApp } from '@/components/needs-human/NeedsHumanApp';
// The options page's colours and controls, and Insights' page layout.
import '../options/options.css';
import '../insights/insights.css';
import './needs-human.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <NeedsHumanApp />
  </StrictMode>,
);
