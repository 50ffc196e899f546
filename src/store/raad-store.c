/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-store.c: the document store over one SQLite file */

/* Design. Every record is a document (id, type, rev, deleted, JSON body), as in CouchDB, so
 * that one piece of code serves editing, undo, export and sync for every type.
 *
 * - `revisions` holds the revision tree: every revision ever seen with its parent and
 *   generation; leaves keep their bodies, inner revisions drop them (as compaction would).
 *   Conflicting leaves are kept; the winner is chosen the same way on every peer: live beats
 *   deleted, then the higher generation, then the higher hash compared bytewise.
 * - `documents` holds the winning revision of each id with a local change sequence `seq`,
 *   and `search` (FTS5) the winner's user-visible text under the same rowid.
 * - Revision ids are "N-<md5>" over the parent revision, the deleted flag, the canonical JSON
 *   body and the attachment digests, so the same edit made on two laptops gives the same id.
 * - Attachments are stored once by digest; bodies carry CouchDB stubs.
 * - Writes happen in transactions that nest; after the outermost commit the live records of
 *   the identity map are refreshed and one "changed" signal names the types and ids written.
 */

#define G_LOG_DOMAIN "raad-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "raad-store-private.h"

struct _RaadStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  guint       version;
  gint64      seq;
  char       *uuid;      /* raad_store_get_uuid, read once */
  guint       tx_depth;
  gboolean    tx_failed;
  GHashTable *changed_ids;     /* id → type, during a transaction */
  GHashTable *records;         /* id → RaadRecord (weak) */
  GHashTable *statements;      /* SQL → GPtrArray of free prepared statements */
};

G_DEFINE_FINAL_TYPE (RaadStore, raad_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (raad-store-error-quark, raad_store_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char    *rev;
  int      gen;
  gboolean deleted;
  char    *body;
} Leaf;

static void
leaf_free (gpointer data)
{
  Leaf *leaf = data;

  g_free (leaf->rev);
  g_free (leaf->body);
  g_free (leaf);
}

/* Helpers */

gboolean
_raad_store_set_sql_error (sqlite3  *db,
                           GError  **error)
{
  g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_SQL,
               "SQLite: %s", sqlite3_errmsg (db));
  return FALSE;
}

gboolean
_raad_store_exec (sqlite3     *db,
                  const char  *sql,
                  GError     **error)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_SQL, "SQLite: %s",
                   msg != NULL ? msg : sqlite3_errmsg (db));
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

/* Prepared statements are kept per store and reused: a sync writes thousands of documents,
 * and parsing the same SQL for each was a third of the time. prepare() hands out a free
 * statement for its SQL (or prepares one); release_statement() resets it and gives it back.
 * Which pool a statement belongs to is kept in one process-wide table, because the
 * g_autoptr cleanup sees only the statement. */
typedef struct
{
  RaadStore *store;
  char      *sql;
} StatementHome;

G_LOCK_DEFINE_STATIC (statement_homes);
static GHashTable *statement_homes;  /* sqlite3_stmt → StatementHome */

static void
release_statement (sqlite3_stmt *stmt)
{
  StatementHome *home;

  if (stmt == NULL)
    return;
  G_LOCK (statement_homes);
  home = statement_homes != NULL ? g_hash_table_lookup (statement_homes, stmt) : NULL;
  G_UNLOCK (statement_homes);
  if (home == NULL)
    {
      sqlite3_finalize (stmt);
      return;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  g_ptr_array_add (g_hash_table_lookup (home->store->statements, home->sql), stmt);
}

static sqlite3_stmt *
prepare (RaadStore   *self,
         const char  *sql,
         GError     **error)
{
  GPtrArray *free_statements = g_hash_table_lookup (self->statements, sql);
  sqlite3_stmt *stmt = NULL;
  StatementHome *home;

  if (free_statements != NULL && free_statements->len > 0)
    return g_ptr_array_steal_index_fast (free_statements, free_statements->len - 1);

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _raad_store_set_sql_error (self->db, error);
      return NULL;
    }
  if (free_statements == NULL)
    {
      free_statements = g_ptr_array_new ();
      g_hash_table_insert (self->statements, g_strdup (sql), free_statements);
    }
  home = g_new (StatementHome, 1);
  home->store = self;
  home->sql = g_strdup (sql);
  G_LOCK (statement_homes);
  if (statement_homes == NULL)
    statement_homes = g_hash_table_new_full (NULL, NULL, NULL, NULL);
  g_hash_table_insert (statement_homes, stmt, home);
  G_UNLOCK (statement_homes);
  return stmt;
}

sqlite3_stmt *
_raad_store_prepare (RaadStore   *self,
                     const char  *sql,
                     GError     **error)
{
  g_return_val_if_fail (RAAD_IS_STORE (self), NULL);

  return prepare (self, sql, error);
}

void
_raad_store_release (sqlite3_stmt *stmt)
{
  release_statement (stmt);
}

/* At finalize: every statement of the store, free or not, is finalized. */
static void
drop_statements (RaadStore *self)
{
  GHashTableIter iter;
  gpointer key;
  gpointer value;
  g_autoptr(GPtrArray) mine = g_ptr_array_new ();

  G_LOCK (statement_homes);
  if (statement_homes != NULL)
    {
      g_hash_table_iter_init (&iter, statement_homes);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          StatementHome *home = value;

          if (home->store == self)
            {
              g_ptr_array_add (mine, key);
              g_free (home->sql);
              g_free (home);
              g_hash_table_iter_remove (&iter);
            }
        }
    }
  G_UNLOCK (statement_homes);
  for (guint i = 0; i < mine->len; i++)
    sqlite3_finalize (g_ptr_array_index (mine, i));
  g_clear_pointer (&self->statements, g_hash_table_unref);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, release_statement)

static void
bind_text (sqlite3_stmt *stmt,
           int           pos,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, pos);
  else
    sqlite3_bind_text (stmt, pos, text, -1, SQLITE_TRANSIENT);
}

static int
rev_generation (const char *rev)
{
  gint64 gen;

  if (rev == NULL)
    return 0;
  gen = g_ascii_strtoll (rev, NULL, 10);
  return gen > 0 && gen < G_MAXINT ? (int) gen : 0;
}

static const char *
rev_hash (const char *rev)
{
  const char *dash = rev != NULL ? strchr (rev, '-') : NULL;

  return dash != NULL ? dash + 1 : "";
}

