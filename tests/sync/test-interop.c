/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-interop.c: Raadswerk's replicator and PouchDB's own (Node) on one real server.
 *
 * What Raadswerk writes and pushes, PouchDB's replicator pulls into a PouchDB database of its
 * own; what another CouchDB client writes with PouchDB and pushes, Raadswerk pulls. Node
 * scripts (tests/sync/interop/) print what their PouchDB holds as JSON; this program checks
 * it against the store: winners, leaves, conflicts, revision paths, bodies field by field,
 * attachment digests and bytes, tombstones. */
#include "config.h"

#include "raad-council.h"
#include "raad-member.h"
#include "raad-replicator.h"
#include "raad-test-server.h"
#include "raad-test-util.h"

#define ORG "interop"

static const char *script_dir;

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

/* Runs tests/sync/interop/@script URL DATABASE USER PASSWORD with Node and the PouchDB of the
 * test server's npm install; returns its JSON answer {"replication", "docs"}. */
static JsonObject *
run_node (RaadTestServer *server,
          const char     *script,
          const char     *database)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *node = g_find_program_in_path ("node");
  g_autofree char *path = g_build_filename (script_dir, script, NULL);
  g_autofree char *modules = g_build_filename (raad_test_server_get_npm_dir (), "node_modules", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonObject *answer;
  JsonObject *replication;

  g_assert_nonnull (node);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_subprocess_launcher_setenv (launcher, "NODE_PATH", modules, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, node, path,
                                         raad_test_server_get_url (server), database,
                                         RAAD_TEST_SERVER_ADMIN, RAAD_TEST_SERVER_ADMIN_PASSWORD,
                                         NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    g_error ("node %s failed:\n%s", script, err);

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  answer = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
  replication = json_object_get_object_member (answer, "replication");
  g_assert_true (json_object_get_boolean_member (replication, "ok"));
  g_assert_cmpint (json_object_get_int_member (replication, "doc_write_failures"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (replication, "errors")), ==, 0);
  return answer;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GStrv
sorted (GStrv strv)
{
  qsort (strv, g_strv_length (strv), sizeof (char *), compare_strings);
  return strv;
}

static GStrv
object_keys (JsonObject *object)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GList) keys = json_object_get_members (object);

  for (GList *l = keys; l; l = l->next)
    g_strv_builder_add (builder, l->data);
  return sorted (g_strv_builder_end (builder));
}

static GStrv
array_strings (JsonArray *array)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_strv_builder_add (builder, json_array_get_string_element (array, i));
  return g_strv_builder_end (builder);
}

static char *
node_to_string (JsonNode *node)
{
  return json_to_string (node, FALSE);
}

/* The fields of a body, without the store's and CouchDB's own members. */
static JsonNode *
fields_of (JsonObject *body)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *fields = json_object_new ();
  g_autoptr(GList) keys = json_object_get_members (body);

  for (GList *l = keys; l; l = l->next)
    if (((char *) l->data)[0] != '_')
      json_object_set_member (fields, l->data,
                              json_node_copy (json_object_get_member (body, l->data)));
  json_node_take_object (node, fields);
  return node;
}

typedef enum
{
  HISTORY_FULL,      /* the store has every ancestor PouchDB has */
  HISTORY_NEWEST,    /* the store may lack the oldest ancestors (a pull that skipped them) */
} HistoryCheck;

