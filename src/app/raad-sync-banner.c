/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-sync-banner.c: under the header: sync progress, a stopped sync, conflicts to review */

/* Lasting states get a banner (libadwaita 1.2 has no AdwBanner, so these are revealers of our
 * own): a sync that stopped and waits for the user (wrong password, no access, no password in
 * the keyring) and records whose versions conflict. A thin progress bar runs while a sync
 * does. Offline is no banner: Raadswerk works offline, and the header's button says so. */

#define G_LOG_DOMAIN "raad-sync-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "raad-a11y.h"
#include "raad-conflict-dialog.h"
#include "raad-credentials.h"
#include "raad-sync-banner.h"
#include "raad-sync-preferences-page.h"

struct _RaadSyncBanner
{
  GtkWidget           parent_instance;

  RaadSync           *sync;
  GCancellable       *cancellable;
  char               *keyring_message;  /* why the keyring gave no password, or NULL */
  gboolean            looked_up;        /* the keyring was asked this session */
  gboolean            busy;
  RaadConflictDialog *dialog;           /* weak */

  GtkRevealer        *progress_revealer;
  GtkProgressBar     *progress_bar;
  GtkRevealer        *problem_revealer;
  GtkWidget          *problem_box;
  GtkLabel           *problem_label;
  GtkRevealer        *conflict_revealer;
  GtkLabel           *conflict_label;
};

G_DEFINE_FINAL_TYPE (RaadSyncBanner, raad_sync_banner, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SYNC,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_busy (RaadSyncBanner *self,
          gboolean        busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update (RaadSyncBanner *self)
{
  RaadSyncState state = self->sync != NULL ? raad_sync_get_state (self->sync)
                                           : RAAD_SYNC_STATE_DISABLED;
  guint n_conflicts = self->sync != NULL ? raad_sync_get_n_conflicts (self->sync) : 0;
  g_autofree char *problem = NULL;
  g_autofree char *conflicts = NULL;

  gtk_revealer_set_reveal_child (self->progress_revealer, state == RAAD_SYNC_STATE_SYNCING);
  if (state == RAAD_SYNC_STATE_SYNCING)
    gtk_progress_bar_set_fraction (self->progress_bar,
                                   MAX (0.0, raad_sync_get_progress (self->sync)));

  if (state == RAAD_SYNC_STATE_ERROR)
    /* Translators: %s says why, e.g. "Wrong user name or password" */
    problem = g_strdup_printf (_("Sync stopped: %s."),
                               raad_sync_get_error_message (self->sync) != NULL
                               ? raad_sync_get_error_message (self->sync)
                               : _("unknown problem"));
  else if (state != RAAD_SYNC_STATE_DISABLED && !self->busy && self->looked_up
           && !raad_sync_has_password (self->sync))
    {
      if (self->keyring_message != NULL)
        /* Translators: %s is "The password could not be read from the keyring: …" */
        problem = g_strdup_printf (_("Sync is paused. %s Enter the password in the sync "
                                     "settings."), self->keyring_message);
      else
        problem = g_strdup (_("Sync is paused: enter the password in the sync settings."));
    }
  if (problem != NULL)
    gtk_label_set_label (self->problem_label, problem);
  /* A stopped sync is an error; a pause for the password is a notice. */
  if (state == RAAD_SYNC_STATE_ERROR)
    gtk_widget_add_css_class (self->problem_box, "error");
  else
    gtk_widget_remove_css_class (self->problem_box, "error");
  gtk_revealer_set_reveal_child (self->problem_revealer, problem != NULL);

  if (n_conflicts > 0)
    {
      conflicts = g_strdup_printf (ngettext ("%u record has conflicting versions",
                                             "%u records have conflicting versions",
                                             n_conflicts),
                                   n_conflicts);
      gtk_label_set_label (self->conflict_label, conflicts);
    }
  gtk_revealer_set_reveal_child (self->conflict_revealer, n_conflicts > 0);
}

/* Callbacks */

static void
lookup_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RaadSyncBanner) self = user_data;
  g_autoptr(GError) error = NULL;
  char *password = raad_credentials_lookup_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  self->looked_up = TRUE;
  g_clear_pointer (&self->keyring_message, g_free);
  if (error != NULL)
    {
      g_message ("No sync password from the keyring: %s", error->message);
      self->keyring_message = g_strdup (error->message);
    }
  if (self->sync == NULL)
    {
      raad_credentials_password_free (password);
      return;
    }
  if (password != NULL)
    {
      raad_sync_set_password (self->sync, password);
      raad_credentials_password_free (password);
      raad_sync_set_automatic (self->sync, TRUE);
    }
  update (self);
}

static void
settings_clicked_cb (RaadSyncBanner *self)
{
  if (self->sync != NULL)
    raad_sync_preferences_present (GTK_WIDGET (self), self->sync);
}

