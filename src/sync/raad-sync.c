/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-sync.c: keeps the store in step with the shared server (the app's side of sync) */
#define G_LOG_DOMAIN "raad-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "raad-background.h"
#include "raad-replicator.h"
#include "raad-sync.h"

/* After an edit, wait this long for more edits before pushing. */
#define EDIT_DELAY_MS 3000
/* While reachable, sync this often; offline, try again this often. */
#define PERIOD_SECONDS (5 * 60)
#define OFFLINE_RETRY_SECONDS 60
/* The live changes feed waits this long on the server for news. */
#define LONGPOLL_MS 50000
/* During a sync, the main store hears of pulled records this often at most. */
#define NOTICE_INTERVAL_MS 250

#define KEY_URL "sync:url"
#define KEY_USER "sync:user"
#define KEY_FINGERPRINT "sync:fingerprint"
#define KEY_LAST_SYNC "sync:last-sync"

/* RaadSyncAccess */

struct _RaadSyncAccess
{
  GObject   parent_instance;
  char     *council_id;
  char     *name;
  gboolean  can_read;
  gboolean  can_write;
};

G_DEFINE_FINAL_TYPE (RaadSyncAccess, raad_sync_access, G_TYPE_OBJECT)

static void
raad_sync_access_finalize (GObject *object)
{
  RaadSyncAccess *self = (RaadSyncAccess *) object;

  g_free (self->council_id);
  g_free (self->name);
  G_OBJECT_CLASS (raad_sync_access_parent_class)->finalize (object);
}

static void
raad_sync_access_class_init (RaadSyncAccessClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = raad_sync_access_finalize;
}

static void
raad_sync_access_init (RaadSyncAccess *self)
{
}

const char *
raad_sync_access_get_council_id (RaadSyncAccess *self)
{
  return self->council_id;
}

const char *
raad_sync_access_get_name (RaadSyncAccess *self)
{
  return self->name;
}

gboolean
raad_sync_access_get_can_read (RaadSyncAccess *self)
{
  return self->can_read;
}

gboolean
raad_sync_access_get_can_write (RaadSyncAccess *self)
{
  return self->can_write;
}

/* RaadSyncRejection */

struct _RaadSyncRejection
{
  GObject  parent_instance;
  char    *id;
  char    *rev;
  char    *doc_type;
  char    *title;
  char    *reason;
};

G_DEFINE_FINAL_TYPE (RaadSyncRejection, raad_sync_rejection, G_TYPE_OBJECT)

static void
raad_sync_rejection_finalize (GObject *object)
{
  RaadSyncRejection *self = (RaadSyncRejection *) object;

  g_free (self->id);
  g_free (self->rev);
  g_free (self->doc_type);
  g_free (self->title);
  g_free (self->reason);
  G_OBJECT_CLASS (raad_sync_rejection_parent_class)->finalize (object);
}

static void
raad_sync_rejection_class_init (RaadSyncRejectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = raad_sync_rejection_finalize;
}

static void
raad_sync_rejection_init (RaadSyncRejection *self)
{
}

const char *
raad_sync_rejection_get_id (RaadSyncRejection *self)
{
  return self->id;
}

const char *
raad_sync_rejection_get_rev (RaadSyncRejection *self)
{
  return self->rev;
}

const char *
raad_sync_rejection_get_doc_type (RaadSyncRejection *self)
{
  return self->doc_type;
}

const char *
raad_sync_rejection_get_title (RaadSyncRejection *self)
{
  return self->title;
}

const char *
raad_sync_rejection_get_reason (RaadSyncRejection *self)
{
  return self->reason;
}

/* RaadSync */

struct _RaadSync
{
  GObject        parent_instance;

  RaadStore     *store;
  char          *url;
  char          *user;
  char          *fingerprint;
  char          *password;

  RaadSyncState  state;
  double         progress;
  GDateTime     *last_sync;
  char          *error_message;
  guint          n_conflicts;
  GListStore    *rejections;

  gboolean       automatic;
  gboolean       again;           /* an edit came in during a run: run once more */
  gboolean       noticing;        /* the store changes we cause ourselves */
  guint          edit_timeout;
  guint          period_timeout;
  GCancellable  *run;             /* the running sync, or NULL */
  GCancellable  *live;            /* the changes feeds, or NULL */
  GStrv          live_databases;  /* what the last good run synced */
  gulong         changed_handler;
  GHashTable    *noticed;         /* id → type pulled but not yet noticed by the main store */
  guint          count_idle;
  guint          notice_timeout;
};

G_DEFINE_FINAL_TYPE (RaadSync, raad_sync, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (RaadSyncState, raad_sync_state,
                    G_DEFINE_ENUM_VALUE (RAAD_SYNC_STATE_DISABLED, "disabled"),
                    G_DEFINE_ENUM_VALUE (RAAD_SYNC_STATE_IDLE, "idle"),
                    G_DEFINE_ENUM_VALUE (RAAD_SYNC_STATE_SYNCING, "syncing"),
                    G_DEFINE_ENUM_VALUE (RAAD_SYNC_STATE_OFFLINE, "offline"),
                    G_DEFINE_ENUM_VALUE (RAAD_SYNC_STATE_ERROR, "error"))

enum {
  PROP_0,
  PROP_STATE,
  PROP_PROGRESS,
  PROP_LAST_SYNC,
  PROP_ERROR_MESSAGE,
  PROP_N_CONFLICTS,
  PROP_CONFIGURED,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void schedule_period (RaadSync *self, guint seconds);
static void start_live (RaadSync *self);
static void stop_live (RaadSync *self);

static void
set_state (RaadSync      *self,
           RaadSyncState  state,
           const char    *message)
{
  if (g_strcmp0 (self->error_message, message) != 0)
    {
      g_free (self->error_message);
      self->error_message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
    }
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

static void
set_progress (RaadSync *self,
              double    progress)
{
  if (self->progress == progress)
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static void
set_n_conflicts (RaadSync *self,
                 guint     n)
{
  if (n == self->n_conflicts)
    return;
  self->n_conflicts = n;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CONFLICTS]);
}

static void
update_conflicts (RaadSync *self)
{
  g_auto(GStrv) ids = raad_store_list_conflicted (self->store);

  set_n_conflicts (self, g_strv_length (ids));
}

static void
update_rejections (RaadSync *self)
{
  g_autoptr(JsonArray) list = raad_replicator_list_rejected (self->store);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *entry = json_array_get_object_element (list, i);
      RaadSyncRejection *rejection = g_object_new (RAAD_TYPE_SYNC_REJECTION, NULL);
      g_autoptr(JsonObject) body = NULL;
      const char *title = NULL;

      rejection->id = g_strdup (json_object_get_string_member_with_default (entry, "id", ""));
      rejection->rev = g_strdup (json_object_get_string_member_with_default (entry, "rev", ""));
      rejection->doc_type = g_strdup (json_object_get_string_member_with_default (entry, "type", ""));
      rejection->reason = g_strdup (json_object_get_string_member_with_default (entry, "reason", ""));
      body = raad_store_get (self->store, rejection->id, NULL);
      if (body != NULL)
        title = json_object_get_string_member_with_default (body, "name",
                  json_object_get_string_member_with_default (body, "title", NULL));
      rejection->title = g_strdup (title != NULL ? title : rejection->id);
      g_ptr_array_add (items, rejection);
    }
  g_list_store_splice (self->rejections, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rejections)),
                       items->pdata, items->len);
}

