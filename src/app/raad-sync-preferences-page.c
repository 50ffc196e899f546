/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-sync-preferences-page.c: the "Sync" page of the preferences: the server account */

/* The page edits the account of the window's RaadSync. "Test Connection" and "Connect" both
 * ask the server first (raad_sync_check_account_async: log in, list what the account may read
 * and write); "Connect" then saves the URL, user and pinned fingerprint in the store, the
 * password in the keyring (never in a file), and turns automatic sync on. Without a keyring the
 * password lives in RaadSync's memory for the session and the page says so. An untrusted
 * certificate shows its SHA-256 fingerprint and a "Trust This Certificate" button that pins it
 * for the next try. */

#define G_LOG_DOMAIN "raad-sync-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "raad-a11y.h"
#include "raad-credentials.h"
#include "raad-preferences-window.h"
#include "raad-sync-button.h"
#include "raad-sync-preferences-page.h"

typedef enum
{
  MESSAGE_PROGRESS,
  MESSAGE_INFO,
  MESSAGE_SUCCESS,
  MESSAGE_ERROR,
} MessageKind;

struct _RaadSyncPreferencesPage
{
  AdwPreferencesPage   parent_instance;

  RaadSync            *sync;
  GCancellable        *cancellable;
  GPtrArray           *access_rows;        /* rows in access_group */
  char                *pending_fingerprint; /* trusted by the user, not saved yet */
  char                *peer_fingerprint;    /* shown in the certificate warning */
  guint                n_busy;
  gboolean             filling;
  gboolean             trust_connects;      /* the warning came from "Connect" */

  AdwPreferencesGroup *status_group;
  AdwActionRow        *status_row;
  GtkWidget           *sync_now_button;
  AdwActionRow        *pinned_row;
  GtkWidget           *disconnect_button;
  AdwEntryRow         *url_row;
  AdwEntryRow         *user_row;
  AdwPasswordEntryRow *password_row;
  GtkWidget           *message_box;
  GtkSpinner          *message_spinner;
  GtkLabel            *message_label;
  GtkWidget           *test_button;
  GtkWidget           *connect_button;
  AdwPreferencesGroup *certificate_group;
  GtkLabel            *fingerprint_label;
  GtkWidget           *trust_button;
  AdwPreferencesGroup *access_group;
  AdwPreferencesGroup *rejections_group;
  GtkListBox          *rejections_list;
};

G_DEFINE_FINAL_TYPE (RaadSyncPreferencesPage, raad_sync_preferences_page,
                     ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_SYNC,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What one check of the account is for. */
typedef struct
{
  RaadSyncPreferencesPage *page;
  gboolean                 connect;
  char                    *url;
  char                    *user;
  char                    *password;
  char                    *fingerprint;
} Check;

static void
check_free (Check *check)
{
  g_object_unref (check->page);
  g_free (check->url);
  g_free (check->user);
  if (check->password != NULL)
    memset (check->password, 0, strlen (check->password));
  g_free (check->password);
  g_free (check->fingerprint);
  g_free (check);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Check, check_free)

/* Helpers */

static void
update_buttons (RaadSyncPreferencesPage *self)
{
  gboolean idle = self->n_busy == 0;

  gtk_widget_set_sensitive (self->test_button, idle);
  gtk_widget_set_sensitive (self->connect_button, idle);
  gtk_widget_set_sensitive (self->disconnect_button, idle);
  gtk_widget_set_sensitive (self->sync_now_button,
                            idle && raad_sync_has_password (self->sync)
                            && raad_sync_get_state (self->sync) != RAAD_SYNC_STATE_SYNCING);
}

static void
hold (RaadSyncPreferencesPage *self)
{
  if (self->n_busy++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  update_buttons (self);
}

static void
release (RaadSyncPreferencesPage *self)
{
  g_return_if_fail (self->n_busy > 0);

  if (--self->n_busy == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  update_buttons (self);
}

static void
show_message (RaadSyncPreferencesPage *self,
              MessageKind              kind,
              const char              *text)
{
  gtk_widget_set_visible (self->message_box, text != NULL);
  if (text == NULL)
    return;
  gtk_label_set_label (self->message_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->message_spinner), kind == MESSAGE_PROGRESS);
  gtk_spinner_set_spinning (self->message_spinner, kind == MESSAGE_PROGRESS);
  if (kind == MESSAGE_ERROR)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
  if (kind == MESSAGE_SUCCESS)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "success");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "success");
}

