/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-credentials.h: the sync password in the keyring (libsecret), never in a file */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Errors keep libsecret's (or D-Bus's) domain and code; their message is a sentence for the
 * user that starts with what could not be done ("The password could not be kept in the
 * keyring: …"). */

/* Keeps @password for the account @user at @url (replacing an older one). */
void      raad_credentials_store_async   (const char          *url,
                                          const char          *user,
                                          const char          *password,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean  raad_credentials_store_finish  (GAsyncResult        *result,
                                          GError             **error);

/* The password kept for the account, or NULL without an error when there is none. Free it
 * with raad_credentials_password_free, which wipes it. */
void      raad_credentials_lookup_async  (const char          *url,
                                          const char          *user,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
char     *raad_credentials_lookup_finish (GAsyncResult        *result,
                                          GError             **error);

/* Forgets the account's password; succeeds when there was none. */
void      raad_credentials_clear_async   (const char          *url,
                                          const char          *user,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean  raad_credentials_clear_finish  (GAsyncResult        *result,
                                          GError             **error);

void      raad_credentials_password_free (char                *password);

/* TRUE when @error says that no keyring service runs at all (so nothing can be kept there). */
gboolean  raad_credentials_error_is_unavailable (const GError *error);

G_END_DECLS
