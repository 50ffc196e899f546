/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-replicator.h: one-way replications between the store and one server database
 * (CouchDB's replication protocol, SYNC.md). Blocking: run them in a worker thread with a
 * store connection of that thread's own (raad_store_open on the same file). */
#pragma once

#include "raad-remote.h"
#include "raad-store.h"

G_BEGIN_DECLS

/* The server database for the records of an organisation (@council_id NULL) or of one
 * council's private records: "raadswerk_<org>" or "raadswerk_<org>_<council>", with the
 * ids folded to what CouchDB allows in a database name. */
char       *raad_sync_database_name       (const char  *org_id,
                                           const char  *council_id);
/* Where a document belongs: NULL for the organisation database, else the council whose
 * private database holds it (a body with "scope": "council" and a "council_id"). */
const char *raad_sync_document_council    (JsonObject  *body);

typedef struct
{
  guint    docs_checked;   /* changes looked at */
  guint    docs_written;   /* revisions written to the target */
  guint    docs_rejected;  /* refused by the server (push) */
  guint    requests;       /* HTTP requests made */
  guint    total;          /* estimate of the changes to go at the start, 0 when unknown */
} RaadReplicationStats;

/* Called after each batch is written and checkpointed, in the replicating thread:
 * @ids are the documents written to the store by a pull (NULL for a push). */
typedef void (*RaadReplicationProgress) (const RaadReplicationStats *stats,
                                         const char * const         *ids,
                                         gpointer                    user_data);

typedef struct
{
  RaadStore              *store;       /* this thread's connection */
  RaadRemote             *remote;
  const char             *database;    /* server database name */
  const char             *council_id;  /* push: the documents of this council's private
                                        * database; NULL: those of the organisation database */
  guint                   batch_size;  /* 0: the default (500) */
  RaadReplicationProgress progress;
  gpointer                user_data;
} RaadReplication;

/* Server → store. Resumes from the checkpoint both sides agree on. */
gboolean raad_replicate_pull (const RaadReplication *replication,
                              RaadReplicationStats  *stats,
                              GCancellable          *cancellable,
                              GError               **error);
/* Store → server, the documents routed to replication->database. Records the server refuses
 * are listed (raad_replicator_list_rejected) and not sent again until they change. */
gboolean raad_replicate_push (const RaadReplication *replication,
                              RaadReplicationStats  *stats,
                              GCancellable          *cancellable,
                              GError               **error);

/* The rejections a push recorded in the store's local table: a JSON array of
 * {"id", "rev", "type", "database", "reason"}. */
JsonArray *raad_replicator_list_rejected  (RaadStore  *store);
/* Forgets checkpoints and rejections (when the account is disconnected). */
gboolean   raad_replicator_forget         (RaadStore  *store,
                                           GError    **error);

G_END_DECLS
