/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store.c: documents, revisions, conflicts, records, search and lists over a real file */
#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "raad-agenda-item.h"
#include "raad-council.h"
#include "raad-demo.h"
#include "raad-meeting.h"
#include "raad-member.h"
#include "raad-organisation.h"
#include "raad-photo.h"
#include "raad-record-list.h"
#include "raad-section-list.h"
#include "raad-test-util.h"

static JsonObject *
body_new (const char *name)
{
  JsonObject *body = json_object_new ();

  json_object_set_string_member (body, "name", name);
  return body;
}

/* The document as a peer would send it: body, _rev and _revisions. */
static JsonObject *
export_doc (RaadStore  *store,
            const char *id,
            const char *rev)
{
  g_autoptr(GError) error = NULL;
  JsonObject *doc = raad_store_get_revision (store, id, rev, &error);
  g_auto(GStrv) path = raad_store_get_rev_path (store, id, rev);
  JsonObject *revisions = json_object_new ();
  JsonArray *ids = json_array_new ();

  g_assert_no_error (error);
  for (guint i = 0; path[i]; i++)
    json_array_add_string_element (ids, strchr (path[i], '-') + 1);
  json_object_set_int_member (revisions, "start", g_ascii_strtoll (rev, NULL, 10));
  json_object_set_array_member (revisions, "ids", ids);
  json_object_set_object_member (doc, "_revisions", revisions);
  return doc;
}

static void
test_crud (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = body_new ("Anna");
  g_autoptr(JsonObject) read = NULL;
  g_autofree char *rev1 = NULL;
  g_autofree char *rev2 = NULL;
  g_autofree char *rev3 = NULL;
  g_autofree char *stale = NULL;

  rev1 = raad_store_put (store, "m1", "member", NULL, body, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (rev1, "1-"));
  g_assert_cmpuint (strlen (rev1), ==, 2 + 32);

  read = raad_store_get (store, "m1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (read, "name"), ==, "Anna");
  g_assert_cmpstr (json_object_get_string_member (read, "type"), ==, "member");
  g_assert_cmpstr (json_object_get_string_member (read, "_rev"), ==, rev1);

  /* A second create of the same id is a conflict. */
  stale = raad_store_put (store, "m1", "member", NULL, body, &error);
  g_assert_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_CONFLICT);
  g_assert_null (stale);
  g_clear_error (&error);

  json_object_set_string_member (body, "name", "Anna B");
  rev2 = raad_store_put (store, "m1", "member", rev1, body, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (rev2, "2-"));

  /* An edit on a revision that is no leaf any more is refused, and writes nothing. */
  g_assert_null (raad_store_put (store, "m1", "member", rev1, body, &error));
  g_assert_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  {
    g_autofree char *current = raad_store_get_rev (store, "m1");
    g_assert_cmpstr (current, ==, rev2);
  }

  rev3 = raad_store_delete (store, "m1", rev2, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (rev3, "3-"));
  g_assert_false (raad_store_exists (store, "m1"));
  g_assert_cmpuint (raad_store_count (store, "member"), ==, 0);
  g_clear_pointer (&read, json_object_unref);
  read = raad_store_get (store, "m1", &error);
  g_assert_no_error (error);
  g_assert_true (json_object_get_boolean_member (read, "_deleted"));
  g_assert_cmpstr (json_object_get_string_member (read, "type"), ==, "member");

  g_assert_null (raad_store_get (store, "nope", &error));
  g_assert_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_NOT_FOUND);
}

static void
test_rev_chain (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = body_new ("x");
  g_autoptr(GPtrArray) revs = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) path = NULL;
  const char *parent = NULL;

  for (guint i = 0; i < 5; i++)
    {
      char *rev;

      json_object_set_int_member (body, "n", i);
      rev = raad_store_put (store, "doc", "thing", parent, body, &error);
      g_assert_no_error (error);
      g_assert_cmpint (g_ascii_strtoll (rev, NULL, 10), ==, i + 1);
      g_ptr_array_add (revs, rev);
      parent = rev;
    }
  path = raad_store_get_rev_path (store, "doc", parent);
  g_assert_cmpuint (g_strv_length (path), ==, 5);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpstr (path[i], ==, g_ptr_array_index (revs, 4 - i));
  /* Inner revisions lose their bodies; the leaf keeps it. */
  g_assert_null (raad_store_get_revision (store, "doc", g_ptr_array_index (revs, 0), &error));
  g_clear_error (&error);
  {
    g_autoptr(JsonObject) leaf = raad_store_get_revision (store, "doc", parent, &error);
    g_assert_no_error (error);
    g_assert_cmpint (json_object_get_int_member (leaf, "n"), ==, 4);
  }
}

