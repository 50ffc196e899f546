/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-replicator.c: one-way replications between the store and one server database */
#define G_LOG_DOMAIN "raad-sync"

#include "config.h"

#include <string.h>

#include "raad-replicator.h"

/* CouchDB database names: a-z, 0-9 and _$()+-/ , starting with a letter. Ids are folded to
 * lower case, anything else becomes "_". */
static void
append_folded (GString    *name,
               const char *id)
{
  for (const char *p = id; *p; p++)
    {
      char c = g_ascii_tolower (*p);

      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')
        g_string_append_c (name, c);
      else
        g_string_append_c (name, '_');
    }
}

char *
raad_sync_database_name (const char *org_id,
                         const char *council_id)
{
  GString *name = g_string_new ("raadswerk_");

  g_return_val_if_fail (org_id != NULL, NULL);

  append_folded (name, org_id);
  if (council_id != NULL)
    {
      g_string_append_c (name, '_');
      append_folded (name, council_id);
    }
  return g_string_free (name, FALSE);
}

const char *
raad_sync_document_council (JsonObject *body)
{
  if (body == NULL ||
      g_strcmp0 (json_object_get_string_member_with_default (body, "scope", NULL), "council") != 0)
    return NULL;
  return json_object_get_string_member_with_default (body, "council_id", NULL);
}

#define DEFAULT_BATCH_SIZE 500
/* Documents per _bulk_get: bodies with inline photos make big answers. */
#define BULK_GET_SIZE 250
#define BULK_GET_BYTES (4 * 1024 * 1024)
#define HISTORY_LENGTH 5

static void
stats_add_request (RaadReplicationStats *stats)
{
  if (stats != NULL)
    stats->requests++;
}

static guint
batch_size (const RaadReplication *replication)
{
  return replication->batch_size > 0 ? replication->batch_size : DEFAULT_BATCH_SIZE;
}

/* Replication ids: stable for one store, server, database and direction. */
static char *
replication_id (const RaadReplication *replication,
                const char            *direction)
{
  g_autofree char *key = g_strdup_printf ("%s|%s|%s|%s|%s|1",
                                          raad_store_get_uuid (replication->store),
                                          raad_remote_get_url (replication->remote),
                                          replication->database, direction,
                                          replication->council_id != NULL ? replication->council_id : "-");

  return g_compute_checksum_for_string (G_CHECKSUM_MD5, key, -1);
}

static char *
db_path (const RaadReplication *replication,
         const char            *rest)
{
  g_autofree char *db = raad_remote_escape (replication->database);

  return g_strconcat ("/", db, rest, NULL);
}

/* Checkpoints: {"session_id", "last_seq", "history": [{"session_id", "last_seq"}, …]}, the
 * newest first, kept in the local table here and in _local/<id> on the server. */
typedef struct
{
  char       *id;
  char       *local_key;
  char       *remote_path;
  char       *remote_rev;
  char       *session_id;
  JsonObject *local;       /* may be NULL */
  JsonObject *remote;      /* may be NULL */
} Checkpoint;

static void
checkpoint_clear (Checkpoint *cp)
{
  g_free (cp->id);
  g_free (cp->local_key);
  g_free (cp->remote_path);
  g_free (cp->remote_rev);
  g_free (cp->session_id);
  g_clear_pointer (&cp->local, json_object_unref);
  g_clear_pointer (&cp->remote, json_object_unref);
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return json_object_ref (json_node_get_object (root));
}

static char *
object_to_string (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  return json_to_string (node, FALSE);
}

