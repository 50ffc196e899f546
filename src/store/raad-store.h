/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-store.h: the document store over one SQLite file */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define RAAD_STORE_ERROR (raad_store_error_quark ())

typedef enum
{
  RAAD_STORE_ERROR_OPEN,        /* the file cannot be opened or is no Raadswerk database */
  RAAD_STORE_ERROR_SQL,         /* SQLite said no */
  RAAD_STORE_ERROR_NOT_FOUND,   /* no such document, revision or attachment */
  RAAD_STORE_ERROR_CONFLICT,    /* the edit is not based on a leaf revision */
  RAAD_STORE_ERROR_INVALID,     /* the document or revision is malformed */
  RAAD_STORE_ERROR_TOO_NEW,     /* the file was written by a newer Raadswerk */
} RaadStoreError;

GQuark raad_store_error_quark (void);

#define RAAD_TYPE_STORE (raad_store_get_type ())
G_DECLARE_FINAL_TYPE (RaadStore, raad_store, RAAD, STORE, GObject)

/* The newest schema version this build knows (PRAGMA user_version). */
#define RAAD_STORE_SCHEMA_VERSION (raad_store_schema_version ())
guint         raad_store_schema_version      (void);

char         *raad_store_default_path        (void);
RaadStore    *raad_store_open                (const char    *path,
                                              GError       **error);
/* Opens and migrates only up to @version: for migration tests. */
RaadStore    *raad_store_open_at_version     (const char    *path,
                                              guint          version,
                                              GError       **error);
const char   *raad_store_get_path            (RaadStore     *self);
guint         raad_store_get_version         (RaadStore     *self);
/* The local change sequence: bumps once per written document. */
gint64        raad_store_get_seq             (RaadStore     *self);

/* Transactions nest; the change signal is emitted once, after the outermost commit. */
gboolean      raad_store_begin               (RaadStore     *self,
                                              GError       **error);
gboolean      raad_store_commit              (RaadStore     *self,
                                              GError       **error);
void          raad_store_rollback            (RaadStore     *self);

/* Documents. A document body is a JSON object with the fields of its type; "_id", "_rev",
 * "_deleted", "type" and "_attachments" are the store's own. The body returned is a new
 * reference the caller owns and may change.
 */
JsonObject   *raad_store_get                 (RaadStore     *self,
                                              const char    *id,
                                              GError       **error);
gboolean      raad_store_exists              (RaadStore     *self,
                                              const char    *id);
/* Writes a new revision on top of @parent_rev (NULL for a new document, else a leaf of @id).
 * @body holds the fields; its "_attachments" may carry stubs (kept) or {"content_type",
 * "data": base64} (stored by digest). Returns the new revision id.
 */
char         *raad_store_put                 (RaadStore     *self,
                                              const char    *id,
                                              const char    *type,
                                              const char    *parent_rev,
                                              JsonObject    *body,
                                              GError       **error);
/* A tombstone on top of @parent_rev that keeps the type and @keep fields (e.g. council_id). */
char         *raad_store_delete              (RaadStore     *self,
                                              const char    *id,
                                              const char    *parent_rev,
                                              GError       **error);
/* Grafts a revision made elsewhere (CouchDB new_edits=false): @doc has "_id", "_rev",
 * optionally "_deleted", and "_revisions" {"start": N, "ids": [hash, parent hash, …]}.
 * Known revisions are skipped; the winner is recomputed. */
gboolean      raad_store_graft               (RaadStore     *self,
                                              JsonObject    *doc,
                                              GError       **error);

/* Revision tree. */
char         *raad_store_get_rev             (RaadStore     *self,
                                              const char    *id);
GStrv         raad_store_get_leaves          (RaadStore     *self,
                                              const char    *id,
                                              gboolean       include_deleted);
GStrv         raad_store_get_conflicts       (RaadStore     *self,
                                              const char    *id);
JsonObject   *raad_store_get_revision        (RaadStore     *self,
                                              const char    *id,
                                              const char    *rev,
                                              GError       **error);
