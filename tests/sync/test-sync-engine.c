/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-engine.c: RaadSync as the app uses it, against a real server */
#include "config.h"

#include "raad-replicator.h"
#include "raad-server-setup.h"
#include "raad-sync.h"
#include "raad-test-server.h"
#include "raad-test-util.h"

#define ORG "organisation"

static void
create_database (RaadTestServer *server,
                 const char     *name)
{
  g_autofree char *path = g_strconcat ("/", name, NULL);
  g_autofree char *reply = raad_test_server_request (server, "PUT", path, NULL, FALSE, NULL);
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
put_doc (RaadStore  *store,
         const char *id,
         const char *type,
         const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = json_object_new ();
  g_autofree char *rev = raad_store_get_rev (store, id);
  g_autofree char *next = NULL;

  json_object_set_string_member (body, "name", name);
  if (g_str_equal (type, "member"))
    json_object_set_string_member (body, "council_id", "council-ccr");
  next = raad_store_put (store, id, type, rev, body, &error);
  g_assert_no_error (error);
}

typedef struct
{
  guint    finished;
  gboolean last_ok;
} Counter;

static void
on_finished (RaadSync *sync,
             gboolean  ok,
             Counter  *counter)
{
  counter->finished++;
  counter->last_ok = ok;
}

static gboolean
finished_at_least (gpointer data)
{
  Counter *counter = ((Counter **) data)[0];
  guint wanted = GPOINTER_TO_UINT (((gpointer *) data)[1]);

  return counter->finished >= wanted;
}

static void
wait_finished (Counter *counter,
               guint    wanted)
{
  gpointer data[2] = { counter, GUINT_TO_POINTER (wanted) };

  g_assert_true (raad_test_wait_until (finished_at_least, data, raad_test_timeout_ms (30000)));
}

/* The organisation's database and its one council's. */
static void
create_databases (RaadTestServer *server)
{
  g_autofree char *org = raad_sync_database_name (ORG, NULL);
  g_autofree char *ccr = raad_sync_database_name (ORG, "council-ccr");

  g_autofree char *org_path = g_strconcat ("/", org, NULL);
  g_autofree char *reply = NULL;

  /* The organisation's may be there already. */
  reply = raad_test_server_request (server, "PUT", org_path, NULL, TRUE, NULL);
  create_database (server, ccr);
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static RaadStore *
new_org_store (void)
{
  RaadStore *store = raad_test_store_new ();

  put_doc (store, ORG, "organisation", "Zorggroep Het Voorbeeld");
  put_doc (store, "council-ccr", "council", "Centrale Cliëntenraad");
  return store;
}

static void
test_sync_states (void)
{
  g_autoptr(RaadTestServer) server = raad_test_server_start (FALSE);
  g_autoptr(RaadStore) store = new_org_store ();
  g_autoptr(RaadSync) sync = raad_sync_new (store);
  g_autofree char *db = raad_sync_database_name (ORG, NULL);
  g_autoptr(GError) error = NULL;
  Counter counter = { 0 };

  g_assert_cmpint (raad_sync_get_state (sync), ==, RAAD_SYNC_STATE_DISABLED);
  g_assert_false (raad_sync_is_configured (sync));
  create_database (server, db);
  g_signal_connect (sync, "finished", G_CALLBACK (on_finished), &counter);

  /* A wrong password: a plain message, and no retries, also not after an edit. */
  g_assert_true (raad_sync_set_account (sync, raad_test_server_get_url (server),
                                        RAAD_TEST_SERVER_ADMIN, NULL, &error));
  g_assert_no_error (error);
  raad_sync_set_password (sync, "niet-het-wachtwoord");
  raad_sync_set_automatic (sync, TRUE);
  wait_finished (&counter, 1);
  g_assert_false (counter.last_ok);
  g_assert_cmpint (raad_sync_get_state (sync), ==, RAAD_SYNC_STATE_ERROR);
  g_assert_cmpstr (raad_sync_get_error_message (sync), ==, "Wrong user name or password");
  put_doc (store, "member-1", "member", "Anna de Wit");
  {
    gpointer data[2] = { &counter, GUINT_TO_POINTER (2) };

    /* Longer than the delay after an edit: nothing starts. */
    g_assert_false (raad_test_wait_until (finished_at_least, data, 4500));
  }
  g_assert_cmpuint (counter.finished, ==, 1);

  /* The right password, but one council has no database on the server yet: the rest syncs,
   * and the message names the council. With automatic sync on, the new password is enough
   * to start it. */
  raad_sync_set_password (sync, RAAD_TEST_SERVER_ADMIN_PASSWORD);
  g_assert_cmpint (raad_sync_get_state (sync), ==, RAAD_SYNC_STATE_SYNCING);
  wait_finished (&counter, 2);
  g_assert_false (counter.last_ok);
  g_assert_cmpint (raad_sync_get_state (sync), ==, RAAD_SYNC_STATE_ERROR);
  g_assert_cmpstr (raad_sync_get_error_message (sync), ==,
                   "The server has no database for Centrale Cliëntenraad yet; ask your IT "
                   "department to set it up");
  g_assert_cmpuint (server_doc_count (server, db), ==, 3);

  /* All there: synced, with a time. */
  create_databases (server);
  raad_sync_start (sync);
  g_assert_cmpint (raad_sync_get_state (sync), ==, RAAD_SYNC_STATE_SYNCING);
  wait_finished (&counter, 3);
  g_assert_true (counter.last_ok);
  g_assert_cmpint (raad_sync_get_state (sync), ==, RAAD_SYNC_STATE_IDLE);
  g_assert_nonnull (raad_sync_get_last_sync (sync));
  g_assert_null (raad_sync_get_error_message (sync));

  /* The account survives a restart of the app, the password does not. */
  {
    g_autoptr(RaadSync) again = raad_sync_new (store);

    g_assert_true (raad_sync_is_configured (again));
    g_assert_cmpstr (raad_sync_get_url (again), ==, raad_test_server_get_url (server));
    g_assert_cmpstr (raad_sync_get_user (again), ==, RAAD_TEST_SERVER_ADMIN);
    g_assert_false (raad_sync_has_password (again));
    g_assert_nonnull (raad_sync_get_last_sync (again));
  }

  /* The server goes away: offline, with the reason. */
  raad_sync_set_automatic (sync, FALSE);
  raad_test_server_kill (server);
  raad_sync_start (sync);
  wait_finished (&counter, 4);
  g_assert_cmpint (raad_sync_get_state (sync), ==, RAAD_SYNC_STATE_OFFLINE);
  g_assert_true (g_str_has_prefix (raad_sync_get_error_message (sync),
                                   "The server cannot be reached"));

  /* Disconnect: no account, every record kept. */
  g_assert_true (raad_sync_set_account (sync, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raad_sync_get_state (sync), ==, RAAD_SYNC_STATE_DISABLED);
  g_assert_null (raad_store_get_local (store, "sync:url"));
  {
    g_auto(GStrv) checkpoints = raad_store_list_local_keys (store, "sync:checkpoint:");

    g_assert_cmpuint (g_strv_length (checkpoints), ==, 0);
  }
  g_assert_true (raad_store_exists (store, "member-1"));
}

/* Two laptops with automatic sync: an edit on one shows up on the other by itself. */
typedef struct
{
  RaadStore  *store;
  const char *id;
  const char *name;
} Expect;

static gboolean
has_name (gpointer data)
{
  Expect *expect = data;
  g_autoptr(JsonObject) body = raad_store_get (expect->store, expect->id, NULL);

  return body != NULL &&
         g_strcmp0 (json_object_get_string_member_with_default (body, "name", NULL), expect->name) == 0;
}

static void
on_changed (RaadStore *store,
            GStrv      types,
            GStrv      ids,
            gboolean  *seen)
{
  if (g_strv_contains ((const char * const *) ids, "member-7"))
    *seen = TRUE;
}

static void
test_live (void)
{
  g_autoptr(RaadTestServer) server = raad_test_server_start (FALSE);
  g_autoptr(RaadStore) laptop_a = new_org_store ();
  g_autoptr(RaadStore) laptop_b = raad_test_store_new ();
  g_autoptr(RaadSync) sync_a = raad_sync_new (laptop_a);
  g_autoptr(RaadSync) sync_b = raad_sync_new (laptop_b);
  g_autofree char *db = raad_sync_database_name (ORG, NULL);
  Counter counter_a = { 0 };
  Counter counter_b = { 0 };
  Expect expect = { laptop_b, "member-7", "Dirk Visser" };
  gboolean seen = FALSE;

  create_databases (server);
  {
    g_autofree char *reply = raad_test_server_request (
      server, "PUT", "/_users/org.couchdb.user:lid-ccr",
      "{\"name\": \"lid-ccr\", \"password\": \"wachtwoord-ccr\", \"type\": \"user\", "
      "\"roles\": [\"org:" ORG ":member\", \"council:council-ccr:member\"]}", FALSE, NULL);
  }
  g_signal_connect (sync_a, "finished", G_CALLBACK (on_finished), &counter_a);
  g_signal_connect (sync_b, "finished", G_CALLBACK (on_finished), &counter_b);
  g_signal_connect (laptop_b, "changed", G_CALLBACK (on_changed), &seen);
  for (guint i = 0; i < 2; i++)
    {
      RaadSync *sync = i == 0 ? sync_a : sync_b;

      g_assert_true (raad_sync_set_account (sync, raad_test_server_get_url (server),
                                            "lid-ccr", NULL, NULL));
      raad_sync_set_password (sync, "wachtwoord-ccr");
    }

  /* A first: its organisation goes up. B is a fresh laptop: it learns the organisation from
   * the account and pulls it. */
  raad_sync_set_automatic (sync_a, TRUE);
  wait_finished (&counter_a, 1);
  g_assert_true (counter_a.last_ok);
  raad_sync_set_automatic (sync_b, TRUE);
  wait_finished (&counter_b, 1);
  g_assert_true (counter_b.last_ok);
  g_assert_true (raad_store_exists (laptop_b, ORG));
  g_assert_true (raad_store_exists (laptop_b, "council-ccr"));

  /* An edit on A reaches B with nobody pressing a button; B's live records hear of it. */
  put_doc (laptop_a, "member-7", "member", "Dirk Visser");
  g_assert_true (raad_test_wait_until (has_name, &expect, raad_test_timeout_ms (30000)));
  g_assert_true (raad_test_wait_for (&seen, raad_test_timeout_ms (5000)));
}

/* A server set up by raadswerk-admin's library: a member of council A syncs A's records and
 * the organisation's, cannot reach B's, and a record of B written on A's laptop is refused,
 * listed with the reason, and not sent again until edited. */
static void
test_access (void)
{
  g_autoptr(RaadTestServer) server = raad_test_server_start (FALSE);
  g_autoptr(RaadRemote) admin = NULL;
  g_autoptr(RaadStore) store = new_org_store ();
  g_autoptr(RaadSync) sync = raad_sync_new (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) access = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  RaadSyncRejection *rejection;
  const char *a_only[] = { "council-a", NULL };
  Counter counter = { 0 };
  g_autofree char *b_rev = NULL;

  admin = raad_remote_new (raad_test_server_get_url (server), RAAD_TEST_SERVER_ADMIN,
                           RAAD_TEST_SERVER_ADMIN_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_true (raad_server_setup_organisation (admin, ORG, "Zorggroep Het Voorbeeld", NULL, NULL, &error));
  g_assert_true (raad_server_setup_council (admin, ORG, "council-a", "Lokale raad De Linde", NULL, NULL, &error));
  g_assert_true (raad_server_setup_council (admin, ORG, "council-b", "Lokale raad Het Anker", NULL, NULL, &error));
  g_assert_true (raad_server_setup_put_user (admin, ORG, "lid-a", "wachtwoord-a", a_only, NULL,
                                             FALSE, NULL, NULL, &error));
  g_assert_no_error (error);

  put_doc (store, "council-a", "council", "Lokale raad De Linde");
  put_doc (store, "council-b", "council", "Lokale raad Het Anker");
  {
    /* Written by the member of A on their own laptop, for both councils. */
    g_autoptr(JsonObject) mine = json_object_new ();
    g_autoptr(JsonObject) theirs = json_object_new ();
    g_autofree char *rev = NULL;

    json_object_set_string_member (mine, "name", "Anna de Wit");
    json_object_set_string_member (mine, "council_id", "council-a");
    rev = raad_store_put (store, "member-a", "member", NULL, mine, &error);
    g_assert_no_error (error);
    json_object_set_string_member (theirs, "name", "Bert Jansen");
    json_object_set_string_member (theirs, "council_id", "council-b");
    b_rev = raad_store_put (store, "member-b", "member", NULL, theirs, &error);
    g_assert_no_error (error);
  }

  /* Test connection: the organisation and council A, not B. */
  raad_sync_check_account_async (sync, raad_test_server_get_url (server), "lid-a", "wachtwoord-a",
                                 NULL, NULL, store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  access = raad_sync_check_account_finish (sync, result, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (access), ==, 2);
  {
    g_autoptr(RaadSyncAccess) org = g_list_model_get_item (access, 0);
    g_autoptr(RaadSyncAccess) a = g_list_model_get_item (access, 1);

    g_assert_null (raad_sync_access_get_council_id (org));
    g_assert_true (raad_sync_access_get_can_read (org));
    g_assert_true (raad_sync_access_get_can_write (org));
    g_assert_cmpstr (raad_sync_access_get_council_id (a), ==, "council-a");
    g_assert_cmpstr (raad_sync_access_get_name (a), ==, "Lokale raad De Linde");
    g_assert_true (raad_sync_access_get_can_read (a));
  }

  g_signal_connect (sync, "finished", G_CALLBACK (on_finished), &counter);
  g_assert_true (raad_sync_set_account (sync, raad_test_server_get_url (server), "lid-a", NULL, &error));
  raad_sync_set_password (sync, "wachtwoord-a");
  raad_sync_start (sync);
  wait_finished (&counter, 1);

  /* A's member went up; B's member was refused and stays local, listed with the reason. */
  {
    g_autofree char *path = g_strdup_printf ("/%s/member-a", "raadswerk_organisation");
    g_autofree char *path_b = g_strdup_printf ("/%s/member-b", "raadswerk_organisation");
    guint status = 0;
    g_autofree char *reply = raad_test_server_request (server, "GET", path, NULL, TRUE, &status);
    g_autofree char *reply_b = NULL;

    g_assert_cmpuint (status, ==, 200);
    reply_b = raad_test_server_request (server, "GET", path_b, NULL, TRUE, &status);
    g_assert_cmpuint (status, ==, 404);
  }
  g_assert_true (raad_store_exists (store, "member-b"));
  /* Refused too: the organisation record (only organisation admins write it) and the
   * records of the councils the member does not sit in. */
  {
    GListModel *list = raad_sync_get_rejections (sync);
    const char *expected[] = { "council-b", "council-ccr", "member-b", ORG, NULL };

    g_assert_cmpuint (g_list_model_get_n_items (list), ==, g_strv_length ((GStrv) expected));
    for (guint i = 0; expected[i]; i++)
      {
        g_autoptr(RaadSyncRejection) item = g_list_model_get_item (list, i);

        g_assert_cmpstr (raad_sync_rejection_get_id (item), ==, expected[i]);
      }
  }
  rejection = g_list_model_get_item (raad_sync_get_rejections (sync), 2);
  g_assert_cmpstr (raad_sync_rejection_get_id (rejection), ==, "member-b");
  g_assert_cmpstr (raad_sync_rejection_get_title (rejection), ==, "Bert Jansen");
  g_assert_cmpstr (raad_sync_rejection_get_rev (rejection), ==, b_rev);
  g_assert_true (strlen (raad_sync_rejection_get_reason (rejection)) > 0);
  g_test_message ("refused: %s", raad_sync_rejection_get_reason (rejection));
  g_object_unref (rejection);

  /* The next sync does not send it again. */
  {
    g_autofree char *before = raad_store_get_local (store, "sync:rejected:member-b");

    raad_sync_start (sync);
    wait_finished (&counter, 2);
    g_assert_cmpuint (g_list_model_get_n_items (raad_sync_get_rejections (sync)), ==, 4);
    g_autofree char *after = raad_store_get_local (store, "sync:rejected:member-b");

    g_assert_cmpstr (after, ==, before);
  }

  /* Edited into a record of A, it goes up and leaves the list. */
  {
    g_autoptr(JsonObject) body = raad_store_get (store, "member-b", &error);
    g_autofree char *rev = NULL;

    json_object_set_string_member (body, "council_id", "council-a");
    rev = raad_store_put (store, "member-b", "member", b_rev, body, &error);
    g_assert_no_error (error);
    raad_sync_start (sync);
    wait_finished (&counter, 3);
    g_assert_cmpuint (g_list_model_get_n_items (raad_sync_get_rejections (sync)), ==, 3);
    g_assert_null (raad_store_get_local (store, "sync:rejected:member-b"));
  }
  {
    g_autofree char *reply = raad_test_server_request (server, "GET", "/raadswerk_organisation/member-b",
                                                       NULL, FALSE, NULL);

    g_assert_nonnull (strstr (reply, "council-a"));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/sync/engine/states", test_sync_states);
  g_test_add_func ("/sync/engine/live", test_live);
  g_test_add_func ("/sync/engine/access", test_access);
  return g_test_run ();
}