static void
test_same_edit_same_rev (void)
{
  g_autoptr(RaadStore) a = raad_test_store_new ();
  g_autoptr(RaadStore) b = raad_test_store_new ();
  g_autoptr(JsonObject) body1 = json_object_new ();
  g_autoptr(JsonObject) body2 = json_object_new ();
  g_autofree char *ra = NULL;
  g_autofree char *rb = NULL;

  /* Same fields in another order: the canonical form makes the same revision id. */
  json_object_set_string_member (body1, "name", "Kees");
  json_object_set_string_member (body1, "role", "chair");
  json_object_set_string_member (body2, "role", "chair");
  json_object_set_string_member (body2, "name", "Kees");
  ra = raad_store_put (a, "m", "member", NULL, body1, NULL);
  rb = raad_store_put (b, "m", "member", NULL, body2, NULL);
  g_assert_nonnull (ra);
  g_assert_cmpstr (ra, ==, rb);
}

static void
test_conflict_kept (void)
{
  g_autoptr(RaadStore) a = raad_test_store_new ();
  g_autoptr(RaadStore) b = raad_test_store_new ();
  g_autoptr(RaadStore) c = raad_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) base = body_new ("Base");
  g_autoptr(JsonObject) edit_a = body_new ("Edit on laptop A");
  g_autoptr(JsonObject) edit_b = body_new ("Edit on laptop B");
  g_autoptr(JsonObject) doc_base = NULL;
  g_autoptr(JsonObject) doc_a = NULL;
  g_autoptr(JsonObject) doc_b = NULL;
  g_autofree char *rev0 = NULL;
  g_autofree char *rev_a = NULL;
  g_autofree char *rev_b = NULL;
  g_autofree char *win_a = NULL;
  g_autofree char *win_b = NULL;
  g_autofree char *win_c = NULL;
  g_auto(GStrv) leaves_a = NULL;
  g_auto(GStrv) conflicts_b = NULL;

  rev0 = raad_store_put (a, "m", "member", NULL, base, &error);
  g_assert_no_error (error);
  doc_base = export_doc (a, "m", rev0);
  g_assert_true (raad_store_graft (b, doc_base, &error));
  g_assert_no_error (error);
  {
    g_autofree char *current = raad_store_get_rev (b, "m");
    g_assert_cmpstr (current, ==, rev0);
  }

  rev_a = raad_store_put (a, "m", "member", rev0, edit_a, &error);
  g_assert_no_error (error);
  rev_b = raad_store_put (b, "m", "member", rev0, edit_b, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rev_a, !=, rev_b);

  doc_a = export_doc (a, "m", rev_a);
  doc_b = export_doc (b, "m", rev_b);
  /* A gets B's edit, B gets A's, C gets both in the other order. */
  g_assert_true (raad_store_graft (a, doc_b, &error));
  g_assert_true (raad_store_graft (b, doc_a, &error));
  g_assert_true (raad_store_graft (c, doc_b, &error));
  g_assert_true (raad_store_graft (c, doc_a, &error));
  g_assert_no_error (error);
  /* Grafting again changes nothing. */
  g_assert_true (raad_store_graft (c, doc_a, &error));

  leaves_a = raad_store_get_leaves (a, "m", TRUE);
  g_assert_cmpuint (g_strv_length (leaves_a), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) leaves_a, rev_a));
  g_assert_true (g_strv_contains ((const char * const *) leaves_a, rev_b));

  win_a = raad_store_get_rev (a, "m");
  win_b = raad_store_get_rev (b, "m");
  win_c = raad_store_get_rev (c, "m");
  g_assert_cmpstr (win_a, ==, win_b);
  g_assert_cmpstr (win_a, ==, win_c);
  /* The higher hash wins at equal generation. */
  g_assert_cmpstr (win_a, ==, strcmp (rev_a, rev_b) > 0 ? rev_a : rev_b);

  conflicts_b = raad_store_get_conflicts (b, "m");
  g_assert_cmpuint (g_strv_length (conflicts_b), ==, 1);
  g_assert_cmpstr (conflicts_b[0], !=, win_b);

  /* Resolving: delete the losing leaf; the conflict is gone, the winner stays. */
  {
    g_autofree char *tomb = raad_store_delete (b, "m", conflicts_b[0], &error);
    g_auto(GStrv) left = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (tomb);
    left = raad_store_get_conflicts (b, "m");
    g_autofree char *current = raad_store_get_rev (b, "m");
    g_assert_cmpuint (g_strv_length (left), ==, 0);
    g_assert_cmpstr (current, ==, win_b);
  }
}

static void
test_deleted_loses (void)
{
  g_autoptr(RaadStore) a = raad_test_store_new ();
  g_autoptr(RaadStore) b = raad_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) base = body_new ("Base");
  g_autoptr(JsonObject) doc_base = NULL;
  g_autoptr(JsonObject) doc_a = NULL;
  g_autofree char *rev0 = raad_store_put (a, "m", "member", NULL, base, &error);
  g_autofree char *r1 = NULL;
  g_autofree char *r2 = NULL;
  g_autofree char *tomb = NULL;

  doc_base = export_doc (a, "m", rev0);
  g_assert_true (raad_store_graft (b, doc_base, &error));
  /* A edits twice (generation 3), B deletes (generation 2): the live edit wins anyway, and
   * also when the tombstone is of a higher generation. */
  r1 = raad_store_put (a, "m", "member", rev0, base, &error);
  json_object_set_string_member (base, "name", "Again");
  r2 = raad_store_put (a, "m", "member", r1, base, &error);
  g_assert_no_error (error);
  tomb = raad_store_delete (b, "m", rev0, &error);
  g_assert_no_error (error);
  doc_a = export_doc (a, "m", r2);
  g_assert_true (raad_store_graft (b, doc_a, &error));
  g_assert_no_error (error);
  g_assert_true (raad_store_exists (b, "m"));
  {
    g_autofree char *current = raad_store_get_rev (b, "m");
    g_assert_cmpstr (current, ==, r2);
  }
}

