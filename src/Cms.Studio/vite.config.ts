import { defineConfig } from 'vite';

// Built into dist/ and embedded into Cms.Api, which serves the studio at /studio/ (assets under /studio/assets/).
export default defineConfig({
  base: '/studio/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Hashed names let the app serve assets as immutable; no source maps in the app.
    sourcemap: false,
    // Everything is a file: no inlined data: URLs a strict policy would have to allow.
    assetsInlineLimit: 0,
    rolldownOptions: {
      onwarn(warning, warn) {
        // React libraries mark modules "use client"; meaningless in a client-only bundle.
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') {
          warn(warning);
        }
      },
    },
  },
});
