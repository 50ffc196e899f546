/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-replicate.c: two stores (two laptops) in step through a real CouchDB-protocol server */
#include "config.h"

#include <glib/gstdio.h>

#include "raad-replicator.h"
#include "raad-test-server.h"
#include "raad-test-util.h"

#define ORG "organisation"

static RaadRemote *
admin_remote (RaadTestServer *server)
{
  g_autoptr(GError) error = NULL;
  RaadRemote *remote = raad_remote_new (raad_test_server_get_url (server), RAAD_TEST_SERVER_ADMIN,
                                        RAAD_TEST_SERVER_ADMIN_PASSWORD, &error);

  g_assert_no_error (error);
  return remote;
}

static void
create_database (RaadTestServer *server,
                 const char     *name)
{
  g_autofree char *path = g_strconcat ("/", name, NULL);
  g_autofree char *reply = raad_test_server_request (server, "PUT", path, NULL, FALSE, NULL);
}

static char *
put_member (RaadStore  *store,
            const char *id,
            const char *name,
            const char *parent_rev,
            gsize       photo_size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = json_object_new ();
  char *rev;

  json_object_set_string_member (body, "name", name);
  json_object_set_string_member (body, "council_id", "council-a");
  json_object_set_string_member (body, "role", "member");
  if (photo_size > 0)
    {
      g_autofree guchar *data = g_malloc (photo_size);
      g_autofree char *b64 = NULL;
      JsonObject *atts = json_object_new ();
      JsonObject *photo = json_object_new ();

      /* Not compressible, different per member. */
      for (gsize i = 0; i < photo_size; i++)
        data[i] = (guchar) g_str_hash (name) * (i + 1) + (guchar) (i >> 3);
      b64 = g_base64_encode (data, photo_size);
      json_object_set_string_member (photo, "content_type", "image/jpeg");
      json_object_set_string_member (photo, "data", b64);
      json_object_set_object_member (atts, "photo.jpg", photo);
      json_object_set_object_member (body, "_attachments", atts);
    }
  rev = raad_store_put (store, id, "member", parent_rev, body, &error);
  g_assert_no_error (error);
  return rev;
}

