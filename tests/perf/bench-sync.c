/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-sync.c: Raadswerk's replicator against PouchDB's own, side by side in one run */

/* One PouchDB Server in memory, started here, holds the same data for every contender:
 *   pull   N documents of about 500 bytes into an empty store;
 *   push   the same N documents from a store into an empty server database;
 *   photos M documents with a 30 KB photo each, pulled into an empty store.
 * Each job is timed for Raadswerk's replicator (raad_replicate_pull/push, in this process)
 * and for PouchDB's own replicator (Node, default batch sizes, a local LevelDB or memory
 * database; tests/perf/bench-sync/pouchdb.js times only the replication), and against a
 * floor: one plain request that moves the same bytes (GET _all_docs?include_docs=true, with
 * attachments=true for the photos; one POST _bulk_docs for the push), timed with libsoup.
 * Figures are medians of several runs. Last, RaadSync (the app's manager) pulls N documents
 * while the main loop runs a 1 ms timeout: the longest gap between its dispatches is the
 * worst stall the UI would see. It prints figures and ratios; it asserts nothing about time. */

#define G_LOG_DOMAIN "raad-bench"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "raad-query.h"
#include "raad-record-list.h"
#include "raad-replicator.h"
#include "raad-sync.h"
#include "raad-test-server.h"
#include "raad-test-util.h"

#define ORG_PULL   "bench"
#define ORG_PHOTOS "photos"
#define ORG_STALL  "stall"

static guint n_runs = 5;
static guint n_docs = 10000;
static guint n_photos = 500;
static guint photo_size = 30000;
static char *adapter = NULL;
static char *script_dir = NULL;
static char *only = NULL;          /* one job: pull, push, photos or stall (for profiling) */
static gboolean ours_only = FALSE; /* without PouchDB and the floors (for profiling) */

static gboolean
wants (const char *job)
{
  return only == NULL || g_str_equal (only, job);
}

typedef struct
{
  double ms;
  guint  requests;
  double client_cpu_ms;  /* CPU time of the replicating process (all its threads) */
  double server_cpu_ms;  /* CPU time of PouchDB Server meanwhile */
} Sample;

typedef struct
{
  const char *name;
  GArray     *ours;    /* Sample */
  GArray     *pouchdb; /* Sample */
  GArray     *floor;   /* Sample */
} Job;

static int
compare_samples (const void *a,
                 const void *b)
{
  double x = ((const Sample *) a)->ms, y = ((const Sample *) b)->ms;

  return x < y ? -1 : x > y;
}

/* The median run (the upper middle one for an even count). */
static Sample
median (GArray *samples)
{
  g_autoptr(GArray) copy = g_array_copy (samples);

  g_array_sort (copy, compare_samples);
  return g_array_index (copy, Sample, copy->len / 2);
}

static char *
format_runs (GArray *samples)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < samples->len; i++)
    g_string_append_printf (text, "%s%.0f", i > 0 ? " " : "", g_array_index (samples, Sample, i).ms);
  return g_string_free (text, FALSE);
}

/* CPU time */

static int server_pid;
static int pouch_pid;

/* utime + stime of a process in ms, from /proc (10 ms steps). */
static double
process_cpu_ms (int pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", pid);
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;

  if (pid <= 0 || !g_file_get_contents (path, &text, NULL, NULL) ||
      (after_name = strrchr (text, ')')) == NULL)
    return 0;
  /* Fields after "(comm)": state is field 3, utime 14, stime 15. */
  fields = g_strsplit (after_name + 2, " ", -1);
  if (g_strv_length (fields) < 13)
    return 0;
  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL)) * 1000.0 /
         sysconf (_SC_CLK_TCK);
}

static double
self_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