static char *
read_local (RaadStore  *store,
            const char *key)
{
  char *value = raad_store_get_local (store, key);

  if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

/* The organisation of this store, or NULL on a fresh laptop (then the account's roles say). */
static char *
local_org_id (RaadStore *store)
{
  g_auto(GStrv) ids = raad_store_list_ids (store, "organisation");

  return ids[0] != NULL ? g_strdup (ids[0]) : NULL;
}

/* What a worker needs, copied from the main thread. */
typedef struct
{
  char       *path;
  char       *url;
  char       *user;
  char       *password;
  char       *fingerprint;
  char       *org_id;        /* may be NULL */
  GStrv       council_ids;   /* known locally */
  GHashTable *council_names; /* id → name */
  RaadSync   *sync;          /* for progress; only touched in the main thread */
  RaadStore  *store;         /* the worker's connection, while it runs */
  GMainContext *context;
  /* results */
  char       *peer_fingerprint;
  GPtrArray  *access;        /* of RaadSyncAccess */
  char       *problem;       /* a per-database problem that did not stop the others */
  GStrv       databases;     /* the databases a run synced */
  GStrv       conflicts;     /* the conflicted documents after a run, read by the worker */
  guint       step;
  guint       n_steps;
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->url);
  g_free (job->user);
  if (job->password != NULL)
    memset (job->password, 0, strlen (job->password));
  g_free (job->password);
  g_free (job->fingerprint);
  g_free (job->org_id);
  g_strfreev (job->council_ids);
  g_clear_pointer (&job->council_names, g_hash_table_unref);
  g_clear_object (&job->sync);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_free (job->peer_fingerprint);
  g_clear_pointer (&job->access, g_ptr_array_unref);
  g_free (job->problem);
  g_strfreev (job->databases);
  g_strfreev (job->conflicts);
  g_free (job);
}

static Job *
job_new (RaadSync   *self,
         const char *url,
         const char *user,
         const char *password,
         const char *fingerprint)
{
  Job *job = g_new0 (Job, 1);

  job->path = g_strdup (raad_store_get_path (self->store));
  job->url = g_strdup (url);
  job->user = g_strdup (user);
  job->password = g_strdup (password);
  job->fingerprint = g_strdup (fingerprint);
  job->org_id = local_org_id (self->store);
  job->council_ids = raad_store_list_ids (self->store, "council");
  job->council_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; job->council_ids[i]; i++)
    {
      g_autoptr(JsonObject) body = raad_store_get (self->store, job->council_ids[i], NULL);
      const char *name = body != NULL ? json_object_get_string_member_with_default (body, "name", NULL) : NULL;

      if (name != NULL)
        g_hash_table_insert (job->council_names, g_strdup (job->council_ids[i]), g_strdup (name));
    }
  job->sync = g_object_ref (self);
  job->context = g_main_context_ref_thread_default ();
  return job;
}