static void
sync_once (RaadStore  *store,
           RaadRemote *remote,
           const char *database)
{
  g_autoptr(GError) error = NULL;
  RaadReplication replication = {
    .store = store,
    .remote = remote,
    .database = database,
    .council_id = NULL,
  };

  raad_replicate_push (&replication, NULL, NULL, &error);
  g_assert_no_error (error);
  raad_replicate_pull (&replication, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* Every document of @a is in @b with the same winner, the same leaves and the same bytes. */
static void
assert_same_stores (RaadStore *a,
                    RaadStore *b)
{
  g_autoptr(GPtrArray) docs_a = raad_store_changes_since (a, 0, 0, NULL);
  g_autoptr(GPtrArray) docs_b = raad_store_changes_since (b, 0, 0, NULL);

  g_assert_nonnull (docs_a);
  g_assert_nonnull (docs_b);
  g_assert_cmpuint (docs_a->len, ==, docs_b->len);
  for (guint i = 0; i < docs_a->len; i++)
    {
      RaadStoreChange *change = g_ptr_array_index (docs_a, i);
      g_autofree char *rev_a = raad_store_get_rev (a, change->id);
      g_autofree char *rev_b = raad_store_get_rev (b, change->id);
      g_auto(GStrv) leaves_a = raad_store_get_leaves (a, change->id, TRUE);
      g_auto(GStrv) leaves_b = raad_store_get_leaves (b, change->id, TRUE);
      g_autoptr(JsonObject) body_a = raad_store_get_revision (a, change->id, rev_a, NULL);
      g_autoptr(JsonObject) body_b = raad_store_get_revision (b, change->id, rev_b, NULL);
      g_autoptr(GBytes) photo_a = NULL;
      g_autoptr(GBytes) photo_b = NULL;

      g_assert_cmpstr (rev_a, ==, rev_b);
      g_assert_cmpstrv (leaves_a, leaves_b);
      g_assert_nonnull (body_a);
      g_assert_nonnull (body_b);
      g_assert_cmpstr (json_object_get_string_member_with_default (body_a, "name", ""), ==,
                       json_object_get_string_member_with_default (body_b, "name", ""));
      photo_a = raad_store_get_attachment (a, change->id, "photo.jpg", NULL, NULL);
      photo_b = raad_store_get_attachment (b, change->id, "photo.jpg", NULL, NULL);
      g_assert_true ((photo_a == NULL) == (photo_b == NULL));
      if (photo_a != NULL)
        g_assert_true (g_bytes_equal (photo_a, photo_b));
    }
}

static void
test_two_laptops (void)
{
  g_autoptr(RaadTestServer) server = raad_test_server_start (FALSE);
  g_autoptr(RaadRemote) remote = admin_remote (server);
  g_autoptr(RaadStore) laptop_a = raad_test_store_new ();
  g_autoptr(RaadStore) laptop_b = raad_test_store_new ();
  g_autofree char *db = raad_sync_database_name (ORG, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *rev1 = NULL;
  g_autofree char *rev2 = NULL;
  g_autofree char *rev3 = NULL;
  g_autofree char *edit_a = NULL;
  g_autofree char *edit_b = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *resolved = NULL;
  g_auto(GStrv) conflicts_a = NULL;
  g_auto(GStrv) conflicts_b = NULL;
  g_autofree char *winner_a = NULL;
  g_autofree char *winner_b = NULL;
  g_autoptr(JsonObject) merged = NULL;

  create_database (server, db);

  /* Offline, each laptop adds its own; one with a photo. */
  rev1 = put_member (laptop_a, "member-1", "Anna de Wit", NULL, 30000);
  rev2 = put_member (laptop_a, "member-2", "Bert Jansen", NULL, 0);
  rev3 = put_member (laptop_b, "member-3", "Carla Smit", NULL, 2000);
  gone = raad_store_delete (laptop_a, "member-2", rev2, &error);
  g_assert_no_error (error);

  sync_once (laptop_a, remote, db);
  sync_once (laptop_b, remote, db);
  sync_once (laptop_a, remote, db);
  assert_same_stores (laptop_a, laptop_b);
  assert_same_stores (laptop_b, laptop_a);
  g_assert_cmpuint (raad_store_count (laptop_b, "member"), ==, 2);
  g_assert_false (raad_store_exists (laptop_b, "member-2"));

  /* Syncing again changes nothing and duplicates nothing. */
  sync_once (laptop_b, remote, db);
  assert_same_stores (laptop_a, laptop_b);

  /* Both edit the same member offline: a conflict, the same on both. */
  edit_a = put_member (laptop_a, "member-3", "Carla Smit-Bakker", rev3, 2000);
  edit_b = put_member (laptop_b, "member-3", "Carla Smit (secretaris)", rev3, 2000);
  g_assert_cmpstr (edit_a, !=, edit_b);
  sync_once (laptop_a, remote, db);
  sync_once (laptop_b, remote, db);
  sync_once (laptop_a, remote, db);
  assert_same_stores (laptop_a, laptop_b);
  conflicts_a = raad_store_get_conflicts (laptop_a, "member-3");
  conflicts_b = raad_store_get_conflicts (laptop_b, "member-3");
  g_assert_cmpuint (g_strv_length (conflicts_a), ==, 1);
  g_assert_cmpstrv (conflicts_a, conflicts_b);
  winner_a = raad_store_get_rev (laptop_a, "member-3");
  winner_b = raad_store_get_rev (laptop_b, "member-3");
  g_assert_cmpstr (winner_a, ==, winner_b);
  {
    g_auto(GStrv) conflicted = raad_store_list_conflicted (laptop_b);

    g_assert_cmpstrv (conflicted, ((const char *[]) { "member-3", NULL }));
  }

  /* One resolution, on laptop B, ends it on both. */
  merged = raad_store_get (laptop_b, "member-3", &error);
  g_assert_no_error (error);
  json_object_set_string_member (merged, "name", "Carla Smit-Bakker (secretaris)");
  resolved = raad_store_resolve_conflict (laptop_b, "member-3", winner_b, merged, &error);
  g_assert_no_error (error);
  sync_once (laptop_b, remote, db);
  sync_once (laptop_a, remote, db);
  assert_same_stores (laptop_a, laptop_b);
  {
    g_auto(GStrv) conflicted = raad_store_list_conflicted (laptop_a);

    g_assert_cmpuint (g_strv_length (conflicted), ==, 0);
  }
  {
    g_autoptr(JsonObject) body = raad_store_get (laptop_a, "member-3", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (json_object_get_string_member (body, "name"), ==,
                     "Carla Smit-Bakker (secretaris)");
  }
}

/* Interrupted syncs: the server is killed at random moments of pushes and pulls. */
typedef struct
{
  char       *path;
  char       *url;
  char       *database;
  gboolean    pull;
  gboolean    ok;
  GError     *error;
} Run;

static gpointer
run_thread (gpointer data)
{
  Run *run = data;
  g_autoptr(RaadStore) store = raad_store_open (run->path, &run->error);
  g_autoptr(RaadRemote) remote = NULL;
  RaadReplication replication = { 0 };

  if (store == NULL)
    return NULL;
  remote = raad_remote_new (run->url, RAAD_TEST_SERVER_ADMIN, RAAD_TEST_SERVER_ADMIN_PASSWORD,
                            &run->error);
  raad_remote_set_timeout (remote, 10);
  replication.store = store;
  replication.remote = remote;
  replication.database = run->database;
  replication.batch_size = 100;
  if (run->pull)
    run->ok = raad_replicate_pull (&replication, NULL, NULL, &run->error);
  else
    run->ok = raad_replicate_push (&replication, NULL, NULL, &run->error);
  return NULL;
}

static guint
server_doc_count (RaadTestServer *server,
                  const char     *database)
{
  g_autofree char *path = g_strconcat ("/", database, NULL);
  g_autofree char *reply = raad_test_server_request (server, "GET", path, NULL, FALSE, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, reply, -1, NULL));
  return json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)),
                                     "doc_count");
}

