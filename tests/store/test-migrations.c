/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-migrations.c: a database of every earlier schema version migrates to the newest */
#define G_LOG_DOMAIN "test-migrations"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "raad-record-list.h"
#include "raad-signals.h"
#include "raad-test-util.h"

static void
put_member (RaadStore  *store,
            const char *id,
            const char *name,
            const char *council)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = json_object_new ();
  g_autofree char *rev = NULL;

  json_object_set_string_member (body, "name", name);
  json_object_set_string_member (body, "council_id", council);
  json_object_set_string_member (body, "hobby", "tuinieren");  /* unknown to this version */
  rev = raad_store_put (store, id, "member", NULL, body, &error);
  g_assert_no_error (error);
}

/* A signal whose feedback was due on 1 March 2026 and not given. */
static void
put_signal (RaadStore  *store,
            const char *id,
            const char *received)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = json_object_new ();
  g_autofree char *rev = NULL;

  json_object_set_string_member (body, "council_id", "council-a");
  json_object_set_string_member (body, "received", received);
  json_object_set_string_member (body, "location", "Rozengaard");
  json_object_set_string_member (body, "theme", "Eten en drinken");
  json_object_set_string_member (body, "status", "new");
  json_object_set_boolean_member (body, "feedback_owed", TRUE);
  json_object_set_string_member (body, "feedback_due", "2026-03-01");
  rev = raad_store_put (store, id, "signal", NULL, body, &error);
  g_assert_no_error (error);
}

static gboolean
index_exists (RaadStore  *store,
              const char *name)
{
  sqlite3 *db = _raad_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  gboolean found;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_master WHERE name = ?", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return found;
}

static void
test_from_version (gconstpointer data)
{
  guint from = GPOINTER_TO_UINT (data);
  g_autofree char *dir = raad_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(RaadStore) old = raad_store_open_at_version (path, from, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (raad_store_get_version (old), ==, from);
    if (from >= 1)
      {
        put_member (old, "member-1", "Wilma Voedingsdeskundige", "council-a");
        put_member (old, "member-2", "Karel de Groot", "council-b");
        put_signal (old, "signal-1", "2026-01-15");
      }
  }

  {
    g_autoptr(RaadStore) store = raad_store_open (path, &error);
    g_autoptr(RaadQuery) search = raad_query_new ("member");
    g_autoptr(RaadQuery) by_council = raad_query_new ("member");
    g_autoptr(RaadRecordList) found = NULL;
    g_autoptr(RaadRecordList) in_b = NULL;
    g_autoptr(JsonObject) body = NULL;
    guint expected = from >= 1 ? 1 : 0;

    g_assert_no_error (error);
    g_assert_cmpuint (raad_store_get_version (store), ==, RAAD_STORE_SCHEMA_VERSION);
    g_assert_true (raad_store_check_integrity (store, &error));
    g_assert_true (index_exists (store, "documents_council"));
    g_assert_true (index_exists (store, "documents_seq"));
    g_assert_true (index_exists (store, "documents_meeting"));
    g_assert_true (index_exists (store, "documents_signal_overdue"));
    g_assert_true (index_exists (store, "documents_signal_newest"));

    /* Documents written before the search index existed are found by it. */
    raad_query_match (search, "voedings");
    found = raad_record_list_new (store, search);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, expected);
    raad_query_where_equals (by_council, "council_id", "council-b");
    in_b = raad_record_list_new (store, by_council);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (in_b)), ==, expected);

    if (from >= 1)
      {
        body = raad_store_get (store, "member-2", &error);
        g_assert_no_error (error);
        g_assert_cmpstr (json_object_get_string_member (body, "hobby"), ==, "tuinieren");
      }
    /* And the migrated file takes new writes. */
    put_member (store, "member-3", "Nieuw Lid", "council-a");
    g_assert_cmpuint (raad_store_count (store, "member"), ==, from >= 1 ? 3 : 1);

    /* Signals written before the constituency's list index: overdue first, then newest. */
    put_signal (store, "signal-2", "2026-02-20");
    {
      g_autoptr(GPtrArray) ids = raad_signals_list_ids (store, "council-a", NULL, NULL, "2026-03-02");
      guint n_overdue = 0;

      g_assert_cmpuint (raad_signals_count (store, "council-a", NULL, NULL, "2026-03-02", &n_overdue),
                        ==, from >= 1 ? 2 : 1);
      g_assert_cmpuint (n_overdue, ==, from >= 1 ? 2 : 1);
      g_assert_cmpuint (ids->len, ==, from >= 1 ? 2 : 1);
      /* Both overdue since the same day: the newer first. */
      g_assert_cmpstr (ids->pdata[0], ==, "signal-2");
      g_clear_pointer (&ids, g_ptr_array_unref);
      ids = raad_signals_list_ids (store, "council-a", NULL, NULL, "2026-02-01");
      g_assert_cmpstr (ids->pdata[0], ==, "signal-2");
      g_assert_cmpuint (raad_signals_count (store, "council-a", NULL, NULL, "2026-02-01", &n_overdue),
                        ==, ids->len);
      g_assert_cmpuint (n_overdue, ==, 0);
    }
  }
  raad_test_remove_tree (dir);
}