static gboolean
checkpoint_read (Checkpoint            *cp,
                 const RaadReplication *replication,
                 const char            *direction,
                 RaadReplicationStats  *stats,
                 GCancellable          *cancellable,
                 GError               **error)
{
  g_autofree char *local_text = NULL;
  g_autoptr(JsonNode) remote = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *local_suffix = NULL;

  cp->id = replication_id (replication, direction);
  cp->local_key = g_strconcat ("sync:checkpoint:", cp->id, NULL);
  local_suffix = g_strconcat ("/_local/", cp->id, NULL);
  cp->remote_path = db_path (replication, local_suffix);
  cp->session_id = g_uuid_string_random ();

  local_text = raad_store_get_local (replication->store, cp->local_key);
  cp->local = parse_object (local_text);

  stats_add_request (stats);
  remote = raad_remote_call (replication->remote, "GET", cp->remote_path, NULL, NULL,
                             cancellable, &local_error);
  if (remote == NULL)
    {
      if (!g_error_matches (local_error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  else if (JSON_NODE_HOLDS_OBJECT (remote))
    {
      cp->remote = json_object_ref (json_node_get_object (remote));
      cp->remote_rev = g_strdup (json_object_get_string_member_with_default (cp->remote, "_rev", NULL));
    }
  return TRUE;
}

/* The last sequence both sides recorded for the same session, or NULL: start over. */
static JsonNode *
checkpoint_since (Checkpoint *cp)
{
  JsonArray *local_history;
  JsonArray *remote_history;

  if (cp->local == NULL || cp->remote == NULL)
    return NULL;
  local_history = json_object_get_array_member (cp->local, "history");
  remote_history = json_object_has_member (cp->remote, "history") ?
                   json_object_get_array_member (cp->remote, "history") : NULL;
  if (local_history == NULL || remote_history == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (local_history); i++)
    {
      JsonObject *mine = json_array_get_object_element (local_history, i);
      const char *session = json_object_get_string_member_with_default (mine, "session_id", "");

      for (guint j = 0; j < json_array_get_length (remote_history); j++)
        {
          JsonObject *theirs = json_array_get_object_element (remote_history, j);
          JsonNode *a = json_object_get_member (mine, "last_seq");
          JsonNode *b = json_object_get_member (theirs, "last_seq");

          if (g_strcmp0 (json_object_get_string_member_with_default (theirs, "session_id", NULL),
                         session) != 0 || a == NULL || b == NULL)
            continue;
          /* Both wrote this session; the smaller of what each recorded is safe. A crash
           * between the two writes leaves them one batch apart. */
          if (json_node_equal (a, b))
            return json_node_copy (a);
          if (JSON_NODE_HOLDS_VALUE (a) && JSON_NODE_HOLDS_VALUE (b) &&
              json_node_get_value_type (a) == G_TYPE_INT64 &&
              json_node_get_value_type (b) == G_TYPE_INT64)
            return json_node_copy (json_node_get_int (a) < json_node_get_int (b) ? a : b);
          return NULL;
        }
    }
  return NULL;
}

static JsonObject *
checkpoint_next (JsonObject *previous,
                 const char *session_id,
                 JsonNode   *last_seq)
{
  JsonObject *next = json_object_new ();
  JsonArray *history = json_array_new ();
  JsonObject *entry = json_object_new ();

  json_object_set_string_member (next, "session_id", session_id);
  json_object_set_member (next, "last_seq", json_node_copy (last_seq));
  json_object_set_string_member (entry, "session_id", session_id);
  json_object_set_member (entry, "last_seq", json_node_copy (last_seq));
  json_array_add_object_element (history, entry);
  if (previous != NULL && json_object_has_member (previous, "history"))
    {
      JsonArray *old = json_object_get_array_member (previous, "history");

      for (guint i = 0; old != NULL && i < json_array_get_length (old) &&
                        json_array_get_length (history) < HISTORY_LENGTH; i++)
        {
          JsonObject *item = json_array_get_object_element (old, i);

          if (g_strcmp0 (json_object_get_string_member_with_default (item, "session_id", NULL),
                         session_id) != 0)
            json_array_add_element (history, json_node_copy (json_array_get_element (old, i)));
        }
    }
  json_object_set_array_member (next, "history", history);
  return next;
}

static gboolean
checkpoint_write_local (Checkpoint  *cp,
                        RaadStore   *store,
                        JsonNode    *last_seq,
                        GError     **error)
{
  g_autoptr(JsonObject) next = checkpoint_next (cp->local, cp->session_id, last_seq);
  g_autofree char *text = object_to_string (next);

  if (!raad_store_set_local (store, cp->local_key, text, error))
    return FALSE;
  g_clear_pointer (&cp->local, json_object_unref);
  cp->local = g_steal_pointer (&next);
  return TRUE;
}

static gboolean
checkpoint_write_remote (Checkpoint            *cp,
                         const RaadReplication *replication,
                         JsonNode              *last_seq,
                         RaadReplicationStats  *stats,
                         GCancellable          *cancellable,
                         GError               **error)
{
  g_autoptr(JsonObject) next = checkpoint_next (cp->remote, cp->session_id, last_seq);
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GError) local_error = NULL;

  if (cp->remote_rev != NULL)
    json_object_set_string_member (next, "_rev", cp->remote_rev);
  json_node_set_object (body, next);
  stats_add_request (stats);
  reply = raad_remote_call (replication->remote, "PUT", cp->remote_path, body, NULL,
                            cancellable, &local_error);
  if (reply == NULL && g_error_matches (local_error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_CONFLICT))
    {
      /* Someone else (an earlier run cut short) wrote it: take its revision and retry. */
      g_autoptr(JsonNode) current = NULL;

      g_clear_error (&local_error);
      stats_add_request (stats);
      current = raad_remote_call (replication->remote, "GET", cp->remote_path, NULL, NULL,
                                  cancellable, &local_error);
      if (current != NULL && JSON_NODE_HOLDS_OBJECT (current))
        {
          json_object_set_string_member (next, "_rev",
                                         json_object_get_string_member_with_default (json_node_get_object (current), "_rev", ""));
          stats_add_request (stats);
          reply = raad_remote_call (replication->remote, "PUT", cp->remote_path, body, NULL,
                                    cancellable, &local_error);
        }
    }
  if (reply == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (JSON_NODE_HOLDS_OBJECT (reply))
    {
      g_free (cp->remote_rev);
      cp->remote_rev = g_strdup (json_object_get_string_member_with_default (json_node_get_object (reply), "rev", NULL));
    }
  json_object_remove_member (next, "_rev");
  g_clear_pointer (&cp->remote, json_object_unref);
  cp->remote = g_steal_pointer (&next);
  return TRUE;
}

/* A sequence for a URL: numbers as they are, strings (CouchDB 3) without quotes. */
static char *
seq_to_param (JsonNode *seq)
{
  g_autofree char *text = NULL;

  if (seq == NULL)
    return g_strdup ("0");
  if (JSON_NODE_HOLDS_VALUE (seq) && json_node_get_value_type (seq) == G_TYPE_STRING)
    text = g_strdup (json_node_get_string (seq));
  else
    text = json_to_string (seq, FALSE);
  return g_uri_escape_string (text, NULL, FALSE);
}

static gboolean
get_database_info (const RaadReplication *replication,
                   RaadReplicationStats  *stats,
                   guint                 *doc_count,
                   GCancellable          *cancellable,
                   GError               **error)
{
  g_autofree char *path = db_path (replication, "");
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) info = NULL;

  stats_add_request (stats);
  info = raad_remote_call (replication->remote, "GET", path, NULL, NULL, cancellable,
                           &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_NOT_FOUND))
        g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_NOT_FOUND,
                     "The server has no database “%s”", replication->database);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (doc_count != NULL && JSON_NODE_HOLDS_OBJECT (info))
    *doc_count = json_object_get_int_member_with_default (json_node_get_object (info),
                                                          "doc_count", 0);
  return TRUE;
}

