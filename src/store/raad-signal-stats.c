/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-signal-stats.c: signals counted per theme per quarter, and a period's signals, in SQL */

/* Design. The theme chart must come up within a frame with 10,000 signals, so counting is one
 * query that reads the received date, theme and location of the council's signals from an
 * index holding all three (migration 6): no body is parsed and no record object is made.
 * Counting per theme and quarter is then a hash table. Quarters without a signal are filled
 * in so that the time axis has no holes. */

#define G_LOG_DOMAIN "raad-signal-stats"

#include "config.h"

#include <string.h>

#include "raad-signal-stats.h"
#include "raad-store-private.h"

struct _RaadSignalStats
{
  gatomicrefcount ref_count;
  int             first;       /* year * 4 + quarter - 1 of quarter 0 */
  guint           n_quarters;
  GPtrArray      *themes;      /* char*, sorted */
  guint          *counts;      /* [quarter * n_themes + theme] */
  guint           total;
};

G_DEFINE_BOXED_TYPE (RaadSignalStats, raad_signal_stats, raad_signal_stats_ref,
                     raad_signal_stats_unref)

static const char fields_sql[] =
  "SELECT f_received, f_theme, f_location FROM documents INDEXED BY documents_received"
  " WHERE type = 'signal' AND f_council_id = ?1 AND deleted = 0";

typedef void (*SignalFunc) (const char *received,
                            gsize       received_len,
                            const char *theme,
                            gsize       theme_len,
                            const char *location,
                            gsize       location_len,
                            gpointer    user_data);

/* Calls @func for each live signal of @council_id with its received, theme and location. */
static gboolean
scan_signals (RaadStore   *store,
              const char  *council_id,
              SignalFunc   func,
              gpointer     user_data,
              GError     **error)
{
  sqlite3 *db = _raad_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, fields_sql, -1, &stmt, NULL) != SQLITE_OK)
    return _raad_store_set_sql_error (db, error);
  sqlite3_bind_text (stmt, 1, council_id != NULL ? council_id : "", -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *values[3];
      gsize lengths[3];

      for (int i = 0; i < 3; i++)
        {
          values[i] = sqlite3_column_type (stmt, i) == SQLITE_TEXT
                      ? (const char *) sqlite3_column_text (stmt, i) : NULL;
          lengths[i] = values[i] != NULL ? (gsize) sqlite3_column_bytes (stmt, i) : 0;
        }
      func (values[0], lengths[0], values[1], lengths[1], values[2], lengths[2], user_data);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _raad_store_set_sql_error (db, error);
  return TRUE;
}

static int
compare_themes (gconstpointer a,
                gconstpointer b)
{
  const char *x = *(const char * const *) a;
  const char *y = *(const char * const *) b;
  g_autofree char *fx = g_utf8_casefold (x, -1);
  g_autofree char *fy = g_utf8_casefold (y, -1);
  int result = g_utf8_collate (fx, fy);

  return result != 0 ? result : strcmp (x, y);
}

static gboolean
span_equals (const char *span,
             gsize       len,
             const char *text)
{
  return span != NULL && strlen (text) == len && memcmp (span, text, len) == 0;
}

typedef struct
{
  const char *from;
  const char *to;
  const char *location;
  const char *theme;
  GHashTable *counts;    /* theme → GHashTable (quarter key → count) */
  int         first;
  int         last;
  guint       total;
} Count;