static gboolean
rev_is_valid (const char *rev)
{
  const char *dash;

  if (rev == NULL || rev_generation (rev) <= 0)
    return FALSE;
  dash = strchr (rev, '-');
  if (dash == NULL || dash[1] == '\0')
    return FALSE;
  for (const char *p = rev; p < dash; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* TRUE when @a wins over @b. */
static gboolean
leaf_wins (const Leaf *a,
           const Leaf *b)
{
  if (a->deleted != b->deleted)
    return !a->deleted;
  if (a->gen != b->gen)
    return a->gen > b->gen;
  return strcmp (rev_hash (a->rev), rev_hash (b->rev)) > 0;
}

/* JSON helpers */

static void
canonical_string (GString    *out,
                  const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static void
canonical_node (GString  *out,
                JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);
        g_autoptr(GPtrArray) keys = g_ptr_array_new ();
        gboolean first = TRUE;

        for (GList *l = members; l; l = l->next)
          g_ptr_array_add (keys, l->data);
        g_ptr_array_sort (keys, compare_strings);
        g_string_append_c (out, '{');
        for (guint i = 0; i < keys->len; i++)
          {
            const char *key = g_ptr_array_index (keys, i);

            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            canonical_string (out, key);
            g_string_append_c (out, ':');
            canonical_node (out, json_object_get_member (object, key));
          }
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            canonical_node (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          {
            char buf[G_ASCII_DTOSTR_BUF_SIZE];
            g_string_append (out, g_ascii_dtostr (buf, sizeof buf, json_node_get_double (node)));
          }
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
          canonical_string (out, json_node_get_string (node));
          break;
        default:
          g_string_append (out, "null");
        }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

char *
_raad_json_canonical (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  canonical_node (out, node);
  return g_string_free (out, FALSE);
}

JsonNode *
_raad_json_node_deep_copy (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonNode *copy = json_node_new (JSON_NODE_OBJECT);

        json_node_take_object (copy, _raad_json_object_deep_copy (json_node_get_object (node)));
        return copy;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *src = json_node_get_array (node);
        g_autoptr(JsonArray) array = json_array_sized_new (json_array_get_length (src));

        for (guint i = 0; i < json_array_get_length (src); i++)
          json_array_add_element (array, _raad_json_node_deep_copy (json_array_get_element (src, i)));
        return json_node_init_array (json_node_alloc (), array);
      }
    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      /* Values are copied by value. */
      return json_node_copy (node);
    }
}

JsonObject *
_raad_json_object_deep_copy (JsonObject *object)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &key, &node))
    json_object_set_member (copy, key, _raad_json_node_deep_copy (node));
  return copy;
}

char *
_raad_json_to_string (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  return _raad_json_canonical (node);
}

JsonObject *
_raad_json_parse_object (const char  *text,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, text, -1, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID, "Not a JSON object");
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

/* Search text */

static gboolean
search_skips_key (const char *key)
{
  static const char * const skipped[] = {
    "type", "role", "membership", "kind", "status", "email", "phone", NULL
  };

  return key[0] == '_' ||
         g_str_has_suffix (key, "_id") ||
         g_str_has_suffix (key, "_ids") ||
         g_str_has_suffix (key, "_visibility") ||
         g_str_has_suffix (key, "_pins") ||
         g_strv_contains (skipped, key);
}

char *
_raad_store_search_text (JsonObject *body)
{
  GString *text = g_string_new (NULL);
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;

  json_object_iter_init (&iter, body);
  while (json_object_iter_next (&iter, &key, &node))
    {
      if (search_skips_key (key))
        continue;
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        {
          g_string_append (text, json_node_get_string (node));
          g_string_append_c (text, '\n');
        }
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *item = json_array_get_element (array, i);

              if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
                {
                  g_string_append (text, json_node_get_string (item));
                  g_string_append_c (text, '\n');
                }
            }
        }
    }
  return g_string_free (text, FALSE);
}

GStrv
_raad_store_fts_tokens (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GString *word = g_string_new (NULL);

  /* Split on anything that is not a letter or digit, as the unicode61 tokenizer does. */
  for (const char *p = text != NULL ? text : ""; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          g_strv_builder_add (builder, word->str);
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);
  return g_strv_builder_end (builder);
}

char *
_raad_store_fts_query (const char *text)
{
  g_auto(GStrv) tokens = _raad_store_fts_tokens (text);
  GString *query;

  if (tokens[0] == NULL)
    return NULL;
  query = g_string_new (NULL);
  for (guint i = 0; tokens[i]; i++)
    g_string_append_printf (query, "%s\"%s\"*", i > 0 ? " " : "", tokens[i]);
  return g_string_free (query, FALSE);
}

/* Identity map */

static void
record_finalized_cb (gpointer  data,
                     GObject  *where_the_object_was)
{
  RaadStore *self = data;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->records);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      if (value == (gpointer) where_the_object_was)
        {
          g_hash_table_iter_remove (&iter);
          break;
        }
    }
}

RaadRecord *
_raad_store_lookup_record (RaadStore  *self,
                           const char *id)
{
  return g_hash_table_lookup (self->records, id);
}

void
_raad_store_add_record (RaadStore  *self,
                        RaadRecord *record)
{
  const char *id = raad_record_get_id (record);

  if (g_hash_table_lookup (self->records, id) == record)
    return;
  g_hash_table_insert (self->records, g_strdup (id), record);
  g_object_weak_ref (G_OBJECT (record), record_finalized_cb, self);
}

void
_raad_store_remove_record (RaadStore  *self,
                           RaadRecord *record)
{
  const char *id = raad_record_get_id (record);

  if (g_hash_table_lookup (self->records, id) != record)
    return;
  g_object_weak_unref (G_OBJECT (record), record_finalized_cb, self);
  g_hash_table_remove (self->records, id);
}

/* Opening and migrations */

static gboolean
configure_connection (RaadStore  *self,
                      GError    **error)
{
  sqlite3_busy_timeout (self->db, 5000);
  return _raad_store_exec (self->db,
                           "PRAGMA journal_mode=WAL;"
                           "PRAGMA synchronous=FULL;"
                           "PRAGMA foreign_keys=OFF;"
                           "PRAGMA temp_store=MEMORY;",
                           error);
}

static int
read_user_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

static gboolean
migrate (RaadStore  *self,
         guint       target,
         GError    **error)
{
  guint n_migrations;
  const RaadMigration *migrations = _raad_store_migrations (&n_migrations);
  int current = read_user_version (self->db);

  if (current < 0)
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_OPEN,
                   _("The file “%s” is not a Raadswerk database: %s"),
                   self->path, sqlite3_errmsg (self->db));
      return FALSE;
    }
  if ((guint) current > n_migrations)
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of Raadswerk "
                     "(schema %d; this version knows up to %u). Update Raadswerk to open it."),
                   self->path, current, n_migrations);
      return FALSE;
    }

  for (guint i = (guint) current; i < target && i < n_migrations; i++)
    {
      const RaadMigration *m = &migrations[i];
      g_autofree char *set_version = NULL;

      g_assert (m->version == i + 1);
      if (!_raad_store_exec (self->db, "BEGIN IMMEDIATE", error))
        return FALSE;
      /* Another connection (the sync's, another window's) may have migrated since the
       * version was read: the write lock is ours now, so look again. */
      if (read_user_version (self->db) >= (int) m->version)
        {
          if (!_raad_store_exec (self->db, "COMMIT", error))
            return FALSE;
          continue;
        }
      set_version = g_strdup_printf ("PRAGMA user_version=%u", m->version);
      if ((m->sql != NULL && !_raad_store_exec (self->db, m->sql, error)) ||
          (m->func != NULL && !m->func (self->db, error)) ||
          !_raad_store_exec (self->db, set_version, error) ||
          !_raad_store_exec (self->db, "COMMIT", error))
        {
          g_prefix_error (error, "Migration to schema %u: ", m->version);
          _raad_store_exec (self->db, "ROLLBACK", NULL);
          return FALSE;
        }
      g_debug ("Migrated %s to schema %u", self->path, m->version);
    }
  self->version = (guint) read_user_version (self->db);
  return TRUE;
}