/* Pull */

/* One HTTP request in a thread of its own, so that the next batch is prepared meanwhile. */
typedef struct
{
  GThread      *thread;
  RaadRemote   *remote;
  const char   *method;
  char         *path;
  char         *body;
  gsize         length;
  GCancellable *cancellable;
  JsonNode     *reply;
  GError       *error;
} Request;

static gpointer
request_thread (gpointer data)
{
  Request *request = data;

  request->reply = raad_remote_call_text (request->remote, request->method, request->path, request->body,
                                          request->length, NULL, request->cancellable,
                                          &request->error);
  return NULL;
}

static Request *
request_start (RaadRemote   *remote,
               const char   *method,
               char         *path,
               char         *body,
               gsize         length,
               GCancellable *cancellable)
{
  Request *request = g_new0 (Request, 1);

  request->remote = g_object_ref (remote);
  request->method = method;
  request->path = path;
  request->body = body;
  request->length = length;
  request->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  request->thread = g_thread_new ("raad-sync-request", request_thread, request);
  return request;
}

static JsonNode *
request_finish (Request  *request,
                GError  **error)
{
  JsonNode *reply;

  g_thread_join (request->thread);
  reply = request->reply;
  if (request->error != NULL)
    g_propagate_error (error, request->error);
  g_object_unref (request->remote);
  g_clear_object (&request->cancellable);
  g_free (request->path);
  g_free (request->body);
  g_free (request);
  return reply;
}


typedef struct
{
  char  *id;
  char  *rev;
  gsize  bytes;   /* attachment bytes the feed announced, 0 when unknown */
} MissingRev;

static void
missing_rev_free (MissingRev *m)
{
  g_free (m->id);
  g_free (m->rev);
  g_free (m);
}

/* Asks for @missing[from..to) with their revision paths and attachments. */
static Request *
start_bulk_get (const RaadReplication *replication,
                RaadRemote            *remote,
                GPtrArray             *missing,
                guint                  from,
                guint                  to,
                RaadReplicationStats  *stats,
                GCancellable          *cancellable)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) request = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length = 0;
  char *body;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "docs");
  json_builder_begin_array (builder);
  for (guint i = from; i < to; i++)
    {
      MissingRev *m = g_ptr_array_index (missing, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, m->id);
      json_builder_set_member_name (builder, "rev");
      json_builder_add_string_value (builder, m->rev);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  request = json_builder_get_root (builder);
  json_generator_set_root (generator, request);
  body = json_generator_to_data (generator, &length);

  stats_add_request (stats);
  return request_start (remote, "POST",
                        db_path (replication, "/_bulk_get?revs=true&attachments=true"),
                        body, length, cancellable);
}

/* Grafts what a _bulk_get brought. */
static gboolean
graft_bulk_get (const RaadReplication *replication,
                JsonNode              *reply,
                GPtrArray             *written_ids,
                RaadReplicationStats  *stats,
                GError               **error)
{
  JsonArray *results = JSON_NODE_HOLDS_OBJECT (reply) ?
                       json_object_get_array_member (json_node_get_object (reply), "results") : NULL;

  if (results == NULL)
    {
      g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_SERVER,
                   "The server’s _bulk_get answer has no results");
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);
      JsonArray *docs = result != NULL ? json_object_get_array_member (result, "docs") : NULL;

      for (guint j = 0; docs != NULL && j < json_array_get_length (docs); j++)
        {
          JsonObject *entry = json_array_get_object_element (docs, j);
          JsonObject *doc;
          g_autoptr(GError) graft_error = NULL;

          if (entry == NULL || !json_object_has_member (entry, "ok"))
            {
              /* {"error": …} or PouchDB Server's {"missing": rev}: the revision went away
               * (compacted or purged); a later change brings what replaced it. */
              continue;
            }
          doc = json_object_get_object_member (entry, "ok");
          if (doc == NULL)
            continue;
          if (!raad_store_graft (replication->store, doc, &graft_error))
            {
              /* One malformed document must not stop everyone's sync: skip and say so. */
              g_warning ("Skipped a document from %s: %s", replication->database,
                         graft_error->message);
              continue;
            }
          g_ptr_array_add (written_ids,
                           g_strdup (json_object_get_string_member_with_default (doc, "_id", "")));
          if (stats != NULL)
            stats->docs_written++;
        }
    }
  return TRUE;
}

