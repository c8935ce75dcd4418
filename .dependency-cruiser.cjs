// The dependency rules of src/, checked by `npm run lint`: folders depend one way only (store never
// imports commerce, mcp, queue or swarm; app/, the composition root, injects adapters into their
// users) and no module reaches itself again. Run alone: npx depcruise src --config <this file>.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment:
        'Folders under src/ form an acyclic graph. Move a shared record type to src/domain, or ' +
        'have the composition root (src/app) inject the implementation behind an interface.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-circular',
      comment: 'No module reaches itself again through its imports.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports count: a cycle of types is still a cycle of modules.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
  },
};