/* A child process of this one whose command line contains @word, or 0. */
static int
find_child (const char *word)
{
  g_autoptr(GDir) tasks = g_dir_open ("/proc/self/task", 0, NULL);
  const char *tid;

  while (tasks != NULL && (tid = g_dir_read_name (tasks)) != NULL)
    {
      g_autofree char *path = g_strdup_printf ("/proc/self/task/%s/children", tid);
      g_autofree char *text = NULL;
      g_auto(GStrv) pids = NULL;

      if (!g_file_get_contents (path, &text, NULL, NULL))
        continue;
      pids = g_strsplit (g_strstrip (text), " ", -1);
      for (guint i = 0; pids[i] != NULL; i++)
        {
          g_autofree char *cmd_path = g_strdup_printf ("/proc/%s/cmdline", pids[i]);
          g_autofree char *cmdline = NULL;
          gsize length = 0;

          if (*pids[i] == '\0' || !g_file_get_contents (cmd_path, &cmdline, &length, NULL))
            continue;
          for (gsize j = 0; j + 1 < length; j++)
            if (cmdline[j] == '\0')
              cmdline[j] = ' ';
          if (strstr (cmdline, word) != NULL)
            return atoi (pids[i]);
        }
    }
  return 0;
}

/* The machine's load: other processes make every figure slower. */
static char *
load_average (void)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return g_strdup ("?");
  fields = g_strsplit (text, " ", 4);
  return g_strjoin (" ", fields[0], fields[1], fields[2], NULL);
}

/* Stores in temporary folders */

static void
remove_folder (gpointer dir)
{
  raad_test_remove_tree (dir);
  g_free (dir);
}

static RaadStore *
store_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = raad_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "raadswerk.db", NULL);
  RaadStore *store = raad_store_open (path, &error);

  if (store == NULL)
    g_error ("Cannot open a store: %s", error->message);
  g_object_set_data_full (G_OBJECT (store), "bench-dir", g_steal_pointer (&dir),
                          remove_folder);
  return store;
}

/* Documents */

static const char *roles[] = { "chair", "vice-chair", "secretary", "member", "member", "support" };
static const char *areas[] = { "huisvesting", "maaltijden", "zorg en welzijn", "financiën",
                               "activiteiten", "veiligheid", "vervoer", "communicatie" };

/* A member of about 500 bytes as the server stores it (with _id and _rev). */
static JsonObject *
make_member (guint i)
{
  JsonObject *body = json_object_new ();
  JsonArray *attention = json_array_new ();
  g_autofree char *name = g_strdup_printf ("Lid %05u van de raad", i);
  g_autofree char *council = g_strdup_printf ("council-%02u", i % 40);
  g_autofree char *email = g_strdup_printf ("lid%05u@voorbeeld.invalid", i);
  g_autofree char *phone = g_strdup_printf ("06-%08u", 10000000 + i * 7);
  g_autofree char *bio = g_strdup_printf ("Lid %u woont sinds %u op afdeling %c; let op de "
                                          "maaltijden en de activiteiten in het weekend en neemt "
                                          "signalen mee uit de huiskamer.",
                                          i, 2010 + i % 14, 'A' + i % 12);

  json_object_set_string_member (body, "name", name);
  json_object_set_string_member (body, "council_id", council);
  json_object_set_string_member (body, "role", roles[i % G_N_ELEMENTS (roles)]);
  json_object_set_string_member (body, "membership", i % 3 == 0 ? "relative" : "client");
  json_array_add_string_element (attention, areas[i % G_N_ELEMENTS (areas)]);
  json_array_add_string_element (attention, areas[(i / 3) % G_N_ELEMENTS (areas)]);
  json_object_set_array_member (body, "attention_areas", attention);
  json_object_set_string_member (body, "email", email);
  json_object_set_string_member (body, "email_visibility", "council");
  json_object_set_string_member (body, "phone", phone);
  json_object_set_string_member (body, "term_start", "2023-01-01");
  json_object_set_string_member (body, "term_end", "2026-12-31");
  json_object_set_string_member (body, "bio", bio);
  return body;
}

/* Bytes that do not compress and differ per seed, as photos do. */
static GBytes *
make_photo (guint32 seed)
{
  guchar *data = g_malloc (photo_size);
  guint32 x = seed * 2654435761u + 1;

  for (gsize i = 0; i < photo_size; i++)
    {
      x ^= x << 13;
      x ^= x >> 17;
      x ^= x << 5;
      data[i] = x & 0xff;
    }
  return g_bytes_new_take (data, photo_size);
}