/* Fetches and grafts all of @missing in chunks: small enough for json-glib (by count and by
 * the attachment bytes the feed announced), the next chunk coming in while this one is
 * written. */
static gboolean
fetch_and_graft (const RaadReplication *replication,
                 RaadRemote            *remote,
                 GPtrArray             *missing,
                 GPtrArray             *written_ids,
                 RaadReplicationStats  *stats,
                 GCancellable          *cancellable,
                 GError               **error)
{
  g_autoptr(GArray) bounds = g_array_new (FALSE, FALSE, sizeof (guint));
  Request *pending = NULL;
  gsize bytes = 0;
  guint count = 0;

  if (missing->len == 0)
    return TRUE;
  g_array_append_val (bounds, count);
  for (guint i = 0; i < missing->len; i++)
    {
      MissingRev *m = g_ptr_array_index (missing, i);

      if (count > 0 && (count >= BULK_GET_SIZE || bytes + m->bytes > BULK_GET_BYTES))
        {
          g_array_append_val (bounds, i);
          count = 0;
          bytes = 0;
        }
      count++;
      bytes += m->bytes;
    }
  g_array_append_val (bounds, missing->len);

  pending = start_bulk_get (replication, remote, missing, g_array_index (bounds, guint, 0),
                            g_array_index (bounds, guint, 1), stats, cancellable);
  for (guint c = 0; c + 1 < bounds->len; c++)
    {
      g_autoptr(JsonNode) reply = request_finish (g_steal_pointer (&pending), error);

      if (reply == NULL)
        return FALSE;
      if (c + 2 < bounds->len)
        pending = start_bulk_get (replication, remote, missing, g_array_index (bounds, guint, c + 1),
                                  g_array_index (bounds, guint, c + 2), stats, cancellable);
      if (!graft_bulk_get (replication, reply, written_ids, stats, error))
        {
          if (pending != NULL)
            {
              g_autoptr(JsonNode) unused = request_finish (pending, NULL);
            }
          return FALSE;
        }
    }
  return TRUE;
}

/* The attachment bytes of the feed's copy of a document (its stubs have lengths). */
static gsize
announced_bytes (JsonObject *doc)
{
  JsonObject *atts;
  g_autoptr(GList) names = NULL;
  gsize bytes = 0;

  if (doc == NULL || !json_object_has_member (doc, "_attachments"))
    return 0;
  atts = json_object_get_object_member (doc, "_attachments");
  names = atts != NULL ? json_object_get_members (atts) : NULL;
  for (GList *l = names; l; l = l->next)
    {
      JsonObject *att = json_object_get_object_member (atts, l->data);

      if (att != NULL)
        bytes += (gsize) json_object_get_int_member_with_default (att, "length", 0);
    }
  /* Base64 in the answer. */
  return bytes * 4 / 3;
}

static Request *
fetch_changes (const RaadReplication *replication,
               RaadRemote            *remote,
               JsonNode              *since,
               guint                  limit,
               RaadReplicationStats  *stats,
               GCancellable          *cancellable)
{
  g_autofree char *since_param = seq_to_param (since);
  g_autofree char *rest = g_strdup_printf ("/_changes?style=all_docs&include_docs=true"
                                           "&since=%s&limit=%u", since_param, limit);

  stats_add_request (stats);
  return request_start (remote, "GET", db_path (replication, rest), NULL, 0, cancellable);
}

