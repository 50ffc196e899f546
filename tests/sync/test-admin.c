/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-admin.c: raadswerk-admin's set-up, users, checks and write rules on a real server */
#include "config.h"

#include <glib/gstdio.h>

#include "raad-organisation.h"
#include "raad-replicator.h"
#include "raad-server-setup.h"
#include "raad-test-server.h"
#include "raad-test-util.h"

/* One PouchDB Server for the program; each test uses an organisation of its own. */
static RaadTestServer *server;
/* The raadswerk-admin executable, from the command line (meson passes it). */
static const char *admin_exe;

typedef struct
{
  guint  counts[RAAD_SERVER_SETUP_PROBLEM + 1];
  GString *text;
} Steps;

static void
steps_init (Steps *steps)
{
  memset (steps, 0, sizeof *steps);
  steps->text = g_string_new (NULL);
}

static void
steps_clear (Steps *steps)
{
  g_string_free (steps->text, TRUE);
}

static void
count_step (RaadServerSetupStep  step,
            const char          *message,
            gpointer             user_data)
{
  Steps *steps = user_data;

  g_test_message ("step %d: %s", step, message);
  steps->counts[step]++;
  g_string_append_printf (steps->text, "%d %s\n", step, message);
}

static RaadRemote *
remote_as (const char *user,
           const char *password)
{
  g_autoptr(GError) error = NULL;
  RaadRemote *remote = raad_remote_new (raad_test_server_get_url (server), user, password, &error);

  g_assert_no_error (error);
  return remote;
}

static RaadRemote *
admin_remote (void)
{
  g_autoptr(RaadRemote) remote = remote_as (RAAD_TEST_SERVER_ADMIN, RAAD_TEST_SERVER_ADMIN_PASSWORD);
  g_autoptr(GError) error = NULL;

  raad_server_setup_connect (remote, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&remote);
}

static void
setup_all (RaadRemote         *remote,
           const char         *org,
           const char * const *councils,
           Steps              *steps)
{
  g_autoptr(GError) error = NULL;

  raad_server_setup_organisation (remote, org, NULL, count_step, steps, &error);
  g_assert_no_error (error);
  for (guint i = 0; councils[i] != NULL; i++)
    {
      raad_server_setup_council (remote, org, councils[i], NULL, count_step, steps, &error);
      g_assert_no_error (error);
    }
}

static void
add_user (RaadRemote         *remote,
          const char         *org,
          const char         *name,
          const char         *password,
          const char * const *councils,
          gboolean            org_admin)
{
  g_autoptr(GError) error = NULL;

  raad_server_setup_put_user (remote, org, name, password, councils, NULL, org_admin, NULL, NULL,
                              &error);
  g_assert_no_error (error);
}

/* PUT one document as @remote; returns the error (NULL when written). */
static GError *
put_doc (RaadRemote *remote,
         const char *database,
         const char *id,
         const char *json)
{
  g_autofree char *path = NULL;
  g_autofree char *escaped = raad_remote_escape (id);
  g_autoptr(JsonNode) body = json_from_string (json, NULL);
  g_autoptr(JsonNode) reply = NULL;
  GError *error = NULL;

  g_assert_nonnull (body);
  path = g_strconcat ("/", database, "/", escaped, NULL);
  reply = raad_remote_call (remote, "PUT", path, body, NULL, NULL, &error);
  return error;
}

static void
assert_put_ok (RaadRemote *remote,
               const char *database,
               const char *id,
               const char *json)
{
  g_autoptr(GError) error = put_doc (remote, database, id, json);

  g_assert_no_error (error);
}

static void
assert_put_forbidden (RaadRemote *remote,
                      const char *database,
                      const char *id,
                      const char *json,
                      const char *reason_part)
{
  g_autoptr(GError) error = put_doc (remote, database, id, json);

  g_assert_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, reason_part));
}

/* Refused for lack of access to the database: CouchDB says 403, PouchDB Server 401. */
static void
assert_no_access (GError *error)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == RAAD_SYNC_ERROR);
  g_assert_true (error->code == RAAD_SYNC_ERROR_FORBIDDEN ||
                 error->code == RAAD_SYNC_ERROR_UNAUTHORIZED);
}