static void
test_graft_invalid (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) doc = body_new ("x");

  json_object_set_string_member (doc, "_id", "m");
  json_object_set_string_member (doc, "type", "member");
  json_object_set_string_member (doc, "_rev", "zero-abc");
  g_assert_false (raad_store_graft (store, doc, &error));
  g_assert_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID);
  g_assert_false (raad_store_exists (store, "m"));
}

static void
test_file_settings (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  struct stat st;
  sqlite3 *db = _raad_store_get_db (store);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (g_stat (raad_store_get_path (store), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA synchronous", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2); /* FULL */
  sqlite3_finalize (stmt);
  g_assert_cmpuint (raad_store_get_version (store), ==, RAAD_STORE_SCHEMA_VERSION);
}

static void
count_changed (RaadStore  *store,
               GStrv       types,
               GStrv       ids,
               guint      *count)
{
  (*count)++;
}

static void
test_one_signal_per_commit (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  g_autoptr(GError) error = NULL;
  guint count = 0;

  g_signal_connect (store, "changed", G_CALLBACK (count_changed), &count);
  g_assert_true (raad_store_begin (store, &error));
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *id = g_strdup_printf ("m%u", i);
      g_autoptr(JsonObject) body = body_new (id);
      g_autofree char *rev = raad_store_put (store, id, "member", NULL, body, &error);

      g_assert_no_error (error);
    }
  g_assert_cmpuint (count, ==, 0);
  g_assert_true (raad_store_commit (store, &error));
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpuint (raad_store_count (store, "member"), ==, 10);

  /* A rolled back transaction writes nothing and says nothing. */
  g_assert_true (raad_store_begin (store, &error));
  {
    g_autoptr(JsonObject) body = body_new ("gone");
    g_autofree char *rev = raad_store_put (store, "gone", "member", NULL, body, &error);
    g_assert_nonnull (rev);
  }
  raad_store_rollback (store);
  g_assert_cmpuint (count, ==, 1);
  g_assert_false (raad_store_exists (store, "gone"));
}

typedef struct
{
  guint  count;
  GStrv  types;
  GStrv  ids;
} Heard;

static void
remember_changed (RaadStore *store,
                  GStrv      types,
                  GStrv      ids,
                  Heard     *heard)
{
  heard->count++;
  g_strfreev (heard->types);
  g_strfreev (heard->ids);
  heard->types = g_strdupv (types);
  heard->ids = g_strdupv (ids);
}

/* What another connection (a sync's worker) wrote is heard through a notice: with the types
 * looked up by the store, or given by the worker, which looked them up on its own. */
static void
test_notice_other_connection (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  g_autoptr(RaadStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RaadRecordList) members = NULL;
  g_autoptr(RaadQuery) query = raad_query_new ("member");
  g_auto(GStrv) types = NULL;
  const char *written[] = { "m1", "m2", "c1", "not-there", NULL };
  const char *members_only[] = { "m3", NULL };
  const char *member_types[] = { "member", NULL };
  Heard heard = { 0 };

  other = raad_store_open (raad_store_get_path (store), &error);
  g_assert_no_error (error);
  members = raad_record_list_new (store, query);
  g_signal_connect (store, "changed", G_CALLBACK (remember_changed), &heard);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(JsonObject) body = body_new (written[i]);
      g_autofree char *rev = raad_store_put (other, written[i], i < 2 ? "member" : "council",
                                             NULL, body, &error);

      g_assert_no_error (error);
    }
  /* Not heard until noticed. */
  g_assert_cmpuint (heard.count, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (members)), ==, 0);

  types = raad_store_lookup_types (other, written);
  g_assert_cmpstr (types[0], ==, "member");
  g_assert_cmpstr (types[1], ==, "member");
  g_assert_cmpstr (types[2], ==, "council");
  g_assert_null (types[3]);

  raad_store_notice_changes (store, written);
  g_assert_cmpuint (heard.count, ==, 1);
  g_assert_cmpuint (g_strv_length (heard.ids), ==, 3);
  g_assert_true (g_strv_contains ((const char * const *) heard.ids, "c1"));
  g_assert_false (g_strv_contains ((const char * const *) heard.ids, "not-there"));
  g_assert_true (g_strv_contains ((const char * const *) heard.types, "council"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (members)), ==, 2);

  {
    g_autoptr(JsonObject) body = body_new ("m3");
    g_autofree char *rev = raad_store_put (other, "m3", "member", NULL, body, &error);

    g_assert_no_error (error);
  }
  raad_store_notice_typed_changes (store, members_only, member_types);
  g_assert_cmpuint (heard.count, ==, 2);
  g_assert_cmpstrv (heard.ids, members_only);
  g_assert_cmpstrv (heard.types, member_types);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (members)), ==, 3);

  g_signal_handlers_disconnect_by_data (store, &heard);
  g_strfreev (heard.types);
  g_strfreev (heard.ids);
}

