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
  g_assert_cmpstrv (raad_store_list_conflicted (laptop_b), ((const char *[]) { "member-3", NULL }));

  /* One resolution, on laptop B, ends it on both. */
  merged = raad_store_get (laptop_b, "member-3", &error);
  g_assert_no_error (error);
  json_object_set_string_member (merged, "name", "Carla Smit-Bakker (secretaris)");
  resolved = raad_store_resolve_conflict (laptop_b, "member-3", winner_b, merged, &error);
  g_assert_no_error (error);
  sync_once (laptop_b, remote, db);
  sync_once (laptop_a, remote, db);
  assert_same_stores (laptop_a, laptop_b);
  g_assert_cmpuint (g_strv_length (raad_store_list_conflicted (laptop_a)), ==, 0);
  {
    g_autoptr(JsonObject) body = raad_store_get (laptop_a, "member-3", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (json_object_get_string_member (body, "name"), ==,
                     "Carla Smit-Bakker (secretaris)");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/sync/replicate/two-laptops", test_two_laptops);
  return g_test_run ();
}