static char *
server_get (const char *path,
            guint      *status)
{
  return raad_test_server_request (server, "GET", path, NULL, TRUE, status);
}

static void
test_setup_twice (void)
{
  g_autoptr(RaadRemote) remote = admin_remote ();
  const char *councils[] = { "council-ccr", "council-linde", NULL };
  g_autoptr(JsonNode) security = NULL;
  g_autofree char *body = NULL;
  g_autofree char *rules = NULL;
  g_autoptr(JsonNode) design = NULL;
  JsonObject *info;
  Steps first, second;
  guint status = 0;

  steps_init (&first);
  setup_all (remote, "org-twice", councils, &first);
  /* Three databases, each created with security and rules. */
  g_assert_cmpuint (first.counts[RAAD_SERVER_SETUP_CREATED], ==, 9);
  g_assert_cmpuint (first.counts[RAAD_SERVER_SETUP_UPDATED], ==, 0);
  g_assert_nonnull (strstr (first.text->str, "created database raadswerk_org-twice_council-linde"));

  steps_init (&second);
  setup_all (remote, "org-twice", councils, &second);
  g_assert_cmpuint (second.counts[RAAD_SERVER_SETUP_CREATED], ==, 0);
  g_assert_cmpuint (second.counts[RAAD_SERVER_SETUP_UPDATED], ==, 0);
  /* _users plus three steps per database. */
  g_assert_cmpuint (second.counts[RAAD_SERVER_SETUP_UNCHANGED], ==, 10);

  /* What is on the server is what the design says. */
  body = server_get ("/raadswerk_org-twice_council-ccr/_security", &status);
  g_assert_cmpuint (status, ==, 200);
  security = json_from_string (body, NULL);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (
                     json_object_get_object_member (json_node_get_object (security), "admins"),
                     "roles"), 0), ==, "org:org-twice:admin");
  {
    JsonArray *roles = json_object_get_array_member (
      json_object_get_object_member (json_node_get_object (security), "members"), "roles");

    g_assert_cmpuint (json_array_get_length (roles), ==, 2);
    g_assert_cmpstr (json_array_get_string_element (roles, 0), ==, "council:council-ccr:member");
    g_assert_cmpstr (json_array_get_string_element (roles, 1), ==, "council:council-ccr:admin");
  }
  g_clear_pointer (&body, g_free);
  body = server_get ("/raadswerk_org-twice/_design/raadswerk", &status);
  g_assert_cmpuint (status, ==, 200);
  design = json_from_string (body, NULL);
  rules = raad_server_setup_validate_function ("org-twice", NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (design),
                                                  "validate_doc_update"), ==, rules);
  info = json_object_get_object_member (json_node_get_object (design), "raadswerk");
  g_assert_cmpstr (json_object_get_string_member (info, "organisation"), ==, "org-twice");
  g_assert_true (json_object_get_null_member (info, "council"));

  /* The councils are found again by their design documents. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) found = raad_server_setup_list_councils (remote, "org-twice", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 2);
    g_assert_cmpstr (((RaadServerCouncil *) g_ptr_array_index (found, 0))->id, ==, "council-ccr");
    g_assert_cmpstr (((RaadServerCouncil *) g_ptr_array_index (found, 1))->id, ==, "council-linde");
  }

  steps_clear (&first);
  steps_clear (&second);
}

static guint
check (RaadRemote *remote,
       const char *org,
       Steps      *steps)
{
  g_autoptr(GError) error = NULL;
  guint n_problems = 99;

  raad_server_setup_check (remote, org, NULL, count_step, steps, &n_problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_problems, ==, steps->counts[RAAD_SERVER_SETUP_PROBLEM]);
  return n_problems;
}

static void
test_check_broken (void)
{
  g_autoptr(RaadRemote) remote = admin_remote ();
  const char *councils[] = { "check-a", "check-b", NULL };
  g_autofree char *reply = NULL;
  g_autofree char *design = NULL;
  g_autoptr(JsonNode) design_node = NULL;
  g_autofree char *delete_path = NULL;
  Steps setup, clean, broken, repair, repaired;

  steps_init (&setup);
  setup_all (remote, "org-check", councils, &setup);
  add_user (remote, "org-check", "anna", "anna-pw", (const char *[]) { "check-a", NULL }, FALSE);

  steps_init (&clean);
  g_assert_cmpuint (check (remote, "org-check", &clean), ==, 0);
  g_assert_cmpuint (clean.counts[RAAD_SERVER_SETUP_OK], ==, 4);

  /* Someone empties a council's security (the database opens to anyone) and deletes the
   * organisation's write rules. */
  reply = raad_test_server_request (server, "PUT", "/raadswerk_org-check_check-b/_security",
                                    "{}", FALSE, NULL);
  design = server_get ("/raadswerk_org-check/_design/raadswerk", NULL);
  design_node = json_from_string (design, NULL);
  delete_path = g_strdup_printf ("/raadswerk_org-check/_design/raadswerk?rev=%s",
                                 json_object_get_string_member (json_node_get_object (design_node),
                                                                "_rev"));
  g_clear_pointer (&reply, g_free);
  reply = raad_test_server_request (server, "DELETE", delete_path, NULL, FALSE, NULL);

  steps_init (&broken);
  g_assert_cmpuint (check (remote, "org-check", &broken), ==, 3);
  g_assert_nonnull (strstr (broken.text->str,
                            "security of raadswerk_org-check_check-b is wrong"));
  g_assert_nonnull (strstr (broken.text->str,
                            "anyone can read raadswerk_org-check_check-b"));
  g_assert_nonnull (strstr (broken.text->str, "database raadswerk_org-check has no write rules"));

  /* Running the set-up again repairs exactly that. */
  steps_init (&repair);
  setup_all (remote, "org-check", councils, &repair);
  g_assert_cmpuint (repair.counts[RAAD_SERVER_SETUP_CREATED], ==, 2);
  g_assert_cmpuint (repair.counts[RAAD_SERVER_SETUP_UPDATED], ==, 0);
  steps_init (&repaired);
  g_assert_cmpuint (check (remote, "org-check", &repaired), ==, 0);

  steps_clear (&setup);
  steps_clear (&clean);
  steps_clear (&broken);
  steps_clear (&repair);
  steps_clear (&repaired);
}