gboolean
raad_replicate_pull (const RaadReplication *replication,
                     RaadReplicationStats  *stats,
                     GCancellable          *cancellable,
                     GError               **error)
{
  Checkpoint cp = { 0 };
  g_autoptr(JsonNode) since = NULL;
  g_autoptr(RaadRemote) fetcher = NULL;
  g_autoptr(RaadRemote) getter = NULL;
  Request *prefetch = NULL;
  guint limit = batch_size (replication);
  guint doc_count = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (replication != NULL, FALSE);
  g_return_val_if_fail (RAAD_IS_STORE (replication->store), FALSE);
  g_return_val_if_fail (RAAD_IS_REMOTE (replication->remote), FALSE);

  if (!get_database_info (replication, stats, &doc_count, cancellable, error) ||
      !checkpoint_read (&cp, replication, "pull", stats, cancellable, error))
    goto out;
  since = checkpoint_since (&cp);
  if (stats != NULL && since == NULL)
    stats->total = doc_count;
  /* The next page of the feed comes in through a second connection while this one is
   * written. */
  fetcher = raad_remote_dup (replication->remote);
  getter = raad_remote_dup (replication->remote);

  for (;;)
    {
      g_autoptr(JsonNode) reply = NULL;
      g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func ((GDestroyNotify) missing_rev_free);
      g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
      JsonObject *feed;
      JsonArray *results;
      JsonNode *last_seq;
      guint n_results;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
      if (prefetch == NULL)
        prefetch = fetch_changes (replication, fetcher, since, limit, stats, cancellable);
      reply = request_finish (g_steal_pointer (&prefetch), error);
      if (reply == NULL)
        goto out;
      feed = JSON_NODE_HOLDS_OBJECT (reply) ? json_node_get_object (reply) : NULL;
      results = feed != NULL ? json_object_get_array_member (feed, "results") : NULL;
      last_seq = feed != NULL ? json_object_get_member (feed, "last_seq") : NULL;
      if (results == NULL || last_seq == NULL)
        {
          g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_SERVER,
                       "The server’s changes feed of “%s” is unreadable", replication->database);
          goto out;
        }
      n_results = json_array_get_length (results);
      if (stats != NULL && json_object_has_member (feed, "pending"))
        stats->total = stats->docs_checked + n_results +
                       json_object_get_int_member_with_default (feed, "pending", 0);
      if (n_results >= limit)
        prefetch = fetch_changes (replication, fetcher, last_seq, limit, stats, cancellable);

      if (!raad_store_begin (replication->store, error))
        goto out;

      /* What the store lacks (a local _revs_diff). */
      for (guint i = 0; i < n_results; i++)
        {
          JsonObject *change = json_array_get_object_element (results, i);
          const char *id = json_object_get_string_member_with_default (change, "id", NULL);
          JsonArray *revs = json_object_get_array_member (change, "changes");
          JsonObject *doc = json_object_has_member (change, "doc") ?
                            json_object_get_object_member (change, "doc") : NULL;

          if (id == NULL || revs == NULL || id[0] == '_')
            continue;

          /* A document new to this store, with one live version and no attachments, comes
           * whole with the feed: no _bulk_get for it. Its older revisions are not fetched
           * (as after a compaction on the server); a later version arrives with its full
           * path. A document the store knows always comes with its path, so that an edit
           * of it is never taken for a conflict. */
          if (doc != NULL && json_array_get_length (revs) == 1 &&
              !json_object_get_boolean_member_with_default (doc, "_deleted", FALSE) &&
              !json_object_has_member (doc, "_attachments") &&
              g_strcmp0 (json_object_get_string_member_with_default (doc, "_rev", NULL),
                         json_object_get_string_member_with_default (json_array_get_object_element (revs, 0), "rev", "")) == 0)
            {
              g_autofree char *known = raad_store_get_rev (replication->store, id);

              if (known == NULL)
                {
                  g_autoptr(GError) graft_error = NULL;

                  if (raad_store_graft (replication->store, doc, &graft_error))
                    {
                      g_ptr_array_add (written, g_strdup (id));
                      if (stats != NULL)
                        stats->docs_written++;
                    }
                  else
                    g_warning ("Skipped a document from %s: %s", replication->database,
                               graft_error->message);
                  continue;
                }
            }
          for (guint j = 0; j < json_array_get_length (revs); j++)
            {
              JsonObject *rev_object = json_array_get_object_element (revs, j);
              const char *rev = json_object_get_string_member_with_default (rev_object, "rev", NULL);

              if (rev != NULL && !raad_store_has_revision (replication->store, id, rev))
                {
                  MissingRev *m = g_new0 (MissingRev, 1);

                  m->id = g_strdup (id);
                  m->rev = g_strdup (rev);
                  m->bytes = announced_bytes (doc);
                  g_ptr_array_add (missing, m);
                }
            }
        }
      if (stats != NULL)
        stats->docs_checked += n_results;

      /* The documents and the local checkpoint in one transaction: a crash replays the batch
       * at most. */
      if (!fetch_and_graft (replication, getter, missing, written, stats, cancellable, error))
        {
          raad_store_rollback (replication->store);
          goto out;
        }
      if (!checkpoint_write_local (&cp, replication->store, last_seq, error))
        {
          raad_store_rollback (replication->store);
          goto out;
        }
      if (!raad_store_commit (replication->store, error))
        goto out;
      if (!checkpoint_write_remote (&cp, replication, last_seq, stats, cancellable, error))
        goto out;

      g_clear_pointer (&since, json_node_unref);
      since = json_node_copy (last_seq);

      if (replication->progress != NULL)
        {
          g_ptr_array_add (written, NULL);
          replication->progress (stats, (const char * const *) written->pdata,
                                 replication->user_data);
        }
      if (n_results < limit)
        break;
    }
  ok = TRUE;

out:
  if (prefetch != NULL)
    {
      g_autoptr(JsonNode) unused = request_finish (prefetch, NULL);
    }
  checkpoint_clear (&cp);
  return ok;
}

/* Push */

#define REJECTED_PREFIX "sync:rejected:"

static gboolean
routed_here (const RaadReplication *replication,
             RaadStoreChange       *change)
{
  gboolean private = g_strcmp0 (change->scope, "council") == 0 && change->council_id != NULL;

  if (replication->council_id == NULL)
    return !private;
  return private && g_str_equal (change->council_id, replication->council_id);
}

/* The revision refused before, if it is still what we would send. */
static char *
rejected_rev (RaadStore  *store,
              const char *id)
{
  g_autofree char *key = g_strconcat (REJECTED_PREFIX, id, NULL);
  g_autofree char *text = raad_store_get_local (store, key);
  g_autoptr(JsonObject) entry = parse_object (text);

  if (entry == NULL)
    return NULL;
  return g_strdup (json_object_get_string_member_with_default (entry, "rev", NULL));
}

