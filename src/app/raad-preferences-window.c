/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-preferences-window.c: the organisation's name and the face-book settings */
#define G_LOG_DOMAIN "raad-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "raad-organisation.h"
#include "raad-preferences-window.h"

struct _RaadPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  RaadStore            *store;
  GSettings            *settings;

  AdwEntryRow          *organisation_row;
  GtkLabel             *organisation_error_label;
  GtkAdjustment        *term_adjustment;
  GtkSwitch            *contact_switch;
};

G_DEFINE_FINAL_TYPE (RaadPreferencesWindow, raad_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The text of an entry without the spaces around it. */
static char *
dup_text (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

static void
organisation_apply_cb (RaadPreferencesWindow *self)
{
  g_autoptr(RaadOrganisation) organisation = raad_organisation_load_default (self->store);
  g_autofree char *name = dup_text (self->organisation_row);
  g_autoptr(GError) error = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->organisation_error_label), FALSE);
  if (*name == '\0')
    {
      gtk_label_set_label (self->organisation_error_label,
                           _("The organisation needs a name."));
      gtk_widget_set_visible (GTK_WIDGET (self->organisation_error_label), TRUE);
      return;
    }
  if (organisation == NULL)
    organisation = raad_organisation_new (self->store);
  raad_organisation_set_name (organisation, name);
  if (!raad_record_save (RAAD_RECORD (organisation), &error))
    {
      g_autofree char *message = g_strdup_printf (_("The name could not be saved: %s"),
                                                  error->message);

      g_warning ("Saving the organisation failed: %s", error->message);
      gtk_label_set_label (self->organisation_error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->organisation_error_label), TRUE);
    }
}

static void
term_changed_cb (RaadPreferencesWindow *self)
{
  guint months = (guint) gtk_adjustment_get_value (self->term_adjustment);

  if (g_settings_get_uint (self->settings, "term-warning-months") != months)
    g_settings_set_uint (self->settings, "term-warning-months", months);
}

static void
raad_preferences_window_dispose (GObject *object)
{
  RaadPreferencesWindow *self = RAAD_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAAD_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (raad_preferences_window_parent_class)->dispose (object);
}

static void
raad_preferences_window_class_init (RaadPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = raad_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/app/raad-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RaadPreferencesWindow, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, RaadPreferencesWindow,
                                        organisation_error_label);
  gtk_widget_class_bind_template_child (widget_class, RaadPreferencesWindow, term_adjustment);
  gtk_widget_class_bind_template_child (widget_class, RaadPreferencesWindow, contact_switch);
  gtk_widget_class_bind_template_callback (widget_class, organisation_apply_cb);
}

static void
raad_preferences_window_init (RaadPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  gtk_adjustment_set_value (self->term_adjustment,
                            g_settings_get_uint (self->settings, "term-warning-months"));
  g_signal_connect_swapped (self->term_adjustment, "value-changed",
                            G_CALLBACK (term_changed_cb), self);
  g_settings_bind (self->settings, "show-contact-details", self->contact_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

RaadPreferencesWindow *
raad_preferences_window_new (RaadStore *store)
{
  RaadPreferencesWindow *self;
  g_autoptr(RaadOrganisation) organisation = NULL;

  g_return_val_if_fail (RAAD_IS_STORE (store), NULL);

  self = g_object_new (RAAD_TYPE_PREFERENCES_WINDOW, NULL);
  self->store = g_object_ref (store);
  organisation = raad_organisation_load_default (store);
  if (organisation != NULL && raad_organisation_get_name (organisation) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->organisation_row),
                           raad_organisation_get_name (organisation));
  return self;
}