/* The text of an entry without the spaces around it. */
static char *
dup_text (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

/* The address as typed, with https:// when no scheme was given and no slash at the end. */
static char *
dup_url (RaadSyncPreferencesPage *self)
{
  g_autofree char *text = dup_text (self->url_row);
  gsize len;

  if (*text == '\0')
    return NULL;
  if (strstr (text, "://") == NULL)
    {
      char *with_scheme = g_strconcat ("https://", text, NULL);

      g_free (text);
      text = with_scheme;
    }
  len = strlen (text);
  while (len > 0 && text[len - 1] == '/')
    text[--len] = '\0';
  return g_steal_pointer (&text);
}

/* A sentence for a failed check of the account. */
static char *
describe_error (const GError *error)
{
  if (error->domain == RAAD_SYNC_ERROR)
    switch (error->code)
      {
      case RAAD_SYNC_ERROR_UNAUTHORIZED:
        return g_strdup (_("Wrong user name or password."));
      case RAAD_SYNC_ERROR_FORBIDDEN:
        /* Translators: %s is the server's reason */
        return g_strdup_printf (_("The server does not let this account sync: %s."),
                                error->message);
      case RAAD_SYNC_ERROR_NOT_FOUND:
        return g_strdup (_("The server has no Raadswerk database for this organisation yet. "
                           "Ask your IT department to set it up."));
      case RAAD_SYNC_ERROR_UNREACHABLE:
        /* Translators: %s is the technical reason */
        return g_strdup_printf (_("The server cannot be reached (%s). Check the address and "
                                  "the internet connection."), error->message);
      case RAAD_SYNC_ERROR_CERTIFICATE:
        return g_strdup (_("The server’s certificate is not trusted. Read the warning "
                           "below."));
      case RAAD_SYNC_ERROR_INVALID:
        /* Translators: %s is the technical reason */
        return g_strdup_printf (_("This is not a server address Raadswerk can use (%s)."),
                                error->message);
      case RAAD_SYNC_ERROR_SERVER:
      default:
        /* Translators: %s is the server's reason */
        return g_strdup_printf (_("The server reported a problem: %s."), error->message);
      }
  return g_strdup (error->message);
}

static char *
dup_state_text (RaadSync *sync)
{
  const char *message = raad_sync_get_error_message (sync);

  switch (raad_sync_get_state (sync))
    {
    case RAAD_SYNC_STATE_SYNCING:
      return g_strdup (_("Syncing…"));
    case RAAD_SYNC_STATE_OFFLINE:
      /* Translators: %s says why */
      return g_strdup_printf (_("Offline: %s"), message != NULL ? message : "");
    case RAAD_SYNC_STATE_ERROR:
      /* Translators: %s says why, e.g. "Wrong user name or password" */
      return g_strdup_printf (_("Sync stopped: %s"), message != NULL ? message : "");
    case RAAD_SYNC_STATE_IDLE:
      if (!raad_sync_has_password (sync))
        return g_strdup (_("Paused: enter the password and connect"));
      return raad_sync_dup_last_sync_text (sync);
    case RAAD_SYNC_STATE_DISABLED:
    default:
      return g_strdup (_("Not connected"));
    }
}

static void
update_status (RaadSyncPreferencesPage *self)
{
  gboolean configured = raad_sync_is_configured (self->sync);
  const char *fingerprint = raad_sync_get_fingerprint (self->sync);

  gtk_widget_set_visible (GTK_WIDGET (self->status_group), configured);
  if (configured)
    {
      g_autofree char *title = NULL;
      g_autofree char *subtitle = dup_state_text (self->sync);

      /* Translators: the first %s is a user name, the second the server's address */
      title = g_strdup_printf (_("%s at %s"), raad_sync_get_user (self->sync),
                               raad_sync_get_url (self->sync));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), title);
      adw_action_row_set_subtitle (self->status_row, subtitle);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->pinned_row), configured && fingerprint != NULL);
  if (fingerprint != NULL)
    adw_action_row_set_subtitle (self->pinned_row, fingerprint);
  update_buttons (self);
}