static gboolean
record_rejection (const RaadReplication *replication,
                  const char            *id,
                  const char            *rev,
                  const char            *reason,
                  GError               **error)
{
  g_autofree char *key = g_strconcat (REJECTED_PREFIX, id, NULL);
  g_autoptr(JsonObject) entry = json_object_new ();
  g_autoptr(JsonObject) body = raad_store_get_revision (replication->store, id, rev, NULL);
  g_autofree char *text = NULL;

  json_object_set_string_member (entry, "id", id);
  json_object_set_string_member (entry, "rev", rev);
  json_object_set_string_member (entry, "type",
                                 body != NULL ? json_object_get_string_member_with_default (body, "type", "") : "");
  json_object_set_string_member (entry, "database", replication->database);
  json_object_set_string_member (entry, "reason", reason);
  text = object_to_string (entry);
  return raad_store_set_local (replication->store, key, text, error);
}

static gboolean
forget_rejection (RaadStore  *store,
                  const char *id,
                  GError    **error)
{
  g_autofree char *key = g_strconcat (REJECTED_PREFIX, id, NULL);

  return raad_store_set_local (store, key, NULL, error);
}

/* The revision as a CouchDB document with its path and its attachments inline. */
static JsonNode *
revision_for_server (RaadStore   *store,
                     const char  *id,
                     const char  *rev,
                     GError     **error)
{
  g_autoptr(JsonObject) doc = raad_store_get_revision (store, id, rev, error);
  g_auto(GStrv) path = NULL;
  JsonObject *revisions;
  JsonArray *ids;
  JsonNode *node;

  if (doc == NULL)
    return NULL;
  path = raad_store_get_rev_path (store, id, rev);
  revisions = json_object_new ();
  ids = json_array_new ();
  json_object_set_int_member (revisions, "start", g_ascii_strtoll (rev, NULL, 10));
  for (guint i = 0; path != NULL && path[i]; i++)
    {
      const char *dash = strchr (path[i], '-');

      json_array_add_string_element (ids, dash != NULL ? dash + 1 : path[i]);
    }
  json_object_set_array_member (revisions, "ids", ids);
  json_object_set_object_member (doc, "_revisions", revisions);

  if (json_object_has_member (doc, "_attachments"))
    {
      JsonObject *atts = json_object_get_object_member (doc, "_attachments");
      g_autoptr(GList) names = json_object_get_members (atts);

      for (GList *l = names; l; l = l->next)
        {
          JsonObject *att = json_object_get_object_member (atts, l->data);
          const char *digest = json_object_get_string_member_with_default (att, "digest", NULL);
          g_autoptr(GBytes) data = NULL;
          JsonObject *inline_att;

          if (digest == NULL || (data = raad_store_get_blob (store, digest, error)) == NULL)
            {
              if (error != NULL && *error == NULL)
                g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_INVALID,
                             "Attachment “%s” of “%s” has no data", (char *) l->data, id);
              return NULL;
            }
          inline_att = json_object_new ();
          json_object_set_string_member (inline_att, "content_type",
                                         json_object_get_string_member_with_default (att, "content_type",
                                                                                     "application/octet-stream"));
          {
            g_autofree char *b64 = g_base64_encode (g_bytes_get_data (data, NULL),
                                                    g_bytes_get_size (data));

            json_object_set_string_member (inline_att, "data", b64);
          }
          json_object_set_object_member (atts, l->data, inline_att);
        }
    }
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, doc);
  return node;
}

/* A batch of local changes and the revisions of it the server lacks. */
typedef struct
{
  GPtrArray *changes;   /* RaadStoreChange */
  JsonArray *docs;      /* what to send */
  gint64     last_seq;
} PushBatch;

static void
push_batch_free (PushBatch *batch)
{
  g_clear_pointer (&batch->changes, g_ptr_array_unref);
  g_clear_pointer (&batch->docs, json_array_unref);
  g_free (batch);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PushBatch, push_batch_free)

/* Reads the changes after @since and asks the server what it lacks of them (unless it was
 * empty when the push began: then it lacks everything, and a revision someone else pushed
 * meanwhile is simply accepted twice, as new_edits=false writes are idempotent). Returns
 * NULL on error; a batch without changes at the end. */
