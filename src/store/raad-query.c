/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-query.c: which documents a list shows and in what order, run in SQL */

/* A query is a small description (type, conditions on JSON fields, a full-text match,
 * ordering) that turns into one SELECT of ids over `documents`; SQLite filters, searches
 * (FTS5, prefix per word) and sorts, so lists never filter thousands of objects in C. Field
 * names go into the SQL text and are checked to be plain identifiers; values are bound. */

#define G_LOG_DOMAIN "raad-query"

#include "config.h"

#include <string.h>

#include "raad-query.h"
#include "raad-store-private.h"

typedef enum
{
  COND_EQUALS,
  COND_LESS_THAN,
  COND_CONTAINS,
  COND_EQUALS_OR_CONTAINS,
  COND_REFERENCED_BY,
} CondKind;

typedef struct
{
  CondKind   kind;
  char      *field;
  char      *array_field;
  char      *value;
  RaadQuery *child;
} Cond;

typedef struct
{
  char  *field;
  gboolean descending;
  gboolean binary;     /* order keys compare byte by byte, text without case */
  GStrv  ranks;
} Order;

struct _RaadQuery
{
  gatomicrefcount ref_count;
  char           *type;
  GPtrArray      *conds;
  char           *match;
  GPtrArray      *match_via;       /* field names */
  GPtrArray      *match_via_types; /* the types they point to */
  GPtrArray      *orders;
};

G_DEFINE_BOXED_TYPE (RaadQuery, raad_query, raad_query_ref, raad_query_unref)

static void
cond_free (gpointer data)
{
  Cond *cond = data;

  g_free (cond->field);
  g_free (cond->array_field);
  g_free (cond->value);
  g_clear_pointer (&cond->child, raad_query_unref);
  g_free (cond);
}

static void
order_free (gpointer data)
{
  Order *order = data;

  g_free (order->field);
  g_strfreev (order->ranks);
  g_free (order);
}