/* One document of a dump ({"winner", "deleted", "conflicts", "leaves"}) against the store. */
static void
assert_doc_matches (RaadStore    *store,
                    const char   *id,
                    JsonObject   *entry,
                    HistoryCheck  history,
                    guint        *n_short_paths)
{
  JsonObject *leaves = json_object_get_object_member (entry, "leaves");
  g_autofree char *winner = raad_store_get_rev (store, id);
  g_auto(GStrv) store_leaves = sorted (raad_store_get_leaves (store, id, TRUE));
  g_auto(GStrv) pouch_leaves = object_keys (leaves);
  g_auto(GStrv) store_conflicts = sorted (raad_store_get_conflicts (store, id));
  g_auto(GStrv) pouch_conflicts = sorted (array_strings (json_object_get_array_member (entry, "conflicts")));

  g_test_message ("%s: winner %s, %u leaves", id, winner, g_strv_length (store_leaves));
  g_assert_cmpstr (winner, ==, json_object_get_string_member (entry, "winner"));
  g_assert_cmpint (raad_store_exists (store, id), ==,
                   !json_object_get_boolean_member (entry, "deleted"));
  g_assert_cmpstrv (store_leaves, pouch_leaves);
  g_assert_cmpstrv (store_conflicts, pouch_conflicts);

  for (guint i = 0; store_leaves[i]; i++)
    {
      const char *rev = store_leaves[i];
      JsonObject *leaf = json_object_get_object_member (leaves, rev);
      g_auto(GStrv) store_path = raad_store_get_rev_path (store, id, rev);
      g_auto(GStrv) pouch_path = array_strings (json_object_get_array_member (leaf, "revisions"));
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) body = raad_store_get_revision (store, id, rev, &error);
      g_autoptr(JsonNode) store_fields = NULL;
      g_autoptr(JsonNode) pouch_fields = NULL;
      JsonObject *store_atts;
      JsonObject *pouch_atts = json_object_get_object_member (leaf, "attachments");

      /* The revision path, newest first. */
      if (history == HISTORY_FULL)
        g_assert_cmpstrv (store_path, pouch_path);
      else
        {
          guint n = g_strv_length (store_path);

          g_assert_cmpuint (n, >=, 1);
          g_assert_cmpuint (n, <=, g_strv_length (pouch_path));
          for (guint j = 0; j < n; j++)
            g_assert_cmpstr (store_path[j], ==, pouch_path[j]);
          if (n < g_strv_length (pouch_path))
            {
              g_test_message ("%s %s: the store keeps %u of %u revisions of its path", id, rev,
                              n, g_strv_length (pouch_path));
              (*n_short_paths)++;
            }
        }

      /* Deleted or not, and every field. */
      g_assert_no_error (error);
      g_assert_cmpint (json_object_get_boolean_member_with_default (body, "_deleted", FALSE), ==,
                       json_object_get_boolean_member (leaf, "deleted"));
      store_fields = fields_of (body);
      pouch_fields = json_node_ref (json_object_get_member (leaf, "body"));
      if (!json_node_equal (store_fields, pouch_fields))
        {
          g_autofree char *a = node_to_string (store_fields);
          g_autofree char *b = node_to_string (pouch_fields);

          g_error ("%s %s: the store has %s, PouchDB %s", id, rev, a, b);
        }

      /* Attachments: names, types, digests, lengths, bytes. */
      store_atts = json_object_has_member (body, "_attachments") ?
                   json_object_get_object_member (body, "_attachments") : NULL;
      {
        g_auto(GStrv) store_names = store_atts != NULL ? object_keys (store_atts) : g_new0 (char *, 1);
        g_auto(GStrv) pouch_names = object_keys (pouch_atts);

        g_assert_cmpstrv (store_names, pouch_names);
        for (guint j = 0; store_names[j]; j++)
          {
            JsonObject *mine = json_object_get_object_member (store_atts, store_names[j]);
            JsonObject *theirs = json_object_get_object_member (pouch_atts, store_names[j]);
            const char *digest = json_object_get_string_member (mine, "digest");
            g_autoptr(GBytes) data = raad_store_get_blob (store, digest, &error);
            gsize length = 0;
            g_autofree guchar *raw = g_base64_decode (json_object_get_string_member (theirs, "data"),
                                                      &length);
            g_autoptr(GBytes) pouch_data = g_bytes_new (raw, length);

            g_assert_no_error (error);
            g_assert_cmpstr (digest, ==, json_object_get_string_member (theirs, "digest"));
            g_assert_cmpstr (json_object_get_string_member (mine, "content_type"), ==,
                             json_object_get_string_member (theirs, "content_type"));
            g_assert_cmpint (json_object_get_int_member (mine, "length"), ==,
                             json_object_get_int_member (theirs, "length"));
            g_assert_cmpuint (g_bytes_get_size (data), ==, length);
            g_assert_true (g_bytes_equal (data, pouch_data));
          }
      }
    }
}

/* Every document of the store is in the dump and matches, and the dump has no others. */
static void
assert_store_matches_dump (RaadStore    *store,
                           JsonObject   *docs,
                           HistoryCheck  history)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = raad_store_changes_since (store, 0, 0, &error);
  guint n_short = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, json_object_get_size (docs));
  for (guint i = 0; i < changes->len; i++)
    {
      RaadStoreChange *change = g_ptr_array_index (changes, i);

      if (!json_object_has_member (docs, change->id))
        g_error ("PouchDB has no document “%s”", change->id);
      assert_doc_matches (store, change->id, json_object_get_object_member (docs, change->id),
                          history, &n_short);
    }
  if (n_short > 0)
    g_test_message ("%u leaves have a shorter path in the store than in PouchDB", n_short);
}

