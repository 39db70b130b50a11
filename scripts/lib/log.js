// Console output of the harness scripts: every line carries the seconds since the script started,
// so a slow step is visible in CI logs without extra tooling.
'use strict';

const startedAt = Date.now();

function elapsedSeconds() {
  return ((Date.now() - startedAt) / 1000).toFixed(1);
}

/** A logger whose lines read `[tag +12.3s] message`; `debug` prints only when `verbose`. */
function createLogger(tag, { verbose = false } = {}) {
  const prefix = () => `[${tag} +${elapsedSeconds()}s]`;
  return {
    info: (message) => console.log(`${prefix()} ${message}`),
    warn: (message) => console.warn(`${prefix()} WARNING: ${message}`),
    error: (message) => console.error(`${prefix()} ERROR: ${message}`),
    debug: (message) => {
      if (verbose) console.log(`${prefix()} ${message}`);
    },
    verbose,
  };
}

module.exports = { createLogger, elapsedSeconds };
