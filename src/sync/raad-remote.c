/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-remote.c: one CouchDB-protocol server, spoken to over HTTP(S) */
#define G_LOG_DOMAIN "raad-sync"

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "raad-remote.h"

struct _RaadRemote
{
  GObject      parent_instance;

  SoupSession *session;
  GUri        *base;        /* scheme, host, port, path prefix without trailing "/" */
  char        *url;
  char        *user;
  char        *password;
  char        *authorization;
  char        *pinned;      /* normalised: upper-case hex without colons */
  char        *peer;        /* the last peer's fingerprint, "AB:CD:…" */
  guint        timeout;
};

G_DEFINE_FINAL_TYPE (RaadRemote, raad_remote, G_TYPE_OBJECT)

G_DEFINE_QUARK (raad-sync-error-quark, raad_sync_error)

static void
raad_remote_finalize (GObject *object)
{
  RaadRemote *self = (RaadRemote *) object;

  g_clear_object (&self->session);
  g_clear_pointer (&self->base, g_uri_unref);
  g_free (self->url);
  g_free (self->user);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  g_free (self->authorization);
  g_free (self->pinned);
  g_free (self->peer);

  G_OBJECT_CLASS (raad_remote_parent_class)->finalize (object);
}

static void
raad_remote_class_init (RaadRemoteClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = raad_remote_finalize;
}

static void
raad_remote_init (RaadRemote *self)
{
  self->timeout = 60;
}

static char *
normalise_fingerprint (const char *fingerprint)
{
  GString *hex;

  if (fingerprint == NULL || *fingerprint == '\0')
    return NULL;
  hex = g_string_new (NULL);
  for (const char *p = fingerprint; *p; p++)
    if (g_ascii_isxdigit (*p))
      g_string_append_c (hex, g_ascii_toupper (*p));
  return g_string_free (hex, FALSE);
}

static char *
certificate_fingerprint (GTlsCertificate *certificate)
{
  g_autoptr(GByteArray) der = NULL;
  g_autoptr(GChecksum) checksum = NULL;
  guint8 digest[32];
  gsize len = sizeof digest;
  GString *text;

  g_object_get (certificate, "certificate", &der, NULL);
  if (der == NULL)
    return NULL;
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, der->data, der->len);
  g_checksum_get_digest (checksum, digest, &len);
  text = g_string_new (NULL);
  for (gsize i = 0; i < len; i++)
    g_string_append_printf (text, i == 0 ? "%02X" : ":%02X", digest[i]);
  return g_string_free (text, FALSE);
}

RaadRemote *
raad_remote_new (const char  *url,
                 const char  *user,
                 const char  *password,
                 GError     **error)
{
  g_autoptr(RaadRemote) self = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *path = NULL;
  const char *scheme;

  g_return_val_if_fail (url != NULL, NULL);

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0))
    {
      g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_INVALID,
                   "“%s” is not a server address (it starts with https:// or http://)", url);
      return NULL;
    }

  self = g_object_new (RAAD_TYPE_REMOTE, NULL);
  path = g_strdup (g_uri_get_path (uri));
  while (*path && path[strlen (path) - 1] == '/')
    path[strlen (path) - 1] = '\0';
  self->base = g_uri_build (G_URI_FLAGS_NONE, scheme, NULL, g_uri_get_host (uri),
                            g_uri_get_port (uri), path, NULL, NULL);
  self->url = g_uri_to_string (self->base);
  self->user = g_strdup (user != NULL && *user != '\0' ? user : NULL);
  self->password = g_strdup (password);
  if (self->user != NULL)
    {
      g_autofree char *credentials = g_strdup_printf ("%s:%s", self->user,
                                                      password != NULL ? password : "");
      g_autofree char *b64 = g_base64_encode ((const guchar *) credentials, strlen (credentials));

      self->authorization = g_strconcat ("Basic ", b64, NULL);
      memset (credentials, 0, strlen (credentials));
    }
  /* Batches run one after another, the changes feed beside them. */
  self->session = soup_session_new_with_options ("max-conns-per-host", 6,
                                                 "timeout", self->timeout,
                                                 "user-agent", "Raadswerk/" PACKAGE_VERSION,
                                                 NULL);
  return g_steal_pointer (&self);
}

