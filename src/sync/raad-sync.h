/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-sync.h: keeps the store in step with the shared server (the app's side of sync) */
#pragma once

#include <gio/gio.h>

#include "raad-remote.h"
#include "raad-store.h"

G_BEGIN_DECLS

typedef enum
{
  RAAD_SYNC_STATE_DISABLED, /* no server set up */
  RAAD_SYNC_STATE_IDLE,     /* set up; last-sync tells when it last succeeded (may be NULL) */
  RAAD_SYNC_STATE_SYNCING,  /* a sync runs; progress tells how far */
  RAAD_SYNC_STATE_OFFLINE,  /* the server cannot be reached; retried by itself */
  RAAD_SYNC_STATE_ERROR,    /* stopped: error-message says why (wrong password, no access…) */
} RaadSyncState;

GType raad_sync_state_get_type (void);
#define RAAD_TYPE_SYNC_STATE (raad_sync_state_get_type ())

/* What the account may do with one council's records (and the organisation's). */
#define RAAD_TYPE_SYNC_ACCESS (raad_sync_access_get_type ())
G_DECLARE_FINAL_TYPE (RaadSyncAccess, raad_sync_access, RAAD, SYNC_ACCESS, GObject)

/* NULL council id: the organisation database. */
const char *raad_sync_access_get_council_id   (RaadSyncAccess *self);
/* The council's name as the server or the store knows it, else its id. */
const char *raad_sync_access_get_name         (RaadSyncAccess *self);
gboolean    raad_sync_access_get_can_read     (RaadSyncAccess *self);
gboolean    raad_sync_access_get_can_write    (RaadSyncAccess *self);

/* A record the server did not accept: it stays local and is not sent again until edited. */
#define RAAD_TYPE_SYNC_REJECTION (raad_sync_rejection_get_type ())
G_DECLARE_FINAL_TYPE (RaadSyncRejection, raad_sync_rejection, RAAD, SYNC_REJECTION, GObject)

const char *raad_sync_rejection_get_id        (RaadSyncRejection *self);
const char *raad_sync_rejection_get_rev       (RaadSyncRejection *self);
const char *raad_sync_rejection_get_doc_type  (RaadSyncRejection *self);
/* A short human title: the record's name or title field, else its id. */
const char *raad_sync_rejection_get_title     (RaadSyncRejection *self);
/* The server's reason, as it gave it. */
const char *raad_sync_rejection_get_reason    (RaadSyncRejection *self);

#define RAAD_TYPE_SYNC (raad_sync_get_type ())
G_DECLARE_FINAL_TYPE (RaadSync, raad_sync, RAAD, SYNC, GObject)

/* Reads the account (URL, user, pinned fingerprint) from @store's local table. The password
 * is not kept here: set it with raad_sync_set_password (the app takes it from the keyring). */
RaadSync     *raad_sync_new                   (RaadStore     *store);
RaadStore    *raad_sync_get_store             (RaadSync      *self);

/* Account. raad_sync_set_account saves URL, user and fingerprint in the store (never the
 * password) and stops any running sync; NULL @url disconnects (forgets the account and the
 * checkpoints, keeps every record). */
gboolean      raad_sync_set_account           (RaadSync      *self,
                                               const char    *url,
                                               const char    *user,
                                               const char    *fingerprint,
                                               GError       **error);
const char   *raad_sync_get_url               (RaadSync      *self);
const char   *raad_sync_get_user              (RaadSync      *self);
const char   *raad_sync_get_fingerprint       (RaadSync      *self);
void          raad_sync_set_password          (RaadSync      *self,
                                               const char    *password);
gboolean      raad_sync_has_password          (RaadSync      *self);
gboolean      raad_sync_is_configured         (RaadSync      *self);

/* Tests an account without saving it: logs in, lists what it may read and write. Fails with
 * RAAD_SYNC_ERROR_*; for RAAD_SYNC_ERROR_CERTIFICATE, @peer_fingerprint (may be NULL) gets the
 * certificate's SHA-256 fingerprint to show the user before they trust it. Returns a
 * GListModel of RaadSyncAccess. */
void          raad_sync_check_account_async   (RaadSync      *self,
                                               const char    *url,
                                               const char    *user,
                                               const char    *password,
                                               const char    *fingerprint,
                                               GCancellable  *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer       user_data);
GListModel   *raad_sync_check_account_finish  (RaadSync      *self,
                                               GAsyncResult  *result,
                                               char         **peer_fingerprint,
                                               GError       **error);

/* Starts a sync now (push, then pull, of every database the account may use); does nothing
 * while one runs or without an account. State, progress and last-sync follow. */
void          raad_sync_start                 (RaadSync      *self);
/* Stops a running sync (its checkpoints keep what was done). */
void          raad_sync_stop                  (RaadSync      *self);
/* Automatic: sync at once, a few seconds after each local edit, every few minutes while the
 * server is reachable, and whenever the server's changes feed reports an edit by others. */
void          raad_sync_set_automatic         (RaadSync      *self,
                                               gboolean       automatic);

RaadSyncState raad_sync_get_state             (RaadSync      *self);
/* 0..1 during a sync, -1 when unknown. */
double        raad_sync_get_progress          (RaadSync      *self);
/* The end of the last sync that succeeded, or NULL. */
GDateTime    *raad_sync_get_last_sync         (RaadSync      *self);
/* In ERROR and OFFLINE: a sentence for the user (translated). */
const char   *raad_sync_get_error_message     (RaadSync      *self);
/* Records with conflicting versions (ids, a GtkStringList-like GListModel of GtkStringObject
 * is UI; this is plain): */
GStrv         raad_sync_list_conflicts        (RaadSync      *self);
guint         raad_sync_get_n_conflicts       (RaadSync      *self);
/* A GListModel of RaadSyncRejection, kept up to date. */
GListModel   *raad_sync_get_rejections        (RaadSync      *self);

/* Properties: "state" (RaadSyncState), "progress" (double), "last-sync" (GDateTime),
 * "error-message" (string), "n-conflicts" (uint), "configured" (boolean).
 * Signal "finished" (gboolean ok): after each sync run. */

G_END_DECLS
