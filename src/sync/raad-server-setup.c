/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-server-setup.c: sets a CouchDB server up for an organisation (raadswerk-admin's core) */

/* Design. An organisation "O" on the server is:
 *
 * - the database raadswerk_O (what every council may read), security: members by role
 *   org:O:member, admins by role org:O:admin;
 * - per council C the database raadswerk_O_C (its private records), security: members by roles
 *   council:C:member and council:C:admin, admins by role org:O:admin only (a database admin
 *   may replace the design document and the security object, so a council's own admins get the
 *   same rights as its members there, not more);
 * - in each database the design document _design/raadswerk with a validate_doc_update
 *   function generated for it, the ids baked in (PouchDB Server does not pass userCtx.db or a
 *   reliable secObj), and a "raadswerk" member {organisation, council, name, rules_version}
 *   by which the tool finds the set-up again;
 * - users in _users (org.couchdb.user:NAME) with the roles above; every user of the
 *   organisation has org:O:member.
 *
 * Every step reads what is there first and writes only what differs, so running it twice
 * changes nothing the second time. This tool owns the security objects and the design
 * documents of these databases: it sets them to exactly what they should be.
 */

#define G_LOG_DOMAIN "raad-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "raad-replicator.h"
#include "raad-server-setup.h"
#include "raad-store.h"

#define USER_PREFIX "org.couchdb.user:"

/* The write rules. @ORG@ and @COUNCIL@ become JSON strings. Written for CouchDB 3's
 * SpiderMonkey and PouchDB Server alike: plain ES5, only userCtx.name and userCtx.roles. */
#define RULES_COMMON \
  "  var roles = (userCtx && userCtx.roles) || [];\n" \
  "  function has (role) { return roles.indexOf (role) !== -1; }\n" \
  "  function refuse (message) { throw ({forbidden: message}); }\n" \
  "  var orgAdmin = has ('_admin') || has ('org:' + org + ':admin');\n" \
  "  function mayWriteCouncil (c) {\n" \
  "    return orgAdmin || has ('council:' + c + ':member') || has ('council:' + c + ':admin');\n" \
  "  }\n" \
  "  var deleted = newDoc._deleted === true;\n" \
  "  /* A tombstone is judged by the fields it kept, else by the document it deletes. */\n" \
  "  var doc = {_id: newDoc._id, type: newDoc.type, council_id: newDoc.council_id,\n" \
  "             scope: newDoc.scope};\n" \
  "  if (deleted && oldDoc) {\n" \
  "    if (doc.type === undefined) doc.type = oldDoc.type;\n" \
  "    if (doc.council_id === undefined) doc.council_id = oldDoc.council_id;\n" \
  "    if (doc.scope === undefined) doc.scope = oldDoc.scope;\n" \
  "  }\n" \
  "  if (newDoc._id.indexOf ('_design/') === 0) {\n" \
  "    if (!orgAdmin)\n" \
  "      refuse ('Only the organisation\\'s administrators may change the rules of this database.');\n" \
  "    return;\n" \
  "  }\n" \
  "  if (!deleted && typeof doc.type !== 'string')\n" \
  "    refuse ('A record without a type does not belong in a Raadswerk database.');\n"

static const char org_rules[] =
  "function (newDoc, oldDoc, userCtx) {\n"
  "  var org = @ORG@;\n"
  RULES_COMMON
  "  function councilOf (d) {\n"
  "    if (!d) return null;\n"
  "    if (d.type === 'council') return d._id;\n"
  "    return typeof d.council_id === 'string' && d.council_id !== '' ? d.council_id : null;\n"
  "  }\n"
  "  /* Removing a record that became private is allowed: the tombstone keeps no content. */\n"
  "  if (doc.scope === 'council' && !(deleted && oldDoc))\n"
  "    refuse ('Private council records do not belong in the organisation database.');\n"
  "  var before = oldDoc && !oldDoc._deleted ? oldDoc : null;\n"
  "  if (doc.type === 'organisation' || (before && before.type === 'organisation')) {\n"
  "    if (!orgAdmin)\n"
  "      refuse ('Only the organisation\\'s administrators may change the organisation\\'s details.');\n"
  "    return;\n"
  "  }\n"
  "  var council = councilOf (doc);\n"
  "  if (council !== null) {\n"
  "    if (!mayWriteCouncil (council))\n"
  "      refuse ('You are not a member of the council this record belongs to.');\n"
  "  } else if (!orgAdmin && !has ('org:' + org + ':member')) {\n"
  "    refuse ('Only members of the organisation may change its records.');\n"
  "  }\n"
  "  var owner = councilOf (before);\n"
  "  if (owner !== null && owner !== council && !mayWriteCouncil (owner))\n"
  "    refuse ('You are not a member of the council this record belongs to.');\n"
  "}\n";

static const char council_rules[] =
  "function (newDoc, oldDoc, userCtx) {\n"
  "  var org = @ORG@;\n"
  "  var council = @COUNCIL@;\n"
  RULES_COMMON
  "  if (doc.council_id !== council)\n"
  "    refuse ('This database holds only the records of its own council.');\n"
  "  if (!mayWriteCouncil (council))\n"
  "    refuse ('Only members of this council may change its records.');\n"
  "}\n";

static gboolean find_council_clash (RaadRemote  *remote,
                                    const char  *org_id,
                                    const char  *council_id,
                                    char       **other_org,
                                    GError     **error);

/* Helpers */

static void
report_step (RaadServerSetupReport  report,
             gpointer               user_data,
             RaadServerSetupStep    step,
             const char            *format,
             ...) G_GNUC_PRINTF (4, 5);

static void
report_step (RaadServerSetupReport  report,
             gpointer               user_data,
             RaadServerSetupStep    step,
             const char            *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_debug ("setup step %d: %s", step, message);
  if (report != NULL)
    report (step, message, user_data);
}

static char *
json_quote (const char *text)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, text);
  return json_to_string (node, FALSE);
}

static char *
role (const char *kind,
      const char *id,
      const char *level)
{
  return g_strdup_printf ("%s:%s:%s", kind, id, level);
}

static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

static JsonObject *
node_object (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* The remote's answers are immutable; an object to change and send back. */
static JsonObject *
mutable_copy (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) copy = NULL;

  json_node_set_object (node, object);
  text = json_to_string (node, FALSE);
  copy = json_from_string (text, NULL);
  return json_object_ref (json_node_get_object (copy));
}

static JsonArray *
strv_array (const char * const *strv)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);
  return array;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
sort_strv (GStrv strv)
{
  if (strv != NULL)
    qsort (strv, g_strv_length (strv), sizeof (char *), compare_strings);
}

/* The strings of @object.@member.@list, sorted; missing parts give an empty list. */
static GStrv
sorted_strings (JsonObject *object,
                const char *member,
                const char *list)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonObject *part;
  JsonArray *array;
  GStrv strv;

  part = object != NULL && json_object_has_member (object, member)
         ? node_object (json_object_get_member (object, member)) : NULL;
  array = part != NULL && json_object_has_member (part, list) &&
          JSON_NODE_HOLDS_ARRAY (json_object_get_member (part, list))
          ? json_object_get_array_member (part, list) : NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (element));
    }
  strv = g_strv_builder_end (builder);
  sort_strv (strv);
  return strv;
}

static char *
join_or_none (const char * const *strv)
{
  if (strv == NULL || strv[0] == NULL)
    return g_strdup (_("none"));
  return g_strjoinv (", ", (GStrv) strv);
}