static gboolean
field_is_valid (const char *field)
{
  if (field == NULL || *field == '\0')
    return FALSE;
  for (const char *p = field; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

#define CHECK_FIELD(field)                                          \
  G_STMT_START {                                                    \
    if (!field_is_valid (field))                                    \
      {                                                             \
        g_critical ("“%s” is not a valid field name", field);       \
        return;                                                     \
      }                                                             \
  } G_STMT_END

RaadQuery *
raad_query_new (const char *type)
{
  RaadQuery *self = g_new0 (RaadQuery, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->type = g_strdup (type);
  self->conds = g_ptr_array_new_with_free_func (cond_free);
  self->match_via = g_ptr_array_new_with_free_func (g_free);
  self->match_via_types = g_ptr_array_new_with_free_func (g_free);
  self->orders = g_ptr_array_new_with_free_func (order_free);
  return self;
}

RaadQuery *
raad_query_ref (RaadQuery *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
raad_query_unref (RaadQuery *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->type);
  g_ptr_array_unref (self->conds);
  g_free (self->match);
  g_ptr_array_unref (self->match_via);
  g_ptr_array_unref (self->match_via_types);
  g_ptr_array_unref (self->orders);
  g_free (self);
}

const char *
raad_query_get_doc_type (RaadQuery *self)
{
  return self->type;
}

static void
add_cond (RaadQuery  *self,
          CondKind    kind,
          const char *field,
          const char *array_field,
          const char *value,
          RaadQuery  *child)
{
  Cond *cond = g_new0 (Cond, 1);

  cond->kind = kind;
  cond->field = g_strdup (field);
  cond->array_field = g_strdup (array_field);
  cond->value = g_strdup (value);
  cond->child = child != NULL ? raad_query_ref (child) : NULL;
  g_ptr_array_add (self->conds, cond);
}

void
raad_query_where_equals (RaadQuery  *self,
                         const char *field,
                         const char *value)
{
  CHECK_FIELD (field);
  add_cond (self, COND_EQUALS, field, NULL, value, NULL);
}

void
raad_query_where_less_than (RaadQuery  *self,
                            const char *field,
                            const char *value)
{
  CHECK_FIELD (field);
  add_cond (self, COND_LESS_THAN, field, NULL, value, NULL);
}

void
raad_query_where_contains (RaadQuery  *self,
                           const char *field,
                           const char *value)
{
  CHECK_FIELD (field);
  add_cond (self, COND_CONTAINS, field, NULL, value, NULL);
}

void
raad_query_where_equals_or_contains (RaadQuery  *self,
                                     const char *field,
                                     const char *array_field,
                                     const char *value)
{
  CHECK_FIELD (field);
  CHECK_FIELD (array_field);
  add_cond (self, COND_EQUALS_OR_CONTAINS, field, array_field, value, NULL);
}

void
raad_query_where_referenced_by (RaadQuery  *self,
                                RaadQuery  *child,
                                const char *child_field,
                                const char *child_array_field)
{
  CHECK_FIELD (child_field);
  if (child_array_field != NULL)
    CHECK_FIELD (child_array_field);
  add_cond (self, COND_REFERENCED_BY, child_field, child_array_field, NULL, child);
}

void
raad_query_match (RaadQuery  *self,
                  const char *text)
{
  g_free (self->match);
  self->match = g_strdup (text);
}

void
raad_query_match_also_via_type (RaadQuery  *self,
                                const char *field,
                                const char *type)
{
  CHECK_FIELD (field);
  g_ptr_array_add (self->match_via, g_strdup (field));
  g_ptr_array_add (self->match_via_types, g_strdup (type));
}

void
raad_query_match_also_via (RaadQuery  *self,
                           const char *field)
{
  g_autofree char *type = NULL;

  CHECK_FIELD (field);
  type = g_str_has_suffix (field, "_id") ? g_strndup (field, strlen (field) - 3) : g_strdup (field);
  raad_query_match_also_via_type (self, field, type);
}

void
raad_query_order_by (RaadQuery  *self,
                     const char *field,
                     gboolean    descending)
{
  Order *order;

  CHECK_FIELD (field);
  order = g_new0 (Order, 1);
  order->field = g_strdup (field);
  order->descending = descending;
  g_ptr_array_add (self->orders, order);
}

void
raad_query_order_by_key (RaadQuery  *self,
                         const char *field)
{
  Order *order;

  raad_query_order_by (self, field, FALSE);
  order = g_ptr_array_index (self->orders, self->orders->len - 1);
  order->binary = TRUE;
}

void
raad_query_order_by_rank (RaadQuery          *self,
                          const char         *field,
                          const char * const *ranks)
{
  Order *order;

  CHECK_FIELD (field);
  order = g_new0 (Order, 1);
  order->field = g_strdup (field);
  order->ranks = g_strdupv ((GStrv) ranks);
  g_ptr_array_add (self->orders, order);
}

/* SQL */

/* The SQL for a field's value: its stored column where it has one, else the JSON path. */
static char *
field_sql (const char *alias,
           const char *field)
{
  if (_raad_store_field_has_column (field))
    return g_strdup_printf ("%s.f_%s", alias, field);
  return g_strdup_printf ("json_extract (%s.body, '$.%s')", alias, field);
}

static void
append_where (RaadQuery  *self,
              const char *alias,
              guint       depth,
              GString    *sql,
              GPtrArray  *params)
{
  g_string_append_printf (sql, "%s.type = ? AND %s.deleted = 0", alias, alias);
  g_ptr_array_add (params, g_strdup (self->type));

  for (guint i = 0; i < self->conds->len; i++)
    {
      Cond *cond = g_ptr_array_index (self->conds, i);

      switch (cond->kind)
        {
        case COND_EQUALS:
          {
            g_autofree char *f = field_sql (alias, cond->field);

            g_string_append_printf (sql, " AND %s = ?", f);
            g_ptr_array_add (params, g_strdup (cond->value));
          }
          break;

        case COND_LESS_THAN:
          {
            g_autofree char *f = field_sql (alias, cond->field);

            g_string_append_printf (sql, " AND %s < ?", f);
            g_ptr_array_add (params, g_strdup (cond->value));
          }
          break;

        case COND_CONTAINS:
          {
            g_autofree char *f = field_sql (alias, cond->field);

            /* json_each over the array alone: a column holds it as JSON text. */
            g_string_append_printf (sql, " AND EXISTS (SELECT 1 FROM json_each (%s) WHERE value = ?)", f);
            g_ptr_array_add (params, g_strdup (cond->value));
          }
          break;

        case COND_EQUALS_OR_CONTAINS:
          {
            g_autofree char *f = field_sql ("y", cond->field);
            g_autofree char *a = field_sql ("y", cond->array_field);

            /* Two indexed lookups rather than one scan with OR: arrays such as linking pins
             * are rare, and a partial index holds the documents that have one. */
            g_string_append_printf (sql, " AND %s.rowid IN (SELECT y.rowid FROM documents y "
                                         "WHERE y.type = ? AND %s = ? UNION ALL SELECT y.rowid "
                                         "FROM documents y WHERE y.type = ? AND %s IS NOT NULL "
                                         "AND EXISTS (SELECT 1 FROM json_each (%s) WHERE value = ?))",
                                    alias, f, a, a);
            g_ptr_array_add (params, g_strdup (self->type));
            g_ptr_array_add (params, g_strdup (cond->value));
            g_ptr_array_add (params, g_strdup (self->type));
            g_ptr_array_add (params, g_strdup (cond->value));
          }
          break;

        case COND_REFERENCED_BY:
          {
            g_autofree char *child_alias = g_strdup_printf ("c%u", depth + 1);
            g_autofree char *f = field_sql (child_alias, cond->field);

            g_string_append_printf (sql, " AND %s.id IN (SELECT %s FROM documents %s WHERE ",
                                    alias, f, child_alias);
            append_where (cond->child, child_alias, depth + 1, sql, params);
            if (cond->array_field != NULL)
              {
                g_autofree char *a = field_sql (child_alias, cond->array_field);

                g_string_append_printf (sql, " UNION SELECT j.value FROM documents %s, "
                                             "json_each (%s) j WHERE ", child_alias, a);
                append_where (cond->child, child_alias, depth + 1, sql, params);
              }
            g_string_append (sql, ")");
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (self->match != NULL)
    {
      g_auto(GStrv) tokens = _raad_store_fts_tokens (self->match);

      /* Every word must match the document or one it points to, each on its own. The first
       * word drives: its matches (and the documents pointing at documents it matches, through
       * an indexed column) are the candidates, so SQLite never scans the whole type. */
      for (guint i = 0; tokens[i]; i++)
        {
          g_autofree char *term = g_strdup_printf ("\"%s\"*", tokens[i]);

          if (i == 0)
            {
              g_string_append_printf (sql, " AND %s.rowid IN (SELECT rowid FROM search "
                                           "WHERE search MATCH ?", alias);
              g_ptr_array_add (params, g_strdup (term));
              for (guint j = 0; j < self->match_via->len; j++)
                {
                  g_autofree char *f = field_sql ("x", g_ptr_array_index (self->match_via, j));

                  g_string_append_printf (sql, " UNION SELECT x.rowid FROM documents x "
                                               "WHERE x.type = ? AND %s IN (SELECT v.id FROM "
                                               "documents v WHERE v.type = ? AND v.deleted = 0 "
                                               "AND v.rowid IN (SELECT rowid FROM search WHERE "
                                               "search MATCH ?))", f);
                  g_ptr_array_add (params, g_strdup (self->type));
                  g_ptr_array_add (params, g_strdup (g_ptr_array_index (self->match_via_types, j)));
                  g_ptr_array_add (params, g_strdup (term));
                }
              g_string_append (sql, ")");
              continue;
            }

          g_string_append_printf (sql, " AND (%s.rowid IN (SELECT rowid FROM search "
                                       "WHERE search MATCH ?)", alias);
          g_ptr_array_add (params, g_strdup (term));
          for (guint j = 0; j < self->match_via->len; j++)
            {
              g_autofree char *f = field_sql (alias, g_ptr_array_index (self->match_via, j));

              g_string_append_printf (sql, " OR %s IN (SELECT v.id FROM documents v WHERE "
                                           "v.type = ? AND v.deleted = 0 AND v.rowid IN "
                                           "(SELECT rowid FROM search WHERE search MATCH ?))", f);
              g_ptr_array_add (params, g_strdup (g_ptr_array_index (self->match_via_types, j)));
              g_ptr_array_add (params, g_strdup (term));
            }
          g_string_append (sql, ")");
        }
    }
}

/* @select, then the values of @extra_fields, of the documents the query selects, in order. */
static char *
query_to_sql (RaadQuery          *self,
              const char         *select,
              const char * const *extra_fields,
              GPtrArray          *params)
{
  GString *sql = g_string_new (select);

  for (guint i = 0; extra_fields != NULL && extra_fields[i]; i++)
    {
      g_autofree char *f = field_sql ("d", extra_fields[i]);

      g_string_append_printf (sql, ", %s", f);
    }
  g_string_append (sql, " FROM documents d WHERE ");

  append_where (self, "d", 0, sql, params);
  g_string_append (sql, " ORDER BY ");
  for (guint i = 0; i < self->orders->len; i++)
    {
      Order *order = g_ptr_array_index (self->orders, i);

      if (order->ranks != NULL)
        {
          guint n = g_strv_length (order->ranks);

          g_autofree char *f = field_sql ("d", order->field);

          g_string_append_printf (sql, "CASE %s", f);
          for (guint r = 0; r < n; r++)
            {
              g_string_append_printf (sql, " WHEN ? THEN %u", r);
              g_ptr_array_add (params, g_strdup (order->ranks[r]));
            }
          g_string_append_printf (sql, " ELSE %u END, ", n);
        }
      else
        {
          g_autofree char *f = field_sql ("d", order->field);

          g_string_append_printf (sql, "%s COLLATE %s %s, ", f,
                                  order->binary ? "BINARY" : "NOCASE",
                                  order->descending ? "DESC" : "ASC");
        }
    }
  g_string_append (sql, "d.id");
  return g_string_free (sql, FALSE);
}

char *
_raad_query_to_sql (RaadQuery *self,
                    GPtrArray *params)
{
  return query_to_sql (self, "SELECT d.id", NULL, params);
}

char *
_raad_query_to_sql_with (RaadQuery          *self,
                         const char * const *extra_fields,
                         GPtrArray          *params)
{
  return query_to_sql (self, "SELECT d.id", extra_fields, params);
}

char *
_raad_query_to_sql_rows (RaadQuery          *self,
                         const char * const *extra_fields,
                         GPtrArray          *params)
{
  return query_to_sql (self, "SELECT d.id, d.rowid", extra_fields, params);
}

/* The text match as a set of rowids: for each word, the documents it matches and those
 * pointing (match_via) at a document it matches; every word must hold. Documents of other
 * types or deleted ones may be in the set: the caller intersects it with its rows. */
char *
_raad_query_to_match_sql (RaadQuery *self,
                          GPtrArray *params)
{
  g_auto(GStrv) tokens = NULL;
  GString *sql;

  if (self->match == NULL)
    return NULL;
  tokens = _raad_store_fts_tokens (self->match);
  if (tokens == NULL || tokens[0] == NULL)
    return NULL;

  sql = g_string_new (NULL);
  for (guint i = 0; tokens[i]; i++)
    {
      g_autofree char *term = g_strdup_printf ("\"%s\"*", tokens[i]);

      if (i > 0)
        g_string_append (sql, " INTERSECT ");
      g_string_append (sql, "SELECT r FROM (SELECT rowid AS r FROM search WHERE search MATCH ?");
      g_ptr_array_add (params, g_strdup (term));
      for (guint j = 0; j < self->match_via->len; j++)
        {
          g_autofree char *f = field_sql ("x", g_ptr_array_index (self->match_via, j));

          g_string_append_printf (sql, " UNION SELECT x.rowid FROM documents x "
                                       "WHERE x.type = ? AND %s IN (SELECT v.id FROM "
                                       "documents v WHERE v.type = ? AND v.deleted = 0 "
                                       "AND v.rowid IN (SELECT rowid FROM search WHERE "
                                       "search MATCH ?))", f);
          g_ptr_array_add (params, g_strdup (self->type));
          g_ptr_array_add (params, g_strdup (g_ptr_array_index (self->match_via_types, j)));
          g_ptr_array_add (params, g_strdup (term));
        }
      g_string_append (sql, ")");
    }
  return g_string_free (sql, FALSE);
}

gboolean
_raad_query_has_conditions (RaadQuery *self)
{
  return self->conds->len > 0;
}

gboolean
_raad_query_has_match (RaadQuery *self)
{
  return self->match != NULL;
}

RaadQuery *
_raad_query_copy_without_match (RaadQuery *self)
{
  RaadQuery *copy = raad_query_new (self->type);

  for (guint i = 0; i < self->conds->len; i++)
    {
      Cond *cond = g_ptr_array_index (self->conds, i);

      add_cond (copy, cond->kind, cond->field, cond->array_field, cond->value, cond->child);
    }
  for (guint i = 0; i < self->orders->len; i++)
    {
      Order *order = g_ptr_array_index (self->orders, i);

      if (order->ranks != NULL)
        raad_query_order_by_rank (copy, order->field, (const char * const *) order->ranks);
      else
        raad_query_order_by (copy, order->field, order->descending);
    }
  return copy;
}

gboolean
_raad_query_depends_on (RaadQuery  *self,
                        const char *type)
{
  if (g_strcmp0 (self->type, type) == 0)
    return TRUE;
  /* A match through another document changes when that one does. */
  if (self->match != NULL && self->match_via->len > 0)
    return TRUE;
  for (guint i = 0; i < self->conds->len; i++)
    {
      Cond *cond = g_ptr_array_index (self->conds, i);

      if (cond->child != NULL && _raad_query_depends_on (cond->child, type))
        return TRUE;
    }
  return FALSE;
}

GPtrArray *
_raad_query_run_ids (RaadQuery *self,
                     RaadStore *store)
{
  sqlite3 *db = _raad_store_get_db (store);
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = _raad_query_to_sql (self, params);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_warning ("Query failed: %s (%s)", sqlite3_errmsg (db), sql);
      return ids;
    }
  for (guint i = 0; i < params->len; i++)
    sqlite3_bind_text (stmt, i + 1, g_ptr_array_index (params, i), -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    g_warning ("Query failed: %s", sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return ids;
}