static void
test_council_access (void)
{
  g_autoptr(RaadRemote) remote = admin_remote ();
  const char *councils[] = { "council-a", "council-b", NULL };
  g_autoptr(RaadRemote) anna = NULL;
  g_autoptr(RaadRemote) bert = NULL;
  g_autoptr(RaadRemote) olga = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonNode) bulk = NULL;
  g_autoptr(JsonNode) written = NULL;
  g_autofree char *rev = NULL;
  g_autofree char *bulk_body = NULL;
  const char *org_db = "raadswerk_org-access";
  const char *db_a = "raadswerk_org-access_council-a";
  const char *db_b = "raadswerk_org-access_council-b";
  Steps steps;

  steps_init (&steps);
  setup_all (remote, "org-access", councils, &steps);
  add_user (remote, "org-access", "anna", "anna-pw", (const char *[]) { "council-a", NULL }, FALSE);
  add_user (remote, "org-access", "bert", "bert-pw", (const char *[]) { "council-b", NULL }, FALSE);
  add_user (remote, "org-access", "olga", "olga-pw", NULL, TRUE);
  anna = remote_as ("anna", "anna-pw");
  bert = remote_as ("bert", "bert-pw");
  olga = remote_as ("olga", "olga-pw");

  /* Anna reads her own council's database and the organisation's, not council B's. */
  reply = raad_remote_call (anna, "GET", "/raadswerk_org-access_council-a", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&reply, json_node_unref);
  reply = raad_remote_call (anna, "GET", "/raadswerk_org-access", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&reply, json_node_unref);
  reply = raad_remote_call (anna, "GET", "/raadswerk_org-access_council-b/_all_docs", NULL, NULL,
                            NULL, &error);
  g_assert_null (reply);
  assert_no_access (error);
  g_clear_error (&error);

  /* Her own records go in; council B's do not, in neither database. */
  assert_put_ok (anna, org_db, "member-anna", "{\"type\":\"member\",\"council_id\":\"council-a\"}");
  assert_put_ok (anna, db_a, "signal-1",
                 "{\"type\":\"signal\",\"council_id\":\"council-a\",\"scope\":\"council\"}");
  assert_put_ok (anna, org_db, "agenda-item-1", "{\"type\":\"agenda-item\"}");
  assert_put_ok (anna, org_db, "council-a", "{\"type\":\"council\",\"name\":\"A\"}");
  assert_put_forbidden (anna, org_db, "member-x",
                        "{\"type\":\"member\",\"council_id\":\"council-b\"}",
                        "not a member of the council");
  assert_put_forbidden (anna, org_db, "council-b", "{\"type\":\"council\",\"name\":\"B\"}",
                        "not a member of the council");
  error = put_doc (anna, db_b, "signal-2",
                   "{\"type\":\"signal\",\"council_id\":\"council-b\",\"scope\":\"council\"}");
  assert_no_access (error);
  g_clear_error (&error);
  assert_put_forbidden (anna, db_a, "signal-3",
                        "{\"type\":\"signal\",\"council_id\":\"council-b\",\"scope\":\"council\"}",
                        "only the records of its own council");

  /* A private record never enters the organisation database, not even from the admin. */
  assert_put_forbidden (anna, org_db, "signal-4",
                        "{\"type\":\"signal\",\"council_id\":\"council-a\",\"scope\":\"council\"}",
                        "do not belong in the organisation database");
  assert_put_forbidden (remote, org_db, "signal-4",
                        "{\"type\":\"signal\",\"council_id\":\"council-a\",\"scope\":\"council\"}",
                        "do not belong in the organisation database");
  assert_put_forbidden (anna, org_db, "untyped", "{\"name\":\"x\"}", "without a type");

  /* The organisation's record is for its admins. */
  assert_put_forbidden (anna, org_db, "organisation", "{\"type\":\"organisation\"}",
                        "administrators");
  assert_put_ok (olga, org_db, "organisation", "{\"type\":\"organisation\",\"name\":\"Z\"}");
  /* The org admin may write in every council's database. */
  assert_put_ok (olga, db_b, "signal-5",
                 "{\"type\":\"signal\",\"council_id\":\"council-b\",\"scope\":\"council\"}");
  /* Nobody but admins changes the rules. */
  error = put_doc (anna, org_db, "_design/mine", "{\"validate_doc_update\":\"function(){}\"}");
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Bare tombstones are judged by the record they delete: Bert's for Anna's record is
   * refused, through the replicator's way in (new_edits=false) too; Anna's own is accepted.
   * (Anna's goes in with new_edits=true: PouchDB Server 4.2's validation replaces the
   * _revisions of a new_edits=false write with the old document's, so such a write with a
   * validate_doc_update in place is silently lost there. CouchDB has no such bug.) */
  {
    g_autofree char *body = server_get ("/raadswerk_org-access/member-anna", NULL);
    g_autoptr(JsonNode) doc = json_from_string (body, NULL);

    rev = g_strdup (json_object_get_string_member (json_node_get_object (doc), "_rev"));
  }
  bulk_body = g_strdup_printf ("{\"new_edits\":false,\"docs\":[{\"_id\":\"member-anna\","
                               "\"_rev\":\"2-0123456789abcdef0123456789abcdef\",\"_deleted\":true,"
                               "\"_revisions\":{\"start\":2,\"ids\":["
                               "\"0123456789abcdef0123456789abcdef\",\"%s\"]}}]}",
                               strchr (rev, '-') + 1);
  bulk = json_from_string (bulk_body, NULL);
  written = raad_remote_call (bert, "POST", "/raadswerk_org-access/_bulk_docs", bulk, NULL, NULL,
                              &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (written)), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_node_get_array (written), 0), "error"),
                   ==, "forbidden");
  g_clear_pointer (&written, json_node_unref);
  g_clear_pointer (&bulk, json_node_unref);
  g_free (bulk_body);
  bulk_body = g_strdup_printf ("{\"docs\":[{\"_id\":\"member-anna\",\"_rev\":\"%s\","
                               "\"_deleted\":true}]}", rev);
  bulk = json_from_string (bulk_body, NULL);
  written = raad_remote_call (bert, "POST", "/raadswerk_org-access/_bulk_docs", bulk, NULL, NULL,
                              &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_node_get_array (written), 0), "error"),
                   ==, "forbidden");
  g_clear_pointer (&written, json_node_unref);
  written = raad_remote_call (anna, "POST", "/raadswerk_org-access/_bulk_docs", bulk, NULL, NULL,
                              &error);
  g_assert_no_error (error);
  g_assert_false (json_object_has_member (
                    json_array_get_object_element (json_node_get_array (written), 0), "error"));
  {
    guint status = 0;
    g_autofree char *gone = raad_test_server_request (server, "GET",
                                                      "/raadswerk_org-access/member-anna", NULL,
                                                      TRUE, &status);

    g_assert_cmpuint (status, ==, 404);
  }

  /* Moving a record of council A to council B needs council A too. */
  assert_put_ok (anna, org_db, "member-anna-2", "{\"type\":\"member\",\"council_id\":\"council-a\"}");
  {
    g_autofree char *body = server_get ("/raadswerk_org-access/member-anna-2", NULL);
    g_autoptr(JsonNode) doc = json_from_string (body, NULL);
    g_autofree char *moved = g_strdup_printf ("{\"_rev\":\"%s\",\"type\":\"member\","
                                              "\"council_id\":\"council-b\"}",
                                              json_object_get_string_member (
                                                json_node_get_object (doc), "_rev"));

    assert_put_forbidden (bert, org_db, "member-anna-2", moved, "not a member of the council");
  }

  steps_clear (&steps);
}