static void
test_unknown_field_survives (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = body_new ("Future Person");
  g_autoptr(JsonObject) nested = json_object_new ();
  g_autoptr(RaadRecord) record = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autofree char *rev = NULL;

  json_object_set_string_member (nested, "x", "y");
  json_object_set_string_member (body, "pronouns", "zij/haar");
  json_object_set_object_member (body, "future", g_steal_pointer (&nested));
  /* A known field of an unexpected shape is kept too. */
  json_object_set_int_member (body, "bio", 42);
  rev = raad_store_put (store, "member-1", "member", NULL, body, &error);
  g_assert_no_error (error);

  record = raad_record_load (store, "member-1", &error);
  g_assert_no_error (error);
  g_assert_true (RAAD_IS_MEMBER (record));
  raad_member_set_name (RAAD_MEMBER (record), "Present Person");
  g_assert_true (raad_record_save (record, &error));
  g_assert_no_error (error);

  after = raad_store_get (store, "member-1", &error);
  g_assert_cmpstr (json_object_get_string_member (after, "name"), ==, "Present Person");
  g_assert_cmpstr (json_object_get_string_member (after, "pronouns"), ==, "zij/haar");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (after, "future"), "x"), ==, "y");
  g_assert_cmpint (json_object_get_int_member (after, "bio"), ==, 42);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

