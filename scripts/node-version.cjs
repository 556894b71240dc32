// Runs before `npm start` and `npm test` on whatever Node the machine has (CommonJS, no syntax
// newer than Node 10), so an old Node gets one clear sentence instead of ERR_UNKNOWN_FILE_EXTENSION
// from the TypeScript scripts that follow.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 13)) {
  console.error(
    `[kring] Kring heeft Node 22.13 of nieuwer nodig; deze machine heeft ${process.version}.\n` +
      '[kring] Doe eerst: source scripts/setup.sh (dat zet Node 24 klaar in ~/.kring-node), en probeer het dan opnieuw.',
  );
  process.exit(1);
}