static void
test_users (void)
{
  g_autoptr(RaadRemote) remote = admin_remote ();
  const char *councils[] = { "users-a", "users-b", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(RaadRemote) carla = NULL;
  g_autoptr(JsonNode) session = NULL;
  g_autofree char *reply = NULL;
  g_autofree char *user_doc = NULL;
  RaadServerUser *user;
  Steps steps;

  steps_init (&steps);
  setup_all (remote, "org-users", councils, &steps);
  setup_all (remote, "org-other", (const char *[]) { "other-z", NULL }, &steps);

  /* A linking pin: member of A, admin of B, and also in another organisation. */
  raad_server_setup_put_user (remote, "org-other", "carla", "carla-pw",
                              (const char *[]) { "other-z", NULL }, NULL, FALSE, NULL, NULL,
                              &error);
  g_assert_no_error (error);
  raad_server_setup_put_user (remote, "org-users", "carla", NULL,
                              (const char *[]) { "users-a", NULL },
                              (const char *[]) { "users-b", NULL }, FALSE, count_step, &steps,
                              &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (steps.text->str, "updated user carla (member of users-a; admin of "
                                             "users-b)"));
  add_user (remote, "org-users", "dirk", "dirk-pw", NULL, TRUE);

  users = raad_server_setup_list_users (remote, "org-users", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, 2);
  user = g_ptr_array_index (users, 0);
  g_assert_cmpstr (user->name, ==, "carla");
  g_assert_true (user->member);
  g_assert_false (user->org_admin);
  g_assert_cmpstrv (user->councils, ((const char *[]) { "users-a", NULL }));
  g_assert_cmpstrv (user->admin_councils, ((const char *[]) { "users-b", NULL }));
  user = g_ptr_array_index (users, 1);
  g_assert_cmpstr (user->name, ==, "dirk");
  g_assert_true (user->org_admin);
  g_assert_cmpuint (g_strv_length (user->councils), ==, 0);

  /* The password stayed, and so did the roles of the other organisation. */
  carla = remote_as ("carla", "carla-pw");
  session = raad_remote_call (carla, "GET", "/_session", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  {
    JsonArray *roles = json_object_get_array_member (
      json_object_get_object_member (json_node_get_object (session), "userCtx"), "roles");
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
    g_auto(GStrv) strv = NULL;

    for (guint i = 0; i < json_array_get_length (roles); i++)
      g_strv_builder_add (builder, json_array_get_string_element (roles, i));
    strv = g_strv_builder_end (builder);
    g_assert_true (g_strv_contains ((const char * const *) strv, "org:org-other:member"));
    g_assert_true (g_strv_contains ((const char * const *) strv, "council:other-z:member"));
    g_assert_true (g_strv_contains ((const char * const *) strv, "org:org-users:member"));
    g_assert_true (g_strv_contains ((const char * const *) strv, "council:users-a:member"));
    g_assert_true (g_strv_contains ((const char * const *) strv, "council:users-b:admin"));
  }

  /* The same again changes nothing. */
  g_string_truncate (steps.text, 0);
  raad_server_setup_put_user (remote, "org-users", "carla", NULL,
                              (const char *[]) { "users-a", NULL },
                              (const char *[]) { "users-b", NULL }, FALSE, count_step, &steps,
                              &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (steps.text->str, "already there: user carla"));

  /* A council that is not set up, a new user without a password, a bad name. */
  raad_server_setup_put_user (remote, "org-users", "erik", "erik-pw",
                              (const char *[]) { "users-typo", NULL }, NULL, FALSE, NULL, NULL,
                              &error);
  g_assert_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "users-typo"));
  g_clear_error (&error);
  raad_server_setup_put_user (remote, "org-users", "erik", NULL, NULL, NULL, FALSE, NULL, NULL,
                              &error);
  g_assert_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_INVALID);
  g_clear_error (&error);
  raad_server_setup_put_user (remote, "org-users", "a:b", "pw", NULL, NULL, FALSE, NULL, NULL,
                              &error);
  g_assert_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_INVALID);
  g_clear_error (&error);

  /* Removing Carla from this organisation keeps her in the other one; Dirk goes entirely. */
  raad_server_setup_remove_user (remote, "org-users", "carla", NULL, NULL, &error);
  g_assert_no_error (error);
  raad_server_setup_remove_user (remote, "org-users", "dirk", NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&users, g_ptr_array_unref);
  users = raad_server_setup_list_users (remote, "org-users", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, 0);
  g_clear_pointer (&users, g_ptr_array_unref);
  users = raad_server_setup_list_users (remote, "org-other", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, 1);
  {
    guint status = 0;

    reply = raad_test_server_request (server, "GET", "/_users/org.couchdb.user%3Adirk", NULL,
                                      TRUE, &status);
    g_assert_cmpuint (status, ==, 404);
  }

  /* Roles do not name the organisation: a council id is set up once per server. */
  raad_server_setup_council (remote, "org-other", "users-a", NULL, NULL, NULL, &error);
  g_assert_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "already set up for organisation “org-users”"));
  g_clear_error (&error);

  steps_clear (&steps);
}