static void
test_records (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RaadMember) member = raad_member_new (store);
  g_autoptr(RaadRecord) again = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonObject) body = NULL;
  const char *areas[] = { "voeding", "veiligheid", NULL };
  g_autofree char *rev = NULL;
  g_autofree char *initials = NULL;

  raad_member_set_name (member, "Anna de Vries");
  raad_member_set_role (member, RAAD_ROLE_CHAIR);
  raad_member_set_attention_areas (member, areas);
  raad_member_set_term_end (member, "2027-01-31");
  g_assert_true (raad_record_save (RAAD_RECORD (member), &error));
  g_assert_no_error (error);
  g_assert_true (raad_record_is_saved (RAAD_RECORD (member)));
  initials = raad_member_dup_initials (member);
  g_assert_cmpstr (initials, ==, "AV");

  /* The identity map: loading gives the same object. */
  again = raad_record_load (store, raad_record_get_id (RAAD_RECORD (member)), &error);
  g_assert_true (again == RAAD_RECORD (member));

  /* A change written through the store reaches the live object, with notifications. */
  g_signal_connect (member, "notify", G_CALLBACK (on_notify), names);
  body = raad_record_to_json (RAAD_RECORD (member));
  json_object_set_string_member (body, "name", "Anna de Vries-Bakker");
  rev = raad_store_put (store, raad_record_get_id (RAAD_RECORD (member)), "member",
                        raad_record_get_rev (RAAD_RECORD (member)), body, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (raad_member_get_name (member), ==, "Anna de Vries-Bakker");
  g_assert_cmpstr (raad_record_get_rev (RAAD_RECORD (member)), ==, rev);
  g_assert_true (g_ptr_array_find_with_equal_func (names, "name", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (names, "rev", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (names, "role", g_str_equal, NULL));

  /* Delete and undo. */
  g_assert_true (raad_record_delete (RAAD_RECORD (member), &error));
  g_assert_true (raad_record_get_deleted (RAAD_RECORD (member)));
  g_assert_false (raad_store_exists (store, raad_record_get_id (RAAD_RECORD (member))));
  g_assert_true (raad_record_undelete (RAAD_RECORD (member), &error));
  g_assert_no_error (error);
  g_assert_false (raad_record_get_deleted (RAAD_RECORD (member)));
  g_assert_true (raad_store_exists (store, raad_record_get_id (RAAD_RECORD (member))));
  g_assert_cmpstr (raad_member_get_name (member), ==, "Anna de Vries-Bakker");
  g_assert_cmpstr (raad_member_get_attention_areas (member)[1], ==, "veiligheid");
  g_assert_true (g_str_has_prefix (raad_record_get_rev (RAAD_RECORD (member)), "4-"));
}

static void
test_member_rules (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  g_autoptr(RaadMember) member = raad_member_new (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (23, 11, 2026);

  g_assert_false (raad_member_validate (member, &error));
  g_assert_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  raad_member_set_name (member, "Jan Jansen");
  g_assert_true (raad_member_validate (member, NULL));
  raad_member_set_term_end (member, "31-01-2027");
  g_assert_false (raad_member_validate (member, &error));
  g_assert_nonnull (strstr (error->message, "31-01-2027"));
  g_clear_error (&error);
  raad_member_set_term_start (member, "2027-02-01");
  raad_member_set_term_end (member, "2027-01-31");
  g_assert_false (raad_member_validate (member, NULL));
  raad_member_set_term_start (member, NULL);
  raad_member_set_email (member, "not an address");
  g_assert_false (raad_member_validate (member, NULL));
  raad_member_set_email (member, "jan@example.org");
  g_assert_true (raad_member_validate (member, NULL));

  /* Term badge: within three months from 23 November 2026 means up to 23 February 2027. */
  raad_member_set_term_end (member, "2027-02-23");
  g_assert_true (raad_member_term_ends_soon (member, today, 3));
  raad_member_set_term_end (member, "2027-02-24");
  g_assert_false (raad_member_term_ends_soon (member, today, 3));
  raad_member_set_term_end (member, "2026-11-22");
  g_assert_false (raad_member_term_ends_soon (member, today, 3));
  raad_member_set_term_end (member, "2026-11-23");
  g_assert_true (raad_member_term_ends_soon (member, today, 3));
  raad_member_set_term_end (member, NULL);
  g_assert_false (raad_member_term_ends_soon (member, today, 3));
}

static GBytes *
make_jpeg (int width,
           int height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autofree char *buffer = NULL;
  gsize len = 0;

  gdk_pixbuf_fill (pixbuf, 0x3366ccff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &len, "jpeg", NULL, NULL));
  return g_bytes_new_take (g_steal_pointer (&buffer), len);
}

static void
test_attachments (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RaadMember) a = raad_member_new (store);
  g_autoptr(RaadMember) b = raad_member_new (store);
  g_autoptr(GBytes) raw = make_jpeg (800, 600);
  g_autoptr(GBytes) photo = raad_photo_prepare_bytes (raw, &error);
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GdkPixbuf) thumb = NULL;
  g_autoptr(GBytes) junk = g_bytes_new_static ("not a picture", 13);
  g_autofree char *content_type = NULL;
  sqlite3 *db = _raad_store_get_db (store);
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  thumb = raad_photo_load_thumbnail (photo, RAAD_PHOTO_SIZE, &error);
  g_assert_no_error (error);
  /* Cropped square, scaled down. */
  g_assert_cmpint (gdk_pixbuf_get_width (thumb), ==, RAAD_PHOTO_SIZE);
  g_assert_cmpint (gdk_pixbuf_get_height (thumb), ==, RAAD_PHOTO_SIZE);

  g_assert_null (raad_photo_prepare_bytes (junk, &error));
  g_assert_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  raad_member_set_name (a, "A");
  raad_member_set_name (b, "B");
  raad_record_set_attachment (RAAD_RECORD (a), RAAD_MEMBER_PHOTO, "image/jpeg", photo);
  raad_record_set_attachment (RAAD_RECORD (b), RAAD_MEMBER_PHOTO, "image/jpeg", photo);
  g_assert_true (raad_record_save (RAAD_RECORD (a), &error));
  g_assert_true (raad_record_save (RAAD_RECORD (b), &error));
  g_assert_no_error (error);

  /* Stored once, by digest; the bodies carry stubs. */
  g_assert_nonnull (raad_record_get_attachment_digest (RAAD_RECORD (a), RAAD_MEMBER_PHOTO));
  g_assert_cmpstr (raad_record_get_attachment_digest (RAAD_RECORD (a), RAAD_MEMBER_PHOTO), ==,
                   raad_record_get_attachment_digest (RAAD_RECORD (b), RAAD_MEMBER_PHOTO));
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM attachments", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);

  back = raad_store_get_attachment (store, raad_record_get_id (RAAD_RECORD (a)), RAAD_MEMBER_PHOTO,
                                    &content_type, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (content_type, ==, "image/jpeg");
  g_assert_true (g_bytes_equal (back, photo));

  /* Removing the photo is a new revision without it. */
  raad_record_remove_attachment (RAAD_RECORD (a), RAAD_MEMBER_PHOTO);
  g_assert_true (raad_record_save (RAAD_RECORD (a), &error));
  g_assert_false (raad_record_has_attachment (RAAD_RECORD (a), RAAD_MEMBER_PHOTO));
  g_assert_null (raad_store_get_attachment (store, raad_record_get_id (RAAD_RECORD (a)),
                                            RAAD_MEMBER_PHOTO, NULL, &error));
  g_assert_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_NOT_FOUND);
}

static RaadMember *
add_member (RaadStore          *store,
            const char         *name,
            const char         *council_id,
            const char         *role,
            const char * const *areas)
{
  g_autoptr(GError) error = NULL;
  RaadMember *member = raad_member_new (store);

  raad_member_set_name (member, name);
  raad_member_set_council_id (member, council_id);
  raad_member_set_role (member, role);
  raad_member_set_attention_areas (member, areas);
  g_assert_true (raad_record_save (RAAD_RECORD (member), &error));
  g_assert_no_error (error);
  return member;
}

static RaadCouncil *
add_council (RaadStore  *store,
             const char *name,
             const char *kind)
{
  RaadCouncil *council = raad_council_new (store);

  raad_council_set_name (council, name);
  raad_council_set_kind (council, kind);
  g_assert_true (raad_record_save (RAAD_RECORD (council), NULL));
  return council;
}