static void
clear_access (RaadSyncPreferencesPage *self)
{
  for (guint i = 0; i < self->access_rows->len; i++)
    adw_preferences_group_remove (self->access_group, self->access_rows->pdata[i]);
  g_ptr_array_set_size (self->access_rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->access_group), FALSE);
}

static void
show_access (RaadSyncPreferencesPage *self,
             GListModel              *access)
{
  guint n = g_list_model_get_n_items (access);

  clear_access (self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RaadSyncAccess) item = g_list_model_get_item (access, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon;
      const char *subtitle, *icon_name;

      if (raad_sync_access_get_can_write (item))
        {
          subtitle = _("Reads and writes its records");
          icon_name = "document-edit-symbolic";
        }
      else if (raad_sync_access_get_can_read (item))
        {
          subtitle = _("Reads its records, cannot change them");
          icon_name = "view-reveal-symbolic";
        }
      else
        {
          subtitle = _("No access");
          icon_name = "action-unavailable-symbolic";
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     raad_sync_access_get_name (item));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      icon = gtk_image_new_from_icon_name (icon_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      subtitle, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (self->access_group, row);
      g_ptr_array_add (self->access_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->access_group), n > 0);
}

static void
show_certificate (RaadSyncPreferencesPage *self,
                  const char              *fingerprint)
{
  g_free (self->peer_fingerprint);
  self->peer_fingerprint = g_strdup (fingerprint);
  gtk_label_set_label (self->fingerprint_label,
                       fingerprint != NULL ? fingerprint : _("The server sent no certificate "
                                                             "that can be read."));
  gtk_widget_set_visible (self->trust_button, fingerprint != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->certificate_group), TRUE);
}

static void
hide_certificate (RaadSyncPreferencesPage *self)
{
  g_clear_pointer (&self->peer_fingerprint, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->certificate_group), FALSE);
}

/* Reads the fields; FALSE (with a message) when one is missing. */
static gboolean
read_fields (RaadSyncPreferencesPage  *self,
             char                    **url,
             char                    **user,
             char                    **password)
{
  *url = dup_url (self);
  *user = dup_text (self->user_row);
  *password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->password_row)));

  if (*url == NULL)
    {
      show_message (self, MESSAGE_ERROR, _("Enter the server’s address, for example "
                                           "https://sync.example.org."));
      gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
    }
  else if (**user == '\0')
    {
      show_message (self, MESSAGE_ERROR, _("Enter your user name."));
      gtk_widget_grab_focus (GTK_WIDGET (self->user_row));
    }
  else if (**password == '\0')
    {
      show_message (self, MESSAGE_ERROR, _("Enter your password."));
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
    }
  else
    return TRUE;

  g_clear_pointer (url, g_free);
  g_clear_pointer (user, g_free);
  g_clear_pointer (password, g_free);
  return FALSE;
}

/* The fingerprint to trust for @url: the one the user just trusted, or the saved one. */
static const char *
fingerprint_for (RaadSyncPreferencesPage *self,
                 const char              *url)
{
  if (self->pending_fingerprint != NULL)
    return self->pending_fingerprint;
  if (g_strcmp0 (url, raad_sync_get_url (self->sync)) == 0)
    return raad_sync_get_fingerprint (self->sync);
  return NULL;
}