static void
replicate (RaadStore  *store,
           RaadRemote *remote,
           const char *database,
           gboolean    push,
           gboolean    pull)
{
  g_autoptr(GError) error = NULL;
  RaadReplication replication = { .store = store, .remote = remote, .database = database };
  RaadReplicationStats stats = { 0 };

  if (push)
    {
      g_assert_true (raad_replicate_push (&replication, &stats, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (stats.docs_rejected, ==, 0);
    }
  if (pull)
    {
      g_assert_true (raad_replicate_pull (&replication, &stats, NULL, &error));
      g_assert_no_error (error);
    }
}

/* Bytes that do not compress and differ per seed, as photos do. */
static GBytes *
make_photo (guint32 seed,
            gsize   size)
{
  guchar *data = g_malloc (size);
  guint32 x = seed != 0 ? seed : 1;

  for (gsize i = 0; i < size; i++)
    {
      x ^= x << 13;
      x ^= x >> 17;
      x ^= x << 5;
      data[i] = x & 0xff;
    }
  return g_bytes_new_take (data, size);
}

static RaadMember *
new_member (RaadStore  *store,
            const char *council_id,
            const char *name,
            const char *role,
            guint32     photo_seed,
            gsize       photo_size)
{
  g_autoptr(GError) error = NULL;
  RaadMember *member = raad_member_new (store);
  static const char * const areas[] = { "huisvesting", "maaltijden", "zorg en welzijn", NULL };

  raad_member_set_name (member, name);
  raad_member_set_council_id (member, council_id);
  raad_member_set_role (member, role);
  raad_member_set_membership (member, RAAD_MEMBERSHIP_CLIENT);
  raad_member_set_attention_areas (member, areas);
  raad_member_set_bio (member, "Woont sinds 2019 op afdeling Vlinder; “altijd kritisch” — en dat mag.\n"
                               "Tweede regel met een tab\there.");
  raad_member_set_email (member, "lid@voorbeeld.invalid");
  raad_member_set_email_visibility (member, RAAD_VISIBILITY_COUNCIL);
  raad_member_set_term_start (member, "2023-01-01");
  raad_member_set_term_end (member, "2026-12-31");
  if (photo_size > 0)
    {
      g_autoptr(GBytes) photo = make_photo (photo_seed, photo_size);

      raad_record_set_attachment (RAAD_RECORD (member), RAAD_MEMBER_PHOTO, "image/jpeg", photo);
    }
  raad_record_save (RAAD_RECORD (member), &error);
  g_assert_no_error (error);
  return member;
}

static void
test_raadswerk_to_pouchdb (void)
{
  g_autoptr(RaadTestServer) server = raad_test_server_start (FALSE);
  g_autoptr(RaadRemote) remote = admin_remote (server);
  g_autoptr(RaadStore) laptop_a = raad_test_store_new ();
  g_autoptr(RaadStore) laptop_b = raad_test_store_new ();
  g_autofree char *db = raad_sync_database_name (ORG, NULL);
  g_autofree char *council = NULL;
  g_autoptr(RaadMember) anna = NULL;
  g_autoptr(RaadMember) bert = NULL;
  g_autoptr(RaadMember) carla = NULL;
  g_autoptr(RaadMember) dirk = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(JsonObject) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json_rev = NULL;
  g_autofree char *slash_rev = NULL;
  JsonObject *docs;

  create_database (server, db);

  /* Laptop A: a council, members with photos, a three-revision history, a deletion. */
  council = raad_test_save_council (laptop_a, "Cliëntenraad Noord", "local", "De Noorderhof");
  anna = new_member (laptop_a, council, "Anna de Wit", RAAD_ROLE_CHAIR, 1, 30000);
  bert = new_member (laptop_a, council, "Bert Jansen", RAAD_ROLE_MEMBER, 2, 2000);
  raad_member_set_name (bert, "Bert Jansen-Vos");
  g_assert_true (raad_record_save (RAAD_RECORD (bert), &error));
  {
    g_autoptr(GBytes) photo = make_photo (3, 30000);

    raad_member_set_role (bert, RAAD_ROLE_SECRETARY);
    raad_record_set_attachment (RAAD_RECORD (bert), RAAD_MEMBER_PHOTO, "image/jpeg", photo);
    g_assert_true (raad_record_save (RAAD_RECORD (bert), &error));
  }
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (raad_record_get_rev (RAAD_RECORD (bert)), "3-"));
  carla = new_member (laptop_a, council, "Carla Smit", RAAD_ROLE_MEMBER, 4, 0);
  g_assert_true (raad_record_delete (RAAD_RECORD (carla), &error));
  g_assert_no_error (error);

  /* Every JSON type, through the store as a record type of the future would write it. */
  json_object_set_string_member (fields, "name", "Eva Kok");
  json_object_set_string_member (fields, "council_id", council);
  json_object_set_int_member (fields, "seats_held", 2);
  json_object_set_double_member (fields, "hours_per_week", 4.5);
  json_object_set_boolean_member (fields, "resident", FALSE);
  json_object_set_null_member (fields, "note");
  {
    JsonArray *tags = json_array_new ();
    JsonObject *address = json_object_new ();

    json_array_add_string_element (tags, "financiën");
    json_array_add_int_element (tags, 1);
    json_array_add_boolean_element (tags, TRUE);
    json_object_set_array_member (fields, "tags", tags);
    json_object_set_string_member (address, "street", "Lindelaan 12");
    json_object_set_int_member (address, "floor", 3);
    json_object_set_null_member (address, "unit");
    json_object_set_object_member (fields, "address", address);
  }
  json_rev = raad_store_put (laptop_a, "member-json", "member", NULL, fields, &error);
  g_assert_no_error (error);

  /* The member both laptops will edit. */
  dirk = new_member (laptop_a, council, "Dirk Visser", RAAD_ROLE_MEMBER, 5, 3000);
  replicate (laptop_a, remote, db, TRUE, FALSE);
  replicate (laptop_b, remote, db, FALSE, TRUE);

  /* Offline, both edit Dirk; B also adds a member whose id needs escaping in a URL. */
  raad_member_set_name (dirk, "Dirk Visser (laptop A)");
  g_assert_true (raad_record_save (RAAD_RECORD (dirk), &error));
  {
    g_autoptr(RaadRecord) dirk_b = raad_record_load (laptop_b, raad_record_get_id (RAAD_RECORD (dirk)),
                                                     &error);
    g_autoptr(GBytes) photo = make_photo (6, 4000);

    g_assert_no_error (error);
    raad_member_set_name (RAAD_MEMBER (dirk_b), "Dirk Visser (laptop B)");
    raad_record_set_attachment (dirk_b, RAAD_MEMBER_PHOTO, "image/jpeg", photo);
    g_assert_true (raad_record_save (dirk_b, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(JsonObject) body = json_object_new ();
    g_autoptr(JsonObject) atts = json_object_new ();
    g_autoptr(GBytes) photo = make_photo (7, 5000);
    g_autoptr(JsonObject) stub = raad_store_add_blob (laptop_b, "image/png", photo, &error);

    g_assert_no_error (error);
    json_object_set_string_member (body, "name", "Zoë de Vries");
    json_object_set_string_member (body, "council_id", council);
    json_object_set_object_member (atts, "photo", json_object_ref (stub));
    json_object_set_object_member (body, "_attachments", json_object_ref (atts));
    slash_rev = raad_store_put (laptop_b, "lid/Zoë de Vries 8", "member", NULL, body, &error);
    g_assert_no_error (error);
  }
  replicate (laptop_a, remote, db, TRUE, FALSE);
  replicate (laptop_b, remote, db, TRUE, FALSE);
  replicate (laptop_a, remote, db, FALSE, TRUE);
  {
    g_auto(GStrv) conflicted = raad_store_list_conflicted (laptop_a);

    g_assert_cmpstrv (conflicted, ((const char *[]) { raad_record_get_id (RAAD_RECORD (dirk)), NULL }));
  }

  /* PouchDB's replicator reads it all back. */
  answer = run_node (server, "pull.js", db);
  docs = json_object_get_object_member (answer, "docs");
  g_assert_true (json_object_has_member (docs, "lid/Zoë de Vries 8"));
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (docs, raad_record_get_id (RAAD_RECORD (carla))),
                                                 "deleted"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_object_get_object_member (docs, raad_record_get_id (RAAD_RECORD (dirk))),
                                                                         "conflicts")), ==, 1);
  assert_store_matches_dump (laptop_a, docs, HISTORY_FULL);
}