/* The roles of the account, after checking the password. */
static GStrv
log_in (Job          *job,
        RaadRemote   *remote,
        GCancellable *cancellable,
        GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) session = NULL;
  JsonObject *ctx = NULL;
  JsonArray *roles;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  session = raad_remote_call (remote, "GET", "/_session", NULL, NULL, cancellable, &local_error);
  g_free (job->peer_fingerprint);
  job->peer_fingerprint = raad_remote_dup_peer_fingerprint (remote);
  if (session == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (JSON_NODE_HOLDS_OBJECT (session))
    ctx = json_object_get_object_member (json_node_get_object (session), "userCtx");
  if (ctx == NULL || json_object_get_null_member (ctx, "name") ||
      json_object_get_string_member_with_default (ctx, "name", NULL) == NULL)
    {
      g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_UNAUTHORIZED,
                   "The server did not accept the user name and password");
      return NULL;
    }
  roles = json_object_get_array_member (ctx, "roles");
  for (guint i = 0; roles != NULL && i < json_array_get_length (roles); i++)
    g_strv_builder_add (builder, json_array_get_string_element (roles, i));
  return g_strv_builder_end (builder);
}

static gboolean
has_role (GStrv       roles,
          const char *kind,
          const char *id,
          const char *level)
{
  g_autofree char *role = g_strdup_printf ("%s:%s:%s", kind, id, level);

  return g_strv_contains ((const char * const *) roles, "_admin") ||
         g_strv_contains ((const char * const *) roles, role);
}

/* The organisation from the roles when the store has none yet. */
static gboolean
resolve_org (Job     *job,
             GStrv    roles,
             GError **error)
{
  for (guint i = 0; job->org_id == NULL && roles[i]; i++)
    if (g_str_has_prefix (roles[i], "org:"))
      {
        const char *start = roles[i] + 4;
        const char *end = strrchr (start, ':');

        if (end != NULL && end > start)
          job->org_id = g_strndup (start, end - start);
      }
  if (job->org_id == NULL)
    {
      g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_FORBIDDEN,
                   "The account belongs to no organisation on this server");
      return FALSE;
    }
  return TRUE;
}

/* The councils whose private databases the account uses: its council roles, or, for an
 * organisation admin, every council known here. */
static GStrv
account_councils (Job   *job,
                  GStrv  roles)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; roles[i]; i++)
    if (g_str_has_prefix (roles[i], "council:"))
      {
        const char *start = roles[i] + 8;
        const char *end = strrchr (start, ':');
        g_autofree char *id = end != NULL ? g_strndup (start, end - start) : NULL;

        if (id != NULL && *id != '\0' && !g_hash_table_contains (seen, id))
          {
            g_strv_builder_add (builder, id);
            g_hash_table_add (seen, g_steal_pointer (&id));
          }
      }
  if (has_role (roles, "org", job->org_id, "admin"))
    for (guint i = 0; job->council_ids[i]; i++)
      if (!g_hash_table_contains (seen, job->council_ids[i]))
        {
          g_strv_builder_add (builder, job->council_ids[i]);
          g_hash_table_add (seen, g_strdup (job->council_ids[i]));
        }
  return g_strv_builder_end (builder);
}

static RaadRemote *
job_remote (Job     *job,
            GError **error)
{
  RaadRemote *remote = raad_remote_new (job->url, job->user, job->password, error);

  if (remote != NULL)
    raad_remote_set_pinned_fingerprint (remote, job->fingerprint);
  return remote;
}

/* Sentences for the user. */
static char *
describe_error (const GError *error,
                const char   *council_name)
{
  if (error->domain == RAAD_SYNC_ERROR)
    switch (error->code)
      {
      case RAAD_SYNC_ERROR_UNAUTHORIZED:
        if (council_name != NULL)
          return g_strdup_printf (_("You have no access to the records of %s"), council_name);
        return g_strdup (_("Wrong user name or password"));
      case RAAD_SYNC_ERROR_FORBIDDEN:
        if (council_name != NULL)
          return g_strdup_printf (_("You have no access to the records of %s"), council_name);
        return g_strdup_printf (_("The server refused access: %s"), error->message);
      case RAAD_SYNC_ERROR_NOT_FOUND:
        if (council_name != NULL)
          return g_strdup_printf (_("The server has no database for %s yet; ask your IT "
                                    "department to set it up"), council_name);
        return g_strdup (_("The server has no database for this organisation yet; ask your "
                           "IT department to set it up"));
      case RAAD_SYNC_ERROR_UNREACHABLE:
        return g_strdup_printf (_("The server cannot be reached: %s"), error->message);
      case RAAD_SYNC_ERROR_CERTIFICATE:
        return g_strdup (_("The server’s certificate is not trusted"));
      case RAAD_SYNC_ERROR_INVALID:
        return g_strdup_printf (_("The server address is not valid: %s"), error->message);
      default:
        return g_strdup_printf (_("The server reported a problem: %s"), error->message);
      }
  if (error->domain == RAAD_STORE_ERROR)
    return g_strdup_printf (_("The local database reported a problem: %s"), error->message);
  return g_strdup (error->message);
}

/* Check */