static char *
db_path (const char *database,
         const char *rest)
{
  g_autofree char *escaped = raad_remote_escape (database);

  return g_strconcat ("/", escaped, rest, NULL);
}

static char *
doc_path (const char *database,
          const char *id)
{
  g_autofree char *db = raad_remote_escape (database);

  /* "_design/x" keeps its slash; any other id is one escaped segment. */
  if (g_str_has_prefix (id, "_design/"))
    {
      g_autofree char *name = raad_remote_escape (id + strlen ("_design/"));

      return g_strconcat ("/", db, "/_design/", name, NULL);
    }
  else
    {
      g_autofree char *escaped = raad_remote_escape (id);

      return g_strconcat ("/", db, "/", escaped, NULL);
    }
}

/* GET that tells "not there" (FALSE, no error, *result NULL) from failures. */
static gboolean
get_optional (RaadRemote  *remote,
              const char  *path,
              JsonNode   **result,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  *result = raad_remote_call (remote, "GET", path, NULL, NULL, NULL, &local_error);
  if (*result != NULL)
    return TRUE;
  if (g_error_matches (local_error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_NOT_FOUND))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
check_id (const char  *what,
          const char  *id,
          GError     **error)
{
  if (id == NULL || *id == '\0' || strchr (id, ':') != NULL)
    {
      g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_INVALID,
                   /* Translators: %s is "organisation id" or "council id" */
                   _("“%s” is not a valid %s: it must not be empty or contain “:”."),
                   id != NULL ? id : "", what);
      return FALSE;
    }
  return TRUE;
}

/* Databases */

static gboolean
ensure_database (RaadRemote             *remote,
                 const char             *database,
                 RaadServerSetupReport   report,
                 gpointer                user_data,
                 GError                **error)
{
  g_autofree char *path = db_path (database, NULL);
  g_autoptr(JsonNode) info = NULL;
  g_autoptr(JsonNode) created = NULL;

  /* Look first: PUT on an existing database is an error on some servers. */
  if (!get_optional (remote, path, &info, error))
    {
      g_prefix_error (error, _("Cannot look up database “%s”: "), database);
      return FALSE;
    }
  if (info != NULL)
    {
      report_step (report, user_data, RAAD_SERVER_SETUP_UNCHANGED,
                   _("already there: database %s"), database);
      return TRUE;
    }
  created = raad_remote_call (remote, "PUT", path, NULL, NULL, NULL, error);
  if (created == NULL)
    {
      g_prefix_error (error, _("Cannot create database “%s”: "), database);
      return FALSE;
    }
  report_step (report, user_data, RAAD_SERVER_SETUP_CREATED,
               _("created database %s"), database);
  return TRUE;
}

JsonNode *
raad_server_setup_security (const char *org_id,
                            const char *council_id)
{
  JsonObject *security = json_object_new ();
  JsonObject *members = json_object_new ();
  JsonObject *admins = json_object_new ();
  g_autofree char *org_member = role ("org", org_id, "member");
  g_autofree char *org_admin = role ("org", org_id, "admin");
  g_autoptr(GStrvBuilder) member_roles = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) admin_roles = g_strv_builder_new ();
  g_auto(GStrv) members_strv = NULL;
  g_auto(GStrv) admins_strv = NULL;

  if (council_id == NULL)
    g_strv_builder_add (member_roles, org_member);
  else
    {
      g_autofree char *council_member = role ("council", council_id, "member");
      g_autofree char *council_admin = role ("council", council_id, "admin");

      g_strv_builder_add (member_roles, council_member);
      g_strv_builder_add (member_roles, council_admin);
    }
  g_strv_builder_add (admin_roles, org_admin);
  members_strv = g_strv_builder_end (member_roles);
  admins_strv = g_strv_builder_end (admin_roles);

  json_object_set_array_member (members, "names", json_array_new ());
  json_object_set_array_member (members, "roles", strv_array ((const char * const *) members_strv));
  json_object_set_array_member (admins, "names", json_array_new ());
  json_object_set_array_member (admins, "roles", strv_array ((const char * const *) admins_strv));
  json_object_set_object_member (security, "members", members);
  json_object_set_object_member (security, "admins", admins);
  return object_node (security);
}

/* A sentence on how @actual differs from @expected, or NULL when they agree. Order does not
 * matter; a missing "names" list is an empty one. */
static char *
security_difference (JsonObject *expected,
                     JsonObject *actual)
{
  const char *parts[] = { "members", "admins" };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    {
      const char *lists[] = { "roles", "names" };

      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        {
          g_auto(GStrv) want = sorted_strings (expected, parts[p], lists[l]);
          g_auto(GStrv) have = sorted_strings (actual, parts[p], lists[l]);

          if (!g_strv_equal ((const char * const *) want, (const char * const *) have))
            {
              g_autofree char *want_text = join_or_none ((const char * const *) want);
              g_autofree char *have_text = join_or_none ((const char * const *) have);

              if (text->len > 0)
                g_string_append (text, "; ");
              /* Translators: "members roles are X, should be Y" (members/admins and
               * roles/names are CouchDB's terms, kept in English) */
              g_string_append_printf (text, _("%s %s are %s, should be %s"), parts[p], lists[l],
                                      have_text, want_text);
            }
        }
    }
  return text->len > 0 ? g_strdup (text->str) : NULL;
}

static gboolean
ensure_security (RaadRemote             *remote,
                 const char             *database,
                 const char             *org_id,
                 const char             *council_id,
                 RaadServerSetupReport   report,
                 gpointer                user_data,
                 GError                **error)
{
  g_autofree char *path = db_path (database, "/_security");
  g_autoptr(JsonNode) expected = raad_server_setup_security (org_id, council_id);
  g_autoptr(JsonNode) actual = NULL;
  g_autoptr(JsonNode) written = NULL;
  g_autofree char *difference = NULL;
  gboolean was_empty;

  actual = raad_remote_call (remote, "GET", path, NULL, NULL, NULL, error);
  if (actual == NULL)
    {
      g_prefix_error (error, _("Cannot read the security of “%s”: "), database);
      return FALSE;
    }
  difference = security_difference (node_object (expected), node_object (actual));
  if (difference == NULL)
    {
      report_step (report, user_data, RAAD_SERVER_SETUP_UNCHANGED,
                   _("already there: security of %s"), database);
      return TRUE;
    }
  was_empty = node_object (actual) == NULL || json_object_get_size (node_object (actual)) == 0;
  written = raad_remote_call (remote, "PUT", path, expected, NULL, NULL, error);
  if (written == NULL)
    {
      g_prefix_error (error, _("Cannot set the security of “%s”: "), database);
      return FALSE;
    }
  if (was_empty)
    report_step (report, user_data, RAAD_SERVER_SETUP_CREATED,
                 _("set security of %s"), database);
  else
    report_step (report, user_data, RAAD_SERVER_SETUP_UPDATED,
                 _("updated security of %s (%s)"), database, difference);
  return TRUE;
}

char *
raad_server_setup_validate_function (const char *org_id,
                                     const char *council_id)
{
  GString *text = g_string_new (council_id == NULL ? org_rules : council_rules);
  g_autofree char *org = json_quote (org_id);

  g_string_replace (text, "@ORG@", org, 0);
  if (council_id != NULL)
    {
      g_autofree char *council = json_quote (council_id);

      g_string_replace (text, "@COUNCIL@", council, 0);
    }
  return g_string_free (text, FALSE);
}