static void
test_interrupted (void)
{
  g_autoptr(RaadTestServer) server = raad_test_server_start (TRUE);
  g_autoptr(RaadRemote) remote = admin_remote (server);
  g_autoptr(RaadStore) laptop_a = raad_test_store_new ();
  g_autoptr(RaadStore) laptop_b = raad_test_store_new ();
  g_autofree char *db = raad_sync_database_name (ORG, NULL);
  guint n_interrupted = 0;
  guint n_members = 1200;

  create_database (server, db);
  raad_store_begin (laptop_a, NULL);
  for (guint i = 0; i < n_members; i++)
    {
      g_autofree char *id = g_strdup_printf ("member-%04u", i);
      g_autofree char *name = g_strdup_printf ("Lid %u van de raad", i);
      g_autofree char *rev = put_member (laptop_a, id, name, NULL, i % 25 == 0 ? 6000 : 0);
    }
  g_assert_true (raad_store_commit (laptop_a, NULL));

  for (guint round = 0; n_interrupted < 20 && round < 80; round++)
    {
      Run run = {
        .path = g_strdup (raad_store_get_path (round % 3 == 2 ? laptop_b : laptop_a)),
        .url = g_strdup (raad_test_server_get_url (server)),
        .database = db,
        .pull = round % 3 == 2,
      };
      GThread *thread;

      /* Laptop A keeps editing between attempts. */
      for (guint e = 0; e < 60; e++)
        {
          g_autofree char *id = g_strdup_printf ("member-%04u", g_test_rand_int_range (0, n_members));
          g_autofree char *rev = raad_store_get_rev (laptop_a, id);
          g_autofree char *name = g_strdup_printf ("Lid %s, bewerkt in ronde %u", id, round);
          g_autofree char *next = put_member (laptop_a, id, name, rev, 0);
        }

      thread = g_thread_new ("sync", run_thread, &run);
      g_usleep (g_test_rand_int_range (2, 150) * 1000);
      raad_test_server_kill (server);
      g_thread_join (thread);
      if (!run.ok)
        {
          /* Cut off: the server went away under it. */
          g_assert_error (run.error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_UNREACHABLE);
          n_interrupted++;
        }
      g_clear_error (&run.error);
      g_free (run.path);
      g_free (run.url);
      raad_test_server_restart (server);
    }
  g_test_message ("%u runs were cut off by a killed server", n_interrupted);
  g_assert_cmpuint (n_interrupted, >=, 20);

  /* Undisturbed, everything arrives once. */
  sync_once (laptop_a, remote, db);
  sync_once (laptop_b, remote, db);
  assert_same_stores (laptop_a, laptop_b);
  g_assert_cmpuint (raad_store_count (laptop_b, "member"), ==, n_members);
  g_assert_cmpuint (server_doc_count (server, db), ==, n_members);
  {
    g_auto(GStrv) conflicted = raad_store_list_conflicted (laptop_b);

    g_assert_cmpuint (g_strv_length (conflicted), ==, 0);
  }
  g_assert_true (raad_store_check_integrity (laptop_b, NULL));
}