static gint64
read_max_seq (RaadStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, "SELECT coalesce(max(seq), 0) FROM documents",
                                          NULL);

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  return 0;
}

guint
raad_store_schema_version (void)
{
  guint n;

  _raad_store_migrations (&n);
  return n;
}

char *
raad_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "raadswerk", "raadswerk.db", NULL);
}

static gboolean
open_file (RaadStore   *self,
           guint        version,
           GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_OPEN,
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  /* Create the file with mode 0600 before SQLite does, so that it never exists wider. */
  fd = g_open (self->path, O_RDWR | O_CREAT, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_OPEN,
                   _("Cannot open the database “%s”: %s"), self->path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  g_chmod (self->path, 0600);

  if (sqlite3_open_v2 (self->path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_OPEN,
                   _("Cannot open the database “%s”: %s"), self->path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return FALSE;
    }
  if (!configure_connection (self, error))
    {
      g_prefix_error (error, _("Cannot open the database “%s”: "), self->path);
      return FALSE;
    }
  if (!migrate (self, version, error))
    return FALSE;

  /* WAL and shared-memory files inherit the database's mode from SQLite. */
  self->seq = read_max_seq (self);
  return TRUE;
}

/* Transactions */

gboolean
raad_store_begin (RaadStore  *self,
                  GError    **error)
{
  g_return_val_if_fail (RAAD_IS_STORE (self), FALSE);

  if (self->tx_depth == 0)
    {
      if (!_raad_store_exec (self->db, "BEGIN IMMEDIATE", error))
        return FALSE;
      /* Another connection (a sync in its thread) may have written since. */
      self->seq = read_max_seq (self);
      self->tx_failed = FALSE;
      g_hash_table_remove_all (self->changed_ids);
    }
  self->tx_depth++;
  return TRUE;
}

static void
emit_changes (RaadStore *self)
{
  g_autoptr(GHashTable) changed = g_steal_pointer (&self->changed_ids);
  g_autoptr(GHashTable) types = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) ids_builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) types_builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  g_auto(GStrv) type_names = NULL;
  GHashTableIter iter;
  gpointer key, value;

  self->changed_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (g_hash_table_size (changed) == 0)
    return;

  g_hash_table_iter_init (&iter, changed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      RaadRecord *record = g_hash_table_lookup (self->records, key);

      g_strv_builder_add (ids_builder, key);
      if (!g_hash_table_contains (types, value))
        {
          g_hash_table_add (types, value);
          g_strv_builder_add (types_builder, value);
        }
      /* Live objects follow their document before anyone hears of the change. */
      if (record != NULL)
        {
          g_autoptr(JsonObject) body = raad_store_get (self, key, NULL);

          if (body != NULL)
            _raad_record_refresh (record, body);
        }
    }
  ids = g_strv_builder_end (ids_builder);
  type_names = g_strv_builder_end (types_builder);
  g_signal_emit (self, signals[CHANGED], 0, type_names, ids);
}

gboolean
raad_store_commit (RaadStore  *self,
                   GError    **error)
{
  g_return_val_if_fail (RAAD_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  if (--self->tx_depth > 0)
    return TRUE;
  if (self->tx_failed)
    {
      _raad_store_exec (self->db, "ROLLBACK", NULL);
      g_hash_table_remove_all (self->changed_ids);
      self->seq = read_max_seq (self);
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_SQL,
                   "An inner transaction failed; nothing was written");
      return FALSE;
    }
  if (!_raad_store_exec (self->db, "COMMIT", error))
    {
      _raad_store_exec (self->db, "ROLLBACK", NULL);
      g_hash_table_remove_all (self->changed_ids);
      self->seq = read_max_seq (self);
      return FALSE;
    }
  emit_changes (self);
  return TRUE;
}

void
raad_store_rollback (RaadStore *self)
{
  g_return_if_fail (RAAD_IS_STORE (self));
  g_return_if_fail (self->tx_depth > 0);

  if (--self->tx_depth > 0)
    {
      /* The outer transaction can no longer commit what this one half wrote. */
      self->tx_failed = TRUE;
      return;
    }
  _raad_store_exec (self->db, "ROLLBACK", NULL);
  g_hash_table_remove_all (self->changed_ids);
  self->seq = read_max_seq (self);
}

/* Reading */

static JsonObject *
body_with_meta (const char  *id,
                const char  *rev,
                gboolean     deleted,
                const char  *body_text,
                GError     **error)
{
  JsonObject *body = _raad_json_parse_object (body_text != NULL ? body_text : "{}", error);

  if (body == NULL)
    return NULL;
  json_object_set_string_member (body, "_id", id);
  json_object_set_string_member (body, "_rev", rev);
  if (deleted)
    json_object_set_boolean_member (body, "_deleted", TRUE);
  return body;
}

JsonObject *
raad_store_get (RaadStore   *self,
                const char  *id,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RAAD_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = prepare (self, "SELECT rev, deleted, body FROM documents WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_NOT_FOUND,
                   "No document “%s”", id);
      return NULL;
    }
  return body_with_meta (id, (const char *) sqlite3_column_text (stmt, 0),
                         sqlite3_column_int (stmt, 1),
                         (const char *) sqlite3_column_text (stmt, 2), error);
}

gboolean
raad_store_exists (RaadStore  *self,
                   const char *id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RAAD_IS_STORE (self), FALSE);

  if (id == NULL || *id == '\0')
    return FALSE;
  stmt = prepare (self, "SELECT 1 FROM documents WHERE id = ? AND deleted = 0", NULL);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

char *
raad_store_get_rev (RaadStore  *self,
                    const char *id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RAAD_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT rev FROM documents WHERE id = ?", NULL);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static GPtrArray *
read_leaves (RaadStore   *self,
             const char  *id,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) leaves = g_ptr_array_new_with_free_func (leaf_free);
  int rc;

  stmt = prepare (self, "SELECT rev, gen, deleted, body FROM revisions "
                        "WHERE doc_id = ? AND leaf = 1", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Leaf *leaf = g_new0 (Leaf, 1);

      leaf->rev = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      leaf->gen = sqlite3_column_int (stmt, 1);
      leaf->deleted = sqlite3_column_int (stmt, 2);
      leaf->body = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (leaves, leaf);
    }
  if (rc != SQLITE_DONE)
    {
      _raad_store_set_sql_error (self->db, error);
      return NULL;
    }
  return g_steal_pointer (&leaves);
}