static guint
query_count (RaadStore *store,
             RaadQuery *query)
{
  g_autoptr(RaadRecordList) list = raad_record_list_new (store, query);

  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
test_search (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  g_autoptr(RaadCouncil) ccr = add_council (store, "Centrale Cliëntenraad", RAAD_COUNCIL_CENTRAL);
  g_autoptr(RaadCouncil) linde = add_council (store, "Lokale raad De Linde", RAAD_COUNCIL_LOCAL);
  const char *food[] = { "voeding", "welzijn", NULL };
  const char *safety[] = { "veiligheid", NULL };
  const char *ccr_id = raad_record_get_id (RAAD_RECORD (ccr));
  const char *linde_id = raad_record_get_id (RAAD_RECORD (linde));
  g_autoptr(RaadMember) m1 = add_member (store, "Anna de Vries", ccr_id, RAAD_ROLE_CHAIR, food);
  g_autoptr(RaadMember) m2 = add_member (store, "Bram Bakker", linde_id, RAAD_ROLE_MEMBER, safety);
  g_autoptr(RaadMember) m3 = add_member (store, "Cees Özdemir", linde_id, RAAD_ROLE_SECRETARY, food);
  struct { const char *text; guint expected; } cases[] = {
    { "voed", 2 },        /* a prefix finds "voeding" */
    { "VOEDING", 2 },     /* case folded */
    { "ozdem", 1 },       /* diacritics folded */
    { "linde", 2 },       /* through the council's name */
    { "voed linde", 1 },  /* each word on the member or its council */
    { "anna voed", 1 },
    { "xyz", 0 },
    { "  ", 3 },          /* nothing typed: everyone */
    { "\"", 3 },          /* quotes cannot break the query */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RaadQuery) query = raad_query_new ("member");

      raad_query_match (query, cases[i].text);
      raad_query_match_also_via (query, "council_id");
      g_assert_cmpuint (query_count (store, query), ==, cases[i].expected);
    }

  /* Filters in SQL: role, attention area, council. */
  {
    g_autoptr(RaadQuery) q = raad_query_new ("member");
    raad_query_where_contains (q, "attention_areas", "voeding");
    raad_query_where_equals (q, "council_id", linde_id);
    g_assert_cmpuint (query_count (store, q), ==, 1);
  }
  {
    /* Councils with matching members only. */
    g_autoptr(RaadQuery) members = raad_query_new ("member");
    g_autoptr(RaadQuery) councils = raad_query_new ("council");
    raad_query_match (members, "bram");
    raad_query_where_referenced_by (councils, members, "council_id", "linking_pins");
    g_assert_cmpuint (query_count (store, councils), ==, 1);
  }
  /* A deleted member is no longer found. */
  g_assert_true (raad_record_delete (RAAD_RECORD (m3), NULL));
  {
    g_autoptr(RaadQuery) q = raad_query_new ("member");
    raad_query_match (q, "voed");
    g_assert_cmpuint (query_count (store, q), ==, 1);
  }
}

typedef struct
{
  guint position, removed, added, count;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *seen)
{
  seen->position = position;
  seen->removed = removed;
  seen->added = added;
  seen->count++;
}

static void
test_list_model (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  g_autoptr(RaadCouncil) ccr = add_council (store, "CCR", RAAD_COUNCIL_CENTRAL);
  g_autoptr(RaadCouncil) local = add_council (store, "De Linde", RAAD_COUNCIL_LOCAL);
  const char *ccr_id = raad_record_get_id (RAAD_RECORD (ccr));
  const char *none[] = { NULL };
  g_autoptr(RaadMember) b = add_member (store, "Bram", ccr_id, RAAD_ROLE_MEMBER, none);
  g_autoptr(RaadMember) d = add_member (store, "Dirk", ccr_id, RAAD_ROLE_MEMBER, none);
  g_autoptr(RaadMember) z = add_member (store, "Zoë", ccr_id, RAAD_ROLE_CHAIR, none);
  g_autoptr(RaadQuery) query = raad_query_new ("member");
  g_autoptr(RaadRecordList) list = NULL;
  g_autoptr(RaadMember) c = NULL;
  g_autoptr(RaadRecord) first = NULL;
  ItemsChanged seen = { 0 };

  raad_query_where_equals_or_contains (query, "council_id", "linking_pins", ccr_id);
  raad_query_order_by_rank (query, "role", raad_member_roles ());
  raad_query_order_by (query, "name", FALSE);
  list = raad_record_list_new (store, query);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &seen);

  /* Chair first, then by name. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (first == RAAD_RECORD (z));
  g_assert_cmpstr (raad_record_list_get_id (list, 1), ==, raad_record_get_id (RAAD_RECORD (b)));
  g_assert_cmpuint (raad_record_list_find (list, raad_record_get_id (RAAD_RECORD (d))), ==, 2);

  /* An insert in the middle: exactly one item added at position 2. */
  c = add_member (store, "Cor", ccr_id, RAAD_ROLE_MEMBER, none);
  g_assert_cmpuint (seen.count, ==, 1);
  g_assert_cmpuint (seen.position, ==, 2);
  g_assert_cmpuint (seen.removed, ==, 0);
  g_assert_cmpuint (seen.added, ==, 1);

  /* An edit that keeps the order: no items-changed, the object updates itself. */
  raad_member_set_bio (b, "Oud-verpleegkundige");
  g_assert_true (raad_record_save (RAAD_RECORD (b), NULL));
  g_assert_cmpuint (seen.count, ==, 1);

  /* A linking pin shows the member of another council here too. */
  {
    g_autoptr(RaadMember) pin = add_member (store, "Piet", raad_record_get_id (RAAD_RECORD (local)),
                                            RAAD_ROLE_MEMBER, none);
    const char *pins[] = { ccr_id, NULL };

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
    raad_member_set_linking_pins (pin, pins);
    g_assert_true (raad_record_save (RAAD_RECORD (pin), NULL));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
    g_assert_cmpuint (seen.count, ==, 2);
    g_assert_cmpuint (seen.position, ==, 4);
  }

  /* A delete: one item removed. */
  g_assert_true (raad_record_delete (RAAD_RECORD (d), NULL));
  g_assert_cmpuint (seen.count, ==, 3);
  g_assert_cmpuint (seen.position, ==, 3);
  g_assert_cmpuint (seen.removed, ==, 1);
  g_assert_cmpuint (seen.added, ==, 0);

  /* A new query: one items-changed. */
  {
    g_autoptr(RaadQuery) chairs = raad_query_new ("member");
    raad_query_where_equals (chairs, "role", RAAD_ROLE_CHAIR);
    raad_record_list_set_query (list, chairs);
    g_assert_cmpuint (seen.count, ==, 4);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  }
}

