// SPDX-License-Identifier: GPL-3.0-or-later
// dump.js: what a PouchDB database holds, as JSON the C interop test reads back:
// { "<id>": { "winner": rev, "deleted": bool, "conflicts": [rev…],
//             "leaves": { "<rev>": { "deleted": bool, "revisions": [rev, parent, …],
//                                    "body": {fields without _…},
//                                    "attachments": { name: { content_type, digest, length,
//                                                             data (base64) } } } } } }
'use strict';

async function dumpDoc (db, id, winner) {
  const leaves = {};
  const revs = await db.get(id, { open_revs: 'all', revs: true, attachments: true });
  for (const entry of revs) {
    if (!entry.ok)
      throw new Error('open_revs of ' + id + ' answered ' + JSON.stringify(entry));
    const doc = entry.ok;
    const body = {};
    for (const key of Object.keys(doc))
      if (!key.startsWith('_'))
        body[key] = doc[key];
    const attachments = {};
    for (const [name, att] of Object.entries(doc._attachments || {}))
      attachments[name] = {
        content_type: att.content_type,
        digest: att.digest,
        length: Buffer.from(att.data, 'base64').length,
        data: att.data,
      };
    const start = doc._revisions.start;
    leaves[doc._rev] = {
      deleted: doc._deleted === true,
      revisions: doc._revisions.ids.map((hash, i) => (start - i) + '-' + hash),
      body,
      attachments,
    };
  }
  let conflicts = [];
  if (!winner.deleted) {
    const doc = await db.get(id, { conflicts: true });
    if (doc._rev !== winner.rev)
      throw new Error('get and allDocs disagree on the winner of ' + id);
    conflicts = (doc._conflicts || []).slice().sort();
  }
  return { winner: winner.rev, deleted: winner.deleted === true, conflicts, leaves };
}

async function dump (db) {
  const changes = await db.changes({ since: 0, style: 'all_docs' });
  const ids = changes.results.map(change => change.id).filter(id => !id.startsWith('_'));
  const all = await db.allDocs({ keys: ids });
  const out = {};
  for (const row of all.rows)
    out[row.id] = await dumpDoc(db, row.id, row.value);
  return out;
}

module.exports = { dump };