static void
test_connect_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RaadRemote) wrong = remote_as (RAAD_TEST_SERVER_ADMIN, "not-the-password");
  g_autoptr(RaadRemote) remote = admin_remote ();
  g_autoptr(RaadRemote) member = NULL;
  g_autoptr(RaadRemote) nowhere = NULL;
  g_autofree char *closed_url = NULL;
  g_autoptr(GSocket) socket = NULL;
  Steps steps;

  raad_server_setup_connect (wrong, &error);
  g_assert_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_UNAUTHORIZED);
  g_assert_nonnull (strstr (error->message, "refused the name"));
  g_clear_error (&error);

  /* A user who is no server admin. */
  steps_init (&steps);
  setup_all (remote, "org-errors", (const char *[]) { NULL }, &steps);
  add_user (remote, "org-errors", "fenna", "fenna-pw", NULL, TRUE);
  member = remote_as ("fenna", "fenna-pw");
  raad_server_setup_connect (member, &error);
  g_assert_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "not a server admin"));
  g_clear_error (&error);

  /* Nobody listening: a port bound but never listened on. */
  {
    g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
    g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
    g_autoptr(GSocketAddress) bound = NULL;

    socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                           &error);
    g_assert_no_error (error);
    g_socket_bind (socket, any, FALSE, &error);
    g_assert_no_error (error);
    bound = g_socket_get_local_address (socket, &error);
    g_assert_no_error (error);
    closed_url = g_strdup_printf ("http://127.0.0.1:%u",
                                  g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  }
  nowhere = raad_remote_new (closed_url, "admin", "x", &error);
  g_assert_no_error (error);
  raad_server_setup_connect (nowhere, &error);
  g_assert_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, "cannot be reached"));
  g_clear_error (&error);

  steps_clear (&steps);
}