static void
review_clicked_cb (RaadSyncBanner *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->sync == NULL)
    return;
  if (self->dialog == NULL)
    {
      self->dialog = raad_conflict_dialog_new (raad_sync_get_store (self->sync));
      g_object_add_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
      if (GTK_IS_WINDOW (root))
        gtk_window_set_transient_for (GTK_WINDOW (self->dialog), GTK_WINDOW (root));
    }
  gtk_window_present (GTK_WINDOW (self->dialog));
}

/* GObject */

static void
raad_sync_banner_dispose (GObject *object)
{
  RaadSyncBanner *self = RAAD_SYNC_BANNER (object);

  g_cancellable_cancel (self->cancellable);
  if (self->sync != NULL)
    g_signal_handlers_disconnect_by_data (self->sync, self);
  g_clear_object (&self->sync);
  if (self->dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
      self->dialog = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), RAAD_TYPE_SYNC_BANNER);

  G_OBJECT_CLASS (raad_sync_banner_parent_class)->dispose (object);
}

static void
raad_sync_banner_finalize (GObject *object)
{
  RaadSyncBanner *self = RAAD_SYNC_BANNER (object);

  g_clear_object (&self->cancellable);
  g_free (self->keyring_message);

  G_OBJECT_CLASS (raad_sync_banner_parent_class)->finalize (object);
}

static void
raad_sync_banner_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RaadSyncBanner *self = RAAD_SYNC_BANNER (object);

  switch (prop_id)
    {
    case PROP_SYNC:
      g_value_set_object (value, self->sync);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_sync_banner_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RaadSyncBanner *self = RAAD_SYNC_BANNER (object);

  switch (prop_id)
    {
    case PROP_SYNC:
      raad_sync_banner_set_sync (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_sync_banner_class_init (RaadSyncBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = raad_sync_banner_dispose;
  object_class->finalize = raad_sync_banner_finalize;
  object_class->get_property = raad_sync_banner_get_property;
  object_class->set_property = raad_sync_banner_set_property;

  properties[PROP_SYNC] =
    g_param_spec_object ("sync", NULL, NULL, RAAD_TYPE_SYNC,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/app/raad-sync-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, RaadSyncBanner, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, RaadSyncBanner, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RaadSyncBanner, problem_revealer);
  gtk_widget_class_bind_template_child (widget_class, RaadSyncBanner, problem_box);
  gtk_widget_class_bind_template_child (widget_class, RaadSyncBanner, problem_label);
  gtk_widget_class_bind_template_child (widget_class, RaadSyncBanner, conflict_revealer);
  gtk_widget_class_bind_template_child (widget_class, RaadSyncBanner, conflict_label);
  gtk_widget_class_bind_template_callback (widget_class, settings_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, review_clicked_cb);
}

static void
raad_sync_banner_init (RaadSyncBanner *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_widget_init_template (GTK_WIDGET (self));
  raad_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  update (self);
}

/* Public API */

RaadSync *
raad_sync_banner_get_sync (RaadSyncBanner *self)
{
  g_return_val_if_fail (RAAD_IS_SYNC_BANNER (self), NULL);

  return self->sync;
}

void
raad_sync_banner_set_sync (RaadSyncBanner *self,
                           RaadSync       *sync)
{
  g_return_if_fail (RAAD_IS_SYNC_BANNER (self));
  g_return_if_fail (sync == NULL || RAAD_IS_SYNC (sync));

  if (self->sync == sync)
    return;
  if (self->sync != NULL)
    g_signal_handlers_disconnect_by_data (self->sync, self);
  g_set_object (&self->sync, sync);
  if (sync != NULL)
    {
      /* Every property of the sync shows here; a password from the keyring or the settings
       * changes none, which "finished" covers. */
      g_signal_connect_swapped (sync, "notify", G_CALLBACK (update), self);
      g_signal_connect_swapped (sync, "finished", G_CALLBACK (update), self);
    }
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNC]);
}

void
raad_sync_banner_resume (RaadSyncBanner *self)
{
  g_return_if_fail (RAAD_IS_SYNC_BANNER (self));

  if (self->sync == NULL || !raad_sync_is_configured (self->sync))
    return;
  if (raad_sync_has_password (self->sync))
    {
      raad_sync_set_automatic (self->sync, TRUE);
      return;
    }
  set_busy (self, TRUE);
  raad_credentials_lookup_async (raad_sync_get_url (self->sync), raad_sync_get_user (self->sync),
                                 self->cancellable, lookup_done_cb, g_object_ref (self));
}

gboolean
raad_sync_banner_get_busy (RaadSyncBanner *self)
{
  g_return_val_if_fail (RAAD_IS_SYNC_BANNER (self), FALSE);

  return self->busy;
}