static Leaf *
pick_winner (GPtrArray *leaves)
{
  Leaf *winner = NULL;

  for (guint i = 0; i < leaves->len; i++)
    {
      Leaf *leaf = g_ptr_array_index (leaves, i);

      if (winner == NULL || leaf_wins (leaf, winner))
        winner = leaf;
    }
  return winner;
}

static int
compare_leaves_by_rank (gconstpointer a,
                        gconstpointer b)
{
  const Leaf *la = *(const Leaf **) a;
  const Leaf *lb = *(const Leaf **) b;

  if (leaf_wins (la, lb))
    return -1;
  if (leaf_wins (lb, la))
    return 1;
  return 0;
}

GStrv
raad_store_get_leaves (RaadStore  *self,
                       const char *id,
                       gboolean    include_deleted)
{
  g_autoptr(GPtrArray) leaves = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (RAAD_IS_STORE (self), NULL);

  leaves = read_leaves (self, id, NULL);
  if (leaves != NULL)
    {
      g_ptr_array_sort (leaves, compare_leaves_by_rank);
      for (guint i = 0; i < leaves->len; i++)
        {
          Leaf *leaf = g_ptr_array_index (leaves, i);

          if (include_deleted || !leaf->deleted)
            g_strv_builder_add (builder, leaf->rev);
        }
    }
  return g_strv_builder_end (builder);
}

GStrv
raad_store_get_conflicts (RaadStore  *self,
                          const char *id)
{
  g_auto(GStrv) leaves = raad_store_get_leaves (self, id, FALSE);
  g_autofree char *winner = raad_store_get_rev (self, id);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; leaves[i]; i++)
    if (g_strcmp0 (leaves[i], winner) != 0)
      g_strv_builder_add (builder, leaves[i]);
  return g_strv_builder_end (builder);
}

JsonObject *
raad_store_get_revision (RaadStore   *self,
                         const char  *id,
                         const char  *rev,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RAAD_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT deleted, body FROM revisions WHERE doc_id = ? AND rev = ?",
                  error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
  bind_text (stmt, 2, rev);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 1) == SQLITE_NULL)
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_NOT_FOUND,
                   "No revision %s of “%s” with a body", rev, id);
      return NULL;
    }
  return body_with_meta (id, rev, sqlite3_column_int (stmt, 0),
                         (const char *) sqlite3_column_text (stmt, 1), error);
}

GStrv
raad_store_get_rev_path (RaadStore  *self,
                         const char *id,
                         const char *rev)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *current = g_strdup (rev);

  g_return_val_if_fail (RAAD_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT parent FROM revisions WHERE doc_id = ? AND rev = ?", NULL);
  while (stmt != NULL && current != NULL)
    {
      char *parent = NULL;

      sqlite3_reset (stmt);
      bind_text (stmt, 1, id);
      bind_text (stmt, 2, current);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        break;
      g_strv_builder_add (builder, current);
      parent = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      g_free (current);
      current = parent;
    }
  return g_strv_builder_end (builder);
}

/* Writing */

static void
note_change (RaadStore  *self,
             const char *id,
             const char *type)
{
  g_hash_table_replace (self->changed_ids, g_strdup (id), g_strdup (type));
}

/* Moves `documents` and `search` to the current winner of @id. */
static gboolean
update_winner (RaadStore   *self,
               const char  *id,
               const char  *type,
               const char  *fresh_rev,
               JsonObject  *fresh_body,
               GError     **error)
{
  g_autoptr(GPtrArray) leaves = read_leaves (self, id, error);
  g_autoptr(sqlite3_stmt) upsert = NULL;
  g_autoptr(sqlite3_stmt) select_rowid = NULL;
  g_autoptr(sqlite3_stmt) fts = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autofree char *search_text = NULL;
  Leaf *winner;
  gint64 rowid;

  if (leaves == NULL)
    return FALSE;
  winner = pick_winner (leaves);
  if (winner == NULL)
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                   "Document “%s” has no leaf revision", id);
      return FALSE;
    }
  if (winner->body == NULL)
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                   "The winning revision %s of “%s” has no body", winner->rev, id);
      return FALSE;
    }
  /* The revision just written is usually the winner: its body is parsed already. */
  if (fresh_body != NULL && g_strcmp0 (winner->rev, fresh_rev) == 0)
    body = json_object_ref (fresh_body);
  else
    body = _raad_json_parse_object (winner->body, error);
  if (body == NULL)
    return FALSE;
  if (json_object_has_member (body, "type"))
    type = json_object_get_string_member_with_default (body, "type", type);

  upsert = prepare (self,
                    "INSERT INTO documents (id, type, rev, deleted, body, seq) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                    "ON CONFLICT (id) DO UPDATE SET type = ?2, rev = ?3, deleted = ?4, "
                    "body = ?5, seq = ?6", error);
  if (upsert == NULL)
    return FALSE;
  bind_text (upsert, 1, id);
  bind_text (upsert, 2, type);
  bind_text (upsert, 3, winner->rev);
  sqlite3_bind_int (upsert, 4, winner->deleted);
  bind_text (upsert, 5, winner->body);
  sqlite3_bind_int64 (upsert, 6, self->seq + 1);
  if (sqlite3_step (upsert) != SQLITE_DONE)
    return _raad_store_set_sql_error (self->db, error);
  self->seq++;

  select_rowid = prepare (self, "SELECT rowid FROM documents WHERE id = ?", error);
  if (select_rowid == NULL)
    return FALSE;
  bind_text (select_rowid, 1, id);
  if (sqlite3_step (select_rowid) != SQLITE_ROW)
    return _raad_store_set_sql_error (self->db, error);
  rowid = sqlite3_column_int64 (select_rowid, 0);

  /* The search index exists from schema 2 on (older files are opened by migration tests). */
  if (self->version < 2)
    {
      note_change (self, id, type);
      return TRUE;
    }

  fts = prepare (self, "DELETE FROM search WHERE rowid = ?", error);
  if (fts == NULL)
    return FALSE;
  sqlite3_bind_int64 (fts, 1, rowid);
  if (sqlite3_step (fts) != SQLITE_DONE)
    return _raad_store_set_sql_error (self->db, error);
  if (!winner->deleted)
    {
      g_clear_pointer (&fts, release_statement);
      fts = prepare (self, "INSERT INTO search (rowid, text) VALUES (?, ?)", error);
      if (fts == NULL)
        return FALSE;
      search_text = _raad_store_search_text (body);
      sqlite3_bind_int64 (fts, 1, rowid);
      bind_text (fts, 2, search_text);
      if (sqlite3_step (fts) != SQLITE_DONE)
        return _raad_store_set_sql_error (self->db, error);
    }

  note_change (self, id, type);
  return TRUE;
}

