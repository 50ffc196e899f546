/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-credentials.c: the sync password in the keyring (libsecret), never in a file */

/* The password of the sync account lives only in the Secret Service (GNOME Keyring, KWallet)
 * under the schema "io.github.raadswerk.Raadswerk.Account", keyed by the server URL and the
 * user name. Without a running keyring the calls fail with a plain sentence, and the app keeps
 * the password in memory for the session (RaadSync holds it); it is never written to disk. */

#define G_LOG_DOMAIN "raad-credentials"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "raad-credentials.h"

static const SecretSchema account_schema = {
  "io.github.raadswerk.Raadswerk.Account",
  SECRET_SCHEMA_NONE,
  {
    { "url", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
  0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
};

typedef enum
{
  OPERATION_STORE,
  OPERATION_LOOKUP,
  OPERATION_CLEAR,
} Operation;

/* Helpers */

/* No keyring service runs at all. */
static gboolean
is_unavailable (const GError *error)
{
  return g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN)
         || g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_NAME_HAS_NO_OWNER)
         || g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SPAWN_SERVICE_NOT_FOUND)
         || g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SPAWN_CHILD_EXITED)
         || g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SPAWN_FAILED)
         || g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_FILE_NOT_FOUND)
         || g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_NOT_SUPPORTED);
}

/* Why the keyring could not be used, in words a council member understands. */
static char *
dup_reason (const GError *error)
{
  g_autofree char *message = NULL;

  if (is_unavailable (error))
    return g_strdup (_("no keyring service is running on this computer"));
  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    return g_strdup (_("the keyring is locked"));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT)
      || g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_NO_REPLY)
      || g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_TIMEOUT))
    return g_strdup (_("the keyring did not answer"));

  message = g_strdup (error->message);
  if (g_dbus_error_is_remote_error (error))
    {
      g_autoptr(GError) copy = g_error_copy (error);

      g_dbus_error_strip_remote_error (copy);
      g_free (message);
      message = g_strdup (copy->message);
    }
  /* No session bus at all (a bare X session or a terminal over ssh). */
  if (error->domain == G_IO_ERROR)
    return g_strdup_printf (_("no keyring service could be reached (%s)"), message);
  return g_steal_pointer (&message);
}

/* Turns libsecret's error into one whose message says what could not be done and why. */
static GError *
explain_error (Operation     operation,
               const GError *error)
{
  g_autofree char *reason = NULL;
  const char *format;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  reason = dup_reason (error);
  switch (operation)
    {
    case OPERATION_STORE:
      /* Translators: %s says why, e.g. "no keyring service is running on this computer" */
      format = _("The password could not be kept in the keyring: %s.");
      break;
    case OPERATION_LOOKUP:
      /* Translators: %s says why, e.g. "no keyring service is running on this computer" */
      format = _("The password could not be read from the keyring: %s.");
      break;
    case OPERATION_CLEAR:
    default:
      /* Translators: %s says why, e.g. "no keyring service is running on this computer" */
      format = _("The password could not be removed from the keyring: %s.");
      break;
    }
  g_debug ("Keyring: %s", error->message);
  return g_error_new (error->domain, error->code, format, reason);
}

/* Callbacks */

static void
store_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, explain_error (OPERATION_STORE, error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
lookup_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *password = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, explain_error (OPERATION_LOOKUP, error));
  else
    g_task_return_pointer (task, password, (GDestroyNotify) secret_password_free);
}

static void
clear_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* FALSE without an error: there was nothing to remove, which is fine. */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, explain_error (OPERATION_CLEAR, error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Public API */

void
raad_credentials_store_async (const char          *url,
                              const char          *user,
                              const char          *password,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;
  g_autofree char *label = NULL;

  g_return_if_fail (url != NULL);
  g_return_if_fail (user != NULL);
  g_return_if_fail (password != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, raad_credentials_store_async);
  /* Translators: the keyring's name for the item; %s is the user name, %s the server */
  label = g_strdup_printf (_("Raadswerk sync password for %s at %s"), user, url);
  secret_password_store (&account_schema, SECRET_COLLECTION_DEFAULT, label, password,
                         cancellable, store_done_cb, task,
                         "url", url,
                         "user", user,
                         NULL);
}

gboolean
raad_credentials_store_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
raad_credentials_lookup_async (const char          *url,
                               const char          *user,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (url != NULL);
  g_return_if_fail (user != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, raad_credentials_lookup_async);
  secret_password_lookup (&account_schema, cancellable, lookup_done_cb, task,
                          "url", url,
                          "user", user,
                          NULL);
}

char *
raad_credentials_lookup_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
raad_credentials_clear_async (const char          *url,
                              const char          *user,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (url != NULL);
  g_return_if_fail (user != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, raad_credentials_clear_async);
  secret_password_clear (&account_schema, cancellable, clear_done_cb, task,
                         "url", url,
                         "user", user,
                         NULL);
}

gboolean
raad_credentials_clear_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
raad_credentials_password_free (char *password)
{
  secret_password_free (password);
}

gboolean
raad_credentials_error_is_unavailable (const GError *error)
{
  return error != NULL && is_unavailable (error);
}