RaadRemote *
raad_remote_dup (RaadRemote *self)
{
  RaadRemote *copy = raad_remote_new (self->url, self->user, self->password, NULL);

  raad_remote_set_pinned_fingerprint (copy, self->pinned);
  raad_remote_set_timeout (copy, self->timeout);
  return copy;
}

const char *
raad_remote_get_url (RaadRemote *self)
{
  g_return_val_if_fail (RAAD_IS_REMOTE (self), NULL);
  return self->url;
}

const char *
raad_remote_get_user (RaadRemote *self)
{
  g_return_val_if_fail (RAAD_IS_REMOTE (self), NULL);
  return self->user;
}

void
raad_remote_set_pinned_fingerprint (RaadRemote *self,
                                    const char *fingerprint)
{
  g_return_if_fail (RAAD_IS_REMOTE (self));
  g_free (self->pinned);
  self->pinned = normalise_fingerprint (fingerprint);
}

char *
raad_remote_dup_peer_fingerprint (RaadRemote *self)
{
  g_return_val_if_fail (RAAD_IS_REMOTE (self), NULL);
  return g_strdup (self->peer);
}

void
raad_remote_set_timeout (RaadRemote *self,
                         guint       seconds)
{
  g_return_if_fail (RAAD_IS_REMOTE (self));
  self->timeout = seconds;
  g_object_set (self->session, "timeout", seconds, NULL);
}

char *
raad_remote_escape (const char *segment)
{
  return g_uri_escape_string (segment, NULL, FALSE);
}

static gboolean
accept_certificate_cb (SoupMessage          *msg,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       RaadRemote           *self)
{
  g_autofree char *fingerprint = certificate_fingerprint (certificate);
  g_autofree char *plain = normalise_fingerprint (fingerprint);

  g_free (self->peer);
  self->peer = g_steal_pointer (&fingerprint);
  return self->pinned != NULL && g_strcmp0 (plain, self->pinned) == 0;
}

static void
note_peer_certificate (RaadRemote  *self,
                       SoupMessage *msg)
{
  GTlsCertificate *certificate = soup_message_get_tls_peer_certificate (msg);

  if (certificate != NULL)
    {
      g_free (self->peer);
      self->peer = certificate_fingerprint (certificate);
    }
}

/* The server's {"error", "reason"} as one sentence. */
static char *
server_reason (JsonNode *node,
               guint     status)
{
  JsonObject *object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *error = object != NULL ? json_object_get_string_member_with_default (object, "error", NULL) : NULL;
  const char *reason = object != NULL ? json_object_get_string_member_with_default (object, "reason", NULL) : NULL;

  if (reason != NULL && error != NULL)
    return g_strdup_printf ("%s (%s)", reason, error);
  if (reason != NULL || error != NULL)
    return g_strdup (reason != NULL ? reason : error);
  return g_strdup_printf ("HTTP %u", status);
}

static int
error_code_for_status (guint status)
{
  switch (status)
    {
    case 401:
      return RAAD_SYNC_ERROR_UNAUTHORIZED;
    case 403:
      return RAAD_SYNC_ERROR_FORBIDDEN;
    case 404:
      return RAAD_SYNC_ERROR_NOT_FOUND;
    case 409:
      return RAAD_SYNC_ERROR_CONFLICT;
    case 400:
    case 405:
    case 412:
    case 413:
    case 415:
      return RAAD_SYNC_ERROR_INVALID;
    default:
      return RAAD_SYNC_ERROR_SERVER;
    }
}