static void
check_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(RaadRemote) remote = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) roles = NULL;
  g_auto(GStrv) councils = NULL;
  GListStore *list;

  remote = job_remote (job, &error);
  if (remote == NULL ||
      (roles = log_in (job, remote, cancellable, &error)) == NULL ||
      !resolve_org (job, roles, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  list = g_list_store_new (RAAD_TYPE_SYNC_ACCESS);
  councils = account_councils (job, roles);
  for (int i = -1; i < (int) g_strv_length (councils); i++)
    {
      const char *council = i < 0 ? NULL : councils[i];
      g_autofree char *db = raad_sync_database_name (job->org_id, council);
      g_autofree char *escaped = raad_remote_escape (db);
      g_autofree char *path = g_strconcat ("/", escaped, NULL);
      g_autoptr(JsonNode) info = NULL;
      g_autoptr(RaadSyncAccess) access = g_object_new (RAAD_TYPE_SYNC_ACCESS, NULL);
      const char *name = council != NULL ? g_hash_table_lookup (job->council_names, council) : NULL;

      info = raad_remote_call (remote, "GET", path, NULL, NULL, cancellable, NULL);
      access->council_id = g_strdup (council);
      access->name = g_strdup (council == NULL ? _("The whole organisation") :
                               name != NULL ? name : council);
      access->can_read = info != NULL;
      access->can_write = access->can_read &&
                          (council == NULL ? has_role (roles, "org", job->org_id, "member") ||
                                             has_role (roles, "org", job->org_id, "admin")
                                           : has_role (roles, "council", council, "member") ||
                                             has_role (roles, "council", council, "admin") ||
                                             has_role (roles, "org", job->org_id, "admin"));
      g_list_store_append (list, access);
    }
  g_task_return_pointer (task, list, g_object_unref);
}

void
raad_sync_check_account_async (RaadSync            *self,
                               const char          *url,
                               const char          *user,
                               const char          *password,
                               const char          *fingerprint,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Job *job = job_new (self, url, user, password, fingerprint);

  g_task_set_source_tag (task, raad_sync_check_account_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, check_thread);
}

GListModel *
raad_sync_check_account_finish (RaadSync      *self,
                                GAsyncResult  *result,
                                char         **peer_fingerprint,
                                GError       **error)
{
  Job *job = g_task_get_task_data (G_TASK (result));

  if (peer_fingerprint != NULL)
    *peer_fingerprint = g_strdup (job->peer_fingerprint);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Sync runs */

typedef struct
{
  RaadSync *sync;
  GStrv     ids;
  GStrv     types;     /* parallel to ids; NULL entries for documents not in the store */
  double    progress;
} Progress;

/* Tells the main store what the worker wrote since the last time, @limit documents at most
 * (0: all). The lists and pages react to each notice, so during a long pull they hear at most
 * a few times a second. Returns whether some are left. */
static gboolean
flush_noticed (RaadSync *self,
               guint     limit)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) types = NULL;
  GHashTableIter iter;
  gpointer id, type;

  if (g_hash_table_size (self->noticed) == 0)
    return FALSE;
  ids = g_ptr_array_new_with_free_func (g_free);
  types = g_ptr_array_new_with_free_func (g_free);
  g_hash_table_iter_init (&iter, self->noticed);
  while ((limit == 0 || ids->len < limit) && g_hash_table_iter_next (&iter, &id, &type))
    {
      g_ptr_array_add (ids, id);
      g_ptr_array_add (types, type);
      g_hash_table_iter_steal (&iter);
    }
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (types, NULL);
  self->noticing = TRUE;
  /* The worker looked the types up on its own connection: the main thread does not query. */
  raad_store_notice_typed_changes (self->store, (const char * const *) ids->pdata,
                                   (const char * const *) types->pdata);
  self->noticing = FALSE;
  return g_hash_table_size (self->noticed) > 0;
}

/* A pull of thousands notices them a slice at a time, one slice per main-loop turn: what
 * the store and the lists do for a notice grows with it, and the window has to draw in
 * between. */
#define NOTICE_SLICE 400

static gboolean
on_notice_timeout (gpointer data)
{
  RaadSync *self = data;

  self->notice_timeout = 0;
  /* The rest in an idle: after the window's redraws, before the next interval. */
  if (flush_noticed (self, NOTICE_SLICE))
    self->notice_timeout = g_idle_add (on_notice_timeout, self);
  return G_SOURCE_REMOVE;
}

/* Everything noticed now (the run is over: who hears "finished" sees the store as it is). */
static void
flush_all_noticed (RaadSync *self)
{
  g_clear_handle_id (&self->notice_timeout, g_source_remove);
  flush_noticed (self, 0);
}

static gboolean
deliver_progress (gpointer data)
{
  Progress *p = data;
  RaadSync *self = p->sync;

  for (guint i = 0; p->ids != NULL && p->ids[i]; i++)
    if (p->types[i] != NULL)
      g_hash_table_replace (self->noticed, g_strdup (p->ids[i]), g_strdup (p->types[i]));
  if (g_hash_table_size (self->noticed) > 0 && self->notice_timeout == 0)
    self->notice_timeout = g_timeout_add (NOTICE_INTERVAL_MS, on_notice_timeout, self);
  if (self->state == RAAD_SYNC_STATE_SYNCING)
    set_progress (self, p->progress);
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  Progress *p = data;

  g_object_unref (p->sync);
  g_strfreev (p->ids);
  g_strfreev (p->types);
  g_free (p);
}

static void
on_replication_progress (const RaadReplicationStats *stats,
                         const char * const         *ids,
                         gpointer                    user_data)
{
  Job *job = user_data;
  Progress *p = g_new0 (Progress, 1);
  double within = stats != NULL && stats->total > 0 ?
                  MIN (1.0, (double) stats->docs_checked / stats->total) : 0.5;

  p->sync = g_object_ref (job->sync);
  p->ids = ids != NULL ? g_strdupv ((GStrv) ids) : NULL;
  p->types = ids != NULL && job->store != NULL ? raad_store_lookup_types (job->store, ids) : NULL;
  if (p->ids != NULL && p->types == NULL)
    p->types = g_new0 (char *, g_strv_length (p->ids) + 1);
  p->progress = (job->step + within) / MAX (1, job->n_steps);
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, deliver_progress, p,
                              progress_free);
}