static void
fill_store (RaadStore *store,
            guint      n,
            gboolean   photos)
{
  g_autoptr(GError) error = NULL;

  raad_store_begin (store, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JsonObject) body = make_member (i);
      g_autofree char *id = g_strdup_printf ("member-%05u", i);
      g_autofree char *rev = NULL;

      if (photos)
        {
          g_autoptr(GBytes) photo = make_photo (i + 1);
          g_autoptr(JsonObject) stub = raad_store_add_blob (store, "image/jpeg", photo, &error);
          JsonObject *atts = json_object_new ();

          g_assert_no_error (error);
          json_object_set_object_member (atts, "photo", g_steal_pointer (&stub));
          json_object_set_object_member (body, "_attachments", atts);
        }
      rev = raad_store_put (store, id, "member", NULL, body, &error);
      g_assert_no_error (error);
    }
  if (!raad_store_commit (store, &error))
    g_error ("Cannot fill a store: %s", error->message);
}

/* The server */

static SoupSession *session;

static SoupMessage *
admin_message (RaadTestServer *server,
               const char     *method,
               const char     *path)
{
  g_autofree char *uri = g_strconcat (raad_test_server_get_url (server), path, NULL);
  g_autofree char *credentials = g_strdup_printf ("%s:%s", RAAD_TEST_SERVER_ADMIN,
                                                  RAAD_TEST_SERVER_ADMIN_PASSWORD);
  g_autofree char *b64 = g_base64_encode ((const guchar *) credentials, strlen (credentials));
  g_autofree char *auth = g_strconcat ("Basic ", b64, NULL);
  SoupMessage *msg = soup_message_new (method, uri);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);

  soup_message_headers_replace (headers, "Accept", "application/json");
  soup_message_headers_replace (headers, "Authorization", auth);
  return msg;
}

/* One request as the admin; returns the body's size and its time in ms. */
static double
timed_request (RaadTestServer *server,
               const char     *method,
               const char     *path,
               GBytes         *body,
               gsize          *size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupMessage) msg = admin_message (server, method, path);
  g_autoptr(GBytes) reply = NULL;
  gint64 start;
  double ms;

  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, "application/json", body);
  start = g_get_monotonic_time ();
  reply = soup_session_send_and_read (session, msg, NULL, &error);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  if (reply == NULL)
    g_error ("%s %s failed: %s", method, path, error->message);
  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (msg)))
    g_error ("%s %s answered %u", method, path, soup_message_get_status (msg));
  if (size != NULL)
    *size = g_bytes_get_size (reply);
  return ms;
}

static void
create_database (RaadTestServer *server,
                 const char     *name)
{
  g_autofree char *path = g_strconcat ("/", name, NULL);

  timed_request (server, "PUT", path, NULL, NULL);
}

static guint
doc_count (RaadTestServer *server,
           const char     *name)
{
  g_autofree char *path = g_strconcat ("/", name, NULL);
  g_autofree char *reply = raad_test_server_request (server, "GET", path, NULL, FALSE, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, reply, -1, NULL))
    g_error ("GET %s is no JSON", path);
  return json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)),
                                     "doc_count");
}

static RaadRemote *
remote_new (RaadTestServer *server)
{
  g_autoptr(GError) error = NULL;
  RaadRemote *remote = raad_remote_new (raad_test_server_get_url (server), RAAD_TEST_SERVER_ADMIN,
                                        RAAD_TEST_SERVER_ADMIN_PASSWORD, &error);

  g_assert_no_error (error);
  return remote;
}

/* Raadswerk's replicator */

static Sample
raad_pull (RaadTestServer *server,
           const char     *database,
           guint           expected)
{
  g_autoptr(RaadStore) store = store_new ();
  g_autoptr(RaadRemote) remote = remote_new (server);
  g_autoptr(GError) error = NULL;
  RaadReplication replication = { .store = store, .remote = remote, .database = database };
  RaadReplicationStats stats = { 0 };
  double cpu = self_cpu_ms ();
  double server_cpu = process_cpu_ms (server_pid);
  gint64 start = g_get_monotonic_time ();
  Sample sample;

  if (!raad_replicate_pull (&replication, &stats, NULL, &error))
    g_error ("Pull of %s failed: %s", database, error->message);
  sample.ms = (g_get_monotonic_time () - start) / 1000.0;
  sample.client_cpu_ms = self_cpu_ms () - cpu;
  sample.server_cpu_ms = process_cpu_ms (server_pid) - server_cpu;
  sample.requests = stats.requests;
  if (raad_store_count (store, "member") != expected)
    g_error ("The pull of %s brought %u documents, not %u", database,
             raad_store_count (store, "member"), expected);
  return sample;
}

