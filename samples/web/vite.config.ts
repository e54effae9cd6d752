import { defineConfig } from 'vite';

// The site calls the CMS at relative URLs (/graphql, /media/...). Both `vite` (dev) and `vite preview`
// forward them to the CMS, so the browser sees one origin and no CORS set-up is needed.
const cmsUrl = process.env.CMS_URL ?? 'http://localhost:5080';

const proxy = {
  '/graphql': { target: cmsUrl, changeOrigin: true },
  '/media': { target: cmsUrl, changeOrigin: true },
};

export default defineConfig({
  // 'spa' (the default) serves index.html for /events/<slug>, /preview and /editor in dev and preview.
  appType: 'spa',
  // The comparison's reading rules are shared with the studio (src/web-shared); the dev server may serve them.
  server: { port: 5173, proxy, fs: { allow: ['.', '../../src/web-shared'] } },
  preview: { port: 4173, proxy },
  build: { target: 'es2022', sourcemap: true },
});