static void
test_too_new (void)
{
  g_autofree char *dir = raad_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "future.db", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 999", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_null (raad_store_open (path, &error));
  g_assert_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_TOO_NEW);
  raad_test_remove_tree (dir);
}

static void
test_not_a_database (void)
{
  g_autofree char *dir = raad_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "text.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "This is a letter, not a database. It is long enough "
                                      "to be taken for a header by nobody.", -1, NULL));
  g_assert_null (raad_store_open (path, &error));
  g_assert_nonnull (error);
  raad_test_remove_tree (dir);
}

/* The plan SQLite picks for @sql names @index. */
static gboolean
plan_uses (RaadStore  *store,
           const char *sql,
           const char *index)
{
  g_autofree char *explain = g_strdup_printf ("EXPLAIN QUERY PLAN %s", sql);
  sqlite3 *db = _raad_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *detail = (const char *) sqlite3_column_text (stmt, 3);

      g_test_message ("%s: %s", sql, detail);
      if (detail != NULL && strstr (detail, index) != NULL)
        found = TRUE;
    }
  sqlite3_finalize (stmt);
  return found;
}

static void
test_child_plans (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();

  /* A record's children through their parent's index, whatever other indexes exist. */
  g_assert_true (plan_uses (store, "SELECT id FROM documents WHERE type = 'agenda_item'"
                                   " AND deleted = 0 AND f_meeting_id = 'm'", "documents_meeting"));
  g_assert_true (plan_uses (store, "SELECT id FROM documents WHERE type = 'contact'"
                                   " AND deleted = 0 AND f_stakeholder_id = 's'",
                            "documents_stakeholder"));
  g_assert_true (plan_uses (store, "SELECT id FROM documents WHERE type = 'stakeholder'"
                                   " AND deleted = 0 AND f_council_id = 'c'", "documents_council"));
  /* Every record of a type in id order (a list without conditions): the index alone, no
   * sort; the query is the one a RaadRecordList runs. */
  {
    g_autoptr(RaadQuery) query = raad_query_new ("member");
    g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
    g_autofree char *sql = _raad_query_to_sql (query, params);
    g_autofree char *bound = NULL;

    g_assert_cmpuint (params->len, ==, 1);
    bound = g_strdup (sql);
    g_assert_nonnull (strchr (bound, '?'));
    {
      g_auto(GStrv) parts = g_strsplit (bound, "?", 2);

      g_free (bound);
      bound = g_strdup_printf ("%s'member'%s", parts[0], parts[1]);
    }
    g_assert_true (plan_uses (store, bound, "COVERING INDEX documents_type"));
    g_assert_false (plan_uses (store, bound, "TEMP B-TREE"));
  }
}

typedef struct
{
  const char *path;
  GError     *error;
  guint       version;
} Opener;

static gpointer
open_thread (gpointer data)
{
  Opener *opener = data;
  g_autoptr(RaadStore) store = raad_store_open (opener->path, &opener->error);

  if (store != NULL)
    opener->version = raad_store_get_version (store);
  return NULL;
}

static void
test_concurrent (void)
{
  g_autofree char *dir = raad_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "raadswerk.db", NULL);
  g_autoptr(GError) error = NULL;
  Opener openers[6] = { { 0 } };
  GThread *threads[G_N_ELEMENTS (openers)];
  RaadStore *old;

  /* An old file, opened at once by several connections (the window's, the sync's): each
   * finds it migrated, none migrates it twice. */
  old = raad_store_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  g_object_unref (old);
  for (guint i = 0; i < G_N_ELEMENTS (openers); i++)
    {
      openers[i].path = path;
      threads[i] = g_thread_new ("opener", open_thread, &openers[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (openers); i++)
    {
      g_thread_join (threads[i]);
      g_assert_no_error (openers[i].error);
      g_assert_cmpuint (openers[i].version, ==, RAAD_STORE_SCHEMA_VERSION);
    }
  raad_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint v = 0; v < RAAD_STORE_SCHEMA_VERSION; v++)
    {
      g_autofree char *name = g_strdup_printf ("/store/migrations/from-version-%u", v);
      g_test_add_data_func (name, GUINT_TO_POINTER (v), test_from_version);
    }
  g_test_add_func ("/store/migrations/too-new", test_too_new);
  g_test_add_func ("/store/migrations/child-plans", test_child_plans);
  g_test_add_func ("/store/migrations/concurrent", test_concurrent);
  g_test_add_func ("/store/migrations/not-a-database", test_not_a_database);

  return g_test_run ();
}