static JsonObject *
design_info (const char *org_id,
             const char *council_id,
             const char *name)
{
  JsonObject *info = json_object_new ();

  json_object_set_string_member (info, "organisation", org_id);
  if (council_id != NULL)
    json_object_set_string_member (info, "council", council_id);
  else
    json_object_set_null_member (info, "council");
  if (name != NULL)
    json_object_set_string_member (info, "name", name);
  else
    json_object_set_null_member (info, "name");
  json_object_set_int_member (info, "rules_version", RAAD_SERVER_SETUP_RULES_VERSION);
  return info;
}

static const char *
string_member (JsonObject *object,
               const char *member)
{
  return object != NULL ? json_object_get_string_member_with_default (object, member, NULL) : NULL;
}

/* Why the design document @doc is not what it should be, or NULL. */
static char *
design_difference (JsonObject *doc,
                   const char *rules,
                   JsonObject *info)
{
  JsonObject *have;

  if (g_strcmp0 (string_member (doc, "validate_doc_update"), rules) != 0)
    return g_strdup (_("its write rules differ from this version of raadswerk-admin"));
  have = doc != NULL && json_object_has_member (doc, "raadswerk")
         ? node_object (json_object_get_member (doc, "raadswerk")) : NULL;
  if (have == NULL ||
      g_strcmp0 (string_member (have, "organisation"), string_member (info, "organisation")) != 0 ||
      g_strcmp0 (string_member (have, "council"), string_member (info, "council")) != 0 ||
      json_object_get_int_member_with_default (have, "rules_version", 0) !=
        RAAD_SERVER_SETUP_RULES_VERSION)
    return g_strdup (_("it names another organisation, council or rules version"));
  if (g_strcmp0 (string_member (have, "name"), string_member (info, "name")) != 0)
    return g_strdup (_("the council’s or organisation’s name changed"));
  return NULL;
}

static gboolean
ensure_design (RaadRemote             *remote,
               const char             *database,
               const char             *org_id,
               const char             *council_id,
               const char             *name,
               RaadServerSetupReport   report,
               gpointer                user_data,
               GError                **error)
{
  g_autofree char *path = doc_path (database, RAAD_SERVER_SETUP_DESIGN_ID);
  g_autofree char *rules = raad_server_setup_validate_function (org_id, council_id);
  g_autoptr(JsonNode) current = NULL;
  g_autoptr(JsonNode) written = NULL;
  g_autoptr(JsonNode) doc_node = NULL;
  g_autofree char *difference = NULL;
  JsonObject *doc;
  JsonObject *info;

  if (!get_optional (remote, path, &current, error))
    {
      g_prefix_error (error, _("Cannot read the design document of “%s”: "), database);
      return FALSE;
    }
  /* Without a name given, keep the one the set-up knew. */
  if (name == NULL && current != NULL && json_object_has_member (node_object (current), "raadswerk"))
    name = string_member (node_object (json_object_get_member (node_object (current), "raadswerk")),
                          "name");
  info = design_info (org_id, council_id, name);
  if (current != NULL)
    {
      difference = design_difference (node_object (current), rules, info);
      if (difference == NULL)
        {
          json_object_unref (info);
          report_step (report, user_data, RAAD_SERVER_SETUP_UNCHANGED,
                       _("already there: write rules of %s"), database);
          return TRUE;
        }
    }

  doc = json_object_new ();
  doc_node = object_node (doc);
  json_object_set_string_member (doc, "_id", RAAD_SERVER_SETUP_DESIGN_ID);
  if (current != NULL && string_member (node_object (current), "_rev") != NULL)
    json_object_set_string_member (doc, "_rev", string_member (node_object (current), "_rev"));
  json_object_set_string_member (doc, "language", "javascript");
  json_object_set_string_member (doc, "validate_doc_update", rules);
  json_object_set_object_member (doc, "raadswerk", info);

  written = raad_remote_call (remote, "PUT", path, doc_node, NULL, NULL, error);
  if (written == NULL)
    {
      g_prefix_error (error, _("Cannot install the write rules of “%s”: "), database);
      return FALSE;
    }
  if (current == NULL)
    report_step (report, user_data, RAAD_SERVER_SETUP_CREATED,
                 _("installed write rules of %s"), database);
  else
    report_step (report, user_data, RAAD_SERVER_SETUP_UPDATED,
                 _("updated write rules of %s (%s)"), database, difference);
  return TRUE;
}

/* Connection */

gboolean
raad_server_setup_connect (RaadRemote  *remote,
                           GError     **error)
{
  g_autoptr(JsonNode) welcome = NULL;
  g_autoptr(JsonNode) session = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *url = raad_remote_get_url (remote);
  const char *user = raad_remote_get_user (remote);
  JsonObject *object;
  JsonObject *context;
  JsonArray *roles;

  if (user == NULL)
    {
      g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_INVALID,
                   _("No admin name was given: the set-up needs a server admin of %s."), url);
      return FALSE;
    }

  welcome = raad_remote_call (remote, "GET", "/", NULL, NULL, NULL, &local_error);
  if (welcome == NULL)
    {
      if (g_error_matches (local_error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_UNREACHABLE))
        g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_UNREACHABLE,
                     _("The server at %s cannot be reached (%s). Is CouchDB running there, and "
                       "are the address and port right?"), url, local_error->message);
      else if (g_error_matches (local_error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_UNAUTHORIZED))
        g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_UNAUTHORIZED,
                     _("The server at %s refused the name “%s” or its password."), url, user);
      else if (g_error_matches (local_error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_CERTIFICATE))
        {
          g_autofree char *fingerprint = raad_remote_dup_peer_fingerprint (remote);

          if (fingerprint != NULL)
            g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_CERTIFICATE,
                         _("The TLS certificate of %s is not trusted (%s). Its SHA-256 "
                           "fingerprint is %s; if that is your server’s own certificate, trust "
                           "it with --fingerprint."), url, local_error->message, fingerprint);
          else
            g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_CERTIFICATE,
                         _("A secure connection to %s failed (%s). Does the server speak HTTPS "
                           "at this address and port?"), url, local_error->message);
        }
      else
        g_set_error (error, RAAD_SYNC_ERROR,
                     local_error->domain == RAAD_SYNC_ERROR ? local_error->code
                                                            : RAAD_SYNC_ERROR_SERVER,
                     _("%s does not answer like a CouchDB server (%s)."), url,
                     local_error->message);
      return FALSE;
    }
  object = node_object (welcome);
  if (object == NULL ||
      (!json_object_has_member (object, "couchdb") &&
       !json_object_has_member (object, "express-pouchdb")))
    {
      g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_SERVER,
                   _("%s answers, but it is not a CouchDB server."), url);
      return FALSE;
    }

  session = raad_remote_call (remote, "GET", "/_session", NULL, NULL, NULL, &local_error);
  if (session == NULL)
    {
      if (g_error_matches (local_error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_UNAUTHORIZED))
        g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_UNAUTHORIZED,
                     _("The server at %s refused the name “%s” or its password."), url, user);
      else
        g_set_error (error, RAAD_SYNC_ERROR,
                     local_error->domain == RAAD_SYNC_ERROR ? local_error->code
                                                            : RAAD_SYNC_ERROR_SERVER,
                     _("Cannot log in to %s: %s"), url, local_error->message);
      return FALSE;
    }
  object = node_object (session);
  context = object != NULL && json_object_has_member (object, "userCtx")
            ? node_object (json_object_get_member (object, "userCtx")) : NULL;
  roles = context != NULL && json_object_has_member (context, "roles") &&
          JSON_NODE_HOLDS_ARRAY (json_object_get_member (context, "roles"))
          ? json_object_get_array_member (context, "roles") : NULL;
  if (string_member (context, "name") == NULL)
    {
      g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_UNAUTHORIZED,
                   _("The server at %s did not log “%s” in: check the name and password."),
                   url, user);
      return FALSE;
    }
  for (guint i = 0; roles != NULL && i < json_array_get_length (roles); i++)
    if (g_strcmp0 (json_array_get_string_element (roles, i), "_admin") == 0)
      return TRUE;
  g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_FORBIDDEN,
               _("“%s” can log in to %s but is not a server admin. Use the admin created when "
                 "CouchDB was installed (the [admins] section of its local.ini)."), user, url);
  return FALSE;
}

