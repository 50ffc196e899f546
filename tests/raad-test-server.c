/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-test-server.c: a real CouchDB-protocol server (PouchDB Server) for the sync tests */
#define G_LOG_DOMAIN "raad-test"

#include "config.h"

#include <gio/gio.h>
#include <libsoup/soup.h>
#include <pwd.h>
#include <signal.h>
#include <unistd.h>

#include "raad-test-server.h"
#include "raad-test-util.h"

struct _RaadTestServer
{
  GSubprocess *process;
  char        *dir;        /* config, log and (persistent) databases */
  char        *url;
  guint        port;
  gboolean     persistent;
  SoupSession *session;
};

const char *
raad_test_server_get_npm_dir (void)
{
  static char *dir;

  if (dir == NULL)
    {
      const char *env = g_getenv ("RAADSWERK_NPM_CACHE");

      if (env != NULL && *env != '\0')
        dir = g_strdup (env);
      else
        {
          /* Test programs isolate XDG_CACHE_HOME and HOME: ask the password database. */
          struct passwd *pw = getpwuid (getuid ());

          dir = g_build_filename (pw != NULL ? pw->pw_dir : g_get_home_dir (), ".cache",
                                  "raadswerk-test", "npm", NULL);
        }
    }
  return dir;
}

/* A port nobody listens on now: bind port 0, read it, close. */
static guint
free_port (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, &error);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_no_error (error);
  g_socket_bind (socket, any, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static char *
send_request (RaadTestServer *self,
              const char     *method,
              const char     *path,
              const char     *json_body,
              gboolean        as_admin,
              guint          *status,
              GError        **error)
{
  g_autofree char *uri = g_strconcat (self->url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(GBytes) reply = NULL;
  SoupMessageHeaders *headers;

  g_assert_nonnull (msg);
  headers = soup_message_get_request_headers (msg);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (as_admin)
    {
      g_autofree char *credentials = g_strdup_printf ("%s:%s", RAAD_TEST_SERVER_ADMIN,
                                                      RAAD_TEST_SERVER_ADMIN_PASSWORD);
      g_autofree char *b64 = g_base64_encode ((const guchar *) credentials, strlen (credentials));
      g_autofree char *value = g_strconcat ("Basic ", b64, NULL);

      soup_message_headers_replace (headers, "Authorization", value);
    }
  if (json_body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (json_body, strlen (json_body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  reply = soup_session_send_and_read (self->session, msg, NULL, error);
  if (reply == NULL)
    return NULL;
  if (status != NULL)
    *status = soup_message_get_status (msg);
  return g_strndup (g_bytes_get_data (reply, NULL), g_bytes_get_size (reply));
}

static void
spawn (RaadTestServer *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *program = g_build_filename (raad_test_server_get_npm_dir (), "node_modules",
                                               ".bin", "pouchdb-server", NULL);
  g_autofree char *port = g_strdup_printf ("%u", self->port);
  g_autofree char *config = g_build_filename (self->dir, "config.json", NULL);
  g_autofree char *data = g_build_filename (self->dir, "data", NULL);
  g_autofree char *log = g_build_filename (self->dir, "server.log", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  gint64 deadline;
  gboolean up = FALSE;

  if (!g_file_test (program, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("PouchDB Server is not installed in %s: run build-aux/test-server-setup",
             raad_test_server_get_npm_dir ());

  g_mkdir_with_parents (data, 0700);
  g_ptr_array_add (argv, program);
  g_ptr_array_add (argv, "--port");
  g_ptr_array_add (argv, port);
  g_ptr_array_add (argv, "--host");
  g_ptr_array_add (argv, "127.0.0.1");
  g_ptr_array_add (argv, "--config");
  g_ptr_array_add (argv, config);
  g_ptr_array_add (argv, "--dir");
  g_ptr_array_add (argv, data);
  if (!self->persistent)
    g_ptr_array_add (argv, "--in-memory");
  g_ptr_array_add (argv, "--no-stdout-logs");
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_subprocess_launcher_set_cwd (launcher, self->dir);
  g_subprocess_launcher_set_stdout_file_path (launcher, log);
  self->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata,
                                                &error);
  g_assert_no_error (error);

  /* Node takes a second or two to load PouchDB. */
  deadline = g_get_monotonic_time () + raad_test_timeout_ms (30000) * G_TIME_SPAN_MILLISECOND;
  while (!up && g_get_monotonic_time () < deadline)
    {
      g_autofree char *body = NULL;
      guint status = 0;

      body = send_request (self, "GET", "/", NULL, FALSE, &status, NULL);
      up = body != NULL && status == 200;
      if (!up)
        {
          if (g_subprocess_get_identifier (self->process) == NULL)
            break;
          g_usleep (50 * 1000);
        }
    }
  if (!up)
    {
      g_autofree char *text = NULL;

      g_file_get_contents (log, &text, NULL, NULL);
      g_error ("PouchDB Server did not start on port %u:\n%s", self->port,
               text != NULL ? text : "(no log)");
    }
}

RaadTestServer *
raad_test_server_start (gboolean persistent)
{
  RaadTestServer *self = g_new0 (RaadTestServer, 1);
  g_autofree char *admin = NULL;
  g_autofree char *reply = NULL;
  guint status = 0;

  self->persistent = persistent;
  self->dir = raad_test_make_tmpdir ();
  self->port = free_port ();
  self->url = g_strdup_printf ("http://127.0.0.1:%u", self->port);
  self->session = soup_session_new_with_options ("timeout", 30, NULL);
  spawn (self);

  /* From here on the server is no "admin party": anonymous requests are refused. */
  admin = g_strdup_printf ("/_config/admins/%s", RAAD_TEST_SERVER_ADMIN);
  reply = send_request (self, "PUT", admin, "\"" RAAD_TEST_SERVER_ADMIN_PASSWORD "\"", FALSE,
                        &status, NULL);
  g_assert_nonnull (reply);
  g_assert_cmpuint (status, ==, 200);
  return self;
}

const char *
raad_test_server_get_url (RaadTestServer *self)
{
  return self->url;
}

guint
raad_test_server_get_port (RaadTestServer *self)
{
  return self->port;
}

gboolean
raad_test_server_is_running (RaadTestServer *self)
{
  return self->process != NULL;
}

void
raad_test_server_kill (RaadTestServer *self)
{
  if (self->process == NULL)
    return;
  g_subprocess_send_signal (self->process, SIGKILL);
  g_subprocess_wait (self->process, NULL, NULL);
  g_clear_object (&self->process);
}

void
raad_test_server_restart (RaadTestServer *self)
{
  raad_test_server_kill (self);
  spawn (self);
}

void
raad_test_server_free (RaadTestServer *self)
{
  if (self == NULL)
    return;
  raad_test_server_kill (self);
  g_clear_object (&self->session);
  raad_test_remove_tree (self->dir);
  g_free (self->dir);
  g_free (self->url);
  g_free (self);
}

char *
raad_test_server_request (RaadTestServer *self,
                          const char     *method,
                          const char     *path,
                          const char     *json_body,
                          gboolean        allow_error,
                          guint          *status)
{
  g_autoptr(GError) error = NULL;
  guint code = 0;
  char *body = send_request (self, method, path, json_body, TRUE, &code, &error);

  g_assert_no_error (error);
  if (!allow_error && (code < 200 || code >= 300))
    g_error ("%s %s answered %u: %s", method, path, code, body);
  if (status != NULL)
    *status = code;
  return body;
}
