// Imported with --import into a measured child (plain JS, so worker threads load it too): reports
// the process's peak resident memory when it exits.
process.on('exit', () => {
  process.stderr.write(`PEAK_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