static gboolean
is_transport_error (GError *error)
{
  return error->domain == G_IO_ERROR && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

JsonNode *
raad_remote_call_text (RaadRemote    *self,
                       const char    *method,
                       const char    *path,
                       const char    *body,
                       gsize          length,
                       guint         *status,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *full_path = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GBytes) request_body = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *query;
  guint attempts = 0;

  g_return_val_if_fail (RAAD_IS_REMOTE (self), NULL);
  g_return_val_if_fail (path != NULL && path[0] == '/', NULL);

  if (status != NULL)
    *status = 0;

  query = strchr (path, '?');
  if (query != NULL)
    {
      g_autofree char *only_path = g_strndup (path, query - path);

      full_path = g_strconcat (g_uri_get_path (self->base), only_path, NULL);
      query++;
    }
  else
    full_path = g_strconcat (g_uri_get_path (self->base), path, NULL);
  uri = g_uri_build (G_URI_FLAGS_ENCODED, g_uri_get_scheme (self->base), NULL,
                     g_uri_get_host (self->base), g_uri_get_port (self->base), full_path,
                     query, NULL);
  if (body != NULL)
    request_body = g_bytes_new (body, length);

  for (;;)
    {
      g_autoptr(SoupMessage) msg = soup_message_new_from_uri (method, uri);
      g_autoptr(GBytes) reply = NULL;
      g_autoptr(JsonParser) parser = NULL;
      g_autoptr(GError) parse_error = NULL;
      SoupMessageHeaders *headers = soup_message_get_request_headers (msg);
      JsonNode *root = NULL;
      guint code;

      g_clear_error (&local_error);
      soup_message_headers_replace (headers, "Accept", "application/json");
      if (self->authorization != NULL)
        soup_message_headers_replace (headers, "Authorization", self->authorization);
      if (request_body != NULL)
        soup_message_set_request_body_from_bytes (msg, "application/json", request_body);
      /* Replication requests are safe to repeat; without this each POST gets a new
       * connection. */
      soup_message_add_flags (msg, SOUP_MESSAGE_IDEMPOTENT);
      g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_certificate_cb), self);

      reply = soup_session_send_and_read (self->session, msg, cancellable, &local_error);
      if (reply == NULL)
        {
          if (g_error_matches (local_error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE) ||
              soup_message_get_tls_peer_certificate_errors (msg) != 0)
            {
              g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_CERTIFICATE,
                           "The server’s certificate is not trusted: %s", local_error->message);
              return NULL;
            }
          if (local_error->domain == G_TLS_ERROR)
            {
              g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_CERTIFICATE,
                           "A secure connection failed: %s", local_error->message);
              return NULL;
            }
          if (is_transport_error (local_error) || local_error->domain == G_RESOLVER_ERROR)
            {
              if (++attempts <= 2 && !g_cancellable_is_cancelled (cancellable))
                {
                  g_usleep (attempts * 150 * 1000);
                  continue;
                }
              g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_UNREACHABLE,
                           "%s", local_error->message);
              return NULL;
            }
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      note_peer_certificate (self, msg);
      code = soup_message_get_status (msg);
      if (status != NULL)
        *status = code;

      parser = json_parser_new_immutable ();
      if (g_bytes_get_size (reply) > 0 &&
          json_parser_load_from_data (parser, g_bytes_get_data (reply, NULL),
                                      g_bytes_get_size (reply), &parse_error))
        root = json_parser_steal_root (parser);

      if (code >= 200 && code < 300)
        {
          if (root == NULL)
            {
              /* Most often an answer cut off by a connection that broke (a server that
               * went down mid-answer): worth another try like any transport failure. */
              if (++attempts <= 2 && !g_cancellable_is_cancelled (cancellable))
                {
                  g_usleep (attempts * 150 * 1000);
                  continue;
                }
              g_set_error (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_SERVER,
                           "The server answered %s %s with something that is not JSON",
                           method, path);
              return NULL;
            }
          return root;
        }

      /* A server restarting answers 5xx for a moment: that too is worth a second try. */
      if (code >= 500 && ++attempts <= 2 && !g_cancellable_is_cancelled (cancellable))
        {
          g_clear_pointer (&root, json_node_unref);
          g_usleep (attempts * 150 * 1000);
          continue;
        }

      {
        g_autofree char *reason = server_reason (root, code);

        g_set_error (error, RAAD_SYNC_ERROR, error_code_for_status (code), "%s", reason);
        g_clear_pointer (&root, json_node_unref);
        return NULL;
      }
    }
}

JsonNode *
raad_remote_call (RaadRemote    *self,
                  const char    *method,
                  const char    *path,
                  JsonNode      *body,
                  guint         *status,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *text = NULL;
  gsize length = 0;

  if (body != NULL)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();

      json_generator_set_root (generator, body);
      text = json_generator_to_data (generator, &length);
    }
  return raad_remote_call_text (self, method, path, text, length, status, cancellable, error);
}