static RaadStore *
store_with_organisation (const char  *name,
                         char       **org_id)
{
  RaadStore *store = raad_test_store_new ();
  g_autoptr(RaadOrganisation) organisation = raad_organisation_new (store);
  g_autoptr(GError) error = NULL;

  raad_organisation_set_name (organisation, name);
  raad_record_save (RAAD_RECORD (organisation), &error);
  g_assert_no_error (error);
  *org_id = g_strdup (raad_record_get_id (RAAD_RECORD (organisation)));
  return store;
}

static void
test_read_database (void)
{
  g_autoptr(RaadStore) store = NULL;
  g_autofree char *org_id = NULL;
  g_autofree char *ccr = NULL;
  g_autofree char *local = NULL;
  g_autofree char *read_org = NULL;
  g_autofree char *read_name = NULL;
  g_autoptr(GPtrArray) councils = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 0, after_len = 0;
  RaadServerCouncil *council;

  store = store_with_organisation ("Zorggroep Testlanden", &org_id);
  ccr = raad_test_save_council (store, "Centrale Cliëntenraad", "central", NULL);
  local = raad_test_save_council (store, "Cliëntenraad De Vlonder", "local", "De Vlonder");
  g_file_get_contents (raad_store_get_path (store), &before, &before_len, &error);
  g_assert_no_error (error);

  raad_server_setup_read_database (raad_store_get_path (store), &read_org, &read_name, &councils,
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read_org, ==, org_id);
  g_assert_cmpstr (read_name, ==, "Zorggroep Testlanden");
  g_assert_cmpuint (councils->len, ==, 2);
  for (guint i = 0; i < councils->len; i++)
    {
      g_autofree char *database = NULL;

      council = g_ptr_array_index (councils, i);
      database = raad_sync_database_name (org_id, council->id);
      g_assert_cmpstr (council->database, ==, database);
      if (g_str_equal (council->id, ccr))
        g_assert_cmpstr (council->name, ==, "Centrale Cliëntenraad");
      else
        {
          g_assert_cmpstr (council->id, ==, local);
          g_assert_cmpstr (council->name, ==, "Cliëntenraad De Vlonder");
        }
    }

  /* The file itself was not touched. */
  g_file_get_contents (raad_store_get_path (store), &after, &after_len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (before, before_len, after, after_len);

  raad_server_setup_read_database ("/nonexistent/raadswerk.db", &read_org, &read_name, &councils,
                                   &error);
  g_assert_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_OPEN);
}