/* Set-up */

static gboolean
ensure_users_database (RaadRemote             *remote,
                       RaadServerSetupReport   report,
                       gpointer                user_data,
                       GError                **error)
{
  return ensure_database (remote, "_users", report, user_data, error);
}

gboolean
raad_server_setup_organisation (RaadRemote             *remote,
                                const char             *org_id,
                                const char             *name,
                                RaadServerSetupReport   report,
                                gpointer                user_data,
                                GError                **error)
{
  g_autofree char *database = NULL;

  g_return_val_if_fail (RAAD_IS_REMOTE (remote), FALSE);

  if (!check_id (_("organisation id"), org_id, error))
    return FALSE;
  database = raad_sync_database_name (org_id, NULL);
  return ensure_users_database (remote, report, user_data, error) &&
         ensure_database (remote, database, report, user_data, error) &&
         ensure_security (remote, database, org_id, NULL, report, user_data, error) &&
         ensure_design (remote, database, org_id, NULL, name, report, user_data, error);
}

gboolean
raad_server_setup_council (RaadRemote             *remote,
                           const char             *org_id,
                           const char             *council_id,
                           const char             *name,
                           RaadServerSetupReport   report,
                           gpointer                user_data,
                           GError                **error)
{
  g_autofree char *database = NULL;
  g_autofree char *other_org = NULL;

  g_return_val_if_fail (RAAD_IS_REMOTE (remote), FALSE);

  if (!check_id (_("organisation id"), org_id, error) ||
      !check_id (_("council id"), council_id, error))
    return FALSE;
  if (!find_council_clash (remote, org_id, council_id, &other_org, error))
    return FALSE;
  if (other_org != NULL)
    {
      g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_CONFLICT,
                   _("Council id “%s” is already set up for organisation “%s” on this server. "
                     "Council ids must be unique on a server, because the roles "
                     "council:ID:member and council:ID:admin do not name the organisation."),
                   council_id, other_org);
      return FALSE;
    }
  database = raad_sync_database_name (org_id, council_id);
  return ensure_database (remote, database, report, user_data, error) &&
         ensure_security (remote, database, org_id, council_id, report, user_data, error) &&
         ensure_design (remote, database, org_id, council_id, name, report, user_data, error);
}

/* Discovery */

void
raad_server_council_free (RaadServerCouncil *council)
{
  if (council == NULL)
    return;
  g_free (council->id);
  g_free (council->name);
  g_free (council->database);
  g_free (council);
}

static int
compare_councils (gconstpointer a,
                  gconstpointer b)
{
  const RaadServerCouncil *x = *(RaadServerCouncil * const *) a;
  const RaadServerCouncil *y = *(RaadServerCouncil * const *) b;

  return g_strcmp0 (x->id, y->id);
}

/* Calls @found for every database whose name starts with @prefix (and ends with @suffix, if
 * not NULL) and whose design document is Raadswerk's, with its "raadswerk" member. */
typedef void (*DesignFound) (const char *database,
                             JsonObject *info,
                             gpointer    data);

static gboolean
scan_designs (RaadRemote  *remote,
              const char  *prefix,
              const char  *suffix,
              DesignFound  found,
              gpointer     data,
              GError     **error)
{
  g_autoptr(JsonNode) all = NULL;
  JsonArray *names;

  all = raad_remote_call (remote, "GET", "/_all_dbs", NULL, NULL, NULL, error);
  if (all == NULL)
    {
      g_prefix_error (error, _("Cannot list the databases: "));
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_ARRAY (all))
    {
      g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_SERVER,
                   _("The server’s list of databases is not a list."));
      return FALSE;
    }
  names = json_node_get_array (all);
  for (guint i = 0; i < json_array_get_length (names); i++)
    {
      const char *database = json_array_get_string_element (names, i);
      g_autofree char *path = NULL;
      g_autoptr(JsonNode) design = NULL;
      JsonObject *info;

      if (database == NULL || !g_str_has_prefix (database, prefix) ||
          (suffix != NULL && !g_str_has_suffix (database, suffix)))
        continue;
      path = doc_path (database, RAAD_SERVER_SETUP_DESIGN_ID);
      if (!get_optional (remote, path, &design, error))
        {
          g_prefix_error (error, _("Cannot read the design document of “%s”: "), database);
          return FALSE;
        }
      info = design != NULL && json_object_has_member (node_object (design), "raadswerk")
             ? node_object (json_object_get_member (node_object (design), "raadswerk")) : NULL;
      if (info != NULL && string_member (info, "organisation") != NULL)
        found (database, info, data);
    }
  return TRUE;
}

typedef struct
{
  const char *org_id;
  GPtrArray  *councils;
} CouncilScan;

static void
council_found (const char *database,
               JsonObject *info,
               gpointer    data)
{
  CouncilScan *scan = data;
  RaadServerCouncil *council;

  if (g_strcmp0 (string_member (info, "organisation"), scan->org_id) != 0 ||
      string_member (info, "council") == NULL)
    return;
  council = g_new0 (RaadServerCouncil, 1);
  council->id = g_strdup (string_member (info, "council"));
  council->name = g_strdup (string_member (info, "name"));
  council->database = g_strdup (database);
  g_ptr_array_add (scan->councils, council);
}

GPtrArray *
raad_server_setup_list_councils (RaadRemote  *remote,
                                 const char  *org_id,
                                 GError     **error)
{
  g_autofree char *org_database = raad_sync_database_name (org_id, NULL);
  g_autofree char *prefix = g_strconcat (org_database, "_", NULL);
  g_autoptr(GPtrArray) councils =
    g_ptr_array_new_with_free_func ((GDestroyNotify) raad_server_council_free);
  CouncilScan scan = { org_id, councils };

  if (!scan_designs (remote, prefix, NULL, council_found, &scan, error))
    return NULL;
  g_ptr_array_sort (councils, compare_councils);
  return g_steal_pointer (&councils);
}

static void
any_council_found (const char *database,
                   JsonObject *info,
                   gpointer    data)
{
  GHashTable *ids = data;

  if (string_member (info, "council") != NULL)
    g_hash_table_add (ids, g_strdup (string_member (info, "council")));
}

static void
organisation_found (const char *database,
                    JsonObject *info,
                    gpointer    data)
{
  GPtrArray *ids = data;

  if (string_member (info, "council") == NULL)
    g_ptr_array_add (ids, g_strdup (string_member (info, "organisation")));
}