static void
sync_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(RaadRemote) remote = NULL;
  g_autoptr(RaadStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) roles = NULL;
  g_auto(GStrv) councils = NULL;
  g_autoptr(GPtrArray) databases = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) council_of = g_ptr_array_new_with_free_func (g_free);

  remote = job_remote (job, &error);
  if (remote == NULL ||
      (roles = log_in (job, remote, cancellable, &error)) == NULL ||
      !resolve_org (job, roles, &error) ||
      (store = raad_store_open (job->path, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  job->store = store;

  councils = account_councils (job, roles);
  g_ptr_array_add (databases, raad_sync_database_name (job->org_id, NULL));
  g_ptr_array_add (council_of, NULL);
  for (guint i = 0; councils[i]; i++)
    {
      g_ptr_array_add (databases, raad_sync_database_name (job->org_id, councils[i]));
      g_ptr_array_add (council_of, g_strdup (councils[i]));
    }

  g_ptr_array_add (databases, NULL);
  job->databases = g_strdupv ((GStrv) databases->pdata);
  g_ptr_array_remove_index (databases, databases->len - 1);

  /* Push first (local edits are what the user waits for), then pull; the organisation
   * database first, so that councils arrive before their records. */
  job->n_steps = databases->len * 2;
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < databases->len; i++)
      {
        const char *council = g_ptr_array_index (council_of, i);
        RaadReplication replication = {
          .store = store,
          .remote = remote,
          .database = g_ptr_array_index (databases, i),
          .council_id = council,
          .progress = on_replication_progress,
          .user_data = job,
        };
        RaadReplicationStats stats = { 0 };
        g_autoptr(GError) db_error = NULL;
        gboolean ok;

        job->step = pass * databases->len + i;
        if (pass == 0)
          ok = raad_replicate_push (&replication, &stats, cancellable, &db_error);
        else
          ok = raad_replicate_pull (&replication, &stats, cancellable, &db_error);
        if (ok)
          continue;

        /* Without the password or the server, nothing else will work either. A council's
         * database the account cannot use does not stop the others. */
        if (council == NULL || g_cancellable_is_cancelled (cancellable) ||
            g_error_matches (db_error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_UNREACHABLE) ||
            g_error_matches (db_error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_CERTIFICATE) ||
            db_error->domain != RAAD_SYNC_ERROR)
          {
            job->store = NULL;
            g_task_return_error (task, g_steal_pointer (&db_error));
            return;
          }
        if (job->problem == NULL)
          {
            const char *name = g_hash_table_lookup (job->council_names, council);

            job->problem = describe_error (db_error, name != NULL ? name : council);
          }
      }
  /* Counting conflicts reads the whole revision tree: here, not on the main thread. */
  job->conflicts = raad_store_list_conflicted (store);
  job->store = NULL;
  g_task_return_boolean (task, TRUE);
}

static void
sync_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  RaadSync *self = RAAD_SYNC (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);
  gboolean cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_clear_object (&self->run);
  flush_all_noticed (self);
  set_progress (self, -1);
  if (job->conflicts != NULL)
    set_n_conflicts (self, g_strv_length (job->conflicts));
  else
    update_conflicts (self);
  update_rejections (self);

  if (ok && job->databases != NULL)
    {
      g_strfreev (self->live_databases);
      self->live_databases = g_strdupv (job->databases);
    }
  if (ok && job->problem == NULL)
    {
      g_autofree char *stamp = NULL;

      g_clear_pointer (&self->last_sync, g_date_time_unref);
      self->last_sync = g_date_time_new_now_local ();
      stamp = g_date_time_format_iso8601 (self->last_sync);
      raad_store_set_local (self->store, KEY_LAST_SYNC, stamp, NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNC]);
      set_state (self, RAAD_SYNC_STATE_IDLE, NULL);
      if (self->automatic)
        {
          schedule_period (self, PERIOD_SECONDS);
          start_live (self);
        }
    }
  else if (ok)
    {
      /* Some councils' records could not be synced; the rest went through. */
      set_state (self, RAAD_SYNC_STATE_ERROR, job->problem);
      if (self->automatic)
        schedule_period (self, PERIOD_SECONDS);
    }
  else if (cancelled)
    set_state (self, raad_sync_is_configured (self) ? RAAD_SYNC_STATE_IDLE : RAAD_SYNC_STATE_DISABLED,
               NULL);
  else
    {
      g_autofree char *message = describe_error (error, NULL);

      if (g_error_matches (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_UNREACHABLE))
        {
          set_state (self, RAAD_SYNC_STATE_OFFLINE, message);
          stop_live (self);
          if (self->automatic)
            schedule_period (self, OFFLINE_RETRY_SECONDS);
        }
      else
        {
          set_state (self, RAAD_SYNC_STATE_ERROR, message);
          stop_live (self);
          /* A wrong password or an untrusted certificate waits for the user: never a loop
           * of retries against a 401. */
          if (self->automatic &&
              !g_error_matches (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_UNAUTHORIZED) &&
              !g_error_matches (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_CERTIFICATE))
            schedule_period (self, PERIOD_SECONDS);
        }
    }

  g_signal_emit (self, signals[FINISHED], 0, ok && job->problem == NULL);

  /* Edits made during the run, or a new account set while it ran (which cancelled it). */
  if (self->again && raad_sync_is_configured (self) && (ok || cancelled))
    {
      self->again = FALSE;
      raad_sync_start (self);
    }
}

