import babel from '@rolldown/plugin-babel';
import react, { reactCompilerPreset } from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// Vite writes the stylesheet's link after the scripts' tags, so the browser asks for the scripts first and the bar that
// index.html paints (which needs only the stylesheet) waits behind 160 KB of JavaScript on a slow link. This puts the
// stylesheet's link first in the head's requests, and the scripts' at low priority.
const stylesheetFirst: Plugin = {
  name: 'studio-stylesheet-first',
  transformIndexHtml: {
    order: 'post',
    handler(html) {
      const stylesheet = /\s*<link rel="stylesheet"[^>]*>/.exec(html);
      const firstScript = html.indexOf('<script type="module"');
      if (!stylesheet || firstScript < 0 || stylesheet.index < firstScript) {
        return html;
      }
      const withoutStylesheet = html.slice(0, stylesheet.index) + html.slice(stylesheet.index + stylesheet[0].length);
      const reordered = withoutStylesheet.slice(0, firstScript) + stylesheet[0].trim() + '\n    ' + withoutStylesheet.slice(firstScript);
      // Module scripts never hold up the first paint (they run after parsing), yet Chrome fetches them at high priority,
      // beside the stylesheet; low priority says what they are (Lighthouse's simulation then stops counting them as
      // blocking the bar's paint, which they do not).
      return reordered.replaceAll('<script type="module" crossorigin', '<script type="module" fetchpriority="low" crossorigin').replaceAll('<link rel="modulepreload" crossorigin', '<link rel="modulepreload" fetchpriority="low" crossorigin');
    },
  },
};

// Built into dist/ and embedded into Cms.Api, which serves the studio at /studio/ (assets under /studio/assets/).
export default defineConfig({
  base: '/studio/',
  plugins: [
    stylesheetFirst,
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
