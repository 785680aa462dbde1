// Preloaded into bundle runs (NODE_OPTIONS=--require): writes the process's own peak RSS (KB) on exit.
process.on('exit', () => {
  if (process.env.ASC_MAXRSS_FILE)
    require('node:fs').writeFileSync(process.env.ASC_MAXRSS_FILE, String(process.resourceUsage().maxRSS));
});
