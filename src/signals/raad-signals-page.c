/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-signals-page.c: the constituency (achterban): signals, followed to the agenda and back, themes over time */
#define G_LOG_DOMAIN "raad-signals-page"

#include "config.h"

#include <adwaita.h>

#include "raad-signals-page.h"

struct _RaadSignalsPage
{
  GtkWidget   parent_instance;

  RaadStore  *store;
  GSettings  *settings;
  char       *council_id;
};

G_DEFINE_FINAL_TYPE (RaadSignalsPage, raad_signals_page, GTK_TYPE_WIDGET)

static void
council_changed_cb (RaadSignalsPage *self)
{
  g_autofree char *id = g_settings_get_string (self->settings, "current-council");

  g_free (self->council_id);
  self->council_id = *id != '\0' ? g_steal_pointer (&id) : NULL;
}

static void
raad_signals_page_dispose (GObject *object)
{
  RaadSignalsPage *self = RAAD_SIGNALS_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), RAAD_TYPE_SIGNALS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->council_id, g_free);

  G_OBJECT_CLASS (raad_signals_page_parent_class)->dispose (object);
}

static void
raad_signals_page_class_init (RaadSignalsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = raad_signals_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/raadswerk/Raadswerk/signals/raad-signals-page.ui");
}

static void
raad_signals_page_init (RaadSignalsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::current-council",
                           G_CALLBACK (council_changed_cb), self, G_CONNECT_SWAPPED);
  council_changed_cb (self);
}

void
raad_signals_page_set_store (RaadSignalsPage *self,
                   RaadStore *store)
{
  g_return_if_fail (RAAD_IS_SIGNALS_PAGE (self));

  g_set_object (&self->store, store);
}

RaadStore *
raad_signals_page_get_store (RaadSignalsPage *self)
{
  g_return_val_if_fail (RAAD_IS_SIGNALS_PAGE (self), NULL);

  return self->store;
}

const char *
raad_signals_page_get_council_id (RaadSignalsPage *self)
{
  g_return_val_if_fail (RAAD_IS_SIGNALS_PAGE (self), NULL);

  return self->council_id;
}
