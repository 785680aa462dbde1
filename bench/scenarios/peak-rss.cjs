// Preload for bench child processes: prints the process's peak resident memory (KB) to stderr at exit.
process.on('exit', () => process.stderr.write('\npeak-rss-kb ' + process.resourceUsage().maxRSS + '\n'));