GStrv
raad_server_setup_list_organisations (RaadRemote  *remote,
                                      GError     **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  if (!scan_designs (remote, "raadswerk_", NULL, organisation_found, ids, error))
    return NULL;
  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);
  return (GStrv) g_ptr_array_steal (ids, NULL);
}

typedef struct
{
  const char *org_id;
  const char *council_id;
  char       *other_org;
} ClashScan;

static void
clash_found (const char *database,
             JsonObject *info,
             gpointer    data)
{
  ClashScan *scan = data;

  if (scan->other_org == NULL &&
      g_strcmp0 (string_member (info, "council"), scan->council_id) == 0 &&
      g_strcmp0 (string_member (info, "organisation"), scan->org_id) != 0)
    scan->other_org = g_strdup (string_member (info, "organisation"));
}

/* The organisation other than @org_id that has a council @council_id set up, or NULL. Roles
 * name councils without their organisation, so a council id must be unique on a server. */
static gboolean
find_council_clash (RaadRemote  *remote,
                    const char  *org_id,
                    const char  *council_id,
                    char       **other_org,
                    GError     **error)
{
  g_autofree char *name = raad_sync_database_name ("x", council_id);
  ClashScan scan = { org_id, council_id, NULL };

  /* "raadswerk_x_<council>" → databases ending in "_<council>". */
  if (!scan_designs (remote, "raadswerk_", name + strlen ("raadswerk_x"), clash_found, &scan,
                     error))
    return FALSE;
  *other_org = scan.other_org;
  return TRUE;
}

/* Users */

void
raad_server_user_free (RaadServerUser *user)
{
  if (user == NULL)
    return;
  g_free (user->name);
  g_strfreev (user->councils);
  g_strfreev (user->admin_councils);
  g_free (user);
}

gboolean
raad_server_setup_check_user_name (const char  *name,
                                   GError     **error)
{
  if (name == NULL || *name == '\0' || name[0] == '_' || strchr (name, ':') != NULL ||
      !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_INVALID,
                   _("“%s” cannot be a user name: it must not be empty, start with “_” or "
                     "contain “:”."), name != NULL ? name : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
strv_has (const char * const *strv,
          const char         *s)
{
  return strv != NULL && g_strv_contains (strv, s);
}

/* Is @role one of the organisation's (org:O:… or council:C:… for a council C of it)? */
static gboolean
is_org_role (const char        *r,
             const char        *org_id,
             GHashTable        *council_ids)
{
  g_auto(GStrv) parts = g_strsplit (r, ":", 3);

  if (g_strv_length (parts) != 3)
    return FALSE;
  if (g_str_equal (parts[0], "org"))
    return g_str_equal (parts[1], org_id);
  if (g_str_equal (parts[0], "council"))
    return g_hash_table_contains (council_ids, parts[1]);
  return FALSE;
}

static GHashTable *
council_id_set (GPtrArray *councils)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < councils->len; i++)
    {
      RaadServerCouncil *council = g_ptr_array_index (councils, i);

      g_hash_table_add (set, council->id);
    }
  return set;
}

static GStrv
doc_roles (JsonObject *doc)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *roles = doc != NULL && json_object_has_member (doc, "roles") &&
                     JSON_NODE_HOLDS_ARRAY (json_object_get_member (doc, "roles"))
                     ? json_object_get_array_member (doc, "roles") : NULL;

  for (guint i = 0; roles != NULL && i < json_array_get_length (roles); i++)
    {
      const char *r = json_array_get_string_element (roles, i);

      if (r != NULL)
        g_strv_builder_add (builder, r);
    }
  return g_strv_builder_end (builder);
}

static gboolean
users_database_exists (RaadRemote  *remote,
                       GError     **error)
{
  g_autoptr(JsonNode) info = NULL;

  if (!get_optional (remote, "/_users", &info, error))
    return FALSE;
  if (info == NULL)
    {
      g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_NOT_FOUND,
                   _("The server has no users database (_users) yet: run "
                     "“raadswerk-admin setup” first."));
      return FALSE;
    }
  return TRUE;
}

/* The organisation's roles for a user: org member always, then admin, then councils. */
static GStrv
org_roles (const char         *org_id,
           const char * const *councils,
           const char * const *admin_councils,
           gboolean            org_admin)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) council_roles = g_ptr_array_new_with_free_func (g_free);

  g_autofree char *member = role ("org", org_id, "member");
  g_autofree char *admin = role ("org", org_id, "admin");

  g_strv_builder_add (builder, member);
  if (org_admin)
    g_strv_builder_add (builder, admin);
  for (guint i = 0; councils != NULL && councils[i] != NULL; i++)
    {
      char *r = role ("council", councils[i], "member");

      if (!g_ptr_array_find_with_equal_func (council_roles, r, g_str_equal, NULL))
        g_ptr_array_add (council_roles, r);
      else
        g_free (r);
    }
  for (guint i = 0; admin_councils != NULL && admin_councils[i] != NULL; i++)
    {
      char *r = role ("council", admin_councils[i], "admin");

      if (!g_ptr_array_find_with_equal_func (council_roles, r, g_str_equal, NULL))
        g_ptr_array_add (council_roles, r);
      else
        g_free (r);
    }
  g_ptr_array_sort (council_roles, compare_strings);
  for (guint i = 0; i < council_roles->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (council_roles, i));
  return g_strv_builder_end (builder);
}

/* A readable summary of a user's roles in the organisation. */
static char *
describe_roles (RaadServerUser *user)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (user->councils != NULL && user->councils[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", user->councils);

      g_string_append_printf (text, _("member of %s"), list);
    }
  if (user->admin_councils != NULL && user->admin_councils[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", user->admin_councils);

      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, _("admin of %s"), list);
    }
  if (user->org_admin)
    {
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, _("organisation admin"));
    }
  if (text->len == 0)
    g_string_append (text, _("no council"));
  return g_strdup (text->str);
}

static RaadServerUser *
user_from_roles (const char         *name,
                 const char * const *roles,
                 const char         *org_id,
                 GHashTable         *council_ids)
{
  RaadServerUser *user = g_new0 (RaadServerUser, 1);
  g_autoptr(GStrvBuilder) councils = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) admin_councils = g_strv_builder_new ();
  g_autofree char *org_member = role ("org", org_id, "member");
  g_autofree char *org_admin = role ("org", org_id, "admin");

  user->name = g_strdup (name);
  for (guint i = 0; roles != NULL && roles[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (roles[i], ":", 3);

      if (g_str_equal (roles[i], org_member))
        user->member = TRUE;
      else if (g_str_equal (roles[i], org_admin))
        user->org_admin = TRUE;
      else if (g_strv_length (parts) == 3 && g_str_equal (parts[0], "council") &&
               g_hash_table_contains (council_ids, parts[1]))
        {
          if (g_str_equal (parts[2], "member"))
            g_strv_builder_add (councils, parts[1]);
          else if (g_str_equal (parts[2], "admin"))
            g_strv_builder_add (admin_councils, parts[1]);
        }
    }
  user->councils = g_strv_builder_end (councils);
  user->admin_councils = g_strv_builder_end (admin_councils);
  sort_strv (user->councils);
  sort_strv (user->admin_councils);
  return user;
}