static void check_done_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data);

static void
start_check (RaadSyncPreferencesPage *self,
             gboolean                 connect)
{
  Check *check = g_new0 (Check, 1);

  if (self->n_busy > 0 || !read_fields (self, &check->url, &check->user, &check->password))
    {
      g_free (check);
      return;
    }
  check->page = g_object_ref (self);
  check->connect = connect;
  check->fingerprint = g_strdup (fingerprint_for (self, check->url));

  hold (self);
  hide_certificate (self);
  show_message (self, MESSAGE_PROGRESS, _("Asking the server…"));
  raad_sync_check_account_async (self->sync, check->url, check->user, check->password,
                                 check->fingerprint, self->cancellable, check_done_cb, check);
}

static void
store_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RaadSyncPreferencesPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!raad_credentials_store_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_message ("Keeping the sync password failed: %s", error->message);
      {
        /* Translators: %s is "The password could not be kept in the keyring: …" */
        g_autofree char *text = g_strdup_printf (_("Connected. %s Sync works until you close "
                                                   "Raadswerk; then enter the password here "
                                                   "again."), error->message);

        show_message (self, MESSAGE_INFO, text);
      }
    }
  else
    show_message (self, MESSAGE_SUCCESS, _("Connected. The password is kept in the keyring, "
                                           "and sync runs by itself from now on."));
  release (self);
}

static void
clear_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RaadSyncPreferencesPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!raad_credentials_clear_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_message ("Removing the sync password failed: %s", error->message);
      /* Without a keyring there was nothing to remove. */
      if (!raad_credentials_error_is_unavailable (error))
        {
          g_autofree char *text = g_strdup_printf ("%s %s",
                                                   gtk_label_get_label (self->message_label),
                                                   error->message);

          show_message (self, MESSAGE_INFO, text);
        }
    }
  release (self);
}

/* The check succeeded and the user asked to connect: save the account. */
static void
connect_account (RaadSyncPreferencesPage *self,
                 Check                   *check)
{
  g_autofree char *old_url = g_strdup (raad_sync_get_url (self->sync));
  g_autofree char *old_user = g_strdup (raad_sync_get_user (self->sync));
  g_autoptr(GError) error = NULL;

  if (!raad_sync_set_account (self->sync, check->url, check->user, check->fingerprint, &error))
    {
      g_autofree char *text = NULL;

      g_warning ("Saving the sync account failed: %s", error->message);
      /* Translators: %s is the technical reason */
      text = g_strdup_printf (_("The account could not be saved: %s"), error->message);
      show_message (self, MESSAGE_ERROR, text);
      return;
    }
  g_clear_pointer (&self->pending_fingerprint, g_free);
  raad_sync_set_password (self->sync, check->password);
  /* Off and on: starts a sync now also when automatic sync was on already. */
  raad_sync_set_automatic (self->sync, FALSE);
  raad_sync_set_automatic (self->sync, TRUE);

  /* Another account's password does not stay behind in the keyring. */
  if (old_url != NULL && old_user != NULL
      && (g_strcmp0 (old_url, check->url) != 0 || g_strcmp0 (old_user, check->user) != 0))
    {
      hold (self);
      raad_credentials_clear_async (old_url, old_user, self->cancellable, clear_done_cb,
                                    g_object_ref (self));
    }
  hold (self);
  show_message (self, MESSAGE_PROGRESS, _("Connected. Keeping the password in the keyring…"));
  raad_credentials_store_async (check->url, check->user, check->password, self->cancellable,
                                store_done_cb, g_object_ref (self));
  update_status (self);
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Check) check = user_data;
  RaadSyncPreferencesPage *self = check->page;
  g_autoptr(GListModel) access = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *peer = NULL;

  access = raad_sync_check_account_finish (RAAD_SYNC (object), result, &peer, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->sync == NULL)
    return;
  release (self);

  if (access == NULL)
    {
      g_autofree char *text = describe_error (error);

      g_debug ("Checking the sync account failed: %s", error->message);
      clear_access (self);
      show_message (self, MESSAGE_ERROR, text);
      if (g_error_matches (error, RAAD_SYNC_ERROR, RAAD_SYNC_ERROR_CERTIFICATE))
        {
          self->trust_connects = check->connect;
          show_certificate (self, peer);
        }
      return;
    }

  show_access (self, access);
  if (check->connect)
    connect_account (self, check);
  else
    show_message (self, MESSAGE_SUCCESS, _("The connection works. Below is what this account "
                                           "may do."));
}

