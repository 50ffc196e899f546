/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-section-list.c: records grouped into sections (members per council) from one query */

/* Design. GTK 4.8 lists have no sections, so the face-book is a list of sections, each with
 * its own list of cards. Asking SQLite once per section made a search keystroke cost one
 * query per visible council; here one query returns every matching item with its group
 * field (and group array, for linking pins), items are put into buckets in C in the query's
 * order, and each section's RaadRecordList gets its new ids with one exact items-changed.
 * Sections are kept per group id, so a row keeps its widgets while its items change.
 *
 * Reading and sorting every item costs tens of milliseconds with 5,000 of them, mostly in
 * fetching their rows. So:
 *  - At start-up (an item query without conditions) the items are only counted per group,
 *    from the group column's index; a section reads its ids, through that index, the first
 *    time one is asked for: the first frame reads the sections in view and no more.
 *  - The rows of such a query (id, rowid, group, group array, in order) are then read once
 *    in a thread with its own connection, and kept until the store changes. A search is
 *    then a text match alone, the set of rowids FTS5 gives (an index-only query), and the
 *    kept rows in that set are the result, already in order: no rows are fetched and nothing
 *    is sorted on a keystroke.
 *  - Other queries (a role, an attention area) run whole, as before. */

#define G_LOG_DOMAIN "raad-section-list"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "raad-section-list.h"
#include "raad-store-private.h"

struct _RaadSection
{
  GObject         parent_instance;

  RaadRecord     *record;
  RaadRecordList *items;
};

G_DEFINE_FINAL_TYPE (RaadSection, raad_section, G_TYPE_OBJECT)

struct _RaadSectionList
{
  GObject     parent_instance;

  RaadStore  *store;
  RaadQuery  *group_query;
  RaadQuery  *item_query;
  char       *group_field;
  char       *group_array_field;
  gboolean    show_empty;
  guint       n_total;

  GPtrArray  *group_ids;     /* the group query's result, until the store changes */
  GPtrArray  *sections;      /* RaadSection, in the group query's order */
  GHashTable *by_group;      /* group id → RaadSection (kept while it is listed) */
  gulong      changed_handler;

  /* The rows of the item query without its text match, in order, once read. */
  GPtrArray    *rows;           /* Row */
  char         *rows_sql;       /* the SQL they answer */
  GCancellable *rows_cancellable;
  guint         rows_generation;
};

typedef struct
{
  gint64  rowid;
  char   *id;
  char   *group;
  GStrv   groups;   /* the group array's values other than @group, without repeats */
} Row;

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RaadSectionList, raad_section_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Section */

static void
raad_section_finalize (GObject *object)
{
  RaadSection *self = (RaadSection *) object;

  g_clear_object (&self->record);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (raad_section_parent_class)->finalize (object);
}

static void
raad_section_class_init (RaadSectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = raad_section_finalize;
}

static void
raad_section_init (RaadSection *self)
{
}

RaadRecord *
raad_section_get_record (RaadSection *self)
{
  g_return_val_if_fail (RAAD_IS_SECTION (self), NULL);
  return self->record;
}

GListModel *
raad_section_get_items (RaadSection *self)
{
  g_return_val_if_fail (RAAD_IS_SECTION (self), NULL);
  return G_LIST_MODEL (self->items);
}

guint
raad_section_get_n_items (RaadSection *self)
{
  g_return_val_if_fail (RAAD_IS_SECTION (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

/* Queries */

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->id);
  g_free (row->group);
  g_strfreev (row->groups);
  g_free (row);
}

/* The group array column holds JSON text such as ["council-a","council-b"]: its strings
 * other than @own, each once. */
static GStrv
parse_groups (const char *json,
              const char *own)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;

  if (json == NULL)
    return NULL;
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    return NULL;
  array = json_node_get_array (json_parser_get_root (parser));
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *group;
      gboolean seen = FALSE;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      group = json_node_get_string (node);
      if (g_strcmp0 (group, own) == 0)
        continue;
      for (guint j = 0; j < i && !seen; j++)
        {
          JsonNode *other = json_array_get_element (array, j);

          seen = JSON_NODE_HOLDS_VALUE (other)
                 && json_node_get_value_type (other) == G_TYPE_STRING
                 && g_strcmp0 (json_node_get_string (other), group) == 0;
        }
      if (!seen)
        g_strv_builder_add (builder, group);
    }
  return g_strv_builder_end (builder);
}