gboolean
raad_server_setup_put_user (RaadRemote             *remote,
                            const char             *org_id,
                            const char             *name,
                            const char             *password,
                            const char * const     *councils,
                            const char * const     *admin_councils,
                            gboolean                org_admin,
                            RaadServerSetupReport   report,
                            gpointer                user_data,
                            GError                **error)
{
  g_autoptr(GPtrArray) known = NULL;
  g_autoptr(GHashTable) known_ids = NULL;
  g_autofree char *doc_id = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) current = NULL;
  g_autoptr(JsonNode) written = NULL;
  g_auto(GStrv) old_roles = NULL;
  g_auto(GStrv) wanted = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) new_roles = NULL;
  g_autoptr(RaadServerUser) summary = NULL;
  g_autofree char *description = NULL;
  g_autoptr(JsonNode) body = NULL;
  JsonObject *doc;

  g_return_val_if_fail (RAAD_IS_REMOTE (remote), FALSE);

  if (!check_id (_("organisation id"), org_id, error) ||
      !raad_server_setup_check_user_name (name, error))
    return FALSE;
  if (password != NULL && *password == '\0')
    {
      g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_INVALID,
                   _("The password for “%s” is empty."), name);
      return FALSE;
    }
  if (!users_database_exists (remote, error))
    return FALSE;

  known = raad_server_setup_list_councils (remote, org_id, error);
  if (known == NULL)
    return FALSE;
  known_ids = council_id_set (known);
  for (guint pass = 0; pass < 2; pass++)
    {
      const char * const *list = pass == 0 ? councils : admin_councils;

      for (guint i = 0; list != NULL && list[i] != NULL; i++)
        if (!g_hash_table_contains (known_ids, list[i]))
          {
            g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_NOT_FOUND,
                         _("Council “%s” is not set up for organisation “%s” on this server: "
                           "check the id (see “raadswerk-admin check”) or run "
                           "“raadswerk-admin add-council” first."), list[i], org_id);
            return FALSE;
          }
    }

  doc_id = g_strconcat (USER_PREFIX, name, NULL);
  path = doc_path ("_users", doc_id);
  if (!get_optional (remote, path, &current, error))
    {
      g_prefix_error (error, _("Cannot read user “%s”: "), name);
      return FALSE;
    }
  if (current == NULL && password == NULL)
    {
      g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_INVALID,
                   _("User “%s” is new and needs a password."), name);
      return FALSE;
    }

  /* Roles in other organisations stay; this organisation's are replaced. */
  old_roles = doc_roles (node_object (current));
  for (guint i = 0; old_roles[i] != NULL; i++)
    if (!is_org_role (old_roles[i], org_id, known_ids))
      g_strv_builder_add (builder, old_roles[i]);
  wanted = org_roles (org_id, councils, admin_councils, org_admin);
  g_strv_builder_addv (builder, (const char **) wanted);
  new_roles = g_strv_builder_end (builder);

  summary = user_from_roles (name, (const char * const *) new_roles, org_id, known_ids);
  description = describe_roles (summary);
  if (current != NULL && password == NULL &&
      g_strv_equal ((const char * const *) old_roles, (const char * const *) new_roles))
    {
      report_step (report, user_data, RAAD_SERVER_SETUP_UNCHANGED,
                   _("already there: user %s (%s)"), name, description);
      return TRUE;
    }

  if (current != NULL)
    doc = mutable_copy (node_object (current));
  else
    {
      doc = json_object_new ();
      json_object_set_string_member (doc, "_id", doc_id);
      json_object_set_string_member (doc, "name", name);
      json_object_set_string_member (doc, "type", "user");
    }
  json_object_set_array_member (doc, "roles", strv_array ((const char * const *) new_roles));
  if (password != NULL)
    json_object_set_string_member (doc, "password", password);
  body = object_node (doc);
  written = raad_remote_call (remote, "PUT", path, body, NULL, NULL, error);
  if (written == NULL)
    {
      g_prefix_error (error, _("Cannot save user “%s”: "), name);
      return FALSE;
    }
  if (current == NULL)
    report_step (report, user_data, RAAD_SERVER_SETUP_CREATED,
                 _("created user %s (%s)"), name, description);
  else if (password != NULL)
    report_step (report, user_data, RAAD_SERVER_SETUP_UPDATED,
                 _("updated user %s and its password (%s)"), name, description);
  else
    report_step (report, user_data, RAAD_SERVER_SETUP_UPDATED,
                 _("updated user %s (%s)"), name, description);
  return TRUE;
}

gboolean
raad_server_setup_remove_user (RaadRemote             *remote,
                               const char             *org_id,
                               const char             *name,
                               RaadServerSetupReport   report,
                               gpointer                user_data,
                               GError                **error)
{
  g_autoptr(GPtrArray) known = NULL;
  g_autoptr(GHashTable) known_ids = NULL;
  g_autofree char *doc_id = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) current = NULL;
  g_autoptr(JsonNode) written = NULL;
  g_auto(GStrv) old_roles = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) new_roles = NULL;
  g_autoptr(JsonNode) body = NULL;
  JsonObject *doc;

  g_return_val_if_fail (RAAD_IS_REMOTE (remote), FALSE);

  if (!check_id (_("organisation id"), org_id, error) ||
      !raad_server_setup_check_user_name (name, error) ||
      !users_database_exists (remote, error))
    return FALSE;
  known = raad_server_setup_list_councils (remote, org_id, error);
  if (known == NULL)
    return FALSE;
  known_ids = council_id_set (known);

  doc_id = g_strconcat (USER_PREFIX, name, NULL);
  path = doc_path ("_users", doc_id);
  if (!get_optional (remote, path, &current, error))
    {
      g_prefix_error (error, _("Cannot read user “%s”: "), name);
      return FALSE;
    }
  if (current == NULL)
    {
      g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_NOT_FOUND,
                   _("There is no user “%s” on this server."), name);
      return FALSE;
    }
  doc = mutable_copy (node_object (current));
  body = object_node (doc);
  old_roles = doc_roles (doc);
  for (guint i = 0; old_roles[i] != NULL; i++)
    if (!is_org_role (old_roles[i], org_id, known_ids))
      g_strv_builder_add (builder, old_roles[i]);
  new_roles = g_strv_builder_end (builder);
  if (g_strv_length (new_roles) == g_strv_length (old_roles))
    {
      report_step (report, user_data, RAAD_SERVER_SETUP_UNCHANGED,
                   _("user %s has no roles in organisation %s"), name, org_id);
      return TRUE;
    }
  if (new_roles[0] == NULL)
    {
      g_autofree char *rev = raad_remote_escape (string_member (doc, "_rev"));
      g_autofree char *delete_path = g_strconcat (path, "?rev=", rev, NULL);

      written = raad_remote_call (remote, "DELETE", delete_path, NULL, NULL, NULL, error);
      if (written == NULL)
        {
          g_prefix_error (error, _("Cannot delete user “%s”: "), name);
          return FALSE;
        }
      report_step (report, user_data, RAAD_SERVER_SETUP_REMOVED, _("deleted user %s"), name);
      return TRUE;
    }
  json_object_set_array_member (doc, "roles", strv_array ((const char * const *) new_roles));
  written = raad_remote_call (remote, "PUT", path, body, NULL, NULL, error);
  if (written == NULL)
    {
      g_prefix_error (error, _("Cannot save user “%s”: "), name);
      return FALSE;
    }
  report_step (report, user_data, RAAD_SERVER_SETUP_REMOVED,
               _("took the roles in organisation %s away from user %s (roles elsewhere kept)"),
               org_id, name);
  return TRUE;
}