static Sample
raad_push (RaadTestServer *server,
           RaadStore      *source,
           const char     *database,
           guint           expected)
{
  g_autoptr(RaadRemote) remote = remote_new (server);
  g_autoptr(GError) error = NULL;
  RaadReplication replication = { .store = source, .remote = remote, .database = database };
  RaadReplicationStats stats = { 0 };
  double cpu, server_cpu;
  gint64 start;
  Sample sample;

  create_database (server, database);
  cpu = self_cpu_ms ();
  server_cpu = process_cpu_ms (server_pid);
  start = g_get_monotonic_time ();
  if (!raad_replicate_push (&replication, &stats, NULL, &error))
    g_error ("Push to %s failed: %s", database, error->message);
  sample.ms = (g_get_monotonic_time () - start) / 1000.0;
  sample.client_cpu_ms = self_cpu_ms () - cpu;
  sample.server_cpu_ms = process_cpu_ms (server_pid) - server_cpu;
  sample.requests = stats.requests;
  if (doc_count (server, database) != expected)
    g_error ("The push to %s left %u documents, not %u", database,
             doc_count (server, database), expected);
  return sample;
}

/* PouchDB's replicator, in one Node process that takes a command a line */

typedef struct
{
  GSubprocess      *process;
  GOutputStream    *in;
  GDataInputStream *out;
} Pouch;

static Pouch *
pouch_start (RaadTestServer *server)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autofree char *node = g_find_program_in_path ("node");
  g_autofree char *script = g_build_filename (script_dir, "pouchdb.js", NULL);
  g_autofree char *modules = g_build_filename (raad_test_server_get_npm_dir (), "node_modules", NULL);
  Pouch *pouch = g_new0 (Pouch, 1);

  if (node == NULL)
    g_error ("node is not installed");
  g_subprocess_launcher_setenv (launcher, "NODE_PATH", modules, TRUE);
  pouch->process = g_subprocess_launcher_spawn (launcher, &error, node, script,
                                                raad_test_server_get_url (server),
                                                RAAD_TEST_SERVER_ADMIN,
                                                RAAD_TEST_SERVER_ADMIN_PASSWORD, adapter, NULL);
  if (pouch->process == NULL)
    g_error ("Cannot start node: %s", error->message);
  pouch_pid = atoi (g_subprocess_get_identifier (pouch->process));
  pouch->in = g_subprocess_get_stdin_pipe (pouch->process);
  pouch->out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (pouch->process));
  return pouch;
}

static Sample
pouch_run (Pouch      *pouch,
           const char *command,
           guint       expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *line = g_strconcat (command, "\n", NULL);
  g_autofree char *answer = NULL;
  JsonObject *run;
  Sample sample;
  double cpu = process_cpu_ms (pouch_pid);
  double server_cpu = process_cpu_ms (server_pid);

  if (!g_output_stream_write_all (pouch->in, line, strlen (line), NULL, NULL, &error) ||
      !g_output_stream_flush (pouch->in, NULL, &error))
    g_error ("Cannot talk to node: %s", error->message);
  answer = g_data_input_stream_read_line_utf8 (pouch->out, NULL, NULL, &error);
  if (answer == NULL || !json_parser_load_from_data (parser, answer, -1, NULL))
    g_error ("node pouchdb.js failed on “%s”", command);
  /* Node's CPU time includes a little before and after the timed replication. */
  sample.client_cpu_ms = process_cpu_ms (pouch_pid) - cpu;
  sample.server_cpu_ms = process_cpu_ms (server_pid) - server_cpu;
  run = json_node_get_object (json_parser_get_root (parser));
  sample.ms = json_object_get_double_member (run, "ms");
  sample.requests = json_object_get_int_member (run, "requests");
  if ((guint) json_object_get_int_member (run, "docs_written") != expected)
    g_error ("PouchDB's “%s” wrote %" G_GINT64_FORMAT " documents, not %u", command,
             json_object_get_int_member (run, "docs_written"), expected);
  return sample;
}

