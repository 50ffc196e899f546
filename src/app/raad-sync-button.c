/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-sync-button.c: the header bar's sync button: shows the state, syncs on a click */
#define G_LOG_DOMAIN "raad-sync-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "raad-sync-button.h"
#include "raad-sync-preferences-page.h"

struct _RaadSyncButton
{
  GtkWidget   parent_instance;

  RaadSync   *sync;
  char       *status;
  const char *icon_name;

  GtkButton  *button;
  GtkStack   *stack;
  GtkImage   *image;
  GtkSpinner *spinner;
};

G_DEFINE_FINAL_TYPE (RaadSyncButton, raad_sync_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SYNC,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a click does in the current state. */
static gboolean
opens_preferences (RaadSyncButton *self)
{
  return self->sync != NULL
         && (raad_sync_get_state (self->sync) == RAAD_SYNC_STATE_ERROR
             || !raad_sync_has_password (self->sync));
}

static void
update (RaadSyncButton *self)
{
  RaadSyncState state = self->sync != NULL ? raad_sync_get_state (self->sync)
                                           : RAAD_SYNC_STATE_DISABLED;
  const char *message = self->sync != NULL ? raad_sync_get_error_message (self->sync) : NULL;
  g_autofree char *last = NULL;
  g_autofree char *status = NULL;
  const char *icon_name = NULL;
  gboolean error = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self), state != RAAD_SYNC_STATE_DISABLED);
  if (state == RAAD_SYNC_STATE_DISABLED)
    status = g_strdup (_("Sync is not set up"));
  else
    last = raad_sync_dup_last_sync_text (self->sync);

  switch (state)
    {
    case RAAD_SYNC_STATE_DISABLED:
      icon_name = "emblem-synchronizing-symbolic";
      break;
    case RAAD_SYNC_STATE_IDLE:
      if (!raad_sync_has_password (self->sync))
        {
          icon_name = "dialog-password-symbolic";
          status = g_strdup (_("Sync is paused until you enter the password\n"
                               "Click to open the sync settings"));
        }
      else
        {
          icon_name = "emblem-synchronizing-symbolic";
          /* Translators: %s is "Synced at 14:05" or "Not synced yet" */
          status = g_strdup_printf (_("%s\nClick to sync now"), last);
        }
      break;
    case RAAD_SYNC_STATE_SYNCING:
      {
        double progress = raad_sync_get_progress (self->sync);

        if (progress >= 0)
          /* Translators: %d is a percentage; "%%" is the percent sign */
          status = g_strdup_printf (_("Syncing… %d %%"), (int) (progress * 100 + 0.5));
        else
          status = g_strdup (_("Syncing…"));
      }
      break;
    case RAAD_SYNC_STATE_OFFLINE:
      icon_name = "network-offline-symbolic";
      /* Translators: the first %s says why ("The server cannot be reached: …"), the second
       * is "Synced at 14:05" */
      status = g_strdup_printf (_("Offline: %s\nRaadswerk tries again by itself. %s"),
                                message != NULL ? message : _("The server cannot be reached"),
                                last);
      break;
    case RAAD_SYNC_STATE_ERROR:
    default:
      icon_name = "dialog-warning-symbolic";
      error = TRUE;
      /* Translators: %s says why, e.g. "Wrong user name or password" */
      status = g_strdup_printf (_("Sync stopped: %s\nClick to open the sync settings"),
                                message != NULL ? message : _("unknown problem"));
      break;
    }

  self->icon_name = icon_name;
  if (icon_name != NULL)
    {
      gtk_image_set_from_icon_name (self->image, icon_name);
      gtk_stack_set_visible_child_name (self->stack, "icon");
      gtk_spinner_stop (self->spinner);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "spinner");
      gtk_spinner_start (self->spinner);
    }
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->image), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->image), "error");

  if (g_strcmp0 (self->status, status) != 0)
    {
      g_free (self->status);
      self->status = g_steal_pointer (&status);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), self->status);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, self->status, -1);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

/* Callbacks */