/* Every user document with its roles: a GPtrArray of JsonObject. */
static GPtrArray *
fetch_user_docs (RaadRemote  *remote,
                 GError     **error)
{
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  JsonObject *object;
  JsonArray *rows;

  if (!users_database_exists (remote, error))
    return NULL;
  /* Keys from "org.couchdb.user:" up to "org.couchdb.user;" (";" follows ":"). */
  all = raad_remote_call (remote, "GET",
                          "/_users/_all_docs?include_docs=true"
                          "&startkey=%22org.couchdb.user%3A%22&endkey=%22org.couchdb.user%3B%22",
                          NULL, NULL, NULL, error);
  if (all == NULL)
    {
      g_prefix_error (error, _("Cannot list the users: "));
      return NULL;
    }
  object = node_object (all);
  rows = object != NULL && json_object_has_member (object, "rows") &&
         JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "rows"))
         ? json_object_get_array_member (object, "rows") : NULL;
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = node_object (json_array_get_element (rows, i));
      JsonObject *doc = row != NULL && json_object_has_member (row, "doc")
                        ? node_object (json_object_get_member (row, "doc")) : NULL;

      if (doc != NULL && string_member (doc, "name") != NULL)
        g_ptr_array_add (docs, json_object_ref (doc));
    }
  return g_steal_pointer (&docs);
}

static int
compare_users (gconstpointer a,
               gconstpointer b)
{
  const RaadServerUser *x = *(RaadServerUser * const *) a;
  const RaadServerUser *y = *(RaadServerUser * const *) b;

  return g_strcmp0 (x->name, y->name);
}

static GPtrArray *
users_of (GPtrArray  *docs,
          const char *org_id,
          GHashTable *council_ids)
{
  GPtrArray *users = g_ptr_array_new_with_free_func ((GDestroyNotify) raad_server_user_free);

  for (guint i = 0; i < docs->len; i++)
    {
      JsonObject *doc = g_ptr_array_index (docs, i);
      g_auto(GStrv) roles = doc_roles (doc);
      RaadServerUser *user = user_from_roles (string_member (doc, "name"),
                                              (const char * const *) roles, org_id, council_ids);

      if (user->member || user->org_admin || user->councils[0] != NULL ||
          user->admin_councils[0] != NULL)
        g_ptr_array_add (users, user);
      else
        raad_server_user_free (user);
    }
  g_ptr_array_sort (users, compare_users);
  return users;
}

GPtrArray *
raad_server_setup_list_users (RaadRemote  *remote,
                              const char  *org_id,
                              GError     **error)
{
  g_autoptr(GPtrArray) known = NULL;
  g_autoptr(GHashTable) known_ids = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  g_return_val_if_fail (RAAD_IS_REMOTE (remote), NULL);

  if (!check_id (_("organisation id"), org_id, error))
    return NULL;
  known = raad_server_setup_list_councils (remote, org_id, error);
  if (known == NULL)
    return NULL;
  known_ids = council_id_set (known);
  docs = fetch_user_docs (remote, error);
  if (docs == NULL)
    return NULL;
  return users_of (docs, org_id, known_ids);
}

/* Check */

typedef struct
{
  RaadServerSetupReport report;
  gpointer              user_data;
  guint                 problems;
} Checker;

static void
ok (Checker    *checker,
    const char *format,
    ...) G_GNUC_PRINTF (2, 3);

static void
ok (Checker    *checker,
    const char *format,
    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  report_step (checker->report, checker->user_data, RAAD_SERVER_SETUP_OK, "%s", message);
}