/* The sync is background work: its thread, and the request threads it starts (which inherit
 * it), run at a lower priority, so that the window's thread gets a core at once when it
 * wants one while a big pull keeps the others busy. Its own thread rather than GTask's pool:
 * a pool thread would keep the lower priority for whatever it runs next. */
static gpointer
sync_thread_main (gpointer data)
{
  g_autoptr(GTask) task = data;

  raad_background_lower_priority ();
  sync_thread (task, g_task_get_source_object (task), g_task_get_task_data (task),
               g_task_get_cancellable (task));
  return NULL;
}

void
raad_sync_start (RaadSync *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RAAD_IS_SYNC (self));

  /* Without the password (the keyring had none) the user is asked first: no 401s. */
  if (!raad_sync_is_configured (self) || self->password == NULL)
    return;
  if (self->run != NULL)
    {
      self->again = TRUE;
      return;
    }
  g_clear_handle_id (&self->edit_timeout, g_source_remove);
  g_clear_handle_id (&self->period_timeout, g_source_remove);
  self->again = FALSE;
  self->run = g_cancellable_new ();
  set_state (self, RAAD_SYNC_STATE_SYNCING, NULL);
  set_progress (self, 0);

  task = g_task_new (self, self->run, sync_done_cb, NULL);
  g_task_set_source_tag (task, raad_sync_start);
  g_task_set_task_data (task, job_new (self, self->url, self->user, self->password,
                                       self->fingerprint), (GDestroyNotify) job_free);
  g_thread_unref (g_thread_new ("raad-sync", sync_thread_main, g_steal_pointer (&task)));
}

void
raad_sync_stop (RaadSync *self)
{
  g_return_if_fail (RAAD_IS_SYNC (self));

  g_clear_handle_id (&self->edit_timeout, g_source_remove);
  g_clear_handle_id (&self->period_timeout, g_source_remove);
  stop_live (self);
  self->again = FALSE;
  if (self->run != NULL)
    g_cancellable_cancel (self->run);
}

/* Automatic sync */

static gboolean
on_timeout (gpointer data)
{
  RaadSync *self = data;

  self->edit_timeout = 0;
  self->period_timeout = 0;
  raad_sync_start (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_period (RaadSync *self,
                 guint     seconds)
{
  g_clear_handle_id (&self->period_timeout, g_source_remove);
  self->period_timeout = g_timeout_add_seconds (seconds, on_timeout, self);
}

static void
on_store_changed (RaadStore *store,
                  GStrv      types,
                  GStrv      ids,
                  RaadSync  *self)
{
  if (self->n_conflicts > 0)
    update_conflicts (self);
  if (self->noticing || !self->automatic || !raad_sync_is_configured (self))
    return;
  if (self->run != NULL)
    {
      self->again = TRUE;
      return;
    }
  if (self->state == RAAD_SYNC_STATE_ERROR && self->error_message != NULL &&
      self->period_timeout == 0)
    return; /* waiting for the user (wrong password) */
  g_clear_handle_id (&self->edit_timeout, g_source_remove);
  self->edit_timeout = g_timeout_add (EDIT_DELAY_MS, on_timeout, self);
}

/* The live changes feeds: one thread per database, long-polling _changes; news from others
 * starts a sync. */
typedef struct
{
  RaadRemote   *remote;
  char         *database;
  GCancellable *cancellable;
  GWeakRef      sync;         /* not a reference: the feeds must not keep the app's sync */
  GMainContext *context;
} Live;

static void
live_free (Live *live)
{
  g_clear_object (&live->remote);
  g_free (live->database);
  g_clear_object (&live->cancellable);
  g_weak_ref_clear (&live->sync);
  g_clear_pointer (&live->context, g_main_context_unref);
  g_free (live);
}

static gboolean
deliver_news (gpointer data)
{
  g_autoptr(RaadSync) self = g_weak_ref_get (data);

  if (self == NULL)
    return G_SOURCE_REMOVE;
  if (self->automatic && self->run == NULL && self->state != RAAD_SYNC_STATE_ERROR)
    {
      g_clear_handle_id (&self->edit_timeout, g_source_remove);
      self->edit_timeout = g_timeout_add (300, on_timeout, self);
    }
  else if (self->run != NULL)
    self->again = TRUE;
  return G_SOURCE_REMOVE;
}

static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static gpointer
live_thread (gpointer data)
{
  Live *live = data;
  g_autofree char *escaped = raad_remote_escape (live->database);
  g_autofree char *since = NULL;

  while (!g_cancellable_is_cancelled (live->cancellable))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) reply = NULL;
      g_autofree char *path = NULL;
      JsonObject *feed;

      if (since == NULL)
        path = g_strdup_printf ("/%s", escaped);
      else
        path = g_strdup_printf ("/%s/_changes?feed=longpoll&since=%s&timeout=%u&limit=1",
                                escaped, since, LONGPOLL_MS);
      reply = raad_remote_call (live->remote, "GET", path, NULL, NULL, live->cancellable, &error);
      if (reply == NULL)
        {
          /* The next sync run says what is wrong; wait a little and listen again. */
          for (guint i = 0; i < 300 && !g_cancellable_is_cancelled (live->cancellable); i++)
            g_usleep (100 * 1000);
          g_clear_pointer (&since, g_free);
          continue;
        }
      feed = JSON_NODE_HOLDS_OBJECT (reply) ? json_node_get_object (reply) : NULL;
      if (feed == NULL)
        continue;
      if (since == NULL)
        {
          JsonNode *seq = json_object_get_member (feed, "update_seq");

          if (seq == NULL)
            break;
          since = JSON_NODE_HOLDS_VALUE (seq) && json_node_get_value_type (seq) == G_TYPE_STRING ?
                  g_uri_escape_string (json_node_get_string (seq), NULL, FALSE) :
                  json_to_string (seq, FALSE);
          continue;
        }
      {
        JsonArray *results = json_object_get_array_member (feed, "results");
        JsonNode *last = json_object_get_member (feed, "last_seq");

        if (results != NULL && json_array_get_length (results) > 0)
          {
            g_autoptr(RaadSync) sync = g_weak_ref_get (&live->sync);
            GWeakRef *ref = g_new0 (GWeakRef, 1);

            g_weak_ref_init (ref, sync);
            g_main_context_invoke_full (live->context, G_PRIORITY_DEFAULT, deliver_news, ref,
                                        free_weak_ref);
          }
        if (last != NULL)
          {
            g_free (since);
            since = JSON_NODE_HOLDS_VALUE (last) && json_node_get_value_type (last) == G_TYPE_STRING ?
                    g_uri_escape_string (json_node_get_string (last), NULL, FALSE) :
                    json_to_string (last, FALSE);
          }
      }
    }
  live_free (live);
  return NULL;
}