/* The ancestry of @rev, newest first, starting with @rev itself. */
GStrv         raad_store_get_rev_path        (RaadStore     *self,
                                              const char    *id,
                                              const char    *rev);
/* Ids of the documents with more than one live leaf (a conflict), sorted. */
GStrv         raad_store_list_conflicted     (RaadStore     *self);
/* Ends a conflict in one transaction: writes @body (NULL: unchanged) as a new revision on the
 * leaf @keep_rev and a tombstone on every other live leaf. Returns the new winning revision. */
char         *raad_store_resolve_conflict    (RaadStore     *self,
                                              const char    *id,
                                              const char    *keep_rev,
                                              JsonObject    *body,
                                              GError       **error);
/* Removes a member's history: every revision but the current one and unreferenced
 * attachments (the right to be forgotten). */
gboolean      raad_store_purge_history       (RaadStore     *self,
                                              const char    *id,
                                              GError       **error);

/* Attachments, stored once by digest ("md5-<base64>", as CouchDB). */
GBytes       *raad_store_get_attachment      (RaadStore     *self,
                                              const char    *id,
                                              const char    *name,
                                              char         **content_type,
                                              GError       **error);
GBytes       *raad_store_get_blob            (RaadStore     *self,
                                              const char    *digest,
                                              GError       **error);
/* Stores @data and returns its stub {"content_type", "digest", "length", "stub": true}. */
JsonObject   *raad_store_add_blob            (RaadStore     *self,
                                              const char    *content_type,
                                              GBytes        *data,
                                              GError       **error);

/* The local table: never synced. */
char         *raad_store_get_local           (RaadStore     *self,
                                              const char    *key);
gboolean      raad_store_set_local           (RaadStore     *self,
                                              const char    *key,
                                              const char    *value,
                                              GError       **error);
/* The keys of the local table that start with @prefix, sorted. */
GStrv         raad_store_list_local_keys     (RaadStore     *self,
                                              const char    *prefix);

/* Ids of the documents of @type, for small lookups (councils, the organisation). */
GStrv         raad_store_list_ids            (RaadStore     *self,
                                              const char    *type);
guint         raad_store_count               (RaadStore     *self,
                                              const char    *type);

/* Runs PRAGMA integrity_check; TRUE when SQLite answers "ok". */
gboolean      raad_store_check_integrity     (RaadStore     *self,
                                              GError       **error);

/* Sync support. A stable random id of this database file (kept in the local table). */
const char   *raad_store_get_uuid            (RaadStore     *self);

typedef struct
{
  char   *id;
  gint64  seq;
  char   *council_id;  /* of the winning revision, may be NULL */
  char   *scope;       /* "council" for a council's private record, else NULL */
} RaadStoreChange;

void          raad_store_change_free         (RaadStoreChange *change);
/* The documents written after @since, by sequence, at most @limit (0: all). */
GPtrArray    *raad_store_changes_since       (RaadStore     *self,
                                              gint64         since,
                                              guint          limit,
                                              GError       **error);
gboolean      raad_store_has_revision        (RaadStore     *self,
                                              const char    *id,
                                              const char    *rev);
/* Another connection to the same file wrote @ids: refresh live records and emit "changed". */
void          raad_store_notice_changes      (RaadStore     *self,
                                              const char * const *ids);
/* raad_store_notice_changes() when the types of @ids are known (@types, parallel to @ids):
 * without the store lookup, for a sync whose worker has them from its own connection. */
void          raad_store_notice_typed_changes (RaadStore          *self,
                                               const char * const *ids,
                                               const char * const *types);
/* The types of @ids (parallel; NULL where a document is not in the store), in one query. */
GStrv         raad_store_lookup_types        (RaadStore          *self,
                                              const char * const *ids);

/* For RaadQuery and RaadRecordList only. */
gpointer      _raad_store_get_db             (RaadStore     *self);

G_END_DECLS