static void
clicked_cb (RaadSyncButton *self)
{
  if (self->sync == NULL)
    return;
  if (opens_preferences (self))
    {
      raad_sync_preferences_present (GTK_WIDGET (self), self->sync);
      return;
    }
  if (raad_sync_get_state (self->sync) != RAAD_SYNC_STATE_SYNCING)
    raad_sync_start (self->sync);
}

/* GObject */

static void
raad_sync_button_dispose (GObject *object)
{
  RaadSyncButton *self = RAAD_SYNC_BUTTON (object);

  if (self->sync != NULL)
    g_signal_handlers_disconnect_by_data (self->sync, self);
  g_clear_object (&self->sync);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAAD_TYPE_SYNC_BUTTON);

  G_OBJECT_CLASS (raad_sync_button_parent_class)->dispose (object);
}

static void
raad_sync_button_finalize (GObject *object)
{
  RaadSyncButton *self = RAAD_SYNC_BUTTON (object);

  g_free (self->status);

  G_OBJECT_CLASS (raad_sync_button_parent_class)->finalize (object);
}

static void
raad_sync_button_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RaadSyncButton *self = RAAD_SYNC_BUTTON (object);

  switch (prop_id)
    {
    case PROP_SYNC:
      g_value_set_object (value, self->sync);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_sync_button_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RaadSyncButton *self = RAAD_SYNC_BUTTON (object);

  switch (prop_id)
    {
    case PROP_SYNC:
      raad_sync_button_set_sync (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_sync_button_class_init (RaadSyncButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = raad_sync_button_dispose;
  object_class->finalize = raad_sync_button_finalize;
  object_class->get_property = raad_sync_button_get_property;
  object_class->set_property = raad_sync_button_set_property;

  properties[PROP_SYNC] =
    g_param_spec_object ("sync", NULL, NULL, RAAD_TYPE_SYNC,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/app/raad-sync-button.ui");
  gtk_widget_class_bind_template_child (widget_class, RaadSyncButton, button);
  gtk_widget_class_bind_template_child (widget_class, RaadSyncButton, stack);
  gtk_widget_class_bind_template_child (widget_class, RaadSyncButton, image);
  gtk_widget_class_bind_template_child (widget_class, RaadSyncButton, spinner);
  gtk_widget_class_bind_template_callback (widget_class, clicked_cb);
}

static void
raad_sync_button_init (RaadSyncButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

/* Public API */

RaadSync *
raad_sync_button_get_sync (RaadSyncButton *self)
{
  g_return_val_if_fail (RAAD_IS_SYNC_BUTTON (self), NULL);

  return self->sync;
}

void
raad_sync_button_set_sync (RaadSyncButton *self,
                           RaadSync       *sync)
{
  g_return_if_fail (RAAD_IS_SYNC_BUTTON (self));
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

const char *
raad_sync_button_get_status (RaadSyncButton *self)
{
  g_return_val_if_fail (RAAD_IS_SYNC_BUTTON (self), NULL);

  return self->status;
}

const char *
raad_sync_button_get_icon_name (RaadSyncButton *self)
{
  g_return_val_if_fail (RAAD_IS_SYNC_BUTTON (self), NULL);

  return self->icon_name;
}

char *
raad_sync_dup_last_sync_text (RaadSync *sync)
{
  GDateTime *last;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *time = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (RAAD_IS_SYNC (sync), NULL);

  last = raad_sync_get_last_sync (sync);
  if (last == NULL)
    return g_strdup (_("Not synced yet"));
  local = g_date_time_to_local (last);
  now = g_date_time_new_now_local ();
  time = g_date_time_format (local, "%H:%M");
  if (g_date_time_get_year (local) == g_date_time_get_year (now)
      && g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    /* Translators: %s is a time, 14:05 */
    return g_strdup_printf (_("Synced at %s"), time);
  /* Translators: a day and month for "Synced on 3 March at 14:05" (g_date_time_format) */
  date = g_date_time_format (local, C_("sync date", "%-d %B"));
  /* Translators: the first %s is a day and month, the second a time */
  return g_strdup_printf (_("Synced on %s at %s"), date, time);
}
