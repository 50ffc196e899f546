/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-remote.h: one CouchDB-protocol server, spoken to over HTTP(S) */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define RAAD_SYNC_ERROR (raad_sync_error_quark ())

typedef enum
{
  RAAD_SYNC_ERROR_UNAUTHORIZED, /* wrong user name or password */
  RAAD_SYNC_ERROR_FORBIDDEN,    /* logged in, but no access to this database or document */
  RAAD_SYNC_ERROR_NOT_FOUND,    /* no such database or document */
  RAAD_SYNC_ERROR_UNREACHABLE,  /* the server cannot be reached: down, no network, timeout */
  RAAD_SYNC_ERROR_CERTIFICATE,  /* the TLS certificate is not trusted (see the fingerprint) */
  RAAD_SYNC_ERROR_SERVER,       /* the server failed (5xx) or answered something unreadable */
  RAAD_SYNC_ERROR_CONFLICT,     /* 409: the document changed meanwhile */
  RAAD_SYNC_ERROR_INVALID,      /* a bad URL or a request the server calls bad (400) */
} RaadSyncError;

GQuark raad_sync_error_quark (void);

#define RAAD_TYPE_REMOTE (raad_remote_get_type ())
G_DECLARE_FINAL_TYPE (RaadRemote, raad_remote, RAAD, REMOTE, GObject)

/* @url: "https://host:port" (a path prefix is kept); @user and @password may be NULL for
 * anonymous requests. A RaadRemote is used from one thread at a time: its calls block. */
RaadRemote *raad_remote_new                   (const char    *url,
                                               const char    *user,
                                               const char    *password,
                                               GError       **error);
const char *raad_remote_get_url               (RaadRemote    *self);
const char *raad_remote_get_user              (RaadRemote    *self);
/* A copy with the same server, credentials and pin, for another thread. */
RaadRemote *raad_remote_dup                   (RaadRemote    *self);
/* Trusts a certificate with this SHA-256 fingerprint (hex, colons optional) even when TLS
 * does not: for a server with a self-signed certificate. NULL trusts TLS only. */
void        raad_remote_set_pinned_fingerprint (RaadRemote   *self,
                                               const char    *fingerprint);
/* The SHA-256 fingerprint ("AB:CD:…") of the certificate of the last TLS answer, or NULL. */
char       *raad_remote_dup_peer_fingerprint  (RaadRemote    *self);
/* Requests taking longer fail with RAAD_SYNC_ERROR_UNREACHABLE (default 60 s). */
void        raad_remote_set_timeout           (RaadRemote    *self,
                                               guint          seconds);

/* One request. @path starts with "/" and is escaped already (see raad_remote_escape);
 * @body may be NULL. Answers 2xx parse as JSON and return; any other status fails with the
 * RaadSyncError for it and the server's reason. @status (may be NULL) gets the HTTP status,
 * 0 when nothing came back. Transport failures are retried twice, with a new message. */
JsonNode   *raad_remote_call                  (RaadRemote    *self,
                                               const char    *method,
                                               const char    *path,
                                               JsonNode      *body,
                                               guint         *status,
                                               GCancellable  *cancellable,
                                               GError       **error);
/* The same with a ready serialised body (may be NULL), for large batches. */
JsonNode   *raad_remote_call_text             (RaadRemote    *self,
                                               const char    *method,
                                               const char    *path,
                                               const char    *body,
                                               gsize          length,
                                               guint         *status,
                                               GCancellable  *cancellable,
                                               GError       **error);
/* A URL path segment: database names, document ids ("a/b" → "a%2Fb"). */
char       *raad_remote_escape                (const char    *segment);

G_END_DECLS