static gboolean
insert_revision (RaadStore   *self,
                 const char  *id,
                 const char  *rev,
                 const char  *parent,
                 gboolean     deleted,
                 gboolean     leaf,
                 const char  *body,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = prepare (self,
                  "INSERT OR IGNORE INTO revisions (doc_id, rev, parent, gen, deleted, leaf, body) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  bind_text (stmt, 2, rev);
  bind_text (stmt, 3, parent);
  sqlite3_bind_int (stmt, 4, rev_generation (rev));
  sqlite3_bind_int (stmt, 5, deleted);
  sqlite3_bind_int (stmt, 6, leaf);
  bind_text (stmt, 7, body);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _raad_store_set_sql_error (self->db, error);
  return TRUE;
}

/* A revision that gets a child is no leaf any more; its body goes, as compaction would. */
static gboolean
retire_revision (RaadStore   *self,
                 const char  *id,
                 const char  *rev,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = prepare (self, "UPDATE revisions SET leaf = 0, body = NULL "
                        "WHERE doc_id = ? AND rev = ?", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  bind_text (stmt, 2, rev);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _raad_store_set_sql_error (self->db, error);
  return TRUE;
}

static gboolean
revision_exists (RaadStore  *self,
                 const char *id,
                 const char *rev,
                 gboolean   *is_leaf)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = prepare (self, "SELECT leaf FROM revisions WHERE doc_id = ? AND rev = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  bind_text (stmt, 2, rev);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  if (is_leaf != NULL)
    *is_leaf = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
blob_exists (RaadStore  *self,
             const char *digest)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, "SELECT 1 FROM attachments WHERE digest = ?",
                                          NULL);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, digest);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static char *
compute_digest (GBytes *data)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_MD5);
  guint8 raw[16];
  gsize len = sizeof raw;
  g_autofree char *b64 = NULL;

  g_checksum_update (checksum, g_bytes_get_data (data, NULL), g_bytes_get_size (data));
  g_checksum_get_digest (checksum, raw, &len);
  b64 = g_base64_encode (raw, len);
  return g_strconcat ("md5-", b64, NULL);
}

JsonObject *
raad_store_add_blob (RaadStore   *self,
                     const char  *content_type,
                     GBytes      *data,
                     GError     **error)
{
  g_autofree char *digest = NULL;
  JsonObject *stub;

  g_return_val_if_fail (RAAD_IS_STORE (self), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  digest = compute_digest (data);
  if (!blob_exists (self, digest))
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      stmt = prepare (self, "INSERT OR IGNORE INTO attachments (digest, content_type, length, data) "
                            "VALUES (?, ?, ?, ?)", error);
      if (stmt == NULL)
        return NULL;
      bind_text (stmt, 1, digest);
      bind_text (stmt, 2, content_type != NULL ? content_type : "application/octet-stream");
      sqlite3_bind_int64 (stmt, 3, g_bytes_get_size (data));
      sqlite3_bind_blob64 (stmt, 4, g_bytes_get_data (data, NULL), g_bytes_get_size (data),
                           SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          _raad_store_set_sql_error (self->db, error);
          return NULL;
        }
    }

  stub = json_object_new ();
  json_object_set_string_member (stub, "content_type",
                                 content_type != NULL ? content_type : "application/octet-stream");
  json_object_set_string_member (stub, "digest", digest);
  json_object_set_int_member (stub, "length", (gint64) g_bytes_get_size (data));
  json_object_set_boolean_member (stub, "stub", TRUE);
  return stub;
}

/* Replaces inline attachment data by stubs, storing the data; checks that stubs point at
 * stored blobs. */
static gboolean
store_attachments (RaadStore   *self,
                   JsonObject  *body,
                   GError     **error)
{
  JsonObject *attachments;
  g_autoptr(GList) names = NULL;

  if (!json_object_has_member (body, "_attachments"))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (json_object_get_member (body, "_attachments")))
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                   "_attachments is not an object");
      return FALSE;
    }
  attachments = json_object_get_object_member (body, "_attachments");
  names = json_object_get_members (attachments);
  for (GList *l = names; l; l = l->next)
    {
      const char *name = l->data;
      JsonNode *node = json_object_get_member (attachments, name);
      JsonObject *att;
      const char *content_type;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                       "Attachment “%s” is not an object", name);
          return FALSE;
        }
      att = json_node_get_object (node);
      content_type = json_object_get_string_member_with_default (att, "content_type",
                                                                 "application/octet-stream");
      if (json_object_has_member (att, "data"))
        {
          const char *b64 = json_object_get_string_member_with_default (att, "data", "");
          gsize len = 0;
          guchar *raw = g_base64_decode (b64, &len);
          g_autoptr(GBytes) bytes = g_bytes_new_take (raw, len);
          JsonObject *stub = raad_store_add_blob (self, content_type, bytes, error);

          if (stub == NULL)
            return FALSE;
          json_object_set_object_member (attachments, name, stub);
        }
      else
        {
          const char *digest = json_object_get_string_member_with_default (att, "digest", NULL);

          if (digest == NULL || !blob_exists (self, digest))
            {
              g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                           "Attachment “%s” refers to data the store does not have", name);
              return FALSE;
            }
          json_object_set_boolean_member (att, "stub", TRUE);
          json_object_remove_member (att, "revpos");
        }
    }
  if (json_object_get_size (attachments) == 0)
    json_object_remove_member (body, "_attachments");
  return TRUE;
}

/* The body as stored: without the meta fields of the envelope. */
static JsonObject *
clean_body (JsonObject *body,
            const char *type)
{
  JsonObject *clean = _raad_json_object_deep_copy (body);
  static const char * const envelope[] = {
    "_id", "_rev", "_deleted", "_revisions", "_conflicts", "_revs_info", "_local_seq", NULL
  };

  for (guint i = 0; envelope[i]; i++)
    if (json_object_has_member (clean, envelope[i]))
      json_object_remove_member (clean, envelope[i]);
  if (type != NULL)
    json_object_set_string_member (clean, "type", type);
  return clean;
}

static char *
make_rev (const char *parent,
          gboolean    deleted,
          JsonObject *body)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_MD5);
  g_autoptr(JsonObject) fields = _raad_json_object_deep_copy (body);
  g_autoptr(JsonNode) copy = NULL;
  g_autofree char *canonical = NULL;
  GString *digests = g_string_new (NULL);

  if (json_object_has_member (fields, "_attachments"))
    {
      JsonObject *atts = json_object_get_object_member (fields, "_attachments");
      g_autoptr(GList) names = json_object_get_members (atts);

      names = g_list_sort (names, (GCompareFunc) strcmp);
      for (GList *l = names; l; l = l->next)
        {
          JsonObject *att = json_object_get_object_member (atts, l->data);

          g_string_append_printf (digests, "%s:%s\n", (char *) l->data,
                                  json_object_get_string_member_with_default (att, "digest", ""));
        }
      json_object_remove_member (fields, "_attachments");
    }
  copy = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (copy, fields);
  canonical = _raad_json_canonical (copy);

  g_checksum_update (checksum, (const guchar *) (parent != NULL ? parent : ""), -1);
  g_checksum_update (checksum, (const guchar *) (deleted ? "\n1\n" : "\n0\n"), -1);
  g_checksum_update (checksum, (const guchar *) canonical, -1);
  g_checksum_update (checksum, (const guchar *) "\n", -1);
  g_checksum_update (checksum, (const guchar *) digests->str, digests->len);
  g_string_free (digests, TRUE);

  return g_strdup_printf ("%d-%s", rev_generation (parent) + 1,
                          g_checksum_get_string (checksum));
}