static void
bind_params (sqlite3_stmt *stmt,
             GPtrArray    *params,
             guint         first)
{
  for (guint i = 0; i < params->len; i++)
    sqlite3_bind_text (stmt, first + i, g_ptr_array_index (params, i), -1, SQLITE_TRANSIENT);
}

/* Reads rows with: id, rowid, group, group array. */
static GPtrArray *
read_rows (sqlite3    *db,
           const char *sql,
           GPtrArray  *params)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (row_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_warning ("Query failed: %s", sqlite3_errmsg (db));
      return rows;
    }
  bind_params (stmt, params, 1);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Row *row = g_new0 (Row, 1);

      row->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row->rowid = sqlite3_column_int64 (stmt, 1);
      row->group = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      if (sqlite3_column_count (stmt) > 3 && sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        row->groups = parse_groups ((const char *) sqlite3_column_text (stmt, 3), row->group);
      g_ptr_array_add (rows, row);
    }
  sqlite3_finalize (stmt);
  return rows;
}

static void
add_to_bucket (GHashTable *buckets,
               const char *group,
               const char *id);

/* Buckets from the kept rows; with @allowed (rowids), only the rows in it. */
static GHashTable *
buckets_from_rows (GPtrArray  *rows,
                   GHashTable *allowed,
                   guint      *n_total)
{
  GHashTable *buckets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_ptr_array_unref);

  *n_total = 0;
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);

      if (allowed != NULL && !g_hash_table_contains (allowed, &row->rowid))
        continue;
      if (row->group != NULL)
        {
          add_to_bucket (buckets, row->group, row->id);
          (*n_total)++;
        }
      for (guint j = 0; row->groups != NULL && row->groups[j] != NULL; j++)
        {
          add_to_bucket (buckets, row->groups[j], row->id);
          (*n_total)++;
        }
    }
  return buckets;
}

/* The rowids a text match allows. */
static GHashTable *
run_match (RaadSectionList *self)
{
  sqlite3 *db = _raad_store_get_db (self->store);
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = _raad_query_to_match_sql (self->item_query, params);
  GHashTable *allowed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;

  if (sql == NULL)
    return allowed;
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_warning ("Query failed: %s", sqlite3_errmsg (db));
      return allowed;
    }
  bind_params (stmt, params, 1);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 *rowid = g_new (gint64, 1);

      *rowid = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (allowed, rowid);
    }
  sqlite3_finalize (stmt);
  return allowed;
}

/* The SQL of the rows to keep for the item query: itself without its text match. */
static char *
rows_sql_for (RaadSectionList *self,
              GPtrArray       *params)
{
  g_autoptr(RaadQuery) base = _raad_query_copy_without_match (self->item_query);
  const char *extra[] = { self->group_field, self->group_array_field, NULL };

  return _raad_query_to_sql_rows (base, extra, params);
}

/* Kept rows for a query that has no conditions, only (maybe) a text match. */
static gboolean
rows_usable (RaadSectionList *self)
{
  g_autoptr(GPtrArray) params = NULL;
  g_autofree char *sql = NULL;

  if (self->rows == NULL || _raad_query_has_conditions (self->item_query))
    return FALSE;
  params = g_ptr_array_new_with_free_func (g_free);
  sql = rows_sql_for (self, params);
  return g_strcmp0 (sql, self->rows_sql) == 0;
}

typedef struct
{
  char      *path;
  char      *sql;
  GPtrArray *params;
  guint      generation;
} RowsTask;

static void
rows_task_free (gpointer data)
{
  RowsTask *task = data;

  g_free (task->path);
  g_free (task->sql);
  g_ptr_array_unref (task->params);
  g_free (task);
}