static void
test_section_list (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  g_autoptr(RaadCouncil) ccr = add_council (store, "CCR", RAAD_COUNCIL_CENTRAL);
  g_autoptr(RaadCouncil) linde = add_council (store, "De Linde", RAAD_COUNCIL_LOCAL);
  g_autoptr(RaadCouncil) empty = add_council (store, "Het Anker", RAAD_COUNCIL_LOCAL);
  const char *ccr_id = raad_record_get_id (RAAD_RECORD (ccr));
  const char *linde_id = raad_record_get_id (RAAD_RECORD (linde));
  const char *food[] = { "voeding", NULL };
  const char *none[] = { NULL };
  const char *pins[] = { ccr_id, NULL };
  g_autoptr(RaadMember) a = add_member (store, "Anna", ccr_id, RAAD_ROLE_MEMBER, none);
  g_autoptr(RaadMember) z = add_member (store, "Zeger", ccr_id, RAAD_ROLE_CHAIR, food);
  g_autoptr(RaadMember) p = add_member (store, "Piet", linde_id, RAAD_ROLE_MEMBER, food);
  g_autoptr(RaadQuery) groups = raad_query_new ("council");
  g_autoptr(RaadQuery) items = raad_query_new ("member");
  g_autoptr(RaadQuery) search = raad_query_new ("member");
  g_autoptr(RaadSectionList) list = NULL;
  g_autoptr(RaadSection) first = NULL;
  g_autoptr(RaadSection) second = NULL;
  g_autoptr(RaadSection) again = NULL;
  g_autoptr(RaadRecord) chair = NULL;
  ItemsChanged seen = { 0 }, seen_items = { 0 };

  raad_member_set_linking_pins (p, pins);
  g_assert_true (raad_record_save (RAAD_RECORD (p), NULL));

  raad_query_order_by (groups, "kind", FALSE);
  raad_query_order_by (groups, "name", FALSE);
  raad_query_order_by_rank (items, "role", raad_member_roles ());
  raad_query_order_by (items, "name", FALSE);
  list = raad_section_list_new (store, groups, items, "council_id", "linking_pins");
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &seen);

  /* CCR first (central), then by name; the empty council is listed too. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (raad_section_get_record (first) == RAAD_RECORD (ccr));
  /* Chair first; the linking pin of De Linde is in the CCR's section too. */
  g_assert_cmpuint (raad_section_get_n_items (first), ==, 3);
  chair = g_list_model_get_item (raad_section_get_items (first), 0);
  g_assert_true (chair == RAAD_RECORD (z));
  g_assert_cmpuint (raad_section_list_get_n_total (list), ==, 4);
  g_assert_cmpuint (raad_section_list_find (list, raad_record_get_id (RAAD_RECORD (empty))), ==, 2);

  /* A search: one query, sections without matches go, kept sections are the same objects. */
  g_signal_connect (raad_section_get_items (first), "items-changed", G_CALLBACK (on_items_changed),
                    &seen_items);
  raad_section_list_set_show_empty (list, FALSE);
  raad_query_match (search, "voed");
  raad_query_match_also_via (search, "council_id");
  raad_query_order_by_rank (search, "role", raad_member_roles ());
  raad_query_order_by (search, "name", FALSE);
  raad_section_list_set_item_query (list, search);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (again == first);
  g_assert_cmpuint (raad_section_get_n_items (first), ==, 2);  /* Zeger and Piet, not Anna */
  g_assert_cmpuint (seen_items.count, ==, 1);
  second = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_true (raad_section_get_record (second) == RAAD_RECORD (linde));

  /* A store change reaches the sections: Anna now works on food too. */
  raad_member_set_attention_areas (a, food);
  g_assert_true (raad_record_save (RAAD_RECORD (a), NULL));
  g_assert_cmpuint (raad_section_get_n_items (first), ==, 3);
  g_assert_cmpuint (raad_section_list_get_n_total (list), ==, 4);
}