static void
test_pouchdb_to_raadswerk (void)
{
  g_autoptr(RaadTestServer) server = raad_test_server_start (FALSE);
  g_autoptr(RaadRemote) remote = admin_remote (server);
  g_autoptr(RaadStore) laptop = raad_test_store_new ();
  g_autofree char *db = raad_sync_database_name (ORG, NULL);
  g_autoptr(JsonObject) written = NULL;
  g_autoptr(JsonObject) read_back = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *docs;

  create_database (server, db);

  /* Another client writes with PouchDB and pushes with PouchDB's replicator. */
  written = run_node (server, "push.js", db);
  docs = json_object_get_object_member (written, "docs");
  g_assert_cmpuint (json_object_get_size (docs), ==, 9);

  /* Raadswerk pulls: the same revisions, winners, conflicts, bytes and tombstones. */
  replicate (laptop, remote, db, FALSE, TRUE);
  assert_store_matches_dump (laptop, docs, HISTORY_NEWEST);
  g_assert_false (raad_store_exists (laptop, "member-p4"));
  {
    g_autofree char *winner = raad_store_get_rev (laptop, "member-p5");

    g_assert_cmpstr (winner, ==, "2-ffffffffffffffffffffffffffffffff");
  }
  g_assert_cmpuint (raad_store_count (laptop, "member"), ==, 7);
  g_assert_cmpuint (raad_store_count (laptop, "council"), ==, 1);
  {
    g_auto(GStrv) conflicted = raad_store_list_conflicted (laptop);

    g_assert_cmpstrv (conflicted, ((const char *[]) { "member-p5", "member-p6", NULL }));
  }

  /* And back: Raadswerk resolves one conflict, edits and deletes; PouchDB reads the result. */
  {
    g_autofree char *winner = raad_store_get_rev (laptop, "member-p5");
    g_autoptr(JsonObject) merged = raad_store_get (laptop, "member-p5", &error);
    g_autofree char *resolved = NULL;

    g_assert_no_error (error);
    json_object_set_string_member (merged, "name", "Jet Postma");
    resolved = raad_store_resolve_conflict (laptop, "member-p5", winner, merged, &error);
    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (resolved, "3-"));
  }
  {
    g_autofree char *rev = raad_store_get_rev (laptop, "member-p2");
    g_autoptr(JsonObject) body = raad_store_get (laptop, "member-p2", &error);
    g_autofree char *next = NULL;

    g_assert_no_error (error);
    json_object_set_string_member (body, "role", "chair");
    next = raad_store_put (laptop, "member-p2", "member", rev, body, &error);
    g_assert_no_error (error);
  }
  {
    g_autofree char *rev = raad_store_get_rev (laptop, "lid/Zoë de Vries 8");
    g_autofree char *gone = raad_store_delete (laptop, "lid/Zoë de Vries 8", rev, &error);

    g_assert_no_error (error);
  }
  replicate (laptop, remote, db, TRUE, FALSE);
  read_back = run_node (server, "pull.js", db);
  docs = json_object_get_object_member (read_back, "docs");
  assert_store_matches_dump (laptop, docs, HISTORY_NEWEST);
  {
    JsonObject *p5 = json_object_get_object_member (docs, "member-p5");
    JsonObject *p2 = json_object_get_object_member (docs, "member-p2");
    JsonObject *p2_leaf = json_object_get_object_member (json_object_get_object_member (p2, "leaves"),
                                                         json_object_get_string_member (p2, "winner"));

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (p5, "conflicts")), ==, 0);
    /* The server joins the edit to the whole history PouchDB wrote. */
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (p2_leaf, "revisions")), ==, 4);
    g_assert_true (json_object_get_boolean_member (json_object_get_object_member (docs, "lid/Zoë de Vries 8"),
                                                   "deleted"));
  }

  /* Everything the store now holds, PouchDB's documents included, pushed into an empty
   * database (a new server): PouchDB reads exactly the store's revisions and paths. */
  {
    g_autofree char *fresh = raad_sync_database_name (ORG, "new-server");
    g_autoptr(JsonObject) copy = NULL;

    create_database (server, fresh);
    replicate (laptop, remote, fresh, TRUE, FALSE);
    copy = run_node (server, "pull.js", fresh);
    assert_store_matches_dump (laptop, json_object_get_object_member (copy, "docs"), HISTORY_FULL);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  for (int i = 1; i < argc; i++)
    if (argv[i][0] != '-')
      script_dir = argv[i];
  if (script_dir == NULL)
    g_error ("usage: test-interop [--tap] DIRECTORY-OF-THE-NODE-SCRIPTS");
  g_test_add_func ("/sync/interop/raadswerk-to-pouchdb", test_raadswerk_to_pouchdb);
  g_test_add_func ("/sync/interop/pouchdb-to-raadswerk", test_pouchdb_to_raadswerk);
  return g_test_run ();
}