static void
count_signal (const char *received,
              gsize       received_len,
              const char *theme,
              gsize       theme_len,
              const char *location,
              gsize       location_len,
              gpointer    user_data)
{
  Count *count = user_data;
  g_autofree char *theme_text = NULL;
  GHashTable *per_quarter;
  int year, month, key;
  char date[11];

  /* YYYY-MM… only. */
  if (received == NULL || received_len < 7 || received[4] != '-'
      || !g_ascii_isdigit (received[0]) || !g_ascii_isdigit (received[1])
      || !g_ascii_isdigit (received[2]) || !g_ascii_isdigit (received[3])
      || !g_ascii_isdigit (received[5]) || !g_ascii_isdigit (received[6]))
    return;
  memcpy (date, received, MIN (received_len, 10));
  date[MIN (received_len, 10)] = '\0';
  if ((count->from != NULL && strcmp (date, count->from) < 0)
      || (count->to != NULL && strcmp (date, count->to) > 0)
      || (count->location != NULL && !span_equals (location, location_len, count->location))
      || (count->theme != NULL && !span_equals (theme, theme_len, count->theme)))
    return;
  year = (received[0] - '0') * 1000 + (received[1] - '0') * 100 + (received[2] - '0') * 10
         + (received[3] - '0');
  month = (received[5] - '0') * 10 + (received[6] - '0');
  if (month < 1 || month > 12)
    return;
  key = year * 4 + (month - 1) / 3;

  theme_text = theme != NULL ? g_strndup (theme, theme_len) : g_strdup ("");
  per_quarter = g_hash_table_lookup (count->counts, theme_text);
  if (per_quarter == NULL)
    {
      per_quarter = g_hash_table_new (NULL, NULL);
      g_hash_table_insert (count->counts, g_steal_pointer (&theme_text), per_quarter);
    }
  g_hash_table_insert (per_quarter, GINT_TO_POINTER (key),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (per_quarter,
                                                                                GINT_TO_POINTER (key))) + 1));
  count->first = MIN (count->first, key);
  count->last = MAX (count->last, key);
  count->total++;
}

RaadSignalStats *
raad_signal_stats_query (RaadStore   *store,
                         const char  *council_id,
                         const char  *from,
                         const char  *to,
                         const char  *location,
                         const char  *theme,
                         GError     **error)
{
  g_autoptr(GHashTable) counts = NULL;
  RaadSignalStats *self;
  Count count = { 0 };
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (RAAD_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                  (GDestroyNotify) g_hash_table_unref);
  count.from = from;
  count.to = to;
  count.location = location;
  count.theme = theme;
  count.counts = counts;
  count.first = G_MAXINT;
  count.last = G_MININT;
  if (!scan_signals (store, council_id, count_signal, &count, error))
    return NULL;

  self = g_new0 (RaadSignalStats, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->themes = g_ptr_array_new_with_free_func (g_free);
  if (count.total == 0)
    return self;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (self->themes, g_strdup (key));
  g_ptr_array_sort (self->themes, compare_themes);

  self->first = count.first;
  self->n_quarters = count.last - count.first + 1;
  self->total = count.total;
  self->counts = g_new0 (guint, self->n_quarters * self->themes->len);
  for (guint t = 0; t < self->themes->len; t++)
    {
      GHashTable *per_quarter = g_hash_table_lookup (counts, g_ptr_array_index (self->themes, t));

      g_hash_table_iter_init (&iter, per_quarter);
      while (g_hash_table_iter_next (&iter, &key, &value))
        self->counts[(GPOINTER_TO_INT (key) - count.first) * self->themes->len + t] =
          GPOINTER_TO_UINT (value);
    }
  return self;
}

RaadSignalStats *
raad_signal_stats_ref (RaadSignalStats *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
raad_signal_stats_unref (RaadSignalStats *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_ptr_array_unref (self->themes);
  g_free (self->counts);
  g_free (self);
}

guint
raad_signal_stats_get_n_quarters (RaadSignalStats *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_quarters;
}

void
raad_signal_stats_get_quarter (RaadSignalStats *self,
                               guint            index,
                               int             *year,
                               int             *quarter)
{
  int key;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->n_quarters);

  key = self->first + (int) index;
  if (year != NULL)
    *year = key / 4;
  if (quarter != NULL)
    *quarter = key % 4 + 1;
}

guint
raad_signal_stats_get_n_themes (RaadSignalStats *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->themes->len;
}

const char *
raad_signal_stats_get_theme (RaadSignalStats *self,
                             guint            index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->themes->len, NULL);

  return g_ptr_array_index (self->themes, index);
}

guint
raad_signal_stats_get_count (RaadSignalStats *self,
                             guint            quarter_index,
                             guint            theme_index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (quarter_index < self->n_quarters, 0);
  g_return_val_if_fail (theme_index < self->themes->len, 0);

  return self->counts[quarter_index * self->themes->len + theme_index];
}