static void
pouch_stop (Pouch *pouch)
{
  g_output_stream_close (pouch->in, NULL, NULL);
  g_subprocess_wait (pouch->process, NULL, NULL);
  g_object_unref (pouch->out);
  g_object_unref (pouch->process);
  g_free (pouch);
}

/* Floors */

static Sample
floor_get (RaadTestServer *server,
           const char     *database,
           gboolean        attachments,
           gsize          *size)
{
  g_autofree char *path = g_strdup_printf ("/%s/_all_docs?include_docs=true%s", database,
                                           attachments ? "&attachments=true" : "");
  Sample sample = { .requests = 1 };
  double server_cpu = process_cpu_ms (server_pid);

  sample.ms = timed_request (server, "GET", path, NULL, size);
  sample.server_cpu_ms = process_cpu_ms (server_pid) - server_cpu;
  return sample;
}

/* The whole set as one _bulk_docs with its revisions, as a push sends it. */
static GBytes *
bulk_docs_body (RaadStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = raad_store_changes_since (store, 0, 0, &error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  gsize length = 0;
  char *text;

  g_assert_no_error (error);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "new_edits");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "docs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < changes->len; i++)
    {
      RaadStoreChange *change = g_ptr_array_index (changes, i);
      g_autoptr(JsonObject) doc = raad_store_get (store, change->id, &error);
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

      g_assert_no_error (error);
      json_node_set_object (node, doc);
      json_builder_add_value (builder, g_steal_pointer (&node));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

static Sample
floor_post (RaadTestServer *server,
            GBytes         *body,
            const char     *database)
{
  g_autofree char *path = g_strdup_printf ("/%s/_bulk_docs", database);
  Sample sample = { .requests = 1 };
  double server_cpu;

  create_database (server, database);
  server_cpu = process_cpu_ms (server_pid);
  sample.ms = timed_request (server, "POST", path, body, NULL);
  sample.server_cpu_ms = process_cpu_ms (server_pid) - server_cpu;
  return sample;
}

/* The main loop during a RaadSync pull */

typedef struct
{
  GMainLoop *loop;
  gint64     last;
  gint64     last_cpu;
  gint64     max_gap;
  gint64     max_gap_cpu;  /* what the main thread itself ran during the worst gap */
  guint      n_over_16;
  guint      n_ticks;
  gboolean   ok;
  guint      n_changed;
} Watch;

/* CPU time of the calling thread in µs: a gap the main thread spent running code, or one it
 * spent waiting (for a lock, or for a processor). */
static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
on_tick (gpointer data)
{
  Watch *watch = data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_time ();
  gint64 gap = now - watch->last;

  if (gap > watch->max_gap)
    {
      watch->max_gap = gap;
      watch->max_gap_cpu = cpu - watch->last_cpu;
    }
  watch->last_cpu = cpu;
  if (gap > 16000)
    watch->n_over_16++;
  watch->n_ticks++;
  watch->last = now;
  return G_SOURCE_CONTINUE;
}

static void
on_finished (RaadSync *sync,
             gboolean  ok,
             Watch    *watch)
{
  watch->ok = ok;
  g_main_loop_quit (watch->loop);
}

static void
on_items_changed (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Watch      *watch)
{
  watch->n_changed++;
}

static void
measure_stalls (RaadTestServer *server,
                gboolean        with_list,
                Watch          *watch,
                double         *total_ms)
{
  g_autoptr(RaadStore) store = store_new ();
  g_autoptr(RaadSync) sync = NULL;
  g_autoptr(RaadRecordList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) org = json_object_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *rev = NULL;
  guint tick;
  gint64 start;

  /* The organisation names the server database (raadswerk_stall). */
  json_object_set_string_member (org, "name", "Zorggroep De Benchmark");
  rev = raad_store_put (store, ORG_STALL, "organisation", NULL, org, &error);
  g_assert_no_error (error);
  if (with_list)
    {
      /* What the face-book keeps open: a live list of every member. */
      g_autoptr(RaadQuery) query = raad_query_new ("member");

      list = raad_record_list_new (store, query);
      g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), watch);
    }

  sync = raad_sync_new (store);
  if (!raad_sync_set_account (sync, raad_test_server_get_url (server), RAAD_TEST_SERVER_ADMIN,
                              NULL, &error))
    g_error ("Cannot set the account: %s", error->message);
  raad_sync_set_password (sync, RAAD_TEST_SERVER_ADMIN_PASSWORD);
  g_signal_connect (sync, "finished", G_CALLBACK (on_finished), watch);

  watch->loop = loop;
  watch->last = g_get_monotonic_time ();
  watch->last_cpu = thread_cpu_time ();
  tick = g_timeout_add (1, on_tick, watch);
  start = g_get_monotonic_time ();
  raad_sync_start (sync);
  g_main_loop_run (loop);
  *total_ms = (g_get_monotonic_time () - start) / 1000.0;
  g_source_remove (tick);
  on_tick (watch); /* the gap up to the end */
  if (!watch->ok)
    g_error ("RaadSync failed: %s", raad_sync_get_error_message (sync));
  if (raad_store_count (store, "member") != n_docs)
    g_error ("RaadSync brought %u members, not %u", raad_store_count (store, "member"), n_docs);
  if (list != NULL && g_list_model_get_n_items (G_LIST_MODEL (list)) != n_docs)
    g_error ("The live list shows %u members, not %u",
             g_list_model_get_n_items (G_LIST_MODEL (list)), n_docs);
}