static void
test_demo (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = raad_demo_find_path ();
  g_autoptr(GDate) today = g_date_new_dmy (23, 11, 2026);
  g_autoptr(RaadOrganisation) org = NULL;
  g_auto(GStrv) members = NULL;
  guint soon = 0, pins = 0, photos = 0;

  if (path == NULL)
    {
      g_test_skip ("data/demo/organisation.json is not there");
      return;
    }
  g_assert_true (raad_demo_load_at (store, path, today, &error));
  g_assert_no_error (error);
  org = raad_organisation_load_default (store);
  g_assert_nonnull (org);
  g_assert_cmpuint (raad_store_count (store, "council"), ==, 5);
  g_assert_cmpuint (raad_store_count (store, "member"), >=, 30);
  members = raad_store_list_ids (store, "member");
  for (guint i = 0; members[i]; i++)
    {
      g_autoptr(RaadRecord) m = raad_record_load (store, members[i], NULL);

      g_assert_true (raad_member_validate (RAAD_MEMBER (m), NULL));
      soon += raad_member_term_ends_soon (RAAD_MEMBER (m), today, 3);
      pins += raad_member_get_linking_pins (RAAD_MEMBER (m))[0] != NULL;
      photos += raad_record_has_attachment (m, RAAD_MEMBER_PHOTO);
    }
  g_assert_cmpuint (soon, >=, 3);
  g_assert_cmpuint (pins, ==, 2);
  g_test_message ("%u members, %u terms ending soon, %u photos", g_strv_length (members), soon, photos);
}

/* The meeting records are a council's private records, found by meeting, in key order. */
static void
test_meeting_records (void)
{
  g_autoptr(RaadStore) store = raad_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RaadMeeting) meeting = raad_meeting_new (store);
  g_autoptr(RaadQuery) query = raad_query_new ("agenda_item");
  g_autoptr(RaadRecordList) items = NULL;
  g_autoptr(JsonObject) body = NULL;
  const char *titles[] = { "Opening", "Adviesaanvraag begroting", "Rondvraag" };
  const char *keys[] = { "V", "k", "d" };   /* the order is the keys', not the saving's */
  const char *expected[] = { "Opening", "Rondvraag", "Adviesaanvraag begroting" };
  const char *meeting_id = raad_record_get_id (RAAD_RECORD (meeting));

  g_object_set (meeting, "council-id", "council-a", "date", "2026-12-03", "start-time", "19:30",
                "end-time", "21:30", NULL);
  g_assert_true (raad_record_save (RAAD_RECORD (meeting), &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(RaadAgendaItem) item = raad_agenda_item_new (store);

      g_object_set (item, "council-id", "council-a", "meeting-id", meeting_id,
                    "title", titles[i], "order-key", keys[i], "duration", 10 * (i + 1),
                    "purpose", i == 1 ? "advice-request" : "information", NULL);
      g_assert_true (raad_record_save (RAAD_RECORD (item), &error));
      g_assert_no_error (error);
    }

  body = raad_store_get (store, meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (body, "scope"), ==, "council");
  g_assert_cmpstr (json_object_get_string_member (body, "start_time"), ==, "19:30");

  raad_query_where_equals (query, "meeting_id", meeting_id);
  raad_query_order_by_key (query, "order_key");
  items = raad_record_list_new (store, query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (items)), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(RaadRecord) item = g_list_model_get_item (G_LIST_MODEL (items), i);
      guint duration = 0;

      g_assert_true (RAAD_IS_AGENDA_ITEM (item));
      g_assert_cmpstr (raad_record_get_string (item, "title"), ==, expected[i]);
      g_object_get (item, "duration", &duration, NULL);
      g_assert_cmpuint (duration, >, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/documents/crud", test_crud);
  g_test_add_func ("/store/records/meeting", test_meeting_records);
  g_test_add_func ("/store/documents/file-settings", test_file_settings);
  g_test_add_func ("/store/documents/one-signal-per-commit", test_one_signal_per_commit);
  g_test_add_func ("/store/documents/notice-other-connection", test_notice_other_connection);
  g_test_add_func ("/store/revisions/chain", test_rev_chain);
  g_test_add_func ("/store/revisions/same-edit-same-id", test_same_edit_same_rev);
  g_test_add_func ("/store/revisions/conflict-kept", test_conflict_kept);
  g_test_add_func ("/store/revisions/deleted-loses", test_deleted_loses);
  g_test_add_func ("/store/revisions/graft-invalid", test_graft_invalid);
  g_test_add_func ("/store/records/unknown-field-survives", test_unknown_field_survives);
  g_test_add_func ("/store/records/identity-and-undo", test_records);
  g_test_add_func ("/store/records/member-rules", test_member_rules);
  g_test_add_func ("/store/attachments/photo", test_attachments);
  g_test_add_func ("/store/search/fts", test_search);
  g_test_add_func ("/store/list/items-changed", test_list_model);
  g_test_add_func ("/store/list/sections", test_section_list);
  g_test_add_func ("/store/demo/example-organisation", test_demo);

  return g_test_run ();
}
