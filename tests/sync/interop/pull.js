// SPDX-License-Identifier: GPL-3.0-or-later
// pull.js URL DATABASE USER PASSWORD: PouchDB's own replicator pulls a server database into
// a new local (memory) PouchDB; prints {"replication": …, "docs": dump} as JSON.
'use strict';

const PouchDB = require('pouchdb');
PouchDB.plugin(require('pouchdb-adapter-memory'));
const { dump } = require('./dump.js');

async function main () {
  const [url, name, username, password] = process.argv.slice(2);
  const remote = new PouchDB(url + '/' + encodeURIComponent(name),
                             { auth: { username, password }, skip_setup: true });
  const local = new PouchDB('interop-pull', { adapter: 'memory' });
  const result = await PouchDB.replicate(remote, local);
  const out = {
    replication: {
      ok: result.ok,
      docs_read: result.docs_read,
      docs_written: result.docs_written,
      doc_write_failures: result.doc_write_failures,
      errors: result.errors.map(String),
    },
    docs: await dump(local),
  };
  process.stdout.write(JSON.stringify(out));
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