static gboolean
check_id (const char  *id,
          GError     **error)
{
  if (id == NULL || *id == '\0' || id[0] == '_' || !g_utf8_validate (id, -1, NULL))
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                   "“%s” is not a valid document id", id != NULL ? id : "(null)");
      return FALSE;
    }
  return TRUE;
}

/* Writes a revision made here on top of @parent_rev. */
static char *
write_revision (RaadStore   *self,
                const char  *id,
                const char  *type,
                const char  *parent_rev,
                gboolean     deleted,
                JsonObject  *body,
                GError     **error)
{
  g_autoptr(JsonObject) clean = NULL;
  g_autoptr(GPtrArray) leaves = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *rev = NULL;
  g_autofree char *text = NULL;

  if (!check_id (id, error))
    return NULL;
  if (type == NULL || *type == '\0')
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                   "Document “%s” has no type", id);
      return NULL;
    }

  if (!raad_store_begin (self, error))
    return NULL;

  leaves = read_leaves (self, id, error);
  if (leaves == NULL)
    goto fail;

  if (parent_rev == NULL)
    {
      Leaf *winner = pick_winner (leaves);

      /* A new document, or one created again on top of its tombstone (as CouchDB does). */
      if (winner != NULL && !winner->deleted)
        {
          g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_CONFLICT,
                       "Document “%s” already exists", id);
          goto fail;
        }
      parent = winner != NULL ? g_strdup (winner->rev) : NULL;
    }
  else
    {
      gboolean found = FALSE;

      for (guint i = 0; i < leaves->len && !found; i++)
        found = g_strcmp0 (((Leaf *) g_ptr_array_index (leaves, i))->rev, parent_rev) == 0;
      if (!found)
        {
          g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_CONFLICT,
                       "Document “%s” was changed meanwhile (%s is not a current revision)",
                       id, parent_rev);
          goto fail;
        }
      parent = g_strdup (parent_rev);
    }

  clean = clean_body (body, type);
  if (!store_attachments (self, clean, error))
    goto fail;
  rev = make_rev (parent, deleted, clean);

  if (revision_exists (self, id, rev, NULL))
    {
      /* The same edit again: nothing new to write. */
      if (!raad_store_commit (self, error))
        return NULL;
      return g_steal_pointer (&rev);
    }

  text = _raad_json_to_string (clean);
  if ((parent != NULL && !retire_revision (self, id, parent, error)) ||
      !insert_revision (self, id, rev, parent, deleted, TRUE, text, error) ||
      !update_winner (self, id, type, rev, clean, error))
    goto fail;

  if (!raad_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&rev);

fail:
  raad_store_rollback (self);
  return NULL;
}

char *
raad_store_put (RaadStore   *self,
                const char  *id,
                const char  *type,
                const char  *parent_rev,
                JsonObject  *body,
                GError     **error)
{
  g_return_val_if_fail (RAAD_IS_STORE (self), NULL);
  g_return_val_if_fail (body != NULL, NULL);

  return write_revision (self, id, type, parent_rev, FALSE, body, error);
}

char *
raad_store_delete (RaadStore   *self,
                   const char  *id,
                   const char  *parent_rev,
                   GError     **error)
{
  g_autoptr(JsonObject) current = NULL;
  g_autoptr(JsonObject) tombstone = json_object_new ();
  const char *type;

  g_return_val_if_fail (RAAD_IS_STORE (self), NULL);

  current = raad_store_get_revision (self, id, parent_rev, error);
  if (current == NULL)
    return NULL;
  type = json_object_get_string_member_with_default (current, "type", "unknown");
  /* Tombstones keep what a server needs to route and check them. */
  if (json_object_has_member (current, "council_id"))
    json_object_set_member (tombstone, "council_id",
                            json_node_copy (json_object_get_member (current, "council_id")));
  if (json_object_has_member (current, "scope"))
    json_object_set_member (tombstone, "scope",
                            json_node_copy (json_object_get_member (current, "scope")));
  return write_revision (self, id, type, parent_rev, TRUE, tombstone, error);
}

static gboolean
adopt_parent (RaadStore   *self,
              const char  *id,
              const char  *rev,
              const char  *parent,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, "UPDATE revisions SET parent = ? "
                                                "WHERE doc_id = ? AND rev = ? AND parent IS NULL",
                                          error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, parent);
  bind_text (stmt, 2, id);
  bind_text (stmt, 3, rev);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _raad_store_set_sql_error (self->db, error);
  return TRUE;
}

static char *
read_type (RaadStore  *self,
           const char *id)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, "SELECT type FROM documents WHERE id = ?", NULL);

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

gboolean
raad_store_graft (RaadStore   *self,
                  JsonObject  *doc,
                  GError     **error)
{
  const char *id;
  const char *rev;
  const char *type;
  gboolean deleted;
  g_autoptr(GPtrArray) path = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonObject) clean = NULL;
  g_autofree char *text = NULL;
  g_autofree char *known_type = NULL;
  gboolean is_leaf = FALSE;

  g_return_val_if_fail (RAAD_IS_STORE (self), FALSE);
  g_return_val_if_fail (doc != NULL, FALSE);

  id = json_object_get_string_member_with_default (doc, "_id", NULL);
  rev = json_object_get_string_member_with_default (doc, "_rev", NULL);
  deleted = json_object_get_boolean_member_with_default (doc, "_deleted", FALSE);
  if (!check_id (id, error))
    return FALSE;
  if (!rev_is_valid (rev))
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                   "Document “%s” has no valid revision", id);
      return FALSE;
    }

  /* The path, newest first. */
  if (json_object_has_member (doc, "_revisions"))
    {
      JsonObject *revisions = json_object_get_object_member (doc, "_revisions");
      JsonArray *ids = revisions != NULL ? json_object_get_array_member (revisions, "ids") : NULL;
      gint64 start = revisions != NULL ? json_object_get_int_member_with_default (revisions, "start", 0) : 0;

      if (ids == NULL || start != rev_generation (rev) || json_array_get_length (ids) == 0 ||
          g_strcmp0 (json_array_get_string_element (ids, 0), rev_hash (rev)) != 0)
        {
          g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                       "Document “%s” has a _revisions path that does not match %s", id, rev);
          return FALSE;
        }
      for (guint i = 0; i < json_array_get_length (ids) && start - i > 0; i++)
        g_ptr_array_add (path, g_strdup_printf ("%" G_GINT64_FORMAT "-%s", start - i,
                                                json_array_get_string_element (ids, i)));
    }
  else
    g_ptr_array_add (path, g_strdup (rev));

  if (revision_exists (self, id, rev, NULL))
    return TRUE;

  clean = clean_body (doc, NULL);
  type = json_object_get_string_member_with_default (clean, "type", NULL);
  if (type == NULL)
    {
      /* Another replicator's tombstone carries nothing but the deletion; a document another
       * client wrote may have no type: kept as "unknown", which no page shows. */
      known_type = read_type (self, id);
      type = known_type != NULL ? known_type : "unknown";
    }

  if (!raad_store_begin (self, error))
    return FALSE;
  if (!store_attachments (self, clean, error))
    goto fail;
  text = _raad_json_to_string (clean);

  /* Oldest first: ancestors we lack are inserted without a body, ancestors we have as a leaf
   * stop being leaves. */
  for (guint i = path->len; i > 0; i--)
    {
      const char *r = g_ptr_array_index (path, i - 1);
      const char *parent = i < path->len ? g_ptr_array_index (path, i) : NULL;
      gboolean newest = (i == 1);

      if (revision_exists (self, id, r, &is_leaf))
        {
          if (!newest && is_leaf && !retire_revision (self, id, r, error))
            goto fail;
          /* A revision that came without its history (a pull of a new document) learns its
           * parent from a longer path. */
          if (parent != NULL && !adopt_parent (self, id, r, parent, error))
            goto fail;
          continue;
        }
      if (!insert_revision (self, id, r, parent, newest ? deleted : FALSE, newest,
                            newest ? text : NULL, error))
        goto fail;
    }

  if (!update_winner (self, id, type, rev, clean, error))
    goto fail;
  return raad_store_commit (self, error);