/* Output */

static void
print_job (Job  *job,
           guint n_docs_job)
{
  Sample ours, theirs, floor;
  g_autofree char *ours_runs = NULL;
  g_autofree char *theirs_runs = NULL;
  g_autofree char *floor_runs = NULL;

  if (job->ours->len == 0)
    return;
  ours = median (job->ours);
  ours_runs = format_runs (job->ours);
  if (job->pouchdb->len == 0)
    {
      printf ("%-26s %9.0f ms   %5u requests   runs (ms): %s   CPU: ours %.0f ms, server %.0f ms\n",
              job->name, ours.ms, ours.requests, ours_runs, ours.client_cpu_ms, ours.server_cpu_ms);
      return;
    }
  theirs = median (job->pouchdb);
  floor = median (job->floor);
  theirs_runs = format_runs (job->pouchdb);
  floor_runs = format_runs (job->floor);

  printf ("%-26s %9.0f ms %9.0f ms %9.0f ms   %5.2f   %5.2f   %5u / %u\n",
          job->name, ours.ms, theirs.ms, floor.ms, ours.ms / theirs.ms, ours.ms / floor.ms,
          ours.requests, theirs.requests);
  printf ("%-26s   runs (ms): Raadswerk %s | PouchDB %s | floor %s\n", "",
          ours_runs, theirs_runs, floor_runs);
  printf ("%-26s   %.0f docs/s Raadswerk, %.0f docs/s PouchDB\n", "",
          n_docs_job / (ours.ms / 1000.0), n_docs_job / (theirs.ms / 1000.0));
  printf ("%-26s   CPU in the median runs (ms): Raadswerk %.0f + server %.0f | PouchDB (Node) "
          "%.0f + server %.0f | floor: server %.0f\n", "",
          ours.client_cpu_ms, ours.server_cpu_ms, theirs.client_cpu_ms, theirs.server_cpu_ms,
          floor.server_cpu_ms);
}

