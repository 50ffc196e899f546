// SPDX-License-Identifier: GPL-3.0-or-later
// push.js URL DATABASE USER PASSWORD: writes documents into a new local (memory) PouchDB the
// way another CouchDB client would (attachments, edits, db.remove, conflicts made with
// bulkDocs new_edits:false), pushes them with PouchDB's own replicator to the server
// database, and prints {"replication": …, "docs": dump of the local database} as JSON.
'use strict';

const PouchDB = require('pouchdb');
PouchDB.plugin(require('pouchdb-adapter-memory'));
const { dump } = require('./dump.js');

// Bytes that do not compress and differ per seed (as photos do).
function photo (seed, size) {
  const bytes = Buffer.alloc(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

function inline (contentType, bytes) {
  return { content_type: contentType, data: bytes.toString('base64') };
}

function hashOf (rev) {
  return rev.slice(rev.indexOf('-') + 1);
}

// A sibling of the current leaf, as another laptop would have written it.
async function addConflict (db, id, hash, fields) {
  const current = await db.get(id, { revs: true });
  const parentIds = current._revisions.ids.slice(1);
  const doc = Object.assign({}, fields, {
    _id: id,
    _rev: current._revisions.start + '-' + hash,
    _revisions: { start: current._revisions.start, ids: [hash].concat(parentIds) },
  });
  const result = await db.bulkDocs([doc], { new_edits: false });
  if (result.some(r => r.error))
    throw new Error('bulkDocs new_edits:false failed: ' + JSON.stringify(result));
}

async function write (db) {
  await db.put({
    _id: 'council-zuid', type: 'council', name: 'Cliëntenraad Zuid', kind: 'local',
    location: 'Zuiderhof', seats: 7, founded: '2016-03-01', active: true,
  });

  // Every JSON type, and two attachments.
  await db.put({
    _id: 'member-p1', type: 'member', council_id: 'council-zuid', name: 'Fenna Veldhuis',
    role: 'chair', since: '2021-09-01', seats_held: 2, hours_per_week: 4.5, resident: false,
    note: null, tags: ['financiën', 'huisvesting', 1, true], address: {
      street: 'Lindelaan 12', city: 'Zuidwolde', floor: 3, lift: true, unit: null,
    },
    bio: 'Woont sinds 2019 op afdeling Vlinder; "altijd kritisch" — en dat mag.\nTweede regel.',
    _attachments: {
      'photo.jpg': inline('image/jpeg', photo(11, 30000)),
      'handtekening.png': inline('image/png', photo(12, 700)),
    },
  });

  // Edited twice: a history three revisions long, no attachments.
  let rev = (await db.put({ _id: 'member-p2', type: 'member', council_id: 'council-zuid',
                            name: 'Gijs Hoekstra', role: 'member' })).rev;
  rev = (await db.put({ _id: 'member-p2', _rev: rev, type: 'member', council_id: 'council-zuid',
                        name: 'Gijs Hoekstra', role: 'secretary' })).rev;
  await db.put({ _id: 'member-p2', _rev: rev, type: 'member', council_id: 'council-zuid',
                 name: 'Gijs Hoekstra-de Boer', role: 'secretary' });

  // A photo kept through an edit (a stub), then replaced.
  rev = (await db.put({ _id: 'member-p3', type: 'member', council_id: 'council-zuid',
                        name: 'Hanna Mulder', _attachments: {
                          'photo.jpg': inline('image/jpeg', photo(31, 30000)) } })).rev;
  let doc = await db.get('member-p3');
  doc.name = 'Hanna Mulder-Smit';
  rev = (await db.put(doc)).rev;
  doc = await db.get('member-p3');
  doc._attachments['photo.jpg'] = inline('image/jpeg', photo(32, 12000));
  await db.put(doc);

  // Deleted with db.remove: a tombstone without a type.
  rev = (await db.put({ _id: 'member-p4', type: 'member', council_id: 'council-zuid',
                        name: 'Ids Kramer' })).rev;
  rev = (await db.put({ _id: 'member-p4', _rev: rev, type: 'member', council_id: 'council-zuid',
                        name: 'Ids Kramer', role: 'member' })).rev;
  await db.remove('member-p4', rev);

  // Conflicts: a sibling that wins (its hash sorts last) and one that loses.
  rev = (await db.put({ _id: 'member-p5', type: 'member', council_id: 'council-zuid',
                        name: 'Jet Postma' })).rev;
  await db.put({ _id: 'member-p5', _rev: rev, type: 'member', council_id: 'council-zuid',
                 name: 'Jet Postma', role: 'member' });
  await addConflict(db, 'member-p5', 'f'.repeat(32), {
    type: 'member', council_id: 'council-zuid', name: 'Jet Postma (andere laptop)',
    role: 'vice-chair', _attachments: { 'photo.jpg': inline('image/jpeg', photo(51, 30000)) },
  });

  rev = (await db.put({ _id: 'member-p6', type: 'member', council_id: 'council-zuid',
                        name: 'Klaas Bos' })).rev;
  await db.put({ _id: 'member-p6', _rev: rev, type: 'member', council_id: 'council-zuid',
                 name: 'Klaas Bos', role: 'member' });
  await addConflict(db, 'member-p6', '0'.repeat(31) + '1', {
    type: 'member', council_id: 'council-zuid', name: 'Klaas Bos (andere laptop)',
  });

  // A deleted leaf one generation longer than a live one: the live one wins.
  rev = (await db.put({ _id: 'member-p7', type: 'member', council_id: 'council-zuid',
                        name: 'Lotte Dijkstra' })).rev;
  await db.put({ _id: 'member-p7', _rev: rev, type: 'member', council_id: 'council-zuid',
                 name: 'Lotte Dijkstra', role: 'member' });
  await db.bulkDocs([{
    _id: 'member-p7', _rev: '3-' + 'e'.repeat(32), _deleted: true,
    _revisions: { start: 3, ids: ['e'.repeat(32), 'd'.repeat(32), hashOf(rev)] },
  }], { new_edits: false });

  // An id that needs escaping in a URL.
  await db.put({ _id: 'lid/Zoë de Vries 8', type: 'member', council_id: 'council-zuid',
                 name: 'Zoë de Vries', _attachments: {
                   'photo.jpg': inline('image/jpeg', photo(81, 5000)) } });
}

async function main () {
  const [url, name, username, password] = process.argv.slice(2);
  const local = new PouchDB('interop-push', { adapter: 'memory' });
  const remote = new PouchDB(url + '/' + encodeURIComponent(name),
                             { auth: { username, password }, skip_setup: true });

  await write(local);
  const result = await PouchDB.replicate(local, remote);
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