static void
lookup_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RaadSyncPreferencesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  char *password = raad_credentials_lookup_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  release (self);
  /* Only worth saying when this session has no password either. */
  if (error != NULL)
    {
      g_debug ("No sync password from the keyring: %s", error->message);
      if (!raad_sync_has_password (self->sync))
        show_message (self, MESSAGE_INFO, error->message);
    }
  if (password != NULL && *gtk_editable_get_text (GTK_EDITABLE (self->password_row)) == '\0')
    {
      self->filling = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), password);
      self->filling = FALSE;
    }
  raad_credentials_password_free (password);
}

static GtkWidget *
create_rejection_row (gpointer item,
                      gpointer user_data)
{
  RaadSyncRejection *rejection = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;

  /* Translators: %s is the server's reason, as the server gave it */
  subtitle = g_strdup_printf (_("Not accepted by the server: %s"),
                              raad_sync_rejection_get_reason (rejection));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 raad_sync_rejection_get_title (rejection));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, raad_sync_rejection_get_id (rejection));
  return row;
}

static void
rejections_changed_cb (RaadSyncPreferencesPage *self)
{
  GListModel *rejections = raad_sync_get_rejections (self->sync);

  gtk_widget_set_visible (GTK_WIDGET (self->rejections_group),
                          g_list_model_get_n_items (rejections) > 0);
}

/* Callbacks */

static void
fields_changed_cb (RaadSyncPreferencesPage *self)
{
  if (self->filling)
    return;
  /* A trusted fingerprint belongs to the address it was shown for. */
  if (self->pending_fingerprint != NULL || self->peer_fingerprint != NULL)
    {
      g_clear_pointer (&self->pending_fingerprint, g_free);
      hide_certificate (self);
    }
}

static void
test_clicked_cb (RaadSyncPreferencesPage *self)
{
  start_check (self, FALSE);
}

static void
connect_clicked_cb (RaadSyncPreferencesPage *self)
{
  start_check (self, TRUE);
}

static void
trust_clicked_cb (RaadSyncPreferencesPage *self)
{
  g_autofree char *fingerprint = g_strdup (self->peer_fingerprint);

  if (fingerprint == NULL)
    return;
  hide_certificate (self);
  self->pending_fingerprint = g_steal_pointer (&fingerprint);
  /* Try again with the certificate pinned, and go on with what the user asked for; "Connect"
   * saves the pin with the account. */
  start_check (self, self->trust_connects);
}

static void
sync_now_clicked_cb (RaadSyncPreferencesPage *self)
{
  raad_sync_start (self->sync);
}

static void
disconnect_response_cb (AdwMessageDialog        *dialog,
                        const char              *response,
                        RaadSyncPreferencesPage *self)
{
  g_autofree char *url = NULL;
  g_autofree char *user = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "disconnect") != 0 || !raad_sync_is_configured (self->sync))
    return;

  url = g_strdup (raad_sync_get_url (self->sync));
  user = g_strdup (raad_sync_get_user (self->sync));
  raad_sync_set_automatic (self->sync, FALSE);
  if (!raad_sync_set_account (self->sync, NULL, NULL, NULL, &error))
    {
      g_autofree char *text = NULL;

      g_warning ("Disconnecting failed: %s", error->message);
      /* Translators: %s is the technical reason */
      text = g_strdup_printf (_("Could not disconnect: %s"), error->message);
      show_message (self, MESSAGE_ERROR, text);
      return;
    }
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  self->filling = FALSE;
  clear_access (self);
  hide_certificate (self);
  update_status (self);
  show_message (self, MESSAGE_INFO, _("Disconnected. Every record is still on this laptop."));
  hold (self);
  raad_credentials_clear_async (url, user, self->cancellable, clear_done_cb,
                                g_object_ref (self));
}