static Job *
job_new (const char *name)
{
  Job *job = g_new0 (Job, 1);

  job->name = name;
  job->ours = g_array_new (FALSE, FALSE, sizeof (Sample));
  job->pouchdb = g_array_new (FALSE, FALSE, sizeof (Sample));
  job->floor = g_array_new (FALSE, FALSE, sizeof (Sample));
  return job;
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("SCRIPT-DIRECTORY");
  GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &n_runs, "Runs per contender and job (default 5)", "N" },
    { "docs", 0, 0, G_OPTION_ARG_INT, &n_docs, "Documents of the pull and push jobs (10000)", "N" },
    { "photos", 0, 0, G_OPTION_ARG_INT, &n_photos, "Documents of the photos job (500)", "N" },
    { "adapter", 0, 0, G_OPTION_ARG_STRING, &adapter,
      "PouchDB's local database: leveldb (default) or memory", "NAME" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only, "Run one job: pull, push, photos or stall", "JOB" },
    { "ours-only", 0, 0, G_OPTION_ARG_NONE, &ours_only,
      "Time Raadswerk only, without PouchDB and the floors (to profile it)", NULL },
    { NULL }
  };
  g_autoptr(RaadTestServer) server = NULL;
  g_autoptr(RaadStore) source = NULL;
  g_autoptr(RaadStore) photo_source = NULL;
  g_autofree char *pull_db = raad_sync_database_name (ORG_PULL, NULL);
  g_autofree char *photos_db = raad_sync_database_name (ORG_PHOTOS, NULL);
  g_autofree char *stall_db = raad_sync_database_name (ORG_STALL, NULL);
  g_autoptr(GBytes) bulk = NULL;
  Job *pull = job_new ("pull (docs)");
  Job *push = job_new ("push (docs)");
  Job *photos = job_new ("pull (photos)");
  Pouch *pouch = NULL;
  gsize pull_bytes = 0;
  gsize photo_bytes = 0;
  gint64 start;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  if (argc < 2)
    g_error ("Usage: bench-sync [--runs N] SCRIPT-DIRECTORY (tests/perf/bench-sync)");
  script_dir = argv[1];
  if (adapter == NULL)
    adapter = g_strdup ("leveldb");
  setvbuf (stdout, NULL, _IOLBF, 0);
  session = soup_session_new_with_options ("timeout", 300, "max-conns-per-host", 8, NULL);

  /* The same data for everyone. */
  server = raad_test_server_start (FALSE);
  server_pid = find_child ("pouchdb-server");
  start = g_get_monotonic_time ();
  source = store_new ();
  fill_store (source, n_docs, FALSE);
  photo_source = store_new ();
  fill_store (photo_source, n_photos, TRUE);
  for (guint i = 0; i < 3; i++)
    {
      const char *db = i == 0 ? pull_db : i == 1 ? stall_db : photos_db;
      g_autoptr(RaadRemote) remote = remote_new (server);
      RaadReplication replication = { .store = i == 2 ? photo_source : source, .remote = remote,
                                      .database = db };

      create_database (server, db);
      if (!raad_replicate_push (&replication, NULL, NULL, &error))
        g_error ("Cannot load %s: %s", db, error->message);
    }
  bulk = bulk_docs_body (source);
  printf ("# Sync benchmark: PouchDB Server 4.2.0 (in memory) on %s, %u processors; "
          "PouchDB 7.3.1 in Node with a local %s database, default batches\n",
          raad_test_server_get_url (server), g_get_num_processors (), adapter);
  {
    g_autofree char *load = load_average ();

    printf ("# %u documents; %u documents with a %u-byte photo; median of %u runs each "
            "(data set up in %.1f s); load average %s\n", n_docs, n_photos, photo_size, n_runs,
            (g_get_monotonic_time () - start) / 1e6, load);
  }

  /* The contenders take turns, run by run, so that the machine's load falls on both. */
  if (!ours_only)
    pouch = pouch_start (server);
  for (guint i = 0; wants ("pull") && i < n_runs; i++)
    {
      g_autofree char *pull_command = g_strdup_printf ("pull %s", pull_db);
      Sample ours = raad_pull (server, pull_db, n_docs);

      g_array_append_val (pull->ours, ours);
      if (!ours_only)
        {
          Sample theirs = pouch_run (pouch, pull_command, n_docs);
          Sample floor = floor_get (server, pull_db, FALSE, &pull_bytes);

          g_array_append_val (pull->pouchdb, theirs);
          g_array_append_val (pull->floor, floor);
        }
    }

  /* Push into empty databases. */
  for (guint i = 0; wants ("push") && i < n_runs; i++)
    {
      g_autofree char *target = g_strdup_printf ("bench_push_raadswerk_%u", i);
      g_autofree char *floor_target = g_strdup_printf ("bench_push_floor_%u", i);
      g_autofree char *push_command = g_strdup_printf ("push %s bench_push_pouchdb_%u", pull_db, i);
      Sample ours = raad_push (server, source, target, n_docs);

      g_array_append_val (push->ours, ours);
      if (!ours_only)
        {
          Sample theirs = pouch_run (pouch, push_command, n_docs);
          Sample floor = floor_post (server, bulk, floor_target);

          g_array_append_val (push->pouchdb, theirs);
          g_array_append_val (push->floor, floor);
        }
    }

  /* Pull of documents with photos. */
  for (guint i = 0; wants ("photos") && i < n_runs; i++)
    {
      g_autofree char *photos_command = g_strdup_printf ("pull %s", photos_db);
      Sample ours = raad_pull (server, photos_db, n_photos);

      g_array_append_val (photos->ours, ours);
      if (!ours_only)
        {
          Sample theirs = pouch_run (pouch, photos_command, n_photos);
          Sample floor = floor_get (server, photos_db, TRUE, &photo_bytes);

          g_array_append_val (photos->pouchdb, theirs);
          g_array_append_val (photos->floor, floor);
        }
    }
  if (pouch != NULL)
    pouch_stop (pouch);

  {
    g_autoptr(JsonObject) doc = raad_store_get (source, "member-00001", NULL);
    g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
    g_autofree char *text = NULL;

    json_node_set_object (node, doc);
    text = json_to_string (node, FALSE);
    printf ("# a document is %zu bytes of JSON with _id and _rev, e.g. %s\n", strlen (text), text);
  }
  printf ("# pull: %u documents, %.0f bytes each in _all_docs; photos: %u documents, "
          "%.1f MB in _all_docs with attachments; push \"floor\": one _bulk_docs of %.1f MB "
          "(PouchDB Server takes one big request slower than batches: no lower bound)\n",
          n_docs, (double) pull_bytes / n_docs, n_photos, photo_bytes / 1e6,
          g_bytes_get_size (bulk) / 1e6);
  {
    g_autofree char *load = load_average ();

    printf ("# load average after the jobs: %s\n", load);
  }
  printf ("%-26s %12s %12s %12s %7s %7s   %s\n", "job", "Raadswerk", "PouchDB", "floor",
          "ours/P", "ours/fl", "requests (ours / PouchDB)");
  print_job (pull, n_docs);
  print_job (push, n_docs);
  print_job (photos, n_photos);

  /* The UI during a first sync. */
  for (guint with_list = 0; wants ("stall") && with_list < 2; with_list++)
    {
      Watch watch = { 0 };
      double total_ms = 0;

      measure_stalls (server, with_list, &watch, &total_ms);
      printf ("main loop during a %u-document first sync by RaadSync (%s): worst gap %.1f ms "
              "(%.1f ms of it running on the main thread), %u gaps over 16 ms, %u ticks of 1 ms, "
              "sync %.0f ms\n", n_docs,
              with_list ? "a live member list open" : "no list open",
              watch.max_gap / 1000.0, watch.max_gap_cpu / 1000.0, watch.n_over_16, watch.n_ticks,
              total_ms);
      if (with_list)
        printf ("%-26s   (the list got %u items-changed)\n", "", watch.n_changed);
    }

  if (only == NULL && !ours_only)
    {
      Sample p = median (pull->ours), pp = median (pull->pouchdb), pf = median (pull->floor);
      Sample s = median (push->ours), sp = median (push->pouchdb);
      Sample f = median (photos->ours), fp = median (photos->pouchdb);

      printf ("# goals: 2x faster than PouchDB: pull %s (%.2fx), push %s (%.2fx), photos %s (%.2fx); "
              "pull within 1.5x of the floor: %s (%.2fx)\n",
              pp.ms / p.ms >= 2 ? "met" : "NOT met", pp.ms / p.ms,
              sp.ms / s.ms >= 2 ? "met" : "NOT met", sp.ms / s.ms,
              fp.ms / f.ms >= 2 ? "met" : "NOT met", fp.ms / f.ms,
              p.ms / pf.ms <= 1.5 ? "met" : "NOT met", p.ms / pf.ms);
    }

  g_object_unref (session);
  return 0;
}