/* A council's private records go to its own database only, never to the organisation's. */
static gboolean
server_has (RaadTestServer *server,
            const char     *database,
            const char     *id)
{
  g_autofree char *path = g_strdup_printf ("/%s/%s", database, id);
  guint status = 0;
  g_autofree char *reply = raad_test_server_request (server, "GET", path, NULL, TRUE, &status);

  return status == 200;
}

static void
test_private_routing (void)
{
  g_autoptr(RaadTestServer) server = raad_test_server_start (FALSE);
  g_autoptr(RaadRemote) remote = admin_remote (server);
  g_autoptr(RaadStore) laptop_a = raad_test_store_new ();
  g_autoptr(RaadStore) laptop_b = raad_test_store_new ();
  g_autofree char *org_db = raad_sync_database_name (ORG, NULL);
  g_autofree char *council_db = raad_sync_database_name (ORG, "council-a");
  g_autoptr(JsonObject) signal_body = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *member_rev = NULL;
  g_autofree char *signal_rev = NULL;
  g_autofree char *gone = NULL;

  g_assert_cmpstr (council_db, ==, "raadswerk_organisation_council-a");
  create_database (server, org_db);
  create_database (server, council_db);
  member_rev = put_member (laptop_a, "member-1", "Anna de Wit", NULL, 0);
  json_object_set_string_member (signal_body, "council_id", "council-a");
  json_object_set_string_member (signal_body, "scope", "council");
  json_object_set_string_member (signal_body, "text", "Het eten is vaak koud op afdeling 2");
  signal_rev = raad_store_put (laptop_a, "signal-1", "signal", NULL, signal_body, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (raad_sync_document_council (signal_body), ==, "council-a");

  for (guint i = 0; i < 2; i++)
    {
      RaadStore *store = i == 0 ? laptop_a : laptop_b;
      RaadReplication to_org = { .store = store, .remote = remote, .database = org_db };
      RaadReplication to_council = { .store = store, .remote = remote, .database = council_db,
                                     .council_id = "council-a" };

      g_assert_true (raad_replicate_push (&to_org, NULL, NULL, &error));
      g_assert_true (raad_replicate_push (&to_council, NULL, NULL, &error));
      g_assert_true (raad_replicate_pull (&to_org, NULL, NULL, &error));
      g_assert_true (raad_replicate_pull (&to_council, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (server_has (server, org_db, "member-1"));
  g_assert_false (server_has (server, org_db, "signal-1"));
  g_assert_true (server_has (server, council_db, "signal-1"));
  g_assert_false (server_has (server, council_db, "member-1"));
  assert_same_stores (laptop_a, laptop_b);

  /* Its tombstone keeps the scope, and follows the same way. */
  gone = raad_store_delete (laptop_a, "signal-1", signal_rev, &error);
  g_assert_no_error (error);
  {
    RaadReplication to_org = { .store = laptop_a, .remote = remote, .database = org_db };
    RaadReplication to_council = { .store = laptop_a, .remote = remote, .database = council_db,
                                   .council_id = "council-a" };

    g_assert_true (raad_replicate_push (&to_org, NULL, NULL, &error));
    g_assert_true (raad_replicate_push (&to_council, NULL, NULL, &error));
  }
  g_assert_false (server_has (server, org_db, "signal-1"));
  g_assert_false (server_has (server, council_db, "signal-1"));
  {
    g_autofree char *path = g_strdup_printf ("/%s/signal-1?rev=%s", council_db, gone);
    g_autofree char *tombstone = raad_test_server_request (server, "GET", path, NULL, FALSE, NULL);

    g_assert_nonnull (strstr (tombstone, "\"scope\":\"council\""));
    g_assert_nonnull (strstr (tombstone, "\"_deleted\":true"));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/sync/replicate/two-laptops", test_two_laptops);
  g_test_add_func ("/sync/replicate/private-routing", test_private_routing);
  g_test_add_func ("/sync/replicate/interrupted", test_interrupted);
  return g_test_run ();
}