static void
disconnect_clicked_cb (RaadSyncPreferencesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  if (!raad_sync_is_configured (self->sync))
    return;
  /* Translators: %s is the server's address */
  body = g_strdup_printf (_("This laptop stops syncing with %s. Every record stays on this "
                            "laptop, and the password is removed from the keyring."),
                          raad_sync_get_url (self->sync));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Disconnect from the Server?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "disconnect", _("_Disconnect"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "disconnect",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (disconnect_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
raad_sync_preferences_page_constructed (GObject *object)
{
  RaadSyncPreferencesPage *self = RAAD_SYNC_PREFERENCES_PAGE (object);
  GListModel *rejections;

  G_OBJECT_CLASS (raad_sync_preferences_page_parent_class)->constructed (object);

  g_signal_connect_object (self->sync, "notify::state", G_CALLBACK (update_status), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync, "notify::last-sync", G_CALLBACK (update_status), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync, "notify::error-message", G_CALLBACK (update_status),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync, "notify::configured", G_CALLBACK (update_status), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync, "finished", G_CALLBACK (update_status), self,
                           G_CONNECT_SWAPPED);

  rejections = raad_sync_get_rejections (self->sync);
  gtk_list_box_bind_model (self->rejections_list, rejections, create_rejection_row, NULL, NULL);
  g_signal_connect_object (rejections, "items-changed", G_CALLBACK (rejections_changed_cb),
                           self, G_CONNECT_SWAPPED);
  rejections_changed_cb (self);

  self->filling = TRUE;
  if (raad_sync_is_configured (self->sync))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->url_row), raad_sync_get_url (self->sync));
      gtk_editable_set_text (GTK_EDITABLE (self->user_row), raad_sync_get_user (self->sync));
      /* The password field shows the kept password (as dots), so that a test needs no
       * typing. */
      hold (self);
      raad_credentials_lookup_async (raad_sync_get_url (self->sync),
                                     raad_sync_get_user (self->sync), self->cancellable,
                                     lookup_done_cb, g_object_ref (self));
    }
  self->filling = FALSE;
  update_status (self);
}

static void
raad_sync_preferences_page_dispose (GObject *object)
{
  RaadSyncPreferencesPage *self = RAAD_SYNC_PREFERENCES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->rejections_list != NULL)
    gtk_list_box_bind_model (self->rejections_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAAD_TYPE_SYNC_PREFERENCES_PAGE);
  g_clear_object (&self->sync);

  G_OBJECT_CLASS (raad_sync_preferences_page_parent_class)->dispose (object);
}

static void
raad_sync_preferences_page_finalize (GObject *object)
{
  RaadSyncPreferencesPage *self = RAAD_SYNC_PREFERENCES_PAGE (object);

  g_clear_object (&self->cancellable);
  g_ptr_array_unref (self->access_rows);
  g_free (self->pending_fingerprint);
  g_free (self->peer_fingerprint);

  G_OBJECT_CLASS (raad_sync_preferences_page_parent_class)->finalize (object);
}