guint
raad_signal_stats_get_quarter_total (RaadSignalStats *self,
                                     guint            quarter_index)
{
  guint total = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (quarter_index < self->n_quarters, 0);

  for (guint t = 0; t < self->themes->len; t++)
    total += self->counts[quarter_index * self->themes->len + t];
  return total;
}

guint
raad_signal_stats_get_theme_total (RaadSignalStats *self,
                                   guint            theme_index)
{
  guint total = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (theme_index < self->themes->len, 0);

  for (guint q = 0; q < self->n_quarters; q++)
    total += self->counts[q * self->themes->len + theme_index];
  return total;
}

guint
raad_signal_stats_get_total (RaadSignalStats *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->total;
}

static void
collect_location (const char *received,
                  gsize       received_len,
                  const char *theme,
                  gsize       theme_len,
                  const char *location,
                  gsize       location_len,
                  gpointer    user_data)
{
  if (location != NULL && location_len > 0)
    g_hash_table_add (user_data, g_strndup (location, location_len));
}

static void
collect_theme (const char *received,
               gsize       received_len,
               const char *theme,
               gsize       theme_len,
               const char *location,
               gsize       location_len,
               gpointer    user_data)
{
  if (theme != NULL && theme_len > 0)
    g_hash_table_add (user_data, g_strndup (theme, theme_len));
}

static GStrv
list_distinct (RaadStore  *store,
               const char *council_id,
               SignalFunc  collect)
{
  g_autoptr(GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key;

  if (!scan_signals (store, council_id, collect, set, &error))
    g_warning ("Cannot list the signals' themes or locations: %s", error->message);
  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (values, key);
  g_ptr_array_sort (values, compare_themes);
  for (guint i = 0; i < values->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (values, i));
  return g_strv_builder_end (builder);
}

GStrv
raad_signal_stats_list_locations (RaadStore  *store,
                                  const char *council_id)
{
  g_return_val_if_fail (RAAD_IS_STORE (store), NULL);

  return list_distinct (store, council_id, collect_location);
}

GStrv
raad_signal_stats_list_themes (RaadStore  *store,
                               const char *council_id)
{
  g_return_val_if_fail (RAAD_IS_STORE (store), NULL);

  return list_distinct (store, council_id, collect_theme);
}

static void
bind_or_null (sqlite3_stmt *stmt,
              int           index,
              const char   *value)
{
  if (value != NULL)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

GPtrArray *
raad_signal_stats_list_bodies (RaadStore   *store,
                               const char  *council_id,
                               const char  *from,
                               const char  *to,
                               GError     **error)
{
  static const char sql[] =
    "SELECT body FROM documents"
    " WHERE type = 'signal' AND f_council_id = ?1 AND deleted = 0"
    "   AND (?2 IS NULL OR f_received >= ?2)"
    "   AND (?3 IS NULL OR substr (f_received, 1, 10) <= ?3)"
    " ORDER BY f_received, id";
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GPtrArray) bodies = NULL;
  int rc;

  g_return_val_if_fail (RAAD_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = _raad_store_get_db (store);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _raad_store_set_sql_error (db, error);
      return NULL;
    }
  bind_or_null (stmt, 1, council_id != NULL ? council_id : "");
  bind_or_null (stmt, 2, from);
  bind_or_null (stmt, 3, to);

  bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GError) parse_error = NULL;
      JsonObject *body = _raad_json_parse_object ((const char *) sqlite3_column_text (stmt, 0),
                                                  &parse_error);

      if (body == NULL)
        g_warning ("A signal's body cannot be read: %s", parse_error->message);
      else
        g_ptr_array_add (bodies, body);
    }
  if (rc != SQLITE_DONE)
    {
      _raad_store_set_sql_error (db, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&bodies);
}

char *
raad_signal_stats_quarter_start (int year,
                                 int quarter)
{
  g_return_val_if_fail (quarter >= 1 && quarter <= 4, NULL);

  return g_strdup_printf ("%04d-%02d-01", year, (quarter - 1) * 3 + 1);
}

char *
raad_signal_stats_quarter_end (int year,
                               int quarter)
{
  static const int last_day[] = { 31, 30, 30, 31 };

  g_return_val_if_fail (quarter >= 1 && quarter <= 4, NULL);

  return g_strdup_printf ("%04d-%02d-%02d", year, quarter * 3, last_day[quarter - 1]);
}