static void
start_live (RaadSync *self)
{
  g_autoptr(RaadRemote) remote = NULL;

  if (self->live != NULL || !raad_sync_is_configured (self) || self->live_databases == NULL)
    return;
  remote = raad_remote_new (self->url, self->user, self->password, NULL);
  if (remote == NULL)
    return;
  raad_remote_set_pinned_fingerprint (remote, self->fingerprint);

  self->live = g_cancellable_new ();
  for (guint i = 0; self->live_databases[i]; i++)
    {
      Live *live = g_new0 (Live, 1);
      g_autoptr(GThread) thread = NULL;

      live->remote = raad_remote_dup (remote);
      raad_remote_set_timeout (live->remote, LONGPOLL_MS / 1000 + 30);
      live->database = g_strdup (self->live_databases[i]);
      live->cancellable = g_object_ref (self->live);
      g_weak_ref_init (&live->sync, self);
      live->context = g_main_context_ref_thread_default ();
      thread = g_thread_new ("raad-sync-live", live_thread, live);
    }
}

static void
stop_live (RaadSync *self)
{
  if (self->live == NULL)
    return;
  g_cancellable_cancel (self->live);
  g_clear_object (&self->live);
}

void
raad_sync_set_automatic (RaadSync *self,
                         gboolean  automatic)
{
  g_return_if_fail (RAAD_IS_SYNC (self));

  automatic = !!automatic;
  if (self->automatic == automatic)
    return;
  self->automatic = automatic;
  if (automatic)
    raad_sync_start (self);
  else
    {
      g_clear_handle_id (&self->edit_timeout, g_source_remove);
      g_clear_handle_id (&self->period_timeout, g_source_remove);
      stop_live (self);
    }
}

/* Account */

gboolean
raad_sync_set_account (RaadSync    *self,
                       const char  *url,
                       const char  *user,
                       const char  *fingerprint,
                       GError     **error)
{
  g_return_val_if_fail (RAAD_IS_SYNC (self), FALSE);

  raad_sync_stop (self);
  if (url != NULL)
    {
      g_autoptr(RaadRemote) check = raad_remote_new (url, user, NULL, error);

      if (check == NULL)
        return FALSE;
    }

  if (!raad_store_begin (self->store, error))
    return FALSE;
  if (!raad_store_set_local (self->store, KEY_URL, url, error) ||
      !raad_store_set_local (self->store, KEY_USER, url != NULL ? user : NULL, error) ||
      !raad_store_set_local (self->store, KEY_FINGERPRINT, url != NULL ? fingerprint : NULL, error) ||
      (url == NULL && !raad_store_set_local (self->store, KEY_LAST_SYNC, NULL, error)) ||
      (url == NULL && !raad_replicator_forget (self->store, error)))
    {
      raad_store_rollback (self->store);
      return FALSE;
    }
  if (!raad_store_commit (self->store, error))
    return FALSE;

  g_free (self->url);
  self->url = g_strdup (url);
  g_free (self->user);
  self->user = url != NULL ? g_strdup (user) : NULL;
  g_free (self->fingerprint);
  self->fingerprint = url != NULL && fingerprint != NULL && *fingerprint ? g_strdup (fingerprint) : NULL;
  if (url == NULL)
    {
      raad_sync_set_password (self, NULL);
      g_clear_pointer (&self->last_sync, g_date_time_unref);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNC]);
      update_rejections (self);
    }
  set_state (self, url != NULL ? RAAD_SYNC_STATE_IDLE : RAAD_SYNC_STATE_DISABLED, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIGURED]);
  /* Automatic sync goes on with the new account, once a cancelled run has ended. */
  if (url != NULL && self->automatic)
    {
      if (self->run != NULL)
        self->again = TRUE;
      else
        raad_sync_start (self);
    }
  return TRUE;
}

const char *
raad_sync_get_url (RaadSync *self)
{
  return self->url;
}