static void
problem (Checker    *checker,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static void
problem (Checker    *checker,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  checker->problems++;
  report_step (checker->report, checker->user_data, RAAD_SERVER_SETUP_PROBLEM, "%s", message);
}

static RaadRemote *
anonymous_remote (RaadRemote *remote)
{
  g_autofree char *fingerprint = raad_remote_dup_peer_fingerprint (remote);
  RaadRemote *anonymous = raad_remote_new (raad_remote_get_url (remote), NULL, NULL, NULL);

  /* The admin's connection trusted this certificate already (by TLS or by its pin). */
  raad_remote_set_pinned_fingerprint (anonymous, fingerprint);
  return anonymous;
}

static gboolean
check_database (Checker     *checker,
                RaadRemote  *remote,
                RaadRemote  *anonymous,
                const char  *org_id,
                const char  *council_id,
                GError     **error)
{
  g_autofree char *database = raad_sync_database_name (org_id, council_id);
  g_autofree char *path = db_path (database, NULL);
  g_autofree char *security_path = db_path (database, "/_security");
  g_autofree char *design_path = doc_path (database, RAAD_SERVER_SETUP_DESIGN_ID);
  g_autofree char *rules = raad_server_setup_validate_function (org_id, council_id);
  g_autoptr(JsonNode) info = NULL;
  g_autoptr(JsonNode) security = NULL;
  g_autoptr(JsonNode) expected = raad_server_setup_security (org_id, council_id);
  g_autoptr(JsonNode) design = NULL;
  g_autoptr(JsonNode) peek = NULL;
  g_autoptr(GError) anonymous_error = NULL;
  g_autofree char *difference = NULL;
  guint status = 0;
  guint before = checker->problems;

  if (!get_optional (remote, path, &info, error))
    return FALSE;
  if (info == NULL)
    {
      if (council_id == NULL)
        problem (checker, _("database %s is missing: run “raadswerk-admin setup”"), database);
      else
        problem (checker, _("database %s of council %s is missing: run “raadswerk-admin "
                            "add-council”"), database, council_id);
      return TRUE;
    }

  security = raad_remote_call (remote, "GET", security_path, NULL, NULL, NULL, error);
  if (security == NULL)
    return FALSE;
  difference = security_difference (node_object (expected), node_object (security));
  if (difference != NULL)
    problem (checker, _("security of %s is wrong (%s): run “raadswerk-admin setup” to repair it"),
             database, difference);

  if (!get_optional (remote, design_path, &design, error))
    return FALSE;
  if (design == NULL)
    problem (checker, _("database %s has no write rules: run “raadswerk-admin setup” to "
                        "install them"), database);
  else
    {
      JsonObject *have = json_object_has_member (node_object (design), "raadswerk")
                         ? node_object (json_object_get_member (node_object (design), "raadswerk"))
                         : NULL;
      g_autoptr(JsonObject) want = design_info (org_id, council_id, string_member (have, "name"));
      g_autofree char *design_problem = design_difference (node_object (design), rules, want);

      if (design_problem != NULL)
        problem (checker, _("write rules of %s are out of date (%s): run “raadswerk-admin "
                            "setup” to update them"), database, design_problem);
    }

  /* Someone without an account must be kept out. */
  peek = raad_remote_call (anonymous, "GET", path, NULL, &status, NULL, &anonymous_error);
  if (peek != NULL)
    problem (checker, _("anyone can read %s without logging in: its security has no members"),
             database);
  else if (status != 401 && status != 403)
    {
      g_propagate_error (error, g_steal_pointer (&anonymous_error));
      return FALSE;
    }

  if (checker->problems == before)
    ok (checker, _("database %s: security and write rules in order"), database);
  return TRUE;
}

gboolean
raad_server_setup_check (RaadRemote             *remote,
                         const char             *org_id,
                         const char * const     *council_ids,
                         RaadServerSetupReport   report,
                         gpointer                user_data,
                         guint                  *n_problems,
                         GError                **error)
{
  Checker checker = { report, user_data, 0 };
  g_autoptr(RaadRemote) anonymous = NULL;
  g_autoptr(JsonNode) session = NULL;
  g_autoptr(JsonNode) users_info = NULL;
  g_autoptr(GPtrArray) councils = NULL;
  g_autoptr(GHashTable) known_ids = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  JsonObject *context;

  g_return_val_if_fail (RAAD_IS_REMOTE (remote), FALSE);

  if (n_problems != NULL)
    *n_problems = 0;
  if (!check_id (_("organisation id"), org_id, error))
    return FALSE;
  anonymous = anonymous_remote (remote);

  /* An "admin party" server lets everyone do everything. */
  session = raad_remote_call (anonymous, "GET", "/_session", NULL, NULL, NULL, NULL);
  context = node_object (session) != NULL && json_object_has_member (node_object (session), "userCtx")
            ? node_object (json_object_get_member (node_object (session), "userCtx")) : NULL;
  if (context != NULL && json_object_has_member (context, "roles"))
    {
      g_auto(GStrv) roles = doc_roles (context);

      if (strv_has ((const char * const *) roles, "_admin"))
        problem (&checker, _("the server has no admin (“admin party”): anyone can change "
                             "everything; create a server admin"));
    }

  if (!get_optional (remote, "/_users", &users_info, error))
    return FALSE;
  if (users_info == NULL)
    problem (&checker, _("the users database _users is missing: run “raadswerk-admin setup”"));

  if (!check_database (&checker, remote, anonymous, org_id, NULL, error))
    return FALSE;

  councils = raad_server_setup_list_councils (remote, org_id, error);
  if (councils == NULL)
    return FALSE;
  known_ids = council_id_set (councils);
  for (guint i = 0; i < councils->len; i++)
    g_ptr_array_add (ids, ((RaadServerCouncil *) g_ptr_array_index (councils, i))->id);
  for (guint i = 0; council_ids != NULL && council_ids[i] != NULL; i++)
    if (!g_hash_table_contains (known_ids, council_ids[i]))
      g_ptr_array_add (ids, (gpointer) council_ids[i]);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *council_id = g_ptr_array_index (ids, i);
      g_autofree char *other_org = NULL;

      if (!check_database (&checker, remote, anonymous, org_id, council_id, error) ||
          !find_council_clash (remote, org_id, council_id, &other_org, error))
        return FALSE;
      if (other_org != NULL)
        problem (&checker, _("council id %s is also set up for organisation %s: the members of "
                             "either council can read both councils’ databases"),
                 council_id, other_org);
    }

  if (users_info != NULL)
    {
      g_autoptr(GPtrArray) docs = fetch_user_docs (remote, error);
      g_autofree char *org_member = role ("org", org_id, "member");
      g_autoptr(GHashTable) any_council = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                                 g_free, NULL);
      guint n_users = 0;

      if (docs == NULL)
        return FALSE;
      /* A user may sit in councils of other organisations on the same server. */
      if (!scan_designs (remote, "raadswerk_", NULL, any_council_found, any_council, error))
        return FALSE;
      for (guint i = 0; i < docs->len; i++)
        {
          JsonObject *doc = g_ptr_array_index (docs, i);
          const char *name = string_member (doc, "name");
          g_auto(GStrv) roles = doc_roles (doc);
          g_autoptr(RaadServerUser) user = user_from_roles (name, (const char * const *) roles,
                                                            org_id, known_ids);
          gboolean in_org = user->member || user->org_admin || user->councils[0] != NULL ||
                            user->admin_councils[0] != NULL;

          if (!in_org)
            continue;
          n_users++;
          if (!user->member)
            problem (&checker, _("user %s has roles in %s but not %s, so it cannot read the "
                                 "organisation database: run “raadswerk-admin add-user” for it "
                                 "again"), name, org_id, org_member);
          /* Council roles of this organisation's users that name no council set up here. */
          for (guint r = 0; user->member && roles[r] != NULL; r++)
            {
              g_auto(GStrv) parts = g_strsplit (roles[r], ":", 3);

              if (g_strv_length (parts) == 3 && g_str_equal (parts[0], "council") &&
                  !g_hash_table_contains (any_council, parts[1]))
                problem (&checker, _("user %s has role %s, but no council %s is set up on this "
                                     "server: run “raadswerk-admin add-council” or "
                                     "“add-user” again"), name, roles[r], parts[1]);
            }
        }
      ok (&checker, g_dngettext (GETTEXT_PACKAGE, "%u user in organisation %s",
                                 "%u users in organisation %s", n_users), n_users, org_id);
    }

  if (n_problems != NULL)
    *n_problems = checker.problems;
  return TRUE;
}

/* Reading a Raadswerk database */

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (to);

  return g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, error);
}

static void
remove_copy (const char *dir)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (dir, "/raadswerk.db", suffixes[i], NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

gboolean
raad_server_setup_read_database (const char  *path,
                                 char       **org_id,
                                 char       **org_name,
                                 GPtrArray  **councils,
                                 GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *wal = NULL;
  g_autoptr(RaadStore) store = NULL;
  g_auto(GStrv) org_ids = NULL;
  g_auto(GStrv) council_ids = NULL;
  g_autoptr(JsonObject) organisation = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_OPEN,
                   _("There is no file “%s”."), path);
      return FALSE;
    }
  /* Opening migrates; the support officer's file stays as it is. */
  dir = g_dir_make_tmp ("raadswerk-admin-XXXXXX", error);
  if (dir == NULL)
    return FALSE;
  copy = g_build_filename (dir, "raadswerk.db", NULL);
  wal = g_strconcat (path, "-wal", NULL);
  if (!copy_file (path, copy, &local_error))
    goto failed;
  if (g_file_test (wal, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *copy_wal = g_strconcat (copy, "-wal", NULL);

      if (!copy_file (wal, copy_wal, &local_error))
        goto failed;
    }
  store = raad_store_open (copy, &local_error);
  if (store == NULL)
    goto failed;

  org_ids = raad_store_list_ids (store, "organisation");
  if (org_ids[0] == NULL)
    {
      g_set_error (&local_error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_NOT_FOUND,
                   _("The database holds no organisation."));
      goto failed;
    }
  organisation = raad_store_get (store, org_ids[0], &local_error);
  if (organisation == NULL)
    goto failed;

  found = g_ptr_array_new_with_free_func ((GDestroyNotify) raad_server_council_free);
  council_ids = raad_store_list_ids (store, "council");
  for (guint i = 0; council_ids[i] != NULL; i++)
    {
      g_autoptr(JsonObject) body = raad_store_get (store, council_ids[i], NULL);
      RaadServerCouncil *council = g_new0 (RaadServerCouncil, 1);

      council->id = g_strdup (council_ids[i]);
      council->name = g_strdup (string_member (body, "name"));
      council->database = raad_sync_database_name (org_ids[0], council_ids[i]);
      g_ptr_array_add (found, council);
    }
  g_ptr_array_sort (found, compare_councils);
  g_clear_object (&store);
  remove_copy (dir);

  *org_id = g_strdup (org_ids[0]);
  if (org_name != NULL)
    *org_name = g_strdup (string_member (organisation, "name"));
  *councils = g_steal_pointer (&found);
  return TRUE;

failed:
  g_clear_object (&store);
  remove_copy (dir);
  g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                              _("Cannot read the Raadswerk database “%s”: "), path);
  return FALSE;
}