static PushBatch *
prepare_push_batch (const RaadReplication *replication,
                    gint64                 since,
                    gboolean               target_was_empty,
                    RaadReplicationStats  *stats,
                    GCancellable          *cancellable,
                    GError               **error)
{
  g_autoptr(PushBatch) batch = g_new0 (PushBatch, 1);
  g_autoptr(JsonBuilder) diff = json_builder_new ();
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_strfreev);
  guint n_routed = 0;

  batch->changes = raad_store_changes_since (replication->store, since, batch_size (replication),
                                             error);
  if (batch->changes == NULL)
    return NULL;
  batch->docs = json_array_new ();
  batch->last_seq = since;
  if (batch->changes->len == 0)
    return g_steal_pointer (&batch);
  batch->last_seq = ((RaadStoreChange *) g_ptr_array_index (batch->changes,
                                                            batch->changes->len - 1))->seq;

  json_builder_begin_object (diff);
  for (guint i = 0; i < batch->changes->len; i++)
    {
      RaadStoreChange *change = g_ptr_array_index (batch->changes, i);
      g_auto(GStrv) leaves = NULL;
      g_autofree char *refused = NULL;
      g_autoptr(GStrvBuilder) sendable = g_strv_builder_new ();

      if (!routed_here (replication, change))
        continue;
      leaves = raad_store_get_leaves (replication->store, change->id, TRUE);
      refused = rejected_rev (replication->store, change->id);
      json_builder_set_member_name (diff, change->id);
      json_builder_begin_array (diff);
      for (guint j = 0; leaves[j]; j++)
        if (g_strcmp0 (leaves[j], refused) != 0)
          {
            json_builder_add_string_value (diff, leaves[j]);
            g_strv_builder_add (sendable, leaves[j]);
          }
      json_builder_end_array (diff);
      g_hash_table_insert (wanted, g_strdup (change->id), g_strv_builder_end (sendable));
      n_routed++;
    }
  json_builder_end_object (diff);
  if (n_routed == 0)
    return g_steal_pointer (&batch);

  if (!target_was_empty)
    {
      g_autoptr(JsonNode) request = json_builder_get_root (diff);
      g_autoptr(JsonNode) reply = NULL;
      g_autofree char *path = db_path (replication, "/_revs_diff");
      JsonObject *answer;

      stats_add_request (stats);
      reply = raad_remote_call (replication->remote, "POST", path, request, NULL, cancellable,
                                error);
      if (reply == NULL)
        return NULL;
      g_hash_table_remove_all (wanted);
      answer = JSON_NODE_HOLDS_OBJECT (reply) ? json_node_get_object (reply) : NULL;
      if (answer != NULL)
        {
          g_autoptr(GList) ids = json_object_get_members (answer);

          for (GList *l = ids; l; l = l->next)
            {
              JsonObject *entry = json_object_get_object_member (answer, l->data);
              JsonArray *missing = entry != NULL ? json_object_get_array_member (entry, "missing") : NULL;
              g_autoptr(GStrvBuilder) revs = g_strv_builder_new ();

              for (guint j = 0; missing != NULL && j < json_array_get_length (missing); j++)
                g_strv_builder_add (revs, json_array_get_string_element (missing, j));
              g_hash_table_insert (wanted, g_strdup (l->data), g_strv_builder_end (revs));
            }
        }
    }

  /* In the order of the changes: the same batch gives the same request. */
  for (guint i = 0; i < batch->changes->len; i++)
    {
      RaadStoreChange *change = g_ptr_array_index (batch->changes, i);
      GStrv revs = g_hash_table_lookup (wanted, change->id);

      for (guint j = 0; revs != NULL && revs[j]; j++)
        {
          JsonNode *doc = revision_for_server (replication->store, change->id, revs[j], error);

          if (doc == NULL)
            return NULL;
          json_array_add_element (batch->docs, doc);
        }
    }
  return g_steal_pointer (&batch);
}

/* Reads the _bulk_docs answer: records refusals, forgets older ones of what went through. */
static gboolean
finish_push_batch (const RaadReplication *replication,
                   PushBatch             *batch,
                   JsonNode              *reply,
                   RaadReplicationStats  *stats,
                   GError               **error)
{
  g_autoptr(GHashTable) refused = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n_docs = json_array_get_length (batch->docs);

  /* CouchDB 3 lists only the failures; match them by (id, rev), never by place. */
  if (JSON_NODE_HOLDS_ARRAY (reply))
    {
      JsonArray *results = json_node_get_array (reply);

      for (guint i = 0; i < json_array_get_length (results); i++)
        {
          JsonObject *result = json_array_get_object_element (results, i);
          const char *failure = json_object_get_string_member_with_default (result, "error", NULL);
          const char *id = json_object_get_string_member_with_default (result, "id", NULL);
          const char *rev = json_object_get_string_member_with_default (result, "rev", NULL);
          const char *reason = json_object_get_string_member_with_default (result, "reason", failure);

          if (failure == NULL || id == NULL)
            continue;
          if (!g_str_equal (failure, "forbidden") && !g_str_equal (failure, "unauthorized"))
            {
              g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_SERVER,
                           "The server did not take “%s”: %s", id, reason);
              return FALSE;
            }
          /* Some servers leave the revision out of the error: it is the one we sent. */
          for (guint j = 0; rev == NULL && j < n_docs; j++)
            {
              JsonObject *sent = json_array_get_object_element (batch->docs, j);

              if (g_strcmp0 (json_object_get_string_member (sent, "_id"), id) == 0)
                rev = json_object_get_string_member (sent, "_rev");
            }
          if (rev != NULL)
            g_hash_table_replace (refused, g_strdup (id), g_strdup_printf ("%s\n%s", rev, reason));
        }
    }

  if (!raad_store_begin (replication->store, error))
    return FALSE;
  for (guint j = 0; j < n_docs; j++)
    {
      JsonObject *sent = json_array_get_object_element (batch->docs, j);
      const char *id = json_object_get_string_member (sent, "_id");
      const char *entry = g_hash_table_lookup (refused, id);
      gboolean done;

      if (entry != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (entry, "\n", 2);

          done = record_rejection (replication, id, parts[0], parts[1], error);
          if (stats != NULL)
            stats->docs_rejected++;
        }
      else
        {
          done = forget_rejection (replication->store, id, error);
          if (stats != NULL)
            stats->docs_written++;
        }
      if (!done)
        {
          raad_store_rollback (replication->store);
          return FALSE;
        }
    }
  return raad_store_commit (replication->store, error);
}