fail:
  raad_store_rollback (self);
  return FALSE;
}

gboolean
raad_store_purge_history (RaadStore   *self,
                          const char  *id,
                          GError     **error)
{
  g_autofree char *winner = raad_store_get_rev (self, id);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RAAD_IS_STORE (self), FALSE);

  if (winner == NULL)
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_NOT_FOUND, "No document “%s”", id);
      return FALSE;
    }
  if (!raad_store_begin (self, error))
    return FALSE;
  stmt = prepare (self, "DELETE FROM revisions WHERE doc_id = ? AND rev != ?", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, id);
  bind_text (stmt, 2, winner);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _raad_store_set_sql_error (self->db, error);
      goto fail;
    }
  /* The winner keeps its generation (peers compare it) but loses its ancestry. */
  if (!_raad_store_exec (self->db,
                         "DELETE FROM attachments WHERE digest NOT IN "
                         "(SELECT json_extract(a.value, '$.digest') FROM revisions r, "
                         "json_each(r.body, '$._attachments') a WHERE r.body IS NOT NULL)",
                         error))
    goto fail;
  g_clear_pointer (&stmt, release_statement);
  stmt = prepare (self, "UPDATE revisions SET parent = NULL WHERE doc_id = ?", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _raad_store_set_sql_error (self->db, error);
      goto fail;
    }
  return raad_store_commit (self, error);

fail:
  raad_store_rollback (self);
  return FALSE;
}

/* Attachments */

GBytes *
raad_store_get_blob (RaadStore   *self,
                     const char  *digest,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RAAD_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT data FROM attachments WHERE digest = ?", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, digest);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_NOT_FOUND,
                   "No attachment data %s", digest);
      return NULL;
    }
  return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

GBytes *
raad_store_get_attachment (RaadStore   *self,
                           const char  *id,
                           const char  *name,
                           char       **content_type,
                           GError     **error)
{
  g_autoptr(JsonObject) body = raad_store_get (self, id, error);
  JsonObject *atts;
  JsonObject *att;

  if (body == NULL)
    return NULL;
  atts = json_object_has_member (body, "_attachments")
         ? json_object_get_object_member (body, "_attachments") : NULL;
  att = atts != NULL && json_object_has_member (atts, name)
        ? json_object_get_object_member (atts, name) : NULL;
  if (att == NULL)
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_NOT_FOUND,
                   "“%s” has no attachment “%s”", id, name);
      return NULL;
    }
  if (content_type != NULL)
    *content_type = g_strdup (json_object_get_string_member_with_default (att, "content_type",
                                                                          NULL));
  return raad_store_get_blob (self,
                              json_object_get_string_member_with_default (att, "digest", ""),
                              error);
}

/* The local table */

char *
raad_store_get_local (RaadStore  *self,
                      const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RAAD_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT value FROM local WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

gboolean
raad_store_set_local (RaadStore   *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RAAD_IS_STORE (self), FALSE);

  if (value == NULL)
    stmt = prepare (self, "DELETE FROM local WHERE key = ?1", error);
  else
    stmt = prepare (self, "INSERT INTO local (key, value) VALUES (?1, ?2) "
                          "ON CONFLICT (key) DO UPDATE SET value = ?2", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, key);
  if (value != NULL)
    bind_text (stmt, 2, value);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _raad_store_set_sql_error (self->db, error);
  return TRUE;
}

GStrv
raad_store_list_local_keys (RaadStore  *self,
                            const char *prefix)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *upper = NULL;

  g_return_val_if_fail (RAAD_IS_STORE (self), NULL);
  g_return_val_if_fail (prefix != NULL && *prefix != '\0', NULL);

  /* A range on the primary key: [prefix, prefix with its last byte raised). */
  upper = g_strdup (prefix);
  upper[strlen (upper) - 1]++;
  stmt = prepare (self, "SELECT key FROM local WHERE key >= ? AND key < ? ORDER BY key", NULL);
  if (stmt == NULL)
    return g_strv_builder_end (builder);
  bind_text (stmt, 1, prefix);
  bind_text (stmt, 2, upper);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  return g_strv_builder_end (builder);
}

/* Small lookups */

GStrv
raad_store_list_ids (RaadStore  *self,
                     const char *type)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (RAAD_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT id FROM documents WHERE type = ? AND deleted = 0 ORDER BY id",
                  NULL);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, type);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
    }
  return g_strv_builder_end (builder);
}

guint
raad_store_count (RaadStore  *self,
                  const char *type)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RAAD_IS_STORE (self), 0);

  stmt = prepare (self, "SELECT count(*) FROM documents WHERE type = ? AND deleted = 0", NULL);
  if (stmt == NULL)
    return 0;
  bind_text (stmt, 1, type);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return (guint) sqlite3_column_int (stmt, 0);
}

gboolean
raad_store_check_integrity (RaadStore  *self,
                            GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, "PRAGMA integrity_check", error);
  const char *answer;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _raad_store_set_sql_error (self->db, error);
  answer = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (answer, "ok") != 0)
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                   "Integrity check: %s", answer);
      return FALSE;
    }
  return TRUE;
}

gpointer
_raad_store_get_db (RaadStore *self)
{
  return self->db;
}

const char *
raad_store_get_path (RaadStore *self)
{
  return self->path;
}

