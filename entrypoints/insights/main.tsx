import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { InsightsApp } from '@/components/insights/InsightsApp';
// The options page's colours, type and controls, so both pages look like one product.
import '../options/options.css';
import './insights.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <InsightsApp />
  </StrictMode>,
);