static char *
bulk_docs_body (JsonArray *docs,
                gsize     *length)
{
  g_autoptr(JsonObject) request = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_object_set_boolean_member (request, "new_edits", FALSE);
  json_object_set_array_member (request, "docs", json_array_ref (docs));
  json_node_set_object (node, request);
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, length);
}

gboolean
raad_replicate_push (const RaadReplication *replication,
                     RaadReplicationStats  *stats,
                     GCancellable          *cancellable,
                     GError               **error)
{
  Checkpoint cp = { 0 };
  g_autoptr(JsonNode) since_node = NULL;
  g_autoptr(RaadRemote) sender = NULL;
  g_autoptr(PushBatch) batch = NULL;
  gint64 since = 0;
  guint doc_count = 0;
  gboolean target_was_empty;
  gboolean ok = FALSE;

  g_return_val_if_fail (replication != NULL, FALSE);
  g_return_val_if_fail (RAAD_IS_STORE (replication->store), FALSE);
  g_return_val_if_fail (RAAD_IS_REMOTE (replication->remote), FALSE);

  doc_count = G_MAXUINT;
  if (!get_database_info (replication, stats, &doc_count, cancellable, error) ||
      !checkpoint_read (&cp, replication, "push", stats, cancellable, error))
    goto out;
  target_was_empty = doc_count == 0;
  since_node = checkpoint_since (&cp);
  if (since_node != NULL && JSON_NODE_HOLDS_VALUE (since_node))
    since = json_node_get_int (since_node);
  if (stats != NULL)
    stats->total = (guint) MAX (0, raad_store_get_seq (replication->store) - since);
  /* The batches go out through a second connection while the next one is prepared. */
  sender = raad_remote_dup (replication->remote);

  batch = prepare_push_batch (replication, since, target_was_empty, stats, cancellable, error);
  if (batch == NULL)
    goto out;
  while (batch != NULL && batch->changes->len > 0)
    {
      g_autoptr(PushBatch) next = NULL;
      g_autoptr(JsonNode) reply = NULL;
      g_autoptr(JsonNode) last_seq = NULL;
      Request *request = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
      if (json_array_get_length (batch->docs) > 0)
        {
          gsize length = 0;
          char *body = bulk_docs_body (batch->docs, &length);

          stats_add_request (stats);
          request = request_start (sender, "POST", db_path (replication, "/_bulk_docs"), body, length,
                                   cancellable);
        }

      if (batch->changes->len >= batch_size (replication))
        {
          g_autoptr(GError) next_error = NULL;

          next = prepare_push_batch (replication, batch->last_seq, target_was_empty, stats,
                                     cancellable, &next_error);
          if (next == NULL)
            {
              if (request != NULL)
                {
                  /* Wait for what is under way; its answer is read again next time. */
                  reply = request_finish (request, NULL);
                }
              g_propagate_error (error, g_steal_pointer (&next_error));
              goto out;
            }
        }

      if (request != NULL)
        {
          reply = request_finish (request, error);
          if (reply == NULL || !finish_push_batch (replication, batch, reply, stats, error))
            goto out;
        }

      last_seq = json_node_new (JSON_NODE_VALUE);
      json_node_set_int (last_seq, batch->last_seq);
      if (stats != NULL)
        stats->docs_checked += batch->changes->len;
      if (!checkpoint_write_local (&cp, replication->store, last_seq, error) ||
          !checkpoint_write_remote (&cp, replication, last_seq, stats, cancellable, error))
        goto out;
      if (replication->progress != NULL)
        replication->progress (stats, NULL, replication->user_data);

      g_clear_pointer (&batch, push_batch_free);
      batch = g_steal_pointer (&next);
    }
  ok = TRUE;

out:
  checkpoint_clear (&cp);
  return ok;
}

/* Rejections and forgetting */

JsonArray *
raad_replicator_list_rejected (RaadStore *store)
{
  JsonArray *list = json_array_new ();
  g_auto(GStrv) keys = raad_store_list_local_keys (store, REJECTED_PREFIX);

  for (guint i = 0; keys != NULL && keys[i]; i++)
    {
      g_autofree char *text = raad_store_get_local (store, keys[i]);
      JsonObject *entry = parse_object (text);

      if (entry != NULL)
        json_array_add_object_element (list, entry);
    }
  return list;
}

gboolean
raad_replicator_forget (RaadStore  *store,
                        GError    **error)
{
  g_auto(GStrv) rejected = raad_store_list_local_keys (store, REJECTED_PREFIX);
  g_auto(GStrv) checkpoints = raad_store_list_local_keys (store, "sync:checkpoint:");

  if (!raad_store_begin (store, error))
    return FALSE;
  for (guint i = 0; rejected[i]; i++)
    if (!raad_store_set_local (store, rejected[i], NULL, error))
      goto fail;
  for (guint i = 0; checkpoints[i]; i++)
    if (!raad_store_set_local (store, checkpoints[i], NULL, error))
      goto fail;
  return raad_store_commit (store, error);

fail:
  raad_store_rollback (store);
  return FALSE;
}