guint
raad_store_get_version (RaadStore *self)
{
  return self->version;
}

gint64
raad_store_get_seq (RaadStore *self)
{
  return self->seq;
}

/* Conflicts */

GStrv
raad_store_list_conflicted (RaadStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (RAAD_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT doc_id FROM revisions WHERE leaf = 1 AND deleted = 0 "
                        "GROUP BY doc_id HAVING count (*) > 1 ORDER BY doc_id", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  return g_strv_builder_end (builder);
}

char *
raad_store_resolve_conflict (RaadStore   *self,
                             const char  *id,
                             const char  *keep_rev,
                             JsonObject  *body,
                             GError     **error)
{
  g_auto(GStrv) leaves = NULL;
  g_autoptr(JsonObject) kept = NULL;
  g_autofree char *result = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (RAAD_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL && keep_rev != NULL, NULL);

  leaves = raad_store_get_leaves (self, id, FALSE);
  for (guint i = 0; leaves[i] && !found; i++)
    found = g_str_equal (leaves[i], keep_rev);
  if (!found)
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_CONFLICT,
                   "%s is not a current version of “%s”", keep_rev, id);
      return NULL;
    }

  if (!raad_store_begin (self, error))
    return NULL;
  for (guint i = 0; leaves[i]; i++)
    {
      g_autofree char *tombstone = NULL;

      if (g_str_equal (leaves[i], keep_rev))
        continue;
      tombstone = raad_store_delete (self, id, leaves[i], error);
      if (tombstone == NULL)
        goto fail;
    }
  if (body != NULL)
    {
      const char *type;

      kept = raad_store_get_revision (self, id, keep_rev, error);
      if (kept == NULL)
        goto fail;
      type = json_object_get_string_member_with_default (body, "type", NULL);
      if (type == NULL)
        type = json_object_get_string_member_with_default (kept, "type", "unknown");
      result = raad_store_put (self, id, type, keep_rev, body, error);
      if (result == NULL)
        goto fail;
    }
  else
    result = g_strdup (keep_rev);
  if (!raad_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&result);

fail:
  raad_store_rollback (self);
  return NULL;
}

/* Sync support */

const char *
raad_store_get_uuid (RaadStore *self)
{
  g_return_val_if_fail (RAAD_IS_STORE (self), NULL);

  if (self->uuid == NULL)
    {
      self->uuid = raad_store_get_local (self, "store:uuid");
      if (self->uuid == NULL)
        {
          self->uuid = g_uuid_string_random ();
          if (!raad_store_set_local (self, "store:uuid", self->uuid, NULL))
            g_warning ("Could not keep the store’s id in %s", self->path);
        }
    }
  return self->uuid;
}

void
raad_store_change_free (RaadStoreChange *change)
{
  if (change == NULL)
    return;
  g_free (change->id);
  g_free (change->council_id);
  g_free (change->scope);
  g_free (change);
}

GPtrArray *
raad_store_changes_since (RaadStore  *self,
                          gint64      since,
                          guint       limit,
                          GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) raad_store_change_free);
  int rc;

  g_return_val_if_fail (RAAD_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT id, seq, f_council_id, json_extract (body, '$.scope') "
                        "FROM documents WHERE seq > ? ORDER BY seq LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, since);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RaadStoreChange *change = g_new0 (RaadStoreChange, 1);

      change->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      change->seq = sqlite3_column_int64 (stmt, 1);
      change->council_id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      change->scope = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (changes, change);
    }
  if (rc != SQLITE_DONE)
    {
      _raad_store_set_sql_error (self->db, error);
      return NULL;
    }
  return g_steal_pointer (&changes);
}

gboolean
raad_store_has_revision (RaadStore  *self,
                         const char *id,
                         const char *rev)
{
  g_return_val_if_fail (RAAD_IS_STORE (self), FALSE);
  return revision_exists (self, id, rev, NULL);
}

GStrv
raad_store_lookup_types (RaadStore          *self,
                         const char * const *ids)
{
  g_autoptr(JsonArray) list = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GHashTable) types = NULL;
  g_autofree char *text = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GStrv result;
  guint n;

  g_return_val_if_fail (RAAD_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  n = g_strv_length ((GStrv) ids);
  result = g_new0 (char *, n + 1);
  if (n == 0)
    return result;
  /* One query for all of them: a sync writes hundreds at a time. */
  list = json_array_new ();
  for (guint i = 0; i < n; i++)
    json_array_add_string_element (list, ids[i]);
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (node, list);
  text = json_to_string (node, FALSE);
  types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  stmt = prepare (self, "SELECT d.id, d.type FROM json_each (?) j "
                        "JOIN documents d ON d.id = j.value", NULL);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, text);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_hash_table_replace (types, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                              g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  for (guint i = 0; i < n; i++)
    result[i] = g_strdup (g_hash_table_lookup (types, ids[i]));
  return result;
}

void
raad_store_notice_typed_changes (RaadStore          *self,
                                 const char * const *ids,
                                 const char * const *types)
{
  g_return_if_fail (RAAD_IS_STORE (self));

  if (ids == NULL || ids[0] == NULL)
    return;
  self->seq = read_max_seq (self);
  for (guint i = 0; ids[i]; i++)
    if (types[i] != NULL)
      note_change (self, ids[i], types[i]);
  if (self->tx_depth == 0)
    emit_changes (self);
}

void
raad_store_notice_changes (RaadStore          *self,
                           const char * const *ids)
{
  g_auto(GStrv) types = NULL;

  g_return_if_fail (RAAD_IS_STORE (self));

  if (ids == NULL || ids[0] == NULL)
    return;
  types = raad_store_lookup_types (self, ids);
  raad_store_notice_typed_changes (self, ids, (const char * const *) types);
}

/* Object */

static void
raad_store_finalize (GObject *object)
{
  RaadStore *self = (RaadStore *) object;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->records);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_object_weak_unref (value, record_finalized_cb, self);
  g_clear_pointer (&self->records, g_hash_table_unref);
  g_clear_pointer (&self->changed_ids, g_hash_table_unref);
  drop_statements (self);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self->uuid);

  G_OBJECT_CLASS (raad_store_parent_class)->finalize (object);
}

static void
raad_store_class_init (RaadStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = raad_store_finalize;

  /**
   * RaadStore::changed:
   * @types: the types of the documents written
   * @ids: the ids of the documents written
   *
   * Emitted once after each committed transaction that wrote documents.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRV, G_TYPE_STRV);
}

static void
raad_store_init (RaadStore *self)
{
  self->changed_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
}

RaadStore *
raad_store_open_at_version (const char  *path,
                            guint        version,
                            GError     **error)
{
  g_autoptr(RaadStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (RAAD_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  if (!open_file (self, version, error))
    return NULL;
  return g_steal_pointer (&self);
}

RaadStore *
raad_store_open (const char  *path,
                 GError     **error)
{
  return raad_store_open_at_version (path, raad_store_schema_version (), error);
}
