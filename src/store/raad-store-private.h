/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-store-private.h: what the store shares with the records, queries and migrations */
#pragma once

#include <sqlite3.h>

#include "raad-query.h"
#include "raad-record.h"
#include "raad-store.h"

G_BEGIN_DECLS

typedef gboolean (*RaadMigrationFunc) (sqlite3 *db, GError **error);

typedef struct
{
  guint             version;
  const char       *sql;        /* run first, may be NULL */
  RaadMigrationFunc func;       /* run after the SQL, may be NULL */
} RaadMigration;

const RaadMigration *_raad_store_migrations        (guint          *n_migrations);
/* TRUE when documents has the column f_<field> for @field. */
gboolean             _raad_store_field_has_column (const char     *field);
gboolean             _raad_store_exec             (sqlite3        *db,
                                                   const char     *sql,
                                                   GError        **error);
gboolean             _raad_store_set_sql_error    (sqlite3        *db,
                                                   GError        **error);
/* The text FTS5 indexes for a body: its user-visible strings. */
char                *_raad_store_search_text      (JsonObject     *body);
/* Turns what a user typed into an FTS5 query: every word a prefix; NULL when empty. */
char                *_raad_store_fts_query        (const char     *text);
GStrv                _raad_store_fts_tokens       (const char     *text);

/* Read-only SQL over the store for the operations of a page (aggregates such as the last
 * contact per party): a cached prepared statement for @sql, to be given back with
 * _raad_store_release (or g_autoptr (RaadStatement)). */
sqlite3_stmt        *_raad_store_prepare          (RaadStore      *self,
                                                   const char     *sql,
                                                   GError        **error);
void                 _raad_store_release          (sqlite3_stmt   *stmt);
typedef sqlite3_stmt RaadStatement;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RaadStatement, _raad_store_release)

/* Runs @query and returns the ids it selects, in order (empty, with a warning, on error). */
GPtrArray           *_raad_query_run_ids          (RaadQuery      *query,
                                                   RaadStore      *store);

/* The identity map of live records. */
RaadRecord          *_raad_store_lookup_record    (RaadStore      *self,
                                                   const char     *id);
void                 _raad_store_add_record       (RaadStore      *self,
                                                   RaadRecord     *record);
void                 _raad_store_remove_record    (RaadStore      *self,
                                                   RaadRecord     *record);

/* Canonical JSON: keys sorted, no spaces; the input of revision hashes. */
char                *_raad_json_canonical         (JsonNode       *node);
/* json_node_copy shares objects and arrays; these copy all the way down. */
JsonNode            *_raad_json_node_deep_copy    (JsonNode       *node);
JsonObject          *_raad_json_object_deep_copy  (JsonObject     *object);
char                *_raad_json_to_string         (JsonObject     *object);
JsonObject          *_raad_json_parse_object      (const char     *text,
                                                   GError        **error);

G_END_DECLS
