import babel from '@rolldown/plugin-babel';
import react, { reactCompilerPreset } from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built into dist/ and embedded into Cms.Api, which serves the studio at /studio/ (assets under /studio/assets/).
export default defineConfig({
  base: '/studio/',
  plugins: [
    react(),
    // React Compiler (through Babel, its stable form) memoizes components and their callbacks, so a keystroke in one field
    // re-renders that field, not the whole editor around it. A component it cannot compile (one that breaks a rule of
    // React) fails the build, naming the file and the rule, rather than silently losing that.
    babel({ presets: [reactCompilerPreset({ panicThreshold: 'all_errors' })] }),
  ],
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