static void
read_rows_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  RowsTask *data = task_data;
  sqlite3 *db = NULL;
  GPtrArray *rows;

  if (sqlite3_open_v2 (data->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL)
      != SQLITE_OK)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      sqlite3_close (db);
      return;
    }
  rows = read_rows (db, data->sql, data->params);
  sqlite3_close (db);
  g_task_return_pointer (task, rows, (GDestroyNotify) g_ptr_array_unref);
}

static void
rows_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  RaadSectionList *self = RAAD_SECTION_LIST (object);
  RowsTask *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_task_propagate_pointer (G_TASK (result), &error);

  if (rows == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not read the rows: %s", error->message);
      return;
    }
  g_clear_object (&self->rows_cancellable);
  /* The store changed meanwhile: these rows are old. */
  if (data->generation != self->rows_generation)
    return;
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = g_steal_pointer (&rows);
  g_free (self->rows_sql);
  self->rows_sql = g_strdup (data->sql);
}

/* Counted start-up */

/* What a counted section needs to read its ids later: its own references, so that it works
 * whatever becomes of the section list. */
typedef struct
{
  RaadStore *store;
  RaadQuery *query;
  char      *group_field;
  char      *group_array_field;
  char      *group;
} SectionLoader;

static void
section_loader_free (gpointer data)
{
  SectionLoader *loader = data;

  g_object_unref (loader->store);
  raad_query_unref (loader->query);
  g_free (loader->group_field);
  g_free (loader->group_array_field);
  g_free (loader->group);
  g_free (loader);
}

static GPtrArray *
load_section_ids (gpointer data)
{
  SectionLoader *loader = data;
  g_autoptr(RaadQuery) query = _raad_query_copy_without_match (loader->query);

  if (loader->group_array_field != NULL)
    raad_query_where_equals_or_contains (query, loader->group_field, loader->group_array_field,
                                         loader->group);
  else
    raad_query_where_equals (query, loader->group_field, loader->group);
  return _raad_query_run_ids (query, loader->store);
}

static void
count_add (GHashTable *counts,
           const char *group,
           int         delta)
{
  gpointer old = g_hash_table_lookup (counts, group);

  if (group != NULL)
    g_hash_table_replace (counts, g_strdup (group), GINT_TO_POINTER (GPOINTER_TO_INT (old) + delta));
}

/* Items per group without reading them: from the group column's index, less the deleted
 * ones, plus the few with a group array. NULL when the query cannot be counted so. */