const char *
raad_sync_get_user (RaadSync *self)
{
  return self->user;
}

const char *
raad_sync_get_fingerprint (RaadSync *self)
{
  return self->fingerprint;
}

void
raad_sync_set_password (RaadSync   *self,
                        const char *password)
{
  g_return_if_fail (RAAD_IS_SYNC (self));

  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  self->password = g_strdup (password);
  /* A new password may fix what stopped us; automatic sync goes on with it. */
  if (self->state == RAAD_SYNC_STATE_ERROR)
    set_state (self, RAAD_SYNC_STATE_IDLE, NULL);
  if (password != NULL && self->automatic && raad_sync_is_configured (self))
    raad_sync_start (self);
}

gboolean
raad_sync_has_password (RaadSync *self)
{
  return self->password != NULL;
}

gboolean
raad_sync_is_configured (RaadSync *self)
{
  return self->url != NULL;
}

RaadStore *
raad_sync_get_store (RaadSync *self)
{
  return self->store;
}

RaadSyncState
raad_sync_get_state (RaadSync *self)
{
  return self->state;
}

double
raad_sync_get_progress (RaadSync *self)
{
  return self->progress;
}

GDateTime *
raad_sync_get_last_sync (RaadSync *self)
{
  return self->last_sync;
}

const char *
raad_sync_get_error_message (RaadSync *self)
{
  return self->error_message;
}

GStrv
raad_sync_list_conflicts (RaadSync *self)
{
  return raad_store_list_conflicted (self->store);
}

guint
raad_sync_get_n_conflicts (RaadSync *self)
{
  if (self->count_idle != 0)
    {
      g_clear_handle_id (&self->count_idle, g_source_remove);
      update_conflicts (self);
      update_rejections (self);
    }
  return self->n_conflicts;
}

GListModel *
raad_sync_get_rejections (RaadSync *self)
{
  if (self->count_idle != 0)
    {
      g_clear_handle_id (&self->count_idle, g_source_remove);
      update_conflicts (self);
      update_rejections (self);
    }
  return G_LIST_MODEL (self->rejections);
}

/* Object */

static void
raad_sync_dispose (GObject *object)
{
  RaadSync *self = (RaadSync *) object;

  raad_sync_stop (self);
  g_clear_handle_id (&self->notice_timeout, g_source_remove);
  g_clear_handle_id (&self->count_idle, g_source_remove);
  if (self->store != NULL && self->changed_handler != 0)
    g_clear_signal_handler (&self->changed_handler, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->rejections);
  G_OBJECT_CLASS (raad_sync_parent_class)->dispose (object);
}

static void
raad_sync_finalize (GObject *object)
{
  RaadSync *self = (RaadSync *) object;

  g_free (self->url);
  g_free (self->user);
  g_free (self->fingerprint);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  g_free (self->error_message);
  g_strfreev (self->live_databases);
  g_clear_pointer (&self->noticed, g_hash_table_unref);
  g_clear_pointer (&self->last_sync, g_date_time_unref);
  G_OBJECT_CLASS (raad_sync_parent_class)->finalize (object);
}

static void
raad_sync_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RaadSync *self = RAAD_SYNC (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_LAST_SYNC:
      g_value_set_boxed (value, self->last_sync);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;
    case PROP_N_CONFLICTS:
      g_value_set_uint (value, self->n_conflicts);
      break;
    case PROP_CONFIGURED:
      g_value_set_boolean (value, raad_sync_is_configured (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_sync_class_init (RaadSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = raad_sync_dispose;
  object_class->finalize = raad_sync_finalize;
  object_class->get_property = raad_sync_get_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, RAAD_TYPE_SYNC_STATE, RAAD_SYNC_STATE_DISABLED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, -1, 1, -1,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_SYNC] =
    g_param_spec_boxed ("last-sync", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_CONFLICTS] =
    g_param_spec_uint ("n-conflicts", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONFIGURED] =
    g_param_spec_boolean ("configured", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
raad_sync_init (RaadSync *self)
{
  self->progress = -1;
  self->rejections = g_list_store_new (RAAD_TYPE_SYNC_REJECTION);
  self->noticed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static gboolean
count_later (gpointer data)
{
  RaadSync *self = data;

  self->count_idle = 0;
  update_conflicts (self);
  update_rejections (self);
  return G_SOURCE_REMOVE;
}

RaadSync *
raad_sync_new (RaadStore *store)
{
  RaadSync *self;
  g_autofree char *last = NULL;

  g_return_val_if_fail (RAAD_IS_STORE (store), NULL);

  self = g_object_new (RAAD_TYPE_SYNC, NULL);
  self->store = g_object_ref (store);
  self->url = read_local (store, KEY_URL);
  self->user = read_local (store, KEY_USER);
  self->fingerprint = read_local (store, KEY_FINGERPRINT);
  last = read_local (store, KEY_LAST_SYNC);
  if (last != NULL)
    self->last_sync = g_date_time_new_from_iso8601 (last, NULL);
  self->state = self->url != NULL ? RAAD_SYNC_STATE_IDLE : RAAD_SYNC_STATE_DISABLED;
  self->changed_handler = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed), self);
  self->n_conflicts = 0;
  /* Counting conflicts reads the revision tree (13 ms with 5,000 members): not before the
   * window's first frame. */
  self->count_idle = g_idle_add_full (G_PRIORITY_LOW, count_later, self, NULL);
  return self;
}
