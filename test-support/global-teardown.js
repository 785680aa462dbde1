// Runs once after every test file: stops the run's contract server (global-setup.js).
export default async function globalTeardown() {
  const server = globalThis.__ascContractServer;
  if (!server || server.exitCode !== null) return;
  await new Promise((done) => {
    server.once('exit', done);
    server.stdin.end();
  });
}