static GHashTable *
count_items (RaadSectionList *self,
             guint           *n_total)
{
  sqlite3 *db = _raad_store_get_db (self->store);
  const char *type = raad_query_get_doc_type (self->item_query);
  g_autofree char *group_sql = NULL;
  g_autofree char *array_sql = NULL;
  g_autoptr(GHashTable) counts = NULL;
  sqlite3_stmt *stmt = NULL;
  GHashTableIter iter;
  gpointer value;

  if (_raad_query_has_conditions (self->item_query) || _raad_query_has_match (self->item_query)
      || !_raad_store_field_has_column (self->group_field)
      || (self->group_array_field != NULL
          && !_raad_store_field_has_column (self->group_array_field)))
    return NULL;

  counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  group_sql = g_strdup_printf ("SELECT f_%s, count(*) FROM documents WHERE type = ?1 "
                               "GROUP BY f_%s", self->group_field, self->group_field);
  if (sqlite3_prepare_v2 (db, group_sql, -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, type, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    count_add (counts, (const char *) sqlite3_column_text (stmt, 0), sqlite3_column_int (stmt, 1));
  sqlite3_finalize (stmt);

  /* Deleted documents keep their row (and their group); there are few. */
  g_free (group_sql);
  group_sql = g_strdup_printf ("SELECT f_%s FROM documents WHERE type = ?1 AND deleted = 1",
                               self->group_field);
  if (sqlite3_prepare_v2 (db, group_sql, -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, type, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    count_add (counts, (const char *) sqlite3_column_text (stmt, 0), -1);
  sqlite3_finalize (stmt);

  if (self->group_array_field != NULL)
    {
      /* "+deleted": not through the (type, deleted) index, which would fetch every row, but
       * through the partial index of the documents that have an array. */
      array_sql = g_strdup_printf ("SELECT f_%s, f_%s FROM documents WHERE type = ?1 "
                                   "AND +deleted = 0 AND f_%s IS NOT NULL",
                                   self->group_field, self->group_array_field,
                                   self->group_array_field);
      if (sqlite3_prepare_v2 (db, array_sql, -1, &stmt, NULL) != SQLITE_OK)
        return NULL;
      sqlite3_bind_text (stmt, 1, type, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_auto(GStrv) groups = parse_groups ((const char *) sqlite3_column_text (stmt, 1),
                                               (const char *) sqlite3_column_text (stmt, 0));

          for (guint i = 0; groups != NULL && groups[i] != NULL; i++)
            count_add (counts, groups[i], 1);
        }
      sqlite3_finalize (stmt);
    }

  *n_total = 0;
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    *n_total += MAX (0, GPOINTER_TO_INT (value));
  return g_steal_pointer (&counts);
}

static void
add_to_bucket (GHashTable *buckets,
               const char *group,
               const char *id)
{
  GPtrArray *bucket = g_hash_table_lookup (buckets, group);

  if (bucket == NULL)
    {
      bucket = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (buckets, g_strdup (group), bucket);
    }
  g_ptr_array_add (bucket, g_strdup (id));
}

/* Every item of the query, read and sorted by SQLite. */
static GHashTable *
run_items (RaadSectionList *self,
           guint           *n_total)
{
  sqlite3 *db = _raad_store_get_db (self->store);
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  const char *extra[] = { self->group_field, self->group_array_field, NULL };
  g_autofree char *sql = _raad_query_to_sql_rows (self->item_query, extra, params);
  g_autoptr(GPtrArray) rows = read_rows (db, sql, params);

  return buckets_from_rows (rows, NULL, n_total);
}

static RaadSection *
ensure_section (RaadSectionList *self,
                const char      *group_id)
{
  RaadSection *section = g_hash_table_lookup (self->by_group, group_id);
  g_autoptr(RaadRecord) record = NULL;

  if (section != NULL)
    return g_object_ref (section);
  record = raad_record_load (self->store, group_id, NULL);
  if (record == NULL)
    return NULL;
  section = g_object_new (RAAD_TYPE_SECTION, NULL);
  section->record = g_steal_pointer (&record);
  section->items = _raad_record_list_new_for_ids (self->store,
                                                  raad_query_get_doc_type (self->item_query));
  g_hash_table_insert (self->by_group, g_strdup (group_id), g_object_ref (section));
  return section;
}

static void
refresh (RaadSectionList *self)
{
  GPtrArray *group_ids;
  g_autoptr(GHashTable) buckets = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GPtrArray) old = self->sections;
  g_autoptr(GPtrArray) empty = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *sections = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_total = 0;
  guint head = 0, tail = 0;

  if (self->group_ids == NULL)
    self->group_ids = _raad_query_run_ids (self->group_query, self->store);
  group_ids = self->group_ids;

  if (rows_usable (self))
    {
      g_autoptr(GHashTable) allowed = NULL;

      if (_raad_query_has_match (self->item_query))
        allowed = run_match (self);
      buckets = buckets_from_rows (self->rows, allowed, &n_total);
    }
  else if (old == NULL && (counts = count_items (self, &n_total)) != NULL)
    ;
  else
    buckets = run_items (self, &n_total);

  for (guint i = 0; i < group_ids->len; i++)
    {
      const char *group_id = g_ptr_array_index (group_ids, i);
      GPtrArray *bucket = buckets != NULL ? g_hash_table_lookup (buckets, group_id) : NULL;
      RaadSection *section;

      guint count = counts != NULL ? MAX (0, GPOINTER_TO_INT (g_hash_table_lookup (counts, group_id))) : 0;

      if (bucket == NULL && count == 0 && !self->show_empty)
        continue;
      section = ensure_section (self, group_id);
      if (section == NULL)
        continue;
      if (counts != NULL)
        {
          SectionLoader *loader = g_new0 (SectionLoader, 1);

          loader->store = g_object_ref (self->store);
          loader->query = raad_query_ref (self->item_query);
          loader->group_field = g_strdup (self->group_field);
          loader->group_array_field = g_strdup (self->group_array_field);
          loader->group = g_strdup (group_id);
          _raad_record_list_set_counted (section->items, count, load_section_ids, loader,
                                         section_loader_free);
        }
      else
        _raad_record_list_set_ids (section->items, bucket != NULL ? bucket : empty);
      g_ptr_array_add (sections, section);
    }

  /* Forget sections no longer listed, so they do not hold their records. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, self->by_group);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      if (!g_ptr_array_find (sections, value, NULL))
        g_hash_table_iter_remove (&iter);
  }

  self->sections = sections;
  while (old != NULL && head < old->len && head < sections->len &&
         g_ptr_array_index (old, head) == g_ptr_array_index (sections, head))
    head++;
  while (old != NULL && tail < old->len - head && tail < sections->len - head &&
         g_ptr_array_index (old, old->len - 1 - tail) ==
         g_ptr_array_index (sections, sections->len - 1 - tail))
    tail++;
  if (old == NULL || head != old->len || head != sections->len)
    g_list_model_items_changed (G_LIST_MODEL (self), head,
                                (old != NULL ? old->len : 0) - head - tail,
                                sections->len - head - tail);
  if (n_total != self->n_total)
    {
      self->n_total = n_total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
    }
}

static void
on_store_changed (RaadStore       *store,
                  GStrv            types,
                  GStrv            ids,
                  RaadSectionList *self)
{
  for (guint i = 0; types[i]; i++)
    {
      if (_raad_query_depends_on (self->group_query, types[i]) ||
          _raad_query_depends_on (self->item_query, types[i]))
        {
          raad_section_list_forget_rows (self);
          g_clear_pointer (&self->group_ids, g_ptr_array_unref);
          refresh (self);
          return;
        }
    }
}

/* GListModel */

static GType
get_item_type (GListModel *model)
{
  return RAAD_TYPE_SECTION;
}

static guint
get_n_items (GListModel *model)
{
  return RAAD_SECTION_LIST (model)->sections->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  RaadSectionList *self = RAAD_SECTION_LIST (model);

  if (position >= self->sections->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->sections, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* Object */

static void
raad_section_list_dispose (GObject *object)
{
  RaadSectionList *self = (RaadSectionList *) object;

  g_clear_signal_handler (&self->changed_handler, self->store);
  raad_section_list_forget_rows (self);
  g_clear_pointer (&self->group_ids, g_ptr_array_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->by_group, g_hash_table_unref);

  G_OBJECT_CLASS (raad_section_list_parent_class)->dispose (object);
}

static void
raad_section_list_finalize (GObject *object)
{
  RaadSectionList *self = (RaadSectionList *) object;

  g_clear_pointer (&self->group_query, raad_query_unref);
  g_clear_pointer (&self->item_query, raad_query_unref);
  g_clear_object (&self->store);
  g_free (self->group_field);
  g_free (self->group_array_field);
  g_free (self->rows_sql);

  G_OBJECT_CLASS (raad_section_list_parent_class)->finalize (object);
}

static void
raad_section_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RaadSectionList *self = RAAD_SECTION_LIST (object);

  switch (prop_id)
    {
    case PROP_N_TOTAL:
      g_value_set_uint (value, self->n_total);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_section_list_class_init (RaadSectionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = raad_section_list_dispose;
  object_class->finalize = raad_section_list_finalize;
  object_class->get_property = raad_section_list_get_property;

  properties[PROP_N_TOTAL] =
    g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
raad_section_list_init (RaadSectionList *self)
{
  self->show_empty = TRUE;
  self->by_group = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

RaadSectionList *
raad_section_list_new (RaadStore  *store,
                       RaadQuery  *group_query,
                       RaadQuery  *item_query,
                       const char *group_field,
                       const char *group_array_field)
{
  RaadSectionList *self;

  g_return_val_if_fail (RAAD_IS_STORE (store), NULL);
  g_return_val_if_fail (group_query != NULL && item_query != NULL, NULL);
  g_return_val_if_fail (group_field != NULL, NULL);

  self = g_object_new (RAAD_TYPE_SECTION_LIST, NULL);
  self->store = g_object_ref (store);
  self->group_query = raad_query_ref (group_query);
  self->item_query = raad_query_ref (item_query);
  self->group_field = g_strdup (group_field);
  self->group_array_field = g_strdup (group_array_field);
  refresh (self);
  self->changed_handler = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed),
                                            self);
  return self;
}

void
raad_section_list_set_item_query (RaadSectionList *self,
                                  RaadQuery       *item_query)
{
  g_return_if_fail (RAAD_IS_SECTION_LIST (self));
  g_return_if_fail (item_query != NULL);

  if (self->item_query == item_query)
    return;
  g_clear_pointer (&self->item_query, raad_query_unref);
  self->item_query = raad_query_ref (item_query);
  refresh (self);
}

RaadQuery *
raad_section_list_get_item_query (RaadSectionList *self)
{
  g_return_val_if_fail (RAAD_IS_SECTION_LIST (self), NULL);
  return self->item_query;
}

void
raad_section_list_set_show_empty (RaadSectionList *self,
                                  gboolean         show_empty)
{
  g_return_if_fail (RAAD_IS_SECTION_LIST (self));

  show_empty = !!show_empty;
  if (self->show_empty == show_empty)
    return;
  self->show_empty = show_empty;
  refresh (self);
}

guint
raad_section_list_get_n_total (RaadSectionList *self)
{
  g_return_val_if_fail (RAAD_IS_SECTION_LIST (self), 0);
  return self->n_total;
}

guint
raad_section_list_find (RaadSectionList *self,
                        const char      *group_id)
{
  g_return_val_if_fail (RAAD_IS_SECTION_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->sections->len; i++)
    {
      RaadSection *section = g_ptr_array_index (self->sections, i);

      if (g_strcmp0 (raad_record_get_id (section->record), group_id) == 0)
        return i;
    }
  return G_MAXUINT;
}

void
raad_section_list_forget_rows (RaadSectionList *self)
{
  g_return_if_fail (RAAD_IS_SECTION_LIST (self));

  self->rows_generation++;
  g_cancellable_cancel (self->rows_cancellable);
  g_clear_object (&self->rows_cancellable);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->rows_sql, g_free);
}

void
raad_section_list_read_rows (RaadSectionList *self)
{
  g_autoptr(GTask) task = NULL;
  RowsTask *data;
  const char *path;

  g_return_if_fail (RAAD_IS_SECTION_LIST (self));

  path = raad_store_get_path (self->store);
  if (self->rows_cancellable != NULL || path == NULL
      || _raad_query_has_conditions (self->item_query))
    return;

  data = g_new0 (RowsTask, 1);
  data->path = g_strdup (path);
  data->params = g_ptr_array_new_with_free_func (g_free);
  data->sql = rows_sql_for (self, data->params);
  data->generation = self->rows_generation;
  if (self->rows != NULL && g_strcmp0 (self->rows_sql, data->sql) == 0)
    {
      rows_task_free (data);
      return;
    }
  self->rows_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->rows_cancellable, rows_read_cb, NULL);
  g_task_set_task_data (task, data, rows_task_free);
  g_task_run_in_thread (task, read_rows_thread);
}

gboolean
raad_section_list_get_reading_rows (RaadSectionList *self)
{
  g_return_val_if_fail (RAAD_IS_SECTION_LIST (self), FALSE);

  return self->rows_cancellable != NULL;
}
