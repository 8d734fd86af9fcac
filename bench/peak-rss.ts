// Imported with --import into a measured child: reports its peak resident memory when it exits.
process.on('exit', () => {
  process.stderr.write(`PEAK_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