static void
raad_sync_preferences_page_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  RaadSyncPreferencesPage *self = RAAD_SYNC_PREFERENCES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SYNC:
      g_value_set_object (value, self->sync);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->n_busy > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_sync_preferences_page_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  RaadSyncPreferencesPage *self = RAAD_SYNC_PREFERENCES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SYNC:
      self->sync = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_sync_preferences_page_class_init (RaadSyncPreferencesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = raad_sync_preferences_page_constructed;
  object_class->dispose = raad_sync_preferences_page_dispose;
  object_class->finalize = raad_sync_preferences_page_finalize;
  object_class->get_property = raad_sync_preferences_page_get_property;
  object_class->set_property = raad_sync_preferences_page_set_property;

  properties[PROP_SYNC] =
    g_param_spec_object ("sync", NULL, NULL, RAAD_TYPE_SYNC,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/app/raad-sync-preferences-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RaadSyncPreferencesPage, status_group);
  gtk_widget_class_bind_template_child (widget_class, RaadSyncPreferencesPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, RaadSyncPreferencesPage, sync_now_button);
  gtk_widget_class_bind_template_child (widget_class, RaadSyncPreferencesPage, pinned_row);
  gtk_widget_class_bind_template_child (widget_class, RaadSyncPreferencesPage,
                                        disconnect_button);
  gtk_widget_class_bind_template_child (widget_class, RaadSyncPreferencesPage, url_row);
  gtk_widget_class_bind_template_child (widget_class, RaadSyncPreferencesPage, user_row);
  gtk_widget_class_bind_template_child (widget_class, RaadSyncPreferencesPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, RaadSyncPreferencesPage, message_box);
  gtk_widget_class_bind_template_child (widget_class, RaadSyncPreferencesPage, message_spinner);
  gtk_widget_class_bind_template_child (widget_class, RaadSyncPreferencesPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, RaadSyncPreferencesPage, test_button);
  gtk_widget_class_bind_template_child (widget_class, RaadSyncPreferencesPage, connect_button);
  gtk_widget_class_bind_template_child (widget_class, RaadSyncPreferencesPage,
                                        certificate_group);
  gtk_widget_class_bind_template_child (widget_class, RaadSyncPreferencesPage,
                                        fingerprint_label);
  gtk_widget_class_bind_template_child (widget_class, RaadSyncPreferencesPage, trust_button);
  gtk_widget_class_bind_template_child (widget_class, RaadSyncPreferencesPage, access_group);
  gtk_widget_class_bind_template_child (widget_class, RaadSyncPreferencesPage,
                                        rejections_group);
  gtk_widget_class_bind_template_child (widget_class, RaadSyncPreferencesPage, rejections_list);
  gtk_widget_class_bind_template_callback (widget_class, fields_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, test_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, connect_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, trust_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, sync_now_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, disconnect_clicked_cb);
}

static void
raad_sync_preferences_page_init (RaadSyncPreferencesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  raad_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->access_rows = g_ptr_array_new ();
}

/* Public API */

RaadSyncPreferencesPage *
raad_sync_preferences_page_new (RaadSync *sync)
{
  g_return_val_if_fail (RAAD_IS_SYNC (sync), NULL);

  return g_object_new (RAAD_TYPE_SYNC_PREFERENCES_PAGE, "sync", sync, NULL);
}

gboolean
raad_sync_preferences_page_get_busy (RaadSyncPreferencesPage *self)
{
  g_return_val_if_fail (RAAD_IS_SYNC_PREFERENCES_PAGE (self), FALSE);

  return self->n_busy > 0;
}

void
raad_sync_preferences_page_add_to (AdwPreferencesWindow *window,
                                   RaadSync             *sync)
{
  g_return_if_fail (ADW_IS_PREFERENCES_WINDOW (window));
  g_return_if_fail (RAAD_IS_SYNC (sync));

  adw_preferences_window_add (window, ADW_PREFERENCES_PAGE (raad_sync_preferences_page_new (sync)));
}

void
raad_sync_preferences_present (GtkWidget *widget,
                               RaadSync  *sync)
{
  GtkRoot *root;
  RaadPreferencesWindow *preferences;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (RAAD_IS_SYNC (sync));

  root = gtk_widget_get_root (widget);
  preferences = raad_preferences_window_new (raad_sync_get_store (sync));
  raad_sync_preferences_page_add_to (ADW_PREFERENCES_WINDOW (preferences), sync);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "sync");
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (preferences));
}
