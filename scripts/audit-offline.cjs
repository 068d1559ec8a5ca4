// Loaded with --require into electronegativity's process. On start it fetches fresh
// translations from the internet; with no network here, got's retry timer then throws after
// the promise settled and kills the run. Answer that one request at once with "unavailable",
// so electronegativity falls back to its bundled English strings. Nothing else is changed.
const Module = require('node:module');
const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'got' && parent && /electronegativity[\\/]dist[\\/]locales/.test(parent.filename)) {
    return Object.assign(() => Promise.reject(new Error('offline')), { default: () => Promise.reject(new Error('offline')) });
  }
  return originalLoad.call(this, request, parent, isMain);
};