/* Runs raadswerk-admin; returns the exit status. */
static int
run_admin (const char * const *args,
           const char         *admin_password,
           const char         *user_password,
           char              **out,
           char              **err)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) admin_exe);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_subprocess_launcher_setenv (launcher, "RAADSWERK_ADMIN_PASSWORD", admin_password, TRUE);
  if (user_password != NULL)
    g_subprocess_launcher_setenv (launcher, "RAADSWERK_USER_PASSWORD", user_password, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "RAADSWERK_USER_PASSWORD");
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, "", NULL, out, err, &error);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("raadswerk-admin %s → %d\n%s%s", args[0], g_subprocess_get_exit_status (process),
                  *out, *err);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static void
test_command (void)
{
  g_autoptr(RaadStore) store = NULL;
  g_autofree char *org_id = NULL;
  g_autofree char *ccr = NULL;
  g_autofree char *org_db = NULL;
  g_autofree char *ccr_db = NULL;
  g_autofree char *line = NULL;
  const char *url = raad_test_server_get_url (server);
  const char *path;
  char *out = NULL, *err = NULL;
  int status;

  if (admin_exe == NULL)
    {
      g_test_skip ("the path of raadswerk-admin was not given");
      return;
    }

  store = store_with_organisation ("Stichting Proefhof", &org_id);
  ccr = raad_test_save_council (store, "Centrale Cliëntenraad Proefhof", "central", NULL);
  path = raad_store_get_path (store);
  org_db = raad_sync_database_name (org_id, NULL);
  ccr_db = raad_sync_database_name (org_id, ccr);

  status = run_admin ((const char *[]) { "setup", "--server", url, "--admin", "admin",
                                         "--from-database", path, NULL },
                      RAAD_TEST_SERVER_ADMIN_PASSWORD, NULL, &out, &err);
  g_assert_cmpint (status, ==, 0);
  line = g_strdup_printf ("created database %s\n", org_db);
  g_assert_nonnull (strstr (out, line));
  g_clear_pointer (&line, g_free);
  line = g_strdup_printf ("installed write rules of %s\n", ccr_db);
  g_assert_nonnull (strstr (out, line));
  g_assert_nonnull (strstr (out, "with 1 council is set up"));
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Twice: nothing new. */
  status = run_admin ((const char *[]) { "setup", "--server", url, "--from-database", path, NULL },
                      RAAD_TEST_SERVER_ADMIN_PASSWORD, NULL, &out, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_null (strstr (out, "created"));
  g_assert_null (strstr (out, "updated"));
  g_clear_pointer (&line, g_free);
  line = g_strdup_printf ("already there: security of %s\n", ccr_db);
  g_assert_nonnull (strstr (out, line));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A user, who can then log in. */
  status = run_admin ((const char *[]) { "add-user", "gerda", "--server", url,
                                         "--organisation", org_id, "--council", ccr, NULL },
                      RAAD_TEST_SERVER_ADMIN_PASSWORD, "gerda-pw", &out, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "created user gerda (member of "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    g_autoptr(RaadRemote) gerda = remote_as ("gerda", "gerda-pw");
    g_autoptr(GError) error = NULL;
    g_autofree char *db_path = g_strconcat ("/", ccr_db, NULL);
    g_autoptr(JsonNode) info = raad_remote_call (gerda, "GET", db_path, NULL, NULL, NULL, &error);

    g_assert_no_error (error);
  }

  /* A new user with no password to be had: explained, nothing done. */
  status = run_admin ((const char *[]) { "add-user", "hans", "--server", url,
                                         "--organisation", org_id, NULL },
                      RAAD_TEST_SERVER_ADMIN_PASSWORD, NULL, &out, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "needs a password"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  status = run_admin ((const char *[]) { "list-users", "--server", url, "--organisation", org_id,
                                         NULL },
                      RAAD_TEST_SERVER_ADMIN_PASSWORD, NULL, &out, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (out, "gerda  member of "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  status = run_admin ((const char *[]) { "check", "--server", url, "--from-database", path, NULL },
                      RAAD_TEST_SERVER_ADMIN_PASSWORD, NULL, &out, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "No problems found."));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Broken security: check says so and exits 3. */
  {
    g_autofree char *security_path = g_strconcat ("/", ccr_db, "/_security", NULL);
    g_autofree char *reply = raad_test_server_request (server, "PUT", security_path,
                                                       "{\"members\":{\"roles\":[\"everyone\"]}}",
                                                       FALSE, NULL);
  }
  status = run_admin ((const char *[]) { "check", "--server", url, "--organisation", org_id,
                                         NULL },
                      RAAD_TEST_SERVER_ADMIN_PASSWORD, NULL, &out, &err);
  g_assert_cmpint (status, ==, 3);
  g_clear_pointer (&line, g_free);
  line = g_strdup_printf ("problem: security of %s is wrong", ccr_db);
  g_assert_nonnull (strstr (out, line));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Wrong admin password: one sentence and a hint, status 1. */
  status = run_admin ((const char *[]) { "setup", "--server", url, "--organisation", org_id, NULL },
                      "wrong-password", NULL, &out, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "refused the name “admin” or its password"));
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A wrong command line. */
  status = run_admin ((const char *[]) { "setup", "--server", url, NULL },
                      RAAD_TEST_SERVER_ADMIN_PASSWORD, NULL, &out, &err);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "--organisation"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* meson passes the executable after the options. */
  for (int i = 1; i < argc; i++)
    if (argv[i][0] != '-' && g_str_has_suffix (argv[i], "raadswerk-admin"))
      admin_exe = argv[i];

  g_test_add_func ("/sync/admin/setup-twice", test_setup_twice);
  g_test_add_func ("/sync/admin/check-broken", test_check_broken);
  g_test_add_func ("/sync/admin/council-access", test_council_access);
  g_test_add_func ("/sync/admin/users", test_users);
  g_test_add_func ("/sync/admin/connect-errors", test_connect_errors);
  g_test_add_func ("/sync/admin/read-database", test_read_database);
  g_test_add_func ("/sync/admin/command", test_command);

  server = raad_test_server_start (FALSE);
  status = g_test_run ();
  raad_test_server_free (server);
  return status;
}
