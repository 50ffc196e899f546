// SPDX-License-Identifier: GPL-3.0-or-later
// pouchdb.js: PouchDB's own replicator (default batches) on the benchmark's jobs, for
// bench-sync.c to compare with. One process serves every run, so that runs of both
// contenders alternate and PouchDB's code is warm after its first run, as in a long-lived
// app. Times only the replication.
//
//   node pouchdb.js URL USER PASSWORD ADAPTER
// then one command a line on stdin, one JSON answer {"ms", "requests", "docs_written"} a line
// on stdout:
//   pull SOURCE          a new empty local database, PouchDB.replicate(server SOURCE → local)
//   push SOURCE TARGET   PouchDB.replicate(local copy of SOURCE → the new, empty server
//                        database TARGET); the copy is made once, not timed
// ADAPTER is "leveldb" (files in a temporary folder) or "memory".
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const readline = require('readline');
const PouchDB = require('pouchdb');
PouchDB.plugin(require('pouchdb-adapter-memory'));

const [url, username, password, adapter] = process.argv.slice(2);
let requests = 0;
let folder = null;
let counter = 0;
const copies = new Map();

function countingFetch (address, options) {
  requests++;
  return PouchDB.fetch(address, options);
}

function remoteDb (name, create) {
  return new PouchDB(url + '/' + encodeURIComponent(name),
                     { auth: { username, password }, fetch: countingFetch,
                       skip_setup: !create });
}

function localDb () {
  counter++;
  if (adapter === 'memory')
    return new PouchDB('bench-' + process.pid + '-' + counter, { adapter: 'memory' });
  if (folder === null)
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'raadswerk-bench-pouchdb-'));
  return new PouchDB(path.join(folder, 'db' + counter), { adapter: 'leveldb' });
}

async function timed (from, to) {
  requests = 0;
  const start = process.hrtime.bigint();
  const result = await PouchDB.replicate(from, to);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!result.ok || result.doc_write_failures > 0)
    throw new Error('replication failed: ' + JSON.stringify(result));
  return { ms, requests, docs_written: result.docs_written };
}

async function run (line) {
  const [mode, source, target] = line.trim().split(' ');
  if (mode === 'pull') {
    const local = localDb();
    const answer = await timed(remoteDb(source, false), local);
    await local.destroy();
    return answer;
  }
  if (mode === 'push') {
    if (!copies.has(source)) {
      const copy = localDb();
      await PouchDB.replicate(remoteDb(source, false), copy);
      copies.set(source, copy);
    }
    const remote = remoteDb(target, true);
    await remote.info(); // creates it: not part of the timed replication
    return timed(copies.get(source), remote);
  }
  throw new Error('unknown command ' + line);
}

async function main () {
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (line.trim() === '')
      continue;
    process.stdout.write(JSON.stringify(await run(line)) + '\n');
  }
  for (const copy of copies.values())
    await copy.destroy();
  if (folder !== null)
    fs.rmSync(folder, { recursive: true, force: true });
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
